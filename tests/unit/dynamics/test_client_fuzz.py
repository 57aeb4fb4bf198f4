"""Fuzzing the Dataverse client's response parsers with hypothesis.

Whatever a server (or a proxy in front of it) sends back — malformed or truncated JSON, the wrong types, huge
strings, bytes that are not UTF-8, any status code, next-page links that loop or point elsewhere — the client
either returns a well-typed result or raises a DynamicsError whose message a person can read. Never a raw
KeyError, TypeError, JSONDecodeError, UnicodeDecodeError or RecursionError, and never a request (with the
bearer token) to a host other than the org's.

Responses are built in-process (httpx.Response, httpx.MockTransport): this file tests one module's parsing.
"""

import asyncio
import json
import math
import re
import ssl

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campsync_gui.dynamics.answers import created_id, json_object
from campsync_gui.dynamics.client import DataverseClient, RetryPolicy
from campsync_gui.dynamics.entities import Campaign, MarketingList, Person
from campsync_gui.dynamics.errors import (DynamicsError, MalformedResponse, ServiceError, Throttled,
                                          error_from_response, parse_envelope, parse_retry_after)

FUZZ = settings(max_examples=200, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
ORG = "https://contoso.crm4.dynamics.com"
API = ORG + "/api/data/v9.2/"
GUID = "6f1d2c3b-0a4e-4b5c-8d7e-112233445566"
GUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_MESSAGE = 2000
SSL_CONTEXT = ssl.create_default_context()  # never used to connect: the transport is a mock

# ---- strategies --------------------------------------------------------------------------------------------

scalars = (st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False, allow_infinity=False)
           | st.text(max_size=30) | st.sampled_from(["0", "1", "4", "true", "false", "1.5", "", GUID, "null"]))
json_values = st.recursive(scalars, lambda kids: st.lists(kids, max_size=3)
                           | st.dictionaries(st.text(max_size=6), kids, max_size=3), max_leaves=6)

ROW_KEYS = ["campaignid", "name", "codename", "statecode", "statuscode", "istemplate", "leadid", "contactid",
            "firstname", "lastname", "emailaddress1", "companyname", "jobtitle", "address1_country",
            "_parentcustomerid_value@OData.Community.Display.V1.FormattedValue", "listid", "listname",
            "createdfromcode", "type", "lockstatus", "Id", "Version", "UserId", "uniquename", "version"]
rows = st.dictionaries(st.sampled_from(ROW_KEYS), json_values | st.just(GUID), max_size=10)
# A well-formed row is mostly what a real org sends: lean the fuzz towards near-misses of it.
good_campaign = {"campaignid": GUID, "name": "Spring", "codename": "CMP-1", "statecode": 0, "statuscode": 2,
                 "istemplate": False}
good_lead = {"leadid": GUID, "firstname": "Ada", "lastname": "Lovelace", "emailaddress1": "ada@example.org"}
good_list = {"listid": GUID, "listname": "CampSync-leads-x", "createdfromcode": 4, "type": False,
             "lockstatus": False, "statecode": 0}


@st.composite
def near_misses(draw, good):
    row = dict(good)
    for key in draw(st.lists(st.sampled_from(sorted(good)), max_size=3, unique=True)):
        if draw(st.booleans()):
            del row[key]
        else:
            row[key] = draw(json_values)
    return row


any_rows = rows | near_misses(good_campaign) | near_misses(good_lead) | near_misses(good_list) | json_values


def serialised(value) -> bytes:
    return json.dumps(value).encode()


@st.composite
def truncated(draw, values):
    data = serialised(draw(values))
    return data[:draw(st.integers(0, max(0, len(data) - 1)))]


@st.composite
def pages(draw):
    page = {"value": draw(st.lists(any_rows, max_size=4) | json_values)}
    if draw(st.booleans()):
        page["@odata.nextLink"] = draw(st.just(API + "leads?$skiptoken=2") | json_values)
    return page


