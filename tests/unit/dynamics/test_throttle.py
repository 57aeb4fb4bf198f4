"""The shared throttle: one 429 holds every request back, and a later 429 holds them longer."""

import asyncio

from campsync_gui.dynamics.throttle import SharedThrottle, dop_hint


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


async def test_a_request_waits_until_the_hold_set_by_another_has_passed():
    clock, slept = Clock(), []

    async def sleep(seconds):
        slept.append(round(seconds, 3))
        clock.now += seconds
    throttle = SharedThrottle(sleep, clock)
    throttle.hold(2.0)
    assert await throttle.wait_turn() == 2.0 and slept == [2.0]
    assert await throttle.wait_turn() == 0.0, "the hold is over"


async def test_the_request_that_set_the_hold_and_waited_it_out_does_not_wait_twice():
    clock, slept = Clock(), []

    async def sleep(seconds):
        slept.append(seconds)
    throttle = SharedThrottle(sleep, clock)
    own = throttle.hold(1.0)
    assert await throttle.wait_turn(already_waited_for=own) == 0.0 and slept == []


async def test_a_429_heard_while_waiting_extends_the_wait():
    clock, slept = Clock(), []
    throttle = None

    async def sleep(seconds):
        slept.append(round(seconds, 3))
        clock.now += seconds
        if len(slept) == 1:
            throttle.hold(3.0)  # another request was refused meanwhile, with a longer Retry-After
    throttle = SharedThrottle(sleep, clock)
    throttle.hold(1.0)
    await throttle.wait_turn()
    assert slept == [1.0, 3.0]


def test_the_dop_hint_is_read_and_bounded():
    assert dop_hint({"x-ms-dop-hint": "6"}) == 6
    assert dop_hint({"x-ms-dop-hint": "500"}) == 52
    assert dop_hint({"x-ms-dop-hint": "zero"}) is None and dop_hint({}) is None and dop_hint({"x-ms-dop-hint": "0"}) is None
    assert asyncio  # the module is async-first


async def test_the_in_flight_limit_halves_at_a_429_and_grows_back_one_good_streak_at_a_time():
    from campsync_gui.dynamics.throttle import InFlightLimit
    limit = InFlightLimit(4)
    limit.follow(8)
    assert limit.limit == 8, "the org's advice is taken at once while nothing was refused"
    await limit.acquire()
    await limit.release(throttled=True)
    assert limit.limit == 4
    limit.follow(8)
    assert limit.limit == 4, "after a 429 the limit grows back gradually, not at the next answer"
    for _ in range(4):
        await limit.acquire()
        await limit.release(throttled=False)
    assert limit.limit == 5


async def test_no_more_requests_leave_than_the_limit():
    from campsync_gui.dynamics.throttle import InFlightLimit
    limit = InFlightLimit(2)
    running, peak = [0], [0]

    async def request():
        await limit.acquire()
        running[0] += 1
        peak[0] = max(peak[0], running[0])
        await asyncio.sleep(0.01)
        running[0] -= 1
        await limit.release(throttled=False)
    await asyncio.gather(*(request() for _ in range(10)))
    assert peak[0] == 2
