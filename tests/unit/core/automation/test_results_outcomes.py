"""Results show what Dynamics answered (core/automation/library.py `results`): a step that queued an add or a remove
reads "enqueued" only until the outbox row it queued is confirmed, refused or given up; then "added", "removed",
"skipped: …" or "failed: <the server's message>". Flow actions go through the real outbox and confirmation code;
only the calls to Dynamics are left out. Also: what a batch campaign queues is named after a batch campaign."""

import pytest
from sqlmodel import Session, select

from campsync_gui.core import flows, origins
from campsync_gui.core.automation import ADD_STEP, PERSON_CREATED, REMOVE_STEP, Definition
from campsync_gui.core.automation.batch import run_batch
from campsync_gui.core.automation.library import AutomationLibrary
from campsync_gui.core.automation.runner import AutomationRunner
from campsync_gui.core.confirmation import Confirmation
from campsync_gui.core.events import EventBus
from campsync_gui.core.models import (AutomationCampaign, CampaignRecord, Membership, OutboxRow, Person,
                                     TriggerEventRecord)
from campsync_gui.core.outbox import DONE, FAILED, Outbox, RunReport
from campsync_gui.core.store import open_store
from campsync_gui.core.triggers import ADDED, REMOVED

START = 1_800_000_000.0
REFUSED = "Principal user (Id=1234) is missing prvAppendToList privilege"


class Clock:
    def __init__(self):
        self.now = START

    def __call__(self):
        self.now += 1  # results sort newest first: every write a second later
        return self.now


class OutboxFlowActions:
    """The engine as the runner sees it, on the real outbox (no Dynamics behind it)."""

    def __init__(self, db, outbox: Outbox):
        self.db, self.outbox = db, outbox

    def campaign_record(self, campaign_id):
        with Session(self.db) as session:
            return session.get(CampaignRecord, campaign_id)

    def plan(self, people, campaign, action, *, campaign_ref=""):
        memberships = {}
        with Session(self.db) as session:
            for row in session.exec(select(Membership)):
                memberships.setdefault(row.person_id, []).append(row)
        return flows.plan(people, campaign, action, readiness=flows.Readiness(), memberships=memberships,
                          campaign_ref=campaign_ref)

    def enqueue(self, plan, *, origin, request_id=None, depth=0, chain=None, actor=""):
        return self.outbox.enqueue(plan, origin=origin, request_id=request_id, depth=depth, chain=chain, actor=actor)


class World:
    def __init__(self, db):
        self.db, self.clock, self.bus = db, Clock(), EventBus()
        self.outbox = Outbox(db, worker_id="test", clock=self.clock, bus=self.bus)
        self.runner = AutomationRunner(db, self.bus, OutboxFlowActions(db, self.outbox), clock=self.clock)
        self.library = AutomationLibrary(db, clock=self.clock)
        with Session(db) as session:
            session.add(CampaignRecord(id="c-launch", name="Launch", statecode=0))
            for n, (email, country) in enumerate((("ada@example.com", "France"), ("bob@example.com", "France"),
                                                  ("cy@example.com", "Spain")), 1):
                session.add(Person(id=n, first_name="P", last_name=str(n), email=email, country=country,
                                   dynamics_type="lead", dynamics_id=f"lead-{n}"))
            session.commit()

    def campaign(self, name, flow, *, kind="trigger", rule="every_time", smart_list=None) -> AutomationCampaign:
        definition = Definition(smart_list=smart_list or {"filters": [], "logic": "all"},
                                triggers=[{"type": PERSON_CREATED}] if kind == "trigger" else [], flow=flow,
                                qualification={"rule": rule})
        with Session(self.db) as session:
            row = AutomationCampaign(name=name, kind=kind, active=True, definition=definition.to_json())
            session.add(row)
            session.commit()
            session.refresh(row)
            return row

    def rows(self, *person_ids) -> list[OutboxRow]:
        with Session(self.db) as session:
            return list(session.exec(select(OutboxRow).where(OutboxRow.person_id.in_(person_ids))
                                     .order_by(OutboxRow.id)))

    async def confirm(self, rows, trigger=ADDED):
        """What the engine does once Dynamics confirmed these rows."""
        with Session(self.db) as session:
            campaign = session.get(CampaignRecord, "c-launch")
            people = {p.id: p for p in session.exec(select(Person))}
        await Confirmation(self.db, self.bus, clock=self.clock).confirm(campaign, rows, people, trigger, "list-1",
                                                                        RunReport())

    def steps(self, campaign_id) -> dict[str, tuple[str, str]]:
        """Each person's add/remove step in Results, as shown: email → (outcome, detail)."""
        return {row.email: (row.outcome, row.detail) for row in self.library.results(campaign_id)
                if row.step != "Qualification"}


@pytest.fixture
def world(tmp_path):
    db = open_store(tmp_path / "results.db")
    world = World(db)
    yield world
    world.runner.close()
    db.dispose()


