"""The two bulk forms the engine writes and reads with: `among` (column IN a list bound as one parameter) and
`insert_many` (rows in one driver call, the model's defaults filled in, upserts), on SQLite and on PostgreSQL."""

import pytest
from sqlalchemy import insert, select, update
from sqlmodel import Session

from campsync_gui.core.bulk_insert import insert_many
from campsync_gui.core.id_sets import among
from campsync_gui.core.models import Membership, OutboxRow, Person
from campsync_gui.core.store import open_store, upgrade_store


@pytest.fixture
def sqlite_store(tmp_path):
    return open_store(tmp_path / "campsync.db")


def people(db, count: int, prefix: str = "ann") -> list[int]:
    with Session(db) as session:
        session.execute(insert(Person.__table__), [dict(first_name="Ann", last_name=f"N{i}",
                                                        email=f"{prefix}{i}@example.org") for i in range(count)])
        session.commit()
        return list(session.exec(select(Person.id).where(Person.email.startswith(prefix)).order_by(Person.id))
                    .scalars())


def check_among(db):
    ids = people(db, 40_000)
    with Session(db) as session:
        # more ids than SQLite's 32,766 bound parameters, in one statement
        assert len(session.exec(select(Person.id).where(among(Person.id, ids))).all()) == 40_000
        assert sorted(session.exec(select(Person.id).where(among(Person.id, [ids[5], ids[2], 10**9]))).scalars()) \
            == [ids[2], ids[5]]
        assert session.exec(select(Person.id).where(among(Person.id, []))).all() == []
        emails = ["ann7@example.org", "o'brien@example.org", "ann9@example.org"]  # a quote in a value
        assert sorted(session.exec(select(Person.email).where(among(Person.email, emails))).scalars()) == \
            ["ann7@example.org", "ann9@example.org"]
        changed = session.exec(update(Person).where(among(Person.id, ids[:3])).values(company="Contoso"))
        assert changed.rowcount == 3
        # the same statement with other values: the cached statement takes the new parameter
        for wanted in ([ids[0]], [ids[1], ids[3]]):
            assert list(session.exec(select(Person.id).where(among(Person.id, wanted)).order_by(Person.id))
                        .scalars()) == wanted


def check_insert_many(db):
    ids = people(db, 3, prefix="bob")
    with Session(db) as session:
        insert_many(session, OutboxRow.__table__, [dict(action="add", campaign_id="c1", person_id=i,
                                                        idempotency_key=f"k{i}", request_id="r1") for i in ids])
        session.commit()
        with pytest.raises(ValueError, match="folded_first_name"):  # computed per row: the caller must give it
            insert_many(session, Person.__table__, [dict(first_name="Ann", last_name="N")])
        rows = session.exec(select(OutboxRow).order_by(OutboxRow.id)).scalars().all()
        # the model's defaults, as SQLAlchemy's insert() would have filled them in
        assert [(r.state, r.attempts, r.depth, r.chain, r.origin) for r in rows] == [("pending", 0, 0, "[]", "")] * 3

        def add(source, origin):
            insert_many(session, Membership.__table__,
                        [dict(person_id=ids[0], campaign_id="c1", list_id="l1", source=source, added_at=1.0,
                              origin=origin, request_id="r", actor="ann")],
                        conflict=("person_id", "campaign_id", "list_id"), update=("source", "origin"))
            session.commit()
        add("crm_list", "pull")
        add("flow_action", "window")  # the same key again: updated, not a second row
        found = session.exec(select(Membership)).scalars().all()
        assert [(m.source, m.origin) for m in found] == [("flow_action", "window")]


def test_among_finds_exactly_the_listed_rows_for_any_number_of_ids(sqlite_store):
    check_among(sqlite_store)


def test_insert_many_fills_defaults_and_upserts(sqlite_store):
    check_insert_many(sqlite_store)


def test_team_store_among_and_insert_many_on_postgresql(pg_url):
    upgrade_store(pg_url)
    db = open_store(pg_url)
    try:
        check_among(db)
        check_insert_many(db)
    finally:
        db.dispose()
