"""Leases kept in the store: one holder at a time for work the whole store must see done once (the scheduler).

Every node sharing a store (windows, commands, workers; on a team's PostgreSQL, on several machines) ticks the
scheduler; only the holder of the "scheduler" lease runs due batch campaigns and resumes waits, so a batch campaign
runs once per schedule whatever the number of nodes. The holder renews the lease at every tick; one that stops
says so (`release`), and one that dies simply stops renewing: the lease is free again after LEASE_SECONDS, and the
next node to tick takes it over (its waits resume there).

Kept as a Setting row (scope LEASE_SCOPE): a transaction writes the row first, which takes SQLite's write lock or
PostgreSQL's row lock, so two nodes never both find the lease free.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from .models import Setting
from .transactions import transaction
from .upsert import upsert_for

LEASE_SCOPE = "lease:store"  # not a profile's scope (those are profile names), as "org:<url>" for delta links
# Three missed ticks of a window (30 s apart) before another node takes over.
LEASE_SECONDS = 90.0


@dataclass(frozen=True)
class Lease:
    holder: str  # who holds it now ("" when free)
    until: float  # when it is free unless renewed

    @property
    def held(self) -> bool:
        return bool(self.holder)


def take(db: Engine, name: str, holder: str, now: float, *, seconds: float = LEASE_SECONDS) -> Lease:
    """Take or renew the lease `name` for `holder` when it is free, expired or already theirs. Returns the lease as
    it stands afterwards: `holder` is who has it (this holder or another)."""
    def work(session: Session) -> Lease:
        row = _locked_row(session, name)
        current = _read(row.value)
        if current.holder in ("", holder) or current.until <= now:
            current = Lease(holder, now + seconds)
            row.value = json.dumps({"holder": current.holder, "until": current.until})
            session.add(row)
        return current
    return transaction(db, work)


def release(db: Engine, name: str, holder: str) -> None:
    """Give the lease up now if `holder` has it (a node that stops): the next node to ask takes it at once."""
    def work(session: Session) -> None:
        row = _locked_row(session, name)
        if _read(row.value).holder == holder:
            row.value = json.dumps({"holder": "", "until": 0})
            session.add(row)
    transaction(db, work)


def current(db: Engine, name: str) -> Lease:
    with Session(db) as session:
        row = session.get(Setting, (LEASE_SCOPE, name))
        return _read(row.value if row else "")


def _locked_row(session: Session, name: str) -> Setting:
    # The write comes first: it takes the store's write lock (SQLite) before the lease is read; on PostgreSQL the
    # row exists afterwards, and FOR UPDATE holds it until the commit.
    insert = upsert_for(session.get_bind(), Setting.__table__)
    session.execute(insert.values(scope=LEASE_SCOPE, key=name, value="{}")
                    .on_conflict_do_nothing(index_elements=["scope", "key"]))
    return session.exec(select(Setting).where(Setting.scope == LEASE_SCOPE, Setting.key == name)
                        .with_for_update()).one()


def _read(value: str) -> Lease:
    try:
        data = json.loads(value or "{}")
        return Lease(str(data.get("holder") or ""), float(data.get("until") or 0))
    except (ValueError, TypeError, AttributeError):  # an unreadable row is a free lease, not a stuck scheduler
        return Lease("", 0.0)
