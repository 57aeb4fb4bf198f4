"""CreateMultiple for leads: the sandbox's bound action over HTTPS, and the client's create_leads on it."""

import pytest

from campsync_gui.dynamics.errors import BadRequest
from support import error_of

ACTION = "leads/Microsoft.Dynamics.CRM.CreateMultiple"
LEAD = "Microsoft.Dynamics.CRM.lead"


def target(i, **extra):
    return {"@odata.type": LEAD, "lastname": f"Multi {i}", "firstname": "Ada", "emailaddress1": f"multi{i}@example.org",
            **extra}


def leads_with_prefix(org, prefix="multi"):
    return {row["emailaddress1"]: row for row in org.state.leads.values()
            if (row["emailaddress1"] or "").startswith(prefix)}


def api_calls(org, since):
    return [r for r in org.request_log[since:] if "/api/data/" in r.path]


# ---- the sandbox org ---------------------------------------------------------------------------------


def test_create_multiple_creates_every_lead_in_one_request_and_returns_ids_in_order(org, dv):
    before = len(org.request_log)
    response = dv.post(ACTION, json={"Targets": [target(i, companyname="Fabrikam") for i in range(3)]})
    assert response.status_code == 200
    body = response.json()
    assert body["@odata.context"].endswith("$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse")
    created = leads_with_prefix(org)
    assert [created[f"multi{i}@example.org"]["leadid"] for i in range(3)] == body["Ids"]
    assert all(row["companyname"] == "Fabrikam" and row["fullname"] == f"Ada Multi {i}"
               for i, row in enumerate(created[f"multi{i}@example.org"] for i in range(3)))
    calls = api_calls(org, before)
    assert [(r.method, r.status) for r in calls] == [("POST", 200)], "one request in the request log"
    assert calls[0].path.endswith("/leads/Microsoft.Dynamics.CRM.CreateMultiple")


@pytest.mark.parametrize("bad, status, code, words", [
    ({"lastname": None}, 400, "0x80040203", "'lastname' is required"),
    ({"nickname": "Adi"}, 400, "0x80060888", "property 'nickname' does not exist"),
    ({"@odata.type": "Microsoft.Dynamics.CRM.contact"}, 400, "0x80060888", "Targets[1] has "
                                                                         "'Microsoft.Dynamics.CRM.contact'"),
    ({"@odata.type": None}, 400, "0x80060888", "Targets[1] has '(none)'"),
    ({"jobtitle": "x" * 4001}, 400, "0x80040203", "longer than its maximum length"),
])
def test_one_invalid_target_refuses_the_whole_request_and_creates_nothing(org, dv, bad, status, code, words):
    leads_before = len(org.state.leads)
    response = dv.post(ACTION, json={"Targets": [target(0), target(1, **bad), target(2)]})
    assert response.status_code == status
    error = error_of(response)
    assert error["code"] == code and words in error["message"]
    assert len(org.state.leads) == leads_before and leads_with_prefix(org) == {}, "all or nothing"


def test_create_multiple_without_targets_or_namespace_is_refused(org, dv):
    assert "unresolved parameters" in error_of(dv.post(ACTION, json={"Records": []}))["message"]
    assert "at least one" in error_of(dv.post(ACTION, json={"Targets": []}))["message"]
    assert dv.post("leads/CreateMultiple", json={"Targets": [target(0)]}).status_code == 400
    assert dv.get(ACTION).status_code == 404
    assert leads_with_prefix(org) == {}


def test_an_org_without_create_multiple_answers_like_dataverse(org, dv):
    org.knobs.missing_actions = {"CreateMultiple"}
    response = dv.post(ACTION, json={"Targets": [target(0)]})
    assert response.status_code == 404
    assert error_of(response) == {
        "code": "0x8006088a", "message": "Resource not found for the segment 'Microsoft.Dynamics.CRM.CreateMultiple'."}
    assert leads_with_prefix(org) == {}


def test_create_multiple_respects_denied_privileges_and_throttling(org, dv):
    org.knobs.denied = {"leads"}
    response = dv.post(ACTION, json={"Targets": [target(0)]})
    assert response.status_code == 403 and "prvCreateLead" in error_of(response)["message"]
    org.knobs.denied = set()
    org.knobs.throttle = (1, 60)
    assert dv.post(ACTION, json={"Targets": [target(0)]}).status_code == 200
    refused = dv.post(ACTION, json={"Targets": [target(1)]})
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert set(leads_with_prefix(org)) == {"multi0@example.org"}


# ---- the client ----------------------------------------------------------------------------------------


def records(n, start=0):
    return [dict(last_name=f"Multi {i}", first_name="Ada", email=f"multi{i}@example.org", company="Contoso")
            for i in range(start, start + n)]


async def test_client_create_leads_sends_chunks_and_returns_ids_in_order(org, client):
    before = len(org.request_log)
    ids = await client.create_leads(records(5), chunk=2)
    calls = api_calls(org, before)
    assert [(r.method, r.path.rsplit("/", 1)[-1], r.status) for r in calls] == [
        ("POST", "Microsoft.Dynamics.CRM.CreateMultiple", 200)] * 3
    created = leads_with_prefix(org)
    assert ids == [created[f"multi{i}@example.org"]["leadid"] for i in range(5)]
    assert all(row["companyname"] == "Contoso" for row in created.values())


async def test_client_create_leads_reports_a_refused_chunk_with_the_server_message(org, client):
    bad = records(3)
    bad[1]["job_title"] = "x" * 4001
    with pytest.raises(BadRequest, match="jobtitle"):
        await client.create_leads(bad)
    assert leads_with_prefix(org) == {}


async def test_client_falls_back_to_one_create_per_lead_where_the_org_lacks_create_multiple(org, client):
    org.knobs.missing_actions = {"CreateMultiple"}
    before = len(org.request_log)
    ids = await client.create_leads(records(3), chunk=2)
    ids += await client.create_leads(records(2, start=3))
    calls = [(r.method, r.path.rsplit("/", 1)[-1], r.status) for r in api_calls(org, before)]
    assert calls == [("POST", "Microsoft.Dynamics.CRM.CreateMultiple", 404)] + [("POST", "leads", 204)] * 5, \
        "asked once, then remembered that the org lacks the message"
    created = leads_with_prefix(org)
    assert ids == [created[f"multi{i}@example.org"]["leadid"] for i in range(5)]


async def test_email_lookup_of_thousands_takes_few_requests_of_bounded_length(org, client):
    emails = [f"lookup.person.{i:05d}@example.org" for i in range(3000)]
    for email in emails[::3]:
        org.state.create("leads", {"lastname": "Lookup", "emailaddress1": email})
    before = len(org.request_log)
    found = await client.find_people_by_email("lead", [e.upper() for e in emails] + ["o'hara@example.org"])
    calls = api_calls(org, before)
    assert set(found) == set(emails[::3])
    assert len(calls) <= 12, f"{len(calls)} lookups for 3,001 emails"
    lookups = [part for r in calls for part in r.parts]  # the GETs travel in a $batch
    assert len(lookups) <= 12 and max(len(r.path) for r in lookups) < 10_500, "URLs stay far below Dataverse's 32 KB"