async def test_an_add_step_reads_added_once_dynamics_confirmed_it_and_failed_with_the_server_message(world):
    welcome = world.campaign("Welcome", [{"step": ADD_STEP, "campaign_id": "c-launch"}])
    world.runner.people_created([1, 2, 3])
    await world.runner.drain()
    assert set(world.steps(welcome.id).values()) == {("enqueued", "will add")}

    ada, bob, cy = world.rows(1, 2, 3)
    await world.confirm([ada, bob])
    world.outbox.finish([cy], FAILED, "failed", REFUSED, RunReport())

    assert world.steps(welcome.id) == {"ada@example.com": ("added", "confirmed by Dynamics"),
                                       "bob@example.com": ("added", "confirmed by Dynamics"),
                                       "cy@example.com": ("failed", REFUSED)}
    qualification = [row.outcome for row in world.library.results(welcome.id) if row.step == "Qualification"]
    assert qualification == ["qualified"] * 3  # only the step rows take Dynamics' answer


async def test_a_remove_step_reads_removed_or_skipped_with_the_reason(world):
    with Session(world.db) as session:
        for pid in (1, 2):
            session.add(Membership(person_id=pid, campaign_id="c-launch", list_id="list-1", source=flows.FLOW_ACTION))
        session.commit()
    goodbye = world.campaign("Goodbye", [{"step": REMOVE_STEP, "campaign_id": "c-launch"}])
    world.runner.people_created([1, 2])
    await world.runner.drain()
    ada, bob = world.rows(1, 2)
    await world.confirm([ada], REMOVED)
    world.outbox.finish([bob], DONE, "skipped", "not a member through CampSync's list", RunReport())

    assert world.steps(goodbye.id) == {"ada@example.com": ("removed", "confirmed by Dynamics"),
                                       "bob@example.com": ("skipped", "not a member through CampSync's list")}


async def test_a_step_still_queued_says_enqueued_and_why_it_is_being_retried(world):
    welcome = world.campaign("Welcome", [{"step": ADD_STEP, "campaign_id": "c-launch"}])
    world.runner.people_created([1])
    await world.runner.drain()
    world.outbox.back_to_pending(world.rows(1), "503 Service Unavailable")

    assert world.steps(welcome.id) == {
        "ada@example.com": ("enqueued", "will add (retrying after: 503 Service Unavailable)")}


async def test_each_run_of_a_step_shows_its_own_answer(world):
    """The same person through the same campaign twice: the first run confirmed, the second still queued."""
    welcome = world.campaign("Welcome", [{"step": ADD_STEP, "campaign_id": "c-launch"}])
    world.runner.people_created([1])
    await world.runner.drain()
    await world.confirm(world.rows(1))
    with Session(world.db) as session:  # removed in Dynamics meanwhile: the next run adds again
        for row in session.exec(select(Membership)):
            session.delete(row)
        session.commit()
    world.runner.people_created([1])
    await world.runner.drain()

    steps = [(row.outcome, row.detail) for row in world.library.results(welcome.id) if row.step != "Qualification"]
    assert steps == [("enqueued", "will add"), ("added", "confirmed by Dynamics")]  # newest first


async def test_a_batch_run_shows_each_persons_answer_and_its_actions_are_named_after_a_batch_campaign(world):
    france = world.campaign("France batch", [{"step": ADD_STEP, "campaign_id": "c-launch"}], kind="batch",
                            smart_list={"filters": [{"kind": "field", "field": "country", "op": "equals",
                                                     "value": "France"}], "logic": "all"})
    report = await run_batch(world.runner, france)
    assert report.processed == 2
    ada, bob = world.rows(1, 2)
    assert origins.describe(ada.origin) == "Batch campaign France batch"
    await world.confirm([ada])

    assert world.steps(france.id) == {"ada@example.com": ("added", "confirmed by Dynamics"),
                                      "bob@example.com": ("enqueued", "will add")}
    with Session(world.db) as session:
        logged = [e.origin for e in session.exec(select(TriggerEventRecord))]
    assert [origins.describe(origin) for origin in logged] == ["Batch campaign France batch"]  # the live log



async def test_results_and_what_a_campaign_queues_record_who_the_process_that_ran_it_acts_as(world):
    # A drop by Ada sets a trigger campaign off; the process running it (here: signed in as the scheduler's app)
    # is who does that campaign's flow actions, and who its Results name.
    world.runner.close()
    world.runner = AutomationRunner(world.db, world.bus, OutboxFlowActions(world.db, world.outbox),
                                    clock=world.clock, actor=lambda: "app-1 (application)")
    welcome = world.campaign("Welcome", [{"step": ADD_STEP, "campaign_id": "c-launch"}])
    world.runner.people_created([1])
    await world.runner.drain()
    assert [row.actor for row in world.rows(1)] == ["app-1 (application)"]
    assert {row.actor for row in world.library.results(welcome.id)} == {"app-1 (application)"}
    await world.confirm(world.rows(1))
    with Session(world.db) as session:
        assert [e.actor for e in session.exec(select(TriggerEventRecord))] == ["app-1 (application)"]
        assert [m.actor for m in session.exec(select(Membership))] == ["app-1 (application)"]
