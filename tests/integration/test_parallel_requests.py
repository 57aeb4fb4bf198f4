"""Several requests in flight, as Dataverse advises: one throttle for all of them, as many as the org's
x-ms-dop-hint says (capped by the admin's setting), and the campaign asked once per run, not once per claim."""

import asyncio

import pytest

from campsync_gui.core import flows
from campsync_gui.core.settings import load_settings, save_settings
from campsync_gui.core.workspace import Workspace
from campsync_gui.dynamics.connect import open_client
from support import connection_for, pulled_bench_store, seed_bench_leads


@pytest.fixture
async def bench_org(org, tmp_path):
    """3,000 leads in the org, pulled into a store; a workspace on both."""
    seed_bench_leads(org, 3000)
    store, people, active = await pulled_bench_store(org, tmp_path / "campsync.db")
    workspace = Workspace(store, connection=connection_for(org), client=open_client(connection_for(org)))
    yield workspace, org, people, active[0]
    await workspace.aclose()


def api_calls(org, since=0):
    return [r for r in org.request_log[since:] if "/api/data/" in r.path]


async def test_a_request_started_while_the_org_throttles_waits_for_the_retry_after(org, client):
    """One 429 holds back every request of the client, not only the one told: a request that keeps pushing makes
    Dataverse raise the wait (and here would be refused too)."""
    await client.whoami()  # the token first
    org.knobs.throttle = (2, 3)
    await client.whoami()
    await client.whoami()
    start = len(org.request_log)
    first = asyncio.create_task(client.whoami())  # refused: the window is full
    while client.stats.throttled == 0:
        await asyncio.sleep(0.01)
    second = asyncio.create_task(client.whoami())  # starts while the first waits out its Retry-After
    await asyncio.gather(first, second)
    log = api_calls(org, start)
    refused = [r for r in log if r.status == 429]
    assert len(refused) == 1 and client.stats.throttled == 1, [(r.status, round(r.at, 2)) for r in log]
    after = [r for r in log if r.at > refused[0].at]
    assert len(after) == 2 and all(r.status == 200 for r in after)
    assert min(r.at for r in after) - refused[0].at >= 0.95  # Retry-After is whole seconds, at least 1


async def test_the_client_follows_the_orgs_parallelism_hint(org, client):
    org.knobs.dop_hint = 3
    await client.whoami()
    assert client.dop_hint == 3
    org.knobs.dop_hint = 500  # above Dataverse's 52 concurrent requests per user: not believed
    await client.whoami()
    assert client.dop_hint == 52


async def test_the_settings_cap_the_requests_in_flight(bench_org):
    workspace, org, _people, _campaign = bench_org
    settings = load_settings(workspace.db, workspace.scope)
    settings.max_parallel_requests = 2
    save_settings(workspace.db, settings, workspace.scope)
    org.knobs.dop_hint = 16
    await workspace.check_readiness()
    assert workspace.sync.parallel_requests(load_settings(workspace.db, workspace.scope)) == 2
    org.knobs.dop_hint = 1
    await workspace.check_readiness(again=True)
    assert workspace.sync.parallel_requests(load_settings(workspace.db, workspace.scope)) == 1


async def test_a_big_drop_asks_dynamics_about_the_campaign_once(bench_org):
    """3,000 people are three claims of the queue: the campaign is checked at the start of the run, not before each
    claim (a quarter of a 10,000-person drop's requests were these GETs)."""
    workspace, org, people, campaign = bench_org
    await workspace.check_readiness()
    start = len(org.request_log)
    plan = await workspace.plan(flows.ADD, campaign.id, [p.id for p in people])
    await workspace.confirm(plan, origin="test")
    report = await workspace.run_queue()
    assert report.done == len(plan.runnable) > 2000
    campaign_gets = [r for r in api_calls(org, start) if r.method == "GET" and f"campaigns({campaign.id})" in r.path
                     and "/" not in r.path.split(f"campaigns({campaign.id})")[1].split("?")[0]]
    assert len(campaign_gets) == 1
