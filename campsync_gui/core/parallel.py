"""Run the engine's requests a few at a time, as Dataverse advises ("Send parallel requests"), and end the way the
one-after-the-other loop did: the first error stops new work and is raised once what is in flight has finished."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence


async def in_parallel(jobs: Sequence[Callable[[], Awaitable[None]]], limit: int, *,
                      stopping: Callable[[], bool] = lambda: False) -> None:
    """Run `jobs` with at most `limit` at once, in order of start. No job starts once `stopping()` is true or one
    has failed; jobs already running finish (their answers are recorded) before the first failure is raised, so a
    caller sees the same state as after a serial loop that stopped at that job."""
    if limit <= 1 or len(jobs) <= 1:
        for job in jobs:
            if stopping():
                return
            await job()
        return
    pending = iter(jobs)
    failure: BaseException | None = None

    async def worker() -> None:
        nonlocal failure
        for job in pending:  # one shared iterator: each job is taken by exactly one worker
            if failure is not None or stopping():
                return
            try:
                await job()
            except Exception as exc:  # noqa: BLE001 - kept and raised below, after the others finish
                failure = failure or exc
                return

    await asyncio.gather(*(worker() for _ in range(min(limit, len(jobs)))))
    if failure is not None:
        raise failure
