"""Qt table model of the people in the local store: lazy rows, filter and sort over all of them, drag and drop.

Built for 200,000 people. The whole table is read in one query into plain tuples (no ORM objects). The view is
fed 1,000 rows at a time through `canFetchMore`/`fetchMore`, but filtering and sorting work on the full list in
memory, so a search finds people the view has not fetched yet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from itertools import compress, repeat
from operator import contains, eq, ge, is_, itemgetter
from typing import NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from sqlalchemy import text
from sqlalchemy.engine import Engine

from ...core.models import OutboxRow, Person
from ..mime import MEMBER_IDS, PERSON_IDS, people_mime, read_members
from .rows import contiguous_runs

COL_NAME, COL_EMAIL, COL_COMPANY, COL_TYPE, COL_SYNC, COL_SCORE, COL_COUNTRY = range(7)
HEADERS = ("Name", "Email", "Company", "Type", "Sync", "Score", "Country")
COLUMN_COUNT = len(HEADERS)

SortRole = Qt.ItemDataRole.UserRole          # native comparable values (str folded for case, int for score)
RowRole = Qt.ItemDataRole.UserRole + 1       # the row as a PersonRow

FETCH_CHUNK = 1000

QUICK_ALL = "All"
QUICK_LEADS = "Leads"
QUICK_CONTACTS = "Contacts"
QUICK_NOT_IN_DYNAMICS = "Not in Dynamics"
QUICK_PENDING = "Pending"
QUICK_HIGH_SCORE = "Score ≥ 50"
QUICK_FILTERS = (QUICK_ALL, QUICK_LEADS, QUICK_CONTACTS, QUICK_NOT_IN_DYNAMICS, QUICK_PENDING, QUICK_HIGH_SCORE)
HIGH_SCORE = 50

SYNC_IN = "In Dynamics"
SYNC_OUT = "Not in Dynamics"
SYNC_PENDING = "Pending…"
PENDING_STATES = ("pending", "claimed", "sent")  # outbox rows not yet confirmed or failed
TYPE_LABELS = {"lead": "Lead", "contact": "Contact", None: "Local only"}

# Positions in the stored row tuples (the query's column order); 0..8 are the PersonRow fields.
_ID, _NAME, _EMAIL, _COMPANY, _TYPE, _DYN_ID, _SCORE, _COUNTRY, _JOB, _SEARCH = range(10)
_TEXT_FIELDS = {COL_NAME: _NAME, COL_EMAIL: _EMAIL, COL_COMPANY: _COMPANY, COL_COUNTRY: _COUNTRY}

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_PENDING_BRUSH = QBrush(QColor("#b26a00"))
_SYNC_ROLES = [_DISPLAY, _TOOLTIP, _FOREGROUND, SortRole]


class PersonRow(NamedTuple):
    """One person as the table shows it: a light, immutable record (what RowRole returns)."""

    id: int
    name: str
    email: str | None
    company: str | None
    type: str | None  # "lead" / "contact" / None (local only)
    dynamics_id: str | None
    score: int
    country: str | None
    job_title: str | None

    @property
    def type_label(self) -> str:
        return TYPE_LABELS.get(self.type, "Local only")


def _people_sql(where: str = "") -> str:
    # Column 9 is the search text: the searchable fields joined by U+001F (so a term cannot match across two
    # fields) and lower-cased by SQLite, which does it in C; SQLite lowers ASCII only, so the rows that are not
    # ASCII get a full Unicode fold in Python afterwards (see fold).
    p = Person.__tablename__
    name = "trim(ifnull(first_name, '') || ' ' || ifnull(last_name, ''))"  # as Person.name
    fields = [name] + [f"ifnull({c}, '')" for c in ("email", "company", "job_title", "country")]
    search = " || char(31) || ".join(fields)
    return (f"SELECT id, {name}, email, company, dynamics_type, dynamics_id, ifnull(score, 0), country, job_title, "
            f"lower({search}) FROM {p} {where} ORDER BY id")


PEOPLE_SQL = _people_sql()  # run on the DB-API cursor (see reload)
PENDING_SQL = text(f"SELECT DISTINCT person_id FROM {OutboxRow.__tablename__} "
                   f"WHERE state IN ({', '.join(repr(s) for s in PENDING_STATES)})")

# Accents are ignored, so "jose" finds "José" and "muller" finds "Müller". Text that fits Latin-1 (most Western
# names) is folded by one bytes.translate (~0.3 µs a string); anything else by NFKD without combining marks
# (~1.7 µs). Building the 200,000 search strings of a mostly accented list stays well under 0.1 s.
_MARKS = re.compile("[\u0300-\u036f]+")


def _strip_marks(text: str) -> str:
    return _MARKS.sub("", unicodedata.normalize("NFKD", text))


_LATIN1 = bytearray(range(256))
for _code in range(0xA0, 0x100):
    _bare = _strip_marks(chr(_code)).casefold()
    if len(_bare) == 1 and ord(_bare) < 0x100:
        _LATIN1[_code] = ord(_bare)
_LATIN1 = bytes(_LATIN1)


def fold(value: str) -> str:
    """Case- and accent-insensitive form used on both sides of a search."""
    value = value.casefold()
    if value.isascii():
        return value
    try:
        return value.encode("latin-1").translate(_LATIN1).decode("latin-1")
    except UnicodeEncodeError:
        return _strip_marks(value)


_TERM = re.compile(r'"([^"]*)"?|(\S+)')  # an unclosed quote runs to the end: '"acme lt' while typing


def search_terms(text: str) -> tuple[str, ...]:
    """'Ada "acme ltd"' → ('ada', 'acme ltd'): folded words and quoted phrases, each once."""
    found = (phrase.strip() or word for phrase, word in _TERM.findall(fold(text)))
    return tuple(dict.fromkeys(term for term in found if term))


def _and(a: bytes | bytearray, b: bytes | bytearray) -> bytes:
    # Masks hold 0/1 per row; AND-ing them as two big integers runs in C (≈0.3 ms for 200,000 rows).
    n = len(a)
    return (int.from_bytes(a, "little") & int.from_bytes(b, "little")).to_bytes(n, "little")


class PeopleTableModel(QAbstractTableModel):
    """People from the store, with lazy loading, filtering, sorting, sync state and drag and drop.

    The model keeps three lists: `_rows` (every person, in id order, as the query returned them), `_order`
    (all row positions in the current sort order) and `_visible` (positions that pass the filter, in sort order).
    The view sees the first `_fetched` entries of `_visible`.
    """

    remove_requested = Signal(str, list)  # (campaign_id, person_ids): members dropped here to be removed
    counts_changed = Signal(int, int)     # (people matching the filter, people in the store)

    def __init__(self, engine: Engine | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._engine = engine
        self._rows: list[tuple] = []
        self._search: list[str] = []
        self._index_of: dict[int, int] = {}
        self._pending: set[int] = set()
        self._order: list[int] | None = None          # None: id order
        self._permute: itemgetter | None = None       # itemgetter(*_order): reorders a mask in one C call
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._text = ""
        self._terms: tuple[str, ...] = ()
        self._quick = QUICK_ALL
        self._masks: dict[str, bytes] = {}
        self._visible: list[int] = []
        self._fetched = 0
        self._generation = 0            # bumped whenever rows, pending state or order change
        self._filtered_generation = -1  # the generation the current visible list was filtered at

    # ---- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read every person and the pending set from the store; keeps the filter and the sort.

        When the same people come back (the usual case after a sync), rows are updated in place: only the
        changed cells are repainted and the selection, the scroll position and the row order are kept.
        When people were added or deleted, the model resets (and sorts again).
        """
        if self._engine is None:
            raise RuntimeError("PeopleTableModel has no store to read from")
        with self._engine.connect() as conn:
            # The pooled connection's DB-API cursor hands back plain tuples, kept as they are: going through
            # Result/Row costs ~25% more time for 200,000 rows, and Row objects weigh more than tuples.
            cursor = conn.connection.cursor()
            try:
                cursor.execute(PEOPLE_SQL)
                rows = cursor.fetchall()
            finally:
                cursor.close()
            pending = {pid for (pid,) in conn.execute(PENDING_SQL)}
        if self._rows and len(rows) == len(self._rows) and \
                list(map(itemgetter(_ID), rows)) == list(map(itemgetter(_ID), self._rows)):
            self._update_rows(rows, pending)
        else:
            self._set_rows(rows, pending)

    def _set_rows(self, rows: list[tuple], pending: set[int]) -> None:
        search = _search_texts(rows)
        self.beginResetModel()
        self._rows = rows
        self._search = search
        self._index_of = dict(zip(map(itemgetter(_ID), rows), range(len(rows))))
        self._pending = pending
        self._masks = {}
        self._generation += 1
        self._set_order(self._sort_column, self._sort_order)
        self._visible = self._compute_visible()
        self._fetched = min(FETCH_CHUNK, len(self._visible))
        self.endResetModel()
        self._emit_counts()

    def _update_rows(self, rows: list[tuple], pending: set[int]) -> None:
        """Same people, same positions: swap in the new data and announce only what changed."""
        changed = {i for i, (old, new) in enumerate(zip(self._rows, rows)) if old != new}
        sync_changed = {self._index_of[p] for p in pending ^ self._pending if p in self._index_of}
        if not changed and not sync_changed:
            return
        if changed:
            self._rows = rows
            self._search = _search_texts(rows)
        self._pending = pending
        self._masks = {}
        self._generation += 1
        if self._terms or self._quick != QUICK_ALL:
            self._apply_visible(self._compute_visible())
        self._emit_rows_changed(changed, 0, COLUMN_COUNT - 1, None)
        self._emit_rows_changed(sync_changed - changed, COL_SYNC, COL_SYNC, _SYNC_ROLES)

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
        return len(self._rows)

    def _narrows(self, terms: tuple[str, ...], quick: str) -> bool:
        """Whether the new filter can only drop rows from the current list ("sc" → "sch"), and that list is
        short enough that scanning it beats a full scan (its rows sit scattered in memory, in sort order)."""
        return (quick == self._quick and self._filtered_generation == self._generation
                and len(self._visible) * 4 <= len(self._rows)
                and all(any(old in new for new in terms) for old in self._terms))

    def _compute_visible(self, narrow_from: list[int] | None = None) -> list[int]:
        if narrow_from is not None:  # the quick filter is already applied to these rows
            rows, search = narrow_from, self._search
            for term in self._terms:
                rows = list(compress(rows, map(contains, map(search.__getitem__, rows), repeat(term))))
            return rows
        # Each search word becomes a 0/1 mask over ALL rows, built by one C-level pass (`map(contains, ...)`)
        # over the search strings in id order: that is the order they were allocated in, and a scan in that
        # order is ~5x faster than one that jumps around memory in sort order. The mask is then put in sort
        # order by one itemgetter call. ~25 ms per word for 200,000 rows.
        n = len(self._rows)
        mask: bytes | bytearray | None = None
        for term in sorted(self._terms, key=len, reverse=True):
            found = bytearray(map(contains, self._search, repeat(term)))
            mask = found if mask is None else _and(mask, found)
        quick = self._quick_mask(self._quick)
        if quick is not None:
            mask = quick if mask is None else _and(mask, quick)
        if mask is None:
            return list(range(n)) if self._order is None else self._order
        if self._order is None:
            return list(compress(range(n), mask))
        if self._permute is None:
            return list(compress(self._order, map(mask.__getitem__, self._order)))
        return list(compress(self._order, self._permute(mask)))

    def _quick_mask(self, quick: str) -> bytes | None:
        if quick == QUICK_ALL:
            return None
        mask = self._masks.get(quick)
        if mask is None:
            rows = self._rows
            if quick == QUICK_LEADS:
                mask = bytes(map(eq, map(itemgetter(_TYPE), rows), repeat("lead")))
            elif quick == QUICK_CONTACTS:
                mask = bytes(map(eq, map(itemgetter(_TYPE), rows), repeat("contact")))
            elif quick == QUICK_NOT_IN_DYNAMICS:
                mask = bytes(map(is_, map(itemgetter(_DYN_ID), rows), repeat(None)))
            elif quick == QUICK_HIGH_SCORE:
                mask = bytes(map(ge, map(itemgetter(_SCORE), rows), repeat(HIGH_SCORE)))
            else:  # QUICK_PENDING
                found = bytearray(len(rows))
                for pid in self._pending:
                    i = self._index_of.get(pid)
                    if i is not None:
                        found[i] = 1
                mask = bytes(found)
            self._masks[quick] = mask
        return mask

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
        n = len(self._rows)
        if not 0 <= column < COLUMN_COUNT:
            self._order = self._permute = None
            return
        keys = self._sort_keys(column)
        # sorted() is stable, also with reverse=True: equal keys stay in store (id) order in both directions.
        self._order = sorted(range(n), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        self._permute = itemgetter(*self._order) if n >= 2 else None

    def _sort_keys(self, column: int) -> list:
        rows = self._rows
        if column == COL_SCORE:
            return list(map(itemgetter(_SCORE), rows))
        if column == COL_SYNC:
            return [self._sync_label(r) for r in rows]
        if column == COL_TYPE:
            return [TYPE_LABELS.get(t, "Local only") for t in map(itemgetter(_TYPE), rows)]
        return [(v or "").casefold() for v in map(itemgetter(_TEXT_FIELDS[column]), rows)]

    # ---- sync state and refreshes -----------------------------------------------------------------

    def set_pending(self, person_ids: Iterable[int]) -> None:
        """Mark exactly these people as having an unconfirmed outbox row; repaints only the Sync cells that change.

        With the "Pending" quick filter on, people who stop (or start) being pending leave (or enter) the list.
        The sort order is not recomputed (rows do not jump while the sync runs); the next sort uses the new state.
        """
        new = {int(p) for p in person_ids}
        changed = new ^ self._pending
        self._pending = new
        self._masks.pop(QUICK_PENDING, None)
        if not changed:
            return
        self._generation += 1
        if self._quick == QUICK_PENDING:
            self._apply_visible(self._compute_visible())
        changed_rows = {self._index_of[p] for p in changed if p in self._index_of}
        self._emit_rows_changed(changed_rows, COL_SYNC, COL_SYNC, _SYNC_ROLES)

    def pending_ids(self) -> set[int]:
        return set(self._pending)

    def refresh_people(self, person_ids: Iterable[int]) -> None:
        """Re-read these people from the store (e.g. after a sync created them in Dynamics as leads).

        Rows update in place with a dataChanged of their cells; people who stop (or start) matching the current
        filter leave (or enter) the list. New or deleted people make it a full reload.
        """
        ids = sorted({int(p) for p in person_ids})
        if not ids:
            return
        if self._engine is None:
            raise RuntimeError("PeopleTableModel has no store to read from")
        found: dict[int, tuple] = {}
        with self._engine.connect() as conn:
            for start in range(0, len(ids), 500):  # SQLite caps the number of bound parameters
                chunk = ids[start:start + 500]
                marks = ", ".join(f":p{k}" for k in range(len(chunk)))
                statement = text(_people_sql(f"WHERE id IN ({marks})"))
                for row in conn.execute(statement, {f"p{k}": pid for k, pid in enumerate(chunk)}):
                    found[row[_ID]] = tuple(row)
        if any(pid not in self._index_of for pid in found) or any(
                pid in self._index_of and pid not in found for pid in ids):
            self.reload()
            return
        changed: set[int] = set()
        for pid, row in found.items():
            i = self._index_of[pid]
            if self._rows[i] != row:
                self._rows[i] = row
                search = row[_SEARCH]
                self._search[i] = search if search.isascii() else fold(search)
                changed.add(i)
        if not changed:
            return
        self._generation += 1
        self._masks = {QUICK_PENDING: self._masks[QUICK_PENDING]} if QUICK_PENDING in self._masks else {}
        if self._terms or self._quick != QUICK_ALL:
            self._apply_visible(self._compute_visible())
        self._emit_rows_changed(changed, 0, COLUMN_COUNT - 1, None)

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
        self.counts_changed.emit(len(self._visible), len(self._rows))

    # ---- lookups ----------------------------------------------------------------------------------

    def person_ids_for(self, indexes: Iterable[QModelIndex]) -> list[int]:
        """Sorted, unique person ids of the rows of `indexes` (any columns)."""
        ids = {self._rows[self._visible[index.row()]][_ID] for index in indexes
               if index.isValid() and index.model() is self and index.row() < self._fetched}
        return sorted(ids)

    def matching_person_ids(self) -> list[int]:
        """Every person the filter matches, fetched or not, in display order (for "add all N matches")."""
        rows = self._rows
        return [rows[i][_ID] for i in self._visible]

    def row_for_person(self, person_id: int) -> int:
        """The model row of this person, fetching rows up to it if needed; -1 if the filter hides them."""
        i = self._index_of.get(person_id)
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
        return PersonRow._make(self._rows[self._visible[row]][:_SEARCH])

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
        row = self._rows[self._visible[index.row()]]
        column = index.column()
        if role == _DISPLAY:
            if column == COL_NAME:
                return row[_NAME]
            if column == COL_EMAIL:
                return row[_EMAIL] or ""
            if column == COL_COMPANY:
                return row[_COMPANY] or ""
            if column == COL_TYPE:
                return TYPE_LABELS.get(row[_TYPE], "Local only")
            if column == COL_SYNC:
                return self._sync_label(row)
            if column == COL_SCORE:
                return row[_SCORE]
            return row[_COUNTRY] or ""
        if role == SortRole:
            if column == COL_SCORE:
                return row[_SCORE]
            if column == COL_SYNC:
                return self._sync_label(row)
            if column == COL_TYPE:
                return TYPE_LABELS.get(row[_TYPE], "Local only")
            return (row[_TEXT_FIELDS[column]] or "").casefold()
        if role == RowRole:
            return PersonRow._make(row[:_SEARCH])
        if role == _ALIGN and column == COL_SCORE:
            return _RIGHT
        if column == COL_SYNC:
            if role == _FOREGROUND and row[_ID] in self._pending:
                return _PENDING_BRUSH
            if role == _TOOLTIP:
                label = self._sync_label(row)
                if label == SYNC_PENDING:
                    return "A campaign change for this person is queued and not yet confirmed by Dynamics."
                if label == SYNC_OUT:
                    return "Only in CampSync. Adding them to a campaign creates them in Dynamics as a lead first."
                return f"Dynamics id {row[_DYN_ID]}"
        if role == _TOOLTIP and column == COL_TYPE and row[_TYPE] is None:
            return "Not yet in Dynamics: a lead is created when they are first added to a campaign."
        return None

    def _sync_label(self, row: tuple) -> str:
        if row[_ID] in self._pending:
            return SYNC_PENDING
        return SYNC_IN if row[_DYN_ID] else SYNC_OUT

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


def _search_texts(rows: list[tuple]) -> list[str]:
    search = list(map(itemgetter(_SEARCH), rows))
    for i in compress(range(len(search)), map(_not_ascii, search)):  # SQLite lowered ASCII only
        search[i] = fold(search[i])
    return search


def _not_ascii(value: str) -> bool:
    return not value.isascii()

