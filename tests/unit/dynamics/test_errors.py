"""Error responses from Dataverse become typed errors with messages a person can act on."""

import httpx

from campsync_gui.dynamics.errors import (NotFound, PermissionDenied, ServerUnavailable, Throttled,
                                          error_from_response, parse_envelope)

URL = "https://org.example/api/data/v9.2/lists(1)/Microsoft.Dynamics.CRM.AddMemberList"


def test_not_found_envelope_names_the_missing_row_and_the_call():
    body = b'{"error":{"code":"0x80040217","message":"lead With Id = 42 Does Not Exist"}}'
    err = error_from_response(404, body, httpx.Headers(), "POST", URL)
    assert isinstance(err, NotFound)
    assert err.code == "0x80040217"
    assert "lead With Id = 42 Does Not Exist" in err.message
    assert "AddMemberList" in err.message and not err.retryable


def test_throttled_carries_retry_after_seconds():
    body = b'{"error":{"code":"0x80072322","message":"Number of requests exceeded the limit"}}'
    err = error_from_response(429, body, httpx.Headers({"Retry-After": "7"}), "GET", URL)
    assert isinstance(err, Throttled) and err.retry_after == 7.0 and err.retryable
    assert "throttling" in err.message


def test_truncated_or_html_bodies_still_give_a_message():
    assert parse_envelope(b'{"error":{"code":"0x8') == (None, None)
    err = error_from_response(503, b"<html>Service Unavailable</html>", httpx.Headers(), "GET", URL)
    assert isinstance(err, ServerUnavailable) and err.retryable
    assert "Service Unavailable" in err.message


def test_privilege_denied_is_its_own_type():
    body = b'{"error":{"code":"0x80040220","message":"missing prvReadCampaign privilege"}}'
    err = error_from_response(403, body, httpx.Headers(), "GET", URL)
    assert isinstance(err, PermissionDenied) and "prvReadCampaign" in err.message
