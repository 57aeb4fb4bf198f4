"""The sandbox's Web API over HTTPS with plain httpx: functions, headers, queries, paging, records."""

import pytest

from support import error_of


def test_whoami_and_retrieveversion_in_both_spellings(org, dv):
    for path in ("WhoAmI", "WhoAmI()"):
        body = dv.get(path).json()
        assert body["@odata.context"].endswith("#Microsoft.Dynamics.CRM.WhoAmIResponse")
        assert (body["UserId"], body["BusinessUnitId"], body["OrganizationId"]) == (
            org.identity.user_id, org.identity.business_unit_id, org.identity.organization_id)
    org.knobs.org_version = "9.2.26011.00100"
    assert dv.get("RetrieveVersion()").json()["Version"] == "9.2.26011.00100"
    assert dv.get("RetrieveVersion").status_code == 200


def test_prerequisite_solution_follows_the_knobs(org, dv):
    query = {"$select": "uniquename,friendlyname,version", "$filter": "uniquename eq 'MarketoLeadManagement'"}
    rows = dv.get("solutions", params=query).json()["value"]
    assert [(r["friendlyname"], r["version"]) for r in rows] == [("Marketo Lead Management", "5.0.2.1")]
    org.knobs.solution_version = "4.1.9.0"
    assert dv.get("solutions", params=query).json()["value"][0]["version"] == "4.1.9.0"
    org.knobs.solution_version = None
    assert dv.get("solutions", params=query).json()["value"] == []
    others = dv.get("solutions", params={"$filter": "friendlyname ne null"}).json()["value"]
    assert len(others) >= 2, "other solutions are installed too"


@pytest.mark.parametrize("header", ["OData-MaxVersion", "OData-Version"])
def test_missing_odata_headers_are_refused(dv, header):
    del dv.headers[header]
    response = dv.get("WhoAmI")
    assert response.status_code == 400 and header in error_of(response)["message"]


def test_accept_and_content_type_are_checked(dv):
    assert dv.get("WhoAmI", headers={"Accept": "text/html"}).status_code == 400
    assert dv.get("WhoAmI", headers={"Accept": "application/json;odata.metadata=minimal"}).status_code == 200
    sent_as_text = dv.post("leads", content=b'{"lastname":"X"}', headers={"Content-Type": "text/plain"})
    assert sent_as_text.status_code == 415 and "application/json" in error_of(sent_as_text)["message"]


def test_unknown_segments_and_properties_answer_like_dataverse(dv):
    response = dv.get("Leads")
    assert response.status_code == 404
    assert error_of(response) == {"code": "0x8006088a", "message": "Resource not found for the segment 'Leads'."}
    response = dv.get("leads", params={"$select": "Name"})
    assert response.status_code == 400
    assert error_of(response) == {
        "code": "0x80060888",
        "message": "Could not find a property named 'Name' on type 'Microsoft.Dynamics.CRM.lead'.",
    }
    assert dv.get("leads", params={"$filter": "nickname eq 'x'"}).status_code == 400
    assert "not supported" in error_of(dv.get("leads", params={"$skip": "10"}))["message"]


def test_paging_follows_nextlink_to_the_end(org, dv):
    org.knobs.page_size = 40  # the server forces small pages even when the client asks for more
    first = dv.get("leads", params={"$select": "leadid,lastname", "$orderby": "lastname"},
                   headers={"Prefer": "odata.maxpagesize=100"})
    assert first.headers["Preference-Applied"] == "odata.maxpagesize=100"
    pages, body = [first.json()], first.json()
    while "@odata.nextLink" in body:
        link = body["@odata.nextLink"]
        assert link.startswith(f"{org.url}/api/data/v9.2/leads?") and "$skiptoken=" in link
        assert "$select=leadid,lastname" in link, "the rest of the query is kept"
        body = dv.get(link, headers={"Prefer": "odata.maxpagesize=100"}).json()
        pages.append(body)
    assert [len(p["value"]) for p in pages] == [40] * 7 + [20]
    rows = [row for page in pages for row in page["value"]]
    assert {r["leadid"] for r in rows} == set(org.state.leads)
    names = [r["lastname"] for r in rows]
    assert names == sorted(names, key=str.casefold)
    assert set(rows[0]) == {"@odata.etag", "leadid", "lastname"}


def test_maxpagesize_alone_pages_and_top_caps_the_total(dv):
    body = dv.get("contacts", params={"$select": "fullname"}, headers={"Prefer": "odata.maxpagesize=150"}).json()
    assert len(body["value"]) == 150 and "@odata.nextLink" in body
    top = dv.get("contacts", params={"$top": "5", "$count": "true"}).json()
    assert len(top["value"]) == 5 and "@odata.nextLink" not in top and top["@odata.count"] == 200


