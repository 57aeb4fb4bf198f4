"""INSERT … ON CONFLICT for the store's database: SQLite's and PostgreSQL's statements both have
`on_conflict_do_update` / `on_conflict_do_nothing` and `excluded`, with the same meaning."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects.sqlite import insert as sqlite_insert


def upsert_for(bind: Any, table: Any):
    """An insert into `table` (a Table or a model) for the database of `bind` (an Engine, a Connection or a
    Session's bind) that takes an ON CONFLICT clause."""
    if bind.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert  # only there: it loads slowly

        return postgresql_insert(table)
    return sqlite_insert(table)
