"""Who did it (issue 14), through the workspace against the sandbox org without Qt: a drop done for Ada is sent to
Dynamics, and what Dynamics confirmed (the trigger events, the campaign's members) names her; what a trigger
campaign did in response names whoever its process ran as (here the same workspace: Ada)."""

from sqlmodel import Session, select

from campsync_gui.core import flows, origins
from campsync_gui.core.automation import ADD_STEP, Definition
from campsync_gui.core.models import AutomationCampaign, OutboxRow
from campsync_gui.core.store import open_store
from campsync_gui.core.triggers import ADDED
from campsync_gui.core.workspace import Workspace

ADA = "ada@example.org"


async def test_a_drop_done_for_ada_is_recorded_as_hers_in_the_log_and_the_members(org, conn, client, tmp_path):
    workspace = Workspace(open_store(tmp_path / "campsync.db"), connection=conn, client=client)
    workspace.actor = ADA
    await workspace.pull(people=True)
    x, y = sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                  key=lambda r: r["name"])[:2]
    definition = Definition(triggers=[{"type": ADDED, "campaign_ids": [x["campaignid"]]}],
                            flow=[{"step": ADD_STEP, "campaign_id": y["campaignid"]}],
                            qualification={"rule": "every_time"})
    with Session(workspace.db) as session:
        session.add(AutomationCampaign(name="Follow-up", kind="trigger", active=True, definition=definition.to_json()))
        session.commit()
    people = [p for p in workspace.list_people() if p.dynamics_type == "lead"][:2]

    plan = await workspace.plan(flows.ADD, x["campaignid"], [p.id for p in people])
    request_id = await workspace.confirm(plan, origin=origins.DRAG_AND_DROP)
    report = await workspace.run_queue()
    assert (report.done, report.left_pending) == (4, 0), report.problems

    events = workspace.recent_events()
    assert sorted((e.campaign_id, e.origin, e.actor) for e in events) == sorted(
        [(x["campaignid"], origins.DRAG_AND_DROP, ADA)] * 2
        + [(y["campaignid"], origins.trigger_campaign("Follow-up"), ADA)] * 2)
    assert all(e.to_dict()["actor"] == ADA for e in events)
    for campaign in (x, y):
        assert {(m.email, m.actor) for m in workspace.campaign_members(campaign["campaignid"]) if m.flow_action} == \
            {(p.email, ADA) for p in people}
    assert {row.actor for row in workspace.sync.rows_of(request_id)} == {ADA}
    with Session(workspace.db) as session:
        assert {row.actor for row in session.exec(select(OutboxRow))} == {ADA}  # the trigger campaign's rows too
    assert workspace.verify_log().ok
    await workspace.aclose()
