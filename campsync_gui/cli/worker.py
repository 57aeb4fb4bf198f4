"""`campsync worker` (and its former name, `campsync run-scheduler`): the queue, trigger campaigns, scheduled batch
campaigns and waiting flows, carried out without a window until the worker is told to stop.

For a server or a machine left on at night: what windows and commands queue is sent from here, scheduled batch
campaigns run, waits resume. Each thing done is one line on stdout (problems on stderr), with the time, for a
supervisor's journal. SIGTERM or Ctrl+C: the request in flight is let finish for up to STOP_GRACE_S, the rows the
worker holds go back to the queue (sending one again changes nothing in Dynamics), and it exits 0.

Exit codes, for supervisors: 0 stopped when asked (or `--once` done); 1 a failure it cannot wait out (the store
cannot be read or written: restart it once that is fixed); 2 it cannot start (no org configured, not signed in, a
bad option). An org that cannot be reached is waited out: the worker says so and tries again at the next pass. So
is a team's PostgreSQL server that restarts or drops the connection: once it answers again, the rows the worker
held when it was cut off go back to the queue (Dynamics may have answered for them: sending again changes nothing
there, and their confirmation, which never reached the store, is written then, once).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time

from ..core.events import TRIGGERS
from ..core.store import STORE_OUTAGES, outage_reason
from ..dynamics.errors import DynamicsError
from ..language import plural, translate
from .common import Context, DemoOrgWorkspace, UserError, changes, say

# SIGTERM to exit: container runtimes wait 10 s before they kill; the request in flight gets most of it.
STOP_GRACE_S = 8.0


def _now() -> str:
    return time.strftime("%H:%M:%S")


def _log(message: str, *, problem: bool = False) -> None:
    say(f"{_now()} {message}", file=sys.stderr if problem else sys.stdout, flush=True)


async def cmd_worker(ctx: Context) -> int:
    workspace = ctx.workspace
    if isinstance(workspace, DemoOrgWorkspace):
        raise UserError(translate("Cli", "no org is configured for the worker: add one with `campsync profile add` "
                                         "or set the CAMPSYNC_ORG_URL, CAMPSYNC_TENANT_ID, CAMPSYNC_CLIENT_ID and "
                                         "CAMPSYNC_CLIENT_SECRET variables (the demo org is the window's, for trying "
                                         "CampSync)"))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()

    def on_signal() -> None:
        if not stop.is_set():
            _log(translate("Cli", "stopping: the request in flight finishes, the rest stays queued"))
        stop.set()
        workspace.stop_running()

    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, on_signal)
    workspace.connect()  # says now, not at the first queued row, when the org cannot be reached
    confirmed = _count_confirmations(workspace)
    seen: dict = {}  # what the last pass found (who runs the schedule), so that a change is said once
    _log(translate("Cli", "worker {worker} started (pid {pid}): sends the queue, runs trigger and scheduled "
                          "campaigns and waiting flows; looks every {interval} s. SIGTERM or Ctrl+C stops it.").format(
        worker=workspace.sync.worker_id, pid=os.getpid(), interval=f"{ctx.args.interval:g}"))
    try:
        while not stop.is_set():
            one = asyncio.ensure_future(_one_pass(workspace, confirmed, seen))
            stopped = asyncio.ensure_future(stop.wait())
            await asyncio.wait({one, stopped}, return_when=asyncio.FIRST_COMPLETED)
            if not one.done():
                await _let_finish(workspace, one)
            stopped.cancel()
            if one.done() and not one.cancelled() and one.exception() is not None:
                raise one.exception()
            if ctx.args.once:
                break
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=ctx.args.interval)
    finally:
        handed_back = _hand_back(workspace)
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    _log(translate("Cli", "stopped; {rows} handed back to the queue").format(rows=plural(
        handed_back, translate("Cli", "{n} unfinished row"), translate("Cli", "{n} unfinished rows")))
         if handed_back else translate("Cli", "stopped"))
    return 0


async def _let_finish(workspace, task: asyncio.Task) -> None:
    """Asked to stop during a pass: the engine stops after the request in flight; one that does not answer in
    time is abandoned (its rows are handed back)."""
    done, _ = await asyncio.wait({task}, timeout=STOP_GRACE_S)
    if not done:
        await workspace.cancel_run()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        _log(translate("Cli", "the request in flight did not finish within {seconds} s: left unanswered").format(
            seconds=f"{STOP_GRACE_S:g}"), problem=True)


def _count_confirmations(workspace) -> list[int]:
    """A counter of the trigger events this worker's sends produced (each is a change Dynamics confirmed)."""
    counter = [0]

    def on_event(event) -> None:
        if event.kind == TRIGGERS:
            counter[0] += len(event.data.get("events", ()))
    workspace.bus.subscribe(on_event)
    return counter


