"""Pulling the sandbox org into the store: campaigns, people (leads and contacts) and campaign memberships."""

from pathlib import Path

import pytest
from sqlmodel import Session, select

from campsync_gui.core.applists import app_list_id, app_list_name
from campsync_gui.core.models import AppList, CampaignRecord, Membership, Person
from campsync_gui.core.people_import import import_csv
from campsync_gui.core.pull import PullReport, pull_memberships, pull_people, refresh_campaigns
from campsync_gui.core.settings import SyncSettings
from campsync_gui.core.store import open_store
from test_engine import world  # noqa: F401 (fixture)

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample_people.csv"
LEAD, CONTACT = 4, 2


@pytest.fixture
def engine(tmp_path):
    return open_store(tmp_path / "store.db")


def rows(engine, model):
    with Session(engine) as session:
        return list(session.exec(select(model)))


def person_by_dynamics_id(engine):
    return {p.dynamics_id: p for p in rows(engine, Person)}


async def test_pull_people_brings_exactly_the_orgs_leads_and_contacts(org, client, engine):
    org.knobs.page_size = 120  # several pages per type
    progress = []
    report = await pull_people(engine, client, page_size=5000, on_progress=lambda kind, n: progress.append((kind, n)))
    leads, contacts = org.state.leads, org.state.contacts
    assert report.created == {"lead": len(leads), "contact": len(contacts)}
    assert report.updated == {"lead": 0, "contact": 0}
    assert report.pages == 3 + 2 and progress[-1] == ("contact", len(contacts)) and progress[2] == ("lead", 300)
    stored = person_by_dynamics_id(engine)
    assert set(stored) == set(leads) | set(contacts)
    for lead_id, row in leads.items():
        p = stored[lead_id]
        assert (p.dynamics_type, p.email, p.first_name, p.last_name, p.company, p.job_title) == \
            ("lead", row["emailaddress1"], row["firstname"], row["lastname"], row["companyname"], row["jobtitle"])
    accounts = org.state.accounts
    for contact_id, row in contacts.items():
        p = stored[contact_id]
        assert (p.dynamics_type, p.email, p.country) == ("contact", row["emailaddress1"], row["address1_country"])
        assert p.company == accounts[row["_parentcustomerid_value"]]["name"]
    assert report.to_dict()["created"]["lead"] == len(leads)


async def test_pulling_twice_changes_nothing(org, client, engine):
    await pull_people(engine, client)
    before = {p.id: p.model_dump() for p in rows(engine, Person)}
    again = await pull_people(engine, client, now=lambda: 9e9)
    assert again.created == again.updated == {"lead": 0, "contact": 0}
    assert again.unchanged == {"lead": len(org.state.leads), "contact": len(org.state.contacts)}
    assert {p.id: p.model_dump() for p in rows(engine, Person)} == before


async def test_changes_in_the_org_reach_the_store_and_keep_the_local_score(org, client, engine):
    await pull_people(engine, client)
    lead_id = next(iter(org.state.leads))
    with Session(engine) as session:
        p = session.exec(select(Person).where(Person.dynamics_id == lead_id)).one()
        p.score = 77
        session.add(p)
        session.commit()
    org.state.update("leads", lead_id, {"jobtitle": "Chief Pull Officer"})
    report = await pull_people(engine, client)
    assert report.updated == {"lead": 1, "contact": 0}
    p = person_by_dynamics_id(engine)[lead_id]
    assert (p.job_title, p.score) == ("Chief Pull Officer", 77)


async def test_refresh_campaigns_drops_templates_marks_inactive_and_forgets_deleted(org, client, engine):
    records = await refresh_campaigns(engine, client, now=lambda: 123.0)
    org_campaigns = org.state.campaigns
    expected = {cid for cid, row in org_campaigns.items() if not row["istemplate"]}
    assert {r.id for r in records} == expected and len(expected) == len(org_campaigns) - 1
    assert [r.name for r in records] == sorted((r.name for r in records), key=str.casefold)
    inactive = {r.name for r in records if not r.active}
    assert inactive == {"Holiday Promo 2024", "Legacy Lead Nurture (retired)"}
    assert all(r.refreshed_at == 123.0 for r in records)
    by_id = {r.id: r for r in rows(engine, CampaignRecord)}
    for cid in expected:
        assert (by_id[cid].name, by_id[cid].statecode, by_id[cid].statuscode) == \
            (org_campaigns[cid]["name"], org_campaigns[cid]["statecode"], org_campaigns[cid]["statuscode"])

    # A campaign deleted in the org leaves the cache with its memberships; a state change is picked up.
    await pull_people(engine, client)
    await pull_memberships(engine, client, SyncSettings())
    advocacy = org.state.find_campaign("Customer Advocacy Programme")["campaignid"]
    berlin = org.state.find_campaign("EMEA Trade Show — Berlin")["campaignid"]
    assert any(m.campaign_id == advocacy for m in rows(engine, Membership))
    org.state.delete("campaigns", advocacy)
    org.state.set_campaign_state(berlin, active=False)
    records = await refresh_campaigns(engine, client)
    assert advocacy not in {r.id for r in records}
    assert not {r.id: r for r in records}[berlin].active
    assert not any(m.campaign_id == advocacy for m in rows(engine, Membership))


