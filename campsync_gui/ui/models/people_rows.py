"""The people table's columns and its rows in memory: every person as the core's plain tuple, with the search texts,
the pending set, the quick-filter masks and the sort order over all of them. Qt-free; PeopleTableModel shows it.

Built for 200,000 people: filtering and sorting are C-level passes over whole lists (map, compress, sorted,
itemgetter), never a Python call per row and comparison.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import compress, repeat
from operator import contains, eq, ge, is_, itemgetter
from typing import NamedTuple

from ...core.people import TABLE_COLUMNS
from .people_search import and_masks, search_text, search_texts

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
        return TYPE_LABELS.get(self.type, "Local only")


_PERSON_FIELDS = itemgetter(*map(TABLE_COLUMNS.index, PersonRow._fields))


def person_row(row: tuple) -> PersonRow:
    return PersonRow._make(_PERSON_FIELDS(row))


class PeopleRows:
    """Every person of the table, in the core's order (by id), and what filtering and sorting need.

    `rows` are the core's tuples as given (not copied: 200,000 of them); `search` their folded search texts;
    `index_of` person id → position; `order` every position in sort order (None: id order); `masks` the quick
    filters' 0/1 masks over all positions, built on first use.
    """

    def __init__(self) -> None:
        self.rows: list[tuple] = []
        self.search: list[str] = []
        self.index_of: dict[int, int] = {}
        self.pending: set[int] = set()
        self.masks: dict[str, bytes] = {}
        self.order: list[int] | None = None
        self.permute: itemgetter | None = None  # itemgetter(*order): reorders a mask in one C call

    def __len__(self) -> int:
        return len(self.rows)

    # ---- new data -----------------------------------------------------------------------------------

    def same_people(self, rows: list[tuple]) -> bool:
        """Whether `rows` are the people held now, in the same positions."""
        return bool(self.rows) and len(rows) == len(self.rows) and \
            list(map(itemgetter(ID), rows)) == list(map(itemgetter(ID), self.rows))

    def replace(self, rows: list[tuple], pending: set[int]) -> None:
        """Other people: everything is rebuilt (the order too: call `set_order` next)."""
        self.search = search_texts(rows, SEARCH)
        self.rows = rows
        self.index_of = dict(zip(map(itemgetter(ID), rows), range(len(rows))))
        self.pending = pending
        self.masks = {}

    def update_same(self, rows: list[tuple], pending: set[int]) -> tuple[set[int], set[int]]:
        """The same people with new values: (positions whose row changed, positions whose pending state changed).
        The order is kept (rows do not jump under the person looking at them)."""
        changed = {i for i, (old, new) in enumerate(zip(self.rows, rows)) if old != new}
        sync_changed = self.positions(pending ^ self.pending)
        if changed:
            self.rows = rows
            self.search = search_texts(rows, SEARCH)
        if changed or sync_changed:
            self.pending = pending
            self.masks = {}
        return changed, sync_changed

    def update_some(self, rows_by_id: Mapping[int, tuple]) -> set[int]:
        """New values for some of the people held (each one known); the positions that changed."""
        changed: set[int] = set()
        for pid, row in rows_by_id.items():
            i = self.index_of[pid]
            if self.rows[i] != row:
                self.rows[i] = row
                self.search[i] = search_text(row[SEARCH])
                changed.add(i)
        if changed:
            self.masks = {QUICK_PENDING: self.masks[QUICK_PENDING]} if QUICK_PENDING in self.masks else {}
        return changed

    def set_pending(self, pending: set[int]) -> set[int]:
        """The people with an unconfirmed outbox row; the positions whose state changed."""
        changed = self.positions(pending ^ self.pending)
        self.pending = pending
        self.masks.pop(QUICK_PENDING, None)
        return changed

    def positions(self, person_ids: Iterable[int]) -> set[int]:
        index_of = self.index_of
        return {index_of[p] for p in person_ids if p in index_of}

    # ---- filtering ----------------------------------------------------------------------------------

    def visible(self, terms: tuple[str, ...], quick: str, narrow_from: list[int] | None = None) -> list[int]:
        """The positions that contain every term and pass the quick filter, in sort order. `narrow_from`: a list
        they are known to be among (already through the quick filter), scanned instead of every row."""
        if narrow_from is not None:
            rows, search = narrow_from, self.search
            for term in terms:
                rows = list(compress(rows, map(contains, map(search.__getitem__, rows), repeat(term))))
            return rows
        # Each search word becomes a 0/1 mask over ALL rows, built by one C-level pass (`map(contains, ...)`)
        # over the search strings in id order: that is the order they were allocated in, and a scan in that
        # order is ~5x faster than one that jumps around memory in sort order. The mask is then put in sort
        # order by one itemgetter call. ~25 ms per word for 200,000 rows.
        n = len(self.rows)
        mask: bytes | bytearray | None = None
        for term in sorted(terms, key=len, reverse=True):
            found = bytearray(map(contains, self.search, repeat(term)))
            mask = found if mask is None else and_masks(mask, found)
        quick_mask = self.quick_mask(quick)
        if quick_mask is not None:
            mask = quick_mask if mask is None else and_masks(mask, quick_mask)
        if mask is None:
            return list(range(n)) if self.order is None else self.order
        if self.order is None:
            return list(compress(range(n), mask))
        if self.permute is None:
            return list(compress(self.order, map(mask.__getitem__, self.order)))
        return list(compress(self.order, self.permute(mask)))

    def quick_mask(self, quick: str) -> bytes | None:
        if quick == QUICK_ALL:
            return None
        mask = self.masks.get(quick)
        if mask is None:
            rows = self.rows
            if quick == QUICK_LEADS:
                mask = bytes(map(eq, map(itemgetter(TYPE), rows), repeat("lead")))
            elif quick == QUICK_CONTACTS:
                mask = bytes(map(eq, map(itemgetter(TYPE), rows), repeat("contact")))
            elif quick == QUICK_NOT_IN_DYNAMICS:
                mask = bytes(map(is_, map(itemgetter(DYN_ID), rows), repeat(None)))
            elif quick == QUICK_HIGH_SCORE:
                mask = bytes(map(ge, map(itemgetter(SCORE), rows), repeat(HIGH_SCORE)))
            else:  # QUICK_PENDING
                found = bytearray(len(rows))
                for i in self.positions(self.pending):
                    found[i] = 1
                mask = bytes(found)
            self.masks[quick] = mask
        return mask

    # ---- sorting ------------------------------------------------------------------------------------

    def set_order(self, column: int, descending: bool) -> None:
        """Sort every position by `column` (outside the columns: id order)."""
        n = len(self.rows)
        if not 0 <= column < COLUMN_COUNT:
            self.order = self.permute = None
            return
        keys = self.sort_keys(column)
        # sorted() is stable, also with reverse=True: equal keys stay in store (id) order in both directions.
        self.order = sorted(range(n), key=keys.__getitem__, reverse=descending)
        self.permute = itemgetter(*self.order) if n >= 2 else None

    def sort_keys(self, column: int) -> list:
        rows = self.rows
        if column == COL_SCORE:
            return list(map(itemgetter(SCORE), rows))
        if column == COL_SYNC:
            return [self.sync_label(r) for r in rows]
        if column == COL_TYPE:
            return [TYPE_LABELS.get(t, "Local only") for t in map(itemgetter(TYPE), rows)]
        return [(v or "").casefold() for v in map(itemgetter(TEXT_FIELDS[column]), rows)]

    def sync_label(self, row: tuple) -> str:
        if row[ID] in self.pending:
            return SYNC_PENDING
        return SYNC_IN if row[DYN_ID] else SYNC_OUT
