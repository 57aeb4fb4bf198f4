"""The sync engine against the sandbox org over HTTPS; every test checks what reached the org."""

import re
import time

import pytest
from sqlmodel import Session, select

from campsync_gui.core import flows
from campsync_gui.core.applists import app_list_name
from campsync_gui.core.engine import SyncEngine
from campsync_gui.core.events import TRIGGERS
from campsync_gui.core.models import Membership, OutboxRow, Person, TriggerEventRecord
from campsync_gui.core.pull import pull_memberships, pull_people, refresh_campaigns
from campsync_gui.core.settings import load_settings, save_settings
from campsync_gui.core.store import open_store
from campsync_gui.core.triggers import ADDED, REMOVED, verify_chain


@pytest.fixture
async def world(org, client, tmp_path):
    """A store that has pulled the sandbox org, and an engine on it."""
    store = open_store(tmp_path / "campsync.db")
    await refresh_campaigns(store, client)
    await pull_people(store, client)
    await pull_memberships(store, client, load_settings(store, "t"))
    engine = SyncEngine(store, client, scope="t")
    events = []
    engine.bus.subscribe(lambda e: events.extend(e.data["events"]) if e.kind == TRIGGERS else None)
    engine.events = events
    return engine


def active_campaign(org, index=0):
    rows = sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                  key=lambda r: r["name"])
    return rows[index]


def people_where(engine, **filters) -> list[Person]:
    with Session(engine.db) as s:
        query = select(Person).order_by(Person.id)
        for key, value in filters.items():
            query = query.where(getattr(Person, key) == value)
        return list(s.exec(query))


def app_list_members(org, campaign_id, member_type, prefix="CampSync"):
    try:
        lst = org.state.find_list(app_list_name(prefix, member_type, campaign_id))
    except KeyError:
        return None, set()
    return lst, org.state.members_of(lst["listid"])


async def do(engine, people, campaign_id, action, origin="test"):
    campaign = engine.campaign_record(campaign_id)
    plan = engine.plan(people, campaign, action)
    request_id = engine.enqueue(plan, origin=origin) if plan.runnable else None
    report = await engine.run()
    return plan, request_id, report


def trigger_rows(engine):
    with Session(engine.db) as s:
        return list(s.exec(select(TriggerEventRecord).order_by(TriggerEventRecord.id)))


async def test_add_creates_linked_app_lists_and_fires_triggers(org, world):
    campaign = active_campaign(org)
    leads = people_where(world, dynamics_type="lead")[:30]
    contacts = people_where(world, dynamics_type="contact")[:20]
    plan, request_id, report = await do(world, leads + contacts, campaign["campaignid"], flows.ADD)
    assert plan.counts()[flows.WILL_ADD] == 50 and report.done == 50
    lead_list, lead_members = app_list_members(org, campaign["campaignid"], "lead")
    contact_list, contact_members = app_list_members(org, campaign["campaignid"], "contact")
    assert lead_members == {p.dynamics_id for p in leads}
    assert contact_members == {p.dynamics_id for p in contacts}
    assert lead_list["createdfromcode"] == 4 and contact_list["createdfromcode"] == 2
    linked = set(org.state.lists_of_campaign(campaign["campaignid"]))
    assert {lead_list["listid"], contact_list["listid"]} <= linked
    events = trigger_rows(world)
    assert [e.trigger for e in events] == [ADDED] * 50
    assert {e.person_id for e in events} == {p.id for p in leads + contacts}
    assert all(e.campaign_name == campaign["name"] and e.request_id == request_id for e in events)
    assert len(world.events) == 50, "each trigger was published on the bus"
    assert verify_chain(world.db).ok


async def test_adding_existing_members_again_is_skipped_without_triggers(org, world):
    campaign = active_campaign(org)
    leads = people_where(world, dynamics_type="lead")[:5]
    await do(world, leads, campaign["campaignid"], flows.ADD)
    before = len(org.request_log)
    plan, request_id, report = await do(world, leads, campaign["campaignid"], flows.ADD)
    assert [i.outcome for i in plan.items] == [flows.SKIP] * 5
    assert "already a member" in plan.items[0].reason
    assert request_id is None and len(trigger_rows(world)) == 5
    writes = [r for r in org.request_log[before:] if r.method != "GET" and "/api/data/" in r.path]
    assert writes == [], "nothing was sent to Dynamics"


