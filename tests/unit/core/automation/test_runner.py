"""Trigger campaigns (core/automation/runner.py) and the scheduler's tick (core/automation/scheduler.py): who
qualifies and why not (the Results tab), which happenings a trigger listens to, chains that would feed themselves,
the inbox drained between sync runs, waits carried on when due, and scheduled batch campaigns."""

from dataclasses import dataclass

import pytest
from sqlmodel import Session, select

from campsync_gui.core import flows, origins
from campsync_gui.core.automation import (ACTIVITY_LOGGED, ADD_STEP, CHANGE_STEP, DATA_VALUE_CHANGES, MAX_DEPTH,
                                          PERSON_CREATED, REMOVE_STEP, WAIT_STEP, Definition)
from campsync_gui.core.automation.runner import AutomationRunner, Happening, trigger_matches
from campsync_gui.core.automation.scheduler import Scheduler
from campsync_gui.core.events import OUTBOX, TRIGGERS, Event, EventBus
from campsync_gui.core.models import (AutomationCampaign, AutomationResult, CampaignRecord, Membership, Person,
                                     WaitingStep)
from campsync_gui.core.store import open_store
from campsync_gui.core.triggers import ADDED, REMOVED, TriggerEvent

DAY = 86400
START = 1_800_000_000.0


class Clock:
    def __init__(self, now: float = START):
        self.now = now

    def __call__(self) -> float:
        return self.now


@dataclass
class Enqueued:
    action: str
    campaign_id: str
    person_ids: list[int]
    origin: str
    depth: int
    chain: list[int]
    request_id: str = ""


class RecordingFlowActions:
    """The sync engine as the runner sees it (the FlowActions protocol): plans with core.flows and the store's
    campaigns, and records what would go to the outbox instead of writing it."""

    def __init__(self, db):
        self.db = db
        self.enqueued: list[Enqueued] = []

    def campaign_record(self, campaign_id: str) -> CampaignRecord | None:
        with Session(self.db) as session:
            return session.get(CampaignRecord, campaign_id)

    def plan(self, people, campaign, action, *, campaign_ref=""):
        campaign_id = campaign.id if campaign else campaign_ref
        memberships = {}
        with Session(self.db) as session:
            for row in session.exec(select(Membership).where(Membership.campaign_id == campaign_id)):
                memberships.setdefault(row.person_id, []).append(row)
        return flows.plan(people, campaign, action, readiness=flows.Readiness(), memberships=memberships,
                          campaign_ref=campaign_ref)

    def enqueue(self, plan, *, origin, request_id=None, depth=0, chain=None, actor=""):
        request_id = request_id or f"request-{len(self.enqueued) + 1}"
        self.enqueued.append(Enqueued(plan.action, plan.campaign_id, [i.person.id for i in plan.runnable], origin,
                                      depth, list(chain or []), request_id))
        return request_id


