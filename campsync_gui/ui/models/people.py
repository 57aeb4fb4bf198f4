"""Qt table model of the people: lazy rows, filter and sort over all of them, sync state, drag and drop.

Built for a million people. The model is fed: `set_index(index, pending, read_rows, read_column)` gives it every
person as core.people_index's compact index (ids, search texts, flag bytes: no tuple per person) with readers for
the cells of a page of people and for one column of all (to sort by it); `set_rows(rows, pending)` gives it every
person as the core's plain tuples instead (small tables, tests). `update_people` gives it new values for some
people, `set_pending` a new pending set. While a big index is read in the background, `show_first` shows the first
page and `set_loader` says how to wait for the rest. The view is fed 1,000 rows at a time through
`canFetchMore`/`fetchMore`, but filtering and sorting work on every person (people_rows.PeopleRows), so a search
finds people the view has not fetched yet. Above FILTER_IN_SLICES_ABOVE people a search runs in slices
(people_scan): the keystroke shows the first matches, the rest and the exact count follow (`is_searching`), and
whatever needs every match (the count asked for, select all, a drag, a lookup) finishes it first.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor

from ..mime import MEMBER_IDS, PERSON_IDS, people_mime, read_members
from .people_rows import (COL_COMPANY, COL_COUNTRY, COL_EMAIL, COL_NAME, COL_SCORE, COL_SYNC, COL_TYPE,
                          COLUMN_COUNT, COMPANY, COUNTRY, DYN_ID, EMAIL, HEADERS, HIGH_SCORE, ID, NAME,
                          QUICK_ALL, QUICK_CONTACTS, QUICK_FILTERS, QUICK_HIGH_SCORE, QUICK_LEADS,
                          QUICK_NOT_IN_DYNAMICS, QUICK_PENDING, SCORE, SYNC_IN, SYNC_OUT, SYNC_PENDING, TEXT_FIELDS,
                          TYPE, TYPE_LABELS, PeopleRows, PersonRow, ReadColumn, ReadRows, person_row)
from .people_scan import FilterScan, RecentScans
from .people_search import fold, search_terms
from .people_words import people_words
from .rows import contiguous_runs

__all__ = ["COL_COMPANY", "COL_COUNTRY", "COL_EMAIL", "COL_NAME", "COL_SCORE", "COL_SYNC", "COL_TYPE",
           "COLUMN_COUNT", "FETCH_CHUNK", "HEADERS", "HIGH_SCORE", "QUICK_ALL", "QUICK_CONTACTS", "QUICK_FILTERS",
           "QUICK_HIGH_SCORE", "QUICK_LEADS", "QUICK_NOT_IN_DYNAMICS", "QUICK_PENDING", "SYNC_IN", "SYNC_OUT",
           "SYNC_PENDING", "TYPE_LABELS", "PeopleTableModel", "PersonRow", "RowRole", "SortRole", "fold",
           "search_terms"]

SortRole = Qt.ItemDataRole.UserRole          # native comparable values (str folded for case, int for score)
RowRole = Qt.ItemDataRole.UserRole + 1       # the row as a PersonRow

FETCH_CHUNK = 1000
PAGE = 200  # rows read from the store together when the view paints one that is not at hand
# Above this many people a search runs a slice at a time (people_scan): the keystroke shows the first rows it finds
# in display order, the rest of the matches and the exact count follow while the window keeps taking keys.
FILTER_IN_SLICES_ABOVE = 300_000
FIRST_SCREEN = 100   # matches looked for at the keystroke itself: more than a screenful
FIRST_ROWS_S = 0.06  # at most this long (a word that only people far down the order have shows them later)
SLICE_S = 0.004      # each later slice of the search: a key typed meanwhile waits at most about this long
COUNT_EVERY_S = 0.1  # the count so far is shown again at most this often while the search runs

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

    remove_requested = Signal(str, object)  # (campaign_id, person_ids): members dropped here to be removed
    counts_changed = Signal(int, int)     # (people matching the filter, people in the store)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._words = people_words()  # translated once: data() runs for every cell painted
        self._data = PeopleRows(self._words)
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._text = ""
        self._terms: tuple[str, ...] = ()
        self._quick = QUICK_ALL
        self._visible: Sequence[int] = []  # a list, range, array or people_rows.Matches
        self._fetched = 0
        self._generation = 0            # bumped whenever rows, pending state or order change
        self._filtered_generation = -1  # the generation the current visible list was filtered at
        self._first: list[tuple] | None = None  # show_first: the first rows while every person is being read
        self._first_total = 0
        self._loader: Callable[[], None] | None = None  # waits for the index being read (set_loader)
        self._scan: FilterScan | None = None  # a search still running in slices (FILTER_IN_SLICES_ABOVE)
        self._recent = RecentScans()
        self._counted_at = 0.0
        self._scan_timer = QTimer(self)
        # A slice each millisecond: a key or a paint due meanwhile comes first (a 0 ms timer can run again before).
        self._scan_timer.setInterval(1)
        self._scan_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._scan_timer.timeout.connect(self._scan_slice)

    # ---- feeding --------------------------------------------------------------------------------

    def set_rows(self, rows: list[tuple], pending: Iterable[int] = ()) -> None:
        """Every person (core.people.table_rows: TABLE_COLUMNS tuples, by id) and the people with an action still
        queued. The filter and the sort are kept.

        When the same people come (the usual case after a sync), rows are updated in place: only the changed
        cells are repainted and the selection, the scroll position and the row order are kept. When people were
        added or deleted, the model resets (and sorts again).
        """
        pending = pending if isinstance(pending, set) else set(pending)
        self._first = None
        if self._data.tuples is not None and self._data.same_people([row[ID] for row in rows]):
            self._announce_update(*self._data.update_same_tuples(rows, pending))
        else:
            self._data.from_tuples(rows, pending)
            self._reset_to_data()

    def set_index(self, ids: Sequence[int], search: list[str], flags: bytes, pending: Iterable[int], *,
                  read_rows: ReadRows, read_column: ReadColumn, names: list[str] | None = None) -> None:
        """Every person as core.people_index.table_index reads them (ids ascending, lowered search texts, flag
        bytes, and the names when read with them), `read_rows(ids)` for the cells of some people and
        `read_column(column)` for one column of every person. Filter and sort are kept; the same people update in
        place (the cells on screen are read again), other people reset the model."""
        pending = pending if isinstance(pending, set) else set(pending)
        was_first, self._first = self._first is not None, None
        if not was_first and self._data.tuples is None and self._data.same_people(ids):
            self._data.read_rows, self._data.read_column = read_rows, read_column
            self._announce_update(*self._data.update_same_index(search, flags, pending))
            return
        self._data.from_index(ids, search, flags, pending, read_rows=read_rows, read_column=read_column,
                              names=names)
        self._reset_to_data()

    def show_first(self, rows: list[tuple], total: int, pending: Iterable[int] = ()) -> None:
        """While every person is being read: show these first rows (in the current order, no filter) and count
        `total` people. Filters and sorts asked meanwhile apply when `set_index` comes."""
        self._stop_search()
        self.beginResetModel()
        self._first, self._first_total = list(rows), total
        self._data.pending = pending if isinstance(pending, set) else set(pending)
        self._visible = list(range(len(self._first)))
        self._fetched = len(self._visible)
        self.endResetModel()
        self._emit_counts()

    def set_loader(self, wait: Callable[[], None] | None) -> None:
        """`wait()` blocks until the index being read has been handed to `set_index` (None: nothing is read)."""
        self._loader = wait

    def is_loading(self) -> bool:
        return self._first is not None

    def search_texts(self) -> list[str]:
        """Every person's search text as held now (not a copy: a reader of the store shares the unchanged ones)."""
        return self._data.search

    def _wait_for_everyone(self) -> None:
        """What needs every person (select all, a lookup, an update) waits for the index being read and for the
        search running in slices."""
        if self._first is not None and self._loader is not None:
            self._loader()
        self.finish_search()

    def update_people(self, rows_by_id: Mapping[int, tuple], asked: Iterable[int] = ()) -> bool:
        """New values for some people (core.people.table_rows_for), e.g. after a sync created them in Dynamics.

        Rows update in place with a dataChanged of their cells; people who stop (or start) matching the current
        filter leave (or enter) the list. `asked`: the ids these rows were read for, so people missing from
        `rows_by_id` are known to be deleted. Returns False, changing nothing, when people were added or deleted:
        the caller then feeds every row again (`set_rows`).
        """
        self._wait_for_everyone()
        position = self._data.position
        if self._first is not None or any(position(pid) is None for pid in rows_by_id) or any(
                pid not in rows_by_id and position(pid) is not None for pid in asked):
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
        if new != self._data.pending:
            self._pending_changed(self._data.set_pending(new))

    def add_pending(self, person_ids: Iterable[int]) -> None:
        """Mark these people pending too, keeping the others: what a confirmed drop does, a slice at a time (marking
        200,000 at once by `set_pending` copied and compared every pending id, a tenth of a second)."""
        more = set(person_ids) - self._data.pending
        if more:
            self._pending_changed(self._data.add_pending(more))

    def _pending_changed(self, changed_rows: set[int] | None) -> None:
        """`changed_rows`: the positions whose state changed; None when too many changed to look for them."""
        if self._first is None:
            self._generation += 1
            if self._quick == QUICK_PENDING:
                self._apply_visible(self._compute_visible())
        if changed_rows is None or self._first is not None:  # the column (or the first rows'), repainted where shown
            if self._fetched:
                self.dataChanged.emit(self.index(0, COL_SYNC), self.index(self._fetched - 1, COL_SYNC), _SYNC_ROLES)
            return
        self._emit_rows_changed(changed_rows, COL_SYNC, COL_SYNC, _SYNC_ROLES)

    def pending_ids(self) -> set[int]:
        return set(self._data.pending)

    def _reset_to_data(self) -> None:
        self.beginResetModel()
        self._generation += 1
        self._set_order(self._sort_column, self._sort_order)
        self._visible = self._compute_visible()
        self._fetched = min(FETCH_CHUNK, len(self._visible))
        self.endResetModel()
        self._emit_counts()

    def _announce_update(self, changed: set[int], sync_changed: set[int]) -> None:
        """Same people, same positions, new data: announce only what changed."""
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
        self._wait_for_everyone()
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
        if self._first is not None:  # every person is being read: this filter applies when they come
            self._terms, self._quick = terms, quick_filter
            return
        narrower = self._narrower(terms, quick_filter)
        narrow = narrower and self._narrows()
        narrowing_from = (self._terms, self._quick) if narrower else None
        self._terms, self._quick = terms, quick_filter
        self._filtered_generation = self._generation
        if terms and len(self._data) > FILTER_IN_SLICES_ABOVE:
            self._start_search(narrow, narrowing_from)
            return
        visible = self._compute_visible(narrow)
        self.beginResetModel()
        self._visible = visible
        self._fetched = min(FETCH_CHUNK, len(visible))
        self.endResetModel()
        self._emit_counts()

    def is_searching(self) -> bool:
        """Whether a search is still running in slices: the rows shown are the first matches, in order, and the
        count so far is a lower bound."""
        return self._scan is not None

    def finish_search(self) -> None:
        """Finish the search running in slices now (what needs every match: select all, a drag, the count)."""
        scan = self._scan
        if scan is not None:
            while not scan.step(math.inf):
                pass
            self._end_search(scan)

    def _start_search(self, narrow: bool, narrowing_from: tuple[tuple[str, ...], str] | None) -> None:
        """Show the first matches in display order now, and look for the rest a slice at a time (a search done a
        moment ago is taken up where it was). `narrowing_from`: the filter this one only drops people from."""
        self._stop_search()
        scan = self._recent.start(self._data, self._terms, self._quick, self._generation,
                                  shown=self._visible if narrow else None, narrowing_from=narrowing_from)
        finished = scan.result is not None
        shown = scan.result if finished else list(scan.first_rows(FIRST_SCREEN, time.perf_counter() + FIRST_ROWS_S))
        self.beginResetModel()
        self._visible = shown
        self._fetched = min(FETCH_CHUNK, len(shown))
        self.endResetModel()
        if not finished:
            self._scan, self._counted_at = scan, time.perf_counter()
            self._scan_timer.start()
        self._emit_counts()

    def _scan_slice(self) -> None:
        scan = self._scan
        if scan is None:
            self._scan_timer.stop()
        elif scan.step(time.perf_counter() + SLICE_S):
            self._end_search(scan)
        elif time.perf_counter() - self._counted_at >= COUNT_EVERY_S:
            self._counted_at = time.perf_counter()
            self._emit_counts()

    def _end_search(self, scan: FilterScan) -> None:
        """Every match is known: the rows shown stay (they are the first ones), the others follow them."""
        self._stop_search()
        result = scan.result
        assert result is not None
        shown = self._visible
        if len(result) >= len(shown) and list(result[:len(shown)]) == list(shown):
            self._visible = result
            self._fetch_to(max(FETCH_CHUNK, self._fetched))
        else:  # (not expected: the rows shown are a prefix of the result)
            self.beginResetModel()
            self._visible = result
            self._fetched = min(FETCH_CHUNK, len(result))
            self.endResetModel()
        self._emit_counts()

    def _stop_search(self) -> None:
        self._scan = None
        self._scan_timer.stop()

    def filter_text(self) -> str:
        return self._text

    def quick_filter(self) -> str:
        return self._quick

    def matching_count(self) -> int:
        """How many people the filter matches (a search running in slices is finished first: exact)."""
        self.finish_search()
        return self._shown_count()

    def _shown_count(self) -> int:
        if self._first is not None:
            return self._first_total
        return self._scan.found_so_far() if self._scan is not None else len(self._visible)

    def total_count(self) -> int:
        return self._first_total if self._first is not None else len(self._data)

    def _narrower(self, terms: tuple[str, ...], quick: str) -> bool:
        """Whether the new filter can only drop rows from the current list ("sc" → "sch")."""
        return (quick == self._quick and self._filtered_generation == self._generation
                and all(any(old in new for new in terms) for old in self._terms))

    def _narrows(self) -> bool:
        """Whether the current list (of a narrower filter) is short enough that scanning it beats a full scan
        (people_rows keeps those matches, in id order)."""
        return len(self._visible) * 4 <= len(self._data)

    def _compute_visible(self, narrow: bool = False) -> Sequence[int]:
        self._stop_search()  # the whole answer, now: a search still running in slices has nothing more to add
        return self._data.visible(self._terms, self._quick, narrow)

    # ---- sorting ----------------------------------------------------------------------------------

    # Sorting lives in the model, not in a QSortFilterProxyModel: a proxy sorts only the rows the source has
    # fetched (so a lazy model would show the first 1,000 people sorted, not the first 1,000 of the sorted
    # list), it calls lessThan() through Python for every comparison (~3.5 million calls for 200,000 rows),
    # and it keeps its own mapping of every row. Here one key per row and Python's sorted() do it in C.
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort all people by `column` (-1: store order); the filter is kept and selected rows keep their selection."""
        order = Qt.SortOrder(order)
        if self._first is not None:  # every person is being read: this order applies when they come
            self._sort_column, self._sort_order = column, order
            return
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

    def _apply_visible(self, new: Sequence[int]) -> None:
        """Switch to a new visible list after the data changed under the same filter and sort.

        When people only left the list, they are removed with beginRemoveRows, so selection and scroll position
        survive; anything else resets the model (keeping as many rows fetched as before).
        """
        old = self._visible
        if len(new) == len(old) and list(new) == list(old):
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
        self.counts_changed.emit(self._shown_count(), self.total_count())

    # ---- lookups ----------------------------------------------------------------------------------

    def person_ids_for(self, indexes: Iterable[QModelIndex]) -> list[int]:
        """Sorted, unique person ids of the rows of `indexes` (any columns)."""
        rows = {index.row() for index in indexes
                if index.isValid() and index.model() is self and index.row() < self._fetched}
        if self._first is not None:
            return sorted({self._first[row][ID] for row in rows})
        ids, visible = self._data.ids, self._visible
        return sorted({ids[visible[row]] for row in rows})

    def matching_person_ids(self) -> list[int]:
        """Every person the filter matches, fetched or not, in display order (for "add all N matches")."""
        self._wait_for_everyone()
        return list(map(self._data.ids.__getitem__, self._visible))

    def row_for_person(self, person_id: int) -> int:
        """The model row of this person, fetching rows up to it if needed; -1 if the filter hides them."""
        self._wait_for_everyone()
        i = self._data.position(person_id)
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
        return person_row(self._row(row))

    def _row(self, row: int) -> tuple:
        """The cells of a model row: from the first rows while loading, else read with the page around it."""
        if self._first is not None:
            return self._first[row]
        start = row - row % PAGE
        return self._data.row_at(self._visible[row], lambda: self._visible[start:start + PAGE])

    # ---- Qt model API -----------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._fetched

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=_DISPLAY):
        if orientation == Qt.Orientation.Horizontal:
            if role == _DISPLAY:
                return self._words.headers[section]
            if role == _ALIGN and section == COL_SCORE:
                return _RIGHT
        return None

    def data(self, index, role=_DISPLAY):
        if not index.isValid():
            return None
        row = self._row(index.row())
        column = index.column()
        if role == _DISPLAY:
            if column == COL_NAME:
                return row[NAME]
            if column == COL_EMAIL:
                return row[EMAIL] or ""
            if column == COL_COMPANY:
                return row[COMPANY] or ""
            if column == COL_TYPE:
                return self._words.types.get(row[TYPE], self._words.local_only)
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
                return self._words.types.get(row[TYPE], self._words.local_only)
            return (row[TEXT_FIELDS[column]] or "").casefold()
        if role == RowRole:
            return person_row(row)
        if role == _ALIGN and column == COL_SCORE:
            return _RIGHT
        if column == COL_SYNC:
            if role == _FOREGROUND and row[ID] in self._data.pending:
                return _PENDING_BRUSH
            if role == _TOOLTIP:  # by the state, as sync_label() finds it (not by the words shown)
                if row[ID] in self._data.pending:
                    return self._words.pending_tip
                return self._words.dynamics_id_tip.format(id=row[DYN_ID]) if row[DYN_ID] else self._words.out_tip
        if role == _TOOLTIP and column == COL_TYPE and row[TYPE] is None:
            return self._words.local_tip
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
