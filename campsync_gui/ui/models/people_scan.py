"""A search over a million people done a slice of time at a time, so no keystroke waits for all of them.

Testing every search text for a word costs ~200 ms for a million people: too long for one keystroke, and the
window neither paints nor takes keys meanwhile. FilterScan splits that work: `first_rows` walks the display order
until it has the first screen of matches (always a prefix of the final list), then `step` tests everyone in id
order (where the texts lie together in memory: several times faster per person than in display order) a slice at a
time; `result` then holds the matches in display order, as PeopleRows.visible would list them. Qt-free; the table
model drives it from its event loop.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence
from itertools import compress, repeat
from operator import contains

from .people_rows import Matches, PeopleRows
from .people_search import and_masks

STEP = 4_096        # people tested in id order between two looks at the clock (~1 ms)
FIRST_STEP = 2_048  # positions of the display order walked between two looks at the clock
SORT_AT_MOST = 20_000  # fewer matches are sorted by rank at the end (≤ ~6 ms); more are listed lazily


class FilterScan:
    """One search (terms and a quick filter) over the people of `rows`, in slices.

    `shown`: the matches of the previous search in display order, when it finished and every match of this one is
    among them (a word typed further; rows.last_matches then holds them in id order): only they are tested.
    `narrowing`: the previous scan, finished or not, when every match of this one is among its matches (same
    people, order and quick filter): the part of the display order it walked is not walked again."""

    def __init__(self, rows: PeopleRows, terms: tuple[str, ...], quick: str, shown: Sequence[int] | None = None,
                 narrowing: FilterScan | None = None):
        self._rows = rows
        self._terms = sorted(terms, key=len, reverse=True)  # the longest word first: it rules out the most
        self._quick = rows.quick_mask(quick)
        n = len(rows)
        self._candidates = rows.last_matches if shown is not None else None  # in id order; None: everyone
        rows.last_matches = None  # until this scan ends: what a narrower search would scan
        self._order: Sequence[int] = (shown if self._candidates is not None else
                                      rows.order if rows.order is not None else range(n))
        self._total = len(self._candidates) if self._candidates is not None else n
        self._tested = 0
        self._mask = bytearray(n)  # 0/1 per person: the matches found so far
        self._matches: list[int] | None = []  # the same in id order, while there are few (rows.last_matches)
        self._found = 0
        self._walked = 0
        self.head: list[int] = []  # the first matches in display order (first_rows)
        self.result: Sequence[int] | None = None
        if narrowing is not None and narrowing._candidates is None and self._candidates is None:
            self.head = self._passing(narrowing.head)  # its matches among the positions it walked
            self._walked = narrowing._walked

    def first_rows(self, want: int, deadline: float) -> list[int]:
        """Walk the display order until `want` matches are found, the order ends or `deadline` (perf_counter) has
        passed; returns them: a prefix of the final list, since every position walked was tested."""
        order = self._order
        while len(self.head) < want and self._walked < len(order):
            chunk = order[self._walked:self._walked + FIRST_STEP]
            self._walked += len(chunk)
            self.head.extend(self._passing(chunk))
            if time.perf_counter() >= deadline:
                break
        return self.head

    def _passing(self, positions: Sequence[int]) -> list[int]:
        """Those of `positions` that match, in the same order (C-level passes, one a word)."""
        search, quick = self._rows.search, self._quick
        for term in self._terms:
            positions = list(compress(positions, map(contains, map(search.__getitem__, positions), repeat(term))))
        if quick is not None:
            positions = list(compress(positions, map(quick.__getitem__, positions)))
        return list(positions)

    def found_so_far(self) -> int:
        """A lower bound of the count while the scan runs (exact once `result` is set)."""
        return len(self.result) if self.result is not None else max(self._found, len(self.head))

    def step(self, deadline: float) -> bool:
        """Test people until `deadline` (perf_counter) has passed; True once `result` is set. Putting the matches
        in display order is a slice of its own."""
        if self.result is not None:
            return True
        if self._tested == self._total:
            self.result = self._in_order()
            return True
        search, n = self._rows.search, len(self._rows)
        while self._tested < self._total:
            low, high = self._tested, min(self._tested + STEP, self._total)
            if self._candidates is None:
                texts = search[low:high]
                part: bytes | bytearray | None = None
                for term in self._terms:
                    found = bytearray(map(contains, texts, repeat(term)))
                    part = found if part is None else and_masks(part, found)
                assert part is not None
                if self._quick is not None:
                    part = and_masks(part, self._quick[low:high])
                self._mask[low:high] = part
                matches: Sequence[int] = compress(range(low, high), part) if self._matches is not None else ()
            else:  # narrowing keeps the quick filter, so the candidates passed it already
                chunk: Sequence[int] = self._candidates[low:high]
                for term in self._terms:
                    chunk = list(compress(chunk, map(contains, map(search.__getitem__, chunk), repeat(term))))
                deque(map(self._mask.__setitem__, chunk, repeat(1)), maxlen=0)  # (a C-level loop)
                matches = chunk
            if self._matches is not None:
                self._matches.extend(matches)
                self._found = len(self._matches)
                if self._found * 4 > n:  # too many to be worth scanning again for a narrower search
                    self._matches = None
            else:
                self._found += part.count(1) if self._candidates is None else len(chunk)
            self._tested = high
            if time.perf_counter() >= deadline:
                break
        return False

    def _in_order(self) -> Sequence[int]:
        """The matches in display order: few are sorted by rank now; many are listed along the order as far as
        they are read (the view reads a thousand; select all reads them all)."""
        rows, matches, count = self._rows, self._matches, self._found
        rows.last_matches = matches
        order = rows.order
        if order is None:
            return matches if matches is not None else Matches(count, compress(range(len(rows)), self._mask))
        if matches is not None and count <= SORT_AT_MOST:
            return sorted(matches, key=rows.ranks().__getitem__)
        return Matches(count, compress(order, map(self._mask.__getitem__, order)))

    def resume(self) -> None:
        """This scan is the current search again (a word erased back to it): what a narrower search would scan is
        its matches once it has ended, nothing before."""
        self._rows.last_matches = self._matches if self.result is not None else None


class RecentScans:
    """The last few searches (finished or not) with the data generation they ran on, by terms and quick filter: a
    search typed again (a letter erased back) resumes where it was, a narrower one skips what it walked."""

    def __init__(self, keep: int = 4):
        self._keep = keep
        self._scans: dict[tuple[tuple[str, ...], str], tuple[FilterScan, int]] = {}

    def start(self, rows: PeopleRows, terms: tuple[str, ...], quick: str, generation: int, *,
              shown: Sequence[int] | None, narrowing_from: tuple[tuple[str, ...], str] | None) -> FilterScan:
        """The scan for this search: a recent one resumed, or a new one (`shown`, and the recent scan of
        `narrowing_from` — the search this one narrows — as FilterScan takes them)."""
        key = (terms, quick)
        scan, began = self._scans.pop(key, (None, -1))
        if scan is not None and began == generation:
            scan.resume()
        else:
            previous, began = self._scans.get(narrowing_from, (None, -1)) if narrowing_from else (None, -1)
            scan = FilterScan(rows, terms, quick, shown, previous if began == generation else None)
        self._scans[key] = (scan, generation)
        while len(self._scans) > self._keep:
            del self._scans[next(iter(self._scans))]
        return scan
