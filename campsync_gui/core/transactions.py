"""One write transaction on the store, retried while another process holds SQLite's write lock."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

T = TypeVar("T")


def transaction(db: Engine, work: Callable[[Session], T], attempts: int = 8) -> T:
    """Run `work(session)` and commit, retrying while another process holds SQLite's write lock."""
    for attempt in range(attempts):
        try:
            # expire_on_commit=False: rows read inside stay readable after the session is gone.
            with Session(db, expire_on_commit=False) as session:
                result = work(session)
                session.commit()
                return result
        except OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")
