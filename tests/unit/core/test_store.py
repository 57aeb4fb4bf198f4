"""The store file: created at the newest schema; an older file is upgraded in place, keeping its data."""

import sqlite3
from pathlib import Path

import pytest
from sqlmodel import Session, select

from campsync_gui.core.migrations import ALEMBIC_SCHEMAINFO_VERSION, HEAD, PRE_ALEMBIC_REVISIONS
from campsync_gui.core.models import (AutomationCampaign, ConnectionProfile, ListName, OutboxRow, Person, SchemaInfo,
                                     Setting)
from campsync_gui.core.store import open_store

LEGACY_STORES = Path(__file__).parent / "legacy_stores"  # store files as CampSync wrote them before Alembic


def legacy_file(tmp_path, name: str) -> Path:
    """A store file with the schema CampSync wrote at the commit in `name` (see legacy_stores/*.sql)."""
    path = tmp_path / f"{name}.db"
    raw = sqlite3.connect(path)
    raw.executescript((LEGACY_STORES / f"{name}.sql").read_text())
    raw.close()
    return path


def revision(engine) -> str:
    with engine.connect() as conn:
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def test_new_store_is_wal_and_at_the_current_version(tmp_path):
    engine = open_store(tmp_path / "new.db")
    assert revision(engine) == HEAD
    with Session(engine) as s:
        assert s.get(SchemaInfo, 1).version == ALEMBIC_SCHEMAINFO_VERSION
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_version_one_file_is_upgraded_and_keeps_its_profiles_and_settings(tmp_path):
    path = tmp_path / "old.db"
    raw = sqlite3.connect(path)  # a file as the first release wrote it: settings and profiles only
    raw.executescript("""
        CREATE TABLE schemainfo (id INTEGER PRIMARY KEY, version INTEGER NOT NULL);
        INSERT INTO schemainfo VALUES (1, 1);
        CREATE TABLE setting (scope VARCHAR NOT NULL, key VARCHAR NOT NULL, value VARCHAR NOT NULL,
                              PRIMARY KEY (scope, key));
        INSERT INTO setting VALUES ('prod', 'campaign_sync_enabled', 'false');
        CREATE TABLE connectionprofile (name VARCHAR PRIMARY KEY, org_url VARCHAR NOT NULL,
            tenant_id VARCHAR NOT NULL, client_id VARCHAR NOT NULL, authority_host VARCHAR NOT NULL,
            ca_bundle VARCHAR, environment VARCHAR NOT NULL, is_default BOOLEAN NOT NULL);
        INSERT INTO connectionprofile VALUES ('prod', 'https://contoso.crm.dynamics.com', 't', 'c',
            'https://login.microsoftonline.com', NULL, 'production', 1);
    """)
    raw.commit()
    raw.close()
    engine = open_store(path)
    assert revision(engine) == HEAD
    with Session(engine) as s:
        assert s.get(SchemaInfo, 1).version == ALEMBIC_SCHEMAINFO_VERSION
        assert s.get(ConnectionProfile, "prod").org_url == "https://contoso.crm.dynamics.com"
        assert s.get(Setting, ("prod", "campaign_sync_enabled")).value == "false"
        s.add(Person(first_name="New", last_name="Table", email="new@example.org"))
        s.commit()
        assert s.exec(select(Person)).one().email == "new@example.org"


def test_a_file_from_a_newer_campsync_is_refused_plainly(tmp_path):
    path = tmp_path / "future.db"
    engine = open_store(path)
    with engine.begin() as conn:  # a revision this CampSync does not know, as a newer one would write it
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0099_from_a_newer_campsync'")
        conn.exec_driver_sql("INSERT INTO person (first_name, last_name, email, score, created_at, updated_at)"
                             " VALUES ('Ada', 'L', 'ada@example.org', 0, 0, 0)")
    engine.dispose()
    with pytest.raises(RuntimeError, match=r"written by a newer CampSync .*0099_from_a_newer_campsync.*"
                                           r"Update CampSync\."):
        open_store(path)
    raw = sqlite3.connect(path)  # refused, not touched
    assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [("0099_from_a_newer_campsync",)]
    assert raw.execute("SELECT email FROM person").fetchall() == [("ada@example.org",)]
    raw.close()


def test_a_pre_alembic_file_of_an_unknown_version_is_refused_plainly(tmp_path):
    path = tmp_path / "future-old-style.db"
    raw = sqlite3.connect(path)
    raw.executescript("CREATE TABLE schemainfo (id INTEGER PRIMARY KEY, version INTEGER NOT NULL);"
                      "INSERT INTO schemainfo VALUES (1, 9);")
    raw.close()
    with pytest.raises(RuntimeError, match=r"newer CampSync \(schema 9,"):
        open_store(path)