envelopes = st.builds(lambda code, message: {"error": {"code": code, "message": message}}, json_values, json_values)
plausible = pages() | envelopes | any_rows

bodies = st.one_of(
    plausible.map(serialised),
    truncated(plausible),
    st.binary(max_size=300),
    st.text(max_size=200).map(lambda t: t.encode("utf-8")),
    plausible.map(lambda v: json.dumps(v, ensure_ascii=False).encode("utf-16")),      # not UTF-8
    st.text(alphabet="äöüéèçß€", max_size=50).map(lambda t: f'{{"x":"{t}"}}'.encode("latin-1", "replace")),
    st.integers(1, 200_000).map(lambda n: b"[" * n + b"]" * n),                       # deeply nested
    st.integers(1, 50_000).map(lambda n: b'{"a":' * n + b"1" + b"}" * n),
    st.sampled_from([b"", b"null", b"[]", b"\"text\"", b"1e999", b"NaN", b"<html><body>Bad gateway</body></html>"]),
    st.just(serialised({"error": {"code": "0x80040217", "message": "x" * 2_000_000}})),  # huge strings
    st.just(serialised({"error": {"code": "0x1", "message": "line1\n\x1b[2J\x00\x07 bell"}})),
)
statuses = st.integers(100, 599)
header_text = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=60)


def response(status, body, headers=None, method="GET", url=API + "leads"):
    return httpx.Response(status, content=body, headers=headers or {}, request=httpx.Request(method, url))


def assert_readable(exc: BaseException) -> None:
    """A DynamicsError whose message is a short, printable sentence (it reaches a dialog or a terminal)."""
    assert isinstance(exc, DynamicsError), f"{type(exc).__name__} escaped: {exc!r}"[:500]
    message = exc.message
    assert isinstance(message, str) and message.strip(), "empty message"
    assert str(exc) == message
    assert len(message) <= MAX_MESSAGE, f"message of {len(message)} characters"
    assert not CONTROL.search(message), f"control characters in {message[:200]!r}"


def outcome(call):
    """Run `call`; return its result, or None after checking that what it raised is a readable DynamicsError."""
    try:
        return call()
    except Exception as exc:  # noqa: BLE001 - the property under test is what escapes
        assert_readable(exc)
        return None


# ---- single-response parsers -----------------------------------------------------------------------------


@FUZZ
@given(status=statuses, body=bodies)
def test_json_returns_an_object_or_a_readable_error(status, body):
    data = outcome(lambda: json_object(response(status, body)))
    assert data is None or isinstance(data, dict)


@FUZZ
@given(status=st.sampled_from([200, 201, 204]), body=bodies | st.just(b""),
       entity_id=st.one_of(st.none(), header_text, st.just(f"{API}leads({GUID})"), st.just(f"{API}leads()"),
                           header_text.map(lambda t: f"{API}leads({t})")))
def test_created_id_is_a_guid_or_a_readable_error(status, body, entity_id):
    headers = {"OData-EntityId": entity_id} if entity_id is not None else {}
    new_id = outcome(lambda: created_id(response(status, body, headers, "POST")))
    assert new_id is None or GUID_RE.fullmatch(new_id), new_id


def test_created_id_reads_the_header_and_the_body():
    assert created_id(response(204, b"", {"OData-EntityId": f"{API}leads({GUID})"}, "POST")) == GUID
    assert created_id(response(201, serialised({"leadid": GUID, "x": 1}), {}, "POST")) == GUID
    with pytest.raises(MalformedResponse, match="did not say its id"):
        created_id(response(204, b"", {"OData-EntityId": f"{API}leads()"}, "POST"))


@FUZZ
@given(body=bodies)
def test_parse_envelope_never_raises(body):
    code, message = parse_envelope(body)
    assert code is None or isinstance(code, str)
    assert message is None or isinstance(message, str)


