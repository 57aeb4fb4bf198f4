"""Bulk requests sized to the org (issue 12): CreateMultiple batches start moderate, shrink when the org is slow,
grow back when it is quick, follow the connection's settings, and the client waits as long as the settings say.

The sandbox's create_ms_per_record knob makes lead creation slow as plug-ins do; the "slow" threshold is lowered to
a fraction of a second so the figures stay small (hundreds of people, a few seconds per test).
"""

import asyncio
import time

from sqlmodel import Session

from campsync_gui.core import flows, origins
from campsync_gui.core.engine import SyncEngine
from campsync_gui.core.models import Person
from campsync_gui.core.pull import refresh_campaigns
from campsync_gui.core.settings import SyncSettings, load_settings, save_settings
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.sandbox import slow_writes

CREATE_MULTIPLE = "/leads/Microsoft.Dynamics.CRM.CreateMultiple"


def settle(timeout=30.0):
    deadline = time.monotonic() + timeout
    while slow_writes.in_flight() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert slow_writes.in_flight() == 0, "the sandbox still holds slow creates"


def campaign_id(org):
    rows = sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                  key=lambda r: r["name"])
    return rows[0]["campaignid"]


def new_people(db, count, prefix):
    people = [Person(first_name="Nia", last_name=f"Sized {i:04d}", email=f"{prefix}{i:04d}@example.org")
              for i in range(count)]
    with Session(db) as s:
        s.add_all(people)
        s.commit()
        for person in people:
            s.refresh(person)
    return people


def leads_by_email(org, prefix):
    found = {}
    for row in org.state.leads.values():
        if (row["emailaddress1"] or "").startswith(prefix):
            found.setdefault(row["emailaddress1"], []).append(row)
    return found


def assert_each_once(org, prefix, count):
    leads = leads_by_email(org, prefix)
    assert all(len(rows) == 1 for rows in leads.values()), "nobody created twice"
    assert len(leads) == count


def record_batches(client):
    """The size of each CreateMultiple the engine asks the client for, in order."""
    sizes = []
    create_leads = client.create_leads

    async def recording(records, **kw):
        sizes.append(len(records))
        return await create_leads(records, **kw)

    client.create_leads = recording
    return sizes


def create_multiples(org, before):
    return [r for r in org.request_log[before:] if r.method == "POST" and r.path.endswith(CREATE_MULTIPLE)]


async def add(engine, org, people):
    plan = engine.plan(people, engine.campaign_record(campaign_id(org)), flows.ADD)
    engine.enqueue(plan, origin="test")
    return await engine.run()


async def test_on_a_slow_org_the_batches_shrink_then_grow_back_and_everyone_is_created_once(org, client, tmp_path):
    store = open_store(tmp_path / "campsync.db")
    await refresh_campaigns(store, client)
    engine = SyncEngine(store, client, scope="t")
    sizer = engine.implied_sync.sizer
    sizer.slow_after = 0.2  # stands for Dataverse's 30 s: 5 ms a lead makes 200 leads take 1 s
    sizes = record_batches(client)
    org.knobs.create_ms_per_record = 5
    before = len(org.request_log)

    report = await add(engine, org, new_people(store, 400, "slowsize"))
    await asyncio.to_thread(settle)
    assert report.done == 400 and report.failed == 0
    assert_each_once(org, "slowsize", 400)
    assert sizes[:3] == [200, 100, 50], "starts at 200 and halves after each slow request"
    assert sum(sizes) == 400 and max(sizes[3:]) <= 50, "never larger again while the org stays slow"
    sent = create_multiples(org, before)
    assert len(sent) == len(sizes) and {r.status for r in sent} == {200}, "one CreateMultiple per batch"

    # The org gets quick (plug-ins disabled): the same engine starts from what it learned and grows back.
    org.knobs.create_ms_per_record = 0
    sizer.slow_after = 30.0
    learned = engine.implied_sync.batch_now
    assert learned <= 50
    sizes.clear()
    report = await add(engine, org, new_people(store, 300, "quicksize"))
    assert report.done == 300
    assert_each_once(org, "quicksize", 300)
    assert sizes[0] == learned, "the size learned holds for the session"
    assert max(sizes) > learned and sizes == sorted(sizes[:-1]) + sizes[-1:], "grows after quick requests"
    assert engine.implied_sync.batch_now <= 1000


