"""One write transaction on the store, retried while another process holds SQLite's write lock, or when PostgreSQL
chose this transaction to end a deadlock or a serialization conflict with another node's (its own advice: run it
again)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session

T = TypeVar("T")

# SQLSTATEs PostgreSQL answers when it rolled this transaction back to let another one through: serialization_failure,
# deadlock_detected. Running the whole transaction again is what its manual prescribes.
RETRY_SQLSTATES = ("40001", "40P01")


def transaction(db: Engine, work: Callable[[Session], T], attempts: int = 8) -> T:
    """Run `work(session)` and commit, retrying while another process holds SQLite's write lock, or after
    PostgreSQL rolled it back for a deadlock or a serialization conflict (`work` runs again from the start)."""
    for attempt in range(attempts):
        try:
            # expire_on_commit=False: rows read inside stay readable after the session is gone.
            with Session(db, expire_on_commit=False) as session:
                result = work(session)
                session.commit()
                return result
        except DBAPIError as exc:
            if not _worth_retrying(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _worth_retrying(exc: DBAPIError) -> bool:
    if getattr(getattr(exc, "orig", None), "sqlstate", None) in RETRY_SQLSTATES:
        return True
    return isinstance(exc, OperationalError) and ("locked" in str(exc) or "busy" in str(exc))
