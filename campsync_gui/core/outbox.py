"""The outbox: one row per flow action, written before anything is sent, and the states it moves through.

pending → claimed (a worker took it) → sent (just before the call to Dynamics) → done, or failed / cancelled.
A row a dead worker held goes back to pending (`recover`); a retryable failure goes back to pending until it has
been tried MAX_ATTEMPTS times. Rows being written by `enqueue_in_slices` are pending but "staged": held by the
enqueueing worker, so no worker takes them before the whole request is queued.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import and_, any_, case, delete, func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select, update

from ..dynamics.client import chunked
from ..language import translate
from . import flows
from .bulk_insert import insert_many
from .events import OUTBOX, Event, EventBus
from .id_sets import among
from .models import FlowRequest, OutboxRow, Person
from .transactions import transaction

log = logging.getLogger(__name__)

PENDING, CLAIMED, SENT, DONE, FAILED, CANCELLED = "pending", "claimed", "sent", "done", "failed", "cancelled"
STAGED = "staged:"  # claimed_by prefix of pending rows enqueue_in_slices is still writing: no worker takes them
OPEN_STATES = (PENDING, CLAIMED, SENT)
MAX_ATTEMPTS = 5
CLAIM_LEASE_SECONDS = 15 * 60
# Rows claimed at once: a claim's batches are sent several at a time (core/parallel.py) and its new people looked
# up in one $batch, so bigger claims mean fewer round trips. Loading 5,000 claimed rows and their people takes some
# 100 ms, which is why the window runs the engine on its own thread (engine_thread.py).
CLAIM_BATCH = 10_000
ENQUEUE_SLICE = 500


@dataclass(slots=True)
class ClaimedRow:
    """A claimed outbox row as the engine carries it: a plain row with OutboxRow's names (an ORM object per row
    cost ~35 ms per 1,000 claimed). Its state is written with the statements below, never by flushing it."""
    id: int
    action: str
    campaign_id: str
    person_id: int
    state: str
    attempts: int
    outcome: str | None
    request_id: str
    origin: str
    actor: str
    depth: int
    chain: str
    sent_at: float | None


@dataclass(slots=True)
class RowState:
    """A row's state and outcome, for a caller waiting on a request (campsync add / remove)."""
    id: int
    person_id: int
    state: str
    claimed_by: str | None
    outcome: str | None
    reason: str | None
    last_error: str | None


_STATE_COLUMNS = [getattr(OutboxRow, name) for name in RowState.__slots__]


