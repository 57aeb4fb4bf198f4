"""Demo content on the built-in sandbox org (core/demo_content.py): two inactive example automation campaigns the
Automation tab shows, and scores that let "Score ≥ 50" find people. Added once per data folder, never on a real
org, and only once the demo campaigns and people are in the store."""

import json

import pytest
from sqlmodel import Session, select

from campsync_gui.core.automation import ADD_STEP, Definition
from campsync_gui.core.connections import Connection
from campsync_gui.core.demo_content import (CANADA_EXAMPLE, LAUNCH_CAMPAIGN, WEBINAR_CAMPAIGN, WELCOME_EXAMPLE,
                                            demo_score, seed_demo_automations)
from campsync_gui.core.models import CampaignRecord, Person
from campsync_gui.core.store import open_store
from campsync_gui.core.triggers import ADDED
from campsync_gui.core.workspace import Workspace

SANDBOX = Connection(name="Built-in sandbox", environment="sandbox")
DEMO_CAMPAIGNS = [("c-webinar", WEBINAR_CAMPAIGN, 0), ("c-launch", LAUNCH_CAMPAIGN, 0),
                  ("c-holiday", "Holiday Promo 2024", 1)]


@pytest.fixture
def db(tmp_path):
    engine = open_store(tmp_path / "campsync.db")
    yield engine
    engine.dispose()


def add_campaigns(db, campaigns=DEMO_CAMPAIGNS):
    with Session(db) as session:
        for cid, name, state in campaigns:
            session.merge(CampaignRecord(id=cid, name=name, statecode=state, statuscode=6 if state else 1))
        session.commit()


def add_people(db, count=200, domain="northwindtraders.example", **values):
    with Session(db) as session:
        for n in range(count):
            session.add(Person(first_name="Demo", last_name=str(n), email=f"person{n}@{domain}",
                               dynamics_type="lead", **values))
        session.commit()


def scores(db) -> dict[str, int]:
    with Session(db) as session:
        return {p.email: p.score for p in session.exec(select(Person))}


def workspace(db, connection=SANDBOX) -> Workspace:
    return Workspace(db, connection=connection)


def test_the_demo_org_gets_two_inactive_examples_that_say_they_are_examples_and_could_run(db):
    add_campaigns(db)
    add_people(db, 5)
    ws = workspace(db)
    seeded = seed_demo_automations(ws)

    assert sorted(seeded.examples) == sorted([WELCOME_EXAMPLE, CANADA_EXAMPLE])
    stored = {c.name: c for c in ws.automations.campaigns()}
    assert set(stored) == {"Example — welcome webinar attendees", "Example — Canada push"}
    welcome, canada = stored[WELCOME_EXAMPLE], stored[CANADA_EXAMPLE]
    assert (welcome.kind, welcome.active, canada.kind, canada.active) == ("trigger", False, "batch", False)
    for example in (welcome, canada):
        definition = Definition.from_json(example.definition)
        assert "example" in definition.description.lower()
        assert "duplicate" in definition.description and "delete" in definition.description
        assert ws.automations.problems(example.kind, definition) == []  # activating it would work
    welcome_definition = json.loads(welcome.definition)
    assert welcome_definition["triggers"] == [{"type": ADDED, "campaign_ids": ["c-webinar"]}]
    assert welcome_definition["flow"] == [{"step": ADD_STEP, "campaign_id": "c-launch"}]
    canada_definition = json.loads(canada.definition)
    assert canada_definition["smart_list"]["filters"] == [{"kind": "field", "field": "country", "op": "equals",
                                                           "value": "Canada"}]
    assert canada_definition["flow"] == [{"step": ADD_STEP, "campaign_id": "c-webinar"}]


def test_examples_come_once_and_a_deleted_one_does_not_come_back(db):
    add_campaigns(db)
    add_people(db, 5)
    ws = workspace(db)
    seed_demo_automations(ws)
    ws.automations.delete(ws.automations.named(CANADA_EXAMPLE).id)

    again = seed_demo_automations(workspace(db))  # the next start of the window
    assert again.examples == [] and again.scored == 0
    assert [c.name for c in ws.automations.campaigns()] == [WELCOME_EXAMPLE]


def test_without_the_demo_campaigns_nothing_is_made_yet_and_they_come_once_the_campaigns_are_read(db):
    ws = workspace(db)
    assert seed_demo_automations(ws).examples == []  # the first pull failed: no campaigns in the store
    assert ws.automations.campaigns() == []

    add_campaigns(db, [("c-webinar", WEBINAR_CAMPAIGN, 0)])  # only one of the two the welcome example needs
    assert seed_demo_automations(ws).examples == [CANADA_EXAMPLE]
    add_campaigns(db)
    assert seed_demo_automations(ws).examples == [WELCOME_EXAMPLE]


def test_an_example_never_points_at_an_inactive_campaign(db):
    add_campaigns(db, [("c-webinar", WEBINAR_CAMPAIGN, 1), ("c-launch", LAUNCH_CAMPAIGN, 0)])
    ws = workspace(db)
    assert seed_demo_automations(ws).examples == []
    assert ws.automations.campaigns() == []


def test_a_real_org_never_gets_demo_content(db):
    add_campaigns(db)
    add_people(db, 5)
    for environment in ("production", "test"):
        ws = workspace(db, Connection(name="Contoso", environment=environment))
        seeded = seed_demo_automations(ws)
        assert (seeded.examples, seeded.scored) == ([], 0)
    assert workspace(db).automations.campaigns() == []
    assert set(scores(db).values()) == {0}


def test_demo_people_get_plausible_scores_so_that_score_50_or_more_finds_some(db):
    add_campaigns(db)
    add_people(db, 200)
    with Session(db) as session:
        kept = Person(first_name="Set", last_name="ByHand", email="kept@example.com", score=12)
        session.add(kept)
        session.commit()

    seeded = seed_demo_automations(workspace(db))
    assert seeded.scored == 200
    given = scores(db)
    assert given["kept@example.com"] == 12  # a score already set is left alone
    demo = [score for email, score in given.items() if email != "kept@example.com"]
    assert all(0 <= score <= 100 for score in demo)
    assert 30 <= sum(score >= 50 for score in demo) <= 120  # the quick filter finds some, not everyone
    assert len(set(demo)) > 20
    assert given["person7@northwindtraders.example"] == demo_score("person7@northwindtraders.example")
    assert demo_score("Person7@NorthwindTraders.example ") == demo_score("person7@northwindtraders.example")


def test_scores_are_given_once_a_score_set_back_to_zero_stays_zero(db):
    add_campaigns(db)
    ws = workspace(db)
    assert seed_demo_automations(ws).scored == 0  # nobody pulled yet: scores wait for the people
    add_people(db, 10)
    assert seed_demo_automations(ws).scored == 10
    with Session(db) as session:
        for person in session.exec(select(Person)):
            person.score = 0
            session.add(person)
        session.commit()
    add_people(db, 3, domain="later.example", score=0)  # pulled later: not the first time any more
    assert seed_demo_automations(ws).scored == 0
    assert set(scores(db).values()) == {0}
