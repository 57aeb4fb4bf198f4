"""The people table's columns and what it holds of every person: the ids, the folded search texts, a flag byte
(type, in Dynamics, high score), the pending set, the quick-filter masks and the sort order over all of them; the
cells themselves come from a reader a page at a time (or from the rows given whole). Qt-free; PeopleTableModel
shows it.

Built for a million people: filtering and sorting are C-level passes over whole lists (map, compress, sorted,
itemgetter, bytes.translate), never a Python call per row and comparison, and no tuple per person is kept.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import compress, islice, repeat
from operator import contains, itemgetter, ne
from typing import NamedTuple

from ...core.people import TABLE_COLUMNS
from ...core.people_index import FLAG_BASE, FLAG_CONTACT, FLAG_HIGH_SCORE, FLAG_IN_DYNAMICS, FLAG_LEAD, flags_of
from .people_search import and_masks, fold_all, not_ascii, search_text, search_texts

COL_NAME, COL_EMAIL, COL_COMPANY, COL_TYPE, COL_SYNC, COL_SCORE, COL_COUNTRY = range(7)
HEADERS = ("Name", "Email", "Company", "Type", "Sync", "Score", "Country")
COLUMN_COUNT = len(HEADERS)

QUICK_ALL = "All"
QUICK_LEADS = "Leads"
QUICK_CONTACTS = "Contacts"
QUICK_NOT_IN_DYNAMICS = "Not in Dynamics"
QUICK_PENDING = "Pending"
QUICK_HIGH_SCORE = "Score ≥ 50"
QUICK_FILTERS = (QUICK_ALL, QUICK_LEADS, QUICK_CONTACTS, QUICK_NOT_IN_DYNAMICS, QUICK_PENDING, QUICK_HIGH_SCORE)
HIGH_SCORE = 50

# English, and ids: the table shows people_words' translations of them (sort keys, cells).
SYNC_IN = "In Dynamics"
SYNC_OUT = "Not in Dynamics"
SYNC_PENDING = "Pending…"
TYPE_LABELS = {"lead": "Lead", "contact": "Contact", None: "Local only"}

# Positions in the row tuples, from the core's column order (core.people.TABLE_COLUMNS).
(ID, NAME, EMAIL, COMPANY, TYPE, DYN_ID, SCORE, COUNTRY, JOB, SEARCH) = map(TABLE_COLUMNS.index, (
    "id", "name", "email", "company", "type", "dynamics_id", "score", "country", "job_title", "search"))
TEXT_FIELDS = {COL_NAME: NAME, COL_EMAIL: EMAIL, COL_COMPANY: COMPANY, COL_COUNTRY: COUNTRY}


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
        """In English (an id for scripts); the table shows people_words' translation."""
        return TYPE_LABELS.get(self.type, "Local only")


_PERSON_FIELDS = itemgetter(*map(TABLE_COLUMNS.index, PersonRow._fields))


def person_row(row: tuple) -> PersonRow:
    return PersonRow._make(_PERSON_FIELDS(row))


ReadRows = Callable[[list[int]], Mapping[int, tuple]]  # person ids → their TABLE_COLUMNS tuples (those that exist)
ReadColumn = Callable[[str], list]                      # "name"/"email"/"company"/"country"/"score" → by position

_QUICK_BITS = {QUICK_LEADS: FLAG_LEAD, QUICK_CONTACTS: FLAG_CONTACT, QUICK_HIGH_SCORE: FLAG_HIGH_SCORE}
_SORT_COLUMNS = {COL_NAME: "name", COL_EMAIL: "email", COL_COMPANY: "company", COL_COUNTRY: "country",
                 COL_SCORE: "score"}
_CACHE_LIMIT = 20_000  # rows read for display kept at most (a few screens' worth, many times over)


def _bit_table(bit: int, when_set: bool = True) -> bytes:
    """A bytes.translate table: flag byte → 1 where `bit` is set (or clear), else 0."""
    return bytes(int(bool(code & bit) == when_set) if code >= FLAG_BASE else 0 for code in range(256))


_QUICK_TABLES = {name: _bit_table(bit) for name, bit in _QUICK_BITS.items()}
_QUICK_TABLES[QUICK_NOT_IN_DYNAMICS] = _bit_table(FLAG_IN_DYNAMICS, when_set=False)


def row_flags(row: tuple) -> int:
    return flags_of(row[TYPE], row[DYN_ID], row[SCORE], HIGH_SCORE)


