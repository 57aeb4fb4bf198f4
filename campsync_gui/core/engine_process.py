"""The window's side of the engine process (engine_child.py): start it, hand it runs and enqueues, and bring back
what it sends (events onto the window's bus, progress, log lines, results), answering its requests for tokens.

Qt-free and loop-agnostic: the pipe is read by a plain thread, which only unpickles and hands frames to the
window's loop (events go through the bus, which already delivers another thread's events on that loop a few
milliseconds at a time). If the process ends unexpectedly, the calls waiting on it fail with EngineGone and the
next call starts a new one; the rows it held go back to the queue (`Outbox.recover`: their owner's pid is dead).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any

from ..language import translate
from . import engine_pipe as pipe
from .events import EventBus

log = logging.getLogger(__name__)

CHILD_FLAG = "--campsync-engine-child"  # the frozen app's way in (campsync_gui/__main__.py): it has no `-m`
EXIT_PATIENCE_S = 20.0  # the child's own patience for a batch in flight (15 s), and its goodbyes


class EngineGone(RuntimeError):
    """The engine's process ended under a call (its message says why); the rows it held go back to the queue."""


class EngineCannotStart(EngineGone):
    """The engine's process could not start, or could not open the store or reach the org's settings."""


def child_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_FLAG]
    return [sys.executable, "-m", "campsync_gui.core.engine_child"]


