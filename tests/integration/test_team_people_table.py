"""The window's people table on a team's PostgreSQL store: the compact index, its columns, the first page and the
rows come back exactly as from a SQLite store holding the same people (core.people_index and core.people speak
each database's SQL; SQLite's is unchanged)."""

import pytest
from sqlmodel import Session

from campsync_gui.core import people, people_index
from campsync_gui.core.models import Person
from campsync_gui.core.store import open_store, upgrade_store

PEOPLE = [
    dict(first_name="Zoë", last_name="Åberg", email="zoe@acme.example", company="Acme", job_title="Head of Marketing",
         country="Sweden", score=80, dynamics_type="lead", dynamics_id="aaaa-1"),
    dict(first_name="ann", last_name="", email="ann@beta.example", company=None, job_title=None, country=None,
         score=10, dynamics_type=None, dynamics_id=None),
    dict(first_name="", last_name="Okafor", email=None, company="Gamma", job_title="CTO", country="Nigeria",
         score=55, dynamics_type="contact", dynamics_id="bbbb-2"),
    dict(first_name="Éric", last_name="Durand", email="eric@acme.example", company="Acme", job_title="marketing",
         country="France", score=60, dynamics_type="lead", dynamics_id=None),
    dict(first_name="Bob", last_name="Ray", email="bob@delta.example", company="Delta", job_title="Sales",
         country="USA", score=0, dynamics_type="contact", dynamics_id="cccc-3"),
]


def filled(db, gap: bool) -> None:
    with Session(db) as session:
        for values in PEOPLE:
            session.add(Person(**values, created_at=1.0, updated_at=1.0))
        session.commit()
    if gap:  # ids no longer 1..n: the index reads them
        with db.begin() as conn:
            conn.exec_driver_sql("DELETE FROM person WHERE id = 2")


def table(db) -> dict:
    return {"index": people_index.table_index(db, high_score=55),
            "columns": {column: people_index.table_column(db, column) for column in people_index.COLUMNS},
            "first": {(order, descending): people_index.first_rows(db, order_by=order, descending=descending,
                                                                   limit=3)
                      for order in (None, "name", "email", "company", "score") for descending in (False, True)},
            "rows": people.table_rows(db), "rows_for": people.table_rows_for(db, [1, 3, 4, 99])}


@pytest.mark.parametrize("gap", [False, True], ids=["ids without gaps", "ids with a gap"])
def test_team_the_people_table_reads_the_same_from_postgresql_as_from_sqlite(pg_url, tmp_path, gap):
    upgrade_store(pg_url)
    server, local = open_store(pg_url), open_store(tmp_path / "campsync.db")
    try:
        filled(server, gap)
        filled(local, gap)
        from_server, from_file = table(server), table(local)
        assert from_server["index"].flags == from_file["index"].flags
        assert list(from_server["index"].ids) == list(from_file["index"].ids)
        assert from_server == from_file
        assert len(from_server["rows"]) == len(PEOPLE) - gap
    finally:
        server.dispose()
        local.dispose()
