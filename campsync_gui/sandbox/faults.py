"""Latency, throttling and random failures, applied in front of the Web API (never the Entra endpoints)."""

from __future__ import annotations

import asyncio
import collections
import math
import random
import threading
import time
from typing import Any, Callable

from .errors import THROTTLED, UNEXPECTED, envelope
from .knobs import Knobs

DROPPED_KEY = "campsync.sandbox.dropped"
# Seconds a lost answer or a gateway timeout waits for the org's work before the caller is cut off. A quick write
# is applied by then; a slow one (create_ms_per_record) carries on and commits later, as an org does behind a
# gateway that gave up: the caller sees the failure while the work is still running. Read at each request.
UNHEARD_PATIENCE = 2.0

Scope = dict[str, Any]
ASGIApp = Callable[..., Any]


class Faults:
    """The throttle window and the random stream for failures; reset() makes a run reproducible again."""

    def __init__(self, knobs: Knobs) -> None:
        self.knobs = knobs
        self._lock = threading.Lock()
        self._window: collections.deque[float] = collections.deque()
        self._seed_in_use = knobs.fault_seed
        self._rng = random.Random(knobs.fault_seed)

    def reset(self) -> None:
        with self._lock:
            self._window.clear()
            self._seed_in_use = self.knobs.fault_seed
            self._rng = random.Random(self._seed_in_use)

    def draw_failure(self) -> str | None:
        """None, "503" or "drop" for the next API request."""
        rate = self.knobs.fail_rate
        if rate <= 0:
            return None
        with self._lock:
            if self.knobs.fault_seed != self._seed_in_use:
                # A new seed starts a new reproducible stream.
                self._seed_in_use = self.knobs.fault_seed
                self._rng = random.Random(self._seed_in_use)
            if self._rng.random() >= rate:
                return None
            return "drop" if self._rng.random() < 0.5 else "503"

    def take_lost_answer(self) -> bool:
        with self._lock:
            if self.knobs.lose_answers > 0:
                self.knobs.lose_answers -= 1
                return True
            return False

    def take_gateway_timeout(self) -> bool:
        with self._lock:
            if self.knobs.gateway_timeouts > 0:
                self.knobs.gateway_timeouts -= 1
                return True
            return False

    def take_endless_answer(self) -> bool:
        with self._lock:
            if self.knobs.endless_answers > 0:
                self.knobs.endless_answers -= 1
                return True
            return False

    def admit(self, now: float | None = None) -> int | None:
        """Count a request in the sliding window; the Retry-After seconds when the window is full.

        Refused requests are not counted, so a client that waits Retry-After does get through.
        """
        throttle = self.knobs.throttle
        if not throttle:
            return None
        limit, window = throttle
        now = time.monotonic() if now is None else now
        with self._lock:
            while self._window and self._window[0] <= now - window:
                self._window.popleft()
            if len(self._window) >= limit:
                wait = self._window[0] + window - now
                return max(1, math.ceil(wait))
            self._window.append(now)
            return None


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


class FaultMiddleware:
    """Wraps the app; only paths under /api/ are affected."""

    def __init__(self, app: ASGIApp, faults: Faults) -> None:
        self.app = app
        self.faults = faults
        self._unheard_work: set[asyncio.Task] = set()

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        knobs = self.faults.knobs
        if knobs.latency_ms > 0:
            # asyncio.sleep, so one slow request never holds up the others on the server loop.
            await asyncio.sleep(knobs.latency_ms / 1000)
        failure = self.faults.draw_failure()
        if failure == "drop":
            scope[DROPPED_KEY] = True
            await self._drop(send)
            return
        if failure == "503":
            await _send_error(
                send, 503, UNEXPECTED, "An unexpected error occurred. The service is unavailable; try again."
            )
            return
        retry_after = self.faults.admit()
        if retry_after is not None:
            limit, window = knobs.throttle  # type: ignore[misc]
            await _send_error(
                send,
                429,
                THROTTLED,
                f"Number of requests exceeded the limit of {limit} over time window of {_number(window)} seconds.",
                [(b"retry-after", str(retry_after).encode())],
            )
            return
        if self.faults.take_endless_answer():
            await _send_endless(receive, send, knobs.endless_status, knobs.endless_limit)
            return
        # The two knobs below aim at writes: a POST to $batch (CampSync's are email lookups, GETs) is left out.
        write = scope.get("method") == "POST" and not scope["path"].endswith("/$batch")
        if write and self.faults.take_lost_answer():
            await self._unheard(scope, receive)  # the work is done (or, on a slow org, under way)...
            scope[DROPPED_KEY] = True
            await self._drop(send)  # ...and the answer never arrives
            return
        if write and self.faults.take_gateway_timeout():
            await self._unheard(scope, receive)  # the org does the work (or, on a slow org, is at it)...
            await _send_error(  # ...but the gateway in front of it stopped waiting: the caller cannot tell
                send, 504, UNEXPECTED, "The gateway did not receive a timely response from the organization."
            )
            return
        await self.app(scope, receive, send)

    async def _unheard(self, scope: Scope, receive: Callable) -> None:
        """Run the request with its answer thrown away, waiting at most UNHEARD_PATIENCE for it."""
        async def nowhere(_message) -> None:
            pass

        work = asyncio.ensure_future(self.app(scope, receive, nowhere))
        self._unheard_work.add(work)  # held until done: the event loop keeps only weak references to tasks
        work.add_done_callback(self._unheard_work.discard)
        await asyncio.wait({work}, timeout=UNHEARD_PATIENCE)

    @staticmethod
    async def _drop(send: Callable) -> None:
        # Promise a body, send a sliver of it and return: uvicorn then closes the connection, and the client
        # sees a truncated response (a protocol/read error), as after a network failure mid-response.
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json; odata.metadata=minimal"),
                    (b"content-length", b"4096"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": b'{"@odata.context":"', "more_body": True})


async def _send_error(
    send: Callable, status: int, code: str, message: str, extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    body = envelope(code, message)
    headers = [
        (b"content-type", b"application/json; odata.metadata=minimal"),
        (b"content-length", str(len(body)).encode()),
        (b"odata-version", b"4.0"),
    ] + (extra or [])
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


ENDLESS_PIECE = 64 * 1024


async def _send_endless(receive: Callable, send: Callable, status: int, limit: int) -> None:
    """A JSON answer whose body never ends: blanks after its first bytes, until the client hangs up (`limit`
    bytes at most)."""
    gone = asyncio.Event()

    async def watch() -> None:  # uvicorn says http.disconnect once the client has closed the connection
        while (await receive())["type"] != "http.disconnect":
            pass
        gone.set()

    watcher = asyncio.ensure_future(watch())
    try:
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json; odata.metadata=minimal")]})
        start = b'{"value":[' if status < 400 else b'{"error":{"code":"0x80040216","message":"An unexpected error '
        await send({"type": "http.response.body", "body": start, "more_body": True})
        piece, sent = b" " * ENDLESS_PIECE, len(start)
        while not gone.is_set() and sent < limit:
            await send({"type": "http.response.body", "body": piece, "more_body": True})
            sent += len(piece)
            await asyncio.sleep(0)  # lets the watcher see the client go
        if not gone.is_set():
            await send({"type": "http.response.body", "body": b""})
    finally:
        watcher.cancel()
