"""A person signed in through the sandbox's sign-in page (the real msal code, the sandbox's robot in place of a
browser), through the workspace as both faces use it: what they do is recorded in their name, and someone without
the privileges CampSync's flow actions need is refused before anything is written in Dynamics."""

from campsync_gui.builtin_org import demo_operator_connection
from campsync_gui.core import flows, origins
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace

OPERATOR = "operator@campsyncsandbox.onmicrosoft.com"
READER = "reader@campsyncsandbox.onmicrosoft.com"


def active_campaign(org):
    return sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                  key=lambda r: r["name"])[0]


async def test_signin_as_the_demo_operator_records_her_on_the_drop(org, tmp_path):
    workspace = Workspace(open_store(tmp_path / "campsync.db"), connection=demo_operator_connection(org),
                          home=tmp_path)
    try:
        assert workspace.is_user_sign_in and workspace.account() is None
        await workspace.pull(people=True)  # the first token signs the demo operator in by itself
        assert workspace.account().username == OPERATOR
        campaign = active_campaign(org)
        person = next(p for p in workspace.list_people() if p.dynamics_type == "lead")
        plan = await workspace.plan(flows.ADD, campaign["campaignid"], [person.id])
        assert [item.outcome for item in plan.items] == ["will_add"], plan.items
        await workspace.confirm(plan, origin=origins.DRAG_AND_DROP)
        report = await workspace.run_queue()
        assert report.done == 1, report.problems
        assert [(e.email, e.actor) for e in workspace.recent_events()] == [(person.email, OPERATOR)]
    finally:
        await workspace.aclose()


async def test_signin_without_the_list_privileges_is_refused_before_any_write(org, tmp_path):
    workspace = Workspace(open_store(tmp_path / "campsync.db"), connection=demo_operator_connection(org, READER),
                          home=tmp_path)
    lists_before = dict(org.state.lists)
    try:
        await workspace.pull(people=True)  # reading is allowed
        assert workspace.account().username == READER
        campaign = active_campaign(org)
        people = [p for p in workspace.list_people() if p.dynamics_type == "lead"][:3]
        plan = await workspace.plan(flows.ADD, campaign["campaignid"], [p.id for p in people])
        assert {item.outcome for item in plan.items} == {"blocked"}
        reason = plan.items[0].reason
        assert READER in reason and "prvCreateList" in reason and "security role" in reason
        assert await workspace.confirm(plan, origin=origins.DRAG_AND_DROP) is None
        assert workspace.pending_count() == 0
    finally:
        await workspace.aclose()
    assert org.state.lists == lists_before  # nothing was written in Dynamics
