"""Creation that cannot duplicate (issue 12): caller-chosen lead ids, slow orgs, lost answers, 504s, crashes.

An org whose plug-ins cost 40 ms per created lead takes 40 s over 1,000 leads and commits them at the end, whether
or not CampSync still waits. The sandbox's knobs reproduce that (create_ms_per_record, gateway_timeouts,
lose_answers); the figures here are scaled down (tens of people, short timeouts) to keep each test a few seconds.
Every test counts the org's leads by email: one each, never two.
"""

import asyncio
import time

import httpx
import pytest
from sqlmodel import Session, select

from campsync_gui.core import flows
from campsync_gui.core.engine import SyncEngine
from campsync_gui.core.models import OutboxRow, Person
from campsync_gui.core.pull import refresh_campaigns
from campsync_gui.core.store import open_store
from campsync_gui.dynamics.connect import open_client
from campsync_gui.sandbox import faults, slow_writes
from support import FAST_RETRY, error_of

CREATE_MULTIPLE = "leads/Microsoft.Dynamics.CRM.CreateMultiple"
LEAD = "Microsoft.Dynamics.CRM.lead"
IDS = [f"{i:08x}-0000-4000-8000-{i:012x}" for i in range(1, 200)]


def settle(timeout=30.0):
    """Wait until the org has applied every slow create still running (a client that gave up does not stop it)."""
    deadline = time.monotonic() + timeout
    while slow_writes.in_flight() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert slow_writes.in_flight() == 0, "the sandbox still holds slow creates"


async def settled():
    await asyncio.to_thread(settle)


def leads_by_email(org, prefix):
    found = {}
    for row in org.state.leads.values():
        if (row["emailaddress1"] or "").startswith(prefix):
            found.setdefault(row["emailaddress1"], []).append(row)
    return found


def assert_each_once(org, prefix, count):
    leads = leads_by_email(org, prefix)
    twice = {email: len(rows) for email, rows in leads.items() if len(rows) > 1}
    assert not twice, f"{len(twice)} people created more than once, e.g. {list(twice.items())[:3]}"
    assert len(leads) == count
    return leads


def target(i, **extra):
    return {"@odata.type": LEAD, "lastname": f"Chosen {i}", "emailaddress1": f"chosen{i}@example.org", **extra}


# ---- the sandbox org ---------------------------------------------------------------------------------


def test_a_lead_keeps_the_id_its_creator_chose_and_a_second_create_with_it_is_refused(org, dv):
    first = dv.post("leads", json={"leadid": IDS[0], "lastname": "Chosen", "emailaddress1": "chosen0@example.org"})
    assert first.status_code == 204 and first.headers["OData-EntityId"].endswith(f"leads({IDS[0]})")
    again = dv.post("leads", json={"leadid": IDS[0], "lastname": "Chosen", "emailaddress1": "chosen0@example.org"})
    assert again.status_code == 412 and error_of(again)["code"] == "0x80040237"
    assert [row["leadid"] for row in leads_by_email(org, "chosen0")["chosen0@example.org"]] == [IDS[0]]


def test_create_multiple_with_one_existing_id_creates_nothing(org, dv):
    assert dv.post("leads", json={"leadid": IDS[1], "lastname": "Chosen 1"}).status_code == 204
    response = dv.post(CREATE_MULTIPLE, json={"Targets": [target(i, leadid=IDS[i]) for i in range(3)]})
    assert response.status_code == 412 and error_of(response)["code"] == "0x80040237"
    assert leads_by_email(org, "chosen") == {}, "all or nothing: the two new ids were not created either"
    response = dv.post(CREATE_MULTIPLE, json={"Targets": [target(i, leadid=IDS[i]) for i in (0, 2)]})
    assert response.json()["Ids"] == [IDS[0], IDS[2]]


def test_a_slow_create_is_applied_when_it_ends_even_after_the_client_gave_up(org, dv):
    org.knobs.create_ms_per_record = 40  # 25 leads: one second of plug-ins
    with pytest.raises(httpx.ReadTimeout):
        dv.post(CREATE_MULTIPLE, json={"Targets": [target(i) for i in range(25)]}, timeout=0.3)
    assert leads_by_email(org, "chosen") == {}, "nothing shows while the org is at work (one transaction)"
    settle()
    assert_each_once(org, "chosen", 25)


def test_apply_then_504_carries_out_the_write_and_answers_gateway_timeout(org, dv):
    org.knobs.gateway_timeouts = 1
    response = dv.post("leads", json={"leadid": IDS[3], "lastname": "Chosen 3", "emailaddress1": "chosen3@x.org"})
    assert response.status_code == 504
    assert [row["leadid"] for rows in leads_by_email(org, "chosen3").values() for row in rows] == [IDS[3]]
    assert dv.post("leads", json={"lastname": "Next"}).status_code == 204, "only the next POST"


