"""The people table's first page in name order (what a million-person store shows before everyone is read) is read
from the index of migration 0011, in the order the full sort gives, instead of SQLite sorting every person."""

import re

from sqlalchemy import insert

from campsync_gui.core import people_index
from campsync_gui.core.models import PERSON_NAME_LOWER, Person
from campsync_gui.core.store import open_store

NAMES = [("Zoë", "Adams"), ("ada", "Byron"), ("Ada", "Lovelace"), ("", "Hopper"), ("Émile", ""), ("grace", "Hopper")]


def store_with_people(tmp_path):
    engine = open_store(tmp_path / "campsync.db")
    with engine.begin() as conn:
        conn.execute(insert(Person.__table__), [
            dict(id=i, first_name=first, last_name=last, email=f"p{i}@example.com")
            for i, (first, last) in enumerate(NAMES * 3, start=1)])
    return engine


def test_the_first_page_by_name_comes_from_the_index_in_name_order_ties_by_id(tmp_path):
    engine = store_with_people(tmp_path)
    rows = people_index.first_rows(engine, order_by="name", descending=False, limit=10)
    people = [(i + 1, f"{first} {last}".strip()) for i, (first, last) in enumerate(NAMES * 3)]
    # SQLite's lower() lowers ASCII letters only ("Émile" stays), and ties go by id
    expected = sorted(people, key=lambda p: (re.sub("[A-Z]", lambda m: m[0].lower(), p[1]), p[0]))
    assert [(row[0], row[1]) for row in rows] == expected[:10]
    with engine.connect() as conn:
        plan = conn.exec_driver_sql(
            f"EXPLAIN QUERY PLAN SELECT id FROM person ORDER BY {PERSON_NAME_LOWER}, id LIMIT 10").all()
    assert any("USING INDEX ix_person_name_lower" in row[-1] for row in plan), plan
    assert not any("TEMP B-TREE" in row[-1] for row in plan), plan
    engine.dispose()
