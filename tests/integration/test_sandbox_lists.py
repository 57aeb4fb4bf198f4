"""Marketing lists over HTTPS: create, link to campaigns, the member actions and every rule a real org applies."""

import pytest

UNKNOWN = "00000000-0000-4000-8000-00000000beef"
LEAD, CONTACT = 4, 2


def create_list(dv, name, code=LEAD, **extra):
    response = dv.post("lists", json={"listname": name, "createdfromcode": code, **extra})
    assert response.status_code == 204, response.text
    return response.headers["OData-EntityId"][-37:-1]


def add(dv, list_id, entity_id, action="Microsoft.Dynamics.CRM.AddMemberList"):
    return dv.post(f"lists({list_id})/{action}", json={"EntityId": entity_id})


def message(response):
    return response.json()["error"]["message"]


def test_seeded_lists_are_static_and_linked_to_active_campaigns(org):
    lists = org.state.lists
    assert len(lists) == 3
    for list_id, row in lists.items():
        assert row["type"] is False and row["createdfromcode"] in (LEAD, CONTACT)
        assert 20 <= row["membercount"] == len(org.state.members_of(list_id)) <= 40
    linked = {list_id for cid, row in org.state.campaigns.items() for list_id in org.state.lists_of_campaign(cid)}
    assert linked == set(lists)
    for cid in org.state.campaigns:
        if org.state.lists_of_campaign(cid):
            assert org.state.campaigns[cid]["statecode"] == 0


def test_list_lifecycle_from_creation_to_deletion(org, dv):
    campaign = org.state.find_campaign("Q2 Product Launch — CampSync Cloud")["campaignid"]
    list_id = create_list(dv, "CampSync-leads-test")
    # Link with an absolute @odata.id, as the docs show.
    ref = dv.post(f"campaigns({campaign})/campaignlist_association/$ref",
                  json={"@odata.id": f"{org.url}/api/data/v9.2/lists({list_id})"})
    assert ref.status_code == 204
    linked = dv.get(f"campaigns({campaign})/campaignlist_association",
                    params={"$select": "listname,createdfromcode", "$filter": "createdfromcode eq 4"}).json()["value"]
    assert [(r["listid"], r["listname"]) for r in linked] == [(list_id, "CampSync-leads-test")]

    leads = list(org.state.leads)[:6]
    first = add(dv, list_id, leads[0])
    assert first.status_code == 200
    body = first.json()
    assert body["@odata.context"].endswith("#Microsoft.Dynamics.CRM.AddMemberListResponse")
    assert add(dv, list_id, leads[0]).json()["Id"] == body["Id"], "adding again returns the same listmember"

    many = dv.post("AddListMembersList", json={
        "List": {"@odata.type": "Microsoft.Dynamics.CRM.list", "listid": list_id},
        "Members": [{"@odata.type": "Microsoft.Dynamics.CRM.lead", "leadid": i} for i in leads + leads[:2]],
    })
    assert many.status_code == 204
    assert org.state.members_of(list_id) == set(leads)
    row = dv.get(f"lists({list_id})", params={"$select": "membercount"}).json()
    assert row["membercount"] == 6

    members = dv.get("listmembers", params={"$select": "_entityid_value,entitytype",
                                            "$filter": f"_listid_value eq {list_id}"}).json()["value"]
    assert {m["_entityid_value"] for m in members} == set(leads) and {m["entitytype"] for m in members} == {"lead"}

    assert add(dv, list_id, leads[1], "Microsoft.Dynamics.CRM.RemoveMemberList").status_code == 204
    assert add(dv, list_id, leads[1], "Microsoft.Dynamics.CRM.RemoveMemberList").status_code == 204  # not a member
    row_id = dv.get("listmembers", params={
        "$select": "listmemberid", "$filter": f"_listid_value eq {list_id} and _entityid_value eq {leads[2]}",
    }).json()["value"][0]["listmemberid"]
    single = dv.get(f"listmembers({row_id})")
    assert single.status_code == 405 and set(single.json()) == {"error"}
    assert dv.delete(f"listmembers({row_id})").status_code == 204
    assert org.state.members_of(list_id) == set(leads) - {leads[1], leads[2]}

    relative = dv.delete(f"campaigns({campaign})/campaignlist_association/$ref", params={"$id": f"lists({list_id})"})
    assert relative.status_code == 204 and org.state.lists_of_campaign(campaign) == []
    dv.post(f"campaigns({campaign})/campaignlist_association/$ref", json={"@odata.id": f"lists({list_id})"})
    assert dv.delete(f"campaigns({campaign})/campaignlist_association({list_id})/$ref").status_code == 204

    dv.post(f"campaigns({campaign})/campaignlist_association/$ref", json={"@odata.id": f"lists({list_id})"})
    assert dv.delete(f"lists({list_id})").status_code == 204
    assert org.state.lists_of_campaign(campaign) == []
    assert org.state.members_of(list_id) == set()
    assert dv.get("listmembers", params={"$filter": f"_listid_value eq {list_id}"}).json()["value"] == []