async def test_person_not_in_dynamics_is_created_as_a_lead_then_added(org, world):
    with Session(world.db) as s:
        local = Person(first_name="Noor", last_name="Haddad", email="noor.haddad@example.org", company="Fabrikam",
                       country="Jordan")
        s.add(local)
        s.commit()
        s.refresh(local)
    campaign = active_campaign(org, 1)
    plan, _, report = await do(world, [local], campaign["campaignid"], flows.ADD)
    assert plan.items[0].outcome == flows.WILL_CREATE_AND_ADD
    created = [lead for lead in org.state.leads.values() if lead["emailaddress1"] == "noor.haddad@example.org"]
    assert len(created) == 1 and created[0]["companyname"] == "Fabrikam"
    _, members = app_list_members(org, campaign["campaignid"], "lead")
    assert members == {created[0]["leadid"]}
    assert people_where(world, email="noor.haddad@example.org")[0].dynamics_id == created[0]["leadid"]


async def test_person_without_email_or_name_is_blocked_with_a_reason(org, world):
    with Session(world.db) as s:
        nameless = Person(first_name="", last_name="", email="x@example.org")
        s.add(nameless)
        s.commit()
        s.refresh(nameless)
    plan = world.plan([nameless], world.campaign_record(active_campaign(org)["campaignid"]), flows.ADD)
    assert plan.items[0].outcome == flows.BLOCKED and "last name" in plan.items[0].reason


async def test_remove_takes_off_only_what_campsync_added(org, world):
    campaign = active_campaign(org)
    cid = campaign["campaignid"]
    crm_list = next(lid for lid in org.state.lists_of_campaign(cid) if org.state.members_of(lid))
    crm_member_ids = org.state.members_of(crm_list)
    crm_people = [p for p in people_where(world) if p.dynamics_id in crm_member_ids][:3]
    ours = [p for p in people_where(world, dynamics_type="lead") if p.dynamics_id not in crm_member_ids][:4]
    outsider = [p for p in people_where(world, dynamics_type="contact") if p.dynamics_id not in crm_member_ids][-1]
    await do(world, ours, cid, flows.ADD)
    plan, _, report = await do(world, ours[:2] + crm_people + [outsider], cid, flows.REMOVE)
    outcomes = {i.person.id: (i.outcome, i.reason) for i in plan.items}
    assert [outcomes[p.id][0] for p in ours[:2]] == [flows.WILL_REMOVE] * 2
    assert all(outcomes[p.id][0] == flows.SKIP and "outside CampSync" in outcomes[p.id][1] for p in crm_people)
    assert outcomes[outsider.id] == (flows.SKIP, "not a member of this campaign")
    _, members = app_list_members(org, cid, "lead")
    assert members == {p.dynamics_id for p in ours[2:]}
    assert org.state.members_of(crm_list) == crm_member_ids, "CRM lists are never touched"
    removed = [e for e in trigger_rows(world) if e.trigger == REMOVED]
    assert {e.person_id for e in removed} == {p.id for p in ours[:2]}
    with Session(world.db) as s:
        left = {m.person_id for m in s.exec(select(Membership).where(Membership.campaign_id == cid,
                                                                     Membership.source == "flow_action"))}
    assert left == {p.id for p in ours[2:]}


async def test_inactive_campaign_is_blocked_when_planned(org, world):
    inactive = next(r for r in org.state.campaigns.values() if r["statecode"] == 1)
    plan = world.plan(people_where(world)[:3], world.campaign_record(inactive["campaignid"]), flows.ADD)
    assert {i.outcome for i in plan.items} == {flows.BLOCKED}
    assert "inactive" in plan.items[0].reason


