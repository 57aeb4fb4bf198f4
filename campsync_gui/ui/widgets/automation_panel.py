"""Automation tab: trigger and batch campaigns (Smart List / Flow / Schedule / Results), Marketo-style.

Left, the campaigns with New / Duplicate / Delete / Activate; right, the selected campaign's sections. The panel
reads and writes the store directly (AutomationCampaign rows); running a batch campaign is the window's job
(`run_now_requested`), and the AutomationRunner picks active trigger campaigns up from the store.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QScrollArea, QSplitter, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)
from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, select

from ...core.automation import CHANGE_STEP, Definition, validate
from ...core.models import AutomationCampaign, AutomationResult, CampaignRecord, Qualification, WaitingStep
from ..models.rows import RowsTableModel
from ..theme import ACCENT, set_role, status_colour
from .automation_flow import FlowEditor
from .automation_results import ResultsView
from .automation_schedule import ScheduleEditor
from .automation_smartlist import SmartListEditor
from .automation_widgets import CampaignChoice, read_activity_types, read_campaign_choices

log = logging.getLogger(__name__)

KIND_WORDS = {"trigger": "Trigger", "batch": "Batch"}
KIND_COLOURS = {"trigger": ACCENT, "batch": "#8e24aa"}
TAB_SMART_LIST, TAB_FLOW, TAB_SCHEDULE, TAB_RESULTS = range(4)
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


@dataclass(frozen=True)
class AutomationRow:
    id: int
    name: str
    kind: str
    active: bool
    definition: str


class AutomationListModel(RowsTableModel):
    """The automation campaigns: name, kind badge, Active/Inactive."""

    HEADERS = ("Campaign", "Type", "Status")

    def set_rows(self, rows: list[AutomationRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def rows(self) -> list[AutomationRow]:
        return list(self._rows)

    def row_at(self, row: int) -> AutomationRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, campaign_id: int | None) -> int:
        for number, row in enumerate(self._rows):
            if row.id == campaign_id:
                return number
        return -1

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row: AutomationRow = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, KIND_WORDS.get(row.kind, row.kind), "Active" if row.active else "Inactive")[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 1:
                return QColor(KIND_COLOURS.get(row.kind, ACCENT))
            if column == 2:
                return QColor(status_colour("ok" if row.active else "skip"))
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return ("Runs for each person the moment a trigger fires" if row.kind == "trigger"
                    else "Runs for everyone the smart list qualifies, now or on a schedule")
        return None


class AutomationPanel(QWidget):
    """The Automation tab. Public: reload(), select(id), current_definition(), save(), activate(), deactivate(),
    new_campaign(kind), duplicate(), delete(), run_now(), export_results(path), problems()."""

    run_now_requested = Signal(int)  # a batch campaign's id: the window previews the count and runs it
    changed = Signal()               # a campaign was created, saved, (de)activated or deleted

    def __init__(self, store_engine, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = getattr(store_engine, "store", store_engine)
        self._current: AutomationRow | None = None
        self._dirty = False
        self._loading = False
        self._switching = False
        self._choices: list[CampaignChoice] = []
        self._activity_types: list[str] = []

        # left: the campaigns
        self.list_model = AutomationListModel(self)
        self.list_view = QTableView()
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setWordWrap(False)
        self.list_view.verticalHeader().setVisible(False)
        self.list_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.new_trigger_button = QPushButton("New trigger campaign")
        self.new_trigger_button.setToolTip("Runs for each person the moment something happens")
        self.new_batch_button = QPushButton("New batch campaign")
        self.new_batch_button.setToolTip("Runs for everyone who qualifies, now or on a schedule")
        self.duplicate_button = QPushButton("Duplicate")
        self.delete_button = QPushButton("Delete…")
        self.activate_button = QPushButton("Activate")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>Automation campaigns</b>"))
        left_layout.addWidget(self.list_view, 1)
        grid = QGridLayout()
        grid.addWidget(self.new_trigger_button, 0, 0)
        grid.addWidget(self.new_batch_button, 0, 1)
        grid.addWidget(self.duplicate_button, 1, 0)
        grid.addWidget(self.delete_button, 1, 1)
        grid.addWidget(self.activate_button, 2, 0, 1, 2)
        left_layout.addLayout(grid)

        # right: the selected campaign
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Campaign name")
        self.kind_badge = QLabel()
        self.status_label = QLabel()
        self.dirty_label = QLabel("Unsaved changes")
        set_role(self.dirty_label, "warning")
        self.dirty_label.hide()
        self.save_button = QPushButton("Save")
        self.save_button.setToolTip("Save the name and the definition (Ctrl+S)")
        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        self.smart_list_editor = SmartListEditor(self.store)
        self.flow_editor = FlowEditor()
        self.schedule_editor = ScheduleEditor()
        self.results_view = ResultsView(self.store)
        self.tabs = QTabWidget()
        self.tabs.addTab(_scrolled(self.smart_list_editor), "Smart List")
        self.tabs.addTab(_scrolled(self.flow_editor), "Flow")
        self.tabs.addTab(self.schedule_editor, "Schedule")
        self.tabs.addTab(self.results_view, "Results")
        header = QHBoxLayout()
        header.addWidget(self.name_edit, 1)
        header.addWidget(self.kind_badge)
        header.addWidget(self.status_label)
        header.addWidget(self.dirty_label)
        header.addWidget(self.save_button)
        self.editor = QWidget()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(header)
        editor_layout.addWidget(self.message_label)
        editor_layout.addWidget(self.tabs, 1)
        self.empty_hint = QLabel("Create a trigger campaign (it reacts to what people do) or a batch campaign "
                                 "(it runs for everyone who qualifies, now or on a schedule).")
        self.empty_hint.setWordWrap(True)
        set_role(self.empty_hint, "hint")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.empty_hint)
        right_layout.addWidget(self.editor, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("automationSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.list_view.selectionModel().currentRowChanged.connect(self._on_current_changed)
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
        self.name_edit.textChanged.connect(self._on_edited)
        for editor in (self.smart_list_editor, self.flow_editor, self.schedule_editor):
            editor.changed.connect(self._on_edited)

        self.reload()

    # ---- reading the store ----------------------------------------------------------------------

    def _read_rows(self) -> list[AutomationRow]:
        with Session(self.store) as session:
            rows = session.exec(select(AutomationCampaign).order_by(func.lower(AutomationCampaign.name),
                                                                    AutomationCampaign.id))
            return [AutomationRow(r.id, r.name, r.kind, bool(r.active), r.definition) for r in rows]

    def _campaign_records(self) -> dict[str, CampaignRecord]:
        with Session(self.store) as session:
            return {record.id: record for record in session.exec(select(CampaignRecord))}

    def reload(self) -> None:
        """Re-read campaigns, Dynamics campaigns and activity types; unsaved edits of the selection are kept."""
        self._reload(self._current.id if self._current else None)

    def _reload(self, keep: int | None) -> None:
        """Reload and show `keep` (the current campaign keeps its unsaved edits; another one shows as stored)."""
        self._choices = read_campaign_choices(self.store)
        self._activity_types = read_activity_types(self.store)
        if self._current is not None and self._current.id != keep:
            self._set_dirty(False)
        rows = self._read_rows()
        self._switching = True
        try:
            self.list_model.set_rows(rows)
        finally:
            self._switching = False
        row = self.list_model.row_at(self.list_model.row_of(keep)) if keep is not None else None
        if row is None:
            self._dirty = False
            row = rows[0] if rows else None
        self._select_silently(row.id if row else None)
        if row is not None and self._dirty:
            self._show(row, self.current_definition(), self.name_edit.text(), dirty=True)
        else:
            self._show_stored(row)

    def select(self, campaign_id: int) -> bool:
        """Select a campaign as a click would (the unsaved-changes guard included); False if it did not happen."""
        number = self.list_model.row_of(campaign_id)
        if number < 0:
            return False
        self.list_view.setCurrentIndex(self.list_model.index(number, 0))
        return self.current_id == campaign_id

    @property
    def current_id(self) -> int | None:
        return self._current.id if self._current else None

    def current_campaign(self) -> AutomationRow | None:
        return self._current

    def is_dirty(self) -> bool:
        return self._dirty

    def current_definition(self) -> Definition:
        """The definition as the editors show it now (saved or not)."""
        kind = self._current.kind if self._current else "trigger"
        return Definition(smart_list=self.smart_list_editor.smart_list(),
                          triggers=self.smart_list_editor.triggers() if kind == "trigger" else [],
                          flow=self.flow_editor.flow(),
                          qualification=self.schedule_editor.qualification(),
                          schedule=self.schedule_editor.schedule() if kind == "batch" else None)

    def problems(self) -> list[str]:
        """What stops the campaign on screen from running (core validation plus a few checks of the editors)."""
        if self._current is None:
            return []
        definition = self.current_definition()
        problems = validate(self._current.kind, definition, self._campaign_records())
        for number, step in enumerate(definition.flow, 1):
            if step.get("step") == CHANGE_STEP and step.get("field") == "score":
                try:
                    int(str(step.get("value")).strip())
                except ValueError:
                    problems.append(f"Flow step {number}: score must be a whole number, not {step.get('value')!r}.")
        return problems

    # ---- showing one campaign -------------------------------------------------------------------

    def _select_silently(self, campaign_id: int | None) -> None:
        self._switching = True
        try:
            number = self.list_model.row_of(campaign_id)
            if number < 0:
                self.list_view.selectionModel().clearSelection()
                self.list_view.setCurrentIndex(QModelIndex())
            else:
                self.list_view.setCurrentIndex(self.list_model.index(number, 0))
        finally:
            self._switching = False

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._switching:
            return
        row = self.list_model.row_at(current.row()) if current.isValid() else None
        if row is not None and self._current is not None and row.id == self._current.id:
            return
        if not self._leave_current():
            self._select_silently(self.current_id)
            return
        self._show_stored(row)

    def _show_stored(self, row: AutomationRow | None) -> None:
        self.clear_message()
        if row is None:
            self._current = None
            self._show_nothing()
            return
        try:
            definition = Definition.from_json(row.definition)
        except (ValueError, TypeError, AttributeError) as exc:
            definition = Definition()
            self._show(row, definition, row.name, dirty=False)
            self.show_message(f"The stored definition cannot be read ({exc}); saving replaces it.", "error")
            return
        self._show(row, definition, row.name, dirty=False)

    def _show(self, row: AutomationRow, definition: Definition, name: str, *, dirty: bool) -> None:
        changed_campaign = self._current is None or self._current.id != row.id
        self._current = row
        self._loading = True
        try:
            self.empty_hint.hide()
            self.editor.show()
            self.editor.setEnabled(True)
            self.name_edit.setText(name)
            self.kind_badge.setText(KIND_WORDS.get(row.kind, row.kind))
            self.kind_badge.setStyleSheet(f"background: {KIND_COLOURS.get(row.kind, ACCENT)}; color: white; "
                                          "border-radius: 3px; padding: 1px 6px;")
            self.status_label.setText("Active" if row.active else "Inactive")
            set_role(self.status_label, "ok" if row.active else "hint")
            self.smart_list_editor.load(row.kind, definition.smart_list, definition.triggers, self._choices,
                                        self._activity_types)
            self.flow_editor.load(definition.flow, self._choices)
            self.schedule_editor.load(row.kind, definition.qualification, definition.schedule)
            if changed_campaign:
                self.results_view.load(row.id)
            else:
                self.results_view.refresh()
        finally:
            self._loading = False
        self._set_dirty(dirty)
        self._update_buttons()

    def _show_nothing(self) -> None:
        self._loading = True
        try:
            self.name_edit.clear()
            self.smart_list_editor.load("batch", {"filters": [], "logic": "all"}, [], self._choices, [])
            self.flow_editor.load([], self._choices)
            self.results_view.load(None)
        finally:
            self._loading = False
        self.editor.hide()
        self.empty_hint.show()
        self._set_dirty(False)
        self._update_buttons()

    def _on_edited(self, *_args) -> None:
        if not self._loading and self._current is not None:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.dirty_label.setVisible(dirty)

    def _update_buttons(self) -> None:
        row = self._current
        for button in (self.duplicate_button, self.delete_button, self.activate_button, self.save_button):
            button.setEnabled(row is not None)
        self.activate_button.setText("Deactivate" if row and row.active else "Activate")
        self.activate_button.setToolTip(
            "" if row is None else
            ("Stop this campaign (people waiting in its flow resume if it is activated again)" if row.active
             else "Check the campaign and start it" if row.kind == "trigger"
             else "Check the campaign and turn its schedule on"))

    # ---- messages and questions (dialogs kept in two methods, so tests can answer them) --------

    def show_message(self, text: str, role: str = "error") -> None:
        self.message_label.setText(text)
        set_role(self.message_label, role)
        self.message_label.show()

    def clear_message(self) -> None:
        self.message_label.clear()
        self.message_label.hide()

    def message(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def ask_unsaved(self, name: str) -> str:
        """SAVE, DISCARD or CANCEL for unsaved edits of `name`."""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(self, "Unsaved changes", f"Save the changes to '{name}'?",
                                      buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        return {buttons.Save: SAVE, buttons.Discard: DISCARD}.get(answer, CANCEL)

    def _leave_current(self) -> bool:
        """True when the selection may move on: nothing unsaved, or saved, or discarded."""
        if not self._dirty or self._current is None:
            return True
        answer = self.ask_unsaved(self._current.name)
        if answer == SAVE:
            return self.save()
        if answer == DISCARD:
            self._set_dirty(False)
            return True
        return False

    # ---- actions --------------------------------------------------------------------------------

    def _unique_name(self, base: str) -> str:
        taken = {row.name.casefold() for row in self._read_rows()}
        if base.casefold() not in taken:
            return base
        number = 2
        while f"{base} {number}".casefold() in taken:
            number += 1
        return f"{base} {number}"

    def _insert(self, name: str, kind: str, definition: str) -> int:
        now = time.time()
        with Session(self.store) as session:
            row = AutomationCampaign(name=name, kind=kind, active=False, definition=definition, created_at=now,
                                     updated_at=now)
            session.add(row)
            session.commit()
            return row.id

    def new_campaign(self, kind: str) -> int | None:
        """Create an inactive campaign of `kind` ("trigger" / "batch") and select it, name ready to type."""
        if kind not in KIND_WORDS or not self._leave_current():
            return None
        campaign_id = self._insert(self._unique_name(f"New {kind} campaign"), kind, Definition().to_json())
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
        source = self._current
        stored = next((r for r in self._read_rows() if r.id == source.id), source)
        campaign_id = self._insert(self._unique_name(f"{stored.name} (copy)"), stored.kind, stored.definition)
        self._reload(campaign_id)
        self.changed.emit()
        return campaign_id

    def delete(self) -> bool:
        """Delete the selected campaign after a confirmation, with its results, waits and qualification history.

        (Its id may be reused by the next campaign: leftovers would otherwise show up there.)"""
        row = self._current
        if row is None:
            return False
        text = (f"Delete the {row.kind} campaign '{row.name}'?\n\nIts results and any people waiting in its flow "
                "are deleted too. This cannot be undone.")
        if row.active:
            text += "\n\nThe campaign is active: it stops at once."
        if not self.confirm("Delete campaign", text):
            return False
        with Session(self.store) as session:
            for table in (AutomationResult, WaitingStep, Qualification):
                session.exec(delete(table).where(col(table.campaign_id) == row.id))
            session.exec(delete(AutomationCampaign).where(col(AutomationCampaign.id) == row.id))
            session.commit()
        number = self.list_model.row_of(row.id)
        rows = [r for r in self.list_model.rows if r.id != row.id]
        self._set_dirty(False)
        self._current = None
        self._reload(rows[min(number, len(rows) - 1)].id if rows else None)
        self.show_message(f"Deleted '{row.name}'.", "ok")
        self.changed.emit()
        return True

    def save(self) -> bool:
        """Write the name and definition. Refused (with the reason shown) for an empty or taken name, and for
        an active campaign whose edits would stop it from running."""
        row = self._current
        if row is None:
            return False
        name = self.name_edit.text().strip()
        if not name:
            self.show_message("Give the campaign a name.", "error")
            self.name_edit.setFocus()
            return False
        clash = [r for r in self._read_rows() if r.id != row.id and r.name.casefold() == name.casefold()]
        if clash:
            self.show_message(f"Another campaign is already called '{clash[0].name}': choose another name.",
                              "error")
            self.name_edit.setFocus()
            return False
        stored = self._stored(row.id)
        if stored is None:
            self.show_message("This campaign was deleted elsewhere; it cannot be saved.", "error")
            return False
        if stored.active:
            problems = self.problems()
            if problems:
                self.show_message("Not saved: the campaign is active and these changes would stop it from "
                                  "running. Fix them, or deactivate it first.\n" + _bullets(problems), "error")
                return False
        definition = self.current_definition()
        if row.kind == "batch" and not self.schedule_editor.schedule_edited:
            # The scheduler moves "at" on after each run; an old time written back would run the campaign again.
            definition.schedule = _stored_schedule(stored.definition, definition.schedule)
        try:
            with Session(self.store) as session:
                record = session.get(AutomationCampaign, row.id)
                record.name, record.definition, record.updated_at = name, definition.to_json(), time.time()
                session.add(record)
                session.commit()
        except IntegrityError:
            self.show_message(f"Another campaign is already called '{name}': choose another name.", "error")
            return False
        self._loading = True
        try:
            self.schedule_editor.load(row.kind, definition.qualification, definition.schedule)
        finally:
            self._loading = False
        self._set_dirty(False)
        self._refresh_list(row.id)
        self.show_message(f"Saved '{name}'.", "ok")
        self.changed.emit()
        return True

    def _stored(self, campaign_id: int) -> AutomationRow | None:
        return next((r for r in self._read_rows() if r.id == campaign_id), None)

    def _refresh_list(self, campaign_id: int) -> None:
        """Re-read the list after a write to the selected campaign, keeping the editors as they are."""
        rows = self._read_rows()
        self._switching = True
        try:
            self.list_model.set_rows(rows)
        finally:
            self._switching = False
        self._select_silently(campaign_id)
        self._current = next((r for r in rows if r.id == campaign_id), self._current)
        if self._current:
            self.status_label.setText("Active" if self._current.active else "Inactive")
            set_role(self.status_label, "ok" if self._current.active else "hint")
        self._update_buttons()

    def toggle_active(self) -> bool:
        if self._current is None:
            return False
        return self.deactivate() if self._current.active else self.activate()

    def activate(self) -> bool:
        """Save unsaved edits, then activate unless validation finds problems (shown, in words)."""
        row = self._current
        if row is None:
            return False
        if self._dirty and not self.save():
            return False
        problems = self.problems()
        if problems:
            self.show_message(f"Cannot activate '{self.name_edit.text().strip() or row.name}':\n" + _bullets(problems),
                              "error")
            return False
        self._set_active(row.id, True)
        self.show_message(f"'{self._current.name}' is active." + (" It runs when a trigger fires."
                                                                  if row.kind == "trigger" else ""), "ok")
        return True

    def deactivate(self) -> bool:
        row = self._current
        if row is None:
            return False
        self._set_active(row.id, False)
        self.show_message(f"'{self._current.name}' is inactive.", "ok")
        return True

    def _set_active(self, campaign_id: int, active: bool) -> None:
        with Session(self.store) as session:
            record = session.get(AutomationCampaign, campaign_id)
            if record is not None:
                record.active, record.updated_at = active, time.time()
                session.add(record)
                session.commit()
        self._refresh_list(campaign_id)
        self.changed.emit()

    def run_now(self) -> bool:
        """A batch campaign: save unsaved edits, check it, then ask the window to run it (run_now_requested)."""
        row = self._current
        if row is None or row.kind != "batch":
            return False
        if self._dirty and not self.save():
            return False
        problems = self.problems()
        if problems:
            self.show_message(f"Cannot run '{row.name}':\n" + _bullets(problems), "error")
            return False
        self.clear_message()
        self.run_now_requested.emit(row.id)
        return True

    def export_results(self, path: str) -> int:
        """Write the selected campaign's results as CSV (UTF-8 with BOM, formulas neutralised); rows written."""
        return self.results_view.export_results(path)


def _stored_schedule(text: str, fallback: dict | None) -> dict | None:
    try:
        return Definition.from_json(text).schedule
    except (ValueError, TypeError, AttributeError):
        return fallback


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


__all__ = ["AutomationPanel", "AutomationListModel", "AutomationRow", "SAVE", "DISCARD", "CANCEL"]