class Matches:
    """The positions that pass a filter, in sort order, worked out only as far as they are read: the count comes
    from the mask at once, the view's first chunk costs a few thousand steps, and a million are listed only when
    something asks for all of them (select all, "add every match")."""

    def __init__(self, count: int, rest: Iterable[int]):
        self._head: list[int] = []
        self._rest = iter(rest)
        self._count = count

    def __len__(self) -> int:
        return self._count

    def _listed(self, count: int) -> list[int]:
        missing = min(count, self._count) - len(self._head)
        if missing > 0:
            self._head.extend(islice(self._rest, missing))
        return self._head

    def all(self) -> list[int]:
        return self._listed(self._count)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self.all()[key] if key.stop is None or key.stop < 0 else self._listed(key.stop)[key]
        return self._listed(key + 1)[key] if key >= 0 else self.all()[key]

    def __iter__(self):
        return iter(self.all())

    def __eq__(self, other) -> bool:
        return len(self) == len(other) and self.all() == list(other)

    def index(self, value: int) -> int:
        return self.all().index(value)


# More people than this changing pending state at once: the whole Sync column is repainted instead.
PENDING_POSITIONS_AT_MOST = 500


class PeopleRows:
    """Every person of the table, in the core's order (by id), and what filtering and sorting need.

    `ids` person id by position; `search` the folded search texts; `flags` one core.people_index flag byte each;
    `order` every position in sort order (None: id order); `masks` the quick filters' 0/1 masks over all
    positions, built on first use. The cells come from `tuples` when the rows were given whole, else from
    `read_rows` a page at a time into a bounded cache (by person id).
    """

    def __init__(self, words=None) -> None:
        # The Sync and Type words: the model's translated ones (people_words.PeopleWords), else the English.
        self.sync_in, self.sync_out, self.sync_pending = ((words.sync_in, words.sync_out, words.sync_pending) if words
                                                          else (SYNC_IN, SYNC_OUT, SYNC_PENDING))
        self.type_labels: Mapping[str | None, str] = words.types if words else TYPE_LABELS
        self.ids: Sequence[int] = array("q")
        self.search: list[str] = []
        self.flags = bytearray()
        self.tuples: list[tuple] | None = None
        self.read_rows: ReadRows = lambda ids: {}
        self.read_column: ReadColumn = lambda column: []
        self.names: list[str] | None = None  # lowered names read with the index, used by the first name sort
        self.cache: dict[int, tuple] = {}
        self.index_of: dict[int, int] | None = None  # only when the ids are not ascending (else: bisect)
        self.pending: set[int] = set()
        self.masks: dict[str, bytes] = {}
        self.order: Sequence[int] | None = None
        self.rank: Sequence[int] | None = None  # position → its place in `order` (ranks())
        self.last_matches: list[int] | None = None  # the previous search's matches, in id order, when few

    def __len__(self) -> int:
        return len(self.ids)

    # ---- new data -----------------------------------------------------------------------------------

    def from_tuples(self, rows: list[tuple], pending: set[int]) -> None:
        """Other people, given whole (core.people.table_rows): everything is rebuilt (call `set_order` next)."""
        self._set(array("q", map(itemgetter(ID), rows)), search_texts(rows, SEARCH),
                  bytearray(map(row_flags, rows)), pending)
        self.tuples = rows
        self.read_rows = self._rows_from_tuples
        self.read_column = self._column_from_tuples

    def from_index(self, ids: Sequence[int], search: list[str], flags: bytes, pending: set[int], *,
                   read_rows: ReadRows, read_column: ReadColumn, names: list[str] | None = None) -> None:
        """Other people, as core.people_index.table_index gives them (search lowered, not yet folded)."""
        self._set(ids, fold_all(search), bytearray(flags), pending)
        self.tuples = None
        self.read_rows, self.read_column, self.names = read_rows, read_column, names

    def _set(self, ids: Sequence[int], search: list[str], flags: bytearray, pending: set[int]) -> None:
        self.ids, self.search, self.flags, self.pending = ids, search, flags, pending
        ascending = isinstance(ids, range) or len(ids) < 2 or all(map(int.__lt__, ids, ids[1:]))
        self.index_of = None if ascending else dict(zip(ids, range(len(ids))))
        self.cache, self.masks, self.names = {}, {}, None

    def same_people(self, ids: Sequence[int]) -> bool:
        """Whether `ids` are the people held now, in the same positions."""
        if not self.ids or len(ids) != len(self.ids):
            return False
        if type(ids) is type(self.ids):
            return ids == self.ids
        return list(ids) == list(self.ids)

    def update_same_tuples(self, rows: list[tuple], pending: set[int]) -> tuple[set[int], set[int]]:
        """The same people with new values: (positions whose row changed, positions whose pending state changed).
        The order is kept (rows do not jump under the person looking at them)."""
        old = self.tuples or []
        changed = set(compress(range(len(rows)), map(ne, old, rows)))
        if changed:
            self.tuples = rows
            self.search = search_texts(rows, SEARCH)
            self.flags = bytearray(map(row_flags, rows))
        return changed, self._new_pending(pending, bool(changed))

    def update_same_index(self, search: list[str], flags: bytes, pending: set[int]) -> tuple[set[int], set[int]]:
        """As update_same_tuples, for an index read again: a person changed when their search text or flags did
        (the cells shown are read again either way: the row cache is emptied)."""
        search = fold_all(search)
        changed = set(compress(range(len(search)), map(ne, self.search, search)))
        changed.update(compress(range(len(flags)), map(ne, self.flags, flags)))
        self.search, self.flags, self.cache = search, bytearray(flags), {}
        return changed, self._new_pending(pending, bool(changed))

    def _new_pending(self, pending: set[int], rows_changed: bool) -> set[int]:
        sync_changed = self.positions(pending ^ self.pending)
        if rows_changed or sync_changed:
            self.pending = pending
            self.masks = {}
        return sync_changed

    def update_some(self, rows_by_id: Mapping[int, tuple]) -> set[int]:
        """New values for some of the people held (each one known); the positions that changed."""
        changed: set[int] = set()
        for pid, row in rows_by_id.items():
            i = self.position(pid)
            if self.tuples is not None:
                before = self.tuples[i]
                self.tuples[i] = row
            else:
                before = self.cache.get(pid)
                self.cache[pid] = row
            new_search, new_flags = search_text(row[SEARCH]), row_flags(row)
            if self.search[i] != new_search or self.flags[i] != new_flags or (before is not None and before != row):
                self.search[i], self.flags[i] = new_search, new_flags
                changed.add(i)
        if changed:
            self.masks = {QUICK_PENDING: self.masks[QUICK_PENDING]} if QUICK_PENDING in self.masks else {}
        return changed

    def set_pending(self, pending: set[int], *, find_at_most: int = PENDING_POSITIONS_AT_MOST) -> set[int] | None:
        """The people with an unconfirmed outbox row; the positions whose state changed, or None when more than
        `find_at_most` people changed (finding 10,000 positions stalled the window 16 ms as a drop was queued and
        again as it finished: the caller repaints the Sync column instead, which only draws what is on screen)."""
        # At least this many flipped: clearing 200,000 marks need not list them (20 ms of the window's) to know it.
        surely_many = abs(len(pending) - len(self.pending)) > find_at_most
        flipped = None if surely_many else pending ^ self.pending
        self.pending = pending
        self.masks.pop(QUICK_PENDING, None)
        return None if flipped is None or len(flipped) > find_at_most else self.positions(flipped)

    def add_pending(self, more: set[int], *, find_at_most: int = PENDING_POSITIONS_AT_MOST) -> set[int] | None:
        """`set_pending` for people who join the pending ones (a drop's, a slice at a time): no copy of the others."""
        self.pending |= more
        self.masks.pop(QUICK_PENDING, None)
        return None if len(more) > find_at_most else self.positions(more)

    # ---- lookups ------------------------------------------------------------------------------------

    def position(self, person_id: int) -> int | None:
        if self.index_of is not None:
            return self.index_of.get(person_id)
        ids = self.ids
        i = bisect_left(ids, person_id)
        return i if i < len(ids) and ids[i] == person_id else None

    def positions(self, person_ids: Iterable[int]) -> set[int]:
        found = map(self.position, person_ids)
        return {i for i in found if i is not None}

    def row_at(self, position: int, page: Callable[[], Iterable[int]]) -> tuple:
        """The cells of the person at `position`; when they are not at hand, the positions `page()` gives (the
        rows around it on screen) are read together."""
        if self.tuples is not None:
            return self.tuples[position]
        pid = self.ids[position]
        row = self.cache.get(pid)
        if row is None:
            if len(self.cache) > _CACHE_LIMIT:
                self.cache = {}
            wanted = [self.ids[i] for i in page()]
            self.cache.update(self.read_rows(wanted))
            row = self.cache.get(pid)
            if row is None:  # deleted from the store since the index was read: an empty row until the next reload
                row = (pid, "", None, None, None, None, 0, None, None, "")
                self.cache[pid] = row
        return row

    def _rows_from_tuples(self, ids: list[int]) -> dict[int, tuple]:
        rows = self.tuples or []
        return {pid: rows[i] for pid, i in zip(ids, map(self.position, ids)) if i is not None}

    def _column_from_tuples(self, column: str) -> list:
        rows = self.tuples or []
        field = {"name": NAME, "email": EMAIL, "company": COMPANY, "country": COUNTRY, "score": SCORE}[column]
        return list(map(itemgetter(field), rows))

    # ---- filtering ----------------------------------------------------------------------------------

    def visible(self, terms: tuple[str, ...], quick: str, narrow: bool = False) -> Sequence[int]:
        """The positions that contain every term and pass the quick filter, in sort order. `narrow`: they are known
        to be among the matches of the previous call (a word typed further), so only those are scanned."""
        n, search = len(self.ids), self.search
        if narrow and self.last_matches is not None:
            matches = self.last_matches
            for term in terms:
                matches = list(compress(matches, map(contains, map(search.__getitem__, matches), repeat(term))))
            return self._in_order(matches, None)
        # Each search word becomes a 0/1 mask over ALL rows, built by one C-level pass (`map(contains, ...)`)
        # over the search strings in id order: that is the order they were allocated in, and a scan in that
        # order is ~5x faster than one that jumps around memory in sort order. ~25 ms per word for 200,000 rows.
        mask: bytes | bytearray | None = None
        for term in sorted(terms, key=len, reverse=True):
            found = bytearray(map(contains, search, repeat(term)))
            mask = found if mask is None else and_masks(mask, found)
        quick_mask = self.quick_mask(quick)
        if quick_mask is not None:
            mask = quick_mask if mask is None else and_masks(mask, quick_mask)
        if mask is None:
            self.last_matches = None
            return range(n) if self.order is None else self.order
        count = mask.count(1)
        return self._in_order(list(compress(range(n), mask)) if count * 4 <= n else None, mask, count)

    def _in_order(self, matches: list[int] | None, mask: bytes | bytearray | None, count: int = 0) -> Sequence[int]:
        """The matches (positions in id order, or the mask when they are many) in sort order: few are sorted by
        rank; many are listed lazily along the order (Matches), as far as the view reads."""
        self.last_matches = matches  # what the next, narrower search scans (None: too many to be worth it)
        n = len(self.ids)
        if matches is not None:
            count = len(matches)
            if self.order is None:
                return matches
            if count * 16 <= n:
                return sorted(matches, key=self.ranks().__getitem__)
            if mask is None:
                mask = bytearray(n)
                for position in matches:
                    mask[position] = 1
        assert mask is not None
        return Matches(count, compress(self.order if self.order is not None else range(n),
                                       map(mask.__getitem__, self.order) if self.order is not None else mask))

    def ranks(self) -> Sequence[int]:
        """position → its place in the sort order (to sort a few matches without a pass over everyone)."""
        if self.rank is None:
            rank = array("q", bytes(8 * len(self.ids)))
            for place, position in enumerate(self.order or ()):
                rank[position] = place
            self.rank = rank
        return self.rank

    def quick_mask(self, quick: str) -> bytes | None:
        if quick == QUICK_ALL:
            return None
        mask = self.masks.get(quick)
        if mask is None:
            if quick == QUICK_PENDING:
                found = bytearray(len(self.ids))
                for i in self.positions(self.pending):
                    found[i] = 1
                mask = bytes(found)
            else:
                mask = bytes(self.flags).translate(_QUICK_TABLES[quick])
            self.masks[quick] = mask
        return mask

    # ---- sorting ------------------------------------------------------------------------------------

    def set_order(self, column: int, descending: bool) -> None:
        """Sort every position by `column` (outside the columns: id order)."""
        n = len(self.ids)
        self.rank = None
        if not 0 <= column < COLUMN_COUNT:
            self.order = None
            return
        keys = self.sort_keys(column)
        # sorted() is stable, also with reverse=True: equal keys stay in store (id) order in both directions.
        # Kept as an array: 8 bytes a person instead of a list's 36.
        self.order = array("q", sorted(range(n), key=keys.__getitem__, reverse=descending))
        self.ranks()  # now rather than on the first search that needs it

    def sort_keys(self, column: int) -> list:
        if column == COL_SYNC:
            pending = self.positions(self.pending)
            labels = bytes(self.flags).translate(_QUICK_TABLES[QUICK_NOT_IN_DYNAMICS])
            keys = [self.sync_out if out else self.sync_in for out in labels]
            for i in pending:
                keys[i] = self.sync_pending
            return keys
        if column == COL_TYPE:
            lead, contact = (bytes(self.flags).translate(_QUICK_TABLES[q]) for q in (QUICK_LEADS, QUICK_CONTACTS))
            types = self.type_labels
            return [types["lead"] if a else types["contact"] if b else types[None] for a, b in zip(lead, contact)]
        if column == COL_NAME and self.names is not None:
            # Read with the index, lowered already (ASCII): only the others need casefold(), done in place (a
            # second list of a million names would be 55 MB more at the peak). Used once, then read again.
            keys, self.names = self.names, None
            for i in compress(range(len(keys)), map(not_ascii, keys)):
                keys[i] = keys[i].casefold()
            return keys
        values = self.read_column(_SORT_COLUMNS[column])
        if column == COL_SCORE:
            return values
        return [(v or "").casefold() for v in values]

    def sync_label(self, row: tuple) -> str:
        if row[ID] in self.pending:
            return self.sync_pending
        return self.sync_in if row[DYN_ID] else self.sync_out
