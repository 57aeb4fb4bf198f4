"""The sandbox answers OData $batch as "Execute batch operations using the Web API" documents it: GETs outside change
sets, change sets all or nothing, no GET inside one, `$n` references, at most 1,000 operations, the first failure
ending the batch unless `Prefer: odata.continue-on-error`; each operation meets the rules a request of its own
meets, and the batch counts once against the throttle and in the request log (its operations ride along in
`RequestRecord.parts`). Every Web API answer carries `x-ms-dop-hint`.

The requests here are written out by hand, as in Microsoft's examples, not by CampSync's encoder."""

import argparse
import json

from campsync_gui.dynamics.batch import parse_batch_answer
from campsync_gui.sandbox.cli import add_arguments

LEAD = "11111111-2222-3333-4444-555555555555"  # no such lead


def get(path):
    return f"Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nGET {path} HTTP/1.1\r\n\r\n"


def write(method, path, body=None, content_id=None):
    head = "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n"
    if content_id is not None:
        head += f"Content-ID: {content_id}\r\n"
    text = "" if body is None else json.dumps(body)
    return f"{head}\r\n{method} {path} HTTP/1.1\r\nContent-Type: application/json; type=entry\r\n\r\n{text}\r\n"


def change_set(*operations, boundary="changeset_BBB456"):
    inner = "".join(f"--{boundary}\r\n{op}" for op in operations) + f"--{boundary}--\r\n"
    return f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n{inner}'


def batch(dv, *parts, prefer=None, boundary="batch_AAA123"):
    body = "".join(f"--{boundary}\r\n{part}" for part in parts) + f"--{boundary}--\r\n"
    headers = {"Content-Type": f'multipart/mixed; boundary="{boundary}"'}
    if prefer:
        headers["Prefer"] = prefer
    return dv.post("$batch", content=body.encode(), headers=headers)


def answers(response):
    return parse_batch_answer(response.headers["content-type"], response.content)


def lead_names(org):
    return {row["lastname"] for row in org.state.leads.values()}


def test_gets_outside_change_sets_answer_in_order_in_one_logged_request(org, dv):
    lead = next(iter(org.state.leads.values()))
    before = len(org.request_log)
    response = batch(dv, get(f"leads({lead['leadid']})?$select=lastname"),
                     get("/api/data/v9.2/campaigns?$select=name&$top=2"),  # absolute path, as Microsoft writes it
                     get(f"{org.url}/api/data/v9.2/WhoAmI"))  # and a full URL
    assert response.status_code == 200 and response.headers["content-type"].startswith("multipart/mixed")
    assert "--batchresponse_" in response.text
    first, second, third = answers(response)
    assert (first.status, first.body["lastname"]) == (200, lead["lastname"])
    assert second.status == 200 and len(second.body["value"]) == 2
    assert third.body["UserId"] == org.identity.user_id
    records = org.request_log[before:]
    assert [(r.method, r.path.rsplit("/", 1)[-1]) for r in records] == [("POST", "$batch")], "one HTTP request"
    assert [(p.method, p.status) for p in records[0].parts] == [("GET", 200)] * 3
    assert records[0].parts[0].path == f"/api/data/v9.2/leads({lead['leadid']})?$select=lastname"


def test_a_change_set_that_fails_is_rolled_back_whole(org, dv):
    before = lead_names(org)
    response = batch(dv, change_set(
        write("POST", "leads", {"lastname": "Batch One"}, content_id=1),
        write("POST", "leads", {"lastname": "Batch Two"}, content_id=2),
        write("POST", "leads", {"lastname": "Batch Three", "nosuchcolumn": 1}, content_id=3)))
    assert response.status_code == 400, "the batch takes the status of its first failure"
    (failure,) = answers(response)
    assert failure.status == 400 and failure.content_id == "3" and "nosuchcolumn" in failure.body["error"]["message"]
    assert lead_names(org) == before, "the two leads created before the failure are gone again"
    assert [p.status for p in org.request_log[-1].parts] == [204, 204, 400]


