"""The People panel: search as you type, quick filters, a count, and the lazy people table people drag from."""

from __future__ import annotations

import threading
from collections.abc import Iterable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu,
                               QPushButton, QVBoxLayout, QWidget)

from ...core import origins
from ...core.workspace import Workspace
from ...language import number, plural
from ..i18n import translate
from ..models.people import (COL_COMPANY, COL_COUNTRY, COL_EMAIL, COL_NAME, COL_SCORE, COL_SYNC, COL_TYPE,
                             FETCH_CHUNK, HIGH_SCORE, QUICK_ALL, QUICK_CONTACTS, QUICK_FILTERS, QUICK_HIGH_SCORE,
                             QUICK_LEADS, QUICK_NOT_IN_DYNAMICS, QUICK_PENDING, PeopleTableModel)
from .context_menu import KeyAwareAction, keyboard_menus
from .people_view import PeopleTableView

SEARCH_DEBOUNCE_MS = 120
# Above this many people, reading every person (seconds for a million) happens on a thread once the first page shows.
READ_IN_BACKGROUND_ABOVE = 300_000
_FIRST_ROWS_ORDER = {COL_NAME: "name", COL_EMAIL: "email", COL_COMPANY: "company", COL_COUNTRY: "country",
                     COL_SCORE: "score"}
COLUMN_WIDTHS = {COL_NAME: 180, COL_EMAIL: 240, COL_COMPANY: 170, COL_TYPE: 80, COL_SYNC: 120, COL_SCORE: 60,
                 COL_COUNTRY: 120}


def quick_filter_labels() -> dict[str, str]:
    """The quick filters' buttons: QUICK_* (English ids the model filters by) → the words shown."""
    return {QUICK_ALL: translate("PeoplePanel", "All"), QUICK_LEADS: translate("PeoplePanel", "Leads"),
            QUICK_CONTACTS: translate("PeoplePanel", "Contacts"),
            QUICK_NOT_IN_DYNAMICS: translate("PeoplePanel", "Not in Dynamics"),
            QUICK_PENDING: translate("PeoplePanel", "Pending"),
            QUICK_HIGH_SCORE: translate("PeoplePanel", "Score ≥ {score}").format(score=number(HIGH_SCORE))}


