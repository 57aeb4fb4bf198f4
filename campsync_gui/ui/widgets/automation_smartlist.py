"""The Smart List section of an automation campaign: triggers, numbered filters, logic and a live count."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QSpinBox,
                               QStackedWidget, QToolButton, QVBoxLayout, QWidget)

from ...core import smartlists
from ...core.automation import (ACTIVITY_LOGGED, CHANGEABLE_FIELDS, DATA_VALUE_CHANGES, TRIGGER_TYPES)
from ...core.smartlists import (CHOICE, DATE, FIELD_KINDS, FIELD_LABELS, LIST_OPS, NO_VALUE_OPS, NUMBER,
                                OPS_BY_KIND, PERSON_TYPES, TYPE_LABELS, SmartListError)
from ...core.triggers import ADDED, REMOVED
from ..theme import set_role
from .automation_widgets import CampaignChoice, CampaignMultiSelect

log = logging.getLogger(__name__)

COUNT_DELAY_MS = 300
TRIGGER_FIELDS = CHANGEABLE_FIELDS + ("email",)
OP_WORDS = {"equals": "is", "not_equals": "is not", "contains": "contains", "not_contains": "does not contain",
            "starts_with": "starts with", "greater_than": "is greater than", "less_than": "is less than",
            "in_list": "is any of", "not_in_list": "is none of", "is_empty": "is empty",
            "is_not_empty": "is not empty"}
DATE_OP_WORDS = {"equals": "is on", "not_equals": "is not on", "greater_than": "is after", "less_than": "is before"}
FILTER_KINDS = {"field": "Person field", "activity": "Activity", "membership": "Member of Microsoft Campaign"}
LOGIC_ALL, LOGIC_ANY, LOGIC_ADVANCED = "all", "any", "advanced"


def _remove_button(tip: str) -> QToolButton:
    button = QToolButton()
    button.setText("✕")
    button.setToolTip(tip)
    button.setAutoRaise(True)
    return button


def _set_combo_data(combo: QComboBox, value: Any, unknown_text: str = "{}") -> None:
    """Select the item holding `value`, adding it (as found in the JSON) if the combo does not offer it."""
    index = combo.findData(value)
    if index < 0 and value is not None:
        combo.addItem(unknown_text.format(value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


def _activity_combo(types: list[str]) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(types)
    combo.setCurrentIndex(-1)
    combo.lineEdit().setPlaceholderText("activity type, e.g. visited_web_page")
    combo.setMinimumContentsLength(16)
    return combo


# ---- triggers ---------------------------------------------------------------------------------------

class TriggerRow(QFrame):
    """One trigger: its type and what narrows it (campaigns, field and new value, activity type)."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, trigger: dict, choices: list[CampaignChoice], activity_types: list[str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.type_combo = QComboBox()
        for key, label in TRIGGER_TYPES.items():
            self.type_combo.addItem(label, key)
        self.campaigns_label = QLabel("campaign is any of")
        self.campaigns = CampaignMultiSelect("any campaign", allow_inactive=False)
        self.campaigns.set_campaigns(choices, trigger.get("campaign_ids") or [])
        self.field_label = QLabel("field")
        self.field_combo = QComboBox()
        for name in TRIGGER_FIELDS:
            self.field_combo.addItem(FIELD_LABELS.get(name, name), name)
        self.value_edit = QLineEdit(str(trigger.get("new_value") or ""))
        self.value_edit.setPlaceholderText("new value (optional: any)")
        self.value_edit.setMinimumWidth(170)
        self.activity_label = QLabel("type")
        self.activity_combo = _activity_combo(activity_types)
        self.remove_button = _remove_button("Remove this trigger")

        _set_combo_data(self.type_combo, trigger.get("type") or ADDED, "Unknown trigger {!r}")
        if trigger.get("type") == DATA_VALUE_CHANGES:
            _set_combo_data(self.field_combo, trigger.get("field"), "{}")
        if trigger.get("activity_type"):
            self.activity_combo.setEditText(str(trigger["activity_type"]))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.type_combo, self.campaigns_label, self.campaigns, self.field_label, self.field_combo,
                       self.value_edit, self.activity_label, self.activity_combo):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.remove_button)

        self.type_combo.currentIndexChanged.connect(self._show_parts)
        self.type_combo.currentIndexChanged.connect(self.changed)
        self.campaigns.changed.connect(self.changed)
        self.field_combo.currentIndexChanged.connect(self.changed)
        self.value_edit.textChanged.connect(self.changed)
        self.activity_combo.currentTextChanged.connect(self.changed)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self._show_parts()

    def _show_parts(self, *_args) -> None:
        kind = self.type_combo.currentData()
        for widget in (self.campaigns_label, self.campaigns):
            widget.setVisible(kind in (ADDED, REMOVED))
        for widget in (self.field_label, self.field_combo, self.value_edit):
            widget.setVisible(kind == DATA_VALUE_CHANGES)
        for widget in (self.activity_label, self.activity_combo):
            widget.setVisible(kind == ACTIVITY_LOGGED)

    def trigger(self) -> dict:
        kind = self.type_combo.currentData()
        out: dict[str, Any] = {"type": kind}
        if kind in (ADDED, REMOVED):
            out["campaign_ids"] = self.campaigns.selected()
        elif kind == DATA_VALUE_CHANGES:
            out["field"] = self.field_combo.currentData()
            if self.value_edit.text().strip():
                out["new_value"] = self.value_edit.text().strip()
        elif kind == ACTIVITY_LOGGED:
            activity = self.activity_combo.currentText().strip()
            if activity:
                out["activity_type"] = activity
        return out


