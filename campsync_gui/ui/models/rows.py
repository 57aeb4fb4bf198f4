"""The part every CampSync table model shares: a list of row records under fixed column headers."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ..i18n import translate


class RowsTableModel(QAbstractTableModel):
    """Subclasses set HEADERS and implement `data()` over the records the core feeds them (`set_rows`).

    HEADERS are the English headers (marked `QT_TRANSLATE_NOOP(HEADER_CONTEXT, "…")` for lupdate: they stay English
    where they serve as keys, e.g. a CSV export's columns). A subclass that sets HEADER_CONTEXT has the header show
    their translation in that context, looked up once per model, not on every paint; without it, HEADERS are shown
    as they are (the subclass translates them itself)."""

    HEADERS: tuple[str, ...] = ()
    HEADER_CONTEXT: str | None = None

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._shown_headers: tuple[str, ...] | None = None

    def set_rows(self, rows: Iterable) -> None:
        """Show these records, in this order (a reset: for short tables that are read whole)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def rows(self) -> list:
        return list(self._rows)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.shown_headers()[section]
        return None

    def shown_headers(self) -> tuple[str, ...]:
        """HEADERS as the person reads them (translated the first time they are asked for)."""
        if self.HEADER_CONTEXT is None:
            return self.HEADERS
        if self._shown_headers is None:
            self._shown_headers = tuple(translate(self.HEADER_CONTEXT, header) for header in self.HEADERS)
        return self._shown_headers


def contiguous_runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """[3, 4, 5, 9] → [(3, 5), (9, 9)]: sorted row numbers as (first, last) runs, one model signal per run."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs

