"""Qt table model of people read from Dynamics (leads and contacts)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ...dynamics.entities import Person

COL_NAME, COL_EMAIL, COL_COMPANY, COL_TYPE, COL_COUNTRY = range(5)
HEADERS = ("Name", "Email", "Company", "Type", "Country")
RowRole = Qt.ItemDataRole.UserRole + 1


class PeopleTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Person] = []

    def append_rows(self, rows: list[Person]) -> None:
        if not rows:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
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
        person = self._rows[index.row()]
        if role == RowRole:
            return person
        if role == Qt.ItemDataRole.DisplayRole:
            return (person.name, person.email or "", person.company or "", person.kind.capitalize(),
                    person.country or "")[index.column()]
        return None