def test_filters_select_what_a_client_asks_for(org, dv):
    some = list(org.state.leads.values())[:3]
    ids = ",".join(f"'{r['leadid']}'" for r in some)
    query = f"Microsoft.Dynamics.CRM.In(PropertyName='leadid',PropertyValues=[{ids}])"
    found = dv.get("leads", params={"$select": "emailaddress1", "$filter": query}).json()["value"]
    assert {r["leadid"] for r in found} == {r["leadid"] for r in some}

    email = some[0]["emailaddress1"].upper()  # e-mail matching is case-insensitive, as in Dataverse
    assert [r["leadid"] for r in dv.get("leads", params={"$filter": f"emailaddress1 eq '{email}'"}).json()["value"]] \
        == [some[0]["leadid"]]

    irish = [r for r in org.state.leads.values() if r["lastname"] == "O'Brien"]
    found = dv.get("leads", params={"$filter": "lastname eq 'O''Brien' and statecode eq 0 or lastname eq 'O''Brien'"})
    assert len(found.json()["value"]) == len(irish) > 0

    active = dv.get("campaigns", params={"$filter": "istemplate eq false and statecode eq 0", "$count": "true"})
    assert active.json()["@odata.count"] == 7


def test_create_read_update_delete_a_lead(org, dv):
    created = dv.post("leads", json={"firstname": "Zoë", "lastname": "O'Neil", "emailaddress1": "zoe@example.org",
                                     "companyname": "Acme", "subject": "Met at the booth"})
    assert created.status_code == 204
    location = created.headers["OData-EntityId"]
    assert location.startswith(f"{org.url}/api/data/v9.2/leads(")
    lead_id = location[-37:-1]
    assert org.state.leads[lead_id]["fullname"] == "Zoë O'Neil"

    row = dv.get(f"leads({lead_id})", params={"$select": "fullname,statecode"}).json()
    assert row["fullname"] == "Zoë O'Neil" and row["statecode"] == 0 and row["@odata.etag"].startswith('W/"')

    assert dv.patch(f"leads({lead_id})", json={"jobtitle": "CMO"}).status_code == 204
    assert org.state.leads[lead_id]["jobtitle"] == "CMO"
    assert dv.delete(f"leads({lead_id})").status_code == 204
    gone = dv.get(f"leads({lead_id})")
    assert gone.status_code == 404
    assert error_of(gone) == {"code": "0x80040217", "message": f"lead With Id = {lead_id} Does Not Exist"}


def test_create_with_representation_and_the_rules_of_a_lead(dv):
    created = dv.post("leads?$select=fullname,leadid", json={"lastname": "Nakamura", "firstname": "Aiko"},
                      headers={"Prefer": "return=representation"})
    assert created.status_code == 201 and created.json()["fullname"] == "Aiko Nakamura"
    no_lastname = dv.post("leads", json={"firstname": "Only"})
    assert no_lastname.status_code == 400 and "lastname" in error_of(no_lastname)["message"]
    unknown = dv.post("leads", json={"lastname": "X", "nickname": "Y"})
    assert unknown.status_code == 400 and "nickname" in error_of(unknown)["message"]


def test_contacts_carry_their_accounts_name_when_annotations_are_asked(org, dv):
    contact = next(iter(org.state.contacts.values()))
    account_name = org.state.accounts[contact["_parentcustomerid_value"]]["name"]
    path = f"contacts({contact['contactid']})"
    plain = dv.get(path, params={"$select": "_parentcustomerid_value"}).json()
    assert "_parentcustomerid_value@OData.Community.Display.V1.FormattedValue" not in plain
    for prefer in ('odata.include-annotations="*"',
                   'odata.include-annotations="OData.Community.Display.V1.FormattedValue"'):
        row = dv.get(path, params={"$select": "_parentcustomerid_value"}, headers={"Prefer": prefer}).json()
        assert row["_parentcustomerid_value@OData.Community.Display.V1.FormattedValue"] == account_name
    rows = dv.get("contacts", params={"$select": "fullname,_parentcustomerid_value", "$top": "3"},
                  headers={"Prefer": 'odata.include-annotations="*"'}).json()["value"]
    assert all(r["_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname"] == "account" for r in rows)


def test_deactivating_a_campaign_sets_the_inactive_status(org, dv):
    campaign = org.state.find_campaign("Spring Webinar Series 2026")
    response = dv.patch(f"campaigns({campaign['campaignid']})", json={"statecode": 1})
    assert response.status_code == 204
    row = dv.get(f"campaigns({campaign['campaignid']})", params={"$select": "statecode,statuscode"}).json()
    assert (row["statecode"], row["statuscode"]) == (1, 6)
    wrong = dv.patch(f"campaigns({campaign['campaignid']})", json={"statecode": 0, "statuscode": 6})
    assert wrong.status_code == 400 and "not a valid status code" in error_of(wrong)["message"]