@FUZZ
@given(status=st.integers(400, 599), body=bodies, retry_after=st.none() | header_text,
       request_id=st.none() | header_text, method=st.sampled_from(["GET", "POST", "DELETE", "PATCH"]),
       url=st.just(API + "lists(1)/Microsoft.Dynamics.CRM.AddMemberList") | st.text(max_size=300))
def test_error_responses_become_readable_typed_errors(status, body, retry_after, request_id, method, url):
    headers = httpx.Headers({k: v for k, v in (("Retry-After", retry_after),
                                               ("x-ms-service-request-id", request_id)) if v is not None})
    err = error_from_response(status, body, headers, method, url)
    assert isinstance(err, ServiceError) and err.status == status
    assert_readable(err)
    assert isinstance(err.retryable, bool)
    if isinstance(err, Throttled):
        assert err.retry_after is None or (math.isfinite(err.retry_after) and err.retry_after >= 0)


def test_error_message_keeps_the_servers_words_but_not_its_control_characters():
    body = serialised({"error": {"code": "0x1", "message": "List\x1b[2J is\x00 locked\n(try later)"}})
    err = error_from_response(400, body, httpx.Headers(), "POST", API + "AddListMembersList")
    assert err.message == ("Dynamics rejected the request (HTTP 400): List[2J is locked (try later) "
                           "[POST AddListMembersList]")


@FUZZ
@given(value=st.none() | st.text(max_size=20)
       | st.sampled_from(["nan", "inf", "-inf", "1e999", "-5", "7", "2.5", "Wed, 21 Oct 2015 07:28:00 GMT"]))
def test_retry_after_is_none_or_finite_seconds(value):
    seconds = parse_retry_after(value)
    assert seconds is None or (isinstance(seconds, float) and math.isfinite(seconds) and seconds >= 0)


# ---- entity parsing --------------------------------------------------------------------------------------


def _is_opt_str(value) -> bool:
    return value is None or isinstance(value, str)


@FUZZ
@given(row=any_rows)
def test_campaign_rows_parse_to_typed_campaigns_or_a_readable_error(row):
    campaign = outcome(lambda: Campaign.from_json(row))
    if campaign is not None:
        assert isinstance(campaign.id, str) and campaign.id
        assert isinstance(campaign.name, str) and _is_opt_str(campaign.code)
        assert isinstance(campaign.statecode, int) and isinstance(campaign.statuscode, int)
        assert isinstance(campaign.is_template, bool) and isinstance(campaign.active, bool)
        assert isinstance(campaign.status_label, str) and campaign.to_dict()["id"] == campaign.id


@FUZZ
@given(row=any_rows, kind=st.sampled_from(["lead", "contact"]))
def test_person_rows_parse_to_typed_people_or_a_readable_error(row, kind):
    if isinstance(row, dict) and kind == "contact" and "leadid" in row:
        row = {**row, "contactid": row["leadid"]}
    person = outcome(lambda: Person.from_json(kind, row))
    if person is not None:
        assert isinstance(person.id, str) and person.id and person.kind == kind
        assert isinstance(person.first_name, str) and isinstance(person.last_name, str)
        assert all(_is_opt_str(v) for v in (person.email, person.company, person.job_title, person.country))
        assert isinstance(person.name, str)


@FUZZ
@given(row=any_rows)
def test_list_rows_parse_to_typed_lists_or_a_readable_error(row):
    lst = outcome(lambda: MarketingList.from_json(row))
    if lst is not None:
        assert isinstance(lst.id, str) and lst.id and isinstance(lst.name, str)
        assert isinstance(lst.createdfromcode, int) and isinstance(lst.member_type, str)
        assert all(isinstance(v, bool) for v in (lst.is_dynamic, lst.locked, lst.active))


