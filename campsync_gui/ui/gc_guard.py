"""Garbage collection on the GUI thread only.

The app runs other threads (the sandbox org's server, msal's token requests). Python's collector runs
in whichever thread happens to allocate, so it could free a Qt object there, or in the middle of Qt
painting a view, and crash the process. Automatic collection is turned off and done from a timer on
the GUI thread instead (as pyqtgraph's GarbageCollector does).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadGarbageCollector(QObject):
    def __init__(self, interval_ms: int = 1000, parent: QObject | None = None):
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        # Collect each generation when it would have been collected automatically.
        counts = gc.get_count()
        if counts[0] > self._threshold[0]:
            generation = 0
            if counts[1] > self._threshold[1]:
                generation = 1
                if counts[2] > self._threshold[2]:
                    generation = 2
            gc.collect(generation)

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
