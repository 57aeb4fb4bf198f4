"""Which changes of trigger campaigns belong to the chain of an operator's request (core/journal.py), from the traces
in the store alone: no org, no Qt."""

import json

import pytest
from sqlmodel import Session

from campsync_gui.core import flows, journal, origins
from campsync_gui.core.automation import ACTIVITY_LOGGED, ADD_STEP, Definition
from campsync_gui.core.models import AutomationCampaign, FlowRequest, OutboxRow, Person
from campsync_gui.core.store import open_store
from campsync_gui.core.transactions import transaction
from campsync_gui.core.triggers import ADDED, TriggerEvent, append_events

T0 = 1_800_000_000.0


@pytest.fixture
def db(tmp_path):
    engine = open_store(tmp_path / "journal.db")
    with Session(engine) as s:
        for n in (1, 2):
            s.add(Person(id=n, first_name="P", last_name=str(n), email=f"p{n}@example.org"))
        s.commit()
    yield engine
    engine.dispose()


def automation(db, name, triggers) -> int:
    with Session(db) as s:
        row = AutomationCampaign(name=name, kind="trigger", active=True,
                                 definition=Definition(triggers=triggers, flow=[{"step": ADD_STEP, "campaign_id": "y"}])
                                 .to_json())
        s.add(row)
        s.commit()
        return row.id


def request(db, request_id, campaign_id, people, at, *, origin=origins.DRAG_AND_DROP, action=flows.ADD, chain=()):
    """A confirmed request as the engine leaves it: its journal row, its done outbox rows, its trigger events."""
    with Session(db) as s:
        s.add(FlowRequest(request_id=request_id, action=action, campaign_id=campaign_id, origin=origin, created_at=at))
        rows = [OutboxRow(action=action, campaign_id=campaign_id, person_id=p, state="done",
                          outcome=journal.DONE[action], idempotency_key=f"{request_id}:{p}", request_id=request_id,
                          origin=origin, depth=len(chain), chain=json.dumps(list(chain)), created_at=at)
                for p in people]
        s.add_all(rows)
        s.commit()
        ids = [r.id for r in rows]
    trigger = ADDED if action == flows.ADD else "removed_from_microsoft_campaign"
    events = [TriggerEvent(trigger=trigger, person_id=p, email=None, campaign_id=campaign_id, campaign_name=campaign_id,
                           origin=origin, request_id=request_id, outbox_id=i, at=at + 0.5)
              for p, i in zip(people, ids)]
    transaction(db, lambda s: append_events(s, events))


def test_the_chain_of_a_drop_is_what_campaigns_listening_to_it_did_for_the_same_people(db):
    follow_up = automation(db, "Follow-up", [{"type": ADDED, "campaign_ids": ["x"]}])
    elsewhere = automation(db, "Webinar attendees", [{"type": ACTIVITY_LOGGED, "activity_type": "webinar"}])
    request(db, "drop", "x", [1, 2], T0)
    request(db, "c1", "y", [1], T0 + 1, origin=origins.trigger_campaign("Follow-up"), chain=[follow_up])
    # The same person added to y by a campaign that does not listen to the drop: not its chain.
    request(db, "c2", "y", [2], T0 + 2, origin=origins.trigger_campaign("Webinar attendees"), chain=[elsewhere])
    step = journal.next_undo(db)
    assert step.request_id == "drop" and step.person_ids == [1, 2]
    assert [(c.action, c.campaign_id, c.person_ids, c.reverses) for c in step.chain] == \
        [(flows.REMOVE, "y", [1], ["c1"])]
    assert [e.describe("Y") for e in step.effects] == ["Trigger campaign 'Follow-up' also added 1 of them to Y"]


def test_a_later_event_that_could_start_the_campaign_again_ends_the_chain(db):
    follow_up = automation(db, "Follow-up", [{"type": ADDED, "campaign_ids": ["x"]}])
    request(db, "first", "x", [1], T0)
    request(db, "removal", "x", [1], T0 + 1, action=flows.REMOVE)
    request(db, "second", "x", [1], T0 + 2, origin=origins.COMMAND_LINE)  # not undoable, but it started the campaign
    request(db, "c", "y", [1], T0 + 3, origin=origins.trigger_campaign("Follow-up"), chain=[follow_up])
    with Session(db) as s:  # the removal was undone already, so the next Ctrl+Z is the first drop
        s.get(FlowRequest, "removal").undone_by = "some-undo"
        s.commit()
    step = journal.next_undo(db)
    assert step.request_id == "first" and step.chain == [], "what followed the second add is the second add's chain"


def test_chained_changes_undone_already_are_not_offered_again(db):
    follow_up = automation(db, "Follow-up", [{"type": ADDED, "campaign_ids": ["x"]}])
    request(db, "drop", "x", [1, 2], T0)
    request(db, "c1", "y", [1], T0 + 1, origin=origins.trigger_campaign("Follow-up"), chain=[follow_up])
    request(db, "c2", "y", [2], T0 + 1, origin=origins.trigger_campaign("Follow-up"), chain=[follow_up])
    journal.mark_undone(db, ["c1"], "an-earlier-undo")
    assert [c.person_ids for c in journal.next_undo(db).chain] == [[2]]


def test_without_trigger_campaigns_there_is_no_chain_and_the_menu_reads_no_chain(db):
    request(db, "drop", "x", [1, 2], T0)
    assert journal.next_undo(db).chain == []
    step = journal.next_undo(db, chain=False)
    assert step.title("Spring Webinar") == "Undo add of 2 people to Spring Webinar"
    assert journal.next_redo(db) is None
