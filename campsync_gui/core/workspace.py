"""The application core: everything CampSync does, once, for the window and the command line.

A Workspace opens on the local store and the connection to one org. It builds the event bus, the sync engine,
the automation runner and the scheduler once, and offers each use case as one method: request a flow action
(plan → preview → confirm → run), undo, import people, pull from Dynamics, run a batch campaign, the scheduler's
tick, settings, the queue, the log. The faces turn a gesture or a command line into one call here and show what
comes back; nothing in them decides, writes the store or talks to Dynamics. Stored automation campaigns and
connection profiles are two parts of their own: `workspace.automations` and `workspace.profiles`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from sqlalchemy.engine import Engine

from ..dynamics.client import DataverseClient
from ..dynamics.connect import open_client
from ..dynamics.doctor import CheckResult, DoctorOptions, DoctorReport, run_doctor
from ..dynamics.errors import DynamicsError
from ..language import translate
from ..paths import AppPaths
from . import campaigns, chart_history, flows, journal, origins, people, people_index, queue, triggers
from .automation.batch import BatchReport, preview as batch_preview, run_batch
from .automation.library import AutomationLibrary
from .automation.runner import AutomationRunner
from .automation.scheduler import Scheduler, Tick
from .connections import Connection, NotConnected, Profiles, resolve_connection
from .engine import SyncEngine
from .engine_home import EngineHome
from .events import EventBus
from .models import CampaignRecord, OutboxRow, Person
from .outbox import RunReport
from .people_import import ImportReport, import_csv
from .pull import PullReport, pull_memberships, pull_people, refresh_campaigns
from .settings import SyncSettings, load_settings, save_settings
from .signin import SignInUseCases
from .store import open_store
from .store_url import resolve_store_url

__all__ = ["FlowOutcome", "ImportOutcome", "NotConnected", "PullOutcome", "Workspace"]

log = logging.getLogger(__name__)


@dataclass
class PullOutcome:
    campaigns: list[CampaignRecord]
    people: PullReport | None  # None when people were not read this time
    memberships: PullReport
    triggered: int = 0  # trigger campaign runs set off by values the org changed


@dataclass
class ImportOutcome:
    report: ImportReport
    triggered: int = 0  # trigger campaign runs set off by people created and values changed


@dataclass
class FlowOutcome:
    """One person's end of a flow action: what the plan said, or what Dynamics answered."""

    person: Person
    outcome: str  # added / removed / skipped / blocked / failed
    reason: str


def build_engine(db: Engine, client: DataverseClient | None, *, scope: str, bus: EventBus,
                 clock: Callable[[], float] = time.time) -> SyncEngine:
    """The sync engine, built here and nowhere else: a workspace's, and the one in the window's engine process."""
    engine = SyncEngine(db, client, scope=scope, bus=bus, clock=clock)
    engine.implied_sync.settings_source = engine.settings  # bulk sizes follow the connection's settings
    return engine