async def test_the_connection_settings_set_the_first_size_and_the_ceiling(org, conn, client, tmp_path):
    workspace = Workspace(open_store(tmp_path / "campsync.db"), connection=conn, client=client)
    settings = workspace.settings()
    settings.create_batch_start, settings.create_batch_max = 40, 50
    workspace.save_settings(settings)
    await workspace.refresh_campaigns()
    sizes = record_batches(client)
    people = new_people(workspace.db, 300, "capped")
    plan = await workspace.plan(flows.ADD, campaign_id(org), [p.id for p in people])
    await workspace.confirm(plan, origin=origins.DRAG_AND_DROP)
    await workspace.run_queue()
    assert_each_once(org, "capped", 300)
    assert sizes[0] == 40 and max(sizes) == 50 and sum(sizes) == 300, sizes
    options = workspace.doctor_options()
    assert (options.create_batch_start, options.create_batch_max, options.bulk_timeout_s) == (40, 50, 180)
    assert options.create_batch_now == workspace.sync.implied_sync.batch_now == 50, "the doctor sees what it learned"


async def test_the_client_waits_as_long_as_the_bulk_timeout_setting_says(org, conn, tmp_path):
    db = open_store(tmp_path / "campsync.db")
    save_settings(db, SyncSettings(bulk_timeout_s=150), conn.name)
    workspace = Workspace(db, connection=conn)  # opens its own client, as the window and the CLI do
    try:
        assert workspace.client.bulk_timeout == 150
        settings = workspace.settings()
        settings.bulk_timeout_s = 240
        workspace.save_settings(settings)
        assert workspace.client.bulk_timeout == 240, "a change applies to the open client"
    finally:
        await workspace.aclose()


def test_settings_stored_before_bulk_sizing_existed_load_with_the_defaults(tmp_path):
    db = open_store(tmp_path / "campsync.db")
    save_settings(db, SyncSettings(list_prefix="Mkto", batch_size=250), "old")
    with db.begin() as connection:  # what an older CampSync stored: none of the new keys
        connection.exec_driver_sql("DELETE FROM setting WHERE key IN "
                                   "('create_batch_start', 'create_batch_max', 'bulk_timeout_s')")
    loaded = load_settings(db, "old")
    assert (loaded.list_prefix, loaded.batch_size) == ("Mkto", 250)
    assert (loaded.create_batch_start, loaded.create_batch_max, loaded.bulk_timeout_s) == (200, 1000, 180)
    loaded.create_batch_start, loaded.create_batch_max, loaded.bulk_timeout_s = 100, 500, 300
    save_settings(db, loaded, "old")
    assert load_settings(db, "old") == loaded


async def test_a_batch_that_times_out_is_resent_no_bigger_than_the_smaller_size(org, client, tmp_path):
    # 80 leads at 20 ms each take 1.6 s against a 0.5 s bulk timeout: waited out, the size halves to 40, and the
    # resend carries 40 of them; the other 40 follow in a batch of their own, with their ids.
    store = open_store(tmp_path / "campsync.db")
    await refresh_campaigns(store, client)
    engine = SyncEngine(store, client, scope="t")
    engine.implied_sync.sizer.configure(start=80, maximum=80)
    client.bulk_timeout = 0.5
    sizes = record_batches(client)
    org.knobs.create_ms_per_record = 20
    people = new_people(store, 80, "waitedout")
    first = await add(engine, org, people)
    await asyncio.to_thread(settle)
    org.knobs.create_ms_per_record = 0
    client.bulk_timeout = 180
    report = await engine.run()
    assert sizes[0] == 80 and sizes[1] <= 40, f"the resend after the timeout was smaller: {sizes}"
    assert_each_once(org, "waitedout", 80)
    assert first.done + report.done == 80 and report.failed == 0, "everyone added, once, by the next run at the latest"


async def test_a_connection_dropped_quickly_does_not_shrink_the_batches(org, client, tmp_path):
    store = open_store(tmp_path / "campsync.db")
    await refresh_campaigns(store, client)
    engine = SyncEngine(store, client, scope="t")
    sizes = record_batches(client)
    org.knobs.lose_answers = 1  # the first write's answer is lost at once, though the org applied it
    report = await add(engine, org, new_people(store, 600, "dropped"))
    assert report.done == 600
    assert_each_once(org, "dropped", 600)
    assert sizes[0] == 200 and sizes[1] >= 200, f"a quick lost answer is no sign of a too-big batch: {sizes}"
