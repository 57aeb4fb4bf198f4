"""Migration 0010: a store kept at 0009 gains the folded copies smart lists compare, filled for every existing row,
so its counts are the ones it gave before the upgrade (the Python evaluation, which folds the text itself)."""

import importlib.util
import sys
from pathlib import Path

import sqlalchemy as sa
from alembic import command

from campsync_gui.core import migrations
from campsync_gui.core import smartlists as sl
from campsync_gui.core.folded_text import fold, fold_name
from campsync_gui.core.store import open_store

sys.path.insert(0, str(Path(__file__).parent / "smartlists"))
from smartlists_support import NOW, field, one, python_members  # noqa: E402

PEOPLE = [  # id, first, last, email, company, job title, country
    (1, "José", "Müller", "jose@example.com", "Société Générale", "Ingénieur marketing", "Côte d'Ivoire"),
    (2, "JOSE", " MULLER ", "JOSE2@EXAMPLE.COM", None, "Head of MARKETING", "cote d'ivoire "),
    (3, "Zoë", "", None, "   ", None, None),
    (4, "", "Straße", "s@example.com", "ACMÉ", "CTO", "Österreich"),
    (5, "Ada", "Lovelace", "ada@example.com", "Acme", "", "France"),
]
ACTIVITIES = [(1, "visited_web_page", "/PRÍCING", NOW - 86400), (1, "visited_web_page", "/pricing", NOW),
              (2, "visited_web_page", " /Pricing/enterprise ", NOW), (3, "opened_email", "Café", NOW)]
DEFINITIONS = [
    one(field("name", "contains", "muller")), one(field("first_name", "equals", "jose")),
    one(field("country", "equals", "Côte d'Ivoire")), one(field("company", "is_empty")),
    one(field("job_title", "contains", "MARKETING"), field("country", "in_list", ["osterreich", "france"]),
        logic="any"),
    one(field("name", "equals", "zoe")), one(field("last_name", "starts_with", "strasse")),
    one({"kind": "activity", "type": "visited_web_page", "detail_contains": "pricing", "min_times": 2}),
    one({"kind": "activity", "type": "opened_email", "has": False, "detail_contains": "cafe"}),
]


def store_at_0009(path: Path) -> None:
    db = sa.create_engine(f"sqlite:///{path}")
    with db.begin() as conn:
        command.upgrade(migrations.config(conn), "0009_actor_and_certificate")
        for row in PEOPLE:
            conn.exec_driver_sql("INSERT INTO person (id, first_name, last_name, email, company, job_title, country, "
                                 "score, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0)", row)
        for row in ACTIVITIES:
            conn.exec_driver_sql("INSERT INTO activity (person_id, type, detail, at) VALUES (?, ?, ?, ?)", row)
    db.dispose()


def the_revision():
    path = migrations.VERSIONS_DIR / "0010_smartlist_indexes.py"
    spec = importlib.util.spec_from_file_location("revision_0010", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FOLDED_PERSON = ("SELECT first_name, last_name, email, company, job_title, country, folded_first_name, "
                 "folded_last_name, folded_name, folded_email, folded_company, folded_job_title, folded_country "
                 "FROM person ORDER BY id")


def test_a_store_at_0009_upgrades_on_open_and_counts_as_before(tmp_path):
    path = tmp_path / "older.db"
    store_at_0009(path)
    db = open_store(path)
    with db.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == migrations.HEAD
        for first, last, email, company, title, country, *folded in conn.exec_driver_sql(FOLDED_PERSON):
            assert folded == [fold(first), fold(last), fold_name(first, last), fold(email), fold(company),
                              fold(title), fold(country)]
        details = conn.exec_driver_sql("SELECT detail, folded_detail FROM activity").all()
        assert all(folded == fold(detail) for detail, folded in details)
    found = [sl.count(db, definition, now=NOW) for definition in DEFINITIONS]
    assert found == [len(python_members(db, definition, NOW)) for definition in DEFINITIONS]
    assert found == [2, 2, 2, 2, 4, 1, 1, 1, 4]


def test_the_batched_fill_for_other_databases_writes_the_same_copies(tmp_path):
    path = tmp_path / "older.db"
    store_at_0009(path)
    db = open_store(path)
    with db.connect() as conn:
        filled_by_sqlite = conn.exec_driver_sql(FOLDED_PERSON).all()
    revision = the_revision()
    revision.BATCH = 2  # several batches for five people
    with db.begin() as conn:
        conn.exec_driver_sql("UPDATE person SET folded_first_name = '', folded_last_name = '', folded_name = '', "
                             "folded_email = '', folded_company = '', folded_job_title = '', folded_country = ''")
        conn.exec_driver_sql("UPDATE activity SET folded_detail = ''")
        for table, pairs in revision.FOLDED.items():
            revision.fill_in_batches(conn, table, pairs)
    with db.connect() as conn:
        assert conn.exec_driver_sql(FOLDED_PERSON).all() == filled_by_sqlite
        assert all(folded == fold(detail)
                   for detail, folded in conn.exec_driver_sql("SELECT detail, folded_detail FROM activity"))