class Workspace(SignInUseCases):
    def __init__(self, db: Engine, *, connection: Connection | None = None, profile: str | None = None,
                 home: Path | None = None,
                 client: DataverseClient | None = None,
                 connect: Callable[[Connection], DataverseClient] = open_client,
                 clock: Callable[[], float] = time.time):
        """`connection`: the org to use (the window's built-in sandbox, a test's org); otherwise the stored
        profile `profile` (or the default one) with CAMPSYNC_* overrides, resolved on first use. `client`: an
        open client for that org (tests); otherwise `connect` opens one on first use. `home`: the folder of local
        things (the token cache); by default the store file's folder."""
        self.db = db
        self._home = home
        self.clock = clock
        self.bus = EventBus()
        self.profiles = Profiles(db)
        self.automations = AutomationLibrary(db, clock=clock)
        self._connection = connection
        self._profile = profile
        self._client = client
        self._connect = connect
        self._run: asyncio.Task | None = None  # the sync run in progress, if any
        self.engine_home = EngineHome(self)  # where sync runs happen: here, the engine's thread or its process
        self._stops: set[asyncio.Event] = set()  # one per long operation in progress: stop_running() sets them

    @classmethod
    def open(cls, db_file: Path | str | None = None, **kwargs) -> "Workspace":
        """A workspace on the store `db_file` (a file path or a store URL; a SQLite file is created or upgraded as
        needed); None: the store CAMPSYNC_DATABASE_URL or config.toml name, else the app home's file."""
        return cls(open_store(db_file if db_file is not None else resolve_store_url(AppPaths.resolve())), **kwargs)

    # ---- the org ---------------------------------------------------------------------------------------

    @property
    def connection(self) -> Connection:
        if self._connection is None:
            try:
                self._connection = resolve_connection(self.db, self._profile)
            except LookupError as exc:
                raise NotConnected(str(exc)) from exc
        return self._connection

    @property
    def scope(self) -> str:
        """The name the settings of this connection are kept under."""
        return self.connection.name

    @property
    def client(self) -> DataverseClient:
        """The client for this org, opened on first use; NotConnected when the connection cannot work."""
        if self._client is None:
            conn = self.connection
            missing = conn.missing()
            if missing:
                raise NotConnected(translate("Workspace", "Not connected: missing {settings}. Add a profile with "
                                                          "`campsync profile add`, or export the variables printed by "
                                                          "`campsync sandbox`.").format(settings=", ".join(missing)))
            problem = conn.url_problem()
            if problem:
                raise NotConnected(problem)
            try:
                if conn.auth_method == "user":
                    self._token_cache()  # where the signed-in person's tokens are kept
                self._client = self._connect(conn)
            except FileNotFoundError as exc:
                raise NotConnected(str(exc)) from exc
            self._client.bulk_timeout = float(self.settings().bulk_timeout_s)  # an org with slow plug-ins needs more
            if "_parts" in self.__dict__:  # built before the org was needed (planning needs no client)
                self.sync.client = self._client
        return self._client

    def connect(self) -> None:
        """Open the org's client now, so NotConnected says at once why the org cannot be reached."""
        self.client  # noqa: B018 — the property opens it

    async def aclose(self) -> None:
        """Let a sync run in flight finish its batch (the rest stays queued), then close the org's client."""
        self.stop_running()
        if self._run is not None and not self._run.done():
            try:
                await asyncio.wait_for(asyncio.shield(self._run), timeout=15)
            except asyncio.TimeoutError:
                log.warning("closed while a batch was in flight; its rows will be finished on the next start")
            except Exception:  # already reported by the run itself
                pass
        if "_parts" in self.__dict__:
            self.automation.close()
            with contextlib.suppress(Exception):  # a store that cannot be written now: the lease expires instead
                self.scheduler.release()  # another window or worker runs the schedule from its next tick
        await self.engine_home.aclose()
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def latency_ms(self) -> float:
        """One round trip to the org (WhoAmI), in milliseconds."""
        started = time.perf_counter()
        await self.client.whoami()
        return 1000 * (time.perf_counter() - started)

    def doctor_options(self, scope: str | None = None) -> DoctorOptions:
        settings = load_settings(self.db, self.scope if scope is None else scope)
        learned = (self.sync.implied_sync.batch_now if "_parts" in self.__dict__ and scope in (None, self.scope)
                   else None)  # only this workspace's engine has learned anything, and only for its own org
        return DoctorOptions(campaign_sync_enabled=settings.campaign_sync_enabled,
                             prerequisite_solution=settings.prerequisite_solution,
                             prerequisite_min_version=settings.prerequisite_min_version,
                             create_batch_start=settings.create_batch_start,
                             create_batch_max=settings.create_batch_max, bulk_timeout_s=settings.bulk_timeout_s,
                             create_batch_now=learned)

    async def test_connectivity(self, connection: Connection | None = None, *,
                                on_result: Callable[[CheckResult], object] | None = None) -> DoctorReport:
        """The doctor's checks, step by step, on this connection (or another one, as typed in a form), with the
        settings stored for it."""
        conn = connection or self.connection
        if conn.auth_method == "user":
            self._token_cache(conn)  # the doctor signs in silently, from the same token cache
        return await run_doctor(conn, self.doctor_options(conn.name), on_result=on_result)

    # ---- wiring, built once -----------------------------------------------------------------------------

    @cached_property
    def _parts(self) -> tuple[SyncEngine, AutomationRunner, Scheduler]:
        # Built together on first use: trigger campaigns hear every confirmation from the first one on.
        engine = self._new_engine(self._client)
        runner = AutomationRunner(self.db, self.bus, engine, clock=self.clock, actor=lambda: self.actor,
                                  node=lambda: engine.worker_id)
        return engine, runner, Scheduler(self.db, runner, clock=self.clock, node=engine.worker_id)

    def _new_engine(self, client: DataverseClient | None) -> SyncEngine:
        return build_engine(self.db, client, scope=self.scope, bus=self.bus, clock=self.clock)

    @property
    def sync(self) -> SyncEngine:
        """The sync engine: outbox rows → batches → the client → confirmations. Built here and nowhere else."""
        return self._parts[0]

    @property
    def automation(self) -> AutomationRunner:
        """The runner of trigger campaigns (their definitions are `automations`)."""
        return self._parts[1]

    @property
    def scheduler(self) -> Scheduler:
        return self._parts[2]

    # ---- settings and readiness ---------------------------------------------------------------------------

    def settings(self) -> SyncSettings:
        return load_settings(self.db, self.scope)

    def save_settings(self, settings: SyncSettings) -> bool:
        """Save this connection's settings; True when campaign sync was just turned back on, which the caller
        follows with `refresh_after_enabling()` (as in Marketo, turning it on re-reads campaigns and list links)."""
        was_enabled = self.settings().campaign_sync_enabled
        save_settings(self.db, settings, self.scope)
        if self._client is not None:  # the open client waits as long as the new setting says from now on
            self._client.bulk_timeout = float(settings.bulk_timeout_s)
        return settings.campaign_sync_enabled and not was_enabled

    async def refresh_after_enabling(self) -> str:
        try:
            outcome = await self.pull(people=False)
        except (DynamicsError, NotConnected) as exc:
            message = exc.message if isinstance(exc, DynamicsError) else str(exc)
            return translate("Workspace", "Could not refresh from Dynamics now ({problem}); it will be refreshed on "
                                          "the next sync.").format(problem=message)
        return translate("Workspace", "Refreshed {count} campaigns and CampSync's list links from Dynamics.").format(
            count=len(outcome.campaigns))

    def readiness(self) -> flows.Readiness:
        """What the settings and the org allow now (the prerequisite as last checked)."""
        return self.sync.readiness()

    async def check_readiness(self, *, again: bool = False) -> flows.Readiness:
        """Readiness with the prerequisite solution checked in the org (once per workspace, or `again`)."""
        await self.sync.check_prerequisite(force=again)
        await self.check_signed_in_privileges()
        return self.sync.readiness()

    # ---- reading from Dynamics --------------------------------------------------------------------------

    async def refresh_campaigns(self) -> list[CampaignRecord]:
        """The org's campaigns into the store's cache (templates never); sorted by name."""
        return await refresh_campaigns(self.db, self.client, now=self.clock)

    async def pull(self, *, people: bool | None = True) -> PullOutcome:
        """Campaigns, the prerequisite solution, leads and contacts (`people`: always, never, or None: when the
        store has nobody yet) and campaign memberships, from the org into the store. Values the org changed on
        people already here fire "Data value changes" trigger campaigns (their flow actions wait in the queue:
        `run_queue()` sends them)."""
        found = await self.refresh_campaigns()
        await self.check_readiness(again=True)
        pulled = None
        if people or (people is None and not self.people_count()):
            pulled = await pull_people(self.db, self.client, now=self.clock)
            self.automation.data_values_changed(pulled.changes)
        members = await pull_memberships(self.db, self.client, self.settings(), now=self.clock)
        return PullOutcome(found, pulled, members, triggered=await self.automation.drain())

    # ---- flow actions ---------------------------------------------------------------------------------

    async def plan(self, action: str, campaign_id: str, person_ids: list[int]) -> flows.Plan:
        """What Add to / Remove from Microsoft Campaign would do for each person, and why: the preview. Read a
        slice at a time with the event loop running in between, so a 10,000-person drop never freezes a window."""
        campaign = campaigns.campaign_record(self.db, campaign_id)
        return await self.sync.plan_in_slices(person_ids, campaign, action, campaign_ref=campaign_id)

    def plan_for_emails(self, action: str, campaign: CampaignRecord,
                        emails: list[str]) -> tuple[flows.Plan, list[str]]:
        """The plan for the people with these emails; and the emails of nobody in the store."""
        found, unknown = people.by_email(self.db, emails)
        return self.sync.plan(found, campaign, action), unknown

    async def confirm(self, plan: flows.Plan, *, origin: str, undoing: str | None = None) -> str | None:
        """Queue the plan's runnable people (one outbox row each, the request whole or not at all) and return the
        request id; None when nobody is runnable. `undoing`: the request this one undoes."""
        if not plan.has_runnable():
            return None
        await self.ensure_signed_in()  # recorded in the signed-in person's name: that person must be known
        request_id = await self._enqueue(plan, origin=origin, actor=self.actor)
        if undoing:
            journal.mark_undone(self.db, undoing, request_id)
        return request_id

    async def run_queue(self, *, progress: Callable[[int, int], None] | None = None) -> RunReport:
        """Send everything queued to Dynamics, and what trigger campaigns queue in response, until nothing is
        left (or `stop_running()`). One run at a time: a call while a run goes on waits for it, then sends
        whatever is left."""
        while self._run is not None and not self._run.done():
            with contextlib.suppress(Exception):  # that run's caller hears of its failure
                await asyncio.shield(self._run)
        self._run = asyncio.ensure_future(self._run_until_settled(progress))
        return await asyncio.shield(self._run)

    async def _run_until_settled(self, progress: Callable[[int, int], None] | None) -> RunReport:
        total = RunReport()
        async with self._stop_event() as stop:
            while not stop.is_set():
                await self.automation.drain()  # trigger campaigns' follow-up joins the queue before the run
                self.engine_home.release_leftovers()
                if not self.sync.pending_count():
                    break
                self.connect()  # before anything is claimed: a connection that cannot work leaves the rows alone
                report = await self._engine_run(stop, progress)
                total.add(report)
                if report.problems and report.left_pending:
                    break  # the org cannot be reached now: the rows stay queued for the next run
                if not self.automation.has_work():
                    break
        total.left_pending = self.sync.pending_count()
        return total

    def run_engine_in_thread(self) -> None:
        """Sync runs go to the engine's own thread (engine_thread.py), and the bus delivers their events on the
        calling loop."""
        self.engine_home.use_thread()

    def run_engine_in_process(self) -> bool:
        """The window's choice: sync runs and enqueues go to the engine's own process (engine_child.py), so the
        window's interpreter only renders while 10,000 confirmations are written (on a thread, the engine's store
        work held the interpreter lock the window waited for). False: the thread instead (a store in memory)."""
        return self.engine_home.use_process()

    async def prepare_engine(self) -> None:
        """Start the engine's process now, so the first drop does not wait for it."""
        await self.engine_home.prepare()

    async def _engine_run(self, stop: asyncio.Event, progress: Callable[[int, int], None] | None) -> RunReport:
        return await self.engine_home.run(stop, progress)

    async def _enqueue(self, plan: flows.Plan, *, origin: str, actor: str, request_id: str | None = None) -> str:
        return await self.engine_home.enqueue(plan, origin=origin, actor=actor, request_id=request_id)

    async def finish_request(self, request_id: str, *, patience: float = 300.0, poll: float = 0.5) -> None:
        """Send the request's rows and wait until Dynamics has answered for each of them, including the rows another
        CampSync process sharing this store claimed first (the window, a scheduler, a second command): a command
        then reports what happened to its people rather than "still queued". Gives up after `patience` seconds,
        or at once when the org cannot be reached (the rows stay queued for the next run)."""
        deadline = time.monotonic() + patience
        while True:
            report = await self.run_queue()
            if report.problems and report.left_pending:
                return
            if self._unclaimed(request_id):
                return  # this run could not send them (stopped, or nothing claimable): they stay queued
            while time.monotonic() < deadline:
                if not self.sync.outbox.open_and_unclaimed(request_id)[0]:
                    return
                self.sync.outbox.recover()  # a worker that died holding them hands them back
                if self._unclaimed(request_id):
                    break  # handed back: send them from here
                await asyncio.sleep(poll)
            else:
                return

    def _unclaimed(self, request_id: str) -> bool:
        return self.sync.outbox.open_and_unclaimed(request_id)[1] > 0

    def is_running(self) -> bool:
        return self._run is not None and not self._run.done()

    def stop_running(self) -> None:
        """Stop sync runs and batch campaigns after the request in flight; what is not sent stays queued."""
        for stop in self._stops:
            stop.set()

    async def cancel_run(self) -> None:
        """Abandon a sync run whose request does not answer (a worker told to stop): the rows it holds are handed
        back by the caller (Outbox.release) or when their lease expires; sending them again is harmless."""
        run, self._run = self._run, None
        if run is not None and not run.done():
            run.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await run

    @contextlib.asynccontextmanager
    async def _stop_event(self):
        stop = asyncio.Event()
        self._stops.add(stop)
        try:
            yield stop
        finally:
            self._stops.discard(stop)

    def outcomes(self, plan: flows.Plan, request_id: str | None) -> list[FlowOutcome]:
        """Each planned person's end: the plan's word for those not sent, Dynamics' answer for the others."""
        rows = {row.person_id: row for row in self.sync.outbox.states_of(request_id)} if request_id else {}
        result = []
        for item in plan.items:
            row = rows.get(item.person.id)
            if not item.runnable:
                result.append(FlowOutcome(item.person, "skipped" if item.outcome == flows.SKIP else "blocked",
                                          item.reason))
            elif row is not None and row.outcome:
                result.append(FlowOutcome(item.person, row.outcome, row.reason or ""))
            else:
                error = row.last_error if row is not None else None
                result.append(FlowOutcome(item.person, "failed", translate(
                    "Workspace", "not finished: {problem} (campsync retry continues it)").format(
                        problem=error or translate("Workspace", "still queued"))))
        return result

    async def plan_undo(self) -> journal.UndoPlan | None:
        """The operator's last flow action, reversed for exactly the people it changed (also after a restart),
        with what trigger campaigns did because of it: the preview of Ctrl+Z. Confirm with `confirm_undo`."""
        return await self._plan_step(journal.next_undo(self.db, actor=journal.own_only(self.db, self.actor)))

    async def plan_redo(self) -> journal.UndoPlan | None:
        """What the last undo undid, again (None unless the last operator action was an undo)."""
        return await self._plan_step(journal.next_redo(self.db, actor=journal.own_only(self.db, self.actor)))

    def undo_titles(self) -> tuple[str | None, str | None]:
        """What Undo and Redo would do now, in a menu's words ('Undo add of 3 people to Spring Webinar'), or
        None for each that has nothing to do. Reads the journal only: cheap enough for every refresh."""
        def title(step: journal.UndoStep | None) -> str | None:
            if step is None:
                return None
            campaign = self.campaign(step.campaign_id)
            return step.title(campaign.name if campaign else step.campaign_id)
        own = journal.own_only(self.db, self.actor)
        return (title(journal.next_undo(self.db, chain=False, actor=own)),
                title(journal.next_redo(self.db, chain=False, actor=own)))

    async def _plan_step(self, step: journal.UndoStep | None) -> journal.UndoPlan | None:
        if step is None:
            return None
        plans = [await self.plan(c.action, c.campaign_id, c.person_ids) for c in step.changes]
        chain_plans = [await self.plan(c.action, c.campaign_id, c.person_ids) for c in step.chain]
        names = {p.campaign_id: p.campaign_name for p in plans + chain_plans}  # every effect's campaign is there
        effects = [e.describe(names.get(e.campaign_id, e.campaign_id)) for e in step.effects]
        return journal.UndoPlan(step, plans, chain_plans, effects)

    async def confirm_undo(self, undo: journal.UndoPlan, *, chain: bool) -> str | None:
        """Queue an undo (or redo) planned by `plan_undo` (`plan_redo`): each change its own request of one group,
        the chain's changes too when `chain`; the requests they reverse are marked undone. Returns the main
        request id; None when nobody is runnable (then nothing is marked)."""
        if not undo.runnable(chain=chain):
            return None
        parts = list(zip(undo.step.changes, undo.plans))
        if chain:
            parts += list(zip(undo.step.chain, undo.chain_plans))
        origin = origins.REDO if undo.step.kind == journal.REDO else origins.UNDO
        main = None
        for index, (change, plan) in enumerate(parts):
            if index and not plan.runnable:
                continue  # the main request is always written: the group is found through it
            request_id = journal.group_id(main, index) if main else None
            request_id = await self._enqueue(plan, origin=origin, request_id=request_id,
                                             actor=self.actor)  # the undoer, not the undone
            main = main or request_id
            journal.mark_undone(self.db, change.reverses, request_id)
        return main

    # ---- the queue ---------------------------------------------------------------------------------------

    def pending_count(self) -> int:
        return self.sync.pending_count()

    def pending_person_ids(self) -> set[int]:
        return queue.pending_person_ids(self.db)

    def queue(self, *, limit: int) -> queue.QueueSnapshot:
        return queue.snapshot(self.db, limit=limit)

    def queue_rows(self, *, finished_too: bool = False) -> list[tuple[OutboxRow, Person]]:
        return queue.rows(self.db, finished_too=finished_too)

    def failed_ids(self) -> list[int]:
        return queue.failed_ids(self.db)

    def retry(self, ids: list[int] | None = None) -> int:
        """Put failed actions (these, or all) back in the queue; `run_queue()` sends them."""
        return self.sync.retry_failed(ids=ids or None)

    def cancel(self, ids: list[int] | None = None, *, request_id: str | None = None) -> int:
        """Cancel pending and failed actions: these, those of a request, or all."""
        return self.sync.cancel(ids=ids or None, request_id=request_id)

    # ---- the trigger log ------------------------------------------------------------------------------

    def recent_events(self, limit: int | None = None) -> list[triggers.TriggerEvent]:
        return triggers.recent(self.db, limit)

    def events_after(self, last_id: int) -> list[triggers.TriggerEvent]:
        return triggers.after(self.db, last_id)

    def verify_log(self) -> triggers.ChainCheck:
        return triggers.verify_chain(self.db)

    # ---- people ----------------------------------------------------------------------------------------

    async def import_people(self, path: str | Path) -> ImportOutcome:
        """Merge a CSV file's people into the store (off the event loop's thread: a 50 MB file takes seconds),
        then run the trigger campaigns of people created and values changed."""
        before = people.max_person_id(self.db)
        report = await asyncio.to_thread(import_csv, self.db, path, now=self.clock)
        self.automation.people_created(people.new_person_ids(self.db, before))
        self.automation.data_values_changed(report.changes)
        return ImportOutcome(report, await self.automation.drain())

    async def log_activity(self, email: str, activity_type: str, detail: str = "") -> int:
        """Record what a person did (behaviour for smart lists); returns the trigger campaign runs it set off."""
        person_id = people.log_activity(self.db, email, activity_type, detail, at=self.clock())
        self.automation.activity_logged(person_id, activity_type, detail)
        return await self.automation.drain()

    def people_count(self) -> int:
        return people.count(self.db)

    def list_people(self, *, search: str | None = None, limit: int | None = None) -> list[Person]:
        return people.list_people(self.db, search=search, limit=limit)

    def people_table_rows(self) -> list[tuple]:
        return people.table_rows(self.db)

    def people_table_rows_for(self, ids: list[int]) -> dict[int, tuple]:
        return people.table_rows_for(self.db, ids)

    def people_table_index(self, *, high_score: int,
                           same_as: list[str] | None = None) -> people_index.TableIndex:
        return people_index.table_index(self.db, high_score=high_score, same_as=same_as)

    def people_table_column(self, column: str) -> list:
        return people_index.table_column(self.db, column)

    def people_table_first_rows(self, *, order_by: str | None, descending: bool, limit: int) -> list[tuple]:
        return people_index.first_rows(self.db, order_by=order_by, descending=descending, limit=limit)

    # ---- campaigns ----------------------------------------------------------------------------------

    def campaign(self, campaign_id: str) -> CampaignRecord | None:
        return campaigns.campaign_record(self.db, campaign_id)

    def find_campaign(self, name_or_id: str) -> CampaignRecord | None:
        return campaigns.find_campaign(self.db, name_or_id)

    def campaign_summaries(self) -> list[campaigns.CampaignSummary]:
        return campaigns.summaries(self.db)

    def campaign_members(self, campaign_id: str) -> list[campaigns.MemberSummary]:
        return campaigns.members(self.db, campaign_id)

    def membership_history(self, campaign_id: str) -> chart_history.MembershipHistory:
        return chart_history.membership_history(self.db, campaign_id)

    def event_counts(self, period: str, campaign_id: str | None = None) -> chart_history.EventCounts:
        return chart_history.event_counts(self.db, period, campaign_id, now=self.clock())

    # ---- batch campaigns and the scheduler -------------------------------------------------------------

    def batch_preview(self, campaign_id: int) -> int:
        """How many people a run of this batch campaign started now would process."""
        return batch_preview(self.automation, self.automations.record(campaign_id))

    async def run_batch(self, campaign_id: int) -> BatchReport:
        """Run a batch campaign now for everyone it qualifies (stop_running() aborts the rest); its flow actions
        wait in the queue for `run_queue()`."""
        async with self._stop_event() as stop:
            return await run_batch(self.automation, self.automations.record(campaign_id), stop=stop)

    async def scheduler_tick(self) -> Tick:
        """Flows whose Wait is over carry on, and due batch campaigns run; then what they queued is sent."""
        async with self._stop_event() as stop:
            tick = await self.scheduler.tick(stop=stop)
        if self.pending_count() or self.automation.has_work():
            await self.run_queue()
        return tick
