"""Undo and redo through the workspace against the sandbox org, without Qt: what trigger campaigns did because of
the undone drop (its chain) is found, offered, and reversed when chosen; redo re-applies what the undo undid."""

import pytest
from sqlmodel import Session

from campsync_gui.core import flows, journal, origins
from campsync_gui.core.applists import app_list_name
from campsync_gui.core.automation import ADD_STEP, REMOVE_STEP, Definition
from campsync_gui.core.models import AutomationCampaign, Person
from campsync_gui.core.store import open_store
from campsync_gui.core.triggers import ADDED
from campsync_gui.core.workspace import Workspace


class TickingClock:
    """Every reading a millisecond later: requests and events made in one test keep their order."""

    def __init__(self, now=1_800_000_000.0):
        self.now = now

    def __call__(self):
        self.now += 0.001
        return self.now


@pytest.fixture
async def workspace(org, conn, client, tmp_path):
    ws = Workspace(open_store(tmp_path / "campsync.db"), connection=conn, client=client, clock=TickingClock())
    await ws.pull(people=True)
    return ws


def active(org, n=3):
    rows = sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                  key=lambda r: r["name"])
    return rows[:n]


def trigger_campaign(workspace, name, on_added_to, flow):
    definition = Definition(triggers=[{"type": ADDED, "campaign_ids": [on_added_to]}], flow=flow,
                            qualification={"rule": "every_time"})
    with Session(workspace.db) as s:
        s.add(AutomationCampaign(name=name, kind="trigger", active=True, definition=definition.to_json()))
        s.commit()


def follow_up(workspace, x, y):
    """Added to x → add to y."""
    trigger_campaign(workspace, "Webinar follow-up", x["campaignid"],
                     [{"step": ADD_STEP, "campaign_id": y["campaignid"]}])


def leads(workspace, n, offset=0):
    return [p for p in workspace.list_people() if p.dynamics_type == "lead"][offset:offset + n]


async def drop(workspace, people: list[Person], campaign_id, action=flows.ADD):
    plan = await workspace.plan(action, campaign_id, [p.id for p in people])
    request_id = await workspace.confirm(plan, origin=origins.DRAG_AND_DROP)
    await workspace.run_queue()
    return request_id


async def reverse(workspace, undo, *, chain):
    request_id = await workspace.confirm_undo(undo, chain=chain)
    await workspace.run_queue()
    assert workspace.pending_count() == 0
    return request_id


def members(org, campaign_id):
    try:
        return org.state.members_of(org.state.find_list(app_list_name("CampSync", "lead", campaign_id))["listid"])
    except KeyError:
        return set()


async def test_undo_of_a_drop_offers_its_trigger_chain_and_reverses_it_when_chosen(org, workspace):
    x, y, _ = active(org)
    follow_up(workspace, x, y)
    people = leads(workspace, 3)
    await drop(workspace, people, x["campaignid"])
    assert members(org, y["campaignid"]) == {p.dynamics_id for p in people}, "the chain ran"

    undo = await workspace.plan_undo()
    assert undo.title == f"Undo add of 3 people to {x['name']}"
    assert [(c.action, c.campaign_id, c.person_ids) for c in undo.step.chain] == \
        [(flows.REMOVE, y["campaignid"], sorted(p.id for p in people))]
    assert undo.effects == [f"Trigger campaign 'Webinar follow-up' also added 3 of them to {y['name']}"]
    assert len(undo.runnable(chain=True)) == 6 and len(undo.runnable(chain=False)) == 3

    await reverse(workspace, undo, chain=True)
    assert members(org, x["campaignid"]) == set() and members(org, y["campaignid"]) == set()
    assert await workspace.plan_undo() is None, "the chain is undone with the drop, not left for the next Ctrl+Z"


async def test_undo_without_the_chain_leaves_what_trigger_campaigns_did(org, workspace):
    x, y, _ = active(org)
    follow_up(workspace, x, y)
    people = leads(workspace, 2)
    await drop(workspace, people, x["campaignid"])
    await reverse(workspace, await workspace.plan_undo(), chain=False)
    assert members(org, x["campaignid"]) == set()
    assert members(org, y["campaignid"]) == {p.dynamics_id for p in people}


