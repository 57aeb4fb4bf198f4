"""The store's Alembic revisions (core/migrations): an empty file migrated to head has exactly models.py's schema,
each revision reproduces a schema version from before Alembic, and every file those versions wrote reaches head
with its rows, even when two processes open it at once."""

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

from campsync_gui.core import migrations, models  # noqa: F401  (models fills SQLModel.metadata)
from campsync_gui.core.store import open_store

LEGACY_STORES = Path(__file__).parent / "legacy_stores"  # store files as CampSync wrote them before Alembic
REPO = Path(__file__).resolve().parents[3]

# Version 1 as the first release wrote it: settings and profiles only, made by create_all() like every table
# (tests/unit/core/test_store.py builds one by hand); later version-1 builds (legacy_stores/v1_7187438.sql)
# already had the sync tables.
FIRST_RELEASE_V1 = """
    CREATE TABLE schemainfo (id INTEGER NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (id));
    INSERT INTO schemainfo VALUES (1, 1);
    CREATE TABLE setting (scope VARCHAR NOT NULL, "key" VARCHAR NOT NULL, value VARCHAR NOT NULL,
                          PRIMARY KEY (scope, "key"));
    CREATE TABLE connectionprofile (name VARCHAR NOT NULL, org_url VARCHAR NOT NULL, tenant_id VARCHAR NOT NULL,
        client_id VARCHAR NOT NULL, authority_host VARCHAR NOT NULL, ca_bundle VARCHAR,
        environment VARCHAR NOT NULL, is_default BOOLEAN NOT NULL, PRIMARY KEY (name));
"""


def schema_differences(db: sa.Engine) -> list:
    with db.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata)


def migrate(path: Path, revision: str = "head") -> sa.Engine:
    """Run the revisions with Alembic alone (no open_store), up to `revision`."""
    db = sa.create_engine(f"sqlite:///{path}")
    with db.begin() as conn:
        command.upgrade(migrations.config(conn), revision)
    return db


def sqlite_schema(path: Path) -> dict:
    """Tables → columns, indexes and foreign keys as SQLite reports them (column order and defaults aside)."""
    raw = sqlite3.connect(path)
    tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
    schema = {}
    for table in tables:
        columns = {(c[1], c[2], c[3], c[5]) for c in raw.execute(f"PRAGMA table_info({table})")}
        indexes = set()
        for _seq, name, unique, origin, _partial in raw.execute(f"PRAGMA index_list({table})"):
            cols = tuple(c[2] for c in raw.execute(f"PRAGMA index_info('{name}')"))
            indexes.add((None if name.startswith("sqlite_autoindex") else name, unique, origin, cols))
        fks = {(f[2], f[3], f[4]) for f in raw.execute(f"PRAGMA foreign_key_list({table})")}
        schema[table] = (columns, indexes, fks)
    raw.close()
    return schema


def legacy_file(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.db"
    raw = sqlite3.connect(path)
    raw.executescript(FIRST_RELEASE_V1 if name == "first_release_v1" else (LEGACY_STORES / f"{name}.sql").read_text())
    raw.close()
    return path


# ---- the revisions make models.py's schema -----------------------------------------------------------------

def test_an_empty_store_migrated_to_head_has_exactly_the_schema_of_models_py(tmp_path):
    # A model changed without a revision fails here (and so does a revision that does not match its model).
    assert schema_differences(migrate(tmp_path / "alembic.db")) == []
    assert schema_differences(open_store(tmp_path / "store.db")) == []


def test_a_new_store_made_at_head_is_the_store_the_revisions_make(tmp_path):
    # open_store makes a brand-new file from models.py and stamps it (no Alembic on a first start): it must be
    # the very file that replaying every revision gives, down to indexes, the version stamp and the guard row.
    open_store(tmp_path / "new.db").dispose()
    migrate(tmp_path / "replayed.db").dispose()
    assert sqlite_schema(tmp_path / "new.db") == sqlite_schema(tmp_path / "replayed.db")
    rows = []
    for name in ("new.db", "replayed.db"):
        raw = sqlite3.connect(tmp_path / name)
        rows.append((raw.execute("SELECT version_num FROM alembic_version").fetchall(),
                     raw.execute("SELECT id, version FROM schemainfo").fetchall()))
        raw.close()
    assert rows[0] == rows[1] == ([(migrations.HEAD,)], [(1, migrations.ALEMBIC_SCHEMAINFO_VERSION)])


def test_the_comparison_sees_a_model_change_without_a_migration(tmp_path):
    db = migrate(tmp_path / "alembic.db")
    changed = sa.MetaData()
    for table in SQLModel.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["person"].append_column(sa.Column("nickname", sa.String(), nullable=True))
    with db.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), changed)
    assert [(d[0], d[3].name) for d in diffs] == [("add_column", "nickname")]


