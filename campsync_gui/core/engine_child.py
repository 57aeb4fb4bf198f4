"""The sync engine in a process of its own, for the window: `python -m campsync_gui.core.engine_child`, started and
fed by engine_process.EngineProcess over its stdin and stdout (engine_pipe.py).

Why a process: in the window's process the engine's store work (claims, confirmations, the trigger log's hashes)
held the interpreter lock, and the window waited for it: 20–35 ms stalls in every 10,000-person drop, whatever
the thread switch interval. Here it has an interpreter of its own; the window only reads the events it sends.

The child opens the same store and talks to the same org with its own connections. It holds no secret of the
org's: it asks the window for every token. Its log lines go to the window's log; its trigger events, outbox
changes and problems to the window's event bus. When the window goes (its end of the pipe closes), the run in
flight finishes its batch and the child leaves; the rows it had not sent are claimed by its process id, which
`Outbox.recover` hands back once the process is gone.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
import threading
from types import SimpleNamespace
from typing import BinaryIO

from ..language import translate
from . import engine_pipe as pipe

log = logging.getLogger(__name__)

CLOSING_PATIENCE_S = 15.0  # how long a run in flight may take to finish its batch when the window leaves


class PipeTokens:
    """The token provider of the child's client: each token is asked of the window, which signs in."""

    def __init__(self, writer: pipe.FrameWriter) -> None:
        self._writer = writer
        self._waiting: dict[int, asyncio.Future] = {}
        self._next_id = 0
        self._gone: BaseException | None = None

    async def get_token(self, *, force_refresh: bool = False) -> str:
        if self._gone is not None:
            raise self._gone
        self._next_id += 1
        token_id, answer = self._next_id, asyncio.get_running_loop().create_future()
        self._waiting[token_id] = answer
        self._writer.write(pipe.TOKEN, token_id, force_refresh)
        try:
            return await answer
        finally:
            self._waiting.pop(token_id, None)

    def answer(self, token_id: int, token: str | None, error: BaseException | None) -> None:
        waiting = self._waiting.get(token_id)
        if waiting is None or waiting.done():
            return
        if error is not None:
            waiting.set_exception(error)
        else:
            waiting.set_result(token)

    def window_gone(self) -> None:
        """No more tokens: a request waiting for one fails as a sign-in that cannot be done now."""
        from ..dynamics.errors import AuthError

        self._gone = AuthError(translate("EngineProcess", "the window that signs in has closed"))
        for waiting in self._waiting.values():
            if not waiting.done():
                waiting.set_exception(self._gone)

    def close(self) -> None:
        pass


class ForwardToWindow(logging.Handler):
    """Log records go to the window, which writes them to its own log file (one log for the app)."""

    def __init__(self, writer: pipe.FrameWriter) -> None:
        super().__init__(logging.INFO)
        self._writer = writer

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = self.format(record) if record.exc_info else record.getMessage()
            self._writer.write(pipe.LOG, record.name, record.levelno, message)
        except Exception:  # the window has gone: nobody is left to read it
            pass


def _open_engine(setup: pipe.ChildSetup, writer: pipe.FrameWriter, tokens: PipeTokens):
    from ..dynamics.client import DataverseClient
    from ..dynamics.tls import connection_trust
    from . import log_key
    from .events import EventBus
    from .store import open_store
    from .workspace import build_engine

    db = open_store(setup.store_url)
    if setup.log_key is not None:
        path, secret, source = setup.log_key
        log_key.remember(path, log_key.LogKey(secret, source))
    trust = connection_trust(SimpleNamespace(org_url=setup.org_url, authority_host=setup.authority_host,
                                             ca_bundle=setup.ca_bundle))
    client = DataverseClient(setup.org_url, tokens, ssl_context=trust.context_for(setup.org_url),
                             retry=setup.retry, timeout=setup.timeout, bulk_timeout=setup.bulk_timeout)
    client.dop_hint, client.batch_missing = setup.dop_hint, setup.batch_missing
    client.in_flight.follow(setup.dop_hint)
    client._create_multiple_missing = setup.create_multiple_missing
    bus = EventBus()
    bus.subscribe(lambda event: writer.write(pipe.EVENT, event))
    return db, build_engine(db, client, scope=setup.scope, bus=bus)


async def _run(engine, request: pipe.RunRequest, stop: asyncio.Event, call_id: int, writer: pipe.FrameWriter):
    engine.privilege_problem = request.privilege_problem
    engine.adopt_prerequisite_state(request.prerequisite)
    engine.client.bulk_timeout = request.bulk_timeout
    return await engine.run(stop=stop, progress=lambda done, total: writer.write(pipe.PROGRESS, call_id, done, total))


