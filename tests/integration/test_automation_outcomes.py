"""Automation against the sandbox org, as the window shows it after a sync: Results end with Dynamics' answer, the
live log names a batch campaign as one, and the demo org's examples and scores fit the demo data (seed 42)."""

import pytest
from sqlmodel import Session, select

from campsync_gui.core import origins
from campsync_gui.core.automation import ADD_STEP, PERSON_CREATED, Definition
from campsync_gui.core.connections import Connection
from campsync_gui.core.demo_content import CANADA_EXAMPLE, WELCOME_EXAMPLE, seed_demo_automations
from campsync_gui.core.models import AutomationCampaign, Person
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace


@pytest.fixture
async def workspace(org, conn, client, tmp_path):
    workspace = Workspace(open_store(tmp_path / "campsync.db"), connection=conn, client=client)
    await workspace.pull(people=True)
    return workspace


def active_campaigns(org, n=2):
    rows = sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                  key=lambda r: r["name"])
    return [r["campaignid"] for r in rows[:n]]


def store_campaign(workspace, name, kind, definition: Definition, active=True) -> int:
    with Session(workspace.db) as session:
        row = AutomationCampaign(name=name, kind=kind, active=active, definition=definition.to_json())
        session.add(row)
        session.commit()
        return row.id


def leads(workspace, country=None):
    with Session(workspace.db) as session:
        query = select(Person).where(Person.dynamics_type == "lead").order_by(Person.id)
        return [p for p in session.exec(query) if country is None or p.country == country]


def steps(workspace, campaign_id):
    return [(row.outcome, row.detail) for row in workspace.automations.results(campaign_id)
            if row.step != "Qualification"]


async def test_after_the_sync_a_batch_campaigns_results_say_added_and_the_log_names_a_batch_campaign(org, workspace):
    x, _y = active_campaigns(org)
    country = leads(workspace)[0].country
    batch = store_campaign(workspace, "France batch", "batch", Definition(
        smart_list={"filters": [{"kind": "field", "field": "country", "op": "equals", "value": country}],
                    "logic": "all"}, flow=[{"step": ADD_STEP, "campaign_id": x}]))
    report = await workspace.run_batch(batch)
    assert report.processed > 0
    assert set(steps(workspace, batch)) == {("enqueued", "will add")}

    run = await workspace.run_queue()
    assert run.done == report.processed  # "Sync finished: N confirmed by Dynamics"
    assert set(steps(workspace, batch)) == {("added", "confirmed by Dynamics")}
    sources = {origins.describe(event.origin) for event in workspace.recent_events()}
    assert sources == {"Batch campaign France batch"}  # the live log's Source column


async def test_a_step_dynamics_refused_says_failed_with_the_servers_message(org, workspace):
    x, _y = active_campaigns(org)
    welcome = store_campaign(workspace, "Welcome", "trigger", Definition(
        triggers=[{"type": PERSON_CREATED}], flow=[{"step": ADD_STEP, "campaign_id": x}],
        qualification={"rule": "every_time"}))
    workspace.automation.people_created([leads(workspace)[0].id])
    await workspace.automation.drain()
    org.knobs.denied = {"lists"}  # CampSync's list for the campaign cannot be made
    await workspace.run_queue()

    [(outcome, detail)] = steps(workspace, welcome)
    assert outcome == "failed"
    assert "is missing prvReadList privilege" in detail and "Traceback" not in detail


async def test_the_demo_org_gets_examples_that_fit_its_data_and_scores_for_its_people(org, workspace):
    # The window's built-in sandbox connection, on the same org: the examples find the seed's campaigns by name.
    demo = Workspace(workspace.db, connection=Connection(name="Built-in sandbox", environment="sandbox"))
    seeded = seed_demo_automations(demo)

    assert sorted(seeded.examples) == sorted([WELCOME_EXAMPLE, CANADA_EXAMPLE])
    examples = {c.name: c for c in demo.automations.campaigns()}
    for example in examples.values():
        assert not example.active
        assert demo.automations.problems(example.kind, Definition.from_json(example.definition)) == []
    assert demo.batch_preview(examples[CANADA_EXAMPLE].id) > 0  # the demo has people in Canada

    people = demo.list_people()
    assert seeded.scored == len(people)
    high = [p for p in people if p.score >= 50]
    assert 0 < len(high) < len(people)  # "Score ≥ 50" finds some of the demo's people
