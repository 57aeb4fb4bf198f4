"""The fault knobs as a client feels them: throttling, random failures, latency, missing privileges."""

import asyncio
import time

import httpx
import pytest

from campsync_gui.sandbox import client_ssl_context

ODATA = {"OData-MaxVersion": "4.0", "OData-Version": "4.0", "Accept": "application/json"}


def token_form(org):
    return {"grant_type": "client_credentials", "client_id": org.client_id,
            "client_secret": org.client_secret, "scope": f"{org.url}/.default"}


@pytest.fixture
def dv(org):
    with httpx.Client(verify=client_ssl_context(org.ca_file), trust_env=False, timeout=10) as http:
        token = http.post(f"{org.url}/{org.tenant_id}/oauth2/v2.0/token", data=token_form(org)).json()["access_token"]
        http.base_url = f"{org.url}/api/data/v9.2/"
        http.headers.update({**ODATA, "Authorization": f"Bearer {token}"})
        yield http


def test_throttle_answers_429_with_retry_after_until_the_window_frees(org, dv):
    org.knobs.throttle = (3, 0.9)
    assert [dv.get("WhoAmI").status_code for _ in range(3)] == [200, 200, 200]
    refused = dv.get("WhoAmI")
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "1"  # whole seconds, rounded up
    assert refused.json()["error"] == {
        "code": "0x80072322",
        "message": "Number of requests exceeded the limit of 3 over time window of 0.9 seconds.",
    }
    assert dv.get("WhoAmI").status_code == 429  # refused requests do not extend the wait...
    time.sleep(int(refused.headers["Retry-After"]))
    assert dv.get("WhoAmI").status_code == 200  # ...so waiting Retry-After is enough
    # The token endpoint is not throttled: a client can always re-authenticate.
    assert dv.post(f"{org.url}/{org.tenant_id}/oauth2/v2.0/token", data=token_form(org)).status_code == 200


def test_failures_are_503s_or_dropped_connections(org, dv):
    org.knobs.fail_rate = 1.0
    outcomes = []
    for _ in range(12):
        try:
            response = dv.get("WhoAmI")
        except (httpx.RemoteProtocolError, httpx.ReadError):
            outcomes.append("dropped")
        else:
            assert response.status_code == 503 and response.json()["error"]["code"] == "0x80040216"
            outcomes.append("503")
    assert {"503", "dropped"} == set(outcomes)
    api = [r for r in org.request_log if r.path.startswith("/api/")]
    assert [("dropped" if r.dropped else str(r.status)) for r in api] == outcomes
    assert all(r.status == 0 for r in api if r.dropped)


def outcome_sequence(org, dv, n=20):
    seen = []
    for _ in range(n):
        try:
            seen.append(dv.get("RetrieveVersion").status_code)
        except httpx.HTTPError:
            seen.append("dropped")
    return seen


def test_random_failures_repeat_for_the_same_fault_seed(org, dv):
    org.knobs.fail_rate, org.knobs.fault_seed = 0.4, 7
    first = outcome_sequence(org, dv)
    assert 200 in first and len(set(first)) > 1
    org.reset()
    token = dv.post(f"{org.url}/{org.tenant_id}/oauth2/v2.0/token", data=token_form(org)).json()["access_token"]
    dv.headers["Authorization"] = f"Bearer {token}"
    org.knobs.fail_rate, org.knobs.fault_seed = 0.4, 7
    assert outcome_sequence(org, dv) == first


async def test_latency_delays_each_request_without_blocking_the_others(org, dv):
    headers = dict(dv.headers)
    org.knobs.latency_ms = 300
    async with httpx.AsyncClient(verify=client_ssl_context(org.ca_file), trust_env=False,
                                 base_url=str(dv.base_url), headers=headers) as client:
        started = time.perf_counter()
        responses = await asyncio.gather(*(client.get("WhoAmI") for _ in range(6)))
        elapsed = time.perf_counter() - started
    assert all(r.status_code == 200 for r in responses)
    assert 0.3 <= elapsed < 1.2, "six delayed requests overlap instead of queueing"


def test_denied_entity_sets_answer_privilege_denied(org, dv):
    org.knobs.denied = {"campaigns"}
    response = dv.get("campaigns", params={"$select": "name"})
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == "0x80040220" and "missing prvReadCampaign privilege" in error["message"]
    assert dv.get("leads", params={"$top": "1"}).status_code == 200
    campaign = next(iter(org.state.campaigns))
    assert "prvWriteCampaign" in dv.patch(f"campaigns({campaign})", json={"name": "x"}).json()["error"]["message"]


def test_reset_restores_seed_data_and_default_knobs(org, dv):
    knobs = org.knobs
    knobs.page_size, knobs.latency_ms, knobs.denied = 5, 10, {"leads"}
    some = next(iter(org.state.leads))
    dv.delete(f"leads({some})")
    org.reset()
    assert org.knobs is knobs and knobs.page_size is None and knobs.denied == set() and knobs.latency_ms == 0
    assert some in org.state.leads
    assert org.request_log == []
