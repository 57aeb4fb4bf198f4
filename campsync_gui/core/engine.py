"""SyncEngine: outbox rows → batches → the Dataverse client → confirmations → trigger events.

Every flow action is written to the outbox before anything is sent. A worker claims rows, marks
them sent just before each call, and on Dynamics' confirmation writes the membership, the trigger
event and the row's outcome in one transaction. A process killed anywhere leaves rows that the
next run claims again; a re-sent add or remove is harmless in Dynamics (AddListMembersList ignores
existing members, RemoveMemberList ignores non-members), and a trigger event is unique per row,
so every action ends exactly once.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine
from sqlalchemy import delete, func, insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select, update

from ..dynamics.client import DataverseClient, chunked
from ..dynamics.entities import MarketingList, version_tuple
from ..dynamics.errors import AuthError, BadRequest, ConnectionFailed, DynamicsError, NotFound, ServiceError
from . import flows
from .applists import app_list_name
from .events import OUTBOX, PROBLEM, TRIGGERS, Event, EventBus
from .models import AppList, CampaignRecord, FlowRequest, Membership, OutboxRow, Person, TriggerEvent
from .settings import SyncSettings, load_settings
from .triggers import ADDED, REMOVED, NewTriggerEvent, append_events, event_to_dict

log = logging.getLogger(__name__)
T = TypeVar("T")

PENDING, CLAIMED, SENT, DONE, FAILED, CANCELLED = "pending", "claimed", "sent", "done", "failed", "cancelled"
STAGED = "staged:"  # claimed_by prefix of pending rows enqueue_in_slices is still writing: no worker takes them
OPEN_STATES = (PENDING, CLAIMED, SENT)
MAX_ATTEMPTS = 5
CLAIM_LEASE_SECONDS = 15 * 60
# Rows claimed at once. Each claim loads its rows and people on the window's thread (~40 ms per 1,000) and
# re-checks the campaign with Dynamics (one request), so 1,000 keeps the window smooth for a few requests more.
CLAIM_BATCH = 1000
ENQUEUE_SLICE = 500
PLAN_SLICE = 500
CREATE_ATTEMPTS = 4  # a batch of new leads whose answer was lost: look up, then create what is missing
PUBLISH_SLICE = 100  # trigger events per bus publish; the event loop runs between slices
REMOVE_CONCURRENCY = 8  # RemoveMemberList requests in flight at once (Dataverse allows 52 per user)
CONFIRM_SLICE = 100  # confirmed rows recorded per transaction (~10 ms of the window's time)


@dataclass
class RunReport:
    done: int = 0
    failed: int = 0
    blocked: int = 0
    skipped: int = 0
    left_pending: int = 0
    requests: int = 0
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def new_request_id() -> str:
    return uuid.uuid4().hex[:12]


class SyncEngine:
    def __init__(self, engine: Engine, client: DataverseClient | None, *, scope: str = "",
                 bus: EventBus | None = None, clock: Callable[[], float] = time.time):
        self.store = engine
        self.client = client
        self.scope = scope
        self.bus = bus or EventBus()
        self.clock = clock
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._prerequisite_problem: str | None = None
        self._prerequisite_checked = False
        self._lists: dict[tuple[str, str], MarketingList] = {}
        self._stop: asyncio.Event | None = None

    def _transaction(self, work: Callable[[Session], T], attempts: int = 8) -> T:
        """Run `work(session)` and commit, retrying while another process holds SQLite's write lock."""
        for attempt in range(attempts):
            try:
                # expire_on_commit=False: rows read inside stay readable after the session is gone.
                with Session(self.store, expire_on_commit=False) as session:
                    result = work(session)
                    session.commit()
                    return result
            except OperationalError as exc:
                if ("locked" not in str(exc) and "busy" not in str(exc)) or attempt == attempts - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    # ---- settings and readiness --------------------------------------------------------------

    def settings(self) -> SyncSettings:
        return load_settings(self.store, self.scope)

    async def check_prerequisite(self, *, force: bool = False) -> str | None:
        """The reason flow actions are blocked by the prerequisite solution, or None when it is fine."""
        if self._prerequisite_checked and not force:
            return self._prerequisite_problem
        settings = self.settings()
        solution = await self.client.solution(settings.prerequisite_solution)
        if solution is None:
            problem = f"the prerequisite solution {settings.prerequisite_solution!r} is not installed in the org"
        elif solution.version_tuple() < version_tuple(settings.prerequisite_min_version):
            problem = (f"the prerequisite solution {settings.prerequisite_solution!r} is at {solution.version}, "
                       f"older than the required {settings.prerequisite_min_version}")
        else:
            problem = None
        self._prerequisite_problem, self._prerequisite_checked = problem, True
        return problem

    def readiness(self) -> flows.Readiness:
        return flows.Readiness(sync_enabled=self.settings().campaign_sync_enabled,
                               prerequisite_problem=self._prerequisite_problem)

    # ---- planning and enqueueing -------------------------------------------------------------

    def find_campaign(self, name_or_id: str) -> CampaignRecord | None:
        with Session(self.store) as session:
            found = session.get(CampaignRecord, name_or_id.lower()) or session.get(CampaignRecord, name_or_id)
            if found is not None:
                return found
            matches = [c for c in session.exec(select(CampaignRecord)) if c.name.lower() == name_or_id.lower()]
        return matches[0] if len(matches) == 1 else None

    def plan(self, people: Sequence[Person], campaign: CampaignRecord | None, action: str, *,
             campaign_ref: str = "") -> flows.Plan:
        ids = [p.id for p in people]
        campaign_id = campaign.id if campaign else campaign_ref
        with Session(self.store) as session:
            memberships: dict[int, list[Membership]] = defaultdict(list)
            for chunk in chunked(ids, 500):
                for row in session.exec(select(Membership).where(Membership.campaign_id == campaign_id,
                                                                 col(Membership.person_id).in_(chunk))):
                    memberships[row.person_id].append(row)
            queued = set()
            for chunk in chunked(ids, 500):
                queued.update(session.exec(select(OutboxRow.person_id).where(
                    OutboxRow.campaign_id == campaign_id, OutboxRow.action == action,
                    col(OutboxRow.state).in_(OPEN_STATES), col(OutboxRow.person_id).in_(chunk))))
        return flows.plan(people, campaign, action, readiness=self.readiness(), memberships=memberships,
                          queued=queued, campaign_ref=campaign_ref)

    async def plan_in_slices(self, person_ids: Sequence[int], campaign: CampaignRecord | None, action: str, *,
                             campaign_ref: str = "", slice_size: int = PLAN_SLICE) -> flows.Plan:
        """`plan` for the window: people are read and planned a slice at a time with the event loop running in
        between (reading 10,000 people at once froze the window for most of a second). Same plan as `plan`."""
        ids = list(dict.fromkeys(person_ids))  # each person once, in the order given
        whole: flows.Plan | None = None
        for part in chunked(ids, slice_size):
            people = self._people(part)
            planned = self.plan([people[i] for i in part if i in people], campaign, action,
                                campaign_ref=campaign_ref)
            if whole is None:
                whole = planned
            else:
                whole.items.extend(planned.items)
            await asyncio.sleep(0)
        return whole or self.plan([], campaign, action, campaign_ref=campaign_ref)

    def enqueue(self, plan: flows.Plan, *, origin: str, request_id: str | None = None, depth: int = 0,
                chain: list[int] | None = None) -> str:
        """Write one outbox row per runnable person, in one transaction, and return the request id."""
        request_id = request_id or new_request_id()
        values = self._outbox_values(plan, origin, request_id, depth, chain, PENDING)

        def write(session: Session):
            if values:
                session.execute(insert(OutboxRow), values)
            self._record_request(session, plan, origin, request_id)

        self._transaction(write)
        self.bus.publish(Event(OUTBOX, {"request_id": request_id, "state": PENDING, "count": len(values)}))
        return request_id

    async def enqueue_in_slices(self, plan: flows.Plan, *, origin: str, request_id: str | None = None,
                                slice_size: int = ENQUEUE_SLICE) -> str:
        """`enqueue` for the window: the rows go in as slices, each a short transaction, with the event loop
        running in between, so 10,000 rows never freeze the window. They are written "staged" (invisible to
        the worker: pending, but held by the enqueueing worker) and released together by one last UPDATE of an
        unindexed column: the request is queued whole or not at all. Staged rows of a process that died
        half-way are deleted by `recover`."""
        request_id = request_id or new_request_id()
        values = self._outbox_values(plan, origin, request_id, 0, None, PENDING)
        for row in values:
            row["claimed_by"] = STAGED + self.worker_id  # whose staged rows these are, for recover()
        for part in chunked(values, slice_size):
            self._transaction(lambda session, part=part: session.execute(insert(OutboxRow), part))
            await asyncio.sleep(0)

        def publish(session: Session):
            session.exec(update(OutboxRow).where(OutboxRow.request_id == request_id,
                                                 OutboxRow.claimed_by == STAGED + self.worker_id)
                         .values(claimed_by=None))
            self._record_request(session, plan, origin, request_id)

        self._transaction(publish)
        self.bus.publish(Event(OUTBOX, {"request_id": request_id, "state": PENDING, "count": len(values)}))
        return request_id

    def _outbox_values(self, plan: flows.Plan, origin: str, request_id: str, depth: int,
                       chain: list[int] | None, state: str) -> list[dict]:
        # Plain dicts for one bulk INSERT: building 10,000 ORM objects took ~2 s of the window's time.
        now, chain_json = self.clock(), json.dumps(chain or [])
        return [dict(action=plan.action, campaign_id=plan.campaign_id, person_id=item.person.id, state=state,
                     idempotency_key=f"{plan.action}:{plan.campaign_id}:{item.person.id}:{request_id}",
                     request_id=request_id, origin=origin, depth=depth, created_at=now, chain=chain_json)
                for item in plan.runnable]

    def _record_request(self, session: Session, plan: flows.Plan, origin: str, request_id: str) -> None:
        session.merge(FlowRequest(request_id=request_id, action=plan.action, campaign_id=plan.campaign_id,
                                  origin=origin, created_at=self.clock()))

    # ---- the worker --------------------------------------------------------------------------

    def recover(self) -> int:
        """Make rows claimed by a dead worker (killed process, expired lease) claimable again, and delete
        the staged rows of an enqueue that died half-way (that request was never confirmed as queued)."""
        now = self.clock()
        host = socket.gethostname()
        stale, abandoned = [], []
        with Session(self.store) as session:
            for row_id, state, owner, claimed_at, created_at in session.exec(
                    select(OutboxRow.id, OutboxRow.state, OutboxRow.claimed_by, OutboxRow.claimed_at,
                           OutboxRow.created_at)
                    .where(col(OutboxRow.state).in_((CLAIMED, SENT, PENDING)), col(OutboxRow.claimed_by).is_not(None))):
                staged = state == PENDING
                owner = owner.removeprefix(STAGED) if staged else owner
                if owner == self.worker_id:
                    continue
                parts = owner.split(":")  # host:pid:token, see worker_id
                pid = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
                dead = parts[0] == host and not _pid_alive(pid)
                expired = ((created_at if staged else claimed_at) or 0) < now - CLAIM_LEASE_SECONDS
                if dead or expired:
                    (abandoned if staged else stale).append(row_id)
        if stale or abandoned:
            def release(session: Session):
                # sent_at stays: it tells the next run that this action may already be in Dynamics.
                for part in chunked(stale, 500):
                    session.exec(update(OutboxRow).where(col(OutboxRow.id).in_(part))
                                 .values(state=PENDING, claimed_by=None))
                for part in chunked(abandoned, 500):
                    session.exec(delete(OutboxRow).where(col(OutboxRow.id).in_(part), OutboxRow.state == PENDING))
            self._transaction(release)
            log.info("recovered %d outbox rows left by a stopped worker; dropped %d rows of an unfinished "
                     "enqueue", len(stale), len(abandoned))
        return len(stale)

    def _claim(self) -> list[OutboxRow]:
        now = self.clock()

        def claim(session: Session):
            ids = list(session.exec(select(OutboxRow.id).where(OutboxRow.state == PENDING,
                                                               col(OutboxRow.claimed_by).is_(None))
                                    .order_by(OutboxRow.id).limit(CLAIM_BATCH)))
            if not ids:
                return []
            session.exec(update(OutboxRow).where(col(OutboxRow.id).in_(ids), OutboxRow.state == PENDING)
                         .values(state=CLAIMED, claimed_by=self.worker_id, claimed_at=now))
            return list(session.exec(select(OutboxRow).where(OutboxRow.claimed_by == self.worker_id,
                                                             OutboxRow.state == CLAIMED)
                                     .order_by(OutboxRow.id)))
        return self._transaction(claim)

    async def run(self, *, stop: asyncio.Event | None = None,
                  progress: Callable[[int, int], None] | None = None) -> RunReport:
        """Process every claimable outbox row until none is left (or `stop` is set)."""
        report = RunReport()
        self._stop = stop
        requests_before = self.client.stats.requests
        self.recover()
        if not self._prerequisite_checked:
            try:
                await self.check_prerequisite()
            except DynamicsError as exc:
                report.problems.append(f"could not check the prerequisite solution: {exc.message}")
                report.left_pending = self.pending_count()
                return report
        while not (stop and stop.is_set()):
            rows = self._claim()
            if not rows:
                break
            groups: dict[tuple[str, str], list[OutboxRow]] = defaultdict(list)
            for row in rows:
                groups[(row.campaign_id, row.action)].append(row)
            unreachable = False
            for (campaign_id, action), group in groups.items():
                if stop and stop.is_set():
                    self._release(group)
                    continue
                try:
                    await self._process_group(campaign_id, action, group, report)
                except DynamicsError as exc:
                    unfinished = [r for r in group if r.state in (CLAIMED, SENT)]
                    report.problems.append(exc.message)
                    self.bus.publish(Event(PROBLEM, {"message": exc.message}))
                    if isinstance(exc, (ConnectionFailed, AuthError)) or exc.retryable:
                        # The org cannot be reached or signed in to, even after the client's retries:
                        # stop here and keep every row for the next run.
                        self._back_to_pending(unfinished, exc.message)
                        unreachable = True
                        break
                    self._finish(unfinished, FAILED, "failed", exc.message, report)
                if progress:
                    progress(report.done + report.failed + report.blocked + report.skipped, len(rows))
            if unreachable:
                self._release([r for g in groups.values() for r in g if r.state == CLAIMED])
                break
        if stop and stop.is_set():
            self._release(self._mine())
        report.left_pending = self.pending_count()
        report.requests = self.client.stats.requests - requests_before
        return report

    def _stopping(self) -> bool:
        """Asked between batches: a cancel or a quit ends the run after the request in flight."""
        return self._stop is not None and self._stop.is_set()

    def _mine(self) -> list[OutboxRow]:
        with Session(self.store) as session:
            return list(session.exec(select(OutboxRow).where(OutboxRow.claimed_by == self.worker_id,
                                                             col(OutboxRow.state).in_((CLAIMED, SENT)))))

    def pending_count(self) -> int:
        # COUNT in SQLite, not a list of ids in Python: the window asks often while 10,000 rows are queued.
        with Session(self.store) as session:
            return session.exec(select(func.count()).select_from(OutboxRow)
                                .where(col(OutboxRow.state).in_(OPEN_STATES))).one()

    async def _process_group(self, campaign_id: str, action: str, rows: list[OutboxRow], report: RunReport) -> None:
        blocked = await self._execution_block(campaign_id)
        if blocked:
            self._finish(rows, FAILED, "blocked", blocked, report)
            return
        campaign = self.campaign_record(campaign_id)
        people = self._people([r.person_id for r in rows])
        if action == flows.ADD:
            await self._add(campaign, rows, people, report)
        else:
            await self._remove(campaign, rows, people, report)

    async def _execution_block(self, campaign_id: str) -> str | None:
        """Re-check, at execution time, everything the plan checked: settings, prerequisite, campaign state."""
        settings = self.settings()
        if not settings.campaign_sync_enabled:
            return "campaign sync was disabled before this action ran"
        if self._prerequisite_problem:
            return self._prerequisite_problem
        try:
            campaign = await self.client.campaign(campaign_id)
        except NotFound:
            self._forget_campaign(campaign_id)
            return "the campaign was deleted in Dynamics before this action ran"
        self._cache_campaign(campaign)
        if not campaign.active:
            return f"campaign {campaign.name!r} became inactive in Dynamics before this action ran"
        return None

    # ---- add -----------------------------------------------------------------------------------

    async def _add(self, campaign: CampaignRecord, rows: list[OutboxRow], people: dict[int, Person],
                   report: RunReport) -> None:
        rows = await self._ensure_in_dynamics(rows, people, report)
        by_type: dict[str, list[OutboxRow]] = defaultdict(list)
        for row in rows:
            by_type[people[row.person_id].dynamics_type].append(row)
        batch = max(1, self.settings().batch_size)
        for member_type, typed_rows in by_type.items():
            lst = await self._ensure_app_list(campaign, member_type)
            for chunk in chunked(typed_rows, batch):
                if self._stopping():
                    return  # unsent rows go back to the queue when the run ends
                await self._add_chunk(campaign, lst, member_type, chunk, people, report)

    async def _add_chunk(self, campaign: CampaignRecord, lst: MarketingList, member_type: str,
                         chunk: list[OutboxRow], people: dict[int, Person], report: RunReport) -> None:
        self._mark_sent(chunk)
        ids = [people[r.person_id].dynamics_id for r in chunk]
        try:
            await self.client.add_members(lst.id, member_type, ids, chunk=len(ids))
        except (BadRequest, NotFound) as exc:
            await self._add_chunk_failed(campaign, lst, member_type, chunk, people, report, exc)
            return
        await self._confirm(campaign, chunk, people, ADDED, lst.id, report)

    async def _add_chunk_failed(self, campaign, lst, member_type, chunk, people, report, exc: ServiceError) -> None:
        """AddListMembersList is all-or-nothing: find out whether the list or some members are at fault."""
        try:
            current = await self.client.get_list(lst.id)
        except NotFound:
            current = None
        if current is None:
            # Someone deleted CampSync's list in Dynamics: make it again, then retry once.
            self._lists.pop((campaign.id, member_type), None)
            lst = await self._ensure_app_list(campaign, member_type, known_missing=True)
            try:
                await self.client.add_members(lst.id, member_type,
                                              [people[r.person_id].dynamics_id for r in chunk], chunk=len(chunk))
            except (BadRequest, NotFound) as again:
                self._finish(chunk, FAILED, "failed", again.message, report)
                return
            await self._confirm(campaign, chunk, people, ADDED, lst.id, report)
            return
        if current.locked or not current.active:
            state = "locked" if current.locked else "inactive"
            self._finish(chunk, FAILED, "failed", f"CampSync's list {current.name!r} is {state} in Dynamics: "
                                                  f"{exc.message}", report)
            return
        # The list is fine, so some members are not: add one by one to find them.
        good = []
        for row in chunk:
            try:
                await self.client.add_member(lst.id, people[row.person_id].dynamics_id)
                good.append(row)
            except (BadRequest, NotFound) as member_exc:
                self._finish([row], FAILED, "failed", member_exc.message, report)
        await self._confirm(campaign, good, people, ADDED, lst.id, report)

    # Leads per CreateMultiple request: Dataverse recommends at most 1,000. An attribute, so tests can lower it.
    create_batch = 1000

    async def _ensure_in_dynamics(self, rows: list[OutboxRow], people: dict[int, Person],
                                  report: RunReport) -> list[OutboxRow]:
        """Implied sync: find people by email in Dynamics, create the rest as leads. Returns rows ready to add.

        Leads are created in batches (CreateMultiple) and linked in the store one transaction per batch. A batch
        that Dynamics refuses is created again one person at a time, so only the people at fault fail.
        """
        missing = [r for r in rows if not people[r.person_id].dynamics_id]
        if not missing:
            return rows
        emails = {people[r.person_id].email for r in missing if people[r.person_id].email}
        # A lead created just before a crash must be found, not created twice: look up by email first.
        found = await self.client.find_people_by_email("lead", emails)
        rest = emails - set(found)
        if rest:
            found.update(await self.client.find_people_by_email("contact", rest))
        ready = [r for r in rows if people[r.person_id].dynamics_id]
        rows_of: dict[int, list[OutboxRow]] = defaultdict(list)  # a person queued twice is created once
        for row in missing:
            rows_of[row.person_id].append(row)
        links: list[tuple[Person, str, str]] = []
        to_create: list[int] = []
        for person_id, person_rows in rows_of.items():
            person = people[person_id]
            match = found.get((person.email or "").lower())
            if match is not None:
                links.append((person, match.kind, match.id))
                ready.extend(person_rows)
                continue
            problem = flows.missing_data(person)
            if problem:
                self._finish(person_rows, FAILED, "blocked", problem, report)
                continue
            to_create.append(person_id)
        self._link_people(links)
        for batch in chunked(to_create, self.create_batch):
            if self._stopping():
                break  # the rows left stay claimed: the run hands them back to the queue as it ends
            for person_id in await self._create_leads(batch, people, rows_of, report):
                ready.extend(rows_of[person_id])
        return ready

    async def _create_leads(self, person_ids: list[int], people: dict[int, Person],
                            rows_of: dict[int, list[OutboxRow]], report: RunReport) -> list[int]:
        """One CreateMultiple for these people, linked in one transaction; returns the ids of the people created."""
        done: list[int] = []
        for attempt in range(1, CREATE_ATTEMPTS + 1):
            records = [_lead_record(people[person_id]) for person_id in person_ids]
            try:
                new_ids = await self.client.create_leads(records, chunk=len(records))
            except BadRequest as exc:
                log.info("Dynamics refused a batch of %d new leads (%s); creating them one by one",
                         len(records), exc.message)
                return done + await self._create_leads_one_by_one(person_ids, people, rows_of, report)
            except DynamicsError as exc:
                unsure = isinstance(exc, ConnectionFailed) or exc.retryable
                if not unsure or attempt == CREATE_ATTEMPTS:
                    raise
                # The answer was lost, not necessarily the work: Dynamics may have created the batch. Look the
                # people up again and create only those still missing (never anyone twice).
                log.info("creating %d leads failed (%s); looking them up before trying again",
                         len(records), exc.message)
                await asyncio.sleep(self.client.retry.backoff(attempt))
                found = await self.client.find_people_by_email("lead", [people[p].email for p in person_ids])
                there = [p for p in person_ids if (people[p].email or "").lower() in found]
                self._link_people([(people[p], "lead", found[(people[p].email or "").lower()].id) for p in there])
                done += there
                person_ids = [p for p in person_ids if (people[p].email or "").lower() not in found]
                if not person_ids:
                    return done
                continue
            self._link_people([(people[p], "lead", new_id) for p, new_id in zip(person_ids, new_ids)])
            return done + list(person_ids)
        return done

    async def _create_leads_one_by_one(self, person_ids: list[int], people: dict[int, Person],
                                       rows_of: dict[int, list[OutboxRow]], report: RunReport) -> list[int]:
        """After a refused batch: one create per person, so only the people Dynamics refuses fail, with its reason."""
        # An org without CreateMultiple creates one lead at a time, so part of the batch may be in Dynamics
        # already: look again rather than create anyone twice.
        found = await self.client.find_people_by_email("lead", [people[p].email for p in person_ids])
        links: list[tuple[Person, str, str]] = []
        created: list[int] = []
        try:
            for person_id in person_ids:
                if self._stopping():
                    break
                person = people[person_id]
                match = found.get((person.email or "").lower())
                if match is not None:
                    links.append((person, match.kind, match.id))
                    created.append(person_id)
                    continue
                try:
                    new_id = await self.client.create_lead(**_lead_record(person))
                except BadRequest as exc:
                    self._finish(rows_of[person_id], FAILED, "failed", f"could not create the lead: {exc.message}",
                                 report)
                    continue
                links.append((person, "lead", new_id))
                created.append(person_id)
        finally:
            self._link_people(links)  # what was created is linked, even when an error ends the batch
        return created

    def _link_people(self, links: Sequence[tuple[Person, str, str]]) -> None:
        """Record the Dynamics type and id of many people in one transaction."""
        if not links:
            return
        from sqlalchemy import bindparam

        now = self.clock()
        for person, kind, dynamics_id in links:
            person.dynamics_type, person.dynamics_id = kind, dynamics_id
        table = Person.__table__
        statement = (table.update().where(table.c.id == bindparam("person_id"))
                     .values(dynamics_type=bindparam("kind"), dynamics_id=bindparam("new_id"), updated_at=now))
        params = [{"person_id": person.id, "kind": kind, "new_id": dynamics_id} for person, kind, dynamics_id in links]

        def write(session: Session):
            session.connection().execute(statement, params)
        self._transaction(write)

    async def _create_app_list(self, name: str, member_type: str) -> MarketingList:
        for attempt in range(1, CREATE_ATTEMPTS + 1):
            try:
                return await self.client.get_list(await self.client.create_list(name, member_type))
            except DynamicsError as exc:
                if not (isinstance(exc, ConnectionFailed) or exc.retryable) or attempt == CREATE_ATTEMPTS:
                    raise
                # The answer was lost, maybe not the list: look for it before making another.
                await asyncio.sleep(self.client.retry.backoff(attempt))
                found = await self.client.find_list(name)
                if found is not None:
                    return found
        raise AssertionError("unreachable")

    async def _ensure_app_list(self, campaign: CampaignRecord, member_type: str, *,
                               known_missing: bool = False) -> MarketingList:
        """CampSync's list for this campaign and member type: found, re-created or re-linked as needed."""
        key = (campaign.id, member_type)
        if key in self._lists:
            return self._lists[key]
        name = app_list_name(self.settings().list_prefix, member_type, campaign.id)
        with Session(self.store) as session:
            row = session.exec(select(AppList).where(AppList.campaign_id == campaign.id,
                                                     AppList.member_type == member_type)).first()
        lst = None
        if row and row.dynamics_list_id and not known_missing:
            try:
                lst = await self.client.get_list(row.dynamics_list_id)
            except NotFound:
                lst = None
        if lst is None:
            lst = await self.client.find_list(name)
        if lst is None:
            lst = await self._create_app_list(name, member_type)
            log.info("created app list %s for campaign %s", name, campaign.name)
        linked = {linked.id for linked in await self.client.campaign_lists(campaign.id)}
        if lst.id not in linked:
            await self.client.link_list(campaign.id, lst.id)
        list_id = lst.id

        def write(session: Session):
            stored = session.exec(select(AppList).where(AppList.campaign_id == campaign.id,
                                                        AppList.member_type == member_type)).first()
            stored = stored or AppList(campaign_id=campaign.id, member_type=member_type, name=name)
            stored.name, stored.dynamics_list_id = name, list_id
            session.add(stored)
        self._transaction(write)
        self._lists[key] = lst
        return lst

    # ---- remove --------------------------------------------------------------------------------

    async def _remove(self, campaign: CampaignRecord, rows: list[OutboxRow], people: dict[int, Person],
                      report: RunReport) -> None:
        """RemoveMemberList takes one member per request, so several are sent at once (Dataverse allows many
        concurrent requests per user; one after the other, 1,000 removals took 1,000 round trips)."""
        with Session(self.store) as session:
            app_lists = {a.member_type: a for a in session.exec(select(AppList).where(
                AppList.campaign_id == campaign.id))}
        sendable = []
        for row in rows:
            person = people[row.person_id]
            app_list = app_lists.get(person.dynamics_type or "")
            if app_list is None or not app_list.dynamics_list_id or not person.dynamics_id:
                self._finish([row], DONE, "skipped", "not a member through CampSync's list", report)
            else:
                sendable.append((row, app_list.dynamics_list_id))
        for chunk in chunked(sendable, REMOVE_CONCURRENCY):
            if self._stopping():
                return
            await self._remove_chunk(campaign, chunk, people, report)

    async def _remove_chunk(self, campaign: CampaignRecord, chunk: list[tuple[OutboxRow, str]],
                            people: dict[int, Person], report: RunReport) -> None:
        self._mark_sent([row for row, _ in chunk])
        results = await asyncio.gather(*(self.client.remove_member(list_id, people[row.person_id].dynamics_id)
                                         for row, list_id in chunk), return_exceptions=True)
        removed: dict[str, list[OutboxRow]] = defaultdict(list)
        stop_with: BaseException | None = None
        for (row, list_id), result in zip(chunk, results):
            if result is None:
                removed[list_id].append(row)
            elif isinstance(result, NotFound) and "list" in result.message.lower():
                self._drop_membership(row.person_id, campaign.id, list_id)
                self._finish([row], DONE, "skipped", "CampSync's list was deleted in Dynamics; nothing left to "
                                                     "remove", report)
            elif isinstance(result, (NotFound, BadRequest)):
                self._finish([row], FAILED, "failed", result.message, report)
            else:
                stop_with = stop_with or result  # the org is unreachable, or a bug: the run decides
        for list_id, done in removed.items():
            await self._confirm(campaign, done, people, REMOVED, list_id, report)
        if stop_with is not None:
            raise stop_with  # rows still "sent" go back to the queue (run); re-removing is harmless

    # ---- store writes --------------------------------------------------------------------------

    async def _confirm(self, campaign: CampaignRecord, rows: list[OutboxRow], people: dict[int, Person],
                       trigger: str, list_id: str, report: RunReport) -> None:
        """Dynamics confirmed these rows: record them a slice at a time, the event loop running in between.
        Each row's membership, trigger event and outcome share one transaction; a crash between slices leaves
        the rest "sent", and resending those to Dynamics changes nothing there."""
        for part in chunked(rows, CONFIRM_SLICE):
            await self._confirm_slice(campaign, part, people, trigger, list_id, report)

    async def _confirm_slice(self, campaign: CampaignRecord, rows: list[OutboxRow], people: dict[int, Person],
                             trigger: str, list_id: str, report: RunReport) -> None:
        if not rows:
            return
        now = self.clock()
        outcome = "added" if trigger == ADDED else "removed"
        ids = [r.id for r in rows]
        person_ids = [r.person_id for r in rows]

        # Bulk statements, not one ORM object per row: this runs on the window's thread once per batch.
        def write(session: Session) -> list[NewTriggerEvent]:
            session.exec(update(OutboxRow).where(col(OutboxRow.id).in_(ids))
                         .values(state=DONE, outcome=outcome, reason="confirmed by Dynamics", done_at=now,
                                 last_error=None))
            already = set(session.exec(select(TriggerEvent.outbox_id).where(col(TriggerEvent.outbox_id).in_(ids))))
            if trigger == ADDED:
                upsert = sqlite_insert(Membership)
                session.execute(upsert.on_conflict_do_update(
                    index_elements=["person_id", "campaign_id", "list_id"],
                    set_={name: upsert.excluded[name] for name in ("source", "added_at", "origin", "request_id")}),
                    [dict(person_id=row.person_id, campaign_id=campaign.id, list_id=list_id, source="flow_action",
                          added_at=now, origin=row.origin, request_id=row.request_id) for row in rows])
            else:
                session.exec(delete(Membership).where(col(Membership.person_id).in_(person_ids),
                                                      Membership.campaign_id == campaign.id,
                                                      Membership.source == "flow_action"))
            events = [NewTriggerEvent(trigger=trigger, person_id=row.person_id,
                                      email=people[row.person_id].email, campaign_id=campaign.id,
                                      campaign_name=campaign.name, origin=row.origin, request_id=row.request_id,
                                      outbox_id=row.id, at=now)
                      for row in rows if row.id not in already]
            return append_events(session, events)  # gives the events the ids the published events carry

        written = self._transaction(write)
        report.done += len(rows)
        for row in rows:
            row.state, row.outcome = DONE, outcome
        self.bus.publish(Event(OUTBOX, {"ids": ids, "state": DONE, "outcome": outcome}))
        by_id = {row.id: row for row in rows}
        for part in chunked(written, PUBLISH_SLICE):
            # depth and chain travel with the events so trigger campaigns can stop chains that feed themselves
            self.bus.publish(Event(TRIGGERS, {"events": [
                {**event_to_dict(event), "depth": by_id[event.outbox_id].depth,
                 "chain": json.loads(by_id[event.outbox_id].chain)} for event in part]}))
            await asyncio.sleep(0)  # the log panel and trigger campaigns take their share; the window breathes

    def _finish(self, rows: list[OutboxRow], state: str, outcome: str, reason: str, report: RunReport) -> None:
        if not rows:
            return
        now = self.clock()

        def write(session: Session):
            session.exec(update(OutboxRow).where(col(OutboxRow.id).in_([r.id for r in rows]))
                         .values(state=state, outcome=outcome, reason=reason, done_at=now,
                                 last_error=reason if state == FAILED else None))
        self._transaction(write)
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

    def _mark_sent(self, rows: list[OutboxRow]) -> None:
        now = self.clock()

        def write(session: Session):
            session.exec(update(OutboxRow).where(col(OutboxRow.id).in_([r.id for r in rows]))
                         .values(state=SENT, sent_at=now, attempts=OutboxRow.attempts + 1))
        self._transaction(write)
        for row in rows:
            row.state = SENT

    def _back_to_pending(self, rows: list[OutboxRow], error: str) -> None:
        """A retryable failure: the rows wait for the next run, unless they have been tried too often."""
        if not rows:
            return

        def write(session: Session):
            for row in session.exec(select(OutboxRow).where(col(OutboxRow.id).in_([r.id for r in rows]))):
                give_up = row.attempts >= MAX_ATTEMPTS
                row.state = FAILED if give_up else PENDING
                row.claimed_by = None
                row.last_error = error
                if give_up:
                    row.outcome, row.reason = "failed", f"gave up after {row.attempts} attempts: {error}"
                session.add(row)
        self._transaction(write)

    def _release(self, rows: Iterable[OutboxRow]) -> None:
        ids = [r.id for r in rows]
        if not ids:
            return

        def write(session: Session):
            session.exec(update(OutboxRow).where(col(OutboxRow.id).in_(ids),
                                                 col(OutboxRow.state).in_((CLAIMED, SENT)))
                         .values(state=PENDING, claimed_by=None))
        self._transaction(write)

    def _drop_membership(self, person_id: int, campaign_id: str, list_id: str) -> None:
        def write(session: Session):
            row = session.get(Membership, (person_id, campaign_id, list_id))
            if row is not None:
                session.delete(row)
        self._transaction(write)

    def campaign_record(self, campaign_id: str) -> CampaignRecord:
        with Session(self.store) as session:
            return session.get(CampaignRecord, campaign_id)

    def _cache_campaign(self, campaign) -> None:
        def write(session: Session):
            session.merge(CampaignRecord(id=campaign.id, name=campaign.name, code=campaign.code,
                                         statecode=campaign.statecode, statuscode=campaign.statuscode,
                                         refreshed_at=self.clock()))
        self._transaction(write)

    def _forget_campaign(self, campaign_id: str) -> None:
        def write(session: Session):
            row = session.get(CampaignRecord, campaign_id)
            if row is not None:
                session.delete(row)
        self._transaction(write)

    def _people(self, ids: list[int]) -> dict[int, Person]:
        result: dict[int, Person] = {}
        with Session(self.store) as session:
            for chunk in chunked(sorted(set(ids)), 500):
                for person in session.exec(select(Person).where(col(Person.id).in_(chunk))):
                    result[person.id] = person
        return result

    # ---- queue management ----------------------------------------------------------------------

    def retry_failed(self, request_id: str | None = None, ids: Sequence[int] | None = None) -> int:
        def write(session: Session):
            # Blocked rows too: the campaign may be active again; execution re-checks and blocks them if not.
            query = select(OutboxRow).where(OutboxRow.state == FAILED)
            if request_id:
                query = query.where(OutboxRow.request_id == request_id)
            if ids:
                query = query.where(col(OutboxRow.id).in_(list(ids)))
            rows = list(session.exec(query))
            for row in rows:
                row.state, row.outcome, row.reason, row.attempts, row.claimed_by = PENDING, None, None, 0, None
                session.add(row)
            return len(rows)
        return self._transaction(write)

    def cancel(self, ids: Sequence[int] | None = None, request_id: str | None = None) -> int:
        def write(session: Session):
            query = select(OutboxRow).where(col(OutboxRow.state).in_((PENDING, FAILED)))
            if ids:
                query = query.where(col(OutboxRow.id).in_(list(ids)))
            if request_id:
                query = query.where(OutboxRow.request_id == request_id)
            rows = list(session.exec(query))
            for row in rows:
                row.state, row.outcome, row.reason = CANCELLED, "cancelled", "cancelled by the user"
                session.add(row)
            return len(rows)
        return self._transaction(write)

    def rows_of(self, request_id: str) -> list[OutboxRow]:
        with Session(self.store) as session:
            return list(session.exec(select(OutboxRow).where(OutboxRow.request_id == request_id)
                                     .order_by(OutboxRow.id)))


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


def _lead_record(person: Person) -> dict:
    """create_lead's arguments for a person CampSync creates in Dynamics (implied sync)."""
    return dict(last_name=person.last_name or person.first_name,
                first_name=person.first_name if person.last_name else "", email=person.email,
                company=person.company, job_title=person.job_title, country=person.country)
