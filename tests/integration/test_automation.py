"""Trigger campaigns against the sandbox org, through the workspace as both faces use it: triggers, constraints,
qualification rules, chains, loops, waits, batch campaigns."""

import json

import pytest
from sqlmodel import Session, select

from campsync_gui.core import flows, origins
from campsync_gui.core.applists import app_list_name
from campsync_gui.core.automation import (ACTIVITY_LOGGED, ADD_STEP, CHANGE_STEP, DATA_VALUE_CHANGES, PERSON_CREATED,
                                          REMOVE_STEP, WAIT_STEP, Definition, validate)
from campsync_gui.core.automation.batch import advance_schedule, due_batches
from campsync_gui.core.models import AutomationCampaign, AutomationResult, CampaignRecord, Person, TriggerEventRecord
from campsync_gui.core.store import open_store
from campsync_gui.core.triggers import ADDED, REMOVED
from campsync_gui.core.workspace import Workspace


class Clock:
    def __init__(self, now=1_800_000_000.0):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
async def world(org, conn, client, tmp_path):
    clock = Clock()
    workspace = Workspace(open_store(tmp_path / "campsync.db"), connection=conn, client=client, clock=clock)
    await workspace.pull(people=True)
    return workspace, clock


def campaigns(org, n=3):
    rows = sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                  key=lambda r: r["name"])
    return [r["campaignid"] for r in rows[:n]]


def define(workspace, name, triggers, flow, *, rule="every_time", days=None, smart_list=None, active=True):
    qualification = {"rule": rule, **({"days": days} if days else {})}
    definition = Definition(smart_list=smart_list or {"filters": [], "logic": "all"}, triggers=triggers, flow=flow,
                            qualification=qualification)
    with Session(workspace.db) as s:
        row = AutomationCampaign(name=name, kind="trigger", active=active, definition=definition.to_json())
        s.add(row)
        s.commit()
        s.refresh(row)
        return row.id


def leads(workspace, n, offset=0):
    with Session(workspace.db) as s:
        return list(s.exec(select(Person).where(Person.dynamics_type == "lead").order_by(Person.id)))[offset:offset + n]


async def drop(workspace, people, campaign_id, action=flows.ADD):
    plan = await workspace.plan(action, campaign_id, [p.id for p in people])
    await workspace.confirm(plan, origin=origins.DRAG_AND_DROP)
    await workspace.run_queue()
    assert workspace.pending_count() == 0, "the outbox never emptied: a trigger loop was not stopped"


def app_members(org, campaign_id, kind="lead"):
    try:
        return org.state.members_of(org.state.find_list(app_list_name("CampSync", kind, campaign_id))["listid"])
    except KeyError:
        return set()


def results(workspace, campaign_id):
    with Session(workspace.db) as s:
        return list(s.exec(select(AutomationResult).where(AutomationResult.campaign_id == campaign_id)
                           .order_by(AutomationResult.id)))


async def test_added_trigger_runs_a_flow_that_adds_to_another_campaign(org, world):
    workspace, _ = world
    x, y, _z = campaigns(org)
    define(workspace, "Follow-up", [{"type": ADDED, "campaign_ids": [x]}], [{"step": ADD_STEP, "campaign_id": y}])
    people = leads(workspace, 3)
    await drop(workspace, people, x)
    assert app_members(org, y) == {p.dynamics_id for p in people}
    with Session(workspace.db) as s:
        origin_names = [e.origin for e in s.exec(select(TriggerEventRecord).where(TriggerEventRecord.campaign_id == y))]
    assert origin_names == [origins.trigger_campaign("Follow-up")] * 3


async def test_campaign_constraint_is_any_of(org, world):
    workspace, _ = world
    x, y, z = campaigns(org)
    cid = define(workspace, "Only X", [{"type": ADDED, "campaign_ids": [x]}], [{"step": ADD_STEP, "campaign_id": y}])
    await drop(workspace, leads(workspace, 2), z)
    assert app_members(org, y) == set() and results(workspace, cid) == []


