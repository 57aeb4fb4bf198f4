"""in_parallel: the engine's batches a few at a time, stopping the way a serial loop stops."""

import asyncio

import pytest

from campsync_gui.core.parallel import in_parallel


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
