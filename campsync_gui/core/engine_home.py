"""Where a workspace's sync runs and enqueues happen: on the caller's loop (the command line, tests), on the
engine's own thread (engine_thread.py), or in the engine's own process (engine_process.py: the window's choice).

Whichever it is, the caller gets the same RunReport and request id, and the bus delivers the engine's events on
the caller's loop. A process that cannot start leaves the work to the thread, said once in the log; one that ends
mid-run is reported as that run's problem, its rows go back to the queue, and the next run starts a new one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from array import array
from collections.abc import Callable

from ..language import translate
from . import engine_pipe as pipe, flows, log_key, triggers
from .engine import SyncEngine
from .engine_process import EngineCannotStart, EngineGone, EngineProcess
from .engine_thread import SWITCH_INTERVAL_S, EngineThread, on_loop
from .events import PROBLEM, Event
from .outbox import RunReport, new_request_id

log = logging.getLogger(__name__)


class EngineHome:
    def __init__(self, workspace) -> None:
        """`workspace`: the Workspace these runs are for (its store, bus, org client and main engine)."""
        self._ws = workspace
        self._thread: EngineThread | None = None
        self._there: SyncEngine | None = None  # the engine on the thread, built there
        self.process: EngineProcess | None = None

    # ---- choosing -------------------------------------------------------------------------------------------

    def use_thread(self) -> None:
        """Runs go to the engine's own thread; the bus delivers their events on the calling loop."""
        if self._thread is None:
            self._thread = EngineThread()
            self._ws.bus.deliver_on(asyncio.get_running_loop())

    def use_process(self) -> bool:
        """Runs and enqueues go to the engine's own process (started on first use, or by `prepare`); False, and the
        thread instead, for a store only this process can see (in memory)."""
        if _child_store_url(self._ws.db) is None:
            self.use_thread()
            return False
        if self.process is None:
            self.process = EngineProcess(self._child_setup, self._ws.bus, lambda: self._ws.client.tokens)
            self._ws.bus.deliver_on(asyncio.get_running_loop())
            # The pipe's reader thread takes the interpreter lock for each frame it reads: a short switch interval
            # keeps the window's thread from waiting the default 5 ms for it.
            if sys.getswitchinterval() > SWITCH_INTERVAL_S:
                sys.setswitchinterval(SWITCH_INTERVAL_S)
        return True

    async def prepare(self) -> None:
        """Start the engine's process now (the window, once its first load is done), so a first drop does not wait
        for it."""
        if self.process is not None:
            with contextlib.suppress(EngineGone):
                await self._started()

    # ---- the work -------------------------------------------------------------------------------------------

    def release_leftovers(self) -> int:
        """Rows a run of this workspace's engine still holds though no run is going on (it stopped mid-batch: the
        store went away under it) go back to the queue; `recover` leaves a live worker's rows alone, and they waited
        for the 15-minute lease. Called before each run; returns how many."""
        outbox = self._ws.sync.outbox
        held = outbox.mine(self.process.worker_id if self.process is not None else None)
        outbox.release(held)
        return len(held)

    async def run(self, stop: asyncio.Event, progress: Callable[[int, int], None] | None) -> RunReport:
        ws = self._ws
        if self.process is not None and await self._started():
            main = ws.sync
            request = pipe.RunRequest(main.privilege_problem, main.prerequisite_state, float(ws.client.bulk_timeout))
            try:
                report = await self.process.run(request, stop=stop, progress=progress)
            except EngineGone as exc:
                report = self._lost(exc)
            await ws.bus.drained()  # trigger campaigns hear every confirmation before the run is over
            return report
        if self._thread is None:
            return await ws.sync.run(stop=stop, progress=progress)
        here, main = asyncio.get_running_loop(), ws.sync

        async def run_there() -> RunReport:
            engine = self._thread_engine()
            # What this side learnt before the run: readiness is checked (and signed-in privileges) here.
            engine.privilege_problem = main.privilege_problem
            engine.adopt_prerequisite(main)
            return await engine.run(stop=stop, progress=on_loop(here, progress) if progress else None)

        report = await self._thread.call(run_there)
        await ws.bus.drained()
        return report

    async def enqueue(self, plan: flows.Plan, *, origin: str, actor: str, request_id: str | None) -> str:
        """Write the plan's outbox rows away from the window's loop (on it, 10,000 rows were stalls of 20–30 ms)."""
        ws = self._ws
        if self.process is not None and await self._started():
            request_id = request_id or new_request_id()
            person_ids, outcomes = await _runnable_arrays(plan)
            request = pipe.EnqueueRequest(plan.action, plan.campaign_id, plan.campaign_name, person_ids, outcomes,
                                          origin, request_id, actor)
            try:
                return await self.process.enqueue(request)
            except EngineGone as exc:
                self._lost(exc)
                if ws.sync.rows_of(request_id):
                    return request_id  # queued whole before the process ended
                return await ws.sync.enqueue_in_slices(plan, origin=origin, request_id=request_id, actor=actor)
        if self._thread is None:
            return await ws.sync.enqueue_in_slices(plan, origin=origin, request_id=request_id, actor=actor)
        return await self._thread.call(lambda: self._thread_engine().enqueue_in_slices(
            plan, origin=origin, request_id=request_id, actor=actor))

    async def aclose(self) -> None:
        if self.process is not None:
            await self.process.aclose()
        if self._thread is not None:
            there, self._there = self._there, None
            if there is not None and there.client is not None:
                await self._thread.call(there.client.aclose)
            self._thread.stop()
            self._thread = None

    # ---- inside ---------------------------------------------------------------------------------------------

    async def _started(self) -> bool:
        """The process is ready; False (and the thread from now on) when it cannot start."""
        assert self.process is not None
        try:
            await self.process.start()
            return True
        except EngineCannotStart as exc:
            log.warning("%s; syncs run on a thread of the window's process instead", exc)
            self.process = None
            self.use_thread()
            return False

    def _lost(self, exc: EngineGone) -> RunReport:
        """The process ended under a call: what it held goes back to the queue, and the person is told."""
        ws = self._ws
        ws.sync.outbox.recover()
        message = translate("EngineProcess", "{problem}; the actions it had not sent are back in the queue").format(
            problem=exc)
        ws.bus.publish(Event(PROBLEM, {"message": message}))
        return RunReport(problems=[message], left_pending=ws.sync.pending_count())

    def _thread_engine(self) -> SyncEngine:
        """The engine on the engine's thread (built there, on first use): the same store, bus and outbox worker as
        `sync`, with its own connections to the org (a client belongs to one event loop)."""
        if self._there is None or self._there.client is None:
            engine = self._ws._new_engine(self._ws.client.sibling())
            engine.worker_id = self._ws.sync.worker_id
            self._there = engine
        return self._there

    def _child_setup(self) -> pipe.ChildSetup:
        ws = self._ws
        client, conn = ws.client, ws.connection
        url = _child_store_url(ws.db)
        assert url is not None
        path, key = triggers.store_path(ws.db), None
        if path is not None:
            # A key that cannot be used now: the child meets the same problem when it writes, and says it.
            with contextlib.suppress(log_key.LogKeyError):
                found = log_key.find_key(path)
                key = (str(path), found.secret, found.source) if found is not None else None
        return pipe.ChildSetup(
            store_url=url, scope=ws.scope, org_url=client.org_url, authority_host=conn.authority_host,
            ca_bundle=conn.ca_bundle, timeout=float(client._settings["timeout"]),
            bulk_timeout=float(client.bulk_timeout), retry=client.retry, dop_hint=client.dop_hint,
            batch_missing=client.batch_missing,
            create_multiple_missing=client._create_multiple_missing, log_key=key)


ARRAY_SLICE = 20_000  # plan items turned into the request's arrays per turn of the event loop (a few ms)


async def _runnable_arrays(plan: flows.Plan) -> tuple[bytes, bytes]:
    """The plan's runnable people for an EnqueueRequest, a slice at a time with the event loop running between."""
    codes = {outcome: code for code, outcome in enumerate(flows.RUNNABLE)}
    person_ids, outcomes = array("q"), bytearray()
    items = plan.items
    for start in range(0, len(items), ARRAY_SLICE):
        for item in items[start:start + ARRAY_SLICE]:
            code = codes.get(item.outcome)
            if code is not None:
                person_ids.append(item.person.id)
                outcomes.append(code)
        await asyncio.sleep(0)
    return person_ids.tobytes(), bytes(outcomes)


def _child_store_url(db) -> str | None:
    """The store's URL for another process (with its password: it goes down a private pipe, never a command line);
    None for a store in memory, which no other process can open."""
    url = db.url
    if url.get_backend_name() == "sqlite" and (url.database or ":memory:") == ":memory:":
        return None
    return url.render_as_string(hide_password=False)