class World:
    def __init__(self, db):
        self.db = db
        self.clock = Clock()
        self.bus = EventBus()
        self.actions = RecordingFlowActions(db)
        self.runner = AutomationRunner(db, self.bus, self.actions, clock=self.clock)
        self.made = 0
        with Session(db) as session:
            session.add(CampaignRecord(id="c-spring", name="Spring Launch", statecode=0))
            session.add(CampaignRecord(id="c-fall", name="Fall Launch", statecode=0))
            session.add(CampaignRecord(id="c-old", name="Old Campaign", statecode=1))
            session.commit()

    def person(self, **values) -> int:
        self.made += 1
        defaults = dict(first_name="Ada", last_name=f"Lovelace{self.made}", email=f"p{self.made}@example.com",
                        dynamics_type="lead", dynamics_id=f"lead-{self.made}", country="France")
        with Session(self.db) as session:
            person = Person(**{**defaults, **values})
            session.add(person)
            session.commit()
            return person.id

    def campaign(self, name, triggers, flow, *, rule="every_time", days=None, smart_list=None, kind="trigger",
                 schedule=None, active=True) -> int:
        qualification = {"rule": rule, **({"days": days} if days else {})}
        definition = Definition(smart_list=smart_list or {"filters": [], "logic": "all"}, triggers=triggers,
                                flow=flow, qualification=qualification, schedule=schedule)
        with Session(self.db) as session:
            row = AutomationCampaign(name=name, kind=kind, active=active, definition=definition.to_json())
            session.add(row)
            session.commit()
            return row.id

    def set_active(self, campaign_id: int, active: bool) -> None:
        with Session(self.db) as session:
            row = session.get(AutomationCampaign, campaign_id)
            row.active = active
            session.add(row)
            session.commit()

    def results(self, campaign_id: int) -> list[tuple[int, str, str]]:
        """(step index, outcome, detail) of a campaign's Results rows, in the order written."""
        with Session(self.db) as session:
            rows = session.exec(select(AutomationResult).where(AutomationResult.campaign_id == campaign_id)
                                .order_by(AutomationResult.id))
            return [(row.step_index, row.outcome, row.detail) for row in rows]

    def outcomes(self, campaign_id: int) -> list[str]:
        return [outcome for _, outcome, _ in self.results(campaign_id)]

    def added_to(self, campaign_id: str) -> list[int]:
        return [pid for e in self.actions.enqueued if e.campaign_id == campaign_id for pid in e.person_ids]

    def confirm(self, enqueued: Enqueued, trigger: str = ADDED) -> None:
        """What the engine records and publishes once Dynamics confirmed an enqueued flow action."""
        with Session(self.db) as session:
            for pid in enqueued.person_ids:
                if trigger == ADDED:
                    session.merge(Membership(person_id=pid, campaign_id=enqueued.campaign_id, list_id="app-list",
                                             source=flows.FLOW_ACTION))
                elif (row := session.get(Membership, (pid, enqueued.campaign_id, "app-list"))) is not None:
                    session.delete(row)
            session.commit()
        self.bus.publish(Event(TRIGGERS, {"events": [
            TriggerEvent(trigger=trigger, person_id=pid, email=None, campaign_id=enqueued.campaign_id,
                         campaign_name="", origin=enqueued.origin, request_id="r", outbox_id=None, at=self.clock(),
                         depth=enqueued.depth, chain=tuple(enqueued.chain))
            for pid in enqueued.person_ids]}))


@pytest.fixture
def world(tmp_path):
    db = open_store(tmp_path / "x.db")
    world = World(db)
    yield world
    world.runner.close()
    db.dispose()


def added(campaign_id: str, person_id: int, *, depth: int = 0, chain: tuple[int, ...] = ()) -> Event:
    return Event(TRIGGERS, {"events": [TriggerEvent(trigger=ADDED, person_id=person_id, email=None,
                                                    campaign_id=campaign_id, campaign_name="", origin="cli",
                                                    request_id="r", outbox_id=None, at=START, depth=depth,
                                                    chain=chain)]})


ADD_TO_FALL = [{"step": ADD_STEP, "campaign_id": "c-fall"}]


def wait(seconds: float) -> dict:
    return {"step": WAIT_STEP, "seconds": seconds}


# ---- qualification rules -------------------------------------------------------------------------------------

async def test_a_once_campaign_runs_once_per_person_and_says_why_it_skips_the_second_time(world):
    ada, bob = world.person(email="ada@example.com"), world.person(email="bob@example.com")
    welcome = world.campaign("Welcome", [{"type": PERSON_CREATED}], ADD_TO_FALL, rule="once")

    world.runner.people_created([ada])
    assert await world.runner.drain() == 1
    world.runner.people_created([ada, bob])
    assert await world.runner.drain() == 1

    assert world.added_to("c-fall") == [ada, bob]
    skipped = [detail for _, outcome, detail in world.results(welcome) if outcome == "skipped"]
    assert len(skipped) == 1 and "once per person" in skipped[0]


async def test_an_every_time_campaign_runs_each_time_the_trigger_fires(world):
    ada = world.person()
    world.campaign("Every visit", [{"type": ACTIVITY_LOGGED, "activity_type": "webinar"}], ADD_TO_FALL,
                   rule="every_time")
    for _ in range(3):
        world.runner.activity_logged(ada, "webinar")
    assert await world.runner.drain() == 3
    assert world.added_to("c-fall") == [ada] * 3