async def test_campaign_deactivated_between_preview_and_run(org, world):
    campaign = active_campaign(org)
    people = people_where(world, dynamics_type="lead")[:4]
    plan = world.plan(people, world.campaign_record(campaign["campaignid"]), flows.ADD)
    request_id = world.enqueue(plan, origin="test")
    org.state.set_campaign_state(campaign["campaignid"], active=False)
    report = await world.run()
    assert report.blocked == 4 and report.done == 0
    rows = world.rows_of(request_id)
    assert {r.outcome for r in rows} == {"blocked"} and "became inactive" in rows[0].reason
    assert app_list_members(org, campaign["campaignid"], "lead")[1] == set()
    assert trigger_rows(world) == []


async def test_sync_disabled_blocks_every_flow_action(org, world):
    settings = load_settings(world.db, "t")
    settings.campaign_sync_enabled = False
    save_settings(world.db, settings, "t")
    plan = world.plan(people_where(world)[:2], world.campaign_record(active_campaign(org)["campaignid"]), flows.ADD)
    assert all(i.outcome == flows.BLOCKED and "disabled" in i.reason for i in plan.items)


async def test_sync_disabled_after_enqueue_blocks_at_execution(org, world):
    campaign = active_campaign(org)
    plan = world.plan(people_where(world)[:2], world.campaign_record(campaign["campaignid"]), flows.ADD)
    request_id = world.enqueue(plan, origin="test")
    settings = load_settings(world.db, "t")
    settings.campaign_sync_enabled = False
    save_settings(world.db, settings, "t")
    await world.run()
    assert {r.outcome for r in world.rows_of(request_id)} == {"blocked"}
    assert [app_list_members(org, campaign["campaignid"], kind)[0] for kind in ("lead", "contact")] == [None, None], \
        "no list made for a blocked add"


async def test_old_prerequisite_solution_blocks_flow_actions(org, world):
    org.knobs.solution_version = "4.1.9.0"
    assert "older than the required 4.2.0.0" in await world.check_prerequisite(force=True)
    plan = world.plan(people_where(world)[:1], world.campaign_record(active_campaign(org)["campaignid"]), flows.ADD)
    assert plan.items[0].outcome == flows.BLOCKED and "4.1.9.0" in plan.items[0].reason


async def test_deleted_or_unlinked_app_list_is_recreated_and_relinked(org, world, client):
    campaign = active_campaign(org)
    cid = campaign["campaignid"]
    leads = people_where(world, dynamics_type="lead")
    await do(world, leads[:2], cid, flows.ADD)
    first, _ = app_list_members(org, cid, "lead")
    org.state.delete_list(first["listid"])
    fresh = SyncEngine(world.db, client, scope="t")  # a later session: no cached list
    await do(fresh, leads[2:4], cid, flows.ADD)
    second, members = app_list_members(org, cid, "lead")
    # Made again under the same id (derived from its name, so every writer converges on one list), holding only
    # the people added since: the deleted list's members are gone with it.
    assert second["listid"] == first["listid"] and members == {p.dynamics_id for p in leads[2:4]}
    assert second["listid"] in org.state.lists_of_campaign(cid)
    org.state.unlink_list(cid, second["listid"])
    again = SyncEngine(world.db, client, scope="t")
    await do(again, leads[4:5], cid, flows.ADD)
    assert second["listid"] in org.state.lists_of_campaign(cid)


async def test_locked_app_list_fails_with_the_server_message_and_retry_finishes(org, world):
    campaign = active_campaign(org)
    cid = campaign["campaignid"]
    leads = people_where(world, dynamics_type="lead")
    await do(world, leads[:1], cid, flows.ADD)
    lst, _ = app_list_members(org, cid, "lead")
    org.state.lock_list(lst["listid"])
    _, request_id, report = await do(world, leads[1:4], cid, flows.ADD)
    rows = world.rows_of(request_id)
    assert report.failed == 3 and all(r.state == "failed" and "locked" in r.reason for r in rows)
    org.state.lock_list(lst["listid"], locked=False)
    assert world.retry_failed(request_id) == 3
    report = await world.run()
    assert report.done == 3
    assert app_list_members(org, cid, "lead")[1] == {p.dynamics_id for p in leads[:4]}


