"""The window's background work, as FeelUOwn's task manager keeps it: every task has a name, is kept until it ends,
can be cancelled, and a failure is shown to the person (never lost in a log nobody reads)."""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Coroutine

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from ..core.automation.library import LibraryError
from ..core.store import STORE_OUTAGES, outage_reason
from ..core.workspace import NotConnected
from ..dynamics.errors import DynamicsError
from .i18n import translate

log = logging.getLogger(__name__)

# A task's name is its id (running(), cancel(), replace, the log), in English; a failure shows it to the person in
# their language (task_title). The names the window's tasks are started with, marked for the translators:
TASK_NAMES = (
    QT_TRANSLATE_NOOP("TaskManager", "add to campaign"), QT_TRANSLATE_NOOP("TaskManager", "remove from campaign"),
    QT_TRANSLATE_NOOP("TaskManager", "undo"), QT_TRANSLATE_NOOP("TaskManager", "redo"),
    QT_TRANSLATE_NOOP("TaskManager", "retry"), QT_TRANSLATE_NOOP("TaskManager", "send to Dynamics"),
    QT_TRANSLATE_NOOP("TaskManager", "undo and redo labels"), QT_TRANSLATE_NOOP("TaskManager", "read from Dynamics"),
    QT_TRANSLATE_NOOP("TaskManager", "import people"), QT_TRANSLATE_NOOP("TaskManager", "run batch campaign"),
    QT_TRANSLATE_NOOP("TaskManager", "scheduler"), QT_TRANSLATE_NOOP("TaskManager", "switch connection"),
    QT_TRANSLATE_NOOP("TaskManager", "refresh after enabling sync"), QT_TRANSLATE_NOOP("TaskManager", "refresh views"),
    QT_TRANSLATE_NOOP("TaskManager", "prepare engine"), QT_TRANSLATE_NOOP("TaskManager", "check sign-in"),
    QT_TRANSLATE_NOOP("TaskManager", "sign in"), QT_TRANSLATE_NOOP("TaskManager", "test connectivity"),
    QT_TRANSLATE_NOOP("TaskManager", "keep secret"), QT_TRANSLATE_NOOP("TaskManager", "draw membership chart"),
    QT_TRANSLATE_NOOP("TaskManager", "draw events chart"),
)


def task_title(name: str) -> str:
    """A task's name in the person's language ("import people #2": the number stays); a name not marked in
    TASK_NAMES is shown as it is."""
    base, hash_, number = name.partition(" #")
    return translate("TaskManager", base) + hash_ + number


def describe_failure(exc: BaseException) -> str:
    """A failure in words for a person: the org's or the core's own message, else the kind of error."""
    if isinstance(exc, DynamicsError):
        return exc.message
    if isinstance(exc, STORE_OUTAGES):
        return translate("TaskManager", "the store is not answering ({reason}); nothing queued is lost, try again once "
                                        "it answers").format(reason=outage_reason(exc))
    if isinstance(exc, (NotConnected, LibraryError, OSError, ValueError)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


class TaskManager(QObject):
    failed = Signal(str, str)  # the task's name, what went wrong in words

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._tasks: dict[str, asyncio.Task] = {}
        self._numbers = itertools.count(2)

    def start(self, name: str, work: Coroutine, *, replace: bool = False) -> asyncio.Task:
        """Run `work` in the background as the task `name` and return it. With `replace`, a task of that name still
        running is cancelled first (newer work supersedes it); otherwise both run, the newer one numbered."""
        current = self._tasks.get(name)
        if current is not None and not current.done():
            if replace:
                current.cancel()
            else:
                name = f"{name} #{next(self._numbers)}"
        task = asyncio.ensure_future(work)
        task.set_name(name)
        self._tasks[name] = task
        task.add_done_callback(self._finished)
        return task

    def running(self, name: str) -> bool:
        task = self._tasks.get(name)
        return task is not None and not task.done()

    def names(self) -> list[str]:
        return [name for name, task in self._tasks.items() if not task.done()]

    def busy(self) -> bool:
        return any(not task.done() for task in self._tasks.values())

    def cancel(self, name: str) -> None:
        task = self._tasks.get(name)
        if task is not None:
            task.cancel()

    async def shutdown(self, timeout: float = 15.0) -> None:
        """Cancel every task and wait (at most `timeout`) until each has ended."""
        tasks = [task for task in self._tasks.values() if not task.done()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=timeout)

    def _finished(self, task: asyncio.Task) -> None:
        name = task.get_name()
        if self._tasks.get(name) is task:
            del self._tasks[name]
        if not task.cancelled() and task.exception() is not None:
            exc = task.exception()
            if isinstance(exc, STORE_OUTAGES):  # a team's server restarting: not a bug, no traceback
                log.warning("task %r failed: the store did not answer (%s)", name, outage_reason(exc))
            else:
                log.error("task %r failed", name, exc_info=(type(exc), exc, exc.__traceback__))
            self.failed.emit(name, describe_failure(exc))
