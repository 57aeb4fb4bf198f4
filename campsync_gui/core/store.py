"""The local store: one SQLite file (WAL) in the app home, its schema version and upgrades."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, create_engine, select

from . import models

SCHEMA_VERSION = 4


def _add_sync_tables(engine: Engine) -> None:
    # Version 2 added people, campaigns, lists, memberships, the outbox and the trigger log. They are
    # new tables, which create_all() has already made; existing settings and profiles are untouched.
    SQLModel.metadata.create_all(engine)


def _add_automation(engine: Engine) -> None:
    # Version 3: trigger/batch campaign tables (new, made by create_all) and the outbox's trigger-campaign chain.
    with engine.begin() as conn:
        columns = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(outboxrow)")}
        if "chain" not in columns:
            conn.exec_driver_sql("ALTER TABLE outboxrow ADD COLUMN chain VARCHAR NOT NULL DEFAULT '[]'")


def _add_activity_index(engine: Engine) -> None:
    # Version 4: create_all() makes indexes only with new tables; an existing activity table gets it here.
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_activity_type_at_person ON activity (type, at, person_id)")


# version → step that brings a file from version-1 up to it; each keeps existing rows.
UPGRADES: dict[int, Callable[[Engine], None]] = {2: _add_sync_tables, 3: _add_automation, 4: _add_activity_index}


def open_store(db_file: Path | str) -> Engine:
    """Open (creating or upgrading) the store at `db_file`."""
    path = Path(db_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
    SQLModel.metadata.create_all(engine)
    _upgrade(engine)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets the GUI read while a worker writes; synchronous=NORMAL is durable enough with WAL.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _upgrade(engine: Engine) -> None:
    with Session(engine) as session:
        info = session.exec(select(models.SchemaInfo)).first()
        if info is None:
            session.add(models.SchemaInfo(id=1, version=SCHEMA_VERSION))
            session.commit()
            return
        if info.version > SCHEMA_VERSION:
            raise RuntimeError(f"This database was written by a newer CampSync (schema {info.version}, "
                               f"this version knows {SCHEMA_VERSION}). Update CampSync.")
        for version in range(info.version + 1, SCHEMA_VERSION + 1):
            UPGRADES[version](engine)
            info.version = version
            session.add(info)
            session.commit()