async def test_pull_memberships_marks_crm_and_flow_action_members_and_records_the_app_list(org, client, engine):
    settings = SyncSettings(list_prefix="CampSync")
    cid = org.state.find_campaign("Spring Webinar Series 2026")["campaignid"]
    crm_list = org.state.find_list("Webinar registrants")["listid"]
    app_list = org.state.create("lists", {"listname": app_list_name("CampSync", "lead", cid), "createdfromcode": LEAD,
                                          "listid": app_list_id(app_list_name("CampSync", "lead", cid))})["listid"]
    org.state.link_list(cid, app_list)
    lead_ids = sorted(set(org.state.leads) - org.state.members_of(crm_list))
    shared = sorted(org.state.members_of(crm_list))[0]  # on both lists: one row per list
    app_members = [lead_ids[0], lead_ids[1], shared]
    for lead_id in app_members:
        org.state.add_member(app_list, lead_id)
    # A list named for ANOTHER campaign is not this campaign's app list: its members are CRM members.
    other = org.state.find_campaign("Q2 Product Launch — CampSync Cloud")["campaignid"]
    foreign = org.state.create("lists", {"listname": app_list_name("CampSync", "lead", other),
                                         "createdfromcode": LEAD})["listid"]
    org.state.link_list(cid, foreign)
    org.state.add_member(foreign, lead_ids[2])

    await refresh_campaigns(engine, client)
    await pull_people(engine, client)
    report = await pull_memberships(engine, client, settings)

    ids = {p.id: p.dynamics_id for p in rows(engine, Person)}
    members = [m for m in rows(engine, Membership) if m.campaign_id == cid]
    flow = {(ids[m.person_id], m.list_id) for m in members if m.source == "flow_action"}
    crm = {(ids[m.person_id], m.list_id) for m in members if m.source == "crm"}
    assert flow == {(lead_id, app_list) for lead_id in app_members}
    assert crm == {(e, crm_list) for e in org.state.members_of(crm_list)} | {(lead_ids[2], foreign)}
    assert all(m.origin == "pull" for m in members)

    applists = rows(engine, AppList)
    assert [(a.campaign_id, a.member_type, a.name, a.dynamics_list_id) for a in applists] == \
        [(cid, "lead", f"CampSync-leads-{cid}", app_list)]

    # Every linked list of every cached campaign is mirrored, and the counts add up.
    expected_total = sum(len(org.state.members_of(lid)) for c in org.state.campaigns
                         for lid in org.state.lists_of_campaign(c) if not org.state.campaigns[c]["istemplate"])
    assert report.memberships == len(rows(engine, Membership)) == expected_total
    assert (report.flow_action, report.app_lists, report.unknown_members) == (3, 1, 0)
    assert report.crm == expected_total - 3
    assert isinstance(report, PullReport) and report.to_dict()["flow_action"] == 3

    # The prefix decides what is ours: under another prefix the same list is a CRM list.
    report = await pull_memberships(engine, client, SyncSettings(list_prefix="Mkto"))
    assert report.flow_action == 0 and report.memberships == expected_total


async def test_pull_memberships_replaces_from_the_org_and_keeps_flow_action_history(org, client, engine):
    cid = org.state.find_campaign("Q2 Product Launch — CampSync Cloud")["campaignid"]
    app_list = org.state.create("lists", {"listname": app_list_name("CampSync", "lead", cid), "createdfromcode": LEAD,
                                          "listid": app_list_id(app_list_name("CampSync", "lead", cid))})["listid"]
    org.state.link_list(cid, app_list)
    first, second = sorted(org.state.leads)[:2]
    org.state.add_member(app_list, first)
    org.state.add_member(app_list, second)
    await refresh_campaigns(engine, client)
    await pull_people(engine, client)
    await pull_memberships(engine, client, SyncSettings())

    # What the engine would have written when it added `first` itself.
    with Session(engine) as session:
        row = next(m for m in session.exec(select(Membership).where(Membership.campaign_id == cid))
                   if m.list_id == app_list and person_by_id(session, m.person_id).dynamics_id == first)
        row.origin, row.added_at, row.request_id = "drag-and-drop", 42.0, "req-1"
        session.add(row)
        session.commit()

    org.state.remove_member(app_list, second)  # removed in Dynamics by someone else
    report = await pull_memberships(engine, client, SyncSettings())
    assert report.removed == 1 and report.added == 0
    with Session(engine) as session:
        left = list(session.exec(select(Membership).where(Membership.campaign_id == cid)))
        assert [(person_by_id(session, m.person_id).dynamics_id, m.source, m.origin, m.added_at, m.request_id)
                for m in left] == [(first, "flow_action", "drag-and-drop", 42.0, "req-1")]


def person_by_id(session, person_id):
    return session.get(Person, person_id)