class PeoplePanel(QWidget):
    """A titled panel over a PeopleTableModel, fed from the workspace (the application core): `reload()` gives the
    model every person and the pending set, `refresh_people(ids)` new values for some people. A panel built without
    a workspace shows whatever its model is fed."""

    remove_requested = Signal(str, object)  # (campaign_id, person_ids), forwarded from the model's drop
    # Person ids, origin: the keyboard path of a drop asks which campaign.
    add_to_campaign_requested = Signal(object, str)
    status = Signal(str)                  # a one-line message for the status bar
    _people_read = Signal()               # from the reading thread: its index is ready (queued to this thread)

    def __init__(self, workspace: Workspace | None = None, parent: QWidget | None = None, *,
                 model: PeopleTableModel | None = None, title: str | None = None):
        super().__init__(parent)
        self.setObjectName("peoplePanel")
        self.workspace = workspace
        self.model = model if model is not None else PeopleTableModel(self)
        self.model.remove_requested.connect(self.remove_requested)
        self.model.counts_changed.connect(self._show_counts)
        self._reader: threading.Thread | None = None  # reading every person in the background (big stores)
        self._read_result: tuple | BaseException | None = None
        self._read_again = False
        self._people_read.connect(self._finish_reading, Qt.ConnectionType.QueuedConnection)

        title = title or translate("PeoplePanel", "People")
        self.title_label = QLabel(f"<b>{title}</b>")

        self.search = QLineEdit()
        self.search.setObjectName("peopleSearch")
        self.search.setPlaceholderText(translate("PeoplePanel", "Search name, email, company…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(translate("PeoplePanel", "Search people"))
        self.search.textChanged.connect(self._text_changed)
        self.search.returnPressed.connect(self.apply_filter)  # Enter: no need to wait for the debounce

        # Typing restarts a short single-shot timer; the filter runs once the typing pauses.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)

        self.search_action = QAction(translate("PeoplePanel", "Find people"), self)
        self.search_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))  # Ctrl+F (Cmd+F on macOS)
        self.search_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.search_action.triggered.connect(self.focus_search)
        self.addAction(self.search_action)
        # Two shortcuts with the same keys and both active (this one and, say, a window's Edit ▸ Find) are
        # ambiguous, and Qt then triggers neither. So while the focus is inside the panel, event() claims Ctrl+F
        # before the shortcut map sees it, and keyPressEvent() runs the action: no clash with any other Ctrl+F.

        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        self.filter_buttons: dict[str, QPushButton] = {}  # by QUICK_* id: the buttons show the translated words
        filters = QHBoxLayout()
        filters.setSpacing(4)
        labels = quick_filter_labels()
        for name in QUICK_FILTERS:
            button = QPushButton(labels[name])
            button.setCheckable(True)
            button.setAutoExclusive(True)  # arrows move between the filters, as between radio buttons
            button.setFlat(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setChecked(name == QUICK_ALL)
            self.filter_group.addButton(button)
            self.filter_buttons[name] = button
            filters.addWidget(button)
        filters.addStretch(1)
        self.filter_group.buttonToggled.connect(self._quick_toggled)
        self._one_tab_stop_for_filters()

        self.count_label = QLabel()
        self.count_label.setObjectName("peopleCount")
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Its natural width when there is room; a count growing during a sync never widens the window.
        self.count_label.setMinimumWidth(1)

        self.view = PeopleTableView()
        self.view.setObjectName("peopleTable")
        self.view.setAccessibleName(translate("PeoplePanel", "People table"))  # a table's only name for Qt
        self.view.setAccessibleDescription(translate(
            "PeoplePanel", "Leads and contacts matching the search: name, email, company, type, sync state, score "
                           "and country"))
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setDropIndicatorShown(False)  # a drop here removes from a campaign; there is no "between rows"
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the table for the next panel (arrows move inside it); by default Tab walks cell by cell and
        # the keyboard never gets out.
        self.view.setTabKeyNavigation(False)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.view.verticalHeader()
        vertical.setVisible(False)
        # Uniform row heights: a fixed section size means the view never measures rows to lay them out.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never ResizeToContents: it reads all rows
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for column, width in COLUMN_WIDTHS.items():
            self.view.setColumnWidth(column, width)
        # Header clicks call the model's own sort (see PeopleTableModel.sort for why there is no proxy).
        header.setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        self._show_counts(self.model.matching_count(), self.model.total_count())
        self._build_actions()

    def _build_actions(self) -> None:
        """What the people table offers besides dragging: its context menu (right click, Menu key, Shift+F10) and
        Ctrl+Enter, the keyboard path of a drop."""
        self.add_action = KeyAwareAction(translate("PeoplePanel", "&Add to campaign…"), self)
        # Ctrl+Return and the keypad's Ctrl+Enter, while the focus is in this panel: the campaigns list has its own
        # Ctrl+Enter ("add the selected people here"), so the two never clash.
        self.add_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_action.setStatusTip(translate("PeoplePanel", "Choose a campaign for the selected people; a preview "
                                                              "comes first"))
        self.add_action.triggered.connect(lambda _checked=False: self.add_selected_to_campaign(
            origins.KEYBOARD if self.add_action.by_key else origins.CONTEXT_MENU))
        self.addAction(self.add_action)
        self.copy_emails_action = QAction(translate("PeoplePanel", "&Copy email(s)"), self)
        self.copy_emails_action.triggered.connect(self.copy_emails)
        self.select_all_action = QAction(translate("PeoplePanel", "&Select all matches"), self)
        self.select_all_action.setShortcut(QKeySequence(QKeySequence.StandardKey.SelectAll))
        self.select_all_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.select_all_action.setStatusTip(translate("PeoplePanel", "Every person the search and quick filter "
                                                                     "match, not only those shown"))
        self.select_all_action.triggered.connect(self.view.select_all_matching)
        self.view.addAction(self.select_all_action)
        keyboard_menus(self.view, lambda _point: self.people_menu())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.model.modelReset.connect(self._selection_changed)
        self._selection_changed()

    def people_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.add_action)
        menu.addAction(self.copy_emails_action)
        menu.addSeparator()
        menu.addAction(self.select_all_action)
        return menu

    # ---- actions ------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Every person and the pending set, read again through the workspace (filter, sort and quick filter are
        kept; the same people update in place).

        Up to READ_IN_BACKGROUND_ABOVE people this happens now. Above, a thread reads them: on the first load the
        table shows the first page at once (filters typed meanwhile apply when everyone is read); on a reload
        the table keeps showing what it has until the new index replaces it."""
        workspace = self._workspace()
        if self._reader is not None:
            self._read_again = True  # a read is running: read again when it ends (the store changed meanwhile)
            return
        total = workspace.people_count()
        if total <= READ_IN_BACKGROUND_ABOVE:
            self._apply_read(workspace.people_table_index(high_score=HIGH_SCORE),
                             workspace.pending_person_ids())
            return
        if self.model.total_count() == 0 or self.model.is_loading():
            column = self.model.sort_column()
            self.model.show_first(workspace.people_table_first_rows(
                order_by=_FIRST_ROWS_ORDER.get(column), limit=FETCH_CHUNK,
                descending=self.model.sort_order() == Qt.SortOrder.DescendingOrder), total,
                workspace.pending_person_ids())
        self._read_result = None
        self._reader = threading.Thread(target=self._read_everyone, args=(workspace, self.model.search_texts()),
                                        name="people-index", daemon=True)
        self.model.set_loader(self.wait_until_read)
        self._reader.start()

    def is_reading(self) -> bool:
        """Whether every person is still being read in the background."""
        return self._reader is not None

    def wait_until_read(self) -> None:
        """Block until the background read (if any) is done and shown."""
        if self._reader is not None:
            self._reader.join()
            self._finish_reading()

    def _read_everyone(self, workspace: Workspace, held: list[str]) -> None:  # on the reading thread
        try:
            self._read_result = (workspace.people_table_index(high_score=HIGH_SCORE, same_as=held),
                                 workspace.pending_person_ids())
        except BaseException as error:  # shown on the GUI thread
            self._read_result = error
        try:
            self._people_read.emit()
        except RuntimeError:  # the panel was closed and deleted meanwhile: nobody is waiting
            pass

    @Slot()
    def _finish_reading(self) -> None:
        if self._reader is None:
            return  # already finished by wait_until_read
        self._reader.join()
        self._reader, result, self._read_result = None, self._read_result, None
        self.model.set_loader(None)
        if isinstance(result, BaseException):
            self.status.emit(translate("PeoplePanel", "Could not read the people: {error}").format(error=result))
        elif result is not None:
            self._apply_read(*result)
        if self._read_again:
            self._read_again = False
            self.reload()

    def _apply_read(self, index, pending: set[int]) -> None:
        workspace = self._workspace()
        self.model.set_index(index.ids, index.search, index.flags, pending, names=index.names,
                             read_rows=workspace.people_table_rows_for, read_column=workspace.people_table_column)

    def refresh_people(self, person_ids: Iterable[int]) -> None:
        """Read these people again (e.g. after a sync created them in Dynamics as leads); a full reload when some
        were added or deleted meanwhile."""
        ids = sorted({int(p) for p in person_ids})
        if not ids:
            return
        if not self.model.update_people(self._workspace().people_table_rows_for(ids), ids):
            self.reload()

    def _workspace(self) -> Workspace:
        if self.workspace is None:
            raise RuntimeError("PeoplePanel has no workspace to read people from")
        return self.workspace

    @Slot()
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    @Slot()
    def apply_filter(self) -> None:
        """Filter now with the current text and quick filter (the debounce timer calls this)."""
        self._debounce.stop()
        self.model.set_filter(self.search.text(), self.quick_filter())

    def quick_filter(self) -> str:
        checked = self.filter_group.checkedButton()  # its id, not its (translated) text
        return next((name for name, button in self.filter_buttons.items() if button is checked), QUICK_ALL)

    def set_quick_filter(self, name: str) -> None:
        self.filter_buttons[name].setChecked(True)

    def add_selected_to_campaign(self, origin: str = origins.KEYBOARD) -> None:
        ids = self.selected_person_ids()
        if ids:
            self.add_to_campaign_requested.emit(ids, origin)
        else:
            self.status.emit(translate("PeoplePanel", "Select people first (Ctrl+A takes every match)."))

    @Slot()
    def copy_emails(self) -> None:
        emails = self.selected_emails()
        if emails:
            QGuiApplication.clipboard().setText("; ".join(emails))  # "; " separates addresses in Outlook's To field
        addresses = plural(len(emails), translate("PeoplePanel", "{n} email address"),
                           translate("PeoplePanel", "{n} email addresses"))
        self.status.emit(translate("PeoplePanel", "Copied {addresses}.").format(addresses=addresses))

    def selected_emails(self) -> list[str]:
        """The selected people's email addresses, in display order (people without one are left out)."""
        if self.view.all_matching_selected:
            people = (self.model.person_at(row) for row in range(self.model.matching_count()))
        else:
            selection = self.view.selectionModel()
            rows = sorted(index.row() for index in selection.selectedRows()) if selection is not None else []
            people = (self.model.person_at(row) for row in rows)
        return [person.email for person in people if person.email]

    def selected_person_ids(self) -> list[int]:
        if self.view.all_matching_selected:
            return sorted(self.model.matching_person_ids())
        selection = self.view.selectionModel()
        return self.model.person_ids_for(selection.selectedRows()) if selection is not None else []

    # ---- internals ----------------------------------------------------------------------------------

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._is_find(event):
            event.accept()  # the key press comes to this panel (below) instead of triggering a shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if self._is_find(event):
            self.search_action.trigger()
            event.accept()
            return
        super().keyPressEvent(event)

    @staticmethod
    def _is_find(event) -> bool:
        return isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Find)

    def _selection_changed(self) -> None:
        selection = self.view.selectionModel()
        chosen = selection is not None and selection.hasSelection()
        self.add_action.setEnabled(chosen)
        self.copy_emails_action.setEnabled(chosen)

    def _one_tab_stop_for_filters(self) -> None:
        """Tab stops once on the quick filters, at the checked one; arrows move between them (auto-exclusive)."""
        checked = self.filter_group.checkedButton()
        for button in self.filter_buttons.values():
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus if button is checked else Qt.FocusPolicy.NoFocus)

    def _text_changed(self, _text: str) -> None:
        self._debounce.start()

    def _quick_toggled(self, button, checked: bool) -> None:
        if checked:
            self._one_tab_stop_for_filters()
            self.apply_filter()

    def _show_counts(self, matching: int, total: int) -> None:
        people = plural(total, translate("PeoplePanel", "{n} person"), translate("PeoplePanel", "{n} people"))
        if self.model.is_searching():  # a search over a million people still running: the count so far
            text = translate("PeoplePanel", "≥ {matching} of {people} so far…")
        elif matching == total:
            text = "{people}"
        else:
            text = translate("PeoplePanel", "{matching} of {people}")
        self.count_label.setText(text.format(matching=number(matching), people=people))