def test_wrong_types_are_read_as_dataverse_means_them_or_refused():
    lst = MarketingList.from_json({**good_list, "createdfromcode": "4", "lockstatus": "false", "type": 0})
    assert (lst.createdfromcode, lst.locked, lst.is_dynamic, lst.member_type) == (4, False, False, "lead")
    assert Campaign.from_json({**good_campaign, "statecode": "1", "statuscode": None}).active is False
    with pytest.raises(MalformedResponse, match="campaignid"):
        Campaign.from_json({"name": "no id"})
    with pytest.raises(MalformedResponse, match="statecode"):
        Campaign.from_json({**good_campaign, "statecode": "active"})
    with pytest.raises(MalformedResponse, match="lockstatus"):
        MarketingList.from_json({**good_list, "lockstatus": "maybe"})


# ---- the request loop and paging, over a mock transport --------------------------------------------------


class FakeTokens:
    def __init__(self):
        self.forced = 0

    async def get_token(self, *, force_refresh: bool = False) -> str:
        self.forced += force_refresh
        return "fake-token"

    def close(self) -> None:
        pass


def run_client(answers, call, retry=None):
    """Serve `answers` (status, body, headers) in order, then empty pages; return (result or None, requests, sleeps)."""
    seen: list[httpx.Request] = []
    sleeps: list[float] = []
    queue = list(answers)

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) > 40:
            raise AssertionError("the client keeps asking: a loop")
        status, body, headers = queue.pop(0) if queue else (200, b'{"value":[]}', {})
        return httpx.Response(status, content=body, headers=headers)

    async def no_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async def main():
        client = DataverseClient(ORG, FakeTokens(), ssl_context=SSL_CONTEXT, sleep=no_sleep,
                                 retry=retry or RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.02),
                                 transport=httpx.MockTransport(handler))
        try:
            return await call(client)
        finally:
            await client.aclose()

    result = outcome(lambda: asyncio.run(main()))
    assert all(r.url.host == "contoso.crm4.dynamics.com" for r in seen), \
        f"a request (with the bearer token) went to {[str(r.url)[:80] for r in seen]}"
    return result, seen, sleeps


reply_headers = st.one_of(st.just({}), st.fixed_dictionaries({"Retry-After": header_text}),
                          st.fixed_dictionaries({"Content-Encoding": st.sampled_from(["gzip", "deflate", "br", "x"])}))
short_bodies = st.binary(max_size=80) | st.sampled_from([
    b"", b"{}", b'{"value":[]}', b'{"error":{"code":"0x80072322","message":"Number of requests exceeded"}}',
    b'{"error":{"code":"0x8004', b"<html>502 Bad Gateway</html>", b"[" * 5000])
answers = st.tuples(statuses, short_bodies, reply_headers)  # the loop's concern is statuses and headers


@FUZZ
@given(replies=st.lists(answers, min_size=1, max_size=12))
def test_request_returns_a_success_or_raises_a_readable_error(replies):
    policy = RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.02, max_throttle_waits=3)
    result, seen, sleeps = run_client(replies, lambda c: c.request("GET", "WhoAmI"), policy)
    assert result is None or result.status_code < 400
    assert len(seen) <= policy.max_attempts + policy.max_throttle_waits + 2  # bounded retries, one 401 refresh
    assert all(math.isfinite(s) and 0 <= s <= policy.max_retry_after for s in sleeps)


def test_a_body_that_does_not_match_its_content_encoding_is_retried_then_reported():
    broken = (200, b"not gzip at all", {"Content-Encoding": "gzip"})
    _, seen, _ = run_client([broken] * 3, lambda c: c.request("GET", "WhoAmI"))
    assert len(seen) == 3  # retried like a dropped connection, then given up with a message (checked readable)
    result, seen, _ = run_client([broken, (200, b"{}", {})], lambda c: c.get_json("WhoAmI"))
    assert result == {} and len(seen) == 2


next_links = st.one_of(
    st.just(API + "leads?$skiptoken=2"), st.just(API + "leads?$skiptoken=3"), st.just("leads?$skiptoken=4"),
    st.just("https://evil.example/api/data/v9.2/leads?$skiptoken=2"), st.just("http://contoso.crm4.dynamics.com/x"),
    st.just("https://contoso.crm4.dynamics.com.evil.example/x"), st.just("//evil.example/x"), json_values)


