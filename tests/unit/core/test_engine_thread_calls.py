"""The engine's thread and the bus across threads: results and errors come back, events arrive on the window's
loop in order, and nothing a listener does runs on the engine's thread."""

import asyncio
import threading

import pytest

from campsync_gui.core.engine_thread import EngineThread
from campsync_gui.core.events import Event, EventBus


async def test_a_call_runs_on_the_engine_thread_and_returns_its_result():
    worker = EngineThread()
    try:
        async def where():
            return threading.get_ident()
        assert await worker.call(where) != threading.get_ident()
    finally:
        worker.stop()


async def test_an_error_on_the_engine_thread_reaches_the_caller():
    worker = EngineThread()
    try:
        async def fails():
            raise ValueError("the org is unreachable")
        with pytest.raises(ValueError, match="unreachable"):
            await worker.call(fails)
    finally:
        worker.stop()


async def test_cancelling_the_caller_cancels_the_work_there():
    worker = EngineThread()
    cancelled = threading.Event()
    try:
        async def long_run():
            try:
                await asyncio.sleep(30)
            except asyncio.CancelledError:
                cancelled.set()
                raise
        task = asyncio.ensure_future(worker.call(long_run))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert await asyncio.to_thread(cancelled.wait, 5)
    finally:
        worker.stop()


async def test_events_published_on_another_thread_arrive_on_the_loop_in_order():
    bus = EventBus()
    bus.deliver_on(asyncio.get_running_loop())
    heard = []
    bus.subscribe(lambda event: heard.append((event.data["n"], threading.get_ident())))

    def publish_many():
        for n in range(2000):
            bus.publish(Event("outbox", {"n": n}))
    await asyncio.to_thread(publish_many)
    await bus.drained()
    assert [n for n, _ in heard] == list(range(2000))
    assert {thread for _, thread in heard} == {threading.get_ident()}


async def test_events_published_on_the_loops_own_thread_are_delivered_at_once():
    bus = EventBus()
    bus.deliver_on(asyncio.get_running_loop())
    heard = []
    bus.subscribe(heard.append)
    bus.publish(Event("problem", {"message": "x"}))
    assert len(heard) == 1 and bus.backlog == 0
