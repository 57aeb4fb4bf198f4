"""What a 404 or a 412 is about, from the answer's structure (the record the server names, the record the request
addressed, the error code), never from words that a URL may also contain (issue 12, item 3)."""

import json

import httpx
import pytest

from campsync_gui.dynamics.errors import DuplicateRecord, NotFound, ServiceError, error_from_response

API = "https://org.example/api/data/v9.2/"
LIST = "4c1e0000-0000-4000-8000-000000000001"
LEAD = "9f310000-0000-4000-8000-000000000002"
MEMBER = "11110000-0000-4000-8000-000000000003"
REMOVE = f"{API}lists({LIST})/Microsoft.Dynamics.CRM.RemoveMemberList"


def envelope(code, message):
    return json.dumps({"error": {"code": code, "message": message}}).encode()


@pytest.mark.parametrize("text", [f"lead With Id = {LEAD} Does Not Exist",
                                  f"Entity 'lead' With Id = {LEAD.upper()} Does Not Exist"])
def test_a_404_on_a_list_action_names_the_missing_person_not_the_list_in_its_url(text):
    err = error_from_response(404, envelope("0x80040217", text), httpx.Headers(), "POST", REMOVE)
    assert isinstance(err, NotFound)
    assert (err.missing_entity, err.missing_id) == ("lead", LEAD)
    assert err.is_about(LEAD) and err.is_about(LEAD.upper()) and not err.is_about(LIST)
    assert (err.method, err.path) == ("POST", f"lists({LIST})/Microsoft.Dynamics.CRM.RemoveMemberList")


def test_a_404_on_the_list_itself_names_the_list():
    err = error_from_response(404, envelope("0x80040217", f"list With Id = {LIST} Does Not Exist"),
                              httpx.Headers(), "POST", REMOVE)
    assert err.is_about(LIST) and not err.is_about(LEAD)


def test_a_404_without_a_named_record_is_about_the_record_the_request_addressed():
    err = error_from_response(404, b"", httpx.Headers(), "DELETE", f"{API}listmembers({MEMBER})")
    assert (err.missing_entity, err.missing_id) == ("listmember", MEMBER)
    bound = error_from_response(404, b"", httpx.Headers(), "POST", REMOVE)
    assert bound.missing_id is None and not bound.is_about(LIST), "a bound action's target is not the missing one"
    assert not bound.is_about(None) and not bound.is_about("")


def test_a_duplicate_key_is_told_by_its_code_not_by_its_status_alone():
    dup = error_from_response(412, envelope("0x80040237", "Cannot insert duplicate key."), httpx.Headers(), "POST",
                              f"{API}campaigns({LIST})/campaignlist_association/$ref")
    assert isinstance(dup, DuplicateRecord) and dup.status == 412 and not dup.retryable
    stale = error_from_response(412, envelope("0x80060882", "The version of the existing record doesn't match."),
                                httpx.Headers(), "PATCH", f"{API}lists({LIST})")
    assert isinstance(stale, ServiceError) and not isinstance(stale, DuplicateRecord)