async def test_a_once_every_n_days_campaign_waits_the_n_days_and_says_how_long_ago_it_ran(world):
    ada = world.person()
    weekly = world.campaign("Weekly", [{"type": PERSON_CREATED}], ADD_TO_FALL, rule="every_n_days", days=7)

    world.runner.people_created([ada])
    assert await world.runner.drain() == 1
    world.clock.now = START + 3 * DAY
    world.runner.people_created([ada])
    assert await world.runner.drain() == 0
    world.clock.now = START + 7 * DAY  # exactly N days on: due again
    world.runner.people_created([ada])
    assert await world.runner.drain() == 1
    world.clock.now = START + 7 * DAY + 1
    world.runner.people_created([ada])
    assert await world.runner.drain() == 0

    assert world.added_to("c-fall") == [ada, ada]
    skipped = [detail for _, outcome, detail in world.results(weekly) if outcome == "skipped"]
    assert len(skipped) == 2
    assert "once every 7 days" in skipped[0] and "3.0 days ago" in skipped[0]
    assert "0.0 days ago" in skipped[1]


async def test_a_person_the_smart_list_leaves_out_is_skipped_with_that_reason(world):
    french, spanish = world.person(country="France"), world.person(country="Spain")
    only_france = {"filters": [{"kind": "field", "field": "country", "op": "equals", "value": "france"}],
                   "logic": "all"}
    campaign = world.campaign("France only", [{"type": PERSON_CREATED}], ADD_TO_FALL, smart_list=only_france)
    world.runner.people_created([french, spanish])
    assert await world.runner.drain() == 1
    assert world.added_to("c-fall") == [french]
    assert (-1, "skipped", "the smart list filters do not match") in world.results(campaign)


async def test_the_results_say_what_each_step_did_for_the_person(world):
    ada = world.person()
    campaign = world.campaign("Welcome", [{"type": PERSON_CREATED}],
                              ADD_TO_FALL + [{"step": REMOVE_STEP, "campaign_id": "c-spring"},
                                             {"step": ADD_STEP, "campaign_id": "c-old"}])
    world.runner.people_created([ada])
    await world.runner.drain()
    steps = world.results(campaign)
    assert [(index, outcome) for index, outcome, _ in steps] == [(-1, "qualified"), (0, "enqueued"),
                                                                 (1, "skipped"), (2, "blocked")]
    assert "not a member" in steps[2][2] and "inactive" in steps[3][2]
    assert [(e.action, e.campaign_id) for e in world.actions.enqueued] == [("add", "c-fall")]
    assert world.actions.enqueued[0].origin == origins.trigger_campaign("Welcome")


async def test_inactive_and_batch_campaigns_do_not_listen_to_triggers(world):
    ada = world.person()
    world.campaign("Off", [{"type": PERSON_CREATED}], ADD_TO_FALL, active=False)
    world.campaign("Batch", [{"type": PERSON_CREATED}], ADD_TO_FALL, kind="batch")
    world.runner.people_created([ada])
    assert await world.runner.drain() == 0
    assert world.actions.enqueued == []


async def test_a_happening_for_someone_no_longer_in_the_store_runs_nothing(world):
    world.campaign("Welcome", [{"type": PERSON_CREATED}], ADD_TO_FALL)
    world.runner.people_created([4242])
    assert await world.runner.drain() == 0


# ---- which happenings a trigger listens to ---------------------------------------------------------------------

def test_campaign_is_any_of_matches_only_the_campaigns_listed_and_no_list_matches_any():
    trigger = {"type": ADDED, "campaign_ids": ["c-spring", "c-fall"]}
    assert trigger_matches(trigger, Happening(ADDED, 1, campaign_id="c-fall"))
    assert not trigger_matches(trigger, Happening(ADDED, 1, campaign_id="c-winter"))
    assert trigger_matches({"type": ADDED}, Happening(ADDED, 1, campaign_id="c-winter"))
    assert trigger_matches({"type": ADDED, "campaign_ids": []}, Happening(ADDED, 1, campaign_id="c-winter"))


def test_added_and_removed_triggers_do_not_answer_each_other():
    assert not trigger_matches({"type": ADDED}, Happening(REMOVED, 1, campaign_id="c-spring"))
    assert trigger_matches({"type": REMOVED, "campaign_ids": ["c-spring"]}, Happening(REMOVED, 1,
                                                                                      campaign_id="c-spring"))


