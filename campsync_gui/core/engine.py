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
from sqlalchemy import func
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select, update

from ..dynamics.client import DataverseClient, chunked
from ..dynamics.entities import MarketingList, version_tuple
from ..dynamics.errors import AuthError, BadRequest, ConnectionFailed, DynamicsError, NotFound, ServiceError
from . import flows
from .applists import app_list_name
from .events import OUTBOX, PROBLEM, TRIGGER, Event, EventBus
from .models import AppList, CampaignRecord, FlowRequest, Membership, OutboxRow, Person, TriggerEvent
from .settings import SyncSettings, load_settings
from .triggers import ADDED, REMOVED, append_events, event_to_dict

log = logging.getLogger(__name__)
T = TypeVar("T")

PENDING, CLAIMED, SENT, DONE, FAILED, CANCELLED = "pending", "claimed", "sent", "done", "failed", "cancelled"
OPEN_STATES = (PENDING, CLAIMED, SENT)
MAX_ATTEMPTS = 5
CLAIM_LEASE_SECONDS = 15 * 60
CLAIM_BATCH = 5000


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

    def enqueue(self, plan: flows.Plan, *, origin: str, request_id: str | None = None, depth: int = 0,
                chain: list[int] | None = None) -> str:
        """Write one outbox row per runnable person, in one transaction, and return the request id."""
        request_id = request_id or new_request_id()
        now = self.clock()
        rows = [OutboxRow(action=plan.action, campaign_id=plan.campaign_id, person_id=item.person.id,
                          idempotency_key=f"{plan.action}:{plan.campaign_id}:{item.person.id}:{request_id}",
                          request_id=request_id, origin=origin, depth=depth, created_at=now,
                          chain=json.dumps(chain or []))
                for item in plan.runnable]

        def write(session: Session):
            session.add_all(rows)
            session.merge(FlowRequest(request_id=request_id, action=plan.action, campaign_id=plan.campaign_id,
                                      origin=origin, created_at=now))

        self._transaction(write)
        self.bus.publish(Event(OUTBOX, {"request_id": request_id, "state": PENDING, "count": len(rows)}))
        return request_id

    # ---- the worker --------------------------------------------------------------------------

    def recover(self) -> int:
        """Make rows claimed by a dead worker (killed process, expired lease) claimable again."""
        now = self.clock()
        host = socket.gethostname()
        stale = []
        with Session(self.store) as session:
            for row in session.exec(select(OutboxRow).where(col(OutboxRow.state).in_((CLAIMED, SENT)))):
                owner = row.claimed_by or ""
                if owner == self.worker_id:
                    continue
                parts = owner.split(":")  # host:pid:token, see worker_id
                pid = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
                dead = parts[0] == host and not _pid_alive(pid)
                expired = (row.claimed_at or 0) < now - CLAIM_LEASE_SECONDS
                if dead or expired:
                    stale.append(row.id)
        if stale:
            def release(session: Session):
                # sent_at stays: it tells the next run that this action may already be in Dynamics.
                session.exec(update(OutboxRow).where(col(OutboxRow.id).in_(stale))
                             .values(state=PENDING, claimed_by=None))
            self._transaction(release)
            log.info("recovered %d outbox rows left by a stopped worker", len(stale))
        return len(stale)

    def _claim(self) -> list[OutboxRow]:
        now = self.clock()

        def claim(session: Session):
            ids = list(session.exec(select(OutboxRow.id).where(OutboxRow.state == PENDING)
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
        self._confirm(campaign, chunk, people, ADDED, lst.id, report)

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
            self._confirm(campaign, chunk, people, ADDED, lst.id, report)
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
        self._confirm(campaign, good, people, ADDED, lst.id, report)

    async def _ensure_in_dynamics(self, rows: list[OutboxRow], people: dict[int, Person],
                                  report: RunReport) -> list[OutboxRow]:
        """Implied sync: find people by email in Dynamics, create the rest as leads. Returns rows ready to add."""
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
        for row in missing:
            person = people[row.person_id]
            match = found.get((person.email or "").lower())
            if match is None:
                problem = flows.missing_data(person)
                if problem:
                    self._finish([row], FAILED, "blocked", problem, report)
                    continue
                try:
                    new_id = await self.client.create_lead(
                        last_name=person.last_name or person.first_name, first_name=person.first_name
                        if person.last_name else "", email=person.email, company=person.company,
                        job_title=person.job_title, country=person.country)
                except BadRequest as exc:
                    self._finish([row], FAILED, "failed", f"could not create the lead: {exc.message}", report)
                    continue
                kind, dynamics_id = "lead", new_id
            else:
                kind, dynamics_id = match.kind, match.id
            self._link_person(person, kind, dynamics_id)
            ready.append(row)
        return ready

    def _link_person(self, person: Person, kind: str, dynamics_id: str) -> None:
        person.dynamics_type, person.dynamics_id = kind, dynamics_id

        def write(session: Session):
            stored = session.get(Person, person.id)
            stored.dynamics_type, stored.dynamics_id, stored.updated_at = kind, dynamics_id, self.clock()
            session.add(stored)
        self._transaction(write)

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
            new_id = await self.client.create_list(name, member_type)
            lst = await self.client.get_list(new_id)
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
        with Session(self.store) as session:
            app_lists = {a.member_type: a for a in session.exec(select(AppList).where(
                AppList.campaign_id == campaign.id))}
        for row in rows:
            if self._stopping():
                return
            person = people[row.person_id]
            app_list = app_lists.get(person.dynamics_type or "")
            if app_list is None or not app_list.dynamics_list_id or not person.dynamics_id:
                self._finish([row], DONE, "skipped", "not a member through CampSync's list", report)
                continue
            self._mark_sent([row])
            try:
                await self.client.remove_member(app_list.dynamics_list_id, person.dynamics_id)
            except NotFound as exc:
                if "list" in exc.message.lower():
                    self._drop_membership(person.id, campaign.id, app_list.dynamics_list_id)
                    self._finish([row], DONE, "skipped", "CampSync's list was deleted in Dynamics; "
                                                         "nothing left to remove", report)
                else:
                    self._finish([row], FAILED, "failed", exc.message, report)
                continue
            except BadRequest as exc:
                self._finish([row], FAILED, "failed", exc.message, report)
                continue
            self._confirm(campaign, [row], people, REMOVED, app_list.dynamics_list_id, report)

    # ---- store writes --------------------------------------------------------------------------

    def _confirm(self, campaign: CampaignRecord, rows: list[OutboxRow], people: dict[int, Person], trigger: str,
                 list_id: str, report: RunReport) -> None:
        """Dynamics confirmed: membership, trigger events and outcomes in one transaction, then publish."""
        if not rows:
            return
        now = self.clock()
        outcome = "added" if trigger == ADDED else "removed"

        def write(session: Session) -> list[TriggerEvent]:
            ids = [r.id for r in rows]
            session.exec(update(OutboxRow).where(col(OutboxRow.id).in_(ids))
                         .values(state=DONE, outcome=outcome, reason="confirmed by Dynamics", done_at=now,
                                 last_error=None))
            already = set(session.exec(select(TriggerEvent.outbox_id).where(col(TriggerEvent.outbox_id).in_(ids))))
            events = []
            for row in rows:
                person = people[row.person_id]
                if trigger == ADDED:
                    session.merge(Membership(person_id=person.id, campaign_id=campaign.id, list_id=list_id,
                                             source="flow_action", added_at=now, origin=row.origin,
                                             request_id=row.request_id))
                else:
                    for member in session.exec(select(Membership).where(
                            Membership.person_id == person.id, Membership.campaign_id == campaign.id,
                            Membership.source == "flow_action")):
                        session.delete(member)
                if row.id not in already:
                    events.append(TriggerEvent(trigger=trigger, person_id=person.id, email=person.email,
                                               campaign_id=campaign.id, campaign_name=campaign.name,
                                               origin=row.origin, request_id=row.request_id, outbox_id=row.id,
                                               at=now))
            append_events(session, events)
            session.flush()  # gives the new events their ids, which the published events carry
            return events

        written = self._transaction(write)
        report.done += len(rows)
        for row in rows:
            row.state, row.outcome = DONE, outcome
        by_id = {row.id: row for row in rows}
        for event in written:
            # depth and chain travel with the event so trigger campaigns can stop chains that feed themselves
            row = by_id.get(event.outbox_id)
            self.bus.publish(Event(TRIGGER, {**event_to_dict(event), "depth": row.depth if row else 0,
                                             "chain": json.loads(row.chain) if row else []}))
        self.bus.publish(Event(OUTBOX, {"ids": [r.id for r in rows], "state": DONE, "outcome": outcome}))

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