def test_the_alembic_era_file_is_refused_by_a_campsync_from_before_alembic(tmp_path):
    # What CampSync 4 did on open (create_all, then compare schemainfo with 4) now says "newer": it does not
    # mistake the file for one of its own.
    engine = open_store(tmp_path / "new.db")
    with Session(engine) as s:
        assert s.get(SchemaInfo, 1).version > max(PRE_ALEMBIC_REVISIONS)


def test_version_two_outbox_gets_the_chain_column_and_keeps_its_rows(tmp_path):
    # The newest file CampSync wrote before Alembic (what open_store made when this test was written; today's
    # head file would also hold later revisions' changes), made to look like a version-2 file.
    path = legacy_file(tmp_path, "v4_b4e18e1")
    raw = sqlite3.connect(path)  # make it look like a version-2 file: no chain column yet
    raw.executescript("""
        ALTER TABLE outboxrow DROP COLUMN chain;
        INSERT INTO person (id, first_name, last_name, email, score, created_at, updated_at)
            VALUES (1, 'Ada', 'L', 'ada@example.org', 0, 0, 0);
        INSERT INTO outboxrow (action, campaign_id, person_id, state, attempts, idempotency_key, request_id,
            origin, depth, created_at) VALUES ('add', 'c', 1, 'pending', 0, 'k1', 'r1', 'cli', 0, 0);
        UPDATE schemainfo SET version = 2;
    """)
    raw.commit()
    raw.close()
    engine = open_store(path)
    assert revision(engine) == HEAD
    with Session(engine) as s:
        assert s.get(SchemaInfo, 1).version == ALEMBIC_SCHEMAINFO_VERSION
        row = s.exec(select(OutboxRow)).one()
        assert row.idempotency_key == "k1" and row.chain == "[]"


def test_upgraded_file_gets_the_activity_index_smart_lists_use(tmp_path):
    path = legacy_file(tmp_path, "v4_b4e18e1")  # as above: the newest file from before Alembic
    raw = sqlite3.connect(path)
    raw.executescript("DROP INDEX ix_activity_type_at_person; UPDATE schemainfo SET version = 3;")
    raw.commit()
    raw.close()
    engine = open_store(path)
    with engine.connect() as conn:
        names = {row[1] for row in conn.exec_driver_sql("PRAGMA index_list(activity)")}
    assert "ix_activity_type_at_person_detail" in names  # 0004's, widened by 0010


def test_version_three_file_is_upgraded_and_keeps_its_rows(tmp_path):
    path = legacy_file(tmp_path, "v3_8e44150")
    raw = sqlite3.connect(path)
    raw.executescript("""
        INSERT INTO person (id, first_name, last_name, email, score, created_at, updated_at)
            VALUES (1, 'Ada', 'L', 'ada@example.org', 0, 0, 0);
        INSERT INTO activity (person_id, type, detail, at) VALUES (1, 'web_visit', '/pricing', 5);
        INSERT INTO outboxrow (action, campaign_id, person_id, state, attempts, idempotency_key, request_id,
            origin, depth, chain, created_at) VALUES ('add', 'c', 1, 'pending', 0, 'k1', 'r1', 'trigger', 1, '[7]', 0);
        INSERT INTO automationcampaign (id, name, kind, active, definition, created_at, updated_at)
            VALUES (7, 'Welcome', 'trigger', 1, '{}', 0, 0);
        INSERT INTO flowrequest (request_id, action, campaign_id, origin, created_at)
            VALUES ('r1', 'add', 'c', 'cli', 0);
    """)
    raw.close()
    engine = open_store(path)
    assert revision(engine) == HEAD
    with Session(engine) as s:
        assert s.exec(select(OutboxRow)).one().chain == "[7]"
        assert s.get(AutomationCampaign, 7).name == "Welcome"
        s.add(ListName(list_id="l1", name="Newsletter"))  # the table version 3 did not have
        s.commit()
    with engine.connect() as conn:
        indexes = {row[1] for row in conn.exec_driver_sql("PRAGMA index_list(activity)")}
        assert "ix_activity_type_at_person_detail" in indexes
        assert conn.exec_driver_sql("SELECT count(*) FROM flowrequest").scalar() == 1


def test_opening_a_new_store_while_another_process_writes_to_it_waits_instead_of_failing(tmp_path):
    # The window and `campsync run-scheduler` started together on a new home: one is writing the new file's first
    # transaction while the other switches the file to WAL. SQLite answers that switch "database is locked" at
    # once instead of waiting (it would deadlock): the second opener must wait and open the store all the same.
    import threading
    import time

    path = tmp_path / "new.db"
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("CREATE TABLE being_written (a)")
    failures = []

    def open_it():
        try:
            open_store(path).dispose()
        except Exception as exc:  # what the person would have seen instead of a window
            failures.append(exc)

    opener = threading.Thread(target=open_it)
    opener.start()
    time.sleep(0.5)
    writer.execute("COMMIT")
    writer.close()
    opener.join(timeout=60)
    assert failures == []
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()