def test_head_is_the_last_version_file_and_the_history_is_one_line():
    script = ScriptDirectory.from_config(migrations.config())
    assert script.get_heads() == [migrations.HEAD]
    newest_first = list(script.walk_revisions())
    assert [s.revision for s in newest_first] == sorted((s.revision for s in newest_first), reverse=True)
    for s in newest_first:
        assert Path(s.path).stem == s.revision  # HEAD is read off the file names
        assert len(s.revision) <= 32  # alembic_version.version_num is VARCHAR(32)
        assert s.doc, f"{s.revision} says what it does"
    assert set(migrations.PRE_ALEMBIC_REVISIONS.values()) <= {s.revision for s in newest_first}


@pytest.mark.parametrize(("revision", "store"), [
    ("0001_settings_and_profiles", "first_release_v1"),
    ("0002_people_campaigns_outbox", "v2_2edd3be"),
    ("0003_automation_outbox_chain", "v3_8e44150"),
    ("0004_activity_type_at_index", "v4_4b4a441"),
    ("0005_list_names", "v4_b4e18e1"),
])
def test_each_revision_reproduces_the_schema_of_its_version(tmp_path, revision, store):
    migrate(tmp_path / "migrated.db", revision).dispose()
    # the commit that brought each version in (the one after it, for listname: see 0005)
    assert sqlite_schema(tmp_path / "migrated.db") == sqlite_schema(legacy_file(tmp_path, store))


def test_a_file_alembic_keeps_at_an_older_revision_is_upgraded_on_open(tmp_path):
    migrate(tmp_path / "older.db", "0004_activity_type_at_index").dispose()
    db = open_store(tmp_path / "older.db")
    assert schema_differences(db) == []
    with db.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").all() == [(migrations.HEAD,)]


def test_every_revision_downgrades_and_upgrades_again(tmp_path):
    db = migrate(tmp_path / "round-trip.db")
    with db.begin() as conn:
        command.downgrade(migrations.config(conn), "base")
    assert sqlite_schema(tmp_path / "round-trip.db") == {}
    with db.begin() as conn:
        command.upgrade(migrations.config(conn), "head")
    assert schema_differences(db) == []


# ---- files from before Alembic reach head, keeping their rows ----------------------------------------------

@pytest.mark.parametrize("store", ["first_release_v1", "v1_7187438", "v2_2edd3be", "v2_1dd32df", "v3_8e44150",
                                   "v4_4b4a441", "v4_b4e18e1", "v4_b4e18e1 without its version row"])
def test_a_file_from_before_alembic_reaches_the_schema_of_models_py_with_its_rows(tmp_path, store):
    path = legacy_file(tmp_path, store.split()[0])
    raw = sqlite3.connect(path)
    if "without its version row" in store:  # CampSync stopped between create_all() and writing the version
        raw.execute("DELETE FROM schemainfo")
    raw.execute("INSERT INTO setting VALUES ('', 'theme', 'dark')")
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "outboxrow" in tables:
        has_chain = any(c[1] == "chain" for c in raw.execute("PRAGMA table_info(outboxrow)"))
        chain_column, chain_value = (", chain", ", '[]'") if has_chain else ("", "")
        raw.execute("INSERT INTO person (id, first_name, last_name, email, score, created_at, updated_at) "
                    "VALUES (1, 'Ada', 'L', 'ada@example.org', 0, 0, 0)")
        raw.execute("INSERT INTO outboxrow (action, campaign_id, person_id, state, attempts, idempotency_key, "
                    f"request_id, origin, depth, created_at{chain_column}) VALUES "
                    f"('add', 'c', 1, 'pending', 0, 'k1', 'r1', 'cli', 0, 0{chain_value})")
    raw.commit()
    raw.close()

    db = open_store(path)
    assert schema_differences(db) == []
    with db.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == migrations.HEAD
        assert conn.exec_driver_sql("SELECT version FROM schemainfo").scalar() == migrations.ALEMBIC_SCHEMAINFO_VERSION
        assert conn.exec_driver_sql("SELECT value FROM setting WHERE key = 'theme'").scalar() == "dark"
        if "outboxrow" in tables:
            assert conn.exec_driver_sql("SELECT idempotency_key, chain FROM outboxrow").all() == [("k1", "[]")]


CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    import alembic.command  # imported before the start line, so the processes reach the file together
    from campsync_gui.core.store import open_store
    print("ready", flush=True)
    while not Path(sys.argv[2]).exists():
        time.sleep(0.001)
    db = open_store(sys.argv[1])
    with db.connect() as conn:
        print(conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar())