async def test_throttling_and_faults_still_finish_every_action(org, world):
    campaign = active_campaign(org)
    settings = load_settings(world.db, "t")
    settings.batch_size = 10
    save_settings(world.db, settings, "t")
    org.knobs.fail_rate = 0.25
    org.knobs.fault_seed = 1  # seed 0 happens to draw no failure in its first 15 requests
    org.knobs.throttle = (15, 1)
    start = len(org.request_log)
    people = people_where(world, dynamics_type="contact")[:60]
    _, request_id, report = await do(world, people, campaign["campaignid"], flows.ADD)
    assert report.done == 60 and report.left_pending == 0
    assert app_list_members(org, campaign["campaignid"], "contact")[1] == {p.dynamics_id for p in people}
    assert len(trigger_rows(world)) == 60
    faults = [r for r in org.request_log[start:] if r.status in (429, 503) or r.dropped]
    assert faults and world.client.stats.retries >= len(faults)
    print(f"\nfaults drill: {sum(r.status == 503 for r in faults)} × 503, {sum(r.dropped for r in faults)} dropped, "
          f"{sum(r.status == 429 for r in faults)} × 429; {world.client.stats.retries} retries; all 60 confirmed")


async def test_tampering_with_the_trigger_log_is_detected(org, world):
    await do(world, people_where(world, dynamics_type="lead")[:3], active_campaign(org)["campaignid"], flows.ADD)
    assert verify_chain(world.db).ok
    with Session(world.db) as s:
        event = s.exec(select(TriggerEventRecord).order_by(TriggerEventRecord.id)).all()[1]
        event.email = "someone.else@example.org"
        s.add(event)
        s.commit()
        tampered = event.id
    check = verify_chain(world.db)
    assert not check.ok and check.first_bad_id == tampered and "changed" in check.message


async def test_ten_thousand_people_take_far_fewer_requests_than_people(org, world, client):
    ids = [org.state.create("leads", {"firstname": "Bulk", "lastname": f"Person {i:05d}",
                                      "emailaddress1": f"bulk{i:05d}@example.org"})["leadid"]
           for i in range(10_000)]
    await pull_people(world.db, client)
    with Session(world.db) as s:
        people = list(s.exec(select(Person).where(Person.last_name.startswith("Person "))))
    assert len(people) == 10_000
    campaign = active_campaign(org, 2)
    before = client.stats.requests
    _, request_id, report = await do(world, people, campaign["campaignid"], flows.ADD)
    sent = client.stats.requests - before
    print(f"\n10,000-person add: {sent} requests ({sent / 10_000:.4f} per person), engine report {report.to_dict()}")
    assert report.done == 10_000
    assert app_list_members(org, campaign["campaignid"], "lead")[1] == set(ids)
    assert sent < 100
    with Session(world.db) as s:
        assert len(s.exec(select(OutboxRow).where(OutboxRow.state == "done")).all()) == 10_000


async def test_org_down_keeps_every_action_pending_until_it_is_back(org, world):
    campaign = active_campaign(org)
    people = people_where(world, dynamics_type="lead")[:5]
    plan = world.plan(people, world.campaign_record(campaign["campaignid"]), flows.ADD)
    request_id = world.enqueue(plan, origin="test")
    org.knobs.fail_rate = 1.0  # every API request fails: 503s and dropped connections
    report = await world.run()
    assert report.done == 0 and report.left_pending == 5 and report.problems
    assert {r.state for r in world.rows_of(request_id)} == {"pending"}
    org.knobs.fail_rate = 0.0
    report = await world.run()
    assert report.done == 5 and {r.outcome for r in world.rows_of(request_id)} == {"added"}
    assert app_list_members(org, campaign["campaignid"], "lead")[1] == {p.dynamics_id for p in people}