class EngineProcess:
    """One engine process at a time, started on first use. `setup()` says what the child needs when it starts;
    `tokens` is the window's token provider, which the child asks for each token."""

    def __init__(self, setup: Callable[[], pipe.ChildSetup], bus: EventBus, tokens: Callable[[], Any]) -> None:
        self._setup = setup
        self._bus = bus
        self._tokens = tokens
        self._proc: subprocess.Popen | None = None
        self._writer: pipe.FrameWriter | None = None
        self._ready: asyncio.Future | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._calls: dict[int, tuple[asyncio.Future, Callable[[int, int], None] | None]] = {}
        self._ids = itertools.count(1)
        self.worker_id: str | None = None  # the rows the child claims carry it
        self.starts = 0  # processes started (a second one means the first ended unexpectedly)

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    async def start(self) -> None:
        """Start the process if none runs, and wait until it has opened the store and is ready for calls."""
        if self._ready is None:
            self._loop = asyncio.get_running_loop()
            self._ready = self._loop.create_future()
            starting = self._ready
            try:
                setup = self._setup()
                self._proc = await asyncio.to_thread(
                    subprocess.Popen, child_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True)
            except Exception as exc:
                self._ready = None
                raise EngineCannotStart(translate("EngineProcess", "the sync engine's process could not start "
                                                                   "({problem})").format(problem=exc)) from exc
            self.starts += 1
            self._writer, self._calls = pipe.FrameWriter(self._proc.stdin), {}
            threading.Thread(target=self._read, args=(self._proc, starting, self._calls),
                             name="campsync-engine-reader", daemon=True).start()
            self._send(pipe.SETUP, setup)
        await asyncio.shield(self._ready)

    async def run(self, request: pipe.RunRequest, *, stop: asyncio.Event,
                  progress: Callable[[int, int], None] | None = None):
        """One engine run in the child (a RunReport). Setting `stop` stops it after its batch in flight; cancelling
        the caller abandons it."""
        await self.start()
        call_id, answer = self._call(progress)
        self._send(pipe.RUN, call_id, request)
        watch = asyncio.ensure_future(stop.wait())
        watch.add_done_callback(lambda done: done.cancelled() or self._send(pipe.STOP, call_id))
        try:
            return await answer
        except asyncio.CancelledError:
            self._send(pipe.CANCEL, call_id)
            raise
        finally:
            watch.cancel()

    async def enqueue(self, request: pipe.EnqueueRequest) -> str:
        """Write a plan's outbox rows in the child; the request id."""
        await self.start()
        call_id, answer = self._call(None)
        # Megabytes for a big drop: written from a helper thread, which waits for the child to read them while the
        # window's loop runs on.
        await asyncio.to_thread(self._send, pipe.ENQUEUE, call_id, request)
        return await answer

    async def aclose(self) -> None:
        """Ask the child to finish (its run in flight ends its batch) and wait for it to leave; killed if it will
        not."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        self._send(pipe.CLOSE)
        with contextlib.suppress(OSError):
            proc.stdin.close()
        try:
            await asyncio.to_thread(proc.wait, EXIT_PATIENCE_S)
        except subprocess.TimeoutExpired:
            log.warning("the sync engine's process did not finish in %.0f s; stopped", EXIT_PATIENCE_S)
            proc.kill()
            await asyncio.to_thread(proc.wait)
        self._ready = None

    # ---- the pipe ---------------------------------------------------------------------------------------

    def _call(self, progress: Callable[[int, int], None] | None) -> tuple[int, asyncio.Future]:
        assert self._loop is not None
        call_id, answer, calls = next(self._ids), self._loop.create_future(), self._calls
        calls[call_id] = (answer, progress)
        answer.add_done_callback(lambda _f: calls.pop(call_id, None))
        return call_id, answer

    def _send(self, *frame: object) -> bool:
        if self._writer is None:
            return False
        try:
            self._writer.write(*frame)
            return True
        except (OSError, ValueError):  # the process has gone: the reader says so to everyone waiting
            return False

    def _read(self, proc: subprocess.Popen, ready: asyncio.Future, calls: dict) -> None:
        """The reader thread: events straight onto the bus (it delivers them on the window's loop, in order), log
        lines into this process's log, everything else to the window's loop."""
        assert self._loop is not None
        loop = self._loop
        while True:
            try:
                frame = pipe.read_frame(proc.stdout)
            except Exception as exc:  # a frame that cannot be read: the child is not what it should be
                log.error("the sync engine's process sent something unreadable (%s)", exc)
                frame = None
            if frame is None:
                break
            kind = frame[0]
            if kind == pipe.EVENT:
                self._bus.publish(frame[1])
            elif kind == pipe.LOG:
                logging.getLogger(frame[1]).log(frame[2], "%s", frame[3])
            else:
                self._later(loop, self._on_frame, frame, ready, calls)
        code = proc.wait()
        self._later(loop, self._on_gone, proc, ready, calls, code)

    @staticmethod
    def _later(loop: asyncio.AbstractEventLoop, callback, *args) -> None:
        with contextlib.suppress(RuntimeError):  # the window's loop is closed: nobody is waiting any more
            loop.call_soon_threadsafe(callback, *args)

    def _on_frame(self, frame: tuple, ready: asyncio.Future, calls: dict) -> None:
        kind = frame[0]
        if kind == pipe.READY:
            self.worker_id = frame[1]
            if not ready.done():
                ready.set_result(None)
        elif kind == pipe.FATAL:
            if not ready.done():
                ready.set_exception(EngineCannotStart(translate(
                    "EngineProcess", "the sync engine's process could not start: {problem}").format(problem=frame[1])))
        elif kind == pipe.PROGRESS:
            waiting = calls.get(frame[1])
            if waiting is not None and waiting[1] is not None:
                waiting[1](frame[2], frame[3])
        elif kind in (pipe.RESULT, pipe.ERROR):
            waiting = calls.get(frame[1])
            if waiting is not None and not waiting[0].done():
                if kind == pipe.RESULT:
                    waiting[0].set_result(frame[2])
                else:
                    waiting[0].set_exception(frame[2])
        elif kind == pipe.TOKEN:
            asyncio.ensure_future(self._give_token(frame[1], frame[2]))

    async def _give_token(self, token_id: int, force_refresh: bool) -> None:
        try:
            token = await self._tokens().get_token(force_refresh=force_refresh)
        except Exception as exc:  # the child's request fails as it would have here
            self._send(pipe.TOKEN, token_id, None, pipe.portable_error(exc))
        else:
            self._send(pipe.TOKEN, token_id, token, None)

    def _on_gone(self, proc: subprocess.Popen, ready: asyncio.Future, calls: dict, code: int) -> None:
        if ready is self._ready:  # this process, not one started since: the next call starts a new one
            self._ready, self._writer = None, None
            if self._proc is proc:
                self._proc = None
        gone = EngineGone(translate("EngineProcess", "the sync engine's process ended unexpectedly (exit code "
                                                     "{code})").format(code=code))
        if not ready.done():
            ready.set_exception(EngineCannotStart(translate("EngineProcess", "the sync engine's process ended as it "
                                                                             "started (exit code {code})").format(
                code=code)))
        for answer, _progress in list(calls.values()):
            if not answer.done():
                answer.set_exception(gone)
        if code != 0:
            log.error("the sync engine's process ended with exit code %s", code)