""")


@pytest.mark.parametrize("store", ["first_release_v1", "v4_b4e18e1", "new"])
def test_processes_opening_the_same_file_at_once_upgrade_it_once(tmp_path, store):
    path = tmp_path / "new.db" if store == "new" else legacy_file(tmp_path, store)
    go = tmp_path / "go"
    children = [subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(go)], cwd=REPO, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for child in children:
        assert child.stdout.readline().strip() == "ready"
    go.touch()
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        assert out.strip() == migrations.HEAD
    db = sa.create_engine(f"sqlite:///{path}")
    assert schema_differences(db) == []
    with db.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").all() == [(migrations.HEAD,)]


def test_a_store_with_two_rows_for_one_campaigns_list_keeps_the_newest_and_allows_no_more(tmp_path):
    # Two writers sharing a store under an older version could record two "CampSync lists" for one campaign.
    db = migrate(tmp_path / "doubled.db", "0007_person_new_lead_id")
    with db.begin() as conn:
        for list_id in ("older-list", "newer-list"):
            conn.exec_driver_sql("INSERT INTO applist (campaign_id, member_type, name, dynamics_list_id) "
                                 f"VALUES ('c1', 'lead', 'CampSync-leads-c1', '{list_id}')")
        conn.exec_driver_sql("INSERT INTO applist (campaign_id, member_type, name, dynamics_list_id) "
                             "VALUES ('c1', 'contact', 'CampSync-contacts-c1', 'contacts-list')")
    db.dispose()
    db = open_store(tmp_path / "doubled.db")
    with db.connect() as conn:
        rows = conn.exec_driver_sql("SELECT member_type, dynamics_list_id FROM applist ORDER BY member_type").all()
    assert rows == [("contact", "contacts-list"), ("lead", "newer-list")]
    with pytest.raises(sa.exc.IntegrityError), db.begin() as conn:
        conn.exec_driver_sql("INSERT INTO applist (campaign_id, member_type, name) VALUES ('c1', 'lead', 'x')")


def test_a_store_from_before_actors_keeps_its_rows_with_no_one_recorded_as_their_actor(tmp_path):
    # 0009 adds who did each flow action; what was done before that is known to nobody: "" (shown as before).
    db = migrate(tmp_path / "before-actors.db", "0008_app_list_unique")
    with db.begin() as conn:
        conn.exec_driver_sql("INSERT INTO person (id, first_name, last_name, email, score, created_at, updated_at) "
                             "VALUES (1, 'Ada', 'L', 'ada@example.org', 0, 0, 0)")
        conn.exec_driver_sql("INSERT INTO flowrequest (request_id, action, campaign_id, origin, created_at) "
                             "VALUES ('r1', 'add', 'c1', 'cli', 0)")
        conn.exec_driver_sql("INSERT INTO outboxrow (action, campaign_id, person_id, state, attempts, idempotency_key, "
                             "request_id, origin, depth, chain, created_at) "
                             "VALUES ('add', 'c1', 1, 'done', 1, 'k1', 'r1', 'cli', 0, '[]', 0)")
        conn.exec_driver_sql("INSERT INTO membership (person_id, campaign_id, list_id, source, added_at, origin) "
                             "VALUES (1, 'c1', 'l1', 'flow_action', 0, 'cli')")
        conn.exec_driver_sql("INSERT INTO triggerevent (\"trigger\", person_id, campaign_id, campaign_name, origin, "
                             "request_id, at, prev_hash, hash) VALUES ('added_to_microsoft_campaign', 1, 'c1', 'C', "
                             "'cli', 'r1', 0, '', 'h')")
        conn.exec_driver_sql("INSERT INTO automationresult (campaign_id, run_id, person_id, step_index, step, outcome, "
                             "detail, at) VALUES (1, 'run', 1, 0, 'add', 'enqueued', '', 0)")
        conn.exec_driver_sql("INSERT INTO connectionprofile (name, org_url, tenant_id, client_id, authority_host, "
                             "environment, is_default) VALUES ('prod', 'https://o', 't', 'c', 'https://a', 'test', 1)")
    db.dispose()
    db = open_store(tmp_path / "before-actors.db")
    assert schema_differences(db) == []
    with db.connect() as conn:
        for table in ("flowrequest", "outboxrow", "membership", "triggerevent", "automationresult"):
            assert conn.exec_driver_sql(f"SELECT actor FROM {table}").all() == [("",)], table
        assert conn.exec_driver_sql("SELECT name, certificate_file FROM connectionprofile").all() == [("prod", None)]
