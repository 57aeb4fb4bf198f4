"""Qt table model of the people: lazy rows, filter and sort over all of them, sync state, drag and drop.

Built for 200,000 people. The model is fed: `set_rows(rows, pending)` gives it every person as the core's plain
tuples (core.people.TABLE_COLUMNS, no ORM objects) and the people with an action still queued; `update_people`
gives it new values for some of them, `set_pending` a new pending set. It never reads the store. The view is fed
1,000 rows at a time through `canFetchMore`/`fetchMore`, but filtering and sorting work on the full list in memory
(people_rows.PeopleRows), so a search finds people the view has not fetched yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ..mime import MEMBER_IDS, PERSON_IDS, people_mime, read_members
from .people_rows import (COL_COMPANY, COL_COUNTRY, COL_EMAIL, COL_NAME, COL_SCORE, COL_SYNC, COL_TYPE,
                          COLUMN_COUNT, COMPANY, COUNTRY, DYN_ID, EMAIL, HEADERS, HIGH_SCORE, ID, NAME,
                          QUICK_ALL, QUICK_CONTACTS, QUICK_FILTERS, QUICK_HIGH_SCORE, QUICK_LEADS,
                          QUICK_NOT_IN_DYNAMICS, QUICK_PENDING, SCORE, SYNC_IN, SYNC_OUT, SYNC_PENDING, TEXT_FIELDS,
                          TYPE, TYPE_LABELS, PeopleRows, PersonRow, person_row)
from .people_search import fold, search_terms
from .rows import contiguous_runs

__all__ = ["COL_COMPANY", "COL_COUNTRY", "COL_EMAIL", "COL_NAME", "COL_SCORE", "COL_SYNC", "COL_TYPE",
           "COLUMN_COUNT", "FETCH_CHUNK", "HEADERS", "HIGH_SCORE", "QUICK_ALL", "QUICK_CONTACTS", "QUICK_FILTERS",
           "QUICK_HIGH_SCORE", "QUICK_LEADS", "QUICK_NOT_IN_DYNAMICS", "QUICK_PENDING", "SYNC_IN", "SYNC_OUT",
           "SYNC_PENDING", "TYPE_LABELS", "PeopleTableModel", "PersonRow", "RowRole", "SortRole", "fold",
           "search_terms"]

SortRole = Qt.ItemDataRole.UserRole          # native comparable values (str folded for case, int for score)
RowRole = Qt.ItemDataRole.UserRole + 1       # the row as a PersonRow

FETCH_CHUNK = 1000

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_PENDING_BRUSH = QBrush(QColor("#b26a00"))
_SYNC_ROLES = [_DISPLAY, _TOOLTIP, _FOREGROUND, SortRole]


class PeopleTableModel(QAbstractTableModel):
    """People as the core reads them, with lazy loading, filtering, sorting, sync state and drag and drop.

    `_data` holds every person (in id order, as the core gave them) and the sort order of all of them;
    `_visible` the positions that pass the filter, in sort order. The view sees the first `_fetched` of those.
    """

    remove_requested = Signal(str, list)  # (campaign_id, person_ids): members dropped here to be removed
    counts_changed = Signal(int, int)     # (people matching the filter, people in the store)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._data = PeopleRows()
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._text = ""
        self._terms: tuple[str, ...] = ()
        self._quick = QUICK_ALL
        self._visible: list[int] = []
        self._fetched = 0
        self._generation = 0            # bumped whenever rows, pending state or order change
        self._filtered_generation = -1  # the generation the current visible list was filtered at

    # ---- feeding --------------------------------------------------------------------------------

    def set_rows(self, rows: list[tuple], pending: Iterable[int] = ()) -> None:
        """Every person (core.people.table_rows: TABLE_COLUMNS tuples, by id) and the people with an action still
        queued. The filter and the sort are kept.

        When the same people come (the usual case after a sync), rows are updated in place: only the changed
        cells are repainted and the selection, the scroll position and the row order are kept. When people were
        added or deleted, the model resets (and sorts again).
        """
        pending = pending if isinstance(pending, set) else set(pending)
        if self._data.same_people(rows):
            self._update_rows(rows, pending)
        else:
            self._replace_rows(rows, pending)

    def update_people(self, rows_by_id: Mapping[int, tuple], asked: Iterable[int] = ()) -> bool:
        """New values for some people (core.people.table_rows_for), e.g. after a sync created them in Dynamics.

        Rows update in place with a dataChanged of their cells; people who stop (or start) matching the current
        filter leave (or enter) the list. `asked`: the ids these rows were read for, so people missing from
        `rows_by_id` are known to be deleted. Returns False, changing nothing, when people were added or deleted:
        the caller then feeds every row again (`set_rows`).
        """
        index_of = self._data.index_of
        if any(pid not in index_of for pid in rows_by_id) or any(
                pid in index_of and pid not in rows_by_id for pid in asked):
            return False
        changed = self._data.update_some(rows_by_id)
        if changed:
            self._generation += 1
            if self._terms or self._quick != QUICK_ALL:
                self._apply_visible(self._compute_visible())
            self._emit_rows_changed(changed, 0, COLUMN_COUNT - 1, None)
        return True

    def set_pending(self, person_ids: Iterable[int]) -> None:
        """Mark exactly these people as having an unconfirmed outbox row; repaints only the Sync cells that change.

        With the "Pending" quick filter on, people who stop (or start) being pending leave (or enter) the list.
        The sort order is not recomputed (rows do not jump while the sync runs); the next sort uses the new state.
        """
        new = {int(p) for p in person_ids}
        if new == self._data.pending:
            return
        changed_rows = self._data.set_pending(new)
        self._generation += 1
        if self._quick == QUICK_PENDING:
            self._apply_visible(self._compute_visible())
        self._emit_rows_changed(changed_rows, COL_SYNC, COL_SYNC, _SYNC_ROLES)

    def pending_ids(self) -> set[int]:
        return set(self._data.pending)

    def _replace_rows(self, rows: list[tuple], pending: set[int]) -> None:
        self.beginResetModel()
        self._data.replace(rows, pending)
        self._generation += 1
        self._set_order(self._sort_column, self._sort_order)
        self._visible = self._compute_visible()
        self._fetched = min(FETCH_CHUNK, len(self._visible))
        self.endResetModel()
        self._emit_counts()

    def _update_rows(self, rows: list[tuple], pending: set[int]) -> None:
        """Same people, same positions: swap in the new data and announce only what changed."""
        changed, sync_changed = self._data.update_same(rows, pending)
        if not changed and not sync_changed:
            return
        self._generation += 1
        if self._terms or self._quick != QUICK_ALL:
            self._apply_visible(self._compute_visible())
        self._emit_rows_changed(changed, 0, COLUMN_COUNT - 1, None)
        self._emit_rows_changed(sync_changed - changed, COL_SYNC, COL_SYNC, _SYNC_ROLES)

    # ---- lazy rows --------------------------------------------------------------------------------

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._fetched < len(self._visible)

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid():
            return
        self._fetch_to(self._fetched + FETCH_CHUNK)

    def fetch_all(self) -> None:
        """Hand the view every matching row now (select-all, where "all" must mean every match)."""
        self._fetch_to(len(self._visible))

    def _fetch_to(self, count: int) -> None:
        count = min(count, len(self._visible))
        if count <= self._fetched:
            return
        self.beginInsertRows(QModelIndex(), self._fetched, count - 1)
        self._fetched = count
        self.endInsertRows()

    # ---- filtering --------------------------------------------------------------------------------

    def set_filter(self, text: str, quick_filter: str = QUICK_ALL) -> None:
        """Show the people whose name, email, company, job title or country contain every word of `text`
        (case and accents ignored; "quoted words" match as one phrase) and who pass `quick_filter`.
        Searches all rows, fetched or not; the view restarts at the first chunk."""
        if quick_filter not in QUICK_FILTERS:
            raise ValueError(f"unknown quick filter {quick_filter!r}; expected one of {QUICK_FILTERS}")
        terms = search_terms(text)
        self._text = text
        if terms == self._terms and quick_filter == self._quick:
            return  # same filter (e.g. a trailing space typed): keep the selection and the scroll position
        narrow_from = self._visible if self._narrows(terms, quick_filter) else None
        self._terms, self._quick = terms, quick_filter
        visible = self._compute_visible(narrow_from)
        self._filtered_generation = self._generation
        self.beginResetModel()
        self._visible = visible
        self._fetched = min(FETCH_CHUNK, len(visible))
        self.endResetModel()
        self._emit_counts()

    def filter_text(self) -> str:
        return self._text

    def quick_filter(self) -> str:
        return self._quick

    def matching_count(self) -> int:
        return len(self._visible)

    def total_count(self) -> int:
        return len(self._data)

    def _narrows(self, terms: tuple[str, ...], quick: str) -> bool:
        """Whether the new filter can only drop rows from the current list ("sc" → "sch"), and that list is
        short enough that scanning it beats a full scan (its rows sit scattered in memory, in sort order)."""
        return (quick == self._quick and self._filtered_generation == self._generation
                and len(self._visible) * 4 <= len(self._data)
                and all(any(old in new for new in terms) for old in self._terms))

    def _compute_visible(self, narrow_from: list[int] | None = None) -> list[int]:
        return self._data.visible(self._terms, self._quick, narrow_from)

    # ---- sorting ----------------------------------------------------------------------------------

    # Sorting lives in the model, not in a QSortFilterProxyModel: a proxy sorts only the rows the source has
    # fetched (so a lazy model would show the first 1,000 people sorted, not the first 1,000 of the sorted
    # list), it calls lessThan() through Python for every comparison (~3.5 million calls for 200,000 rows),
    # and it keeps its own mapping of every row. Here one key per row and Python's sorted() do it in C.
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort all people by `column` (-1: store order); the filter is kept and selected rows keep their selection."""
        order = Qt.SortOrder(order)
        self._generation += 1
        self.layoutAboutToBeChanged.emit()
        old_visible = self._visible
        self._set_order(column, order)
        self._visible = self._compute_visible()
        persistent = self.persistentIndexList()
        if persistent:
            position = {i: row for row, i in enumerate(self._visible[:self._fetched])}
            moved = []
            for index in persistent:
                row = position.get(old_visible[index.row()]) if index.row() < len(old_visible) else None
                moved.append(self.createIndex(row, index.column()) if row is not None else QModelIndex())
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def sort_column(self) -> int:
        return self._sort_column

    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def _set_order(self, column: int, order: Qt.SortOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._data.set_order(column, order == Qt.SortOrder.DescendingOrder)

    # ---- signals for changed rows -------------------------------------------------------------------

    def _apply_visible(self, new: list[int]) -> None:
        """Switch to a new visible list after the data changed under the same filter and sort.

        When people only left the list, they are removed with beginRemoveRows, so selection and scroll position
        survive; anything else resets the model (keeping as many rows fetched as before).
        """
        old = self._visible
        if new == old:
            return
        keep = set(new)
        gone = [row for row, i in enumerate(old) if i not in keep]
        runs = contiguous_runs(gone)
        if len(old) - len(gone) == len(new) and len(runs) <= 200:
            current = list(old)
            for first, last in reversed(runs):
                del current[first:last + 1]
                if first < self._fetched:
                    last_fetched = min(last, self._fetched - 1)
                    self.beginRemoveRows(QModelIndex(), first, last_fetched)
                    self._visible = current
                    self._fetched -= last_fetched - first + 1
                    self.endRemoveRows()
            self._visible = new
        else:
            fetched = self._fetched
            self.beginResetModel()
            self._visible = new
            self._fetched = min(len(new), max(FETCH_CHUNK, fetched))
            self.endResetModel()
        self._emit_counts()

    def _emit_rows_changed(self, positions: set[int], first_col: int, last_col: int, roles) -> None:
        if not positions:
            return
        rows = [row for row, i in enumerate(self._visible[:self._fetched]) if i in positions]
        runs = contiguous_runs(rows)
        if len(runs) > 100:  # many scattered rows: one signal over their span, still only these columns
            runs = [(runs[0][0], runs[-1][1])]
        for first, last in runs:
            if roles is None:
                self.dataChanged.emit(self.index(first, first_col), self.index(last, last_col))
            else:
                self.dataChanged.emit(self.index(first, first_col), self.index(last, last_col), roles)

    def _emit_counts(self) -> None:
        self.counts_changed.emit(len(self._visible), len(self._data))

    # ---- lookups ----------------------------------------------------------------------------------

    def person_ids_for(self, indexes: Iterable[QModelIndex]) -> list[int]:
        """Sorted, unique person ids of the rows of `indexes` (any columns)."""
        rows, visible = self._data.rows, self._visible
        ids = {rows[visible[index.row()]][ID] for index in indexes
               if index.isValid() and index.model() is self and index.row() < self._fetched}
        return sorted(ids)

    def matching_person_ids(self) -> list[int]:
        """Every person the filter matches, fetched or not, in display order (for "add all N matches")."""
        rows = self._data.rows
        return [rows[i][ID] for i in self._visible]

    def row_for_person(self, person_id: int) -> int:
        """The model row of this person, fetching rows up to it if needed; -1 if the filter hides them."""
        i = self._data.index_of.get(person_id)
        if i is None:
            return -1
        try:
            row = self._visible.index(i)
        except ValueError:
            return -1
        if row >= self._fetched:
            self._fetch_to(row + 1)
        return row

    def person_at(self, row: int) -> PersonRow:
        return person_row(self._data.rows[self._visible[row]])

    # ---- Qt model API -----------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._fetched

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=_DISPLAY):
        if orientation == Qt.Orientation.Horizontal:
            if role == _DISPLAY:
                return HEADERS[section]
            if role == _ALIGN and section == COL_SCORE:
                return _RIGHT
        return None

    def data(self, index, role=_DISPLAY):
        if not index.isValid():
            return None
        row = self._data.rows[self._visible[index.row()]]
        column = index.column()
        if role == _DISPLAY:
            if column == COL_NAME:
                return row[NAME]
            if column == COL_EMAIL:
                return row[EMAIL] or ""
            if column == COL_COMPANY:
                return row[COMPANY] or ""
            if column == COL_TYPE:
                return TYPE_LABELS.get(row[TYPE], "Local only")
            if column == COL_SYNC:
                return self._data.sync_label(row)
            if column == COL_SCORE:
                return row[SCORE]
            return row[COUNTRY] or ""
        if role == SortRole:
            if column == COL_SCORE:
                return row[SCORE]
            if column == COL_SYNC:
                return self._data.sync_label(row)
            if column == COL_TYPE:
                return TYPE_LABELS.get(row[TYPE], "Local only")
            return (row[TEXT_FIELDS[column]] or "").casefold()
        if role == RowRole:
            return person_row(row)
        if role == _ALIGN and column == COL_SCORE:
            return _RIGHT
        if column == COL_SYNC:
            if role == _FOREGROUND and row[ID] in self._data.pending:
                return _PENDING_BRUSH
            if role == _TOOLTIP:
                label = self._data.sync_label(row)
                if label == SYNC_PENDING:
                    return "A campaign change for this person is queued and not yet confirmed by Dynamics."
                if label == SYNC_OUT:
                    return "Only in CampSync. Adding them to a campaign creates them in Dynamics as a lead first."
                return f"Dynamics id {row[DYN_ID]}"
        if role == _TOOLTIP and column == COL_TYPE and row[TYPE] is None:
            return "Not yet in Dynamics: a lead is created when they are first added to a campaign."
        return None

    def flags(self, index):
        if not index.isValid():
            # Drops land on the table as a whole (members dragged here to be removed from their campaign).
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    # ---- drag and drop ----------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [PERSON_IDS]

    def mimeData(self, indexes):
        return people_mime(self.person_ids_for(indexes))

    def supportedDragActions(self):
        return Qt.DropAction.CopyAction

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        # Only a campaign's members are accepted (to remove them); people dropped on people mean nothing.
        return data is not None and data.hasFormat(MEMBER_IDS)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        """Validate a members payload and ask for their removal; the engine does the work, not the model."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        campaign_id, person_ids = read_members(data)
        if not isinstance(campaign_id, str) or not campaign_id or not person_ids:
            return False
        self.remove_requested.emit(campaign_id, list(dict.fromkeys(person_ids)))
        return True
