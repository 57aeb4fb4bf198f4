"""A small in-process event bus: the engine publishes, the log panel, the CLI and trigger campaigns listen."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

TRIGGERS = "triggers"  # trigger events were written (data: {"events": [the events as dicts, oldest first]})
OUTBOX = "outbox"      # outbox rows changed state (data: request_id, ids, state)
PROBLEM = "problem"    # something the user should see (data: message, request_id)


@dataclass(frozen=True)
class Event:
    kind: str
    data: dict = field(default_factory=dict)


class EventBus:
    """Synchronous fan-out on the publisher's thread; a failing subscriber never breaks the others."""

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
            except Exception:  # a broken listener must not stop the sync
                log.exception("event subscriber failed on %s", event.kind)
