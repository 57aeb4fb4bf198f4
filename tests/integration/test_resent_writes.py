"""Writes the org already applied, sent again (issue 12, item 3), and 404s on a remove that say what was missing.

A real org answers a second identical list-campaign link `412 DuplicateRecord` ("Cannot insert duplicate key"):
a resend after a lost answer gets exactly that, and must count as linked. A remove answered 404 must say which
record Dynamics did not find (the list, the person, the campaign): the request's URL always names the list, so
the message's words cannot tell.
"""

import httpx
from sqlmodel import Session, select

from campsync_gui.core import flows
from campsync_gui.core.applists import app_list_id, app_list_name
from campsync_gui.core.models import Membership
from campsync_gui.dynamics.errors import error_from_response
from test_engine import active_campaign, app_list_members, people_where, trigger_rows, world  # noqa: F401 (fixture)

LINK = "/campaignlist_association/$ref"


def link_posts(org, before):
    return [r for r in org.request_log[before:] if r.method == "POST" and r.path.endswith(LINK)]


async def test_linking_a_list_twice_counts_as_linked(org, client):
    cid = active_campaign(org)["campaignid"]
    list_id = await client.create_list("CampSync-leads-twice", "lead")
    before = len(org.request_log)
    await client.link_list(cid, list_id)
    await client.link_list(cid, list_id)  # no error: the org's duplicate-key refusal means "already linked"
    assert [r.status for r in link_posts(org, before)] == [204, 412]
    assert org.state.lists_of_campaign(cid).count(list_id) == 1


async def test_a_link_resent_after_a_lost_answer_counts_as_linked_and_the_people_are_added(org, world):
    campaign = active_campaign(org)
    cid = campaign["campaignid"]
    # CampSync's list exists but is not linked yet (a run that stopped between the two), and the people are
    # already in Dynamics. The run's first POST makes the list (refused: it exists; answer lost, so the run looks
    # the list up), its second links it, and that answer is lost too, after the org linked.
    name = app_list_name("CampSync", "lead", cid)
    list_id = org.state.create("lists", {"listname": name, "createdfromcode": 4, "listid": app_list_id(name)})["listid"]
    leads = people_where(world, dynamics_type="lead")[:3]
    before = len(org.request_log)
    org.knobs.lose_answers = 2
    plan = world.plan(leads, world.campaign_record(cid), flows.ADD)
    request_id = world.enqueue(plan, origin="test")
    report = await world.run()
    assert [(r.status, r.dropped) for r in link_posts(org, before)] == [(0, True), (412, False)], \
        "the link was applied, its answer lost, and the resend refused as a duplicate key"
    assert (report.done, report.failed, report.problems) == (3, 0, [])
    assert {(r.outcome, r.reason) for r in world.rows_of(request_id)} == {("added", "confirmed by Dynamics")}
    assert org.state.lists_of_campaign(cid).count(list_id) == 1
    assert app_list_members(org, cid, "lead")[1] == {p.dynamics_id for p in leads}
    assert len(trigger_rows(world)) == 3


async def _added_through_campsync(world, org, count=2):
    campaign = active_campaign(org)
    leads = people_where(world, dynamics_type="lead")[:count]
    world.enqueue(world.plan(leads, world.campaign_record(campaign["campaignid"]), flows.ADD), origin="test")
    assert (await world.run()).done == count
    return campaign["campaignid"], app_list_members(org, campaign["campaignid"], "lead")[0]["listid"], leads


async def _remove(world, cid, people):
    request_id = world.enqueue(world.plan(people, world.campaign_record(cid), flows.REMOVE), origin="test")
    report = await world.run()
    return report, [(r.state, r.outcome, r.reason) for r in world.rows_of(request_id)]


def _memberships(world, person_id, cid):
    with Session(world.db) as s:
        return list(s.exec(select(Membership).where(Membership.person_id == person_id,
                                                    Membership.campaign_id == cid)))


async def test_a_remove_of_a_person_deleted_in_dynamics_says_the_person_not_the_list(org, world):
    cid, list_id, leads = await _added_through_campsync(world, org)
    org.state.delete("leads", leads[0].dynamics_id)  # the org answers RemoveMemberList 404 "lead With Id = ..."
    report, rows = await _remove(world, cid, leads[:1])
    assert (report.skipped, report.failed) == (1, 0)
    assert rows == [("done", "skipped",
                     f"the lead {leads[0].dynamics_id} was deleted in Dynamics; nothing left to remove")]
    assert org.state.find_list(app_list_name("CampSync", "lead", cid))["listid"] == list_id, "the list is intact"
    assert _memberships(world, leads[0].id, cid) == [] and len(trigger_rows(world)) == 2, "no removal trigger"