async def test_removed_trigger_and_smart_list_filter(org, world):
    workspace, _ = world
    x, y, _z = campaigns(org)
    people = leads(workspace, 4)
    keep_country = people[0].country
    define(workspace, "On removal", [{"type": REMOVED, "campaign_ids": [x]}], [{"step": ADD_STEP, "campaign_id": y}],
           smart_list={"filters": [{"kind": "field", "field": "country", "op": "equals", "value": keep_country}],
                       "logic": "all"})
    await drop(workspace, people, x)
    await drop(workspace, people, x, flows.REMOVE)
    expected = {p.dynamics_id for p in people if p.country == keep_country}
    assert app_members(org, y) == expected and expected


async def test_qualification_rules_with_a_controllable_clock(org, world):
    workspace, clock = world
    x, y, _z = campaigns(org)
    once = define(workspace, "Once", [{"type": ACTIVITY_LOGGED, "activity_type": "webinar"}],
                  [{"step": CHANGE_STEP, "field": "job_title", "value": "Attendee"}], rule="once")
    every = define(workspace, "Every time", [{"type": ACTIVITY_LOGGED, "activity_type": "webinar"}],
                   [{"step": CHANGE_STEP, "field": "score", "value": "10"}], rule="every_time")
    weekly = define(workspace, "Every 2 days", [{"type": ACTIVITY_LOGGED, "activity_type": "webinar"}],
                    [{"step": CHANGE_STEP, "field": "country", "value": "Iceland"}], rule="every_n_days", days=2)
    person = leads(workspace, 1)[0]

    def qualified(cid):
        return sum(r.outcome == "qualified" for r in results(workspace, cid))

    await workspace.log_activity(person.email, "webinar")
    clock.now += 86400  # one day later
    await workspace.log_activity(person.email, "webinar")
    clock.now += 2 * 86400  # three days after the first
    await workspace.log_activity(person.email, "webinar")
    assert (qualified(once), qualified(every), qualified(weekly)) == (1, 3, 2)
    skipped = [r.detail for r in results(workspace, weekly) if r.outcome == "skipped"]
    assert skipped and "once every 2 days" in skipped[0]


async def test_person_created_and_data_value_change_triggers(org, world):
    workspace, _ = world
    x, _y, _z = campaigns(org)
    created = define(workspace, "New people", [{"type": PERSON_CREATED}],
                     [{"step": CHANGE_STEP, "field": "score", "value": "5"}])
    changed = define(workspace, "Hot leads", [{"type": DATA_VALUE_CHANGES, "field": "score", "new_value": "5"}],
                     [{"step": ADD_STEP, "campaign_id": x}])
    person = leads(workspace, 1)[0]
    workspace.automation.people_created([person.id])  # as an import that created them reports it
    await workspace.run_queue()
    assert [r.outcome for r in results(workspace, created)][-1] == "changed"
    assert any(r.outcome == "enqueued" for r in results(workspace, changed)), "a changed value fires in turn"
    assert app_members(org, x) == {person.dynamics_id}


async def test_loops_are_stopped_and_logged(org, world):
    workspace, _ = world
    x, _y, _z = campaigns(org)
    ping = define(workspace, "Ping", [{"type": ADDED, "campaign_ids": [x]}], [{"step": REMOVE_STEP, "campaign_id": x}])
    pong = define(workspace, "Pong", [{"type": REMOVED, "campaign_ids": [x]}], [{"step": ADD_STEP, "campaign_id": x}])
    await drop(workspace, leads(workspace, 1), x)  # would add/remove forever without loop protection
    stopped = [r.detail for r in results(workspace, ping) + results(workspace, pong) if r.outcome == "stopped"]
    assert stopped and "loop stopped" in stopped[0]
    assert workspace.pending_count() == 0


async def test_wait_survives_a_restart(org, world, conn, client):
    workspace, clock = world
    x, y, _z = campaigns(org)
    cid = define(workspace, "Nurture", [{"type": ADDED, "campaign_ids": [x]}],
                 [{"step": WAIT_STEP, "seconds": 3600}, {"step": ADD_STEP, "campaign_id": y}])
    people = leads(workspace, 2)
    await drop(workspace, people, x)
    assert app_members(org, y) == set()
    later = Clock(clock.now + 3601)
    restarted = Workspace(workspace.db, connection=conn, client=client, clock=later)  # the next start, an hour on
    assert (await restarted.scheduler_tick()).resumed == 2
    assert app_members(org, y) == {p.dynamics_id for p in people}
    assert [r.outcome for r in results(workspace, cid)].count("waiting") == 2