def test_data_value_changes_matches_the_field_and_the_new_value_when_one_is_asked_for():
    to_france = Happening(DATA_VALUE_CHANGES, 1, field="country", new_value="France")
    assert trigger_matches({"type": DATA_VALUE_CHANGES, "field": "country"}, to_france)
    assert trigger_matches({"type": DATA_VALUE_CHANGES, "field": "country", "new_value": ""}, to_france)
    assert trigger_matches({"type": DATA_VALUE_CHANGES, "field": "country", "new_value": "FRANCE"}, to_france)
    assert not trigger_matches({"type": DATA_VALUE_CHANGES, "field": "country", "new_value": "Spain"}, to_france)
    assert not trigger_matches({"type": DATA_VALUE_CHANGES, "field": "company"}, to_france)
    assert trigger_matches({"type": DATA_VALUE_CHANGES, "field": "score", "new_value": "80"},
                           Happening(DATA_VALUE_CHANGES, 1, field="score", new_value=80))


def test_a_score_changed_to_zero_matches_a_trigger_asking_for_zero():
    to_zero = Happening(DATA_VALUE_CHANGES, 1, field="score", new_value=0)
    assert trigger_matches({"type": DATA_VALUE_CHANGES, "field": "score", "new_value": "0"}, to_zero)
    assert not trigger_matches({"type": DATA_VALUE_CHANGES, "field": "score", "new_value": "10"}, to_zero)


async def test_a_flow_setting_the_score_to_zero_fires_the_campaign_waiting_for_zero(world):
    ada = world.person(score=40)
    world.campaign("Reset", [{"type": PERSON_CREATED}], [{"step": CHANGE_STEP, "field": "score", "value": "0"}])
    cold = world.campaign("Cold leads", [{"type": DATA_VALUE_CHANGES, "field": "score", "new_value": "0"}],
                          ADD_TO_FALL)
    world.runner.people_created([ada])
    assert await world.runner.drain() == 2
    assert world.added_to("c-fall") == [ada]
    assert world.outcomes(cold) == ["qualified", "enqueued"]


def test_activity_is_logged_matches_the_activity_type_when_one_is_asked_for():
    webinar = Happening(ACTIVITY_LOGGED, 1, activity_type="webinar")
    assert trigger_matches({"type": ACTIVITY_LOGGED, "activity_type": "webinar"}, webinar)
    assert not trigger_matches({"type": ACTIVITY_LOGGED, "activity_type": "visited_web_page"}, webinar)
    assert trigger_matches({"type": ACTIVITY_LOGGED}, webinar)
    assert not trigger_matches({"type": PERSON_CREATED}, webinar)


async def test_only_changes_to_fields_a_campaign_may_listen_to_are_noted(world):
    ada = world.person()
    world.campaign("Any change", [{"type": DATA_VALUE_CHANGES, "field": "country"}], ADD_TO_FALL)
    world.runner.data_values_changed([(ada, "country", "Spain"), (ada, "dynamics_id", "x")])
    assert await world.runner.drain() == 1


# ---- chains and loops ------------------------------------------------------------------------------------------

async def test_a_campaign_whose_flow_would_fire_itself_again_is_stopped_and_says_so(world):
    ada = world.person()
    echo = world.campaign("Echo", [{"type": ADDED, "campaign_ids": ["c-fall"]}], ADD_TO_FALL)

    world.bus.publish(added("c-fall", ada))
    assert await world.runner.drain() == 1
    [first] = world.actions.enqueued
    assert (first.depth, first.chain) == (1, [echo])

    world.confirm(first)  # Dynamics confirmed Echo's own add: it would fire Echo again
    assert await world.runner.drain() == 0

    assert len(world.actions.enqueued) == 1
    index, outcome, detail = world.results(echo)[-1]
    assert (index, outcome) == (-1, "stopped")
    assert "loop stopped" in detail and "'Echo'" in detail


