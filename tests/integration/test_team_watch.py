"""Team mode: a window hears the store's notifications (core.team_watch). Across a PostgreSQL restart it listens
again by itself and says so (RECONNECTED), so the window re-reads what it may have missed; writes after the restart
are heard again."""

import threading
import time

from sqlalchemy import insert

from campsync_gui.core import team_watch
from campsync_gui.core.models import OutboxRow, Person
from campsync_gui.core.store import open_store, upgrade_store
from pg_server import PostgresServer
from support import until


def write_a_queue_row(db, n: int) -> None:
    with db.begin() as conn:
        person = conn.execute(insert(Person.__table__).values(first_name="Team", last_name=str(n),
                                                             email=f"w{n}@example.org")).inserted_primary_key[0]
        conn.execute(insert(OutboxRow.__table__).values(
            action="add", campaign_id="c1", person_id=person, state="pending", idempotency_key=f"k{n}",
            request_id=f"r{n}", origin="cli", actor="", depth=0, created_at=time.time(), chain="[]"))


def test_team_watch_hears_writes_and_listens_again_after_a_postgresql_restart():
    server = PostgresServer().start()  # its own server: the session's is not restarted under other tests
    try:
        url = server.create_database()
        upgrade_store(url)
        db = open_store(url)
        heard: list[str] = []
        lock = threading.Lock()

        def on_change(table: str) -> None:
            with lock:
                heard.append(table)
        watch = team_watch.watch(db, on_change)
        try:
            assert until(watch.listening.is_set)
            # Once listening it says so, so that what was written before LISTEN is read too.
            assert until(lambda: team_watch.LISTENING in heard) and team_watch.RECONNECTED not in heard
            write_a_queue_row(db, 1)
            assert until(lambda: "outboxrow" in heard), "a write is heard"

            server.restart()
            assert until(lambda: team_watch.RECONNECTED in heard), "the watch listens again and says so"
            write_a_queue_row(db, 2)  # the store's own pool replaces its dropped connections too
            assert until(lambda: heard.count("outboxrow") >= 2), "writes after the restart are heard"
        finally:
            watch.stop()
            db.dispose()
    finally:
        server.stop()


def test_a_sqlite_store_has_nobody_to_hear(tmp_path):
    assert team_watch.watch(open_store(tmp_path / "one.db"), lambda table: None) is None