async def _enqueue(engine, request: pipe.EnqueueRequest) -> str:
    from array import array

    from . import flows

    person_ids = array("q")
    person_ids.frombytes(request.person_ids)
    plan = flows.Plan(request.action, request.campaign_id, request.campaign_name,
                      [flows.PlanItem(SimpleNamespace(id=person_id), flows.RUNNABLE[code])
                       for person_id, code in zip(person_ids, request.outcomes)])
    return await engine.enqueue_in_slices(plan, origin=request.origin, request_id=request.request_id,
                                          actor=request.actor)


async def serve(setup: pipe.ChildSetup, frames: BinaryIO, writer: pipe.FrameWriter) -> None:
    loop = asyncio.get_running_loop()
    tokens = PipeTokens(writer)
    try:
        db, engine = _open_engine(setup, writer, tokens)
    except Exception as exc:  # the window says it, and runs the engine itself
        writer.write(pipe.FATAL, f"{type(exc).__name__}: {exc}")
        return
    writer.write(pipe.READY, engine.worker_id)
    inbox: asyncio.Queue[tuple | None] = asyncio.Queue()

    def read() -> None:
        while (frame := pipe.read_frame(frames)) is not None:
            loop.call_soon_threadsafe(inbox.put_nowait, frame)
        loop.call_soon_threadsafe(inbox.put_nowait, None)

    threading.Thread(target=read, name="campsync-engine-pipe", daemon=True).start()
    calls: dict[int, tuple[asyncio.Task, asyncio.Event]] = {}

    async def answer(call_id: int, work) -> None:
        try:
            writer.write(pipe.RESULT, call_id, await work)
        except asyncio.CancelledError:
            writer.write(pipe.ERROR, call_id, pipe.portable_error(asyncio.CancelledError()))
        except Exception as exc:
            writer.write(pipe.ERROR, call_id, pipe.portable_error(exc))
        finally:
            calls.pop(call_id, None)

    def start(call_id: int, work, stop: asyncio.Event | None = None) -> None:
        calls[call_id] = (asyncio.ensure_future(answer(call_id, work)), stop or asyncio.Event())

    while (frame := await inbox.get()) is not None:
        kind = frame[0]
        if kind == pipe.RUN:
            stop = asyncio.Event()
            start(frame[1], _run(engine, frame[2], stop, frame[1], writer), stop)
        elif kind == pipe.ENQUEUE:
            start(frame[1], _enqueue(engine, frame[2]))
        elif kind == pipe.STOP and frame[1] in calls:
            calls[frame[1]][1].set()
        elif kind == pipe.CANCEL and frame[1] in calls:
            calls[frame[1]][0].cancel()
        elif kind == pipe.TOKEN:
            tokens.answer(*frame[1:])
        elif kind == pipe.CLOSE:
            break
    else:
        tokens.window_gone()
    await _leave(calls, engine, db)


async def _leave(calls: dict, engine, db) -> None:
    """Let the runs in flight finish their batch (the rest stays queued), then close the org's client and the store."""
    from . import log_seal

    for _task, stop in calls.values():
        stop.set()
    tasks = [task for task, _stop in calls.values()]
    if tasks:
        _done, late = await asyncio.wait(tasks, timeout=CLOSING_PATIENCE_S)
        for task in late:
            task.cancel()
    await engine.client.aclose()
    log_seal.flush()
    db.dispose()


# The window comes first: on a machine with few cores, the engine (and the org's answers it waits for) would
# otherwise take the core the window needs to paint its next frame. The engine still gets every core left idle.
NICENESS = 5


def main() -> int:
    with contextlib.suppress(OSError, AttributeError):  # not on every system
        os.nice(NICENESS)
    # The frames own the real stdout; anything printed by accident goes to stderr, never into a frame.
    frames_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    writer = pipe.FrameWriter(frames_out)
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(ForwardToWindow(writer))
    from ..logs import NOISY

    for name in NOISY:
        logging.getLogger(name).setLevel(logging.WARNING)
    frames_in = sys.stdin.buffer
    first = pipe.read_frame(frames_in)
    if first is None or first[0] != pipe.SETUP:
        return 2
    try:
        asyncio.run(serve(first[1], frames_in, writer))
    except BrokenPipeError:  # the window went while a frame was being written
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
