"""Once per team: the key of a happening that several nodes on one store can see decides who runs its trigger
campaigns. Two windows or workers pulling at once both find a value changed in Dynamics; each tries to write the
happening's key (people.change_key) into happeningclaim, the store's unique key lets one write succeed, and only
that node runs the campaigns. On one person's SQLite file it costs one small insert per qualifying change."""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlmodel import Session

from ..models import HappeningClaim
from ..transactions import transaction
from ..upsert import upsert_for

# A claim only has to outlive the race it settles (pulls seconds apart); a week keeps the table small.
KEPT_S = 7 * 86400
PRUNE_EVERY_S = 3600.0


class HappeningClaims:
    def __init__(self, db: Engine, node: Callable[[], str], *, clock: Callable[[], float] = time.time):
        self.db = db
        self.node = node  # who claims: the engine's worker id (host:pid:token)
        self.clock = clock
        self._pruned_at: float | None = None

    def claim(self, key: str) -> bool:
        """True when this node is the first to claim `key` (it runs the campaigns); False when another node has."""
        now = self.clock()
        prune = self._pruned_at is None or now - self._pruned_at >= PRUNE_EVERY_S

        def write(session: Session) -> bool:
            if prune:
                session.exec(delete(HappeningClaim).where(HappeningClaim.at < now - KEPT_S))
            insert = upsert_for(session.get_bind(), HappeningClaim.__table__)
            # RETURNING, not rowcount: psycopg reports no count for an INSERT … ON CONFLICT DO NOTHING here
            written = session.execute(insert.values(key=key, node=self.node(), at=now)
                                      .on_conflict_do_nothing(index_elements=["key"]).returning(insert.table.c.key))
            return written.first() is not None

        won = transaction(self.db, write)
        if prune:
            self._pruned_at = now
        return won
