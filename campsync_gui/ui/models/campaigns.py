"""Campaigns table: name, state badge, member counts; the drop target for Add to Microsoft Campaign.

Fed by the core: `set_rows(workspace.campaign_summaries())`, and `set_readiness(workspace.readiness())` for what
the settings and the org allow now. A drop is refused with the core's own rule (`flows.blocked_reason`)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ...core import origins
from ...core.campaigns import CampaignSummary
from ...core.flows import Readiness, blocked_reason
from ...language import plural
from ..i18n import translate
from ..mime import PERSON_IDS, read_people
from .rows import RowsTableModel

COL_NAME, COL_STATE, COL_FLOW, COL_CRM = range(4)
HEADERS = (QT_TRANSLATE_NOOP("CampaignTableModel", "Campaign"), QT_TRANSLATE_NOOP("CampaignTableModel", "State"),
           QT_TRANSLATE_NOOP("CampaignTableModel", "By CampSync"), QT_TRANSLATE_NOOP("CampaignTableModel", "In CRM"))
SortRole = Qt.ItemDataRole.UserRole
RowRole = Qt.ItemDataRole.UserRole + 1  # the row's CampaignSummary
INACTIVE_GREY = QColor("#8a8f98")


class CampaignTableModel(RowsTableModel):
    """The campaigns as the core sums them up (`set_rows(core.campaigns.summaries)`, by name); dropping people on a
    row asks for an add."""

    HEADERS = HEADERS
    HEADER_CONTEXT = "CampaignTableModel"

    # Id lists travel as `object`: a `list` argument is copied into a QVariantList and back on every emit (46 ms for
    # a 200,000-person drop); the same holds for every signal of the window that carries people or events.
    add_requested = Signal(str, object)        # campaign id, person ids: people dropped on a campaign
    add_requested_by = Signal(str, object, str)  # the same request from a keyboard path or a menu, and its origin
    drop_refused = Signal(str)         # why this drop cannot happen, shown at once

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[CampaignSummary] = []
        self.readiness = Readiness()
        # Translated once: data() answers for every cell painted and every hover, refusal() for every drag move.
        self._states = (translate("CampaignTableModel", "Inactive"), translate("CampaignTableModel", "Active"))
        self._tip = translate("CampaignTableModel", "{name} — {status}")
        self._tip_refused = translate("CampaignTableModel", "Drops refused: {reason}")
        self._tip_drop = translate("CampaignTableModel", "Drop people here to add them.")
        self._no_row = translate("CampaignTableModel", "drop people onto a campaign row")

    # ---- feeding -------------------------------------------------------------------------------

    def set_readiness(self, readiness: Readiness) -> None:
        """What the settings and the org allow now: drops are refused while sync is off or the prerequisite is
        missing. Tooltips follow at once."""
        if readiness == self.readiness:
            return
        self.readiness = readiness
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(HEADERS) - 1),
                                  [Qt.ItemDataRole.ToolTipRole])

    def row_of(self, campaign_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == campaign_id), -1)

    def campaign(self, campaign_id: str) -> CampaignSummary | None:
        row = self.row_of(campaign_id)
        return self._rows[row] if row >= 0 else None

    def names(self) -> dict[str, str]:
        return {r.id: r.name for r in self._rows}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, self._states[bool(row.active)], row.flow_count, row.crm_count)[col]
        if role == SortRole:
            return (row.name.lower(), row.active, row.flow_count, row.crm_count)[col]
        if role == Qt.ItemDataRole.ForegroundRole:
            if not row.active:
                return QBrush(INACTIVE_GREY)
            if col == COL_STATE:
                return QBrush(QColor("#1e8e3e"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_FLOW, COL_CRM):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            reason = self.refusal(row)
            return (self._tip.format(name=row.name, status=row.status) + "\n"
                    + (self._tip_refused.format(reason=reason) if reason else self._tip_drop))
        return None

    # ---- drop target ---------------------------------------------------------------------------

    def refusal(self, row: CampaignSummary | None) -> str | None:
        """Why people cannot be added to this campaign right now, known without asking Dynamics."""
        if row is None:
            return self._no_row
        return blocked_reason(row, self.readiness)

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDropEnabled if index.isValid() else base

    def mimeTypes(self):
        return [PERSON_IDS]

    def supportedDropActions(self):
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def _target(self, row: int, parent: QModelIndex) -> CampaignSummary | None:
        # Dropped onto a row: Qt passes row=-1 and the row as parent. Between rows: no campaign.
        if parent.isValid():
            return self._rows[parent.row()]
        return None

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return bool(read_people(data)) and self.refusal(self._target(row, parent)) is None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        person_ids = read_people(data)
        if not person_ids:
            return False
        return self.request_add(self._target(row, parent), person_ids)

    def request_add(self, target: CampaignSummary | str | None, person_ids: list[int], *,
                    origin: str = origins.DRAG_AND_DROP) -> bool:
        """What a drop of these people on `target` (a row or a campaign id) does: refused at once with the reason,
        or an add request. The keyboard paths (the campaign picker, Ctrl+Enter, menus) call this too, so every path
        runs the same way; only the origin the log shows differs (`add_requested_by` carries it)."""
        if isinstance(target, str):
            target = self.campaign(target)
        reason = self.refusal(target)
        if reason:
            self.drop_refused.emit(translate("CampaignTableModel", "Cannot add {people}: {reason}.").format(
                people=plural(len(person_ids), translate("CampaignTableModel", "{n} person"),
                              translate("CampaignTableModel", "{n} people")), reason=reason))
            return False
        if origin == origins.DRAG_AND_DROP:
            self.add_requested.emit(target.id, list(person_ids))
        else:
            self.add_requested_by.emit(target.id, list(person_ids), origin)
        return True
