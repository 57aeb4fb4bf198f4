"""Campaigns (drop people here to add them) above the selected campaign's members (drag out to remove), read
through the workspace. Every drag has a keyboard path: the campaign picker, Ctrl+Enter, Delete, context menus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMenu, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from ...core import origins
from ...core.workspace import Workspace
from ...language import plural
from ..i18n import translate
from ..models.campaigns import COL_NAME, RowRole, SortRole, CampaignTableModel
from ..models.members import MembersTableModel
from ..models.members import SortRole as MemberSortRole
from .campaign_picker import CampaignPicker
from .context_menu import KeyAwareAction, keyboard_menus
from .drag_badge import start_badge_drag
from .elided_label import ElidedLabel


NO_CAMPAIGN_TEXT = QT_TRANSLATE_NOOP("CampaignsPanel", "select one to see who is in it and where each came from")


class CampaignView(QTableView):
    """A table that says why a drop is refused while the drag hovers, not after."""

    hover_refused = Signal(str)

    def dragMoveEvent(self, event) -> None:
        super().dragMoveEvent(event)
        index = self.indexAt(event.position().toPoint())
        model: CampaignTableModel = self.model().sourceModel()
        source = self.model().mapToSource(index)
        reason = model.refusal(model.data(source, RowRole)) if source.isValid() else None
        if reason:
            event.ignore()
            self.hover_refused.emit(translate("CampaignView", "Cannot drop here: {reason}.").format(reason=reason))
        else:
            self.hover_refused.emit("")


class MemberView(QTableView):
    """The members table. Delete is the Remove action's shortcut; while that action is disabled (only locked CRM-list
    members selected) the key reaches the table instead, and `delete_pressed` lets the panel say why nothing happens."""

    delete_pressed = Signal()

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Delete):
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def startDrag(self, supported_actions) -> None:
        rows = self.selectionModel().selectedRows()
        if rows:
            start_badge_drag(self, self.model().mimeData(rows), len(rows), supported_actions)


MEMBER_EMAIL_WIDTH = 230
COL_MEMBER_EMAIL = 1
NAME_IN_STATUS = 32  # characters of a name in a status message: the status bar shares its line with the counters


def _sorted_view(model, sort_role, view: QTableView) -> QTableView:
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(model)
    proxy.setSortRole(sort_role)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab goes on to the next panel; arrows move inside the table
    view.verticalHeader().setVisible(False)
    # Rows as compact as the people table's: at 720 px high the nine demo campaigns fit without scrolling.
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    # The other columns as wide as their header and a sample of their values ("By CampSync" was clipped, and
    # two members with one name could not be told apart by a cut email); a sample keeps 10,000 members cheap.
    header.setResizeContentsPrecision(200)
    for column in range(1, model.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return view


class CampaignsPanel(QWidget):
    """The campaigns and the selected one's members, fed from the workspace by `reload()`. What the org and the
    settings allow (drops refused while sync is off) comes from `campaigns.set_readiness(...)`."""

    remove_requested = Signal(str, object, str)  # campaign id, person ids, origin (the Delete key or a menu)
    refresh_requested = Signal()           # the campaigns' context menu asks to read campaigns from Dynamics again
    status = Signal(str)
    chart_requested = Signal(str)          # a campaign's membership chart (its menu, or Ctrl+Shift+M)

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        # The people selected in the people list, for "Add selected people…" here (the window sets it).
        self.people_selection: Callable[[], list[int]] = list
        self.picker: CampaignPicker | None = None  # the campaign picker on screen, if any
        self.campaigns = CampaignTableModel(self)
        self.members = MembersTableModel(self)
        self.campaign_view = _sorted_view(self.campaigns, SortRole, CampaignView())
        self.campaign_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.campaign_view.setAcceptDrops(True)
        self.campaign_view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.campaign_view.setDropIndicatorShown(True)
        self.campaign_view.hover_refused.connect(lambda text: text and self.status.emit(text))
        self.campaigns.drop_refused.connect(self.status.emit)
        self.member_view = _sorted_view(self.members, MemberSortRole, MemberView())
        # Email wide enough to tell two "Amara Patel" apart, yet not so wide that Added, When and By scroll away.
        member_header = self.member_view.horizontalHeader()
        member_header.setSectionResizeMode(COL_MEMBER_EMAIL, QHeaderView.ResizeMode.Interactive)
        member_header.resizeSection(COL_MEMBER_EMAIL, MEMBER_EMAIL_WIDTH)
        self.member_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.member_view.setDragEnabled(True)
        self.member_view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.member_view.delete_pressed.connect(lambda: self.remove_selected(origins.DELETE_KEY))
        # Qt names a table only by its accessible name (no label counts): a screen reader says these on entering it.
        self.campaign_view.setAccessibleName(translate("CampaignsPanel", "Campaigns table"))
        self.campaign_view.setAccessibleDescription(translate(
            "CampaignsPanel", "Dynamics 365 campaigns, their state and member counts. Drop people on one to add them"))
        self.member_view.setAccessibleName(translate("CampaignsPanel", "Members table"))
        self.member_view.setAccessibleDescription(translate(
            "CampaignsPanel", "The selected campaign's members: name, email, how, when and by whom each was added"))
        self._build_actions()
        # Elided, never wider than the panel: a long campaign name must not widen the window or move splitters.
        self.members_title = ElidedLabel(translate("CampaignsPanel", "Members of a campaign"), bold=True)
        self.members_detail = ElidedLabel(translate("CampaignsPanel", NO_CAMPAIGN_TEXT))
        self.campaign_view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel(translate("CampaignsPanel", "<b>Dynamics 365 campaigns</b> — drop people on a "
                                                                "campaign to add them")))
        top_layout.addWidget(self.campaign_view)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        # One line: the name (elided) and the counts beside it, so the members table keeps its rows at 720 px.
        title_row = QHBoxLayout()
        title_row.addWidget(self.members_title, 3)
        title_row.addWidget(self.members_detail, 2)
        bottom_layout.addLayout(title_row)
        bottom_layout.addWidget(self.member_view)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("campaignSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.fit_layout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _build_actions(self) -> None:
        self.remove_action = KeyAwareAction(translate("CampaignsPanel", "Remove from Microsoft Campaign"), self)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.remove_action.triggered.connect(lambda _checked=False: self.remove_selected(
            origins.DELETE_KEY if self.remove_action.by_key else origins.CONTEXT_MENU))
        self.member_view.addAction(self.remove_action)
        self.copy_member_emails_action = QAction(translate("CampaignsPanel", "&Copy email"), self)
        self.copy_member_emails_action.triggered.connect(self.copy_member_emails)
        self.show_members_action = QAction(translate("CampaignsPanel", "Show &members"), self)
        self.show_members_action.triggered.connect(lambda: self.member_view.setFocus(Qt.FocusReason.OtherFocusReason))
        self.add_selected_action = KeyAwareAction(translate("CampaignsPanel", "&Add selected people…"), self)
        # Ctrl+Enter on a campaign: the selected people go to it, through the preview, as if dropped there.
        self.add_selected_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.add_selected_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.add_selected_action.triggered.connect(lambda _checked=False: self.add_selected_people(
            origins.KEYBOARD if self.add_selected_action.by_key else origins.CONTEXT_MENU))
        self.campaign_view.addAction(self.add_selected_action)
        # Ctrl+Shift+M from anywhere in the window (View menu): the selected campaign's members over time.
        self.chart_action = QAction(translate("CampaignsPanel", "Membership &chart…"), self)
        self.chart_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.chart_action.triggered.connect(self.ask_chart)
        self.refresh_action = QAction(translate("CampaignsPanel", "&Refresh"), self)
        self.refresh_action.triggered.connect(self.refresh_requested)
        keyboard_menus(self.campaign_view, self.campaign_menu)
        keyboard_menus(self.member_view, lambda _point: self.member_menu())
        self.member_view.selectionModel().selectionChanged.connect(lambda *_: self._member_selection_changed())
        self.members.modelReset.connect(self._member_selection_changed)
        self._member_selection_changed()

    # ---- the keyboard paths of drags -------------------------------------------------------------

    def pick_campaign_for(self, person_ids: list[int], origin: str = origins.KEYBOARD) -> CampaignPicker | None:
        """Ask which campaign these people go to (non-blocking); the pick then does exactly what a drop does."""
        if not person_ids:
            return None
        if self.picker is not None:
            self.picker.reject()
        picker = CampaignPicker(self.campaigns, len(person_ids), current=self.selected_campaign_id(),
                                parent=self.window())
        picker.picked.connect(lambda campaign_id: self.campaigns.request_add(campaign_id, person_ids, origin=origin))
        picker.finished.connect(lambda _result: self._forget_picker(picker))
        self.picker = picker
        picker.open()
        return picker

    def _forget_picker(self, picker: CampaignPicker) -> None:
        if self.picker is picker:
            self.picker = None
        picker.deleteLater()

    def add_selected_people(self, origin: str = origins.CONTEXT_MENU) -> None:
        """The people selected in the people list, to the current campaign, as if dropped on it."""
        # Tabbing into the list makes a row current without selecting it: that row is the one the person sees.
        current = self.campaign_view.currentIndex().data(RowRole)
        campaign_id = self.selected_campaign_id() or (current.id if current is not None else None)
        person_ids = self.people_selection()
        if not person_ids:
            self.status.emit(translate("CampaignsPanel", "Select people in the people list first."))
        elif not campaign_id:
            self.status.emit(translate("CampaignsPanel", "Select a campaign first."))
        else:
            self.campaigns.request_add(campaign_id, person_ids, origin=origin)

    def campaign_menu(self, point) -> QMenu:
        index = self.campaign_view.indexAt(point)
        if index.isValid():  # the menu acts on the campaign under the pointer (with the Menu key: the current one)
            self.campaign_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        chosen = self.selected_campaign_id() is not None
        self.show_members_action.setEnabled(chosen)
        self.add_selected_action.setEnabled(chosen)
        menu = QMenu(self)
        menu.addAction(self.show_members_action)
        menu.addAction(self.add_selected_action)
        menu.addAction(self.chart_action)
        menu.addSeparator()
        menu.addAction(self.refresh_action)
        return menu

    def ask_chart(self) -> None:
        """The selected (or current) campaign's membership chart, asked for with `chart_requested`."""
        current = self.campaign_view.currentIndex().data(RowRole)
        campaign_id = self.selected_campaign_id() or (current.id if current is not None else None)
        if campaign_id:
            self.chart_requested.emit(campaign_id)
        else:
            self.status.emit(translate("CampaignsPanel", "Select a campaign first."))

    def member_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.remove_action)
        menu.addAction(self.copy_member_emails_action)
        return menu

    def copy_member_emails(self) -> None:
        emails = [r.email for r in self._selected_members() if r.email]
        if emails:
            QGuiApplication.clipboard().setText("; ".join(emails))  # "; " separates addresses in Outlook's To
        # The count as it always read here (no thousands separator); only the word follows the language's plural.
        addresses = plural(len(emails), translate("CampaignsPanel", "email address"),
                           translate("CampaignsPanel", "email addresses"))
        self.status.emit(translate("CampaignsPanel", "Copied {count} {addresses}.").format(count=len(emails),
                                                                                          addresses=addresses))

    def _selected_members(self) -> list:
        return self.members.rows_for(self.member_view.selectionModel().selectedRows())

    def _member_selection_changed(self) -> None:
        """Remove is offered only when the selection holds a member CampSync added: locked CRM-list members are
        never removed, and an enabled entry that then refuses misleads. The full reason is the entry's tooltip."""
        rows = self._selected_members()
        removable = any(r.flow_action for r in rows)
        self.remove_action.setEnabled(removable)
        if rows and not removable:
            tip = rows[0].locked_reason if len(rows) == 1 else translate(
                "CampaignsPanel", "CampSync removes only people its flow actions added; these came from CRM lists.")
        else:
            tip = translate("CampaignsPanel", "Remove the selected members CampSync added (a preview comes first).")
        self.remove_action.setToolTip(tip)
        self.remove_action.setStatusTip(_short(tip, 90))
        self.copy_member_emails_action.setEnabled(bool(rows))

    def fit_layout(self) -> None:
        """The campaign list first: on a 720 px screen every demo campaign shows without scrolling."""
        total = sum(self.splitter.sizes()) or 540
        self.splitter.setSizes([total * 63 // 100, total * 37 // 100])

    def reload(self, summaries: list | None = None, members: list | None = None) -> None:
        """The campaigns and the selected campaign's members, read again (the selection is kept). `summaries` and
        `members`: already read (`read_for_reload`, on a helper thread)."""
        selected = self.selected_campaign_id()
        self.campaigns.set_rows(self.workspace.campaign_summaries() if summaries is None else summaries)
        if selected:
            self.select_campaign(selected)
        self._show_selected(members)

    def read_for_reload(self, selected: str | None) -> tuple[list, list | None]:
        """What `reload` reads from the store (`selected`: the selected campaign's id), for a helper thread, which
        touches no widget: after a 200,000-person drop, counting every campaign's members took 90 ms, which the
        window's thread need not wait for (the driver lets go of the interpreter while it counts)."""
        return (self.workspace.campaign_summaries(),
                self.workspace.campaign_members(selected) if selected else None)

    def selected_campaign_id(self) -> str | None:
        rows = self.campaign_view.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].data(RowRole)
        return row.id if row else None

    def select_campaign(self, campaign_id: str) -> None:
        source_row = self.campaigns.row_of(campaign_id)
        if source_row < 0:
            return
        proxy = self.campaign_view.model()
        index = proxy.mapFromSource(self.campaigns.index(source_row, COL_NAME))
        self.campaign_view.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.campaign_view.scrollTo(index)

    def _show_selected(self, members: list | None = None) -> None:
        campaign_id = self.selected_campaign_id()
        if members is None:
            members = self.workspace.campaign_members(campaign_id) if campaign_id else []
        self.members.set_rows(campaign_id, members)
        row = self.campaigns.campaign(campaign_id) if campaign_id else None
        if row is None:
            self.members_title.setText(translate("CampaignsPanel", "Members of a campaign"))
            self.members_detail.setText(translate("CampaignsPanel", NO_CAMPAIGN_TEXT))
        else:
            self.members_title.setText(translate("CampaignsPanel", "Members of {campaign}").format(campaign=row.name))
            self.members_detail.setText(translate("CampaignsPanel", "{flow} added by CampSync, {crm} from CRM lists "
                                                                    "(locked: CampSync never removes them)").format(
                flow=row.flow_count, crm=row.crm_count))

    def remove_selected(self, origin: str = origins.CONTEXT_MENU) -> None:
        rows = self._selected_members()
        if not rows or not self.members.campaign_id:
            return
        if not any(r.flow_action for r in rows):
            # Short: the status bar shares its line with the counters (the long reason ran over "0 pending").
            # The whole reason is in the row's and the Remove entry's tooltip.
            who = (_short(rows[0].name, NAME_IN_STATUS) if len(rows) == 1
                   else translate("CampaignsPanel", "{count} members").format(count=len(rows)))
            self.status.emit(translate("CampaignsPanel", "Cannot remove {who}: from a CRM list (locked).").format(
                who=who))
            return
        self.remove_requested.emit(self.members.campaign_id, [r.person_id for r in rows], origin)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
