"""SyncEngine: outbox rows → batches → the Dataverse client → confirmations → trigger events.

Every flow action is written to the outbox before anything is sent. A worker claims rows, marks
them sent just before each call, and on Dynamics' confirmation writes the membership, the trigger
event and the row's outcome in one transaction. A process killed anywhere leaves rows that the
next run claims again; a re-sent add or remove is harmless in Dynamics (AddListMembersList ignores
existing members, RemoveMemberList ignores non-members), and a trigger event is unique per row,
so every action ends exactly once.

The engine runs the loop and decides; its collaborators each keep one part: the outbox's states
(outbox.py), people created in Dynamics (implied_sync.py), CampSync's lists (applists.py) and
what a confirmation records (confirmation.py).
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import partial

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from ..dynamics.client import DataverseClient, chunked
from ..dynamics.entities import MarketingList, version_tuple
from ..dynamics.errors import AuthError, BadRequest, ConnectionFailed, DynamicsError, NotFound, ServiceError
from ..language import translate
from . import campaigns, flows
from .applists import AppLists
from .confirmation import Confirmation
from .events import PROBLEM, Event, EventBus
from .id_sets import among
from .implied_sync import ImpliedSync
from .models import CampaignRecord, Membership, OutboxRow, Person
from .outbox import CLAIMED, DONE, ENQUEUE_SLICE, FAILED, OPEN_STATES, SENT, Outbox, RunReport, new_worker_id
from .parallel import Followups, ask_early, in_parallel
from .people import by_ids as people_by_ids
from .settings import SyncSettings, load_settings
from .transactions import transaction
from .triggers import ADDED, REMOVED

PLAN_SLICE = 500
# A campaign found active is not asked again within this many seconds of the same run: a claim of 1,000 rows
# takes well under a second, and one GET per claim was a quarter of a 10,000-person drop's requests.
CAMPAIGN_RECHECK_SECONDS = 30.0


class SyncEngine:
    """Plans flow actions, queues them in the outbox, and runs the queue against Dynamics."""

    def __init__(self, db: Engine, client: DataverseClient | None, *, scope: str = "",
                 bus: EventBus | None = None, clock: Callable[[], float] = time.time):
        self.db = db
        self.scope = scope
        self.bus = bus or EventBus()
        self.clock = clock
        self._client = client
        self.outbox = Outbox(db, worker_id=new_worker_id(), clock=clock, bus=self.bus)
        self.implied_sync = ImpliedSync(db, client, self.outbox, clock=clock, stopping=self._stopping)
        self.app_lists = AppLists(db, client)
        self.confirmation = Confirmation(db, self.bus, clock=clock)
        self._prerequisite_problem: str | None = None
        self._prerequisite_checked = False
        self.privilege_problem: str | None = None  # set by the workspace for a signed-in person (core/signin.py)
        self._stop: asyncio.Event | None = None
        self._campaign_checked: dict[str, float] = {}  # campaign id → when Dynamics last said it is active
        self._early_checks: dict[str, asyncio.Task] = {}  # campaign id → its check, asked before the claim
        self._early_lists: dict[tuple[str, str], asyncio.Task] = {}  # (campaign, member type) → its list, made then

    @property
    def client(self) -> DataverseClient | None:
        return self._client

    @client.setter
    def client(self, client: DataverseClient | None) -> None:
        """The workspace may connect after building the engine: the collaborators that call Dynamics follow."""
        self._client = client
        self.implied_sync.client = client
        self.app_lists.client = client

    @property
    def worker_id(self) -> str:
        """host:pid:token of this process's worker, on the rows it claims."""
        return self.outbox.worker_id

    @worker_id.setter
    def worker_id(self, worker_id: str) -> None:
        self.outbox.worker_id = worker_id

    # ---- settings and readiness --------------------------------------------------------------

    def settings(self) -> SyncSettings:
        return load_settings(self.db, self.scope)

    async def check_prerequisite(self, *, force: bool = False) -> str | None:
        """The reason flow actions are blocked by the prerequisite solution, or None when it is fine."""
        if self._prerequisite_checked and not force:
            return self._prerequisite_problem
        settings = self.settings()
        solution = await self.client.solution(settings.prerequisite_solution)
        if solution is None:
            problem = translate("SyncEngine", "the prerequisite solution {solution} is not installed in the "
                                              "org").format(solution=repr(settings.prerequisite_solution))
        elif solution.version_tuple() < version_tuple(settings.prerequisite_min_version):
            problem = translate("SyncEngine", "the prerequisite solution {solution} is at {version}, older than the "
                                              "required {minimum}").format(
                solution=repr(settings.prerequisite_solution), version=solution.version,
                minimum=settings.prerequisite_min_version)
        else:
            problem = None
        self._prerequisite_problem, self._prerequisite_checked = problem, True
        return problem

    def adopt_prerequisite(self, other: "SyncEngine") -> None:
        """Take what `other` found of the prerequisite solution (the same org, checked on another thread)."""
        self.adopt_prerequisite_state(other.prerequisite_state)

    @property
    def prerequisite_state(self) -> tuple[bool, str | None]:
        """(checked, problem): what this engine found of the prerequisite solution, to hand to another engine."""
        return self._prerequisite_checked, self._prerequisite_problem

    def adopt_prerequisite_state(self, state: tuple[bool, str | None]) -> None:
        checked, problem = state
        if checked:
            self._prerequisite_problem, self._prerequisite_checked = problem, True

    def parallel_requests(self, settings: SyncSettings) -> int:
        """Requests to keep in flight: the org's latest x-ms-dop-hint, capped by the admin's setting."""
        return max(1, min(self.client.dop_hint, settings.max_parallel_requests))

    def readiness(self) -> flows.Readiness:
        return flows.Readiness(sync_enabled=self.settings().campaign_sync_enabled,
                               prerequisite_problem=self._prerequisite_problem,
                               privilege_problem=self.privilege_problem)

    # ---- planning and enqueueing -------------------------------------------------------------

    def plan(self, people: Sequence[Person], campaign: CampaignRecord | None, action: str, *,
             campaign_ref: str = "") -> flows.Plan:
        ids = [p.id for p in people]
        campaign_id = campaign.id if campaign else campaign_ref
        with Session(self.db) as session:
            memberships: dict[int, list[Membership]] = defaultdict(list)
            for row in session.exec(select(Membership).where(Membership.campaign_id == campaign_id,
                                                             among(Membership.person_id, ids))):
                memberships[row.person_id].append(row)
            queued = set(session.exec(select(OutboxRow.person_id).where(
                OutboxRow.campaign_id == campaign_id, OutboxRow.action == action,
                col(OutboxRow.state).in_(OPEN_STATES), among(OutboxRow.person_id, ids))))
        return flows.plan(people, campaign, action, readiness=self.readiness(), memberships=memberships,
                          queued=queued, campaign_ref=campaign_ref)

    async def plan_in_slices(self, person_ids: Sequence[int], campaign: CampaignRecord | None, action: str, *,
                             campaign_ref: str = "", slice_size: int = PLAN_SLICE) -> flows.Plan:
        """`plan` for the window: people are read and planned a slice at a time with the event loop running in
        between (reading 10,000 people at once froze the window for most of a second). Same plan as `plan`."""
        # Each person once, in the order given, found a slice at a time (200,000 at once took the window 30 ms).
        whole: flows.Plan | None = None
        seen: set[int] = set()
        for start in range(0, len(person_ids), slice_size):
            part = [i for i in dict.fromkeys(person_ids[start:start + slice_size]) if i not in seen]
            seen.update(part)
            people = self._people(part)
            planned = self.plan([people[i] for i in part if i in people], campaign, action,
                                campaign_ref=campaign_ref)
            if whole is None:
                whole = planned
            else:
                whole.items.extend(planned.items)
            await asyncio.sleep(0)
        return whole or self.plan([], campaign, action, campaign_ref=campaign_ref)

    # ---- the outbox, for callers ---------------------------------------------------------------

    def enqueue(self, plan: flows.Plan, *, origin: str, request_id: str | None = None, depth: int = 0,
                chain: list[int] | None = None, actor: str = "") -> str:
        return self.outbox.enqueue(plan, origin=origin, request_id=request_id, depth=depth, chain=chain, actor=actor)

    async def enqueue_in_slices(self, plan: flows.Plan, *, origin: str, request_id: str | None = None,
                                slice_size: int = ENQUEUE_SLICE, actor: str = "") -> str:
        return await self.outbox.enqueue_in_slices(plan, origin=origin, request_id=request_id, slice_size=slice_size,
                                                   actor=actor)

    def recover(self) -> int:
        return self.outbox.recover()

    def pending_count(self) -> int:
        return self.outbox.pending_count()

    def retry_failed(self, request_id: str | None = None, ids: Sequence[int] | None = None) -> int:
        return self.outbox.retry_failed(request_id, ids)

    def cancel(self, ids: Sequence[int] | None = None, request_id: str | None = None) -> int:
        return self.outbox.cancel(ids, request_id)

    def rows_of(self, request_id: str) -> list[OutboxRow]:
        return self.outbox.rows_of(request_id)

    # ---- the worker --------------------------------------------------------------------------

    async def run(self, *, stop: asyncio.Event | None = None,
                  progress: Callable[[int, int], None] | None = None) -> RunReport:
        """Process every claimable outbox row until none is left (or `stop` is set)."""
        report = RunReport()
        self._stop = stop
        self._campaign_checked.clear()  # every run asks Dynamics afresh whether its campaigns are still active
        requests_before = self.client.stats.requests
        self.outbox.recover()
        if not self._prerequisite_checked:
            try:
                await self.check_prerequisite()
            except DynamicsError as exc:
                problem = translate("SyncEngine", "could not check the prerequisite solution: {problem}").format(
                    problem=exc.message)
                report.problems.append(problem)
                self.bus.publish(Event(PROBLEM, {"message": problem}))
                report.left_pending = self.outbox.pending_count()
                return report
        while not (stop and stop.is_set()):
            # With questions on their way, the claim runs on a helper thread (the store's driver lets go of the
            # interpreter while it writes): their answers are read, and the next requests sent, meanwhile.
            rows = await asyncio.to_thread(self.outbox.claim) if self._ask_before_claiming() else self.outbox.claim()
            if not rows:
                break
            groups: dict[tuple[str, str], list[OutboxRow]] = defaultdict(list)
            for row in rows:
                groups[(row.campaign_id, row.action)].append(row)
            unreachable = False
            for (campaign_id, action), group in groups.items():
                if stop and stop.is_set():
                    self.outbox.release(group)
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
                        self.outbox.back_to_pending(unfinished, exc.message)
                        unreachable = True
                        break
                    self.outbox.finish(unfinished, FAILED, "failed", exc.message, report)
                if progress:
                    progress(report.done + report.failed + report.blocked + report.skipped, len(rows))
            self._drop_early_checks()
            if unreachable:
                self.outbox.release([r for g in groups.values() for r in g if r.state == CLAIMED])
                break
        self._drop_early_checks()
        if stop and stop.is_set():
            self.outbox.release(self.outbox.mine())
        report.left_pending = self.outbox.pending_count()
        report.requests = self.client.stats.requests - requests_before
        return report

    def _ask_before_claiming(self) -> bool:
        """Ask Dynamics about the campaign of the oldest queued row (still active? for an add, its linked lists, and
        CampSync's list made and linked if it has none) before claiming: the answers travel while the claim is
        written to the store (a tenth of a second for 10,000 rows), instead of after it. Used by `_execution_block`
        and `_add`; dropped when not needed. True when a question left."""
        upcoming = self.outbox.next_claimable()
        if upcoming is None:
            return False
        campaign_id, action, member_type = upcoming
        if campaign_id in self._early_checks or self._checked_recently(campaign_id):
            return False
        check = self._early_checks[campaign_id] = ask_early(self.client.campaign(campaign_id))
        if action == flows.ADD:
            self.app_lists.read_links_early(campaign_id)
            # Only for people already in Dynamics: new people's leads are created first, then the list, as an org
            # with slow plug-ins on creates (and the fault drills) expect.
            if member_type is not None and self._refused() is None:
                self._early_lists[(campaign_id, member_type)] = ask_early(
                    self._list_once_active(campaign_id, member_type, check))
        return True

    async def _list_once_active(self, campaign_id: str, member_type: str, check: asyncio.Task) -> None:
        campaign = await asyncio.shield(check)  # shielded: the check is also the run's, whatever becomes of this
        record = self.campaign_record(campaign_id)
        if campaign.active and record is not None and self._refused() is None:
            await self.app_lists.ensure(record, member_type, self.settings().list_prefix)

    def _drop_early_checks(self) -> None:
        for campaign_id, task in self._early_checks.items():
            task.cancel()
            self.app_lists.drop_early_read(campaign_id)
        for task in self._early_lists.values():
            task.cancel()
        self._early_checks.clear()
        self._early_lists.clear()

    def _checked_recently(self, campaign_id: str) -> bool:
        checked = self._campaign_checked.get(campaign_id)
        return checked is not None and time.monotonic() - checked < CAMPAIGN_RECHECK_SECONDS

    def _stopping(self) -> bool:
        """Asked between batches: a cancel or a quit ends the run after the request in flight."""
        return self._stop is not None and self._stop.is_set()

    async def _process_group(self, campaign_id: str, action: str, rows: list[OutboxRow], report: RunReport) -> None:
        if action == flows.ADD and not any(key[0] == campaign_id for key in self._early_lists):
            self.app_lists.read_links_early(campaign_id)  # in the same round trip as the campaign's check
        try:
            blocked = await self._execution_block(campaign_id)
            if blocked:
                self.outbox.finish(rows, FAILED, "blocked", blocked, report)
                return
            campaign = self.campaign_record(campaign_id)
            people = self._people([r.person_id for r in rows])
            if action == flows.ADD:
                await self._add(campaign, rows, people, report)
            else:
                await self._remove(campaign, rows, people, report)
        finally:
            self.app_lists.drop_early_read(campaign_id)

    async def _execution_block(self, campaign_id: str) -> str | None:
        """Re-check, at execution time, everything the plan checked: settings, prerequisite, campaign state."""
        refused = self._refused()
        if refused:
            return refused
        if self._checked_recently(campaign_id):
            return None  # active in Dynamics moments ago, in this run: another GET per claim only costs time
        try:
            campaign = await self._campaign_now(campaign_id)
        except NotFound:
            self._forget_campaign(campaign_id)
            return translate("SyncEngine", "the campaign was deleted in Dynamics before this action ran")
        self._cache_campaign(campaign)
        if not campaign.active:
            return translate("SyncEngine", "campaign {campaign} became inactive in Dynamics before this action "
                                           "ran").format(campaign=repr(campaign.name))
        self._campaign_checked[campaign_id] = time.monotonic()
        return None

    def _refused(self) -> str | None:
        """Why no flow action may run now, whatever the campaign: sync disabled, the prerequisite, privileges."""
        if not self.settings().campaign_sync_enabled:
            return translate("SyncEngine", "campaign sync was disabled before this action ran")
        return self._prerequisite_problem or self.privilege_problem or None

    async def _campaign_now(self, campaign_id: str):
        """The campaign as Dynamics has it now: the answer to the question asked before the claim, if any (its
        failure is this check's failure, as if asked here)."""
        early = self._early_checks.pop(campaign_id, None)
        return await (early if early is not None else self.client.campaign(campaign_id))

    # ---- add -----------------------------------------------------------------------------------

    async def _add(self, campaign: CampaignRecord, rows: list[OutboxRow], people: dict[int, Person],
                   report: RunReport) -> None:
        settings = self.settings()
        # CampSync's list, if it was being made before the claim, is finished first (made, or failed there: ensure
        # below says which): the org sees that write end before the leads' (one kind of write after the other).
        made_early = [task for key, task in self._early_lists.items() if key[0] == campaign.id]
        if made_early:
            await asyncio.wait(made_early)
        rows = await self.implied_sync.ensure_in_dynamics(rows, people, report,
                                                          parallel=self.parallel_requests(settings))
        by_type: dict[str, list[OutboxRow]] = defaultdict(list)
        for row in rows:
            by_type[people[row.person_id].dynamics_type].append(row)
        batch = max(1, settings.batch_size)
        for member_type, typed_rows in by_type.items():
            lst = await self.app_lists.ensure(campaign, member_type, settings.list_prefix)
            # Several batches in flight at once, each confirmed as its answer comes while the next batch is on its
            # way: the round trips overlap each other and the store's work. Unsent rows go back to the queue when
            # a stopped run ends.
            chunks, parallel = list(chunked(typed_rows, batch)), self.parallel_requests(settings)
            # The first requests' rows are marked sent in one write rather than one each (8 × 4 ms before the
            # last of them could leave); a row marked but not sent (a stop) goes back to the queue as any other.
            self.outbox.mark_sent([row for chunk in chunks[:parallel] for row in chunk])
            confirmations = Followups()
            try:
                await in_parallel([partial(self._add_chunk, campaign, lst, member_type, chunk, people, report,
                                           confirmations) for chunk in chunks], parallel,
                                  stopping=lambda: self._stopping() or confirmations.failed)
            finally:
                await confirmations.finish()

    async def _add_chunk(self, campaign: CampaignRecord, lst: MarketingList, member_type: str,
                         chunk: list[OutboxRow], people: dict[int, Person], report: RunReport,
                         confirmations: Followups) -> None:
        if chunk[0].state != SENT:  # the first requests' rows were marked together
            self.outbox.mark_sent(chunk)
        ids = [people[r.person_id].dynamics_id for r in chunk]
        try:
            await self.client.add_members(lst.id, member_type, ids, chunk=len(ids))
        except (BadRequest, NotFound) as exc:
            await self._add_chunk_failed(campaign, lst, member_type, chunk, people, report, exc)
            return
        confirmations.start(self.confirmation.confirm(campaign, chunk, people, ADDED, lst.id, report))

    async def _add_chunk_failed(self, campaign, lst, member_type, chunk, people, report, exc: ServiceError) -> None:
        """AddListMembersList is all-or-nothing: find out whether the list or some members are at fault."""
        try:
            current = await self.client.get_list(lst.id)
        except NotFound:
            current = None
        if current is None:
            # Someone deleted CampSync's list in Dynamics: make it again, then retry once.
            lst = await self.app_lists.ensure(campaign, member_type, self.settings().list_prefix, known_missing=True)
            try:
                await self.client.add_members(lst.id, member_type,
                                              [people[r.person_id].dynamics_id for r in chunk], chunk=len(chunk))
            except (BadRequest, NotFound) as again:
                self.outbox.finish(chunk, FAILED, "failed", again.message, report)
                return
            await self.confirmation.confirm(campaign, chunk, people, ADDED, lst.id, report)
            return
        if current.locked or not current.active:
            words = (translate("SyncEngine", "CampSync's list {name} is locked in Dynamics: {problem}")
                     if current.locked else
                     translate("SyncEngine", "CampSync's list {name} is inactive in Dynamics: {problem}"))
            self.outbox.finish(chunk, FAILED, "failed", words.format(name=repr(current.name), problem=exc.message),
                               report)
            return
        # The list is fine, so some members are not: add one by one to find them.
        good = []
        for row in chunk:
            try:
                await self.client.add_member(lst.id, people[row.person_id].dynamics_id)
                good.append(row)
            except (BadRequest, NotFound) as member_exc:
                self.outbox.finish([row], FAILED, "failed", member_exc.message, report)
        await self.confirmation.confirm(campaign, good, people, ADDED, lst.id, report)

    # ---- remove --------------------------------------------------------------------------------

    async def _remove(self, campaign: CampaignRecord, rows: list[OutboxRow], people: dict[int, Person],
                      report: RunReport) -> None:
        """RemoveMemberList takes one member per request, so several are sent at once (Dataverse allows many
        concurrent requests per user; one after the other, 1,000 removals took 1,000 round trips).

        Each person is removed from the list their membership is on (recorded when Dynamics confirmed the add, or
        read by a pull), not merely from the list the store knows for the campaign: a remove sent to a list the
        person is not on is answered "done" by Dynamics and would report "removed" of someone still there."""
        app_lists = self.app_lists.stored(campaign.id)
        on_lists = self._flow_action_lists(campaign.id, [row.person_id for row in rows])
        sendable = []
        for row in rows:
            person = people[row.person_id]
            app_list = app_lists.get(person.dynamics_type or "")
            current = app_list.dynamics_list_id if app_list is not None and app_list.dynamics_list_id else None
            # The recorded list may be an older one a pull has merged into the current list meanwhile (members
            # moved there): the current list is asked too, and an older list answered 404 then counts as gone.
            targets = list(dict.fromkeys([*on_lists.get(row.person_id, []), *([current] if current else [])]))
            if not targets or not person.dynamics_id:
                self.outbox.finish([row], DONE, "skipped",
                                   translate("SyncEngine", "not a member through CampSync's list"), report)
            else:
                sendable.extend((row, list_id) for list_id in targets)
        for chunk in _whole_rows(sendable, self.parallel_requests(self.settings())):
            if self._stopping():
                return
            await self._remove_chunk(campaign, chunk, people, report)

    def _flow_action_lists(self, campaign_id: str, person_ids: list[int]) -> dict[int, list[str]]:
        """person id -> the CampSync lists of this campaign the store has them on (usually one)."""
        found: dict[int, list[str]] = defaultdict(list)
        with Session(self.db) as session:
            for person_id, list_id in session.exec(
                    select(Membership.person_id, Membership.list_id).where(
                        Membership.campaign_id == campaign_id, Membership.source == flows.FLOW_ACTION,
                        among(Membership.person_id, person_ids)).order_by(Membership.list_id)):
                found[person_id].append(list_id)
        return found

    async def _remove_chunk(self, campaign: CampaignRecord, chunk: list[tuple[OutboxRow, str]],
                            people: dict[int, Person], report: RunReport) -> None:
        self.outbox.mark_sent(list({row.id: row for row, _ in chunk}.values()))
        results = await asyncio.gather(*(self.client.remove_member(list_id, people[row.person_id].dynamics_id)
                                         for row, list_id in chunk), return_exceptions=True)
        per_row: dict[int, list[tuple[OutboxRow, str, object]]] = defaultdict(list)
        for (row, list_id), result in zip(chunk, results):
            per_row[row.id].append((row, list_id, result))
        removed: dict[str, list[OutboxRow]] = defaultdict(list)
        stop_with: BaseException | None = None
        for sends in per_row.values():
            row, first_list, _ = sends[0]
            failures = [(list_id, result) for _, list_id, result in sends if result is not None]
            if not failures:
                removed[first_list].append(row)
                continue
            if len(sends) > 1 and len(failures) < len(sends) and all(
                    isinstance(result, NotFound) and result.is_about(list_id) for list_id, result in failures):
                # Off every list that still exists; the others were deleted in Dynamics, taking the person along.
                removed[first_list].append(row)
                continue
            list_id, result = failures[0]
            if isinstance(result, NotFound):
                self._remove_not_found(campaign, row, list_id, people[row.person_id], result, report)
            elif isinstance(result, BadRequest):
                self.outbox.finish([row], FAILED, "failed", result.message, report)
            else:
                stop_with = stop_with or result  # the org is unreachable, or a bug: the run decides
        for list_id, done in removed.items():
            await self.confirmation.confirm(campaign, done, people, REMOVED, list_id, report)
        if stop_with is not None:
            raise stop_with  # rows still "sent" go back to the queue (run); re-removing is harmless

    def _remove_not_found(self, campaign: CampaignRecord, row: OutboxRow, list_id: str, person: Person,
                          exc: NotFound, report: RunReport) -> None:
        """Say what Dynamics did not find, from the record the 404 names: the request's URL names the list even
        when the missing record is the person, so words in the message cannot tell them apart."""
        if exc.is_about(list_id) or exc.is_about(person.dynamics_id):
            # Either way the person is on no CampSync list in Dynamics any more: nothing to remove, no trigger.
            self.confirmation.drop_membership(row.person_id, campaign.id, list_id)
            if exc.is_about(list_id):
                gone = translate("SyncEngine", "CampSync's list was deleted in Dynamics; nothing left to remove")
            elif person.dynamics_type in ("lead", "contact"):
                gone = (translate("SyncEngine", "the lead {id} was deleted in Dynamics; nothing left to remove")
                        if person.dynamics_type == "lead" else
                        translate("SyncEngine", "the contact {id} was deleted in Dynamics; nothing left to remove")
                        ).format(id=person.dynamics_id)
            else:
                gone = (f"the {person.dynamics_type} {person.dynamics_id} was deleted in Dynamics; "
                        "nothing left to remove")  # neither lead nor contact: cannot happen, kept as it was
            self.outbox.finish([row], DONE, "skipped", gone, report)
        elif exc.is_about(campaign.id):
            self.outbox.finish([row], FAILED, "blocked", translate(
                "SyncEngine", "the campaign was deleted in Dynamics before this action ran"), report)
        else:
            self.outbox.finish([row], FAILED, "failed", exc.message, report)

    # ---- the store ---------------------------------------------------------------------------

    def campaign_record(self, campaign_id: str) -> CampaignRecord | None:
        return campaigns.campaign_record(self.db, campaign_id)

    def _cache_campaign(self, campaign) -> None:
        def write(session: Session):
            session.merge(CampaignRecord(id=campaign.id, name=campaign.name, code=campaign.code,
                                         statecode=campaign.statecode, statuscode=campaign.statuscode,
                                         refreshed_at=self.clock()))
        transaction(self.db, write)

    def _forget_campaign(self, campaign_id: str) -> None:
        def write(session: Session):
            row = session.get(CampaignRecord, campaign_id)
            if row is not None:
                session.delete(row)
        transaction(self.db, write)

    def _people(self, ids: list[int]) -> dict[int, Person]:
        return people_by_ids(self.db, ids)


def _whole_rows(sends: list[tuple[OutboxRow, str]], size: int) -> list[list[tuple[OutboxRow, str]]]:
    """Chunks of about `size` removals that never split one row's lists between two chunks (a row is confirmed
    once, after all of its removals are answered)."""
    chunks: list[list[tuple[OutboxRow, str]]] = []
    for send in sends:
        if chunks and (len(chunks[-1]) < size or chunks[-1][-1][0].id == send[0].id):
            chunks[-1].append(send)
        else:
            chunks.append([send])
    return chunks
