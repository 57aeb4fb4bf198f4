"""Campaigns (drop people here to add them) above the selected campaign's members (drag out to remove), read
through the workspace."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QMenu, QSplitter, QTableView, QVBoxLayout,
                               QWidget)

from ...core.workspace import Workspace
from ..models.campaigns import COL_NAME, RowRole, SortRole, CampaignTableModel
from ..models.members import MembersTableModel
from ..models.members import SortRole as MemberSortRole


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
            self.hover_refused.emit(f"Cannot drop here: {reason}.")
        else:
            self.hover_refused.emit("")


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
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


class CampaignsPanel(QWidget):
    """The campaigns and the selected one's members, fed from the workspace by `reload()`. What the org and the
    settings allow (drops refused while sync is off) comes from `campaigns.set_readiness(...)`."""

    remove_requested = Signal(str, list)   # campaign id, person ids (Delete key / context menu)
    status = Signal(str)

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.campaigns = CampaignTableModel(self)
        self.members = MembersTableModel(self)
        self.campaign_view = _sorted_view(self.campaigns, SortRole, CampaignView())
        self.campaign_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.campaign_view.setAcceptDrops(True)
        self.campaign_view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.campaign_view.setDropIndicatorShown(True)
        self.campaign_view.hover_refused.connect(lambda text: text and self.status.emit(text))
        self.campaigns.drop_refused.connect(self.status.emit)
        self.member_view = _sorted_view(self.members, MemberSortRole, QTableView())
        self.member_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.member_view.setDragEnabled(True)
        self.member_view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.member_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.member_view.customContextMenuRequested.connect(self._member_menu)
        self.remove_action = QAction("Remove from Microsoft Campaign", self)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.remove_action.triggered.connect(self.remove_selected)
        self.member_view.addAction(self.remove_action)
        self.members_title = QLabel("<b>Members</b> — select a campaign")
        self.campaign_view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel("<b>Dynamics 365 campaigns</b> — drop people on a campaign to add them"))
        top_layout.addWidget(self.campaign_view)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.members_title)
        bottom_layout.addWidget(self.member_view)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("campaignSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def reload(self) -> None:
        """The campaigns and the selected campaign's members, read again (the selection is kept)."""
        selected = self.selected_campaign_id()
        self.campaigns.set_rows(self.workspace.campaign_summaries())
        if selected:
            self.select_campaign(selected)
        self._show_selected()

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

    def _show_selected(self) -> None:
        campaign_id = self.selected_campaign_id()
        self.members.set_rows(campaign_id, self.workspace.campaign_members(campaign_id) if campaign_id else [])
        row = self.campaigns.campaign(campaign_id) if campaign_id else None
        if row is None:
            self.members_title.setText("<b>Members</b> — select a campaign")
        else:
            self.members_title.setText(f"<b>Members of {row.name}</b> — {row.flow_count} added by CampSync, "
                                       f"{row.crm_count} from CRM lists (locked: CampSync never removes them)")

    def remove_selected(self) -> None:
        rows = self.members.rows_for(self.member_view.selectionModel().selectedRows())
        if not rows or not self.members.campaign_id:
            return
        locked = [r for r in rows if not r.flow_action]
        if locked and len(locked) == len(rows):
            self.status.emit(f"Cannot remove: {locked[0].name} was {locked[0].locked_reason}.")
            return
        self.remove_requested.emit(self.members.campaign_id, [r.person_id for r in rows])

    def _member_menu(self, point) -> None:
        menu = QMenu(self)
        menu.addAction(self.remove_action)
        menu.exec(self.member_view.viewport().mapToGlobal(point))
