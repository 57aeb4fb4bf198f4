"""The real Dataverse client against the sandbox org over HTTPS: paging, retries, tokens, errors, operations."""

import asyncio
import math
import time

import pytest

from campsync_gui.dynamics.errors import BadRequest, ConnectionFailed, NotFound, PermissionDenied

UNKNOWN = "00000000-0000-0000-0000-00000000beef"


def api_calls(org, since=0):
    return [r for r in org.request_log[since:] if "/api/data/" in r.path]


async def test_paging_follows_next_link_across_pages(org, client):
    org.knobs.page_size = 40
    before = len(org.request_log)
    leads = await client.get_all("leads", {"$select": "leadid,emailaddress1"})
    ids = [row["leadid"] for row in leads]
    assert len(ids) == len(set(ids)) == len(org.state.leads)
    pages = [r for r in api_calls(org, before) if r.method == "GET"]
    assert len(pages) == math.ceil(len(ids) / 40)
    assert all("$skiptoken" in r.path for r in pages[1:])


async def test_throttled_requests_wait_retry_after_before_retrying(org, conn):
    waits = []

    async def recording_sleep(seconds):
        waits.append(seconds)
        await asyncio.sleep(seconds)

    from campsync_gui.dynamics.connect import open_client
    client = open_client(conn)
    client._sleep = recording_sleep
    try:
        await client.whoami()  # token fetched before the window opens
        org.knobs.throttle = (3, 2)
        start = len(org.request_log)
        results = await asyncio.gather(*(client.whoami() for _ in range(6)))
    finally:
        await client.aclose()
    assert all(r.get("UserId") for r in results)
    log = api_calls(org, start)
    throttled = [r for r in log if r.status == 429]
    assert throttled and client.stats.throttled == len(throttled)
    assert all(w >= 1 for w in waits)  # Retry-After is whole seconds, at least 1
    # No request may come back sooner than the Retry-After that the org asked for.
    earliest_allowed = min(r.at for r in throttled) + min(waits)
    retries = [r for r in log if r.status == 200 and r.at > min(x.at for x in throttled)]
    assert retries and all(r.at >= earliest_allowed - 0.05 for r in retries)


async def test_revoked_token_is_replaced_once(org, client):
    await client.whoami()
    org.revoke_tokens()
    start = len(org.request_log)
    who = await client.whoami()
    assert who["UserId"]
    statuses = [(r.method, r.status, "token" in r.path) for r in org.request_log[start:]]
    assert statuses[0][1] == 401
    assert any(is_token for _, _, is_token in statuses[1:]), "a new token was requested"
    assert statuses[-1][1] == 200 and client.stats.token_refreshes == 1


async def test_expired_tokens_are_renewed_without_errors(org, client):
    org.knobs.token_ttl = 1
    await client.whoami()
    await asyncio.sleep(1.2)
    assert (await client.whoami())["UserId"]


async def test_server_errors_and_dropped_connections_are_retried(org, client):
    org.knobs.fail_rate = 0.35
    results = [await client.version() for _ in range(20)]
    assert all(results)
    failed = [r for r in api_calls(org) if r.status >= 500 or r.dropped]
    assert failed, "the fault knob injected failures"
    assert client.stats.retries >= len(failed)


async def test_unreachable_org_gives_up_with_a_clear_message(org, conn):
    from campsync_gui.dynamics.client import RetryPolicy
    from campsync_gui.dynamics.connect import open_client
    c = open_client(conn, retry=RetryPolicy(max_attempts=2, base_delay=0.01))
    c.org_url = c.org_url.rsplit(":", 1)[0] + ":1"
    c.api_base = c.org_url + "/api/data/v9.2/"
    try:
        with pytest.raises(ConnectionFailed, match="connection refused"):
            await c.whoami()
    finally:
        await c.aclose()


async def test_error_envelope_becomes_a_readable_error(client):
    with pytest.raises(NotFound) as caught:
        await client.campaign(UNKNOWN)
    assert "Does Not Exist" in caught.value.message and caught.value.code


async def test_missing_privilege_is_reported_as_such(org, client):
    org.knobs.denied = {"campaigns"}
    with pytest.raises(PermissionDenied, match="privilege"):
        await client.campaigns()


