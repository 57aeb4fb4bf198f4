"""in_parallel: the engine's batches a few at a time, stopping the way a serial loop stops."""

import asyncio

import pytest

from campsync_gui.core.parallel import Followups, ask_early, in_parallel


def recorder(log, running, peak, name, *, fail=False, delay=0.01):
    async def job():
        running.append(name)
        peak[0] = max(peak[0], len(running))
        await asyncio.sleep(delay)
        running.remove(name)
        if fail:
            raise ValueError(f"{name} failed")
        log.append(name)
    return job


async def test_never_more_jobs_in_flight_than_the_limit_and_every_job_runs_once():
    log, running, peak = [], [], [0]
    await in_parallel([recorder(log, running, peak, n) for n in range(10)], 3)
    assert sorted(log) == list(range(10)) and peak[0] == 3


async def test_a_failure_stops_new_jobs_lets_running_ones_finish_and_is_raised():
    log, running, peak = [], [], [0]
    jobs = [recorder(log, running, peak, 0, fail=True, delay=0.01), recorder(log, running, peak, 1, delay=0.05)]
    jobs += [recorder(log, running, peak, n) for n in range(2, 10)]
    with pytest.raises(ValueError, match="0 failed"):
        await in_parallel(jobs, 2)
    assert 1 in log  # in flight when the first failed: its answer was still recorded
    assert len(log) < 9  # no new job started after the failure


async def test_nothing_starts_once_stopping():
    log, running, peak = [], [], [0]
    await in_parallel([recorder(log, running, peak, n) for n in range(6)], 2, stopping=lambda: len(log) >= 2)
    assert len(log) <= 3


async def test_the_next_request_leaves_while_the_answer_before_it_is_still_being_recorded():
    """One request at a time: the second is sent before the first answer's recording has finished."""
    followups, order = Followups(), []

    async def record(name):
        order.append(f"recording {name}")
        await asyncio.sleep(0.02)
        order.append(f"recorded {name}")

    def job(name):
        async def send():
            order.append(f"sent {name}")
            await asyncio.sleep(0.01)  # the answer
            followups.start(record(name))
        return send

    await in_parallel([job(1), job(2)], 1, stopping=lambda: followups.failed)
    await followups.finish()
    assert order.index("sent 2") < order.index("recorded 1")
    assert {"recorded 1", "recorded 2"} <= set(order)


async def test_a_failed_recording_stops_new_requests_and_is_raised_once_the_others_are_recorded():
    followups, sent, recorded = Followups(), [], []

    async def record(name):
        await asyncio.sleep(0.03 if name == 1 else 0)
        if name == 0:
            raise OSError("disk full")
        recorded.append(name)

    def job(name):
        async def send():
            sent.append(name)
            await asyncio.sleep(0.01)
            followups.start(record(name))
        return send

    await in_parallel([job(n) for n in range(6)], 2, stopping=lambda: followups.failed)
    with pytest.raises(OSError, match="disk full"):
        await followups.finish()
    assert 1 in recorded, "a recording under way when another failed still finished"
    assert len(sent) < 6, "no request left once a recording had failed"


async def test_cancelled_while_waiting_cancels_the_recordings_still_running():
    followups, started = Followups(), asyncio.Event()

    async def record():
        started.set()
        await asyncio.sleep(10)

    followups.start(record())
    waiting = asyncio.ensure_future(followups.finish())
    await started.wait()
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    await asyncio.sleep(0)
    assert all(task.cancelled() for task in followups._tasks)


async def test_an_early_question_nobody_waits_for_fails_quietly_and_one_awaited_tells_its_failure():
    heard = []
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda _loop, context: heard.append(context["message"]))

    async def refused():
        raise ValueError("no")

    unused = ask_early(refused())
    used = ask_early(refused())
    await asyncio.sleep(0)
    with pytest.raises(ValueError):
        await used
    del unused
    import gc
    gc.collect()
    await asyncio.sleep(0)
    assert heard == [], "an answer nobody needed is not reported as an unretrieved error"