# ---- the client ----------------------------------------------------------------------------------------


def records(n, prefix="chosen"):
    return [dict(last_name=f"Chosen {i}", email=f"{prefix}{i}@example.org", lead_id=IDS[i]) for i in range(n)]


async def test_a_resent_batch_finds_the_ids_that_exist_and_creates_only_the_rest(org, client):
    for record in records(4)[:2]:  # an earlier attempt created these two, its answer lost
        org.state.create("leads", {"leadid": record["lead_id"], "lastname": record["last_name"],
                                   "emailaddress1": record["email"]})
    ids = await client.create_leads(records(4))
    assert ids == IDS[:4]
    leads = assert_each_once(org, "chosen", 4)
    assert {rows[0]["leadid"] for rows in leads.values()} == set(IDS[:4])


async def test_a_bulk_create_waits_minutes_not_the_ordinary_timeout(org, conn):
    org.knobs.create_ms_per_record = 40  # 50 leads take 2 s; ordinary requests give up after 1 s
    quick = open_client(conn, retry=FAST_RETRY, timeout=1)
    try:
        assert quick.bulk_timeout >= 120, "Microsoft expects up to 2 minutes per bulk request"
        ids = await quick.create_leads(records(50))
    finally:
        await quick.aclose()
    assert ids == IDS[:50]
    assert_each_once(org, "chosen", 50)


# ---- the engine -------------------------------------------------------------------------------------------


@pytest.fixture
async def impatient(conn):
    """A client whose ordinary requests give up after 1 s, as a slow org's creates outlast them."""
    c = open_client(conn, retry=FAST_RETRY, timeout=1)
    yield c
    await c.aclose()


async def make_engine(org, client, db_file):
    store = open_store(db_file)
    await refresh_campaigns(store, client)
    return SyncEngine(store, client, scope="t")


def campaign_id(org):
    rows = sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                  key=lambda r: r["name"])
    return rows[0]["campaignid"]


def new_people(engine, count, prefix):
    people = [Person(first_name="Nia", last_name=f"Slow {i:04d}", email=f"{prefix}{i:04d}@example.org")
              for i in range(count)]
    with Session(engine.db) as s:
        s.add_all(people)
        s.commit()
        for person in people:
            s.refresh(person)
    return people


async def add(engine, org, people):
    plan = engine.plan(people, engine.campaign_record(campaign_id(org)), flows.ADD)
    request_id = engine.enqueue(plan, origin="test")
    return request_id, await engine.run()


def outcomes(engine, request_id):
    return {(row.state, row.outcome) for row in engine.rows_of(request_id)}


async def test_a_slow_org_gets_each_new_person_once_and_the_run_succeeds(org, impatient, tmp_path):
    # The defect, scaled down: 40 ms a lead over 100 leads (4 s) against a 1 s client timeout.
    org.knobs.create_ms_per_record = 40
    engine = await make_engine(org, impatient, tmp_path / "campsync.db")
    request_id, report = await add(engine, org, new_people(engine, 100, "slow"))
    await settled()
    assert_each_once(org, "slow", 100)
    assert report.done == 100 and report.failed == 0 and outcomes(engine, request_id) == {("done", "added")}


async def test_a_bulk_create_that_outlasts_even_the_long_timeout_is_resent_with_the_same_ids(org, impatient,
                                                                                             tmp_path):
    org.knobs.create_ms_per_record = 40  # 60 leads: 2.4 s, and the bulk timeout is cut to 0.5 s
    impatient.bulk_timeout = 0.5
    engine = await make_engine(org, impatient, tmp_path / "campsync.db")
    people = new_people(engine, 60, "outlast")
    request_id, first = await add(engine, org, people)
    assert first.done == 0 and first.left_pending == 60, "every attempt timed out: the rows wait, nothing failed"
    with Session(engine.db) as s:
        chosen = {p.email: p.new_lead_id for p in s.exec(select(Person).where(Person.email.startswith("outlast")))}
    assert None not in chosen.values(), "each person's id was stored before the first request left"
    await settled()
    leads = assert_each_once(org, "outlast", 60)
    assert {email: rows[0]["leadid"] for email, rows in leads.items()} == chosen, "created under the ids chosen"
    impatient.bulk_timeout = 180
    report = await engine.run()
    assert report.done == 60 and outcomes(engine, request_id) == {("done", "added")}
    assert_each_once(org, "outlast", 60)


