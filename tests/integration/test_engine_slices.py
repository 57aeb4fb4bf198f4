"""The window's way of planning and queueing (in slices, the event loop running in between) gives the same
result as the one-go way, and a drop interrupted while being queued leaves nothing behind."""

import socket
import subprocess
import sys

from campsync_gui.core import flows
from campsync_gui.core.engine import SyncEngine
from campsync_gui.core.outbox import STAGED
from test_engine import active_campaign, app_list_members, people_where, world  # noqa: F401  (fixture)


async def test_planning_in_slices_gives_the_plan_of_one_go(org, world):  # noqa: F811
    campaign = world.campaign_record(active_campaign(org)["campaignid"])
    people = people_where(world)[:45]
    ids = [p.id for p in people]
    whole = world.plan(people, campaign, flows.ADD)
    sliced = await world.plan_in_slices(ids + ids[:5], campaign, flows.ADD, slice_size=10)  # duplicates once
    assert [(i.person.id, i.outcome, i.reason) for i in sliced.items] == \
           [(i.person.id, i.outcome, i.reason) for i in whole.items]


async def test_rows_queued_in_slices_reach_the_org_once_made_pending_together(org, world):  # noqa: F811
    campaign = active_campaign(org)
    leads = people_where(world, dynamics_type="lead")[:25]
    plan = world.plan(leads, world.campaign_record(campaign["campaignid"]), flows.ADD)
    steps = world.enqueue_in_slices(plan, origin="test", slice_size=10)
    steps.send(None)  # first slice written, then the event loop would run
    assert world.outbox.claim() == [], "no worker takes the rows of a drop that is still being queued"
    try:
        steps.send(None)
        steps.send(None)
        steps.send(None)
    except StopIteration:
        pass
    assert world.pending_count() == 25
    report = await world.run()
    assert report.done == 25
    _, members = app_list_members(org, campaign["campaignid"], "lead")
    assert members == {p.dynamics_id for p in leads}


async def test_a_drop_killed_while_being_queued_leaves_nothing_to_send(org, world, client):  # noqa: F811
    campaign = active_campaign(org)
    leads = people_where(world, dynamics_type="lead")[:30]
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    dying = SyncEngine(world.db, client, scope="t")
    dying.worker_id = f"{socket.gethostname()}:{dead.pid}:gone"  # as if that process had been killed
    plan = dying.plan(leads, dying.campaign_record(campaign["campaignid"]), flows.ADD)
    steps = dying.enqueue_in_slices(plan, origin="test", request_id="killed", slice_size=10)
    steps.send(None)
    steps.send(None)
    steps.close()  # the process dies here: 20 rows staged, the request never made pending
    assert len([r for r in world.rows_of("killed") if r.claimed_by.startswith(STAGED)]) == 20

    report = await world.run()  # the next start: recover() drops what the dead enqueue left
    assert report.done == 0 and report.requests <= 2
    assert world.rows_of("killed") == []
    lst, members = app_list_members(org, campaign["campaignid"], "lead")
    assert members == set(), "nobody was sent to Dynamics for a drop that was never fully queued"
    again = world.plan(leads, world.campaign_record(campaign["campaignid"]), flows.ADD)
    assert again.counts()[flows.WILL_ADD] == 30, "the people can be dropped again"

