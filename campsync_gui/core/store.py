"""The store: by default one SQLite file (WAL) in the app home, or a PostgreSQL database a team shares (the store
URL, core/store_url.py); its schema kept by Alembic (core/migrations) in both.

A SQLite file is brought to the newest schema when it is opened, as it always was. A PostgreSQL store is upgraded
only by `campsync db upgrade` (`upgrade_store`): an operator's window opening it must not change the schema under
the colleagues and workers using it, so an older one is refused with StoreNeedsUpgrade, naming that command."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlmodel import SQLModel, create_engine

from ..language import translate
from ..paths import make_private_file, tighten_file
from . import migrations, models, team_presence  # noqa: F401 — models: the tables create_all makes
from .store_url import is_server, parse_store_url, shown, sqlite_url
from .upsert import upsert_for

# Files SQLite keeps beside the store; it creates them with the store file's own mode, whatever the umask.
_SIDE_FILES = ("-wal", "-shm", "-journal")
UPGRADE_COMMAND = "campsync db upgrade"
CONNECT_TIMEOUT = 10  # seconds to wait for a database server's answer
# The key of the PostgreSQL advisory lock `campsync db upgrade` holds while it migrates: two admins (or two
# workers' start scripts) upgrading at once take turns, and the second finds the store at head.
_UPGRADE_LOCK = 0x43616D7053796E63  # "CampSync"


class StoreError(RuntimeError):
    """The store cannot be used as it is; the message says why, and what to do, in one or two sentences."""


class StoreNeedsUpgrade(StoreError):
    """A PostgreSQL store at an older schema than this CampSync's: `campsync db upgrade` brings it to head."""


class StoreUnavailable(StoreError):
    """The database server cannot be reached, or refuses CampSync (address, password, database name)."""


# What a store that stops answering in the middle of work raises (its server restarted or went away; a file that
# cannot be written): the faces say so in a sentence, and a worker on a team's store waits it out.
STORE_OUTAGES = (OperationalError, InterfaceError)


def outage_reason(exc: BaseException) -> str:
    """The driver's own first line about an outage (never the statement or its parameters)."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


@dataclass(frozen=True)
class StoreState:
    """Where a store is (its URL, password hidden) and the schema revision it is at, beside this CampSync's."""

    url: str
    revision: str | None
    head: str | None
    on_server: bool = False  # PostgreSQL: only `campsync db upgrade` changes its schema

    @property
    def up_to_date(self) -> bool:
        return self.revision == self.head

    def to_dict(self) -> dict:
        return {"url": self.url, "revision": self.revision, "head": self.head, "up_to_date": self.up_to_date}


def store_url_of(target: Path | str | URL) -> URL:
    """The URL of a store named by a file path (as before store URLs), a URL string or a URL."""
    if isinstance(target, URL):
        return target
    if isinstance(target, str) and "://" in target:
        return parse_store_url(target, translate("Store", "the store URL"))
    return sqlite_url(target)


def open_store(target: Path | str | URL) -> Engine:
    """Open the store at `target`: a SQLite file path, or a store URL (`sqlite:///…`, `postgresql+psycopg://…`).

    SQLite: a new file is made at the newest schema; an older one (from before Alembic too) is upgraded in place,
    keeping its data. PostgreSQL: the store must be at the newest schema already (StoreNeedsUpgrade otherwise);
    it cannot be reached: StoreUnavailable. One written by a newer CampSync is refused with a NewerStoreError."""
    url = store_url_of(target)
    if is_server(url):
        return _open_server_store(url)
    return _open_sqlite_store(url.database or ":memory:")


def upgrade_store(target: Path | str | URL) -> tuple[StoreState, StoreState]:
    """`campsync db upgrade`: bring the store to the newest schema; its state before and after."""
    url = store_url_of(target)
    if not is_server(url):
        before = store_state(url)
        _open_sqlite_store(url.database or ":memory:").dispose()  # opening a SQLite file upgrades it
        return before, store_state(url)
    db = _server_engine(url)
    try:
        with _connected(db, url) as conn:
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_UPGRADE_LOCK})")
            revision = _server_revision(conn)
            _refuse_newer(revision)
            if revision != migrations.HEAD:
                migrations.upgrade(conn)
            _ensure_chain_head(conn)
            conn.commit()
        return (StoreState(shown(url), revision, migrations.HEAD, on_server=True),
                StoreState(shown(url), migrations.HEAD, migrations.HEAD, on_server=True))
    finally:
        db.dispose()


