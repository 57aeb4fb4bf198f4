"""Qt table model of Dynamics campaigns (name, state, status); inactive ones are greyed."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...dynamics.entities import Campaign

COL_NAME, COL_STATE, COL_STATUS = range(3)
HEADERS = ("Campaign", "State", "Status")
RowRole = Qt.ItemDataRole.UserRole + 1


class CampaignTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Campaign] = []

    def set_rows(self, rows: list[Campaign]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        campaign = self._rows[index.row()]
        if role == RowRole:
            return campaign
        if role == Qt.ItemDataRole.DisplayRole:
            return (campaign.name, "Active" if campaign.active else "Inactive", campaign.status_label)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not campaign.active:
            return QBrush(QColor("#8a8f98"))
        if role == Qt.ItemDataRole.ToolTipRole and not campaign.active:
            return "Inactive in Dynamics: people cannot be added to or removed from it."
        return None
