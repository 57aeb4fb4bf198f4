"""Members of the selected campaign with their provenance; CampSync's own can be dragged out to remove them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from sqlmodel import Session, select

from ...core.models import ListName, Membership, Person
from ..mime import MEMBER_IDS, members_mime
from .rows import RowsTableModel

COL_NAME, COL_EMAIL, COL_SOURCE, COL_WHEN, COL_BY = range(5)
HEADERS = ("Name", "Email", "Added", "When", "By")
SortRole = Qt.ItemDataRole.UserRole
RowRole = Qt.ItemDataRole.UserRole + 1
LOCKED_GREY = QColor("#6b7280")

ORIGIN_WORDS = {"drag-and-drop": "Drag and drop", "cli": "Command line", "undo": "Undo", "pull": "Read from Dynamics"}


@dataclass(frozen=True)
class MemberRow:
    person_id: int
    name: str
    email: str
    flow_action: bool
    added_at: float
    origin: str
    list_name: str = ""  # the CRM list a member CampSync did not add comes through, when known

    @property
    def locked_reason(self) -> str | None:
        if self.flow_action:
            return None
        where = f"the CRM list {self.list_name!r}" if self.list_name else "a CRM list"
        return f"added outside CampSync ({where}): CampSync removes only people its flow actions added"


def origin_words(origin: str) -> str:
    if origin.startswith("trigger campaign:"):
        return "Trigger campaign " + origin.split(":", 1)[1].strip()
    return ORIGIN_WORDS.get(origin, origin or "—")


class MembersTableModel(RowsTableModel):
    HEADERS = HEADERS
    def __init__(self, engine, parent=None):
        super().__init__(parent)
        self._store = engine
        self.campaign_id: str | None = None
        self._rows: list[MemberRow] = []

    def show_campaign(self, campaign_id: str | None) -> None:
        self.campaign_id = campaign_id
        rows: dict[int, MemberRow] = {}
        if campaign_id:
            with Session(self._store) as session:
                for member, person, list_name in session.exec(
                        select(Membership, Person, ListName.name)
                        .join(Person, Membership.person_id == Person.id)
                        .outerjoin(ListName, ListName.list_id == Membership.list_id)
                        .where(Membership.campaign_id == campaign_id)):
                    ours = member.source == "flow_action"
                    known = rows.get(person.id)
                    if known is None or (ours and not known.flow_action):
                        rows[person.id] = MemberRow(person.id, person.name, person.email or "", ours,
                                                    member.added_at or 0.0, member.origin or "",
                                                    "" if ours else list_name or "")
        self.beginResetModel()
        self._rows = sorted(rows.values(), key=lambda r: (not r.flow_action, r.name.lower()))
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
            source = "By CampSync" if row.flow_action else "CRM list (locked)"
            by = origin_words(row.origin) if row.flow_action else (row.list_name or "Dynamics")
            return (row.name, row.email, source, when, by)[col]
        if role == SortRole:
            return (row.name.lower(), row.email, row.flow_action, row.added_at, row.origin)[col]
        if role == Qt.ItemDataRole.ForegroundRole and not row.flow_action:
            return QBrush(LOCKED_GREY)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.locked_reason or "Added by CampSync: drag back to the people list (or press Delete) to remove."
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

    def rows_for(self, indexes) -> list[MemberRow]:
        seen, rows = set(), []
        for index in indexes:
            row = index.data(RowRole)
            if row is not None and row.person_id not in seen:
                seen.add(row.person_id)
                rows.append(row)
        return rows
