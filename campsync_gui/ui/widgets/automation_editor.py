"""The Automation tab's editor: one campaign's name, kind, status and unsaved mark over its four sections."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from ...core.automation import Definition
from ...core.automation.library import AutomationLibrary, CampaignChoice, StoredCampaign
from ..i18n import translate
from ..theme import ACCENT, set_role
from .automation_campaigns import KIND_COLOURS, kind_word
from .automation_flow import FlowEditor
from .automation_results import ResultsView
from .automation_schedule import ScheduleEditor
from .automation_smartlist import SmartListEditor

TAB_SMART_LIST, TAB_FLOW, TAB_SCHEDULE, TAB_RESULTS = range(4)


class CampaignEditor(QWidget):
    """The header (name, kind badge, status, "Unsaved changes", Save), a message line, and the Smart List / Flow /
    Schedule / Results tabs. It holds what is on screen; what to do with it is the panel's."""

    def __init__(self, library: AutomationLibrary, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind: str | None = None         # of the campaign shown; None when none is
        self.campaign_id: int | None = None
        self._loading = False  # set while a campaign is put on screen: the editors' signals then are no edits
        self._dirty = False

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(translate("CampaignEditor", "Campaign name"))
        self.name_edit.setAccessibleName(translate("CampaignEditor", "Campaign name"))  # a hint is no name
        self.description_edit = QLineEdit()
        self.description_edit.setPlaceholderText(translate("CampaignEditor",
                                                           "Description (optional): what this campaign is for"))
        self.description_edit.setAccessibleName(translate("CampaignEditor", "Campaign description"))
        self.kind_badge = QLabel()
        self.status_label = QLabel()
        self.dirty_label = QLabel(translate("CampaignEditor", "Unsaved changes"))
        set_role(self.dirty_label, "warning")
        self.dirty_label.hide()
        self.save_button = QPushButton(translate("CampaignEditor", "Save"))
        self.save_button.setToolTip(translate("CampaignEditor", "Save the name and the definition (Ctrl+S)"))
        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        self.smart_list_editor = SmartListEditor(library)
        self.flow_editor = FlowEditor()
        self.schedule_editor = ScheduleEditor()
        self.results_view = ResultsView(library)
        self.tabs = QTabWidget()
        self.tabs.addTab(_scrolled(self.smart_list_editor), translate("CampaignEditor", "Smart List"))
        self.tabs.addTab(_scrolled(self.flow_editor), translate("CampaignEditor", "Flow"))
        self.tabs.addTab(self.schedule_editor, translate("CampaignEditor", "Schedule"))
        self.tabs.addTab(self.results_view, translate("CampaignEditor", "Results"))

        header = QHBoxLayout()
        header.addWidget(self.name_edit, 1)
        header.addWidget(self.kind_badge)
        header.addWidget(self.status_label)
        header.addWidget(self.dirty_label)
        header.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.description_edit)
        layout.addWidget(self.message_label)
        layout.addWidget(self.tabs, 1)

        self.name_edit.textChanged.connect(self._on_edited)
        self.description_edit.textChanged.connect(self._on_edited)
        for editor in (self.smart_list_editor, self.flow_editor, self.schedule_editor):
            editor.changed.connect(self._on_edited)

    # ---- putting a campaign on screen ----------------------------------------------------------------

    def show_campaign(self, campaign: StoredCampaign, definition: Definition, name: str,
                      choices: list[CampaignChoice], activity_types: list[str], *, dirty: bool) -> None:
        """Show `definition` under `name` for this stored campaign; `dirty`: they are unsaved edits of it."""
        another = campaign.id != self.campaign_id
        self.kind, self.campaign_id = campaign.kind, campaign.id
        with self._putting_on_screen():
            self.name_edit.setText(name)
            self.description_edit.setText(definition.description)
            self.description_edit.setCursorPosition(0)  # a long description shows its beginning
            self.kind_badge.setText(kind_word(campaign.kind))
            self.kind_badge.setStyleSheet(f"background: {KIND_COLOURS.get(campaign.kind, ACCENT)}; color: white; "
                                          "border-radius: 3px; padding: 1px 6px;")
            self.show_status(campaign.active)
            self.smart_list_editor.load(campaign.kind, definition.smart_list, definition.triggers, choices,
                                        activity_types)
            self.flow_editor.load(definition.flow, choices)
            self.schedule_editor.load(campaign.kind, definition.qualification, definition.schedule)
            if another:
                self.results_view.load(campaign.id)
            else:
                self.results_view.refresh()
        self.save_button.setEnabled(True)
        self.set_dirty(dirty)

    def show_nothing(self, choices: list[CampaignChoice]) -> None:
        self.kind = self.campaign_id = None
        with self._putting_on_screen():
            self.name_edit.clear()
            self.description_edit.clear()
            self.smart_list_editor.load("batch", {"filters": [], "logic": "all"}, [], choices, [])
            self.flow_editor.load([], choices)
            self.results_view.load(None)
        self.save_button.setEnabled(False)
        self.set_dirty(False)

    def show_status(self, active: bool) -> None:
        self.status_label.setText(translate("CampaignEditor", "Active") if active
                                  else translate("CampaignEditor", "Inactive"))
        set_role(self.status_label, "ok" if active else "hint")

    def show_schedule(self, definition: Definition) -> None:
        """The qualification and schedule as saved (the stored schedule may have been kept over the one shown)."""
        with self._putting_on_screen():
            self.schedule_editor.load(self.kind or "trigger", definition.qualification, definition.schedule)

    @contextmanager
    def _putting_on_screen(self):
        self._loading = True
        try:
            yield
        finally:
            self._loading = False

    # ---- what is on screen ---------------------------------------------------------------------------

    def name(self) -> str:
        return self.name_edit.text()

    def definition(self) -> Definition:
        """The definition as the sections show it now (saved or not)."""
        kind = self.kind or "trigger"
        return Definition(smart_list=self.smart_list_editor.smart_list(),
                          triggers=self.smart_list_editor.triggers() if kind == "trigger" else [],
                          flow=self.flow_editor.flow(),
                          qualification=self.schedule_editor.qualification(),
                          schedule=self.schedule_editor.schedule() if kind == "batch" else None,
                          description=self.description_edit.text())

    def schedule_edited(self) -> bool:
        """The date, time or repeat was changed since the campaign was shown (else the stored one is kept)."""
        return self.schedule_editor.schedule_edited

    def is_dirty(self) -> bool:
        return self._dirty

    def set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.dirty_label.setVisible(dirty)

    def _on_edited(self, *_args) -> None:
        if not self._loading and self.campaign_id is not None:
            self.set_dirty(True)

    # ---- the message line ----------------------------------------------------------------------------

    def show_message(self, text: str, role: str = "error") -> None:
        self.message_label.setText(text)
        set_role(self.message_label, role)
        self.message_label.show()

    def clear_message(self) -> None:
        self.message_label.clear()
        self.message_label.hide()

    def message(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area