async def test_redo_reapplies_what_the_undo_undid_chain_included_then_is_gone(org, workspace):
    x, y, _ = active(org)
    follow_up(workspace, x, y)
    people = leads(workspace, 3)
    ids = {p.dynamics_id for p in people}
    await drop(workspace, people, x["campaignid"])
    assert await workspace.plan_redo() is None, "nothing was undone yet"
    await reverse(workspace, await workspace.plan_undo(), chain=True)

    redo = await workspace.plan_redo()
    assert redo.title == f"Redo add of 3 people to {x['name']}"
    assert workspace.undo_titles() == (None, redo.title)
    await reverse(workspace, redo, chain=redo.step.chain != [])
    assert members(org, x["campaignid"]) == ids and members(org, y["campaignid"]) == ids
    assert await workspace.plan_redo() is None, "redone once"
    again = await workspace.plan_undo()
    assert again.title == f"Undo add of 3 people to {x['name']}", "a redo is undone like the action it redid"
    await reverse(workspace, again, chain=True)
    assert members(org, x["campaignid"]) == set() and members(org, y["campaignid"]) == set()


async def test_a_new_flow_action_clears_redo(org, workspace):
    x, _y, z = active(org)
    await drop(workspace, leads(workspace, 2), x["campaignid"])
    await reverse(workspace, await workspace.plan_undo(), chain=False)
    assert (await workspace.plan_redo()) is not None
    await drop(workspace, leads(workspace, 1, offset=5), z["campaignid"])
    assert await workspace.plan_redo() is None
    assert workspace.undo_titles()[1] is None


async def test_undo_redo_stack_walks_back_in_order(org, workspace):
    x, _y, z = active(org)
    first, second = leads(workspace, 2), leads(workspace, 1, offset=4)
    await drop(workspace, first, x["campaignid"])
    await drop(workspace, second, z["campaignid"])
    await reverse(workspace, await workspace.plan_undo(), chain=False)  # the drop on z
    await reverse(workspace, await workspace.plan_undo(), chain=False)  # then the drop on x
    redo = await workspace.plan_redo()
    assert redo.step.campaign_id == x["campaignid"], "the last undo is redone first"
    await reverse(workspace, redo, chain=False)
    redo = await workspace.plan_redo()
    assert redo.step.campaign_id == z["campaignid"]
    await reverse(workspace, redo, chain=False)
    assert await workspace.plan_redo() is None
    assert members(org, x["campaignid"]) == {p.dynamics_id for p in first}
    assert members(org, z["campaignid"]) == {p.dynamics_id for p in second}


async def test_the_chain_is_only_the_undone_drops_own(org, workspace):
    x, y, _ = active(org)
    follow_up(workspace, x, y)
    earlier, later = leads(workspace, 2), leads(workspace, 2, offset=3)
    await drop(workspace, earlier, x["campaignid"])
    await drop(workspace, later, x["campaignid"])
    undo = await workspace.plan_undo()
    assert undo.step.chain[0].person_ids == sorted(p.id for p in later)
    await reverse(workspace, undo, chain=True)
    assert members(org, y["campaignid"]) == {p.dynamics_id for p in earlier}


async def test_a_chain_that_put_things_back_as_they_were_offers_nothing(org, workspace):
    x, y, z = active(org)
    # Added to x: add to y, which another campaign answers by removing from y again.
    trigger_campaign(workspace, "Follow-up", x["campaignid"], [{"step": ADD_STEP, "campaign_id": y["campaignid"]}])
    trigger_campaign(workspace, "Not y after all", y["campaignid"],
                     [{"step": REMOVE_STEP, "campaign_id": y["campaignid"]},
                      {"step": ADD_STEP, "campaign_id": z["campaignid"]}])
    people = leads(workspace, 2)
    await drop(workspace, people, x["campaignid"])
    assert members(org, y["campaignid"]) == set() and members(org, z["campaignid"]) == {p.dynamics_id for p in people}
    undo = await workspace.plan_undo()
    assert [(c.action, c.campaign_id) for c in undo.step.chain] == [(flows.REMOVE, z["campaignid"])]
    assert undo.effects == [f"Trigger campaign 'Not y after all' also added 2 of them to {z['name']}"]


async def test_undo_still_works_on_a_store_reopened_later(org, conn, client, tmp_path):
    first = Workspace(open_store(tmp_path / "store.db"), connection=conn, client=client, clock=TickingClock())
    await first.pull(people=True)
    x, y, _ = active(org)
    follow_up(first, x, y)
    await drop(first, leads(first, 2), x["campaignid"])
    again = Workspace(open_store(tmp_path / "store.db"), connection=conn, client=client,
                      clock=TickingClock(first.clock.now + 1))
    undo = await again.plan_undo()
    assert undo.step.chain and undo.step.kind == journal.UNDO
    await reverse(again, undo, chain=True)
    assert members(org, x["campaignid"]) == set() and members(org, y["campaignid"]) == set()
