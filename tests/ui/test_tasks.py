"""The window's named background tasks: kept while they run, cancellable, a newer one replacing an older one of the
same name when asked, and a failure reported with the task's name and the error in words."""

import asyncio

from campsync_gui.dynamics.errors import ServiceError
from campsync_gui.ui.tasks import TaskManager


def test_tasks_are_kept_by_name_until_they_end(qloop):
    tasks = TaskManager()
    gate = asyncio.Event()

    async def work():
        await gate.wait()
        return "done"

    first = tasks.start("pull", work())
    second = tasks.start("pull", work())  # not replacing: both run, the newer one numbered
    assert tasks.names() == ["pull", "pull #2"] and tasks.running("pull") and tasks.busy()
    gate.set()
    assert qloop.run_until_complete(first) == "done" and qloop.run_until_complete(second) == "done"
    qloop.run_until_complete(asyncio.sleep(0))
    assert tasks.names() == [] and not tasks.busy()


def test_a_newer_task_replaces_an_older_one_of_the_same_name(qloop):
    tasks = TaskManager()
    failures = []
    tasks.failed.connect(lambda name, message: failures.append((name, message)))

    async def forever():
        await asyncio.Event().wait()

    old = tasks.start("refresh views", forever())
    new = tasks.start("refresh views", asyncio.sleep(0, "fresh"), replace=True)
    assert qloop.run_until_complete(new) == "fresh"
    assert old.cancelled(), "the older one was cancelled"
    assert failures == [], "a cancelled task is not a failure"


def test_a_failure_is_reported_with_the_task_name_and_the_message_for_a_person(qloop):
    tasks = TaskManager()
    failures = []
    tasks.failed.connect(lambda name, message: failures.append((name, message)))

    async def broken():
        raise ServiceError("Dynamics is down for maintenance (HTTP 503)", status=503)

    task = tasks.start("send to Dynamics", broken())
    qloop.run_until_complete(asyncio.wait([task]))
    assert failures == [("send to Dynamics", "Dynamics is down for maintenance (HTTP 503)")]


def test_a_store_that_stops_answering_is_said_in_words_without_a_traceback(qloop, caplog):
    """A team's PostgreSQL restarting while the window refreshes: the failure is said in a sentence a person can act
    on, and the log gets one line, not a traceback (the server going away is not a bug)."""
    import logging

    from sqlalchemy.exc import OperationalError

    tasks = TaskManager()
    failures = []
    tasks.failed.connect(lambda name, message: failures.append((name, message)))

    async def broken():
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    with caplog.at_level(logging.WARNING):
        task = tasks.start("refresh views", broken())
        qloop.run_until_complete(asyncio.wait([task]))
    assert failures == [("refresh views", "the store is not answering (connection refused); nothing queued is lost, "
                                          "try again once it answers")]
    assert "Traceback" not in caplog.text and not any(r.exc_info for r in caplog.records)


def test_shutdown_cancels_what_still_runs_and_waits_for_it(qloop):
    tasks = TaskManager()
    ended = []

    async def long_work():
        try:
            await asyncio.Event().wait()
        finally:
            ended.append("cleaned up")

    tasks.start("scheduler", long_work())
    qloop.run_until_complete(asyncio.sleep(0))
    qloop.run_until_complete(tasks.shutdown(timeout=5))
    assert ended == ["cleaned up"] and not tasks.busy()


def test_a_task_is_cancelled_by_its_name(qloop):
    tasks = TaskManager()
    running = tasks.start("import people", asyncio.Event().wait())
    tasks.cancel("import people")
    qloop.run_until_complete(asyncio.wait([running]))
    assert running.cancelled() and not tasks.running("import people")
