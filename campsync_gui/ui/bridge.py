"""Carries the core event bus into Qt signals, so widgets connect to signals and never to the core."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..core.events import OUTBOX, PROBLEM, TRIGGER, Event, EventBus


class EventBridge(QObject):
    trigger_fired = Signal(dict)   # a trigger event as core.triggers.event_to_dict gives it
    outbox_changed = Signal(dict)  # {"ids"/"request_id", "state", "outcome"?, "reason"?}
    problem = Signal(str)          # a message the user should see

    def __init__(self, bus: EventBus, parent: QObject | None = None):
        super().__init__(parent)
        self._unsubscribe = bus.subscribe(self._on_event)

    def _on_event(self, event: Event) -> None:
        # The engine runs on the qasync loop, i.e. the GUI thread, so emitting directly is safe.
        if event.kind == TRIGGER:
            self.trigger_fired.emit(event.data)
        elif event.kind == OUTBOX:
            self.outbox_changed.emit(event.data)
        elif event.kind == PROBLEM:
            self.problem.emit(str(event.data.get("message", "")))

    def close(self) -> None:
        self._unsubscribe()
