"""One numbered filter row of a smart list; its editors follow its kind (field / activity / membership)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QStackedWidget, QWidget

from ...core.automation.library import CampaignChoice
from ...core.smartlists import (CHOICE, DATE, FIELD_KINDS, FIELD_LABELS, LIST_OPS, NO_VALUE_OPS, NUMBER, OPS_BY_KIND,
                                PERSON_TYPES)
from ...core.smartlists.describe import field_label, type_label
from ..i18n import translate
from .automation_widgets import CampaignMultiSelect, activity_combo, select_data, tool_button

# The combos' words, English here (keys: the data the definition stores); shown through filter_words().
OP_WORDS = {"equals": QT_TRANSLATE_NOOP("FilterRow", "is"), "not_equals": QT_TRANSLATE_NOOP("FilterRow", "is not"),
            "contains": QT_TRANSLATE_NOOP("FilterRow", "contains"),
            "not_contains": QT_TRANSLATE_NOOP("FilterRow", "does not contain"),
            "starts_with": QT_TRANSLATE_NOOP("FilterRow", "starts with"),
            "greater_than": QT_TRANSLATE_NOOP("FilterRow", "is greater than"),
            "less_than": QT_TRANSLATE_NOOP("FilterRow", "is less than"),
            "in_list": QT_TRANSLATE_NOOP("FilterRow", "is any of"),
            "not_in_list": QT_TRANSLATE_NOOP("FilterRow", "is none of"),
            "is_empty": QT_TRANSLATE_NOOP("FilterRow", "is empty"),
            "is_not_empty": QT_TRANSLATE_NOOP("FilterRow", "is not empty")}
DATE_OP_WORDS = {"equals": QT_TRANSLATE_NOOP("FilterRow", "is on"),
                 "not_equals": QT_TRANSLATE_NOOP("FilterRow", "is not on"),
                 "greater_than": QT_TRANSLATE_NOOP("FilterRow", "is after"),
                 "less_than": QT_TRANSLATE_NOOP("FilterRow", "is before")}
FILTER_KINDS = {"field": QT_TRANSLATE_NOOP("FilterRow", "Person field"),
                "activity": QT_TRANSLATE_NOOP("FilterRow", "Activity"),
                "membership": QT_TRANSLATE_NOOP("FilterRow", "Member of Microsoft Campaign")}


def filter_words(english: str) -> str:
    """One of the words above (a filter kind, an operator) in the person's language."""
    return translate("FilterRow", english)


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
            self.kind_combo.addItem(filter_words(label), key)
        self.stack = QStackedWidget()
        self.remove_button = tool_button("✕", translate("FilterRow",
                                                        "Remove this filter (the numbers after it move up)"),
                                         translate("FilterRow", "Remove filter"))

        # field page
        self.field_combo = QComboBox()
        for name in FIELD_LABELS:
            self.field_combo.addItem(field_label(name), name)
        self.op_combo = QComboBox()
        self.value_edit = QLineEdit()
        self.choice_combo = QComboBox()
        for key in PERSON_TYPES:
            self.choice_combo.addItem(type_label(key), key)
        self.stack.addWidget(self._page(self.field_combo, self.op_combo, self.value_edit, self.choice_combo))
        # activity page
        self.has_combo = QComboBox()
        self.has_combo.addItem(translate("FilterRow", "has"), True)
        self.has_combo.addItem(translate("FilterRow", "has not"), False)
        self.activity_combo = activity_combo(activity_types)
        self.detail_edit = QLineEdit()
        self.detail_edit.setPlaceholderText(translate("FilterRow", "detail contains (optional)"))
        self.detail_edit.setMinimumWidth(170)
        self.within_spin = QSpinBox()
        self.within_spin.setRange(0, 3650)
        self.within_spin.setSpecialValueText(translate("FilterRow", "any time"))
        self.within_spin.setPrefix(translate("FilterRow", "within "))  # the spaces part of the words around the number
        self.within_spin.setSuffix(translate("FilterRow", " days"))
        self.times_spin = QSpinBox()
        self.times_spin.setRange(1, 9999)
        self.times_spin.setPrefix(translate("FilterRow", "at least "))
        self.times_spin.setSuffix(translate("FilterRow", " times"))
        self.stack.addWidget(self._page(self.has_combo, self.activity_combo, self.detail_edit, self.within_spin,
                                        self.times_spin))
        # membership page
        self.member_combo = QComboBox()
        self.member_combo.addItem(translate("FilterRow", "member of"), True)
        self.member_combo.addItem(translate("FilterRow", "not member of"), False)
        self.campaigns = CampaignMultiSelect(translate("FilterRow", "choose campaigns"), allow_inactive=True)
        self.campaigns.set_campaigns(choices, flt.get("campaign_ids") or [] if flt.get("kind") == "membership"
                                     else [])
        self.campaigns.setToolTip(translate("FilterRow",
                                            "Membership through CampSync's own lists only (added by a flow action)"))
        self.stack.addWidget(self._page(self.member_combo, self.campaigns,
                                        QLabel(translate("FilterRow", "(added through CampSync)"))))

        self._name_editors()
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

    def _name_editors(self) -> None:
        """A row reads as a sentence ("Email" "contains" "…") with no labels: each editor names itself."""
        for widget, name in ((self.kind_combo, translate("FilterRow", "Filter kind")),
                             (self.field_combo, translate("FilterRow", "Field")),
                             (self.op_combo, translate("FilterRow", "Comparison")),
                             (self.value_edit, translate("FilterRow", "Value")),
                             (self.choice_combo, translate("FilterRow", "Value")),
                             (self.has_combo, translate("FilterRow", "Has or has not")),
                             (self.activity_combo, translate("FilterRow", "Activity type")),
                             (self.detail_edit, translate("FilterRow", "Activity detail")),
                             (self.within_spin, translate("FilterRow", "Period in days")),
                             (self.times_spin, translate("FilterRow", "Minimum number of times")),
                             (self.member_combo, translate("FilterRow", "Member or not"))):
            widget.setAccessibleName(name)

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
        select_data(self.kind_combo, kind, translate("FilterRow", "Unknown kind {value!r}"))
        self.stack.setCurrentIndex(max(list(FILTER_KINDS).index(kind) if kind in FILTER_KINDS else 0, 0))
        if kind == "field":
            select_data(self.field_combo, flt.get("field") or "first_name",
                        translate("FilterRow", "Unknown field {value!r}"))
            self._fill_ops(flt.get("op"))
            value = flt.get("value")
            if isinstance(value, (list, tuple)):
                self.value_edit.setText(", ".join(str(v) for v in value))
            elif value is not None:
                self.value_edit.setText(str(value))
            if self._field_kind() == CHOICE and isinstance(value, str):
                select_data(self.choice_combo, value.strip().lower())
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
            self.op_combo.addItem(filter_words(words[op]) if op in words else op, op)
        index = self.op_combo.findData(previous)
        if index < 0 and current is not None:
            self.op_combo.addItem(translate("FilterRow", "{op} (not valid here)").format(op=current), current)
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
            # "lead, contact": the values the JSON holds, typed as they are in every language
            hint = "lead, contact" if kind == CHOICE else translate("FilterRow", "values, separated by commas")
        elif kind == DATE:
            hint = translate("FilterRow", "2024-01-31, 2024-01-31T09:30 or epoch seconds")
        elif kind == NUMBER:
            hint = translate("FilterRow", "a number")
        else:
            hint = translate("FilterRow", "value")
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


def new_filter(kind: str) -> dict:
    """A new filter of `kind` as "Add filter" puts it in: ready to fill in."""
    if kind == "activity":
        return {"kind": "activity", "has": True, "type": ""}
    if kind == "membership":
        return {"kind": "membership", "member": True, "campaign_ids": []}
    return {"kind": "field", "field": "country", "op": "equals", "value": ""}
