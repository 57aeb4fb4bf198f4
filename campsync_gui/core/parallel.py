"""Run the engine's requests a few at a time, as Dataverse advises ("Send parallel requests"), and end the way the
one-after-the-other loop did: the first error stops new work and is raised once what is in flight has finished."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


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


class Followups:
    """What follows an answer (recording it in the store), run beside the next requests: a job hands its follow-up
    here and frees its place at once, so the org has the next batch while this one is recorded (when each job
    recorded its own answer first, the org sat idle for the time of every recording). The first failure stops new
    jobs through `failed` and is raised by `finish`, once every follow-up has ended."""

    def __init__(self) -> None:
        self._tasks: list[asyncio.Task] = []
        self.failure: BaseException | None = None

    @property
    def failed(self) -> bool:
        return self.failure is not None

    def start(self, work: Awaitable[None]) -> None:
        task = asyncio.ensure_future(work)
        task.add_done_callback(self._ended)
        self._tasks.append(task)

    def _ended(self, task: asyncio.Task) -> None:
        if not task.cancelled() and task.exception() is not None and self.failure is None:
            self.failure = task.exception()

    async def finish(self) -> None:
        """Wait for every follow-up; cancelled meanwhile, the gather cancels those still running (what they had not
        recorded stays "sent", and sending it again is harmless)."""
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self.failure is not None:
            raise self.failure


def ask_early(question: Awaitable[T]) -> asyncio.Task[T]:
    """Start a request whose answer may be wanted later (or not at all): its failure is the later caller's to handle
    by asking again, so an answer nobody awaited is never reported as an unretrieved error."""
    task = asyncio.ensure_future(question)
    task.add_done_callback(_retrieve_quietly)
    return task


def _retrieve_quietly(task: asyncio.Task) -> None:
    if not task.cancelled():
        task.exception()
