"""CampSync's lists are known by id, never by name alone (issue 13, finding 1): a removal removes from the list
the person is on, a list that only has CampSync's name (Marketo's own, with the `Mkto` prefix) is never touched,
and a pull folds an older version's second list into the one every writer now uses."""

import uuid

from sqlmodel import Session, select

from campsync_gui.core import flows
from campsync_gui.core.applists import app_list_id, app_list_name, record_app_list
from campsync_gui.core.models import AppList, Membership
from campsync_gui.core.pull import pull_memberships
from campsync_gui.core.settings import load_settings, save_settings
from campsync_gui.core.transactions import transaction
from test_engine import active_campaign, do, people_where, world  # noqa: F401  (world is a fixture)

LEAD = 4


def older_list(org, campaign_id, name, members=()):
    """A list an older CampSync made (a random id, CampSync's name), linked to the campaign, with members."""
    list_id = org.state.create("lists", {"listname": name, "createdfromcode": LEAD})["listid"]
    org.state.link_list(campaign_id, list_id)
    for member in members:
        org.state.add_member(list_id, member)
    return list_id


def remember(engine, campaign_id, name, list_id):
    transaction(engine.db, lambda s: record_app_list(s, campaign_id, "lead", name, list_id))


async def test_a_removal_removes_from_the_list_the_person_is_on_not_only_the_list_the_store_knows(world, org):
    # The defect: two lists for one campaign (an older version, two writers at once). The person was added
    # through the second; the store's record of "CampSync's list" was then overwritten by the first.
    cid = active_campaign(org)["campaignid"]
    name = app_list_name("CampSync", "lead", cid)
    lead = people_where(world, dynamics_type="lead")[0]
    await do(world, [lead], cid, flows.ADD)
    derived = app_list_id(name)
    assert lead.dynamics_id in org.state.members_of(derived)
    first = older_list(org, cid, name)
    remember(world, cid, name, first)  # the store now names the other list as CampSync's
    world.app_lists._lists.clear()
    _, _, report = await do(world, [lead], cid, flows.REMOVE)
    assert report.done == 1
    assert lead.dynamics_id not in org.state.members_of(derived), "removed from the list the person was on"
    with Session(world.db) as s:
        row = s.exec(select(Membership).where(Membership.person_id == lead.id, Membership.campaign_id == cid)).first()
    assert row is None


async def test_a_list_that_only_has_campsyncs_name_is_never_taken_for_campsyncs(world, org):
    # With the Mkto prefix, Marketo's own list has the very name CampSync gives its list.
    settings = load_settings(world.db, "t")
    settings.list_prefix = "Mkto"
    save_settings(world.db, settings, "t")
    cid = active_campaign(org)["campaignid"]
    name = app_list_name("Mkto", "lead", cid)
    leads = people_where(world, dynamics_type="lead")
    marketo_member, ours = leads[0], leads[1]
    marketo = older_list(org, cid, name, [marketo_member.dynamics_id])

    report = await pull_memberships(world.db, world.client, load_settings(world.db, "t"))
    assert any("named like CampSync's list" in w and marketo in w for w in report.warnings)
    plan = world.plan([marketo_member], world.campaign_record(cid), flows.REMOVE)
    assert not plan.runnable, "Marketo's member is not one CampSync added"

    await do(world, [ours], cid, flows.ADD)
    assert ours.dynamics_id in org.state.members_of(app_list_id(name)), "CampSync made its own list"
    assert org.state.members_of(marketo) == {marketo_member.dynamics_id}, "Marketo's list untouched"
    await do(world, [ours], cid, flows.REMOVE)
    await pull_memberships(world.db, world.client, load_settings(world.db, "t"))
    assert marketo in org.state.lists and marketo in org.state.lists_of_campaign(cid), "never unlinked or deleted"
    assert org.state.members_of(marketo) == {marketo_member.dynamics_id}
    with Session(world.db) as s:
        recorded = s.exec(select(AppList).where(AppList.campaign_id == cid)).all()
    assert all(a.dynamics_list_id != marketo for a in recorded)


async def test_a_pull_folds_an_older_versions_second_list_into_the_derived_one(world, org):
    cid = active_campaign(org)["campaignid"]
    name = app_list_name("CampSync", "lead", cid)
    leads = people_where(world, dynamics_type="lead")
    await do(world, leads[:2], cid, flows.ADD)  # on the derived list
    older = older_list(org, cid, name, [leads[2].dynamics_id, leads[3].dynamics_id, leads[0].dynamics_id])
    remember(world, cid, name, older)  # this store's older version made it

    report = await pull_memberships(world.db, world.client, load_settings(world.db, "t"))
    assert report.merged_lists == 1
    assert any("doubled" in w for w in report.warnings)
    derived = app_list_id(name)
    assert org.state.members_of(derived) == {p.dynamics_id for p in leads[:4]}
    assert older not in org.state.lists and older not in org.state.lists_of_campaign(cid)
    with Session(world.db) as s:
        flow = s.exec(select(Membership).where(Membership.campaign_id == cid,
                                               Membership.source == flows.FLOW_ACTION)).all()
        recorded = s.exec(select(AppList).where(AppList.campaign_id == cid)).all()
    assert {m.list_id for m in flow} == {derived} and len(flow) == 4
    assert [a.dynamics_list_id for a in recorded] == [derived]
    # Everyone moved can be removed, and is gone from Dynamics afterwards.
    _, _, done = await do(world, leads[:4], cid, flows.REMOVE)
    assert done.done == 4 and org.state.members_of(derived) == set()


async def test_an_older_versions_only_list_stays_campsyncs(world, org):
    cid = active_campaign(org)["campaignid"]
    name = app_list_name("CampSync", "lead", cid)
    lead = people_where(world, dynamics_type="lead")[0]
    older = older_list(org, cid, name, [lead.dynamics_id])
    remember(world, cid, name, older)
    report = await pull_memberships(world.db, world.client, load_settings(world.db, "t"))
    assert report.merged_lists == 0 and not any("named like" in w for w in report.warnings)
    _, _, done = await do(world, [lead], cid, flows.REMOVE)
    assert done.done == 1 and org.state.members_of(older) == set()
    assert str(uuid.UUID(older)) == older
