"""Team mode: two nodes' transactions that lock the same rows in opposite orders. PostgreSQL ends the deadlock by
rolling one back; `transaction()` runs that one again, so both writes land and nobody sees an error."""

import threading

from sqlalchemy import text, update
from sqlmodel import Session

from campsync_gui.core.models import Person
from campsync_gui.core.store import open_store, upgrade_store
from campsync_gui.core.transactions import transaction


def test_team_a_transaction_that_postgresql_ends_for_a_deadlock_is_run_again(pg_url):
    upgrade_store(pg_url)
    db = open_store(pg_url)
    with Session(db) as s:
        s.add_all([Person(first_name="Ann", last_name="A", email="ann@example.org"),
                   Person(first_name="Bob", last_name="B", email="bob@example.org")])
        s.commit()
        first, second = sorted(s.exec(text("SELECT id FROM person")).scalars())
    both_hold_one = threading.Barrier(2, timeout=30)
    runs = {"a": 0, "b": 0}
    errors = []

    def node(name: str, order: tuple[int, int], score: int) -> None:
        def work(session: Session) -> None:
            runs[name] += 1
            session.exec(update(Person).where(Person.id == order[0]).values(score=score))
            if runs[name] == 1:
                both_hold_one.wait()  # each holds one row and asks for the other's: a deadlock
            session.exec(update(Person).where(Person.id == order[1]).values(score=score))
        try:
            transaction(db, work)
        except Exception as exc:  # noqa: BLE001 — the test reports it
            errors.append(exc)

    threads = [threading.Thread(target=node, args=("a", (first, second), 10)),
               threading.Thread(target=node, args=("b", (second, first), 20))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert sorted(runs.values()) == [1, 2], "PostgreSQL rolled one back; it ran again"
    with Session(db) as s:
        scores = set(s.exec(text("SELECT score FROM person")).scalars())
    assert len(scores) == 1, "both rows hold the score of the transaction that ran last"
    db.dispose()