async def test_campaigns_include_inactive_but_never_templates(org, client):
    campaigns = await client.campaigns()
    assert {c.id for c in campaigns} == {cid for cid, row in org.state.campaigns.items() if not row["istemplate"]}
    assert sum(not c.active for c in campaigns) == 2
    assert [c.name for c in campaigns] == sorted((c.name for c in campaigns), key=str.lower)


async def test_people_lookup_by_email_and_lead_creation(org, client):
    leads = list(org.state.leads.values())[:3]
    contacts = list(org.state.contacts.values())[:2]
    emails = [r["emailaddress1"] for r in leads] + ["nobody@example.invalid"]
    found = await client.find_people_by_email("lead", [e.upper() for e in emails], chunk=2)
    assert set(found) == {e.lower() for e in emails[:3]}
    found_contacts = await client.find_people_by_email("contact", [r["emailaddress1"] for r in contacts])
    assert all(p.company for p in found_contacts.values()), "contacts carry their account's name"
    new_id = await client.create_lead(first_name="Zoë", last_name="O'Neil", email="zoe@example.org",
                                      company="Acme")
    assert org.state.leads[new_id]["emailaddress1"] == "zoe@example.org"
    assert org.state.leads[new_id]["lastname"] == "O'Neil"


async def test_app_list_lifecycle_reaches_the_org(org, client):
    campaign = next(c for c in await client.campaigns() if c.active)
    list_id = await client.create_list("CampSync-leads-test", "lead")
    await client.link_list(campaign.id, list_id)
    assert list_id in org.state.lists_of_campaign(campaign.id)
    assert (await client.find_list("CampSync-leads-test")).id == list_id
    lead_ids = list(org.state.leads)[:120]
    before = len(org.request_log)
    calls = await client.add_members(list_id, "lead", lead_ids, chunk=50)
    assert calls == 3 and len(api_calls(org, before)) == 3
    assert org.state.members_of(list_id) == set(lead_ids)
    await client.add_member(list_id, lead_ids[0])  # adding again makes no duplicate
    assert await client.list_member_ids(list_id) == set(lead_ids)
    await client.remove_member(list_id, lead_ids[0])
    assert lead_ids[0] not in org.state.members_of(list_id)
    assert await client.listmember_ids(list_id, lead_ids[1])
    linked = await client.campaign_lists(campaign.id)
    assert list_id in {lst.id for lst in linked}
    await client.unlink_list(campaign.id, list_id)
    assert list_id not in org.state.lists_of_campaign(campaign.id)


async def test_member_rules_of_the_org_are_explained(org, client):
    list_id = await client.create_list("contacts only", "contact")
    a_lead = next(iter(org.state.leads))
    with pytest.raises(BadRequest) as caught:
        await client.add_member(list_id, a_lead)
    assert "lead" in caught.value.message.lower()
    org.state.lock_list(list_id)
    a_contact = next(iter(org.state.contacts))
    with pytest.raises(BadRequest, match="(?i)lock"):
        await client.add_member(list_id, a_contact)
    with pytest.raises(NotFound):
        await client.add_member(UNKNOWN, a_contact)


async def test_bound_action_without_namespace_is_rejected_by_the_org(client):
    list_id = await client.create_list("plain", "lead")
    with pytest.raises(BadRequest, match="unresolved"):
        await client.request("POST", f"lists({list_id})/AddMemberList", json={"EntityId": UNKNOWN})


async def test_remove_falls_back_to_deleting_the_listmember_row(org, client):
    org.knobs.missing_actions = {"RemoveMemberList"}  # an org without that Web API action
    list_id = await client.create_list("fallback", "lead")
    lead = next(iter(org.state.leads))
    await client.add_member(list_id, lead)
    start = len(org.request_log)
    await client.remove_member(list_id, lead)
    assert org.state.members_of(list_id) == set()
    calls = [(r.method, r.status) for r in org.request_log[start:] if "/api/data/" in r.path]
    assert calls == [("POST", 404), ("GET", 200), ("DELETE", 204)]


async def test_latency_knob_slows_each_call(org, client):
    await client.whoami()
    org.knobs.latency_ms = 150
    started = time.perf_counter()
    await client.whoami()
    assert time.perf_counter() - started >= 0.15
