"""A small in-process event bus: the engine publishes, the log panel, the CLI and trigger campaigns listen."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

TRIGGERS = "triggers"  # trigger events were written (data: {"events": [core.triggers.TriggerEvent, oldest first]})
OUTBOX = "outbox"      # outbox rows changed state (data: request_id, ids, state)
PROBLEM = "problem"    # something the user should see (data: message)


@dataclass(frozen=True)
class Event:
    kind: str
    data: dict = field(default_factory=dict)


class EventBus:
    """Synchronous fan-out on the publisher's thread. A failing subscriber never breaks the others nor the
    publisher (a sync in progress), and is never swallowed: it is logged and published as a PROBLEM, which the
    window shows in its log and status bar and the command line prints."""

    def __init__(self) -> None:
        self._subscribers: list[Callable[[Event], None]] = []

    def subscribe(self, callback: Callable[[Event], None]) -> Callable[[], None]:
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, event: Event) -> None:
        for callback in list(self._subscribers):
            try:
                callback(event)
            except Exception as exc:
                log.exception("event subscriber %r failed on %s", callback, event.kind)
                if event.kind != PROBLEM:  # a listener failing on a problem report must not loop
                    name = getattr(callback, "__qualname__", type(callback).__name__)
                    self.publish(Event(PROBLEM, {"message": f"{name} failed on {event.kind} "
                                                            f"({type(exc).__name__}: {exc}); see the log file"}))