@dataclass
class RunReport:
    """What one run did with the outbox rows it claimed."""
    done: int = 0
    failed: int = 0
    blocked: int = 0
    skipped: int = 0
    left_pending: int = 0
    requests: int = 0
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return dict(self.__dict__)

    def add(self, other: "RunReport") -> None:
        """Count another run's work into this one (a run of the queue may take several engine runs)."""
        for name in ("done", "failed", "blocked", "skipped", "requests"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.left_pending = other.left_pending
        self.problems += other.problems


def new_request_id() -> str:
    return uuid.uuid4().hex[:12]


def new_worker_id() -> str:
    """host:pid:token: `recover` tells a dead worker on this host by its pid."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Outbox:
    """The outbox rows of one store, moved from state to state by the worker `worker_id`."""

    def __init__(self, db: Engine, *, worker_id: str, clock: Callable[[], float], bus: EventBus):
        self.db = db
        self.worker_id = worker_id
        self.clock = clock
        self.bus = bus

    # ---- enqueueing ----------------------------------------------------------------------------

    def enqueue(self, plan: flows.Plan, *, origin: str, request_id: str | None = None, depth: int = 0,
                chain: list[int] | None = None, actor: str = "") -> str:
        """Write one outbox row per runnable person, in one transaction, and return the request id. `actor`: who
        asks for it (the signed-in person's UPN, or "<client id> (application)"), kept on the request and rows."""
        request_id = request_id or new_request_id()
        values = self._values(plan, origin, request_id, depth, chain, actor)

        def write(session: Session):
            if values:
                insert_many(session, OutboxRow.__table__, values)
            self._record_request(session, plan, origin, request_id, actor)

        transaction(self.db, write)
        self.bus.publish(Event(OUTBOX, {"request_id": request_id, "state": PENDING, "count": len(values)}))
        return request_id

    async def enqueue_in_slices(self, plan: flows.Plan, *, origin: str, request_id: str | None = None,
                                slice_size: int = ENQUEUE_SLICE, actor: str = "") -> str:
        """`enqueue` for the window: the rows go in as slices, each a short transaction, with the event loop
        running in between, so 10,000 rows never freeze the window. They are written "staged" (invisible to
        the worker: pending, but held by the enqueueing worker) and released together by one last UPDATE of an
        unindexed column: the request is queued whole or not at all. Staged rows of a process that died
        half-way are deleted by `recover`."""
        request_id = request_id or new_request_id()
        values = self._values(plan, origin, request_id, 0, None, actor)
        for row in values:
            row["claimed_by"] = STAGED + self.worker_id  # whose staged rows these are, for recover()
        for part in chunked(values, slice_size):
            transaction(self.db, lambda session, part=part: insert_many(session, OutboxRow.__table__, part))
            await asyncio.sleep(0)

        def publish(session: Session):
            session.exec(update(OutboxRow).where(OutboxRow.request_id == request_id,
                                                 OutboxRow.claimed_by == STAGED + self.worker_id)
                         .values(claimed_by=None))
            self._record_request(session, plan, origin, request_id, actor)

        transaction(self.db, publish)
        self.bus.publish(Event(OUTBOX, {"request_id": request_id, "state": PENDING, "count": len(values)}))
        return request_id

    def _values(self, plan: flows.Plan, origin: str, request_id: str, depth: int,
                chain: list[int] | None, actor: str) -> list[dict]:
        # Plain dicts for one bulk INSERT: building 10,000 ORM objects took ~2 s of the window's time.
        now, chain_json = self.clock(), json.dumps(chain or [])
        return [dict(action=plan.action, campaign_id=plan.campaign_id, person_id=item.person.id, state=PENDING,
                     idempotency_key=f"{plan.action}:{plan.campaign_id}:{item.person.id}:{request_id}",
                     request_id=request_id, origin=origin, actor=actor, depth=depth, created_at=now,
                     chain=chain_json)
                for item in plan.runnable]

    def _record_request(self, session: Session, plan: flows.Plan, origin: str, request_id: str,
                        actor: str) -> None:
        session.merge(FlowRequest(request_id=request_id, action=plan.action, campaign_id=plan.campaign_id,
                                  origin=origin, actor=actor, created_at=self.clock()))

    # ---- claiming ------------------------------------------------------------------------------

    def recover(self) -> int:
        """Make rows claimed by a dead worker (killed process, expired lease) claimable again, and delete
        the staged rows of an enqueue that died half-way (that request was never confirmed as queued)."""
        now = self.clock()
        host = socket.gethostname()
        stale, abandoned = [], []
        with Session(self.db) as session:
            for row_id, state, owner, claimed_at, created_at in session.exec(
                    select(OutboxRow.id, OutboxRow.state, OutboxRow.claimed_by, OutboxRow.claimed_at,
                           OutboxRow.created_at)
                    .where(col(OutboxRow.state).in_((CLAIMED, SENT, PENDING)), col(OutboxRow.claimed_by).is_not(None))):
                staged = state == PENDING
                owner = owner.removeprefix(STAGED) if staged else owner
                if owner == self.worker_id:
                    continue
                parts = owner.split(":")  # host:pid:token, see new_worker_id
                pid = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
                dead = parts[0] == host and not _pid_alive(pid)
                expired = ((created_at if staged else claimed_at) or 0) < now - CLAIM_LEASE_SECONDS
                if dead or expired:
                    (abandoned if staged else stale).append(row_id)
        if stale or abandoned:
            def release(session: Session):
                # sent_at stays: it tells the next run that this action may already be in Dynamics.
                if stale:
                    session.exec(update(OutboxRow).where(among(OutboxRow.id, stale))
                                 .values(state=PENDING, claimed_by=None))
                if abandoned:
                    session.exec(delete(OutboxRow).where(among(OutboxRow.id, abandoned), OutboxRow.state == PENDING))
            transaction(self.db, release)
            log.info("recovered %d outbox rows left by a stopped worker; dropped %d rows of an unfinished "
                     "enqueue", len(stale), len(abandoned))
        return len(stale)

    def claim(self) -> list[ClaimedRow]:
        """Take up to CLAIM_BATCH pending rows for this worker, oldest first."""
        take = self.claim_statement(self.clock())

        def claim(session: Session):
            return sorted((ClaimedRow(*row) for row in session.execute(take)), key=lambda row: row.id)
        return transaction(self.db, claim)

    def claim_statement(self, now: float):
        """The one statement a claim runs: it takes the oldest pending rows and hands them back (UPDATE … RETURNING),
        a third of the time of a SELECT of the ids, an UPDATE of those ids and a SELECT of the rows (0.11 s → 0.04 s
        for 10,000)."""
        table = OutboxRow.__table__
        oldest = (select(table.c.id).where(table.c.state == PENDING, table.c.claimed_by.is_(None))
                  .order_by(table.c.id).limit(CLAIM_BATCH).with_for_update(skip_locked=True))
        if self.db.dialect.name == "postgresql":
            # On a team's store several workers claim at once: SKIP LOCKED lets each take rows no other claim is
            # taking right now instead of queueing behind it, and the outer WHERE re-checks the state, so a row is
            # never claimed twice. The ids are picked once (ARRAY(…) is an InitPlan), then found by their key: as
            # `id IN (subquery)` PostgreSQL re-ran the picking and one claim of 25 took 400 rows; as a join with a
            # CTE, statistics from before the queue filled (1 pending row expected) made it compare every pending
            # row with every picked one: 14 s to claim 10,000.
            chosen = table.c.id == any_(func.array(oldest.scalar_subquery()))
        else:
            # SQLite has no row locks (its write lock serialises claims; the dialect leaves the clause out) and
            # runs the subquery once.
            chosen = table.c.id.in_(oldest.scalar_subquery())
        return (table.update().where(chosen, table.c.state == PENDING)
                .values(state=CLAIMED, claimed_by=self.worker_id, claimed_at=now)
                .returning(*(table.c[name] for name in ClaimedRow.__slots__)))

    def next_claimable(self) -> tuple[str, str, str | None] | None:
        """The campaign, action and member type of the oldest row a claim would take now (one index lookup); no type
        for a person not in Dynamics yet."""
        with self.db.connect() as connection:
            row = connection.execute(select(OutboxRow.campaign_id, OutboxRow.action, Person.dynamics_type)
                                     .join(Person, Person.id == OutboxRow.person_id)
                                     .where(OutboxRow.state == PENDING, col(OutboxRow.claimed_by).is_(None))
                                     .order_by(OutboxRow.id).limit(1)).first()
        return (row[0], row[1], row[2]) if row else None

    def mine(self, worker_id: str | None = None) -> list[OutboxRow]:
        """The rows this worker (or `worker_id`: this process's engine process) holds, claimed or sent."""
        with Session(self.db) as session:
            return list(session.exec(select(OutboxRow).where(OutboxRow.claimed_by == (worker_id or self.worker_id),
                                                             col(OutboxRow.state).in_((CLAIMED, SENT)))))

    def release(self, rows: Iterable[OutboxRow]) -> None:
        """Hand rows this run will not finish back to the queue (a re-send is harmless in Dynamics)."""
        ids = [r.id for r in rows]
        if not ids:
            return

        def write(session: Session):
            session.exec(update(OutboxRow).where(among(OutboxRow.id, ids),
                                                 col(OutboxRow.state).in_((CLAIMED, SENT)))
                         .values(state=PENDING, claimed_by=None))
        transaction(self.db, write)

    # ---- outcomes ------------------------------------------------------------------------------

    def mark_sent(self, rows: list[OutboxRow]) -> None:
        """Just before the call to Dynamics: from now on the action may be there."""
        now = self.clock()

        def write(session: Session):
            session.exec(update(OutboxRow).where(among(OutboxRow.id, [r.id for r in rows]))
                         .values(state=SENT, sent_at=now, attempts=OutboxRow.attempts + 1))
        transaction(self.db, write)
        for row in rows:
            row.state = SENT

    def finish(self, rows: list[OutboxRow], state: str, outcome: str, reason: str, report: RunReport) -> None:
        """End rows without a confirmation (blocked, skipped, failed), count them in `report` and tell the bus."""
        if not rows:
            return
        now = self.clock()

        def write(session: Session):
            session.exec(update(OutboxRow).where(among(OutboxRow.id, [r.id for r in rows]))
                         .values(state=state, outcome=outcome, reason=reason, done_at=now,
                                 last_error=reason if state == FAILED else None))
        transaction(self.db, write)
        for row in rows:
            row.state, row.outcome = state, outcome
        if outcome == "blocked":
            report.blocked += len(rows)
        elif outcome == "skipped":
            report.skipped += len(rows)
        else:
            report.failed += len(rows)
        self.bus.publish(Event(OUTBOX, {"ids": [r.id for r in rows], "state": state, "outcome": outcome,
                                        "reason": reason}))

    def back_to_pending(self, rows: list[OutboxRow], error: str) -> None:
        """A retryable failure: the rows wait for the next run, unless they have been tried too often."""
        if not rows:
            return

        def write(session: Session):
            for row in session.exec(select(OutboxRow).where(among(OutboxRow.id, [r.id for r in rows]))):
                give_up = row.attempts >= MAX_ATTEMPTS
                row.state = FAILED if give_up else PENDING
                row.claimed_by = None
                row.last_error = error
                if give_up:
                    row.outcome, row.reason = "failed", translate("Outbox", "gave up after {attempts} attempts: "
                                                                            "{problem}").format(
                        attempts=row.attempts, problem=error)
                session.add(row)
        transaction(self.db, write)

    # ---- queue management ----------------------------------------------------------------------

    def retry_failed(self, request_id: str | None = None, ids: Sequence[int] | None = None) -> int:
        def write(session: Session):
            # Blocked rows too: the campaign may be active again; execution re-checks and blocks them if not.
            query = select(OutboxRow).where(OutboxRow.state == FAILED)
            if request_id:
                query = query.where(OutboxRow.request_id == request_id)
            if ids:
                query = query.where(among(OutboxRow.id, ids))
            rows = list(session.exec(query))
            for row in rows:
                row.state, row.outcome, row.reason, row.attempts, row.claimed_by = PENDING, None, None, 0, None
                session.add(row)
            return len(rows)
        return transaction(self.db, write)

    def cancel(self, ids: Sequence[int] | None = None, request_id: str | None = None) -> int:
        def write(session: Session):
            query = select(OutboxRow).where(col(OutboxRow.state).in_((PENDING, FAILED)))
            if ids:
                query = query.where(among(OutboxRow.id, ids))
            if request_id:
                query = query.where(OutboxRow.request_id == request_id)
            rows = list(session.exec(query))
            for row in rows:
                row.state, row.outcome, row.reason = CANCELLED, "cancelled", translate("Outbox", "cancelled by the "
                                                                                                 "user")
                session.add(row)
            return len(rows)
        return transaction(self.db, write)

    def states_of(self, request_id: str) -> list[RowState]:
        """Where each row of a request stands, as plain rows (a command polls this while 10,000 rows are sent)."""
        with self.db.connect() as connection:
            return [RowState(*row) for row in connection.execute(
                select(*_STATE_COLUMNS).where(OutboxRow.request_id == request_id).order_by(OutboxRow.id))]

    def open_and_unclaimed(self, request_id: str) -> tuple[int, int]:
        """How many rows of a request are not finished, and how many of those nobody holds: counted by the database
        (a command waiting for its 10,000 rows asks this every half second)."""
        unclaimed = and_(OutboxRow.state == PENDING, col(OutboxRow.claimed_by).is_(None))
        with self.db.connect() as connection:
            open_rows, free = connection.execute(
                select(func.count(), func.coalesce(func.sum(case((unclaimed, 1), else_=0)), 0))
                .where(OutboxRow.request_id == request_id, col(OutboxRow.state).in_(OPEN_STATES))).one()
        return open_rows, free

    def rows_of(self, request_id: str) -> list[OutboxRow]:
        with Session(self.db) as session:
            return list(session.exec(select(OutboxRow).where(OutboxRow.request_id == request_id)
                                     .order_by(OutboxRow.id)))

    def pending_count(self) -> int:
        # COUNT in SQLite, not a list of ids in Python: the window asks often while 10,000 rows are queued.
        with Session(self.db) as session:
            return session.exec(select(func.count()).select_from(OutboxRow)
                                .where(col(OutboxRow.state).in_(OPEN_STATES))).one()


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (killed child not yet reaped) still answers kill(0); it is dead for our purposes.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True
