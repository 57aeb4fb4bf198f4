"""The scheduler's tick: flows whose Wait is over carry on, and batch campaigns whose time has come run.

The open window ticks every 30 s, `campsync worker` every few seconds; what a tick queues goes to Dynamics
through the workspace's sync run like any other flow action. Every node sharing the store ticks, but only the
holder of the store's "scheduler" lease (leases.py) does the work: a batch campaign runs once per schedule and a
wait resumes once, however many windows and workers are open.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from .. import leases
from .batch import BatchReport, advance_schedule, due_batches, run_batch
from .runner import AutomationRunner

log = logging.getLogger(__name__)


@dataclass
class Tick:
    resumed: int = 0  # waiting flows carried on
    batches: list[BatchReport] = field(default_factory=list)  # scheduled batch campaigns run
    failed: list[str] = field(default_factory=list)  # "<campaign>: <why>" for each that could not run
    runs_elsewhere: str = ""  # another node holds the scheduler's lease (its id): this tick did nothing


LEASE = "scheduler"


class Scheduler:
    def __init__(self, db: Engine, runner: AutomationRunner, *, clock: Callable[[], float] = time.time,
                 node: str = ""):
        self.db = db
        self.runner = runner
        self.clock = clock
        self.node = node or f"scheduler:{id(self)}"  # who this node is, in the lease (the engine's worker id)

    def release(self) -> None:
        """This node stops (a window closes, a worker is told to stop): the next node to tick takes over now."""
        leases.release(self.db, LEASE, self.node)

    async def tick(self, *, stop: asyncio.Event | None = None) -> Tick:
        # A write, on a helper thread: while a sync writes the store (the window's engine process, another node),
        # waiting for the store's write lock on the window's thread stalled it a tenth of a second.
        lease = await asyncio.to_thread(leases.take, self.db, LEASE, self.node, self.clock())
        if lease.holder != self.node:
            return Tick(runs_elsewhere=lease.holder)
        tick = Tick(resumed=self.runner.resume_due())
        for campaign in due_batches(self.db, self.clock()):
            try:  # each campaign on its own: one that cannot run is reported, the others still run
                tick.batches.append(await run_batch(self.runner, campaign, stop=stop))
            except Exception as exc:
                log.warning("batch campaign %r could not run: %s: %s", campaign.name, type(exc).__name__, exc)
                log.info("batch campaign %r failed", campaign.name, exc_info=exc)
                tick.failed.append(f"{campaign.name}: {exc}")
            try:  # moved on either way: a campaign that cannot run is not retried every tick
                advance_schedule(self.db, campaign, self.clock())
            except Exception as exc:
                log.warning("batch campaign %r: its schedule could not be moved on: %s", campaign.name, exc)
        return tick
