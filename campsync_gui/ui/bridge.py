"""Carries the core event bus into Qt signals, so widgets connect to signals and never to the core."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..core.events import OUTBOX, PROBLEM, TRIGGERS, Event, EventBus


class EventBridge(QObject):
    triggers_fired = Signal(object)  # core.triggers.TriggerEvent objects, oldest first
    outbox_changed = Signal(dict)  # {"ids"/"request_id", "state", "outcome"?, "reason"?}
    problem = Signal(str)          # a message the user should see (a sync that stopped, a listener that failed)

    def __init__(self, bus: EventBus, parent: QObject | None = None):
        super().__init__(parent)
        self._unsubscribe = bus.subscribe(self._on_event)

    def _on_event(self, event: Event) -> None:
        # The engine runs on the qasync loop, i.e. the GUI thread, so emitting directly is safe.
        if event.kind == TRIGGERS:
            # One emit per batch: 10,000 per-event emits cost the window more than drawing the rows.
            self.triggers_fired.emit(event.data["events"])
        elif event.kind == OUTBOX:
            self.outbox_changed.emit(event.data)
        elif event.kind == PROBLEM:
            self.problem.emit(str(event.data.get("message", "")))

    def close(self) -> None:
        self._unsubscribe()
