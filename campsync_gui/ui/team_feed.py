"""The window's ear on a team's store: what colleagues' windows, commands and workers write (the queue, the trigger
log) shows here within a second. core.team_watch listens on its own thread; this hands what it hears to the
window's thread, waits a moment for the burst to end, then reads the trigger log after the last event it read and
tells the window to refresh its queue and counts. It also says, every few seconds, who is connected to the store
(presence_changed: team_presence.Presence, this window first). On one person's SQLite file it does nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ..core import team_watch
from ..core.store import STORE_OUTAGES, outage_reason

SETTLE_MS = 100  # a confirmed batch is several statements: one read after the burst, still well within a second
OUTAGE_RETRY_MS = 2000  # the store stopped answering (restarting, unreachable): read again this much later


class TeamFeed(QObject):
    heard = Signal(str)  # a table's name, emitted on the watcher's thread, delivered on the window's
    _present = Signal(list)  # who is connected, read on the watcher's thread every few seconds
    presence_changed = Signal(list)  # [team_presence.Presence], on the window's thread, when the list changes
    store_unreachable = Signal(str)  # the store did not answer a read (its driver's reason); read again shortly

    def __init__(self, workspace, log_panel, on_queue_changed: Callable[[], None], parent: QObject | None = None, *,
                 after_id: int = 0):
        """`after_id`: the newest event the log panel already shows (its history); the feed reads the ones after."""
        super().__init__(parent)
        self.workspace, self.log_panel, self.on_queue_changed = workspace, log_panel, on_queue_changed
        self._last_id = after_id
        self._tables: set[str] = set()
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._catch_up)
        self._retry = QTimer(self, singleShot=True, interval=OUTAGE_RETRY_MS)
        self._retry.timeout.connect(self._catch_up)
        self.heard.connect(self._on_heard)
        self.present: list = []  # who is connected, as last read
        self._present.connect(self._on_present)
        self._watch = team_watch.watch(workspace.db, self.heard.emit, self._present.emit)

    @property
    def watching(self) -> bool:
        return self._watch is not None

    @property
    def last_event_id(self) -> int:
        """The newest trigger event this window read from the store's notifications (0: none yet)."""
        return self._last_id

    @Slot(list)
    def _on_present(self, present: list) -> None:
        if present != self.present and self._watch is not None:
            self.present = present
            self.presence_changed.emit(present)

    @Slot(str)
    def _on_heard(self, table: str) -> None:
        self._tables.add(table)
        if not self._settle.isActive():
            self._settle.start()

    def _catch_up(self) -> None:
        if self._watch is None:  # stopped (the window is closing): what was heard last is not its business now
            return
        tables, self._tables = self._tables, set()
        everything = team_watch.RECONNECTED in tables
        try:
            if everything or "triggerevent" in tables or team_watch.LISTENING in tables:
                events = self.workspace.events_after(self._last_id)
                if events:
                    self._last_id = max(e.id for e in events if e.id is not None)
                    self.log_panel.add_events(events)  # shown once, whichever way it came (LogModel skips ids it has)
            if everything or "outboxrow" in tables:
                self.on_queue_changed()
        except STORE_OUTAGES as exc:
            # The team's store is restarting or out of reach: what was heard is read again once it answers.
            self._tables |= tables
            self.store_unreachable.emit(outage_reason(exc))
            if not self._retry.isActive():
                self._retry.start()

    def stop(self) -> None:
        self._settle.stop()
        self._retry.stop()
        if self._watch is not None:
            watch, self._watch = self._watch, None
            watch.stop()
