"""What the sandbox keeps for change tracking beyond the rows themselves: deletions, and whose data a token is for.

Rows carry a versionnumber that every write moves on, so "changed since" is a comparison on the rows; deletions
leave no row, so they are remembered as (version, id), a bounded number per table. Kept apart from the Web API
answers (change_tracking.py) because State holds one and must not import the API side.
"""

from __future__ import annotations

import heapq
import secrets
from collections import deque
from typing import Any, Iterable

# Deletions remembered per table (200,000 deletions cost a few MB); a token older than the oldest one forgotten can
# no longer be served, and is answered as expired.
MAX_TOMBSTONES = 100_000


class ChangeLog:
    """Deletions per table, and the generation of the data: tokens made for other data are not served."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """New data (seeded again, or restored from a file): every token handed out before is no longer served."""
        self.generation = secrets.token_hex(4)
        self._deleted: dict[str, deque[tuple[int, str]]] = {}
        self._floor: dict[str, int] = {}

    def deleted(self, set_name: str, record_id: str, version: int) -> None:
        kept = self._deleted.setdefault(set_name, deque())
        kept.append((version, record_id))
        if len(kept) > MAX_TOMBSTONES:
            forgotten, _ = kept.popleft()
            self._floor[set_name] = forgotten

    def serves(self, set_name: str, generation: str, version: int) -> bool:
        return generation == self.generation and version >= self._floor.get(set_name, 0)

    def deleted_since(self, set_name: str, version: int) -> list[str]:
        return [record_id for at, record_id in self._deleted.get(set_name, ()) if at > version]


def page_by_key(table: dict[str, dict[str, Any]], after: str, limit: int, changed_after: int) -> list[dict[str, Any]]:
    """Copies of the first `limit` rows (in id order) after id `after` that were written after `changed_after`.

    One pass without sorting the table (heapq keeps the `limit` smallest), so a page of 200,000 rows stays cheap.
    """
    keys: Iterable[str] = (k for k, row in table.items() if k > after and row.get("versionnumber", 0) > changed_after)
    return [dict(table[k]) for k in heapq.nsmallest(limit, keys)]
