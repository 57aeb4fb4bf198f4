"""The Flow section of an automation campaign: ordered steps, each with its own editors."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QMenu, QSpinBox, QToolButton,
                               QVBoxLayout, QWidget)

from ...core.automation import (ADD_STEP, CHANGE_STEP, CHANGEABLE_FIELDS, REMOVE_STEP, STEP_LABELS, WAIT_STEP,
                                step_label)
from ...core.automation.definitions import MAX_WAIT_SECONDS
from ...core.automation.library import CampaignChoice
from ...core.smartlists.describe import field_label
from ..i18n import translate
from ..theme import set_role
from .automation_widgets import fill_campaign_combo, select_data, tool_button

UNITS = {"minutes": 60, "hours": 3600, "days": 86400}
UNIT_WORDS = {"minutes": QT_TRANSLATE_NOOP("StepRow", "minutes"), "hours": QT_TRANSLATE_NOOP("StepRow", "hours"),
              "days": QT_TRANSLATE_NOOP("StepRow", "days")}  # the unit combo's words (its data: the keys)


def split_seconds(seconds: Any) -> tuple[int, str]:
    """A wait in the largest unit that divides it: 172800 → (2, "days"); partial minutes round up."""
    try:
        total = float(seconds)
    except (TypeError, ValueError):
        return 1, "days"
    if not math.isfinite(total) or total <= 0:
        return 1, "days"  # a stored Infinity or NaN (older versions took it): shown as a day, validation names it
    total = min(total, MAX_WAIT_SECONDS)
    for unit in ("days", "hours"):
        if total >= UNITS[unit] and total % UNITS[unit] == 0:
            return int(total // UNITS[unit]), unit
    return max(1, int(-(-total // 60))), "minutes"


class StepRow(QFrame):
    """One flow step. Steps this version does not know are kept as they are (validation names them)."""

    changed = Signal()
    move_requested = Signal(object, int)
    remove_requested = Signal(object)

    def __init__(self, step: dict, choices: list[CampaignChoice], parent: QWidget | None = None):
        super().__init__(parent)
        self.raw = dict(step)
        self.name = step.get("step")
        self.number_label = QLabel()
        self.number_label.setMinimumWidth(24)
        known = self.name in STEP_LABELS
        self.title = QLabel(f"<b>{step_label(self.name)}</b>" if known
                            else translate("StepRow", "Unknown step {name!r}").format(name=self.name))
        if not known:
            set_role(self.title, "error")
        self.campaign_combo = QComboBox()
        self.campaign_combo.setMinimumContentsLength(20)
        self.field_combo = QComboBox()
        for name in CHANGEABLE_FIELDS:
            self.field_combo.addItem(field_label(name), name)
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText(translate("StepRow", "new value"))
        self.amount_spin = QSpinBox()
        self.amount_spin.setRange(1, MAX_WAIT_SECONDS // UNITS["minutes"])
        self.unit_combo = QComboBox()
        for unit in UNITS:
            self.unit_combo.addItem(translate("StepRow", UNIT_WORDS[unit]), unit)
        self.up_button = tool_button("▲", translate("StepRow", "Move this step up"), translate("StepRow", "Move up"))
        self.down_button = tool_button("▼", translate("StepRow", "Move this step down"),
                                       translate("StepRow", "Move down"))
        self.remove_button = tool_button("✕", translate("StepRow", "Remove this step"),
                                         translate("StepRow", "Remove step"))
        # No label says what these edit (the step's title is rich text, no buddy): each names itself.
        for widget, name in ((self.campaign_combo, translate("StepRow", "Campaign")),
                             (self.field_combo, translate("StepRow", "Field to change")),
                             (self.value_edit, translate("StepRow", "New value")),
                             (self.amount_spin, translate("StepRow", "Wait for")),
                             (self.unit_combo, translate("StepRow", "Unit of time"))):
            widget.setAccessibleName(name)

        parts: list[QWidget] = []
        if self.name in (ADD_STEP, REMOVE_STEP):
            fill_campaign_combo(self.campaign_combo, choices, step.get("campaign_id") or None)
            parts = [self.campaign_combo]
        elif self.name == CHANGE_STEP:
            select_data(self.field_combo, step.get("field"), translate("StepRow", "{value} (not changeable)"))
            self.value_edit.setText("" if step.get("value") is None else str(step.get("value")))
            parts = [self.field_combo, QLabel(translate("StepRow", "to")), self.value_edit]
        elif self.name == WAIT_STEP:
            amount, unit = split_seconds(step.get("seconds", 86400))
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(unit))
            self._bound_amount()
            self.amount_spin.setValue(amount)
            self.unit_combo.currentIndexChanged.connect(self._bound_amount)
            parts = [self.amount_spin, self.unit_combo]

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.number_label)
        layout.addWidget(self.title)
        for widget in parts:
            layout.addWidget(widget)
        layout.addStretch(1)
        for button in (self.up_button, self.down_button, self.remove_button):
            layout.addWidget(button)

        for signal in (self.campaign_combo.currentIndexChanged, self.field_combo.currentIndexChanged,
                       self.value_edit.textChanged, self.amount_spin.valueChanged,
                       self.unit_combo.currentIndexChanged):
            signal.connect(self.changed)
        self.up_button.clicked.connect(lambda: self.move_requested.emit(self, -1))
        self.down_button.clicked.connect(lambda: self.move_requested.emit(self, 1))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    def _bound_amount(self) -> None:
        """A Wait lasts at most a year: 365 days, 8,760 hours or 525,600 minutes."""
        self.amount_spin.setMaximum(MAX_WAIT_SECONDS // UNITS[self.unit_combo.currentData() or "days"])

    def set_position(self, number: int, count: int) -> None:
        self.number_label.setText(f"{number}.")
        self.up_button.setEnabled(number > 1)
        self.down_button.setEnabled(number < count)

    def step(self) -> dict:
        if self.name in (ADD_STEP, REMOVE_STEP):
            return {"step": self.name, "campaign_id": self.campaign_combo.currentData()}
        if self.name == CHANGE_STEP:
            return {"step": CHANGE_STEP, "field": self.field_combo.currentData(), "value": self.value_edit.text()}
        if self.name == WAIT_STEP:
            return {"step": WAIT_STEP, "seconds": self.amount_spin.value() * UNITS[self.unit_combo.currentData()]}
        return dict(self.raw)


class FlowEditor(QWidget):
    """Ordered steps with Add step (menu), and per step: move up, move down, remove."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[StepRow] = []
        self._choices: list[CampaignChoice] = []
        self.add_step_button = QToolButton()
        self.add_step_button.setText(translate("FlowEditor", "Add step"))
        self.add_step_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_step_button)
        for key in STEP_LABELS:
            action = menu.addAction(step_label(key))
            action.setData(key)
            action.triggered.connect(lambda _=False, key=key: self.add_step(_new_step(key)))
        self.add_step_button.setMenu(menu)
        self.steps_layout = QVBoxLayout()
        self.hint = QLabel(translate("FlowEditor",
                                     "The flow is empty: add at least one step. Steps run in order for each person."))
        set_role(self.hint, "hint")
        layout = QVBoxLayout(self)
        layout.addLayout(self.steps_layout)
        layout.addWidget(self.hint)
        layout.addWidget(self.add_step_button)
        layout.addStretch(1)

    def load(self, flow: list[dict], choices: list[CampaignChoice]) -> None:
        blocked = self.blockSignals(True)
        try:
            self._choices = list(choices)
            for row in self.rows:
                row.setParent(None)
                row.deleteLater()
            self.rows = []
            for step in flow:
                self.add_step(step if isinstance(step, dict) else {"step": repr(step)})
        finally:
            self.blockSignals(blocked)

    def add_step(self, step: dict) -> StepRow:
        row = StepRow(step, self._choices, self)
        row.changed.connect(self.changed)
        row.move_requested.connect(self.move)
        row.remove_requested.connect(self.remove)
        self.rows.append(row)
        self._relayout()
        self.changed.emit()
        return row

    def remove(self, row: StepRow) -> None:
        if row in self.rows:
            self.rows.remove(row)
            row.setParent(None)
            row.deleteLater()
            self._relayout()
            self.changed.emit()

    def move(self, row: StepRow, delta: int) -> None:
        index = self.rows.index(row)
        target = index + delta
        if not 0 <= target < len(self.rows):
            return
        self.rows[index], self.rows[target] = self.rows[target], self.rows[index]
        self._relayout()
        self.changed.emit()

    def _relayout(self) -> None:
        for row in self.rows:
            self.steps_layout.removeWidget(row)
        for number, row in enumerate(self.rows, 1):
            self.steps_layout.addWidget(row)
            row.set_position(number, len(self.rows))
        self.hint.setVisible(not self.rows)

    def flow(self) -> list[dict]:
        return [row.step() for row in self.rows]


def _new_step(name: str) -> dict:
    if name in (ADD_STEP, REMOVE_STEP):
        return {"step": name, "campaign_id": None}
    if name == CHANGE_STEP:
        return {"step": name, "field": CHANGEABLE_FIELDS[0], "value": ""}
    return {"step": WAIT_STEP, "seconds": 86400}