async def _one_pass(workspace, confirmed: list[int], seen: dict) -> None:
    """Waits that are over and due batch campaigns, then whatever is queued (by this worker, a window or a
    command): one line for each thing done."""
    before = confirmed[0]
    try:
        if seen.pop("store_lost", False):
            handed_back = _hand_back(workspace)
            _log(translate("Cli", "the store answers again; {rows} this worker held when it was cut off handed "
                                  "back to the queue").format(rows=plural(
                handed_back, translate("Cli", "{n} row"), translate("Cli", "{n} rows")))
                 if handed_back else translate("Cli", "the store answers again"))
        tick = await workspace.scheduler_tick()  # then sends whatever is queued (Workspace.scheduler_tick)
    except DynamicsError as exc:  # the org is down or refuses: waited out, the rows stay queued
        _log(translate("Cli", "Dynamics could not be used: {problem}; trying again at the next pass").format(
            problem=exc.message), problem=True)
        return
    except STORE_OUTAGES as exc:
        if workspace.db.dialect.name == "sqlite":
            raise  # one person's file that cannot be written does not mend itself: exit 1, the supervisor says so
        seen["store_lost"] = True
        _log(translate("Cli", "the team's store could not be reached ({reason}); trying again at the next pass")
             .format(reason=outage_reason(exc)), problem=True)
        return
    if tick.runs_elsewhere and tick.runs_elsewhere != seen.get("elsewhere"):
        _log(translate("Cli", "scheduled campaigns and waits run on {worker} (it holds the scheduler's lease); this "
                              "worker sends the queue and takes the schedule over if that one stops").format(
            worker=tick.runs_elsewhere))
    seen["elsewhere"] = tick.runs_elsewhere
    for report in tick.batches:
        _log(translate("Cli", "ran batch campaign {campaign}: {people}").format(
            campaign=repr(report.campaign), people=plural(report.processed, translate("Cli", "{n} person"),
                                                          translate("Cli", "{n} people"))))
    for failure in tick.failed:
        _log(translate("Cli", "could not run {what}").format(what=failure), problem=True)
    if tick.resumed:
        _log(translate("Cli", "resumed {flows}").format(flows=plural(
            tick.resumed, translate("Cli", "{n} waiting flow"), translate("Cli", "{n} waiting flows"))))
    if confirmed[0] != before:
        left = workspace.pending_count()
        confirmed_text = translate("Cli", "Dynamics confirmed {changes}").format(changes=changes(confirmed[0] - before))
        _log(translate("Cli", "{confirmed}; {count} still queued").format(confirmed=confirmed_text, count=left)
             if left else confirmed_text)


def _hand_back(workspace) -> int:
    """Rows this worker still holds go back to the queue for the next worker (or this one, restarted)."""
    outbox = workspace.sync.outbox
    held = outbox.mine()
    outbox.release(held)
    return len(held)


def add_commands(sub) -> None:
    for name, text, interval in (
            ("worker", translate("Cli", "send the queue and run trigger and scheduled campaigns without a window, "
                                        "until stopped"), 5.0),
            ("run-scheduler", translate("Cli", "the former name of `campsync worker`"), 30.0)):
        parser = sub.add_parser(name, help=text)
        parser.add_argument("--interval", type=float, default=interval,
                            help=translate("Cli", "seconds between looks at the queue and the schedule (default "
                                                  "{seconds})").format(seconds=f"{interval:g}"))
        parser.add_argument("--once", action="store_true", help=translate("Cli", "one pass, then exit"))
        parser.set_defaults(func=cmd_worker, presence="worker")  # how the team sees it
