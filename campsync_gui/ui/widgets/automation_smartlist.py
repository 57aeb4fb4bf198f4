"""The Smart List section of an automation campaign: triggers, numbered filters, logic and a live count."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QToolButton, QVBoxLayout,
                               QWidget)

from ...core import smartlists
from ...core.automation import TRIGGER_TYPES, trigger_type_label
from ...core.automation.library import AutomationLibrary, CampaignChoice
from ...core.smartlists import SmartListError
from ...core.store import STORE_OUTAGES, outage_reason
from ...language import plural
from ..i18n import translate
from ..theme import set_role
from .automation_filters import FILTER_KINDS, FilterRow, filter_words, new_filter
from .automation_triggers import TriggerRow

log = logging.getLogger(__name__)
OUTAGE_RETRY_MS = 2000  # the store did not answer a count: ask again this much later

COUNT_DELAY_MS = 300
LOGIC_ALL, LOGIC_ANY, LOGIC_ADVANCED = "all", "any", "advanced"
# Not translated: the logic's keywords (and, or, not) are the same in every language, as the parser reads them.
LOGIC_EXAMPLE = "1 and (2 or 3)"


class SmartListEditor(QWidget):
    """Triggers (trigger campaigns only), filters, logic, and "N people qualify" counted ~300 ms after edits."""

    changed = Signal()

    def __init__(self, library: AutomationLibrary, parent: QWidget | None = None, *,
                 count_delay_ms: int = COUNT_DELAY_MS):
        super().__init__(parent)
        self.library = library
        self.trigger_rows: list[TriggerRow] = []
        self.filter_rows: list[FilterRow] = []
        self._choices: list[CampaignChoice] = []
        self._activity_types: list[str] = []
        self.last_count: int | None = None
        self.last_error: str | None = None

        self.count_timer = QTimer(self)
        self.count_timer.setSingleShot(True)
        self.count_timer.setInterval(count_delay_ms)
        self._count_delay_ms = count_delay_ms
        self.count_timer.timeout.connect(self.refresh_count)

        self.add_trigger_button = QToolButton()
        self.add_trigger_button.setText(translate("SmartListEditor", "Add trigger"))
        self.add_trigger_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_trigger_button)
        for key in TRIGGER_TYPES:
            action = menu.addAction(trigger_type_label(key))
            action.setData(key)
            action.triggered.connect(lambda _=False, key=key: self.add_trigger({"type": key}))
        self.add_trigger_button.setMenu(menu)
        self.triggers_layout = QVBoxLayout()
        self.triggers_hint = QLabel(translate(
            "SmartListEditor", "No trigger yet: a trigger campaign runs when any of its triggers fires."))
        set_role(self.triggers_hint, "hint")
        self.triggers_box = QGroupBox(translate("SmartListEditor", "Triggers (any of them fires the campaign)"))
        box = QVBoxLayout(self.triggers_box)
        box.addLayout(self.triggers_layout)
        box.addWidget(self.triggers_hint)
        box.addWidget(self.add_trigger_button)

        self.add_filter_button = QToolButton()
        self.add_filter_button.setText(translate("SmartListEditor", "Add filter"))
        self.add_filter_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_filter_button)
        for key, label in FILTER_KINDS.items():
            action = menu.addAction(filter_words(label))
            action.setData(key)
            action.triggered.connect(lambda _=False, key=key: self.add_filter(new_filter(key)))
        self.add_filter_button.setMenu(menu)
        self.filters_layout = QVBoxLayout()
        self.filters_hint = QLabel(translate("SmartListEditor", "No filter: everyone qualifies."))
        set_role(self.filters_hint, "hint")
        self.logic_combo = QComboBox()
        self.logic_combo.addItem(translate("SmartListEditor", "All filters (and)"), LOGIC_ALL)
        self.logic_combo.addItem(translate("SmartListEditor", "Any filter (or)"), LOGIC_ANY)
        self.logic_combo.addItem(translate("SmartListEditor", "Advanced"), LOGIC_ADVANCED)
        self.logic_edit = QLineEdit()
        self.logic_edit.setPlaceholderText(LOGIC_EXAMPLE)
        self.logic_edit.setEnabled(False)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        logic_row = QHBoxLayout()
        logic_row.addWidget(QLabel(translate("SmartListEditor", "Logic:")))
        logic_row.addWidget(self.logic_combo)
        logic_row.addWidget(self.logic_edit, 1)
        self.filters_box = QGroupBox(translate("SmartListEditor", "Filters"))
        box = QVBoxLayout(self.filters_box)
        box.addLayout(self.filters_layout)
        box.addWidget(self.filters_hint)
        box.addWidget(self.add_filter_button)
        box.addLayout(logic_row)
        box.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addWidget(self.triggers_box)
        layout.addWidget(self.filters_box)
        layout.addStretch(1)

        self.logic_combo.currentIndexChanged.connect(self._on_logic_mode)
        self.logic_edit.textChanged.connect(self._on_filters_edited)

    # ---- loading ----------------------------------------------------------------------------------

    def load(self, kind: str, smart_list: dict, triggers: list[dict], choices: list[CampaignChoice],
             activity_types: list[str]) -> None:
        """Show one campaign's smart list (signals from the rebuilt widgets are not edits)."""
        blocked = self.blockSignals(True)
        try:
            self._choices, self._activity_types = list(choices), list(activity_types)
            for row in self.trigger_rows + self.filter_rows:
                row.setParent(None)
                row.deleteLater()
            self.trigger_rows, self.filter_rows = [], []
            self.triggers_box.setVisible(kind == "trigger")
            for trigger in (triggers if kind == "trigger" else []):
                self.add_trigger(trigger)
            filters = smart_list.get("filters") if isinstance(smart_list, dict) else None
            for flt in filters or []:
                self.add_filter(flt if isinstance(flt, dict) else {"kind": repr(flt)})
            logic = smart_list.get("logic") if isinstance(smart_list, dict) else None
            logic = logic if isinstance(logic, str) else "all"
            mode = logic.strip().lower() if logic.strip().lower() in (LOGIC_ALL, LOGIC_ANY) else LOGIC_ADVANCED
            if not logic.strip():
                mode = LOGIC_ALL
            self.logic_combo.blockSignals(True)
            self.logic_combo.setCurrentIndex(self.logic_combo.findData(mode))
            self.logic_combo.blockSignals(False)
            self.logic_edit.blockSignals(True)
            self.logic_edit.setText(logic if mode == LOGIC_ADVANCED else "")
            self.logic_edit.blockSignals(False)
            self.logic_edit.setEnabled(mode == LOGIC_ADVANCED)
            self._update_hints()
        finally:
            self.blockSignals(blocked)
        self.schedule_count()

    def add_trigger(self, trigger: dict) -> TriggerRow:
        row = TriggerRow(trigger, self._choices, self._activity_types, self)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self.remove_trigger)
        self.trigger_rows.append(row)
        self.triggers_layout.addWidget(row)
        self._update_hints()
        self.changed.emit()
        return row

    def remove_trigger(self, row: TriggerRow) -> None:
        if row in self.trigger_rows:
            self.trigger_rows.remove(row)
            row.setParent(None)
            row.deleteLater()
            self._update_hints()
            self.changed.emit()

    def add_filter(self, flt: dict) -> FilterRow:
        row = FilterRow(flt, self._choices, self._activity_types, self)
        row.changed.connect(self._on_filters_edited)
        row.remove_requested.connect(self.remove_filter)
        self.filter_rows.append(row)
        self.filters_layout.addWidget(row)
        self._update_hints()
        self._on_filters_edited()
        return row

    def remove_filter(self, row: FilterRow) -> None:
        if row in self.filter_rows:
            self.filter_rows.remove(row)
            row.setParent(None)
            row.deleteLater()
            self._update_hints()
            self._on_filters_edited()

    def _update_hints(self) -> None:
        self.triggers_hint.setVisible(not self.trigger_rows)
        self.filters_hint.setVisible(not self.filter_rows)
        for number, row in enumerate(self.filter_rows, 1):
            row.set_number(number)

    # ---- reading ----------------------------------------------------------------------------------

    def triggers(self) -> list[dict]:
        return [row.trigger() for row in self.trigger_rows]

    def logic(self) -> str:
        mode = self.logic_combo.currentData()
        return self.logic_edit.text().strip() if mode == LOGIC_ADVANCED else mode

    def smart_list(self) -> dict:
        return {"filters": [row.filter() for row in self.filter_rows], "logic": self.logic()}

    # ---- the live count ---------------------------------------------------------------------------

    def _on_logic_mode(self, _index: int) -> None:
        advanced = self.logic_combo.currentData() == LOGIC_ADVANCED
        self.logic_edit.setEnabled(advanced)
        if advanced and not self.logic_edit.text().strip() and self.filter_rows:
            self.logic_edit.setText(" and ".join(str(n) for n in range(1, len(self.filter_rows) + 1)))
        self._on_filters_edited()

    def _on_filters_edited(self, *_args) -> None:
        self.schedule_count()
        self.changed.emit()

    def schedule_count(self) -> None:
        """Count again once the edits pause (the timer restarts on every edit)."""
        self.count_timer.start(self._count_delay_ms)  # not the longer wait after an outage

    def refresh_count(self) -> int | None:
        """Count the people the filters qualify now; show the problem in red instead when they are invalid."""
        self.count_timer.stop()
        for row in self.filter_rows:
            set_role(row.number_label, None)
            row.setToolTip("")
        try:
            smart_list = self.smart_list()
            parsed = smartlists.validate(smart_list)  # parsed here too: the tooltips below put it in words
            number = self.library.count_qualifying(smart_list)
        except SmartListError as exc:
            self.last_count, self.last_error = None, str(exc)
            if exc.filter_number and 0 < exc.filter_number <= len(self.filter_rows):
                set_role(self.filter_rows[exc.filter_number - 1].number_label, "error")
            self.count_label.setText(str(exc))
            set_role(self.count_label, "error")
            return None
        except STORE_OUTAGES as exc:
            # A team's store restarting or out of reach (the team drill restarts PostgreSQL): said in a sentence,
            # without a traceback in the terminal, and counted again shortly.
            self.last_count = None
            self.last_error = translate("SmartListEditor", "Cannot count now: the store is not answering ({reason}). "
                                        "Trying again…").format(reason=outage_reason(exc))
            self.count_label.setText(self.last_error)
            set_role(self.count_label, "warning")
            self.count_timer.start(OUTAGE_RETRY_MS)
            return None
        except Exception as exc:  # a broken store: say so, keep editing possible
            log.exception("smart list count failed")
            self.last_count = None
            self.last_error = translate("SmartListEditor", "Cannot count: {error}").format(error=exc)
            self.count_label.setText(self.last_error)
            set_role(self.count_label, "warning")
            return None
        names = {choice.id: choice.label for choice in self._choices}
        for row, words in zip(self.filter_rows, smartlists.describe(parsed, campaign_names=names)):
            row.setToolTip(words)
        self.last_count, self.last_error = number, None
        self.count_label.setText(plural(number, translate("SmartListEditor", "{n} person qualifies"),
                                        translate("SmartListEditor", "{n} people qualify")))
        self.count_label.setToolTip(smartlists.describe_logic(parsed))
        set_role(self.count_label, "ok" if number else "hint")
        return number
