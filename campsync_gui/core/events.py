"""A small in-process event bus: the engine publishes, the log panel, the CLI and trigger campaigns listen."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from ..language import translate

log = logging.getLogger(__name__)

DRAIN_BUDGET_S = 0.004  # events from the engine's thread delivered per turn of the window's loop (half a frame)

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
    window shows in its log and status bar and the command line prints.

    Once `deliver_on(loop)` is called, events published from another thread (the engine's, engine_thread.py) are
    queued and delivered on that loop, in order, a few milliseconds' worth at a time: the subscribers (the window)
    then only ever run on their own thread, and a burst of events never becomes one long stall."""

    def __init__(self) -> None:
        self._subscribers: list[Callable[[Event], None]] = []
        self._home: asyncio.AbstractEventLoop | None = None
        self._home_thread: int | None = None
        self._backlog: deque[Event] = deque()
        self._lock = threading.Lock()
        self._drain_scheduled = False

    def deliver_on(self, loop: asyncio.AbstractEventLoop) -> None:
        """Deliver every event on `loop` (called from that loop's thread)."""
        self._home, self._home_thread = loop, threading.get_ident()

    @property
    def backlog(self) -> int:
        """Events published on another thread, not delivered yet."""
        return len(self._backlog)

    async def drained(self) -> None:
        """Wait until every event published so far on another thread has been delivered."""
        while self._backlog or self._drain_scheduled:
            await asyncio.sleep(0.001)

    def subscribe(self, callback: Callable[[Event], None]) -> Callable[[], None]:
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, event: Event) -> None:
        if self._home is not None and threading.get_ident() != self._home_thread:
            with self._lock:
                self._backlog.append(event)
                schedule, self._drain_scheduled = not self._drain_scheduled, True
            if schedule:
                try:
                    self._home.call_soon_threadsafe(self._drain)
                except RuntimeError:  # the window's loop is closed: nobody is left to tell
                    self._backlog.clear()
                    self._drain_scheduled = False
            return
        self._deliver(event)

    def _drain(self) -> None:
        """Deliver queued events for at most DRAIN_BUDGET_S, then let the loop paint before the rest."""
        deadline = time.perf_counter() + DRAIN_BUDGET_S
        while self._backlog:
            self._deliver(self._backlog.popleft())
            if time.perf_counter() > deadline:
                break
        with self._lock:
            if self._backlog:
                assert self._home is not None
                self._home.call_soon(self._drain)
            else:
                self._drain_scheduled = False

    def _deliver(self, event: Event) -> None:
        for callback in list(self._subscribers):
            try:
                callback(event)
            except Exception as exc:
                log.exception("event subscriber %r failed on %s", callback, event.kind)
                if event.kind != PROBLEM:  # a listener failing on a problem report must not loop
                    name = getattr(callback, "__qualname__", type(callback).__name__)
                    self.publish(Event(PROBLEM, {"message": translate(
                        "EventBus", "{listener} failed on {event} ({problem}); see the log file").format(
                        listener=name, event=event.kind, problem=f"{type(exc).__name__}: {exc}")}))