async def test_removals_are_sent_several_at_once_and_all_confirmed(org, world):
    # RemoveMemberList takes one member per request: sent one after the other, 1,000 removals wait for 1,000
    # round trips. CampSync keeps several in flight.
    campaign = active_campaign(org)
    leads = people_where(world, dynamics_type="lead")[:24]
    await do(world, leads, campaign["campaignid"], flows.ADD)
    before = len(org.request_log)
    org.knobs.latency_ms = 300
    _, _, report = await do(world, leads, campaign["campaignid"], flows.REMOVE)
    org.knobs.latency_ms = 0
    assert report.done == 24 and report.failed == 0
    assert app_list_members(org, campaign["campaignid"], "lead")[1] == set()
    arrivals = sorted(r.at for r in org.request_log[before:] if r.path.endswith("RemoveMemberList"))
    assert len(arrivals) == 24
    together = max(sum(1 for t in arrivals if start <= t < start + 0.15) for start in arrivals)
    assert together >= 8, f"at most {together} removals were in flight at once"
    assert [e.trigger for e in trigger_rows(world)].count(REMOVED) == 24


async def test_a_first_add_to_a_campaign_asks_for_its_lists_beside_the_campaign_and_reads_no_list_back(org, world):
    """Before its first members, a campaign without CampSync's list costs three round trips, not six: the
    campaign's check and its linked lists at once, then the list made (answered with itself), then linked."""
    cid = active_campaign(org)["campaignid"]
    leads = [p for p in people_where(world, dynamics_type="lead") if p.dynamics_id][:5]  # in Dynamics already
    await world.check_prerequisite()
    org.knobs.latency_ms = 150
    before = len(org.request_log)
    *_, report = await do(world, leads, cid, flows.ADD)
    assert report.done == 5
    api = [r for r in org.request_log[before:] if "/api/data/" in r.path]
    first_add = next(i for i, r in enumerate(api) if r.path.endswith("AddListMembersList"))
    setup = [(r.method, re.sub(r"\([^)]*\)", "", r.path.split("?")[0]).rsplit("/", 1)[-1]) for r in api[:first_add]]
    assert sorted(setup[:2]) == [("GET", "campaignlist_association"), ("GET", "campaigns")]
    assert setup[2:] == [("POST", "lists"), ("POST", "$ref")], "no GET reads the new list back"
    assert abs(api[0].at - api[1].at) < 0.1, "the campaign's check and its lists were asked at once"
    assert app_list_members(org, cid, "lead")[1] == {p.dynamics_id for p in leads}


async def test_the_campaigns_check_travels_while_the_claim_is_written(org, world, monkeypatch):
    """The execution-time check of the campaign (and, for an add, its linked lists, and CampSync's list made and
    linked once the campaign is found active) leaves before the queued rows are claimed, so a store that takes its
    time to claim no longer comes first in the drop's wait."""
    cid = active_campaign(org)["campaignid"]
    leads = [p for p in people_where(world, dynamics_type="lead") if p.dynamics_id][:5]
    await world.check_prerequisite()
    org.knobs.latency_ms = 50
    before = len(org.request_log)
    asked_during_the_claim: list[str] = []
    claim = world.outbox.claim

    def slow_claim():
        time.sleep(0.5)  # a busy store; the org answers meanwhile what was asked of it
        if not asked_during_the_claim:
            asked_during_the_claim.extend(r.path for r in org.request_log[before:] if "/api/data/" in r.path)
        return claim()

    monkeypatch.setattr(world.outbox, "claim", slow_claim)
    *_, report = await do(world, leads, cid, flows.ADD)
    assert report.done == 5
    asked = [re.sub(r"\([^)]*\)", "", path.split("?")[0]).rsplit("/", 1)[-1] for path in asked_during_the_claim]
    assert sorted(asked[:2]) == ["campaignlist_association", "campaigns"]
    assert asked[2:] == ["lists", "$ref"], "CampSync's list, made and linked after the campaign's check"
    campaign_checks = [r for r in org.request_log[before:] if re.search(r"/campaigns\([^)]*\)$", r.path.split("?")[0])]
    assert len(campaign_checks) == 1, "the early check is the run's check, not one more"
