"""One throttle state for every request a client has in flight, and the org's advice on how many to send at once.

Dataverse limits requests per user over a 5-minute window and answers 429 with `Retry-After` when a client pushes
past it; it keeps raising the wait for a client that keeps pushing. With several requests in flight, the first 429
means the others would be refused too: so all of them wait until the `Retry-After` has passed, not only the one
that was told. Every answer also carries `x-ms-dop-hint`, the number of requests the org suggests in flight at once
("Send parallel requests"); the client keeps the latest.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping

DEFAULT_DOP = 4  # in flight at once before the org has said (its first answer tells)
MAX_DOP = 52  # Dataverse's concurrency limit per user: a hint above it is not believed


class SharedThrottle:
    """When the org next accepts requests, as its latest 429 said; shared by every request of one client."""

    def __init__(self, sleep: Callable[[float], Awaitable[None]], clock: Callable[[], float] = time.monotonic):
        self._sleep = sleep
        self._clock = clock
        self.until = 0.0  # clock time before which nothing is sent

    def hold(self, seconds: float) -> float:
        """A 429 said wait `seconds`: nothing leaves before then. Returns the new `until`."""
        self.until = max(self.until, self._clock() + seconds)
        return self.until

    async def wait_turn(self, *, already_waited_for: float | None = None) -> float:
        """Wait while a 429 holds every request back; returns the seconds waited. A request that itself just
        waited out the hold it set (`already_waited_for` = that hold's `until`) only waits for a later one."""
        waited = 0.0
        while already_waited_for is None or self.until > already_waited_for:
            left = self.until - self._clock()
            if left <= 0:
                break
            already_waited_for = self.until  # waited out below: only a later 429 keeps this request back
            await self._sleep(left)
            waited += left
        return waited


def dop_hint(headers: Mapping[str, str]) -> int | None:
    """The org's `x-ms-dop-hint` as a number of requests (1 … MAX_DOP), None when absent or unreadable."""
    value = headers.get("x-ms-dop-hint")
    if value is None:
        return None
    try:
        hint = int(str(value).strip())
    except ValueError:
        return None
    return min(hint, MAX_DOP) if hint >= 1 else None


class InFlightLimit:
    """How many requests the client lets out at once: the org's dop hint at most, halved at each 429 and grown back
    by one after as many answers as the limit without one ("ramp the rate up gradually", as Microsoft advises for
    service protection). Without it, every request held back by a 429 left together when the wait ended, and
    against a tight limit some were refused again and again."""

    def __init__(self, ceiling: int = DEFAULT_DOP) -> None:
        self.ceiling = max(1, ceiling)
        self.limit = self.ceiling
        self._in_flight = 0
        self._good_answers = 0
        self._backing_off = False  # a 429 halved the limit and it has not grown back to the ceiling yet
        self._changed: asyncio.Condition | None = None  # made on first use, on the loop that uses this client

    def _condition(self) -> asyncio.Condition:
        if self._changed is None:
            self._changed = asyncio.Condition()
        return self._changed

    def follow(self, ceiling: int) -> None:
        """The org advises another degree of parallelism: taken at once, unless a 429 has made this client back off
        (then it grows back towards it one good streak at a time)."""
        self.ceiling = max(1, ceiling)
        self.limit = min(self.limit, self.ceiling) if self._backing_off else self.ceiling

    async def acquire(self) -> None:
        changed = self._condition()
        async with changed:
            await changed.wait_for(lambda: self._in_flight < self.limit)
            self._in_flight += 1

    async def release(self, *, throttled: bool) -> None:
        changed = self._condition()
        async with changed:
            self._in_flight -= 1
            if throttled:
                self.limit, self._good_answers, self._backing_off = max(1, self.limit // 2), 0, True
            else:
                self._good_answers += 1
                if self._good_answers >= self.limit and self.limit < self.ceiling:
                    self.limit, self._good_answers = self.limit + 1, 0
                self._backing_off = self.limit < self.ceiling
            changed.notify_all()
