"""Team mode: several workers claiming one PostgreSQL store's queue at once. A worker takes rows no other claim is
taking (FOR UPDATE SKIP LOCKED) instead of waiting for it, and no row is ever claimed by two workers."""

import threading
import time

from sqlalchemy import insert, select, text
from sqlmodel import Session

from campsync_gui.core.events import EventBus
from campsync_gui.core.models import OutboxRow, Person
from campsync_gui.core.outbox import PENDING, Outbox
from campsync_gui.core.store import open_store, upgrade_store


def team_store_with_queue(url, rows: int):
    upgrade_store(url)
    db = open_store(url)
    with Session(db) as session:
        session.execute(insert(Person.__table__), [dict(first_name="Team", last_name=f"Person {i}",
                                                        email=f"team{i}@example.org") for i in range(rows)])
        person_ids = list(session.execute(select(Person.id).order_by(Person.id)).scalars())
        session.execute(insert(OutboxRow.__table__), [
            dict(action="add", campaign_id="c1", person_id=pid, state=PENDING, idempotency_key=f"add:c1:{pid}:r1",
                 request_id="r1", origin="drag-and-drop", actor="", depth=0, created_at=time.time(), chain="[]")
            for pid in person_ids])
        session.commit()
    return db


def worker(db, name: str) -> Outbox:
    return Outbox(db, worker_id=f"{name}:1:test", clock=time.time, bus=EventBus())


def test_team_a_worker_claims_other_rows_at_once_while_another_claim_is_still_open(pg_url):
    db = team_store_with_queue(pg_url, 20)
    with db.connect() as first:  # a worker half-way through claiming the oldest 10 rows: their row locks are held
        first.begin()
        held = list(first.execute(text("SELECT id FROM outboxrow ORDER BY id LIMIT 10 FOR UPDATE")).scalars())
        claimed: list = []
        second = threading.Thread(target=lambda: claimed.extend(worker(db, "b").claim()), daemon=True)
        second.start()
        second.join(timeout=10)
        waited = second.is_alive()
        first.rollback()
    second.join(timeout=30)
    assert not waited, "the second worker waited for the first one's claim instead of taking other rows"
    assert sorted(row.id for row in claimed) == sorted(set(range(min(held), min(held) + 20)) - set(held))
    rest = worker(db, "a").claim()
    assert sorted(row.id for row in rest) == held


def test_team_four_workers_claiming_at_once_never_take_the_same_row(pg_url, monkeypatch):
    from campsync_gui.core import outbox
    monkeypatch.setattr(outbox, "CLAIM_BATCH", 25)  # many small claims, so that they overlap
    db = team_store_with_queue(pg_url, 400)
    taken: dict[str, set[int]] = {}

    def claim_until_empty(name: str) -> None:
        mine = worker(db, name)
        got = taken.setdefault(name, set())
        while True:  # claim() answers every row this worker holds: the new ones are what it just took
            new = {row.id for row in mine.claim()} - got
            if not new:
                return
            got |= new

    threads = [threading.Thread(target=claim_until_empty, args=(f"w{i}",)) for i in range(4)]
    for each in threads:
        each.start()
    for each in threads:
        each.join(timeout=120)
    every = [row_id for rows in taken.values() for row_id in rows]
    assert len(set(every)) == 400, "every row was claimed"
    assert len(every) == 400, "no row was claimed by two workers"
    assert sum(1 for rows in taken.values() if rows) >= 2, "the claims were shared out"
    with Session(db) as session:
        owners = dict(session.execute(select(OutboxRow.id, OutboxRow.claimed_by)).all())
    assert all(owners[row_id] == f"{name}:1:test" for name, rows in taken.items() for row_id in rows)


def test_team_a_claim_takes_no_more_than_its_batch(pg_url, monkeypatch):
    # As `id IN (subquery … LIMIT 25)`, PostgreSQL ran the subquery again for each row and one claim took all 400:
    # the other workers found nothing to do and one worker sent the whole queue, 25 at a time.
    from campsync_gui.core import outbox
    monkeypatch.setattr(outbox, "CLAIM_BATCH", 25)
    db = team_store_with_queue(pg_url, 400)
    first, second = worker(db, "a").claim(), worker(db, "b").claim()
    assert len(first) == 25 and len(second) == 25
    assert not {row.id for row in first} & {row.id for row in second}
    with Session(db) as session:
        left = session.execute(select(OutboxRow.id).where(OutboxRow.state == PENDING)).all()
    assert len(left) == 350


def test_team_a_claim_picks_once_whatever_the_statistics_say(pg_url):
    # The store's statistics were last gathered before the queue filled (no pending rows). A claim written as a join
    # with its picked ids then compared every pending row with every picked one: in the team drill 10,000 queued
    # adds waited 14 s for their claim. Its plan must pick the ids once and find the rows by their key.
    upgrade_store(pg_url)
    db = open_store(pg_url)
    with db.begin() as conn:
        conn.execute(text("ANALYZE outboxrow"))
    db = team_store_with_queue(pg_url, 2000)
    statement = worker(db, "a").claim_statement(time.time())
    from sqlalchemy.dialects import postgresql
    sql = str(statement.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))
    with db.connect() as conn:
        plan = "\n".join(row[0] for row in conn.execute(text("EXPLAIN " + sql)))
    assert "InitPlan" in plan and "Join Filter" not in plan and "CTE Scan" not in plan, plan
    assert len(worker(db, "a").claim()) == 2000