async def test_a_ping_pong_between_two_campaigns_is_stopped_for_the_person(world):
    ada = world.person()
    ping = world.campaign("Ping", [{"type": ADDED, "campaign_ids": ["c-fall"]}],
                          [{"step": REMOVE_STEP, "campaign_id": "c-fall"}])
    pong = world.campaign("Pong", [{"type": REMOVED, "campaign_ids": ["c-fall"]}], ADD_TO_FALL)

    world.confirm(Enqueued("add", "c-fall", [ada], "drag-and-drop", 0, []))  # an operator's drop, confirmed
    await world.runner.drain()
    world.confirm(world.actions.enqueued[-1], REMOVED)  # Ping removed the person: Pong hears it
    await world.runner.drain()
    world.confirm(world.actions.enqueued[-1], ADDED)  # Pong added them back: Ping would run again
    assert await world.runner.drain() == 0

    assert [(e.action, e.chain) for e in world.actions.enqueued] == [("remove", [ping]), ("add", [ping, pong])]
    assert world.outcomes(ping)[-1] == "stopped"


async def test_chains_are_stopped_at_max_depth_however_many_campaigns_take_part(world):
    ada = world.person()
    relay = world.campaign("Relay", [{"type": ADDED}], ADD_TO_FALL)
    others = tuple(range(1000, 1000 + MAX_DEPTH))

    world.bus.publish(added("c-spring", ada, depth=MAX_DEPTH - 1, chain=others[:-1]))
    assert await world.runner.drain() == 1
    assert world.actions.enqueued[0].depth == MAX_DEPTH

    world.bus.publish(added("c-spring", ada, depth=MAX_DEPTH, chain=others))
    assert await world.runner.drain() == 0
    index, outcome, detail = world.results(relay)[-1]
    assert outcome == "stopped" and "loop stopped" in detail and f"{MAX_DEPTH} trigger campaigns deep" in detail


# ---- the inbox ------------------------------------------------------------------------------------------------

async def test_events_heard_on_the_bus_wait_in_the_inbox_until_drained(world):
    ada, bob = world.person(), world.person()
    world.campaign("Spring follow-up", [{"type": ADDED, "campaign_ids": ["c-spring"]}], ADD_TO_FALL)
    world.campaign("Also listening", [{"type": ADDED}], [{"step": ADD_STEP, "campaign_id": "c-spring"}])

    world.bus.publish(Event(OUTBOX, {"ids": [1], "state": "done"}))
    assert not world.runner.has_work()  # only trigger events are noted
    world.bus.publish(added("c-spring", ada))
    world.bus.publish(added("c-spring", bob))

    assert world.runner.has_work()
    assert world.actions.enqueued == []  # nothing runs inside the publisher (the engine's confirmation)
    assert await world.runner.drain() == 4
    assert not world.runner.has_work()
    assert sorted(world.added_to("c-fall")) == sorted([ada, bob])
    assert await world.runner.drain() == 0


async def test_a_closed_runner_no_longer_hears_the_bus(world):
    ada = world.person()
    world.campaign("Spring follow-up", [{"type": ADDED}], ADD_TO_FALL)
    world.runner.close()
    world.bus.publish(added("c-spring", ada))
    assert not world.runner.has_work()


async def test_a_changed_data_value_fires_further_campaigns_in_the_same_drain_deeper_in_the_chain(world):
    ada = world.person(score=10)
    scorer = world.campaign("Score new people", [{"type": PERSON_CREATED}],
                            [{"step": CHANGE_STEP, "field": "score", "value": "80"}])
    hot = world.campaign("Hot leads", [{"type": DATA_VALUE_CHANGES, "field": "score", "new_value": "80"}],
                         ADD_TO_FALL)

    world.runner.people_created([ada])
    assert await world.runner.drain() == 2

    with Session(world.db) as session:
        assert session.get(Person, ada).score == 80
    [enqueued] = world.actions.enqueued
    assert (enqueued.campaign_id, enqueued.depth, enqueued.chain) == ("c-fall", 2, [scorer, hot])
    assert world.results(scorer)[-1][1:] == ("changed", "score: 10 → 80")


async def test_changing_a_value_to_what_it_already_is_fires_nothing(world):
    ada = world.person(score=80)
    scorer = world.campaign("Score new people", [{"type": PERSON_CREATED}],
                            [{"step": CHANGE_STEP, "field": "score", "value": "80"}])
    world.campaign("Hot leads", [{"type": DATA_VALUE_CHANGES, "field": "score"}], ADD_TO_FALL)
    world.runner.people_created([ada])
    assert await world.runner.drain() == 1
    assert world.actions.enqueued == []
    assert world.results(scorer)[-1][1] == "skipped" and "already 80" in world.results(scorer)[-1][2]


