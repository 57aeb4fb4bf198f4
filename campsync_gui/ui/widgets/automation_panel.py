"""Automation tab: trigger and batch campaigns (Smart List / Flow / Schedule / Results), Marketo-style.

Left, the campaigns with New / Duplicate / Delete / Activate (automation_campaigns); right, the selected campaign's
editor (automation_editor). Campaigns are read and written through the workspace's automation library, which also
decides what may be saved, activated and deleted; running a batch campaign is the window's job
(`run_now_requested`), and the workspace's runner picks active trigger campaigns up from the store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMessageBox, QSplitter, QVBoxLayout, QWidget

from ...core.automation import Definition
from ...core.automation.library import CampaignChoice, LibraryError, StoredCampaign, bullets
from ..i18n import translate
from ..theme import set_role
from .automation_campaigns import CampaignList
from .automation_editor import TAB_SCHEDULE, TAB_SMART_LIST, CampaignEditor

if TYPE_CHECKING:
    from ...core.workspace import Workspace

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


class AutomationPanel(QWidget):
    """The Automation tab. Public: reload(), select(id), current_definition(), save(), activate(), deactivate(),
    new_campaign(kind), duplicate(), delete(), run_now(), export_results(path), problems()."""

    run_now_requested = Signal(int)  # a batch campaign's id: the window previews the count and runs it
    changed = Signal()               # a campaign was created, saved, (de)activated or deleted

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = workspace.automations
        self._current: StoredCampaign | None = None
        self._choices: list[CampaignChoice] = []
        self._activity_types: list[str] = []

        self.campaign_list = CampaignList()
        self.editor = CampaignEditor(self.library)
        self.empty_hint = QLabel(translate("AutomationPanel",
                                           "Create a trigger campaign (it reacts to what people do) or a batch "
                                           "campaign (it runs for everyone who qualifies, now or on a schedule)."))
        self.empty_hint.setWordWrap(True)
        set_role(self.empty_hint, "hint")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.empty_hint)
        right_layout.addWidget(self.editor, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("automationSplitter")
        self.splitter.addWidget(self.campaign_list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        # The widgets a person works with, by the names the window and the tests drive them under.
        self.list_model, self.list_view = self.campaign_list.model, self.campaign_list.view
        self.new_trigger_button = self.campaign_list.new_trigger_button
        self.new_batch_button = self.campaign_list.new_batch_button
        self.duplicate_button = self.campaign_list.duplicate_button
        self.delete_button = self.campaign_list.delete_button
        self.activate_button = self.campaign_list.activate_button
        self.name_edit, self.save_button = self.editor.name_edit, self.editor.save_button
        self.message_label, self.tabs = self.editor.message_label, self.editor.tabs
        self.smart_list_editor, self.flow_editor = self.editor.smart_list_editor, self.editor.flow_editor
        self.schedule_editor, self.results_view = self.editor.schedule_editor, self.editor.results_view

        self.campaign_list.picked.connect(self._on_picked)
        self.new_trigger_button.clicked.connect(lambda: self.new_campaign("trigger"))
        self.new_batch_button.clicked.connect(lambda: self.new_campaign("batch"))
        self.duplicate_button.clicked.connect(self.duplicate)
        self.delete_button.clicked.connect(self.delete)
        self.activate_button.clicked.connect(self.toggle_active)
        self.save_button.clicked.connect(self.save)
        self.schedule_editor.run_now_clicked.connect(self.run_now)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)

        self.reload()

    # ---- reading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read campaigns, Dynamics campaigns and activity types; unsaved edits of the selection are kept."""
        self._reload(self.current_id)

    def _reload(self, keep: int | None) -> None:
        """Reload and show `keep` (the current campaign keeps its unsaved edits; another one shows as stored)."""
        self._choices = self.library.campaign_choices()
        self._activity_types = self.library.activity_types()
        if self._current is not None and self._current.id != keep:
            self.editor.set_dirty(False)
        rows = self.library.campaigns()
        campaign = next((row for row in rows if row.id == keep), None)
        if campaign is None:
            self.editor.set_dirty(False)
            campaign = rows[0] if rows else None
        self.campaign_list.set_rows(rows, campaign.id if campaign else None)
        if campaign is not None and self.editor.is_dirty():
            self._show(campaign, self.editor.definition(), self.editor.name(), dirty=True)
        else:
            self._show_stored(campaign)

    def select(self, campaign_id: int) -> bool:
        """Select a campaign as a click would (the unsaved-changes guard included); False if it did not happen."""
        return self.campaign_list.pick(campaign_id) and self.current_id == campaign_id

    @property
    def current_id(self) -> int | None:
        return self._current.id if self._current else None

    def current_campaign(self) -> StoredCampaign | None:
        return self._current

    def is_dirty(self) -> bool:
        return self.editor.is_dirty()

    def current_definition(self) -> Definition:
        """The definition as the editors show it now (saved or not)."""
        return self.editor.definition()

    def problems(self) -> list[str]:
        """What stops the campaign on screen from running, as the library checks it."""
        if self._current is None:
            return []
        return self.library.problems(self._current.kind, self.editor.definition())

    # ---- showing one campaign -------------------------------------------------------------------

    def _on_picked(self, campaign: StoredCampaign | None) -> None:
        if campaign is not None and campaign.id == self.current_id:
            return
        if not self._leave_current():
            self.campaign_list.select_silently(self.current_id)
            return
        self._show_stored(campaign)

    def _show_stored(self, campaign: StoredCampaign | None) -> None:
        self.clear_message()
        if campaign is None:
            self._show_nothing()
            return
        try:
            definition = Definition.from_json(campaign.definition)
        except (ValueError, TypeError, AttributeError) as exc:
            self._show(campaign, Definition(), campaign.name, dirty=False)
            self.show_message(translate("AutomationPanel", "The stored definition cannot be read ({error}); saving "
                                        "replaces it.").format(error=exc), "error")
            return
        self._show(campaign, definition, campaign.name, dirty=False)

    def _show(self, campaign: StoredCampaign, definition: Definition, name: str, *, dirty: bool) -> None:
        self._current = campaign
        self.empty_hint.hide()
        self.editor.show()
        self.editor.show_campaign(campaign, definition, name, self._choices, self._activity_types, dirty=dirty)
        self.campaign_list.show_buttons_for(campaign)

    def _show_nothing(self) -> None:
        self._current = None
        self.editor.show_nothing(self._choices)
        self.editor.hide()
        self.empty_hint.show()
        self.campaign_list.show_buttons_for(None)

    def _refresh_list(self, campaign_id: int) -> None:
        """Re-read the list after a write to the selected campaign, keeping the editors as they are."""
        rows = self.library.campaigns()
        self.campaign_list.set_rows(rows, campaign_id)
        self._current = next((row for row in rows if row.id == campaign_id), self._current)
        if self._current:
            self.editor.show_status(self._current.active)
        self.campaign_list.show_buttons_for(self._current)

    # ---- messages and questions (dialogs kept in two methods, so tests can answer them) --------

    def show_message(self, text: str, role: str = "error") -> None:
        self.editor.show_message(text, role)

    def clear_message(self) -> None:
        self.editor.clear_message()

    def message(self) -> str:
        return self.editor.message()

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def ask_unsaved(self, name: str) -> str:
        """SAVE, DISCARD or CANCEL for unsaved edits of `name`."""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(self, translate("AutomationPanel", "Unsaved changes"),
                                      translate("AutomationPanel", "Save the changes to '{name}'?").format(name=name),
                                      buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        return {buttons.Save: SAVE, buttons.Discard: DISCARD}.get(answer, CANCEL)

    def _leave_current(self) -> bool:
        """True when the selection may move on: nothing unsaved, or saved, or discarded."""
        if not self.is_dirty() or self._current is None:
            return True
        answer = self.ask_unsaved(self._current.name)
        if answer == SAVE:
            return self.save()
        if answer == DISCARD:
            self.editor.set_dirty(False)
            return True
        return False

    # ---- actions --------------------------------------------------------------------------------

    def new_campaign(self, kind: str) -> int | None:
        """Create an inactive campaign of `kind` ("trigger" / "batch") and select it, name ready to type."""
        if not self._leave_current():
            return None
        try:
            campaign_id = self.library.create(kind)
        except LibraryError as exc:
            self.show_message(str(exc), "error")
            return None
        self._reload(campaign_id)
        self.tabs.setCurrentIndex(TAB_SMART_LIST)
        self.name_edit.setFocus()
        self.name_edit.selectAll()
        self.changed.emit()
        return campaign_id

    def duplicate(self) -> int | None:
        """Copy the selected campaign (saved state), inactive, as '<name> (copy)'."""
        if self._current is None or not self._leave_current():
            return None
        try:
            campaign_id = self.library.duplicate(self._current.id)
        except LibraryError as exc:
            self.show_message(str(exc), "error")
            return None
        self._reload(campaign_id)
        self.changed.emit()
        return campaign_id

    def delete(self) -> bool:
        """Delete the selected campaign after a confirmation (the library deletes its results, waits and
        qualification history with it)."""
        campaign = self._current
        if campaign is None:
            return False
        if campaign.kind == "trigger":
            text = translate("AutomationPanel", "Delete the trigger campaign '{name}'?\n\nIts results and any people "
                                                "waiting in its flow are deleted too. This cannot be undone.")
        elif campaign.kind == "batch":
            text = translate("AutomationPanel", "Delete the batch campaign '{name}'?\n\nIts results and any people "
                                                "waiting in its flow are deleted too. This cannot be undone.")
        else:  # a kind this version does not know: named as stored
            text = translate("AutomationPanel", "Delete the {kind} campaign '{name}'?\n\nIts results and any people "
                                                "waiting in its flow are deleted too. This cannot be undone.")
        text = text.format(kind=campaign.kind, name=campaign.name)
        if campaign.active:
            text += "\n\n" + translate("AutomationPanel", "The campaign is active: it stops at once.")
        if not self.confirm(translate("AutomationPanel", "Delete campaign"), text):
            return False
        self.library.delete(campaign.id)
        # The next campaign down takes its place in the selection (the one above, when it was the last).
        number = self.list_model.row_of(campaign.id)
        rows = [row for row in self.list_model.rows if row.id != campaign.id]
        self.editor.set_dirty(False)
        self._current = None
        self._reload(rows[min(number, len(rows) - 1)].id if rows else None)
        self.show_message(translate("AutomationPanel", "Deleted '{name}'.").format(name=campaign.name), "ok")
        self.changed.emit()
        return True

    def save(self) -> bool:
        """Write the name and definition. The library refuses (and the reason is shown) an empty or taken name,
        and edits that would stop an active campaign from running."""
        campaign = self._current
        if campaign is None:
            return False
        try:
            # The scheduler moves a batch campaign's time on after each run: unless the person changed the
            # schedule, the stored one stays (an old time written back would run the campaign again).
            self.library.save(campaign.id, self.editor.name(), self.editor.definition(),
                              keep_schedule=not self.editor.schedule_edited())
        except LibraryError as exc:
            self.show_message(str(exc), "error")
            if not exc.problems:  # refused for the name (or deleted elsewhere): the name is what to change
                self.name_edit.setFocus()
            return False
        self.editor.set_dirty(False)
        self._refresh_list(campaign.id)
        saved = self._current
        self.editor.show_schedule(Definition.from_json(saved.definition))
        self.show_message(translate("AutomationPanel", "Saved '{name}'.").format(name=saved.name), "ok")
        self.changed.emit()
        return True

    def toggle_active(self) -> bool:
        if self._current is None:
            return False
        return self.deactivate() if self._current.active else self.activate()

    def activate(self) -> bool:
        """Save unsaved edits, then activate unless the library finds problems (shown, in words)."""
        campaign = self._current
        if campaign is None:
            return False
        if self.is_dirty() and not self.save():
            return False
        if not self._set_active(campaign.id, True):
            return False
        text = (translate("AutomationPanel", "'{name}' is active. It runs when a trigger fires.")
                if campaign.kind == "trigger" else translate("AutomationPanel", "'{name}' is active."))
        self.show_message(text.format(name=self._current.name), "ok")
        return True

    def deactivate(self) -> bool:
        campaign = self._current
        if campaign is None or not self._set_active(campaign.id, False):
            return False
        self.show_message(translate("AutomationPanel", "'{name}' is inactive.").format(name=self._current.name), "ok")
        return True

    def _set_active(self, campaign_id: int, active: bool) -> bool:
        try:
            self.library.set_active(campaign_id, active)
        except LibraryError as exc:  # "Cannot activate '<name>':" and a line for each problem
            self.show_message(str(exc), "error")
            return False
        self._refresh_list(campaign_id)
        self.changed.emit()
        return True

    def run_now(self) -> bool:
        """A batch campaign: save unsaved edits, check it, then ask the window to run it (run_now_requested)."""
        campaign = self._current
        if campaign is None or campaign.kind != "batch":
            return False
        if self.is_dirty() and not self.save():
            return False
        problems = self.problems()
        if problems:
            self.show_message(translate("AutomationPanel", "Cannot run '{name}':").format(name=self._current.name)
                              + "\n" + bullets(problems), "error")
            return False
        self.clear_message()
        self.run_now_requested.emit(campaign.id)
        return True

    def export_results(self, path: str) -> int:
        """Write the selected campaign's results as CSV (UTF-8 with BOM, formulas neutralised); rows written."""
        return self.results_view.export_results(path)


__all__ = ["AutomationPanel", "SAVE", "DISCARD", "CANCEL", "TAB_SCHEDULE", "TAB_SMART_LIST"]
