"""The store file: created with its schema version; an older file is upgraded in place, keeping its data."""

import sqlite3

import pytest
from sqlmodel import Session, select

from campsync_gui.core.models import ConnectionProfile, Person, SchemaInfo, Setting
from campsync_gui.core.store import SCHEMA_VERSION, open_store


def test_new_store_is_wal_and_at_the_current_version(tmp_path):
    engine = open_store(tmp_path / "new.db")
    with Session(engine) as s:
        assert s.get(SchemaInfo, 1).version == SCHEMA_VERSION
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


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
    with Session(engine) as s:
        assert s.get(SchemaInfo, 1).version == SCHEMA_VERSION
        assert s.get(ConnectionProfile, "prod").org_url == "https://contoso.crm.dynamics.com"
        assert s.get(Setting, ("prod", "campaign_sync_enabled")).value == "false"
        s.add(Person(first_name="New", last_name="Table", email="new@example.org"))
        s.commit()
        assert s.exec(select(Person)).one().email == "new@example.org"


def test_a_file_from_a_newer_campsync_is_refused_plainly(tmp_path):
    path = tmp_path / "future.db"
    engine = open_store(path)
    with Session(engine) as s:
        info = s.get(SchemaInfo, 1)
        info.version = SCHEMA_VERSION + 1
        s.add(info)
        s.commit()
    with pytest.raises(RuntimeError, match="newer CampSync"):
        open_store(path)


def test_version_two_outbox_gets_the_chain_column_and_keeps_its_rows(tmp_path):
    path = tmp_path / "v2.db"
    engine = open_store(path)
    engine.dispose()
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
    from campsync_gui.core.models import OutboxRow
    engine = open_store(path)
    with Session(engine) as s:
        assert s.get(SchemaInfo, 1).version == SCHEMA_VERSION
        row = s.exec(select(OutboxRow)).one()
        assert row.idempotency_key == "k1" and row.chain == "[]"


def test_upgraded_file_gets_the_activity_index_smart_lists_use(tmp_path):
    path = tmp_path / "v3.db"
    engine = open_store(path)
    engine.dispose()
    raw = sqlite3.connect(path)
    raw.executescript("DROP INDEX ix_activity_type_at_person; UPDATE schemainfo SET version = 3;")
    raw.commit()
    raw.close()
    engine = open_store(path)
    with engine.connect() as conn:
        names = {row[1] for row in conn.exec_driver_sql("PRAGMA index_list(activity)")}
    assert "ix_activity_type_at_person" in names
