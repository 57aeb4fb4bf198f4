"""Garbage collection on the GUI thread only, and full collections kept out of the way.

The app runs other threads (the sandbox org's server, msal's token requests). Python's collector runs
in whichever thread happens to allocate, so it could free a Qt object there, or in the middle of Qt
painting a view, and crash the process. Automatic collection is turned off and done from a timer on
the GUI thread instead (as pyqtgraph's GarbageCollector does).

A full (generation 2) collection walks every tracked object: 200-400 ms once people, plans and log rows
are loaded, which froze the window in the middle of a 10,000-person sync. So: `settle()` after start-up
moves what the app loaded for good (code, types, the first data) out of the collector's sight
(gc.freeze), full collections come at most once a minute, and not while a sync runs (unless it has run
for ten minutes). Most garbage has no cycles and is freed at once by reference counting anyway. The timer
looks ten times a second: with automatic collection off, the youngest generation grows until it is looked
at, and a second's worth of a busy window's objects took 50 ms to walk.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

FULL_EVERY_S = 60.0
FULL_WHILE_BUSY_EVERY_S = 600.0


class GuiThreadGarbageCollector(QObject):
    def __init__(self, interval_ms: int = 100, parent: QObject | None = None, *,
                 busy: Callable[[], bool] | None = None, clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        self.busy = busy  # e.g. "a sync is running": full collections wait
        self.clock = clock
        self._threshold = gc.get_threshold()
        self._last_full = clock()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        # When the youngest generation is due, collect the two young ones together: what survives goes
        # straight to the old generation, so each pass walks only what the window made since the last look
        # (a 10,000-person plan then costs two small passes, not one 100 ms pass of the middle generation).
        counts = gc.get_count()
        if counts[0] <= self._threshold[0]:
            return
        if counts[2] > self._threshold[2] and self._full_collection_due():
            gc.collect(2)
            self._last_full = self.clock()
        else:
            gc.collect(1)

    def _full_collection_due(self) -> bool:
        waited = self.clock() - self._last_full
        busy = self.busy is not None and self.busy()
        return waited >= (FULL_WHILE_BUSY_EVERY_S if busy else FULL_EVERY_S)

    def settle(self) -> None:
        """After start-up: collect once, then freeze what survived (it lives as long as the app)."""
        gc.collect()
        gc.freeze()
        self._last_full = self.clock()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