async def test_members_not_in_the_store_are_counted_not_invented(org, client, engine):
    await refresh_campaigns(engine, client)
    report = await pull_memberships(engine, client, SyncSettings())  # people not pulled yet
    seeded = sum(len(org.state.members_of(lid)) for lid in org.state.lists)
    # The newsletter list is linked to two campaigns, so its members are seen twice.
    newsletter = org.state.find_list("Newsletter subscribers — EMEA")["listid"]
    assert report.unknown_members == seeded + len(org.state.members_of(newsletter))
    assert report.memberships == 0 and rows(engine, Membership) == [] and rows(engine, Person) == []


async def test_csv_person_with_a_lead_email_becomes_one_person_with_the_dynamics_id(org, client, engine, tmp_path):
    report = import_csv(engine, SAMPLE)
    assert report.created == 200
    sample_emails = {p.email for p in rows(engine, Person)}
    org_emails = {r["emailaddress1"]: (lid, "lead") for lid, r in org.state.leads.items()}
    org_emails |= {r["emailaddress1"]: (cid, "contact") for cid, r in org.state.contacts.items()}
    shared = sample_emails & set(org_emails)
    assert 35 <= len(shared) <= 45  # the sample file overlaps the seed-42 org on purpose

    # One person the test controls completely, with a local score and a country Dynamics lacks.
    lead_id, lead = next((lid, r) for lid, r in org.state.leads.items() if r["emailaddress1"] not in shared)
    org.state.update("leads", lead_id, {"address1_country": None})
    path = tmp_path / "one.csv"
    path.write_text("email,first name,last name,country,score\n"
                    f"{lead['emailaddress1'].upper()},Someone,Else,Atlantis,64\n", encoding="utf-8")
    import_csv(engine, path)

    pull = await pull_people(engine, client)
    people = rows(engine, Person)
    assert len(people) == 200 + 1 + len(org.state.leads) + len(org.state.contacts) - len(shared) - 1
    assert pull.updated == {"lead": sum(1 for e in shared if org_emails[e][1] == "lead") + 1,
                            "contact": sum(1 for e in shared if org_emails[e][1] == "contact")}
    by_email = {p.email: p for p in people}
    for email in shared:
        assert (by_email[email].dynamics_id, by_email[email].dynamics_type) == org_emails[email]
    merged = by_email[lead["emailaddress1"]]
    assert merged.dynamics_id == lead_id and merged.dynamics_type == "lead"
    assert (merged.first_name, merged.last_name) == (lead["firstname"], lead["lastname"])  # Dynamics wins
    assert (merged.score, merged.country) == (64, "Atlantis")  # local score kept; empty Dynamics value erases nothing
    assert sum(1 for p in people if p.dynamics_id == lead_id) == 1


async def test_a_lead_and_a_contact_with_one_email_stay_two_people(org, client, engine):
    contact_id, contact = next(iter(org.state.contacts.items()))
    twin = org.state.create("leads", {"lastname": "Twin", "emailaddress1": contact["emailaddress1"].upper()})
    report = await pull_people(engine, client)
    assert report.email_conflicts == {"lead": 0, "contact": 1} and report.warnings
    stored = person_by_dynamics_id(engine)
    assert stored[twin["leadid"]].email == contact["emailaddress1"]
    assert stored[contact_id].email is None and stored[contact_id].last_name == contact["lastname"]
    again = await pull_people(engine, client)
    assert again.created == {"lead": 0, "contact": 0}
    assert len(rows(engine, Person)) == len(org.state.leads) + len(org.state.contacts)


async def test_a_sync_confirmed_while_memberships_are_read_is_not_undone_by_that_read(org, conn, world):
    """A window's pull reads a campaign's members (seconds for 10,000) while a drop is confirmed (the team drill's
    windows pulled while workers sent): the pull's answer is older than that confirmation, so the person added
    keeps their membership and the person removed is not put back."""
    from campsync_gui.core import flows
    from campsync_gui.dynamics.connect import open_client
    from support import FAST_RETRY
    from test_engine import active_campaign, do, people_where

    cid = active_campaign(org)["campaignid"]
    leads = people_where(world, dynamics_type="lead")
    kept, added = leads[0], leads[1]
    await do(world, [kept], cid, flows.ADD)  # CampSync's list exists, with one member
    own_list = app_list_id(app_list_name("CampSync", "lead", cid))
    reader = open_client(conn, retry=FAST_RETRY, timeout=10)
    read_members = reader.iter_list_members
    synced = []

    async def members_then_a_sync(list_id, *args, **kwargs):
        async for page in read_members(list_id, *args, **kwargs):
            yield page
        if list_id.lower() == own_list and not synced:  # the answer is in hand; the store moves on meanwhile
            synced.append(await do(world, [added], cid, flows.ADD))
            synced.append(await do(world, [kept], cid, flows.REMOVE))

    reader.iter_list_members = members_then_a_sync
    try:
        await pull_memberships(world.db, reader, world.settings())
    finally:
        await reader.aclose()
    assert [report.done for *_, report in synced] == [1, 1]
    with Session(world.db) as s:
        members = {m.person_id for m in s.exec(select(Membership).where(Membership.campaign_id == cid,
                                                                        Membership.list_id == own_list))}
    assert added.id in members, "the add confirmed after the read began was kept"
    assert kept.id not in members, "the remove confirmed after the read began was not undone"
