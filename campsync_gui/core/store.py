"""The local store: one SQLite file (WAL) in the app home, its schema kept by Alembic (core/migrations)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import SQLModel, create_engine

from ..paths import make_private_file, tighten_file
from . import migrations, models  # noqa: F401 — models: the tables create_all makes

# Files SQLite keeps beside the store; it creates them with the store file's own mode, whatever the umask.
_SIDE_FILES = ("-wal", "-shm", "-journal")


def open_store(db_file: Path | str) -> Engine:
    """Open (creating or upgrading) the store at `db_file`.

    A new file is made at the newest schema; an older one (from before Alembic too) is upgraded in place,
    keeping its data; one written by a newer CampSync is refused with a RuntimeError."""
    path = Path(db_file)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Names and emails: the file is made 0600 before SQLite first opens it (and an older 0644 one is tightened),
    # so the -wal/-shm SQLite makes later are 0600 too; ones left by an older version are tightened here.
    if str(db_file) != ":memory:":
        make_private_file(path)
        for suffix in _SIDE_FILES:
            tighten_file(path.with_name(path.name + suffix))
    db = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": 30})
    event.listen(db, "connect", _sqlite_pragmas)
    try:
        _bring_to_head(db)
    except BaseException:
        db.dispose()
        raise
    return db


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets the GUI read while a worker writes; synchronous=NORMAL is durable enough with WAL.
    cursor = dbapi_connection.cursor()
    _use_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _use_wal(cursor, attempts: int = 50) -> None:
    """WAL is kept in the file, so only a new file needs switching; switching takes a lock of its own, which SQLite
    does not wait for: two processes opening a new store at once (the window and `campsync run-scheduler`) would
    see "database is locked". The loser waits for the winner instead."""
    for attempt in range(attempts):
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt % 5 + 1))


def _bring_to_head(db: Engine) -> None:
    with db.connect() as conn:
        if migrations.HEAD is not None and _revision(conn) == migrations.HEAD:
            return  # the usual start: one query, and Alembic is not even imported
        conn.rollback()
        # Take SQLite's write lock before looking at the schema: a second process opening the same old (or new)
        # file waits here, then finds it at head, instead of migrating it a second time. DDL is transactional
        # in SQLite, so an upgrade that fails half-way leaves the file as it was.
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        if _is_empty(conn):
            _create_at_head(conn)
        else:
            migrations.upgrade(conn)
        conn.commit()


def _is_empty(conn: Connection) -> bool:
    return conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'table'").scalar() == 0


def _create_at_head(conn: Connection) -> None:
    """A brand-new file: the tables of models.py, stamped at HEAD, as Alembic's own recipe does (create_all, then
    stamp). Replaying every revision would give the same schema (test_migrations checks that the revisions and
    models.py agree) but import Alembic and cost a first start ~130 ms more."""
    SQLModel.metadata.create_all(conn)
    conn.exec_driver_sql("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                         "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))")
    conn.exec_driver_sql("INSERT INTO alembic_version (version_num) VALUES (?)", (migrations.HEAD,))
    conn.exec_driver_sql("INSERT INTO schemainfo (id, version) VALUES (1, ?)",
                         (migrations.ALEMBIC_SCHEMAINFO_VERSION,))


def _revision(conn: Connection) -> str | None:
    try:
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    except OperationalError:  # no such table: a new file, or one from before Alembic
        return None
