"""How many records to put in one bulk request (CreateMultiple), learned from how the org answers.

Microsoft's guidance for bulk operations: start around 100–1,000 records per request, keep the number
configurable, expect up to 2 minutes per request, and send fewer records when requests get slow. How slow depends on
the org (plug-ins on lead create can cost tens of milliseconds a record), so the size is learned per session:
halved when a request is slow, times out or loses its answer; doubled after a request that took a small share of the
slow limit (an org that creates 1,000 leads in a few seconds should not pay for the moderate start: 10,000 people
took 29 requests instead of 10); grown by a quarter after a few unremarkable ones in a row; never beyond the
configured maximum. Pure logic: the clock is injected, nothing sleeps.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from ..language import translate

CEILING = 1000  # Dataverse's advice tops out at 1,000 records per bulk request
FLOOR = 25  # below this, request overhead dominates and a slow org is slow per record anyway
SLOW_AFTER_S = 30.0  # a request slower than this is a sign the org struggles with the size
SLOW_SHARE = 0.25  # ...or slower than this share of the request's timeout, so a short timeout is never reached
QUICK_STREAK = 3  # quick full-size requests in a row before growing: one quick answer may be luck
GROWTH = 1.25
VERY_QUICK_SHARE = 0.1  # a full request this far under the slow limit (3 s of 30 s) doubles the size at once


class BatchSizer:
    """The size of the next bulk request. `size` is what it has learned; read it for display."""

    def __init__(self, *, start: int = 200, maximum: int = CEILING, clock: Callable[[], float] = time.monotonic,
                 slow_after: float = SLOW_AFTER_S, floor: int = FLOOR, quick_streak: int = QUICK_STREAK):
        self.clock = clock
        self.slow_after = slow_after
        self.quick_streak = quick_streak
        self._floor = floor
        self.requested_start = self.start = self.maximum = self.size = 0
        self._quick = 0
        self.configure(start=start, maximum=maximum)

    @property
    def floor(self) -> int:
        # An admin who starts below the floor (an org known to be very slow) is never sent more than asked for.
        return min(self._floor, self.start)

    def configure(self, *, start: int, maximum: int) -> None:
        """Apply the settings. Unchanged settings keep what was learned; a new start restarts from it, a new maximum
        only bounds the size learned so far (a slow org stays slow when an admin raises the ceiling)."""
        maximum = max(1, min(CEILING, int(maximum)))
        requested = max(1, int(start))
        if requested != self.requested_start:  # compared as set, so a maximum below it does not count as new
            self.size, self._quick = requested, 0
        self.requested_start, self.start, self.maximum = requested, min(requested, maximum), maximum
        self.size = max(self.floor, min(self.maximum, self.size))

    def began(self) -> float:
        """The moment a request leaves; hand it back to `succeeded`."""
        return self.clock()

    def slow_limit(self, timeout: float | None = None) -> float:
        return self.slow_after if not timeout else min(self.slow_after, timeout * SLOW_SHARE)

    def succeeded(self, began: float, *, count: int | None = None, timeout: float | None = None) -> None:
        """A request of `count` records answered; `timeout`: how long it was allowed to take."""
        if self.clock() - began > self.slow_limit(timeout):
            self._shrink()
            return
        if count is not None and count < self.size:
            return  # a short tail batch says nothing about whether a full one would be quick
        elapsed, quick = self.clock() - began, self.slow_limit(timeout) * VERY_QUICK_SHARE
        if elapsed <= quick:
            # At least double; as far at once as a request at this pace would still be very quick (an org that
            # creates 200 leads in 0.1 s gets full batches from the next request on).
            self._quick = 0
            at_pace = math.floor(self.size * quick / elapsed) if elapsed > 0 else self.maximum
            self.size = min(self.maximum, max(self.size * 2, at_pace))
            return
        self._quick += 1
        if self._quick >= self.quick_streak:
            self._quick = 0
            self.size = min(self.maximum, max(self.size + 1, math.ceil(self.size * GROWTH)))

    def failed(self, began: float | None = None, *, timeout: float | None = None, waited_out: bool = True) -> None:
        """A request timed out, was answered 504, or lost its answer: the org may still be working on it.

        `waited_out`: someone gave up waiting (our timeout, a gateway's 504), a sign the batch is too big. A
        connection dropped quickly (`waited_out=False`, with `began`) says nothing about the size: under frequent
        network faults an org that is quick would otherwise be sent ever smaller batches, down to the floor.
        """
        if not waited_out and began is not None and self.clock() - began <= self.slow_limit(timeout):
            self._quick = 0
            return
        self._shrink()

    def _shrink(self) -> None:
        self._quick = 0
        self.size = max(self.floor, self.size // 2)

    def describe(self) -> str:
        return translate("BatchSizing", "{size} per request now (starts at {start}, at most {maximum})").format(
            size=self.size, start=self.start, maximum=self.maximum)
