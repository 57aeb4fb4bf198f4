"""One trigger row of a trigger campaign's smart list: its type and what narrows it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QWidget

from ...core.automation import ACTIVITY_LOGGED, CHANGEABLE_FIELDS, DATA_VALUE_CHANGES, TRIGGER_TYPES, trigger_type_label
from ...core.automation.library import CampaignChoice
from ...core.smartlists.describe import field_label
from ...core.triggers import ADDED, REMOVED
from ..i18n import translate
from .automation_widgets import CampaignMultiSelect, activity_combo, select_data, tool_button

TRIGGER_FIELDS = CHANGEABLE_FIELDS + ("email",)


class TriggerRow(QFrame):
    """One trigger: its type and what narrows it (campaigns, field and new value, activity type)."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, trigger: dict, choices: list[CampaignChoice], activity_types: list[str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.type_combo = QComboBox()
        for key in TRIGGER_TYPES:
            self.type_combo.addItem(trigger_type_label(key), key)
        self.campaigns_label = QLabel(translate("TriggerRow", "campaign is any of"))
        self.campaigns = CampaignMultiSelect(translate("TriggerRow", "any campaign"), allow_inactive=False)
        self.campaigns.set_campaigns(choices, trigger.get("campaign_ids") or [])
        self.field_label = QLabel(translate("TriggerRow", "field"))
        self.field_combo = QComboBox()
        for name in TRIGGER_FIELDS:
            self.field_combo.addItem(field_label(name), name)
        self.value_edit = QLineEdit(str(trigger.get("new_value") or ""))
        self.value_edit.setPlaceholderText(translate("TriggerRow", "new value (optional: any)"))
        self.value_edit.setMinimumWidth(170)
        self.activity_label = QLabel(translate("TriggerRow", "type"))
        self.activity_combo = activity_combo(activity_types)
        self.remove_button = tool_button("✕", translate("TriggerRow", "Remove this trigger"),
                                         translate("TriggerRow", "Remove trigger"))
        # The row's small labels ("field", "type") read well beside the combos, not alone: the names say more.
        for widget, name in ((self.type_combo, translate("TriggerRow", "Trigger type")),
                             (self.field_combo, translate("TriggerRow", "Changed field")),
                             (self.value_edit, translate("TriggerRow", "New value")),
                             (self.activity_combo, translate("TriggerRow", "Activity type"))):
            widget.setAccessibleName(name)

        select_data(self.type_combo, trigger.get("type") or ADDED, translate("TriggerRow", "Unknown trigger {value!r}"))
        if trigger.get("type") == DATA_VALUE_CHANGES:
            select_data(self.field_combo, trigger.get("field"))
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