def test_a_change_set_that_succeeds_answers_each_operation_with_its_content_id(org, dv):
    response = batch(dv, change_set(write("POST", "leads", {"lastname": "Kept One"}, content_id=1),
                                    write("POST", "leads", {"lastname": "Kept Two"}, content_id=2)),
                     get("leads?$select=lastname&$filter=startswith(lastname,'Kept')"))
    assert response.status_code == 200
    one, two, listing = answers(response)
    assert (one.status, one.content_id, two.content_id) == (204, "1", "2")
    assert "/api/data/v9.2/leads(" in one.headers["odata-entityid"]
    assert sorted(row["lastname"] for row in listing.body["value"]) == ["Kept One", "Kept Two"]


def test_a_get_inside_a_change_set_is_refused_and_nothing_runs(org, dv):
    before = lead_names(org)
    response = batch(dv, change_set(write("POST", "leads", {"lastname": "Never"}), get("leads?$top=1")))
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("An invalid HTTP method 'GET' was detected for a request "
                                                          "in a change set.")
    assert lead_names(org) == before and org.request_log[-1].parts == ()


def test_content_id_references_in_the_url_and_in_odata_bind(org, dv):
    response = batch(dv, change_set(
        write("POST", "accounts", {"name": "Referenced Ltd"}, content_id=1),
        write("POST", "contacts", {"lastname": "Referee", "parentcustomerid_account@odata.bind": "$1"}, content_id=2),
        write("PATCH", "$2", {"firstname": "Renamed"}, content_id=3)))
    assert response.status_code == 200 and [a.status for a in answers(response)] == [204, 204, 204]
    account = next(r for r in org.state.accounts.values() if r["name"] == "Referenced Ltd")
    contact = next(r for r in org.state.contacts.values() if r["lastname"] == "Referee")
    assert contact["_parentcustomerid_value"] == account["accountid"] and contact["firstname"] == "Renamed"


def test_a_reference_to_a_content_id_not_yet_declared_is_answered_400(org, dv):
    response = batch(dv, change_set(write("PATCH", "$1", {"firstname": "X"}, content_id=2),
                                    write("POST", "leads", {"lastname": "Late"}, content_id=1)))
    (failure,) = answers(response)
    assert failure.status == 400
    assert failure.body["error"]["message"] == "Content-ID Reference: '$1' does not exist in the batch context."
    assert "Late" not in lead_names(org)


def test_more_than_1000_operations_are_refused_before_any_runs(org, dv):
    response = batch(dv, *[get("WhoAmI")] * 1001)
    assert response.status_code == 400
    assert "maximum number of '1000' query operations" in response.json()["error"]["message"]
    assert org.request_log[-1].parts == ()
    assert batch(dv, *[get("WhoAmI")] * 1000).status_code == 200, "1,000 is allowed"


def test_the_first_failure_ends_the_batch_unless_continue_on_error(org, dv):
    parts = (get(f"leads({LEAD})"), get("WhoAmI"))
    stopped = batch(dv, *parts)
    assert stopped.status_code == 404 and [a.status for a in answers(stopped)] == [404]
    assert "Preference-Applied" not in stopped.headers
    went_on = batch(dv, *parts, prefer="odata.continue-on-error")
    assert went_on.status_code == 200 and [a.status for a in answers(went_on)] == [404, 200]
    assert went_on.headers["Preference-Applied"] == "odata.continue-on-error"
    assert answers(went_on)[0].body["error"]["message"] == f"lead With Id = {LEAD} Does Not Exist"


def test_each_operation_meets_the_rules_of_a_request_of_its_own(org, dv):
    campaign = next(r for r in org.state.campaigns.values() if not r["istemplate"])["campaignid"]
    list_id = next(iter(org.state.lists))
    link = write("POST", f"campaigns({campaign})/campaignlist_association/$ref",
                 {"@odata.id": f"{org.url}/api/data/v9.2/lists({list_id})"})
    bad_in = "leads?$filter=Microsoft.Dynamics.CRM.In(PropertyName='emailaddress1',PropertyValues=%5B'o''neil'%5D)"
    org.knobs.denied = {"accounts"}
    response = batch(dv, link, link, get(bad_in), get("accounts?$top=1"), get("leads?$top=1"),
                     prefer="odata.continue-on-error")
    statuses = [a.status for a in answers(response)]
    assert statuses == [204, 412, 400, 403, 200], "duplicate link, Invalid JSON in In(), privilege, then a good GET"