async def test_a_remove_from_a_deleted_list_says_the_list(org, world):
    cid, list_id, leads = await _added_through_campsync(world, org)
    org.state.delete_list(list_id)
    report, rows = await _remove(world, cid, leads[:1])
    assert rows == [("done", "skipped", "CampSync's list was deleted in Dynamics; nothing left to remove")]
    assert _memberships(world, leads[0].id, cid) == []


async def test_a_remove_answered_404_for_the_campaign_says_the_campaign(org, world, monkeypatch):
    # RemoveMemberList never reads the campaign in the sandbox; an org whose plug-in on the removal does (and
    # finds the campaign deleted since the run's own check) is stood in for at the client's edge.
    cid, list_id, leads = await _added_through_campsync(world, org)
    body = ('{"error":{"code":"0x80040217","message":"campaign With Id = %s Does Not Exist"}}' % cid).encode()

    async def campaign_gone(list_id, entity_id):
        url = f"{org.url}/api/data/v9.2/lists({list_id})/Microsoft.Dynamics.CRM.RemoveMemberList"
        raise error_from_response(404, body, httpx.Headers(), "POST", url)

    monkeypatch.setattr(world.client, "remove_member", campaign_gone)
    report, rows = await _remove(world, cid, leads[:1])
    assert rows == [("failed", "blocked", "the campaign was deleted in Dynamics before this action ran")]
    assert [m.list_id for m in _memberships(world, leads[0].id, cid)] == [list_id], "membership kept: not removed"


async def test_a_listmember_deleted_between_lookup_and_delete_counts_as_removed(org, world, monkeypatch):
    # An org without RemoveMemberList: CampSync finds the listmember row, then deletes it. Removed meanwhile
    # (a resend, another writer), the DELETE is answered 404 for that row; the member is off the list, as asked.
    org.knobs.missing_actions = {"RemoveMemberList"}
    cid, list_id, leads = await _added_through_campsync(world, org)
    found = world.client.listmember_ids

    async def found_then_removed(list_id, entity_id):
        ids = await found(list_id, entity_id)
        org.state.remove_member(list_id, entity_id)
        return ids

    monkeypatch.setattr(world.client, "listmember_ids", found_then_removed)
    report, rows = await _remove(world, cid, leads[:1])
    assert (report.done, report.failed) == (1, 0)
    assert rows == [("done", "removed", "confirmed by Dynamics")]
    assert leads[0].dynamics_id not in org.state.members_of(list_id)


async def test_without_remove_member_list_a_remove_from_a_deleted_list_says_the_list_and_fires_nothing(org, world):
    """On an org without RemoveMemberList CampSync looks the listmember row up; a deleted list has none, which was
    taken for "removed" (a Removed trigger fired for a list that no longer exists)."""
    cid, list_id, leads = await _added_through_campsync(world, org)
    org.knobs.missing_actions = {"RemoveMemberList"}
    org.state.delete_list(list_id)
    before = len(trigger_rows(world))
    report, rows = await _remove(world, cid, leads[:1])
    assert rows == [("done", "skipped", "CampSync's list was deleted in Dynamics; nothing left to remove")]
    assert len(trigger_rows(world)) == before, "no Removed from Microsoft Campaign for a list that is gone"


def test_a_missing_action_is_recognised_by_its_code_whatever_the_orgs_language():
    from campsync_gui.dynamics.client import _action_missing
    from campsync_gui.dynamics.errors import error_from_response

    body = (b'{"error":{"code":"0x8006088a",'
            b'"message":"Ressource introuvable pour le segment \\u00abRemoveMemberList\\u00bb."}}')
    exc = error_from_response(404, body, httpx.Headers(), "POST", "https://org.example/api/data/v9.2/lists(x)/a")
    assert _action_missing(exc)
    other = error_from_response(404, b'{"error":{"code":"0x80040217","message":"list With Id = x Does Not Exist"}}',
                                httpx.Headers(), "POST", "https://org.example/api/data/v9.2/lists(x)/a")
    assert not _action_missing(other)