# ---- waits -----------------------------------------------------------------------------------------------------

async def test_a_wait_is_carried_on_only_once_it_is_due(world):
    ada = world.person()
    nurture = world.campaign("Nurture", [{"type": PERSON_CREATED}], [wait(3600)] + ADD_TO_FALL)
    world.runner.people_created([ada])
    await world.runner.drain()
    assert world.outcomes(nurture) == ["qualified", "waiting"]
    assert world.actions.enqueued == []

    world.clock.now = START + 3599
    assert world.runner.resume_due() == 0
    assert world.actions.enqueued == []

    world.clock.now = START + 3600
    assert world.runner.resume_due() == 1
    [enqueued] = world.actions.enqueued
    assert (enqueued.person_ids, enqueued.depth, enqueued.chain) == ([ada], 1, [nurture])
    assert world.outcomes(nurture) == ["qualified", "waiting", "enqueued"]
    assert world.runner.resume_due() == 0  # carried on once


async def test_the_wait_of_a_campaign_deactivated_meanwhile_is_not_carried_on(world):
    ada = world.person()
    nurture = world.campaign("Nurture", [{"type": PERSON_CREATED}], [wait(60)] + ADD_TO_FALL)
    world.runner.people_created([ada])
    await world.runner.drain()
    world.set_active(nurture, False)
    world.clock.now = START + 61

    assert world.runner.resume_due() == 0  # what `campsync run-scheduler` reports as resumed
    assert world.actions.enqueued == []
    world.set_active(nurture, True)
    assert world.runner.resume_due() == 0
    with Session(world.db) as session:
        assert session.exec(select(WaitingStep)).all() == []


# ---- the scheduler's tick ---------------------------------------------------------------------------------------

async def test_a_due_recurring_batch_campaign_runs_once_and_its_schedule_moves_on(world):
    ada, bob = world.person(), world.person()
    daily = world.campaign("Daily", [], ADD_TO_FALL, kind="batch", rule="every_time",
                           schedule={"at": START - 10, "repeat": "daily"})
    scheduler = Scheduler(world.db, world.runner, clock=world.clock)

    tick = await scheduler.tick()

    assert [(b.campaign, b.processed) for b in tick.batches] == [("Daily", 2)]
    assert sorted(world.added_to("c-fall")) == sorted([ada, bob])
    with Session(world.db) as session:
        schedule = Definition.from_json(session.get(AutomationCampaign, daily).definition).schedule
    assert schedule["at"] == START - 10 + DAY and schedule["repeat"] == "daily"

    assert (await scheduler.tick()).batches == []  # not due again the same day
    world.clock.now = START + DAY
    assert len((await scheduler.tick()).batches) == 1
    assert len(world.added_to("c-fall")) == 4


async def test_a_one_off_batch_campaign_runs_once_and_a_future_one_waits(world):
    world.person()
    world.campaign("One-off", [], ADD_TO_FALL, kind="batch", rule="every_time", schedule={"at": START, "repeat": None})
    world.campaign("Later", [], ADD_TO_FALL, kind="batch", rule="every_time", schedule={"at": START + DAY})
    world.campaign("Inactive", [], ADD_TO_FALL, kind="batch", rule="every_time", schedule={"at": START},
                   active=False)
    scheduler = Scheduler(world.db, world.runner, clock=world.clock)

    assert [b.campaign for b in (await scheduler.tick()).batches] == ["One-off"]
    world.clock.now = START + 2 * DAY
    assert [b.campaign for b in (await scheduler.tick()).batches] == ["Later"]


async def test_a_tick_carries_on_due_waits_and_says_how_many(world):
    ada = world.person()
    world.campaign("Nurture", [{"type": PERSON_CREATED}], [wait(60)] + ADD_TO_FALL)
    world.runner.people_created([ada])
    await world.runner.drain()
    scheduler = Scheduler(world.db, world.runner, clock=world.clock)
    assert (await scheduler.tick()).resumed == 0
    world.clock.now = START + 60
    assert (await scheduler.tick()).resumed == 1
    assert world.added_to("c-fall") == [ada]
