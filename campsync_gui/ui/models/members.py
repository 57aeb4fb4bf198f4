"""Members of the selected campaign with their provenance; CampSync's own can be dragged out to remove them.

Fed by the core: `set_rows(campaign_id, workspace.campaign_members(campaign_id))`."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor

from ...core.campaigns import MemberSummary
from ...core.origins import describe
from ..i18n import translate
from ..mime import MEMBER_IDS, members_mime
from .rows import RowsTableModel

COL_NAME, COL_EMAIL, COL_SOURCE, COL_WHEN, COL_BY = range(5)
HEADERS = (QT_TRANSLATE_NOOP("MembersTableModel", "Name"), QT_TRANSLATE_NOOP("MembersTableModel", "Email"),
           QT_TRANSLATE_NOOP("MembersTableModel", "Added"), QT_TRANSLATE_NOOP("MembersTableModel", "When"),
           QT_TRANSLATE_NOOP("MembersTableModel", "By"))
SortRole = Qt.ItemDataRole.UserRole
RowRole = Qt.ItemDataRole.UserRole + 1  # the row's MemberSummary
LOCKED_GREY = QColor("#6b7280")


def by_words(row: MemberSummary) -> str:
    """The "By" cell: the person (or application) and how, "ada@contoso.com · drag-and-drop"; how alone for members
    added before CampSync recorded who; the CRM list for members CampSync did not add."""
    if not row.flow_action:
        return row.list_name or "Dynamics"
    how = describe(row.origin)
    if row.actor:
        return f"{row.actor} · {how}" if how else row.actor
    return how or "—"


class MembersTableModel(RowsTableModel):
    """One campaign's members (core.campaigns.members: CampSync's first, then by name)."""

    HEADERS = HEADERS
    HEADER_CONTEXT = "MembersTableModel"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.campaign_id: str | None = None
        self._rows: list[MemberSummary] = []
        # Translated once: data() answers for every cell painted.
        self._sources = (translate("MembersTableModel", "CRM list (locked)"),
                         translate("MembersTableModel", "By CampSync"))
        self._tip = translate("MembersTableModel", "Added by CampSync: drag back to the people list (or press "
                                                   "Delete) to remove.")

    def set_rows(self, campaign_id: str | None, rows: Iterable[MemberSummary]) -> None:
        """The members of `campaign_id` (None: no campaign selected, and no rows)."""
        self.beginResetModel()
        self.campaign_id = campaign_id
        self._rows = list(rows) if campaign_id else []
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            when = datetime.fromtimestamp(row.added_at).strftime("%Y-%m-%d %H:%M") if row.added_at else ""
            source = self._sources[bool(row.flow_action)]
            return (row.name, row.email, source, when, by_words(row))[col]
        if role == SortRole:
            return (row.name.lower(), row.email, row.flow_action, row.added_at, by_words(row).lower())[col]
        if role == Qt.ItemDataRole.ForegroundRole and not row.flow_action:
            return QBrush(LOCKED_GREY)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.locked_reason or self._tip
        return None

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self):
        return [MEMBER_IDS]

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeData(self, indexes):
        ids = sorted({self._rows[i.row()].person_id for i in indexes if i.isValid()})
        return members_mime(self.campaign_id or "", ids)

    def rows_for(self, indexes) -> list[MemberSummary]:
        seen, rows = set(), []
        for index in indexes:
            row = index.data(RowRole)
            if row is not None and row.person_id not in seen:
                seen.add(row.person_id)
                rows.append(row)
        return rows