def test_a_batch_counts_once_against_the_throttle(org, dv):
    org.knobs.throttle = (2, 60)
    assert batch(dv, *[get("WhoAmI")] * 20).status_code == 200
    assert dv.get("WhoAmI").status_code == 200, "20 GETs in a batch were one request"
    throttled = batch(dv, get("WhoAmI"))
    assert throttled.status_code == 429 and throttled.headers["retry-after"]
    assert throttled.headers["x-ms-dop-hint"] == "8", "refusals carry the hint too"


def test_the_dop_hint_is_on_every_answer_and_follows_its_knob(org, dv):
    assert batch(dv, get("WhoAmI")).headers["x-ms-dop-hint"] == "8"
    assert dv.get(f"leads({LEAD})").headers["x-ms-dop-hint"] == "8"
    org.knobs.dop_hint = 32
    assert dv.get("WhoAmI").headers["x-ms-dop-hint"] == "32"
    org.knobs.dop_hint = None
    assert "x-ms-dop-hint" not in dv.get("WhoAmI").headers


def test_malformed_batches_are_answered_400_with_a_reason(org, dv):
    no_boundary = dv.post("$batch", content=b"x", headers={"Content-Type": "multipart/mixed"})
    assert no_boundary.status_code == 400 and "boundary" in no_boundary.json()["error"]["message"]
    unclosed = dv.post("$batch", content=f"--b\r\n{get('WhoAmI')}".encode(),
                       headers={"Content-Type": "multipart/mixed; boundary=b"})
    assert unclosed.status_code == 400 and "closing boundary" in unclosed.json()["error"]["message"]
    not_http = batch(dv, "Content-Type: text/plain\r\n\r\nhello\r\n")
    assert not_http.status_code == 400 and "application/http" in not_http.json()["error"]["message"]
    nested = batch(dv, get("$batch"))
    assert [a.status for a in answers(nested)] == [400]


def test_an_org_without_batch_answers_404(org, dv):
    org.knobs.batch_refused = True
    response = batch(dv, get("WhoAmI"))
    assert response.status_code == 404 and "$batch" in response.json()["error"]["message"]


def test_a_lost_answer_or_gateway_timeout_knob_is_kept_for_writes_not_batches(org, dv):
    org.knobs.lose_answers = 1
    assert batch(dv, get("WhoAmI")).status_code == 200
    assert org.knobs.lose_answers == 1, "still waiting for the next POST that writes"


def test_the_sandbox_command_line_sets_the_dop_hint():
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert parser.parse_args([]).dop_hint == 8
    assert parser.parse_args(["--dop-hint", "3"]).dop_hint == 3
    assert parser.parse_args(["--dop-hint", "none"]).dop_hint is None


def test_slow_plug_ins_run_inside_a_batch_and_a_failed_change_set_takes_their_work_back(org, dv):
    org.knobs.create_ms_per_record = 20
    kept = batch(dv, write("POST", "leads", {"lastname": "Slow Kept"}))
    assert [a.status for a in answers(kept)] == [204] and "Slow Kept" in lead_names(org)
    undone = batch(dv, change_set(write("POST", "leads", {"lastname": "Slow Undone"}, content_id=1),
                                  write("POST", "leads", {"lastname": "Bad", "nosuchcolumn": 1}, content_id=2)))
    assert [(a.status, a.content_id) for a in answers(undone)] == [(400, "2")]
    assert not {"Slow Undone", "Bad"} & lead_names(org)


def test_an_operation_whose_answer_names_nothing_can_still_carry_a_content_id(org, dv):
    campaign = next(r for r in org.state.campaigns.values() if not r["istemplate"])["campaignid"]
    list_id = next(iter(org.state.lists))
    org.state.unlink_list(campaign, list_id)
    response = batch(dv, change_set(
        write("POST", f"campaigns({campaign})/campaignlist_association/$ref",
              {"@odata.id": f"{org.url}/api/data/v9.2/lists({list_id})"}, content_id="link"),
        write("POST", "leads", {"lastname": "After Link"}, content_id="lead")))
    assert [(a.status, a.content_id) for a in answers(response)] == [(204, "link"), (204, "lead")]
    assert list_id in org.state.lists_of_campaign(campaign) and "After Link" in lead_names(org)
