"""Who did it (issue 14): every flow action records the person (or application) it was done for, from the request
through its outbox rows to the membership and the trigger event Dynamics' confirmation leaves; an undo records
whoever undid it. The workspace's own use cases on a real store; Dynamics' confirmation is what the engine does
once the org answered (no org here)."""

import pytest
from sqlmodel import Session, select

from campsync_gui.core import flows, origins
from campsync_gui.core.campaigns import members
from campsync_gui.core.connections import Connection
from campsync_gui.core.models import CampaignRecord, FlowRequest, Membership, OutboxRow, Person, TriggerEventRecord
from campsync_gui.core.outbox import RunReport
from campsync_gui.core.store import open_store
from campsync_gui.core.triggers import ADDED, REMOVED, verify_chain
from campsync_gui.core.workspace import Workspace

ADA, BOB = "ada@example.org", "bob@example.org"


@pytest.fixture
def workspace(tmp_path):
    db = open_store(tmp_path / "actor.db")
    with Session(db) as session:
        session.add(CampaignRecord(id="c-spring", name="Spring Launch", statecode=0))
        for n in (1, 2):
            session.add(Person(id=n, first_name="P", last_name=str(n), email=f"p{n}@example.org",
                               dynamics_type="lead", dynamics_id=f"lead-{n}"))
        session.commit()
    ws = Workspace(db, connection=Connection(name="test", org_url="https://org.example", tenant_id="t",
                                             client_id="app-1", client_secret="not-used"))
    yield ws
    if "_parts" in ws.__dict__:
        ws.automation.close()
    db.dispose()


async def confirmed(ws: Workspace, request_id: str, trigger: str) -> None:
    """What the engine does once Dynamics confirmed the request's rows."""
    rows = ws.sync.rows_of(request_id)
    with Session(ws.db) as session:
        campaign = session.get(CampaignRecord, "c-spring")
        people = {p.id: p for p in session.exec(select(Person))}
    await ws.sync.confirmation.confirm(campaign, rows, people, trigger, "list-1", RunReport())


def actors(ws: Workspace, model, **where) -> list[str]:
    with Session(ws.db) as session:
        query = select(model.actor)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return list(session.exec(query))


async def test_a_confirmed_add_records_who_did_it_on_the_request_rows_membership_and_event(workspace):
    workspace.actor = ADA
    plan = await workspace.plan(flows.ADD, "c-spring", [1, 2])
    request_id = await workspace.confirm(plan, origin=origins.DRAG_AND_DROP)
    assert actors(workspace, FlowRequest, request_id=request_id) == [ADA]
    assert actors(workspace, OutboxRow, request_id=request_id) == [ADA, ADA]
    await confirmed(workspace, request_id, ADDED)

    assert actors(workspace, Membership) == [ADA, ADA]
    assert actors(workspace, TriggerEventRecord) == [ADA, ADA]
    assert [(e.person_id, e.actor, e.to_dict()["actor"]) for e in workspace.recent_events()] == \
        [(1, ADA, ADA), (2, ADA, ADA)]
    assert [(m.person_id, m.actor) for m in members(workspace.db, "c-spring")] == [(1, ADA), (2, ADA)]
    assert verify_chain(workspace.db).ok


async def test_an_undo_is_recorded_for_whoever_undid_it_and_the_first_action_keeps_its_own(workspace):
    workspace.actor = ADA
    first = await workspace.confirm(await workspace.plan(flows.ADD, "c-spring", [1, 2]), origin=origins.DRAG_AND_DROP)
    await confirmed(workspace, first, ADDED)

    workspace.actor = BOB  # another person signed in since
    undo = await workspace.plan_undo()
    undo_id = await workspace.confirm_undo(undo, chain=False)
    assert actors(workspace, FlowRequest, request_id=undo_id) == [BOB]
    assert actors(workspace, OutboxRow, request_id=undo_id) == [BOB, BOB]
    assert actors(workspace, FlowRequest, request_id=first) == [ADA]
    await confirmed(workspace, undo_id, REMOVED)

    with Session(workspace.db) as session:
        events = [(e.trigger, e.actor)
                  for e in session.exec(select(TriggerEventRecord).order_by(TriggerEventRecord.id))]
    assert events == [(ADDED, ADA), (ADDED, ADA), (REMOVED, BOB), (REMOVED, BOB)]
    assert verify_chain(workspace.db).ok