@pytest.mark.parametrize("knob", ["gateway_timeouts", "lose_answers"])
async def test_a_create_answered_504_or_lost_while_the_org_is_still_at_it_makes_nobody_twice(
        org, client, tmp_path, monkeypatch, knob):
    org.knobs.create_ms_per_record = 40  # 50 leads: 2 s, and the answer is cut off after 0.3 s
    monkeypatch.setattr(faults, "UNHEARD_PATIENCE", 0.3)
    setattr(org.knobs, knob, 1)  # the first POST of the run: the CreateMultiple
    engine = await make_engine(org, client, tmp_path / "campsync.db")
    request_id, report = await add(engine, org, new_people(engine, 50, "cutoff"))
    await settled()
    assert_each_once(org, "cutoff", 50)
    assert report.done == 50 and report.failed == 0 and outcomes(engine, request_id) == {("done", "added")}


async def test_an_org_without_create_multiple_creates_each_once_despite_a_lost_answer(org, client, tmp_path,
                                                                                     monkeypatch):
    org.knobs.missing_actions = {"CreateMultiple"}
    org.knobs.create_ms_per_record = 400  # one lead at a time, each still being made when its answer is lost
    monkeypatch.setattr(faults, "UNHEARD_PATIENCE", 0.1)
    engine = await make_engine(org, client, tmp_path / "campsync.db")
    people = new_people(engine, 4, "single")
    await client.create_leads([dict(last_name="Warm-up", email="warmup@example.org")])  # learns: no CreateMultiple
    org.knobs.lose_answers = 1  # the first single create of the run
    request_id, report = await add(engine, org, people)
    await settled()
    assert_each_once(org, "single", 4)
    assert report.done == 4 and outcomes(engine, request_id) == {("done", "added")}


async def test_after_a_crash_mid_create_the_restart_resends_the_same_ids_and_makes_nobody_twice(org, conn,
                                                                                               tmp_path):
    # The process dies while its CreateMultiple runs in the org (4 s of plug-ins); the restart, a moment later,
    # finds nobody by email yet. It must send the ids it stored before the crash, never new ones.
    org.knobs.create_ms_per_record = 40
    db_file = tmp_path / "campsync.db"
    first_client = open_client(conn, retry=FAST_RETRY, timeout=10)
    engine = await make_engine(org, first_client, db_file)
    people = new_people(engine, 100, "crash")
    plan = engine.plan(people, engine.campaign_record(campaign_id(org)), flows.ADD)
    request_id = engine.enqueue(plan, origin="test")
    run = asyncio.ensure_future(engine.run())
    await asyncio.sleep(1.0)
    assert not run.done()
    run.cancel()  # the crash: the connection closes, the org carries on
    with pytest.raises(asyncio.CancelledError):
        await run
    await first_client.aclose()
    assert leads_by_email(org, "crash") == {}, "still running in the org"
    with Session(engine.db) as s:  # what a restart's recovery does for a dead worker's rows
        for row in s.exec(select(OutboxRow).where(OutboxRow.request_id == request_id)):
            row.state, row.claimed_by, row.claimed_at = "pending", None, None
            s.add(row)
        s.commit()

    second_client = open_client(conn, retry=FAST_RETRY, timeout=10)
    try:
        restarted = await make_engine(org, second_client, db_file)
        report = await restarted.run()
    finally:
        await second_client.aclose()
    await settled()
    assert_each_once(org, "crash", 100)
    assert report.done == 100 and outcomes(restarted, request_id) == {("done", "added")}


async def test_an_id_another_worker_stored_first_is_the_one_this_worker_sends(org, client, tmp_path):
    engine = await make_engine(org, client, tmp_path / "campsync.db")
    person = new_people(engine, 1, "team")[0]  # this worker's copy, read before another worker chose an id
    with Session(engine.db) as s:
        stored = s.get(Person, person.id)
        stored.new_lead_id = IDS[5]
        s.add(stored)
        s.commit()
    engine.implied_sync._choose_lead_ids([person.id], {person.id: person})
    assert person.new_lead_id == IDS[5], "first writer wins: both workers send one id, the org makes one lead"


def test_a_slow_create_answers_with_the_headers_of_any_other_answer(org, dv):
    org.knobs.create_ms_per_record = 10
    response = dv.post(CREATE_MULTIPLE, json={"Targets": [target(i) for i in range(3)]})
    assert response.status_code == 200 and len(response.json()["Ids"]) == 3
    assert response.headers["OData-Version"] == "4.0"
    hint = getattr(org.knobs, "dop_hint", None)  # x-ms-dop-hint, where the sandbox sends it
    if hint is not None:
        assert response.headers["x-ms-dop-hint"] == str(hint)