@st.composite
def page_bodies(draw):
    page = {"value": draw(st.lists(any_rows, max_size=3) | json_values)}
    if draw(st.booleans()):
        page["@odata.nextLink"] = draw(next_links)
    return serialised(page) if draw(st.integers(0, 9)) else draw(bodies)


@FUZZ
@given(replies=st.lists(st.tuples(st.just(200) | statuses, page_bodies(), st.just({})), min_size=1, max_size=6))
def test_paging_yields_lists_of_rows_ends_and_stays_on_the_org(replies):
    async def collect(client):
        got = []
        async for page in client.iter_pages("leads", {"$select": "leadid"}):
            assert isinstance(page, list) and all(isinstance(row, dict) for row in page)
            got.append(page)
        return got

    run_client(replies, collect)


def test_a_next_link_that_repeats_is_refused_not_followed_forever():
    page = serialised({"value": [good_lead], "@odata.nextLink": API + "leads?$skiptoken=2"})
    with pytest.raises(MalformedResponse, match="same next-page link"):
        asyncio.run(_pages_of([(200, page, {})] * 5))


def test_a_next_link_to_another_host_is_refused():
    page = serialised({"value": [], "@odata.nextLink": "https://evil.example/api/data/v9.2/leads?$skiptoken=2"})
    with pytest.raises(MalformedResponse, match="evil.example"):
        asyncio.run(_pages_of([(200, page, {})]))


async def _pages_of(replies):
    queue = list(replies)

    def handler(request):
        assert request.url.host == "contoso.crm4.dynamics.com"
        status, body, headers = queue.pop(0) if queue else (200, b'{"value":[]}', {})
        return httpx.Response(status, content=body, headers=headers)

    async with DataverseClient(ORG, FakeTokens(), ssl_context=SSL_CONTEXT,
                               transport=httpx.MockTransport(handler)) as client:
        return [page async for page in client.iter_pages("leads")]


CALLS = {
    "campaigns": lambda c: c.campaigns(),
    "campaign": lambda c: c.campaign(GUID),
    "leads": lambda c: _all(c.iter_people("lead")),
    "contacts": lambda c: _all(c.iter_people("contact")),
    "get_list": lambda c: c.get_list(GUID),
    "find_list": lambda c: c.find_list("CampSync-leads-x"),
    "create_list": lambda c: c.create_list("CampSync-leads-x", "lead"),
    "add_member": lambda c: c.add_member(GUID, GUID),
    "whoami": lambda c: c.whoami(),
    "version": lambda c: c.version(),
    "solution": lambda c: c.solution("Marketo Lead Management"),
}


async def _all(pages):
    return [item async for page in pages for item in page]


@FUZZ
@given(name=st.sampled_from(sorted(CALLS)), status=st.just(200) | st.just(204) | statuses,
       body=page_bodies() | bodies,
       headers=st.just({}) | st.fixed_dictionaries({"OData-EntityId": st.just(f"{API}lists({GUID})") | header_text}))
def test_client_operations_return_typed_results_or_readable_errors(name, status, body, headers):
    result, _, _ = run_client([(status, body, headers)], CALLS[name])
    if name == "create_list" and result is not None:
        assert GUID_RE.fullmatch(result)
    if name in ("whoami",) and result is not None:
        assert isinstance(result, dict)
    if name == "version" and result is not None:
        assert isinstance(result, str)


@pytest.mark.parametrize("call", [lambda c: c.listmember_ids(GUID, GUID), lambda c: c.list_member_ids(GUID)],
                         ids=["listmember_ids", "list_member_ids"])
def test_list_member_rows_without_their_ids_give_a_readable_error(call):
    run_client([(200, serialised({"value": [{"unexpected": 1}]}), {})], call)