def test_a_list_needs_a_name_and_a_member_type(dv):
    assert "createdfromcode" in message(dv.post("lists", json={"listname": "no type"}))
    assert "listname" in message(dv.post("lists", json={"createdfromcode": LEAD}))
    out_of_range = dv.post("lists", json={"listname": "x", "createdfromcode": 3})
    assert out_of_range.status_code == 400 and "outside the valid range" in message(out_of_range)


def lead_list(org, dv, **extra):
    return create_list(dv, "rules", LEAD, **extra)


@pytest.mark.parametrize(
    ("prepare", "member", "status", "reason"),
    [
        (lambda org, dv: lead_list(org, dv, type=True), "lead", 400, "dynamic"),
        (lambda org, dv: org.state.lock_list(lead_list(org, dv))["listid"], "lead", 400, "locked"),
        (lambda org, dv: org.state.deactivate_list(lead_list(org, dv))["listid"], "lead", 400, "read-only"),
        (lambda org, dv: lead_list(org, dv), "contact", 400, "member type lead"),
        (lambda org, dv: lead_list(org, dv), "unknown", 404, "Does Not Exist"),
        (lambda org, dv: UNKNOWN, "lead", 404, f"list With Id = {UNKNOWN} Does Not Exist"),
    ],
    ids=["dynamic", "locked", "inactive", "type-mismatch", "unknown-member", "unknown-list"],
)
@pytest.mark.parametrize("action", ["AddMemberList", "RemoveMemberList"])
def test_member_rules(org, dv, prepare, member, status, reason, action):
    list_id = prepare(org, dv)
    entity_id = {"lead": next(iter(org.state.leads)), "contact": next(iter(org.state.contacts)),
                 "unknown": UNKNOWN}[member]
    response = add(dv, list_id, entity_id, f"Microsoft.Dynamics.CRM.{action}")
    assert response.status_code == status
    assert reason in message(response) and response.json()["error"]["code"].startswith("0x")


def test_bound_actions_need_their_namespace(org, dv):
    list_id = create_list(dv, "plain")
    response = add(dv, list_id, next(iter(org.state.leads)), "AddMemberList")
    assert response.status_code == 400 and "unresolved parameters" in message(response)
    assert org.state.members_of(list_id) == set()


def test_add_many_is_all_or_nothing(org, dv):
    list_id = create_list(dv, "batch")
    leads = list(org.state.leads)[:3]
    members = [{"@odata.type": "Microsoft.Dynamics.CRM.lead", "leadid": i} for i in leads]
    members.append({"@odata.type": "Microsoft.Dynamics.CRM.contact", "contactid": next(iter(org.state.contacts))})
    response = dv.post("Microsoft.Dynamics.CRM.AddListMembersList",
                       json={"List": {"@odata.type": "Microsoft.Dynamics.CRM.list", "listid": list_id},
                             "Members": members})
    assert response.status_code == 400 and "contact" in message(response)
    assert org.state.members_of(list_id) == set()
    missing = members[:1] + [{"@odata.type": "Microsoft.Dynamics.CRM.lead", "leadid": UNKNOWN}]
    response = dv.post("AddListMembersList", json={"List": {"listid": list_id}, "Members": missing})
    assert response.status_code == 404 and org.state.members_of(list_id) == set()


def test_contact_lists_take_contacts(org, dv):
    list_id = create_list(dv, "contacts", CONTACT)
    contact = next(iter(org.state.contacts))
    assert add(dv, list_id, contact).status_code == 200
    members = dv.get("listmembers", params={"$filter": f"_entityid_value eq {contact}"},
                     headers={"Prefer": 'odata.include-annotations="*"'}).json()["value"]
    assert list_id in {m["_listid_value"] for m in members}
    mine = next(m for m in members if m["_listid_value"] == list_id)
    assert mine["entitytype"] == "contact"
    assert mine["_entityid_value@OData.Community.Display.V1.FormattedValue"] == org.state.contacts[contact]["fullname"]


def test_a_second_identical_link_is_refused_as_a_duplicate_key(org, dv):
    # A real org refuses it (the campaignitem row exists) with 412 DuplicateRecord; it used to be a silent 204.
    campaign = org.state.find_campaign("Q2 Product Launch — CampSync Cloud")["campaignid"]
    list_id = create_list(dv, "CampSync-leads-dup")
    ref = {"@odata.id": f"{org.url}/api/data/v9.2/lists({list_id})"}
    assert dv.post(f"campaigns({campaign})/campaignlist_association/$ref", json=ref).status_code == 204
    again = dv.post(f"campaigns({campaign})/campaignlist_association/$ref", json={"@odata.id": f"lists({list_id})"})
    assert again.status_code == 412
    assert again.json()["error"] == {
        "code": "0x80040237",
        "message": f"Cannot insert duplicate key: the list {list_id} is already associated with the campaign "
                   f"{campaign} (campaignlist_association).",
    }
    assert org.state.lists_of_campaign(campaign).count(list_id) == 1
