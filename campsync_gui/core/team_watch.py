"""Hearing what colleagues do on a team's PostgreSQL store: LISTEN to the notifications the store sends when the
queue or the trigger log changes (migration 0012), on a thread of its own, and call back with the table's name.

The callback runs on the watcher's thread: a window hands it to its own loop. Once LISTEN is in place the callback
is told `LISTENING`, so the listener reads the events written before it listened; a connection that breaks (the
server restarted, the network dropped) is made again, a second later and then less often, and the callback is told
`RECONNECTED`: anything may have changed meanwhile. Every few seconds it also reads who is connected
to the store (team_presence) and hands the list to `on_presence`. On one person's SQLite file there is nobody else
to hear: `watch` returns None.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy.engine import Engine

from . import team_presence

log = logging.getLogger(__name__)

CHANNEL = "campsync"
LISTENING = "listening"  # told once LISTEN is first in place: events written before it sent nothing to hear
RECONNECTED = "reconnected"  # told after a broken connection was made again: anything may have changed meanwhile
POLL_S = 0.5  # how often the thread looks whether it was asked to stop
PRESENCE_EVERY_S = 5.0  # how often it reads who is connected


class TeamWatch:
    def __init__(self, conninfo: str, on_change: Callable[[str], None],
                 on_presence: Callable[[list[team_presence.Presence]], None] | None = None):
        self._conninfo = conninfo
        self._on_change = on_change
        self._on_presence = on_presence
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="campsync-team-watch", daemon=True)
        self.listening = threading.Event()  # set while LISTEN is in place (for tests and the status bar)

    def start(self) -> "TeamWatch":
        self._thread.start()
        return self

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        import psycopg  # here: only a team's store needs it, and it loads slowly

        wait, first = 1.0, True
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=10,
                                     application_name=team_presence.application_name()) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    # The first time too: what was written between the listener's last read and LISTEN sent no
                    # notification it could hear (a window's feed missed 2,500 events written while it started).
                    self._on_change(LISTENING if first else RECONNECTED)
                    first, wait, looked = False, 1.0, None
                    while not self._stop.is_set():
                        if self._on_presence is not None and (looked is None
                                                              or time.monotonic() - looked >= PRESENCE_EVERY_S):
                            looked = time.monotonic()
                            names = [row[0] for row in conn.execute(team_presence.PRESENCE_SQL)]
                            self._on_presence(team_presence.present(names))
                        for note in conn.notifies(timeout=POLL_S):
                            self._on_change(note.payload)
            except psycopg.Error as exc:
                self.listening.clear()
                log.info("team store notifications lost (%s); listening again in %.0f s", exc, wait)
                self._stop.wait(wait)
                wait = min(wait * 2, 30.0)
            except Exception:  # a failing callback must not end the watch silently
                log.exception("team store notification callback failed")
                self._stop.wait(1.0)
        self.listening.clear()


def watch(db: Engine, on_change: Callable[[str], None],
          on_presence: Callable[[list[team_presence.Presence]], None] | None = None) -> TeamWatch | None:
    """Start listening to `db`'s notifications (and, with `on_presence`, to who is connected) when it is a team's
    PostgreSQL store; None otherwise."""
    if db.dialect.name != "postgresql":
        return None
    url = db.url.set(drivername="postgresql")
    return TeamWatch(url.render_as_string(hide_password=False), on_change, on_presence).start()