# ---- filters ----------------------------------------------------------------------------------------

class FilterRow(QFrame):
    """One numbered filter; its editors follow its kind (field / activity / membership)."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, flt: dict, choices: list[CampaignChoice], activity_types: list[str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.number_label = QLabel()
        self.number_label.setMinimumWidth(24)
        self.kind_combo = QComboBox()
        for key, label in FILTER_KINDS.items():
            self.kind_combo.addItem(label, key)
        self.stack = QStackedWidget()
        self.remove_button = _remove_button("Remove this filter (the numbers after it move up)")

        # field page
        self.field_combo = QComboBox()
        for name, label in FIELD_LABELS.items():
            self.field_combo.addItem(label, name)
        self.op_combo = QComboBox()
        self.value_edit = QLineEdit()
        self.choice_combo = QComboBox()
        for key in PERSON_TYPES:
            self.choice_combo.addItem(TYPE_LABELS[key], key)
        self.stack.addWidget(self._page(self.field_combo, self.op_combo, self.value_edit, self.choice_combo))
        # activity page
        self.has_combo = QComboBox()
        self.has_combo.addItem("has", True)
        self.has_combo.addItem("has not", False)
        self.activity_combo = _activity_combo(activity_types)
        self.detail_edit = QLineEdit()
        self.detail_edit.setPlaceholderText("detail contains (optional)")
        self.detail_edit.setMinimumWidth(170)
        self.within_spin = QSpinBox()
        self.within_spin.setRange(0, 3650)
        self.within_spin.setSpecialValueText("any time")
        self.within_spin.setPrefix("within ")
        self.within_spin.setSuffix(" days")
        self.times_spin = QSpinBox()
        self.times_spin.setRange(1, 9999)
        self.times_spin.setPrefix("at least ")
        self.times_spin.setSuffix(" times")
        self.stack.addWidget(self._page(self.has_combo, self.activity_combo, self.detail_edit, self.within_spin,
                                        self.times_spin))
        # membership page
        self.member_combo = QComboBox()
        self.member_combo.addItem("member of", True)
        self.member_combo.addItem("not member of", False)
        self.campaigns = CampaignMultiSelect("choose campaigns", allow_inactive=True)
        self.campaigns.set_campaigns(choices, flt.get("campaign_ids") or [] if flt.get("kind") == "membership"
                                     else [])
        self.campaigns.setToolTip("Membership through CampSync's own lists only (added by a flow action)")
        self.stack.addWidget(self._page(self.member_combo, self.campaigns, QLabel("(added through CampSync)")))

        self._load(flt)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.number_label)
        layout.addWidget(self.kind_combo)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.remove_button)

        self.kind_combo.currentIndexChanged.connect(self._on_kind)
        self.field_combo.currentIndexChanged.connect(self._on_field)
        self.op_combo.currentIndexChanged.connect(self._show_value_editor)
        for signal in (self.op_combo.currentIndexChanged, self.value_edit.textChanged,
                       self.choice_combo.currentIndexChanged, self.has_combo.currentIndexChanged,
                       self.activity_combo.currentTextChanged, self.detail_edit.textChanged,
                       self.within_spin.valueChanged, self.times_spin.valueChanged,
                       self.member_combo.currentIndexChanged, self.campaigns.changed):
            signal.connect(self.changed)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    @staticmethod
    def _page(*widgets: QWidget) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)
        return page

    def _load(self, flt: dict) -> None:
        kind = flt.get("kind", "field")
        _set_combo_data(self.kind_combo, kind, "Unknown kind {!r}")
        self.stack.setCurrentIndex(max(list(FILTER_KINDS).index(kind) if kind in FILTER_KINDS else 0, 0))
        if kind == "field":
            _set_combo_data(self.field_combo, flt.get("field") or "first_name", "Unknown field {!r}")
            self._fill_ops(flt.get("op"))
            value = flt.get("value")
            if isinstance(value, (list, tuple)):
                self.value_edit.setText(", ".join(str(v) for v in value))
            elif value is not None:
                self.value_edit.setText(str(value))
            if self._field_kind() == CHOICE and isinstance(value, str):
                _set_combo_data(self.choice_combo, value.strip().lower(), "{}")
        else:
            self._fill_ops(None)
        if kind == "activity":
            self.has_combo.setCurrentIndex(0 if flt.get("has", True) else 1)
            self.activity_combo.setEditText(str(flt.get("type") or ""))
            self.detail_edit.setText(str(flt.get("detail_contains") or ""))
            self.within_spin.setValue(int(flt.get("within_days") or 0))
            self.times_spin.setValue(int(flt.get("min_times") or 1))
        if kind == "membership":
            self.member_combo.setCurrentIndex(0 if flt.get("member", True) else 1)
        self._show_value_editor()

    def _field_kind(self) -> str | None:
        return FIELD_KINDS.get(self.field_combo.currentData())

    def _fill_ops(self, current: str | None) -> None:
        kind = self._field_kind()
        blocked = self.op_combo.blockSignals(True)
        previous = current if current is not None else self.op_combo.currentData()
        self.op_combo.clear()
        words = DATE_OP_WORDS if kind == DATE else OP_WORDS
        for op in OPS_BY_KIND.get(kind, ()):
            self.op_combo.addItem(words.get(op, op), op)
        index = self.op_combo.findData(previous)
        if index < 0 and current is not None:
            self.op_combo.addItem(f"{current} (not valid here)", current)
            index = self.op_combo.count() - 1
        self.op_combo.setCurrentIndex(max(index, 0))
        self.op_combo.blockSignals(blocked)

    def _on_kind(self, _index: int) -> None:
        kind = self.kind_combo.currentData()
        if kind in FILTER_KINDS:
            self.stack.setCurrentIndex(list(FILTER_KINDS).index(kind))
        self.changed.emit()

    def _on_field(self, _index: int) -> None:
        self._fill_ops(None)
        self._show_value_editor()
        self.changed.emit()

    def _show_value_editor(self, *_args) -> None:
        kind, op = self._field_kind(), self.op_combo.currentData()
        choice = kind == CHOICE and op not in LIST_OPS
        self.choice_combo.setVisible(choice)
        self.value_edit.setVisible(not choice and op not in NO_VALUE_OPS)
        if op in LIST_OPS:
            hint = "lead, contact" if kind == CHOICE else "values, separated by commas"
        elif kind == DATE:
            hint = "2024-01-31, 2024-01-31T09:30 or epoch seconds"
        elif kind == NUMBER:
            hint = "a number"
        else:
            hint = "value"
        self.value_edit.setPlaceholderText(hint)

    def set_number(self, number: int) -> None:
        self.number_label.setText(f"{number}.")

    def filter(self) -> dict:
        kind = self.kind_combo.currentData()
        if kind == "activity":
            out: dict[str, Any] = {"kind": "activity", "has": bool(self.has_combo.currentData()),
                                   "type": self.activity_combo.currentText().strip()}
            if self.detail_edit.text().strip():
                out["detail_contains"] = self.detail_edit.text()
            if self.within_spin.value() > 0:
                out["within_days"] = self.within_spin.value()
            if self.times_spin.value() > 1:
                out["min_times"] = self.times_spin.value()
            return out
        if kind == "membership":
            return {"kind": "membership", "member": bool(self.member_combo.currentData()),
                    "campaign_ids": self.campaigns.selected()}
        if kind != "field":
            return {"kind": kind}
        name, op, field_kind = self.field_combo.currentData(), self.op_combo.currentData(), self._field_kind()
        out = {"kind": "field", "field": name, "op": op}
        if op in NO_VALUE_OPS:
            return out
        if field_kind == CHOICE and op not in LIST_OPS:
            out["value"] = self.choice_combo.currentData()
        elif op in LIST_OPS:
            out["value"] = [_typed(field_kind, part.strip()) for part in self.value_edit.text().split(",")
                            if part.strip()]
        else:
            out["value"] = _typed(field_kind, self.value_edit.text())
        return out


def _typed(kind: str | None, text: str) -> Any:
    """Numbers as numbers in the JSON; anything else (or a number that does not parse) as typed."""
    if kind != NUMBER:
        return text
    try:
        number = float(text.strip())
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


# ---- the section --------------------------------------------------------------------------------------

class SmartListEditor(QWidget):
    """Triggers (trigger campaigns only), filters, logic, and "N people qualify" counted ~300 ms after edits."""

    changed = Signal()

    def __init__(self, store, parent: QWidget | None = None, *, count_delay_ms: int = COUNT_DELAY_MS):
        super().__init__(parent)
        self.store = store
        self.trigger_rows: list[TriggerRow] = []
        self.filter_rows: list[FilterRow] = []
        self._choices: list[CampaignChoice] = []
        self._activity_types: list[str] = []
        self.last_count: int | None = None
        self.last_error: str | None = None

        self.count_timer = QTimer(self)
        self.count_timer.setSingleShot(True)
        self.count_timer.setInterval(count_delay_ms)
        self.count_timer.timeout.connect(self.refresh_count)

        self.add_trigger_button = QToolButton()
        self.add_trigger_button.setText("Add trigger")
        self.add_trigger_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_trigger_button)
        for key, label in TRIGGER_TYPES.items():
            action = menu.addAction(label)
            action.setData(key)
            action.triggered.connect(lambda _=False, key=key: self.add_trigger({"type": key}))
        self.add_trigger_button.setMenu(menu)
        self.triggers_layout = QVBoxLayout()
        self.triggers_hint = QLabel("No trigger yet: a trigger campaign runs when any of its triggers fires.")
        set_role(self.triggers_hint, "hint")
        self.triggers_box = QGroupBox("Triggers (any of them fires the campaign)")
        box = QVBoxLayout(self.triggers_box)
        box.addLayout(self.triggers_layout)
        box.addWidget(self.triggers_hint)
        box.addWidget(self.add_trigger_button)

        self.add_filter_button = QToolButton()
        self.add_filter_button.setText("Add filter")
        self.add_filter_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_filter_button)
        for key, label in FILTER_KINDS.items():
            action = menu.addAction(label)
            action.setData(key)
            action.triggered.connect(lambda _=False, key=key: self.add_filter(_new_filter(key)))
        self.add_filter_button.setMenu(menu)
        self.filters_layout = QVBoxLayout()
        self.filters_hint = QLabel("No filter: everyone qualifies.")
        set_role(self.filters_hint, "hint")
        self.logic_combo = QComboBox()
        self.logic_combo.addItem("All filters (and)", LOGIC_ALL)
        self.logic_combo.addItem("Any filter (or)", LOGIC_ANY)
        self.logic_combo.addItem("Advanced", LOGIC_ADVANCED)
        self.logic_edit = QLineEdit()
        self.logic_edit.setPlaceholderText("1 and (2 or 3)")
        self.logic_edit.setEnabled(False)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        logic_row = QHBoxLayout()
        logic_row.addWidget(QLabel("Logic:"))
        logic_row.addWidget(self.logic_combo)
        logic_row.addWidget(self.logic_edit, 1)
        self.filters_box = QGroupBox("Filters")
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
        self.count_timer.start()

    def refresh_count(self) -> int | None:
        """Count the people the filters qualify now; show the problem in red instead when they are invalid."""
        self.count_timer.stop()
        for row in self.filter_rows:
            set_role(row.number_label, None)
            row.setToolTip("")
        try:
            parsed = smartlists.validate(self.smart_list())
            number = smartlists.count(self.store, parsed)
        except SmartListError as exc:
            self.last_count, self.last_error = None, str(exc)
            if exc.filter_number and 0 < exc.filter_number <= len(self.filter_rows):
                set_role(self.filter_rows[exc.filter_number - 1].number_label, "error")
            self.count_label.setText(str(exc))
            set_role(self.count_label, "error")
            return None
        except Exception as exc:  # a locked or broken store: say so, keep editing possible
            log.exception("smart list count failed")
            self.last_count, self.last_error = None, f"Cannot count: {exc}"
            self.count_label.setText(self.last_error)
            set_role(self.count_label, "warning")
            return None
        names = {choice.id: choice.label for choice in self._choices}
        for row, words in zip(self.filter_rows, smartlists.describe(parsed, campaign_names=names)):
            row.setToolTip(words)
        self.last_count, self.last_error = number, None
        self.count_label.setText(f"{number:,} {'person qualifies' if number == 1 else 'people qualify'}")
        self.count_label.setToolTip(smartlists.describe_logic(parsed))
        set_role(self.count_label, "ok" if number else "hint")
        return number


def _new_filter(kind: str) -> dict:
    if kind == "activity":
        return {"kind": "activity", "has": True, "type": ""}
    if kind == "membership":
        return {"kind": "membership", "member": True, "campaign_ids": []}
    return {"kind": "field", "field": "country", "op": "equals", "value": ""}