async def test_validation_messages(org, world):
    workspace, _ = world
    x, _y, _z = campaigns(org)
    inactive = next(r["campaignid"] for r in org.state.campaigns.values() if r["statecode"] == 1)
    with Session(workspace.db) as s:
        known = {c.id: c for c in s.exec(select(CampaignRecord))}
    problems = validate("trigger", Definition(triggers=[], flow=[]), known)
    assert "needs at least one trigger" in " ".join(problems) and "flow is empty" in " ".join(problems)
    problems = validate("trigger", Definition(
        triggers=[{"type": ADDED, "campaign_ids": [x]}],
        flow=[{"step": ADD_STEP, "campaign_id": inactive}, {"step": CHANGE_STEP, "field": "shoe_size"}],
        smart_list={"filters": [{"kind": "field", "field": "favourite_colour", "op": "equals", "value": "red"}],
                    "logic": "all"}), known)
    text = " ".join(problems)
    assert "inactive in Dynamics" in text and "shoe_size" in text and "favourite_colour" in text
    assert json.loads(Definition(flow=[{"step": WAIT_STEP, "seconds": 5}]).to_json())["flow"][0]["seconds"] == 5


def define_batch(workspace, name, smart_list, flow, *, rule="once", schedule=None):
    definition = Definition(smart_list=smart_list, triggers=[], flow=flow, qualification={"rule": rule},
                            schedule=schedule)
    with Session(workspace.db) as s:
        row = AutomationCampaign(name=name, kind="batch", active=True, definition=definition.to_json())
        s.add(row)
        s.commit()
        s.refresh(row)
        return row


async def test_batch_preview_equals_what_the_run_processes(org, world):
    workspace, _ = world
    x, _y, _z = campaigns(org)
    country = leads(workspace, 1)[0].country
    smart_list = {"filters": [{"kind": "field", "field": "country", "op": "equals", "value": country},
                              {"kind": "field", "field": "type", "op": "equals", "value": "lead"}], "logic": "all"}
    batch = define_batch(workspace, "Country push", smart_list, [{"step": ADD_STEP, "campaign_id": x}])
    expected = workspace.batch_preview(batch.id)
    report = await workspace.run_batch(batch.id)
    await workspace.run_queue()
    assert expected == report.qualified == report.processed and expected > 0
    with Session(workspace.db) as s:
        wanted = {p.dynamics_id for p in s.exec(select(Person).where(Person.country == country,
                                                                     Person.dynamics_type == "lead"))}
    assert app_members(org, x) == wanted
    assert workspace.batch_preview(batch.id) == 0, "rule 'once': nobody qualifies a second time"


async def test_abort_stops_the_remaining_people(org, world):
    workspace, _ = world
    batch = define_batch(workspace, "Everyone", {"filters": [], "logic": "all"},
                         [{"step": CHANGE_STEP, "field": "job_title", "value": "Reviewed"}])
    runner = workspace.automation
    original = runner.run_flow
    calls = []

    def counting(*args, **kwargs):
        calls.append(1)
        if len(calls) == 10:
            workspace.stop_running()  # the operator presses Abort while the tenth person runs
        return original(*args, **kwargs)

    runner.run_flow = counting
    report = await workspace.run_batch(batch.id)
    assert report.aborted and report.processed == 10 < report.qualified
    with Session(workspace.db) as s:
        assert len(s.exec(select(Person).where(Person.job_title == "Reviewed")).all()) == 10


def test_schedules_come_due_and_move_on(tmp_path):
    store = open_store(tmp_path / "s.db")
    with Session(store) as s:
        for name, repeat in (("daily", "daily"), ("once", None)):
            s.add(AutomationCampaign(name=name, kind="batch", active=True, definition=Definition(
                flow=[{"step": WAIT_STEP, "seconds": 1}], schedule={"at": 1000.0, "repeat": repeat}).to_json()))
        s.commit()
    assert [c.name for c in due_batches(store, now=999)] == []
    due = due_batches(store, now=1000 + 3 * 86400 + 5)
    assert sorted(c.name for c in due) == ["daily", "once"]
    for campaign in due:
        advance_schedule(store, campaign, now=1000 + 3 * 86400 + 5)
    with Session(store) as s:
        rows = {c.name: Definition.from_json(c.definition).schedule["at"] for c in s.exec(select(AutomationCampaign))}
    assert rows == {"daily": 1000 + 4 * 86400, "once": None}