def store_state(target: Path | str | URL) -> StoreState:
    """`campsync db current`: the revision the store is at, read without changing it (a SQLite file not made yet,
    or a PostgreSQL database without CampSync's tables: None)."""
    url = store_url_of(target)
    if not is_server(url):
        path = url.database or ":memory:"
        if path == ":memory:" or not Path(path).exists():
            return StoreState(shown(url), None, migrations.HEAD)
        db = create_engine(url)
        try:
            with db.connect() as conn:
                return StoreState(shown(url), _revision(conn), migrations.HEAD)
        finally:
            db.dispose()
    db = _server_engine(url)
    try:
        with _connected(db, url) as conn:
            return StoreState(shown(url), _server_revision(conn), migrations.HEAD, on_server=True)
    finally:
        db.dispose()


# ---- PostgreSQL ----------------------------------------------------------------------------------------------

def _server_engine(url: URL) -> Engine:
    # pre_ping: a connection the server dropped (a restart, an idle timeout) is replaced, not handed out.
    # connect_timeout: a server that does not answer (a wrong address, a firewall) is reported after 10 s, not the
    # system's two minutes; a URL's own ?connect_timeout= wins.
    # application_name: how colleagues' windows list this process among those connected (team_presence).
    connect_args = {} if "connect_timeout" in url.query else {"connect_timeout": CONNECT_TIMEOUT}
    connect_args["application_name"] = team_presence.application_name()
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def _open_server_store(url: URL) -> Engine:
    db = _server_engine(url)
    try:
        with _connected(db, url) as conn:
            revision = _server_revision(conn)
        if revision != migrations.HEAD:
            _refuse_newer(revision)
            raise StoreNeedsUpgrade((translate("Store", "The store {url} is at schema {revision}; this CampSync needs "
                                                        "{head}. An admin upgrades it with `{command}` (with the same "
                                                        "store URL).") if revision else
                                     translate("Store", "The store {url} has no CampSync tables yet; this CampSync "
                                                        "needs {head}. An admin upgrades it with `{command}` (with the "
                                                        "same store URL).")).format(
                url=shown(url), revision=revision, head=migrations.HEAD, command=UPGRADE_COMMAND))
    except BaseException:
        db.dispose()
        raise
    return db


@contextmanager
def _connected(db: Engine, url: URL) -> Iterator[Connection]:
    """A connection to the server, or a StoreUnavailable that names the store (never its password) and the server's
    reason."""
    try:
        conn = db.connect()
    except (OperationalError, DBAPIError) as exc:
        reason = str(exc.orig or exc).strip().splitlines()[0] if str(exc.orig or exc).strip() else type(exc).__name__
        if url.password:
            reason = reason.replace(str(url.password), "***")
        raise StoreUnavailable(translate("Store", "CampSync cannot reach the store {url}: {problem}").format(
            url=shown(url), problem=reason)) from None
    with conn:
        yield conn


def _ensure_chain_head(conn: Connection) -> None:
    """The trigger log's chain head row, there before the first event: appends take turns on its row lock
    (core.triggers.append_events updates it first), where two first appends would otherwise both insert it."""
    head = models.ChainHead.__table__
    conn.execute(upsert_for(conn, head).values(id=1, seq=0, last_hash="").on_conflict_do_nothing(
        index_elements=["id"]))


def _server_revision(conn: Connection) -> str | None:
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def _refuse_newer(revision: str | None) -> None:
    if revision is not None and revision not in migrations.known_revisions():
        raise migrations.newer_store_error(migrations.schema_revision(revision))


# ---- SQLite --------------------------------------------------------------------------------------------------

def _open_sqlite_store(db_file: Path | str) -> Engine:
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
