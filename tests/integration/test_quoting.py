"""Hostile values in every filter CampSync writes, against the sandbox org over HTTPS (issue 12, quoting).

Apostrophes are legal in emails. Dataverse reads a single string literal the OData way (`'o''neil'`) but the
values of an In() array as JSON, and answers `''` inside the array with 400 "Invalid JSON": the engine then
failed a whole campaign group. Here each hostile value goes out through the client and must come back as itself,
and every In() array that reached the org must be strict JSON (what a real org reads), whatever the sandbox's own
leniency.
"""

import itertools
import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlmodel import Session

from campsync_gui.core import flows
from campsync_gui.core.applists import app_list_name
from campsync_gui.core.engine import SyncEngine
from campsync_gui.core.models import Person
from campsync_gui.core.pull import refresh_campaigns
from campsync_gui.core.store import open_store
from campsync_gui.sandbox.errors import SandboxError
from campsync_gui.sandbox.filter_json import scan_array

# Few examples, each a handful of requests: the suite stays quick, and hypothesis shrinks a failure to the
# smallest value that breaks.
AGAINST_ORG = settings(max_examples=40, deadline=None, database=None,
                       suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
IN_ARRAY = "PropertyValues="
HOSTILE_CHARS = (list("'\"\\%&#+;,()[]=$@/?:!*~") + list("éÉüßçøñÅ中文العربية")
                 + ["😀", "🎉", "\u200d", "ﬁ", "€"])
local_part = st.text(alphabet=st.sampled_from(HOSTILE_CHARS) | st.characters(codec="ascii", categories=("L", "N")),
                     min_size=1, max_size=30)
HOSTILE_EXAMPLES = ["o'neil", "o''neil", "'", '"', "\\", "\\u00e9", "a%20b", "a+b", "a&b", "a#b", "a;b",
                    "zoë😀", "d'artagnan\"the\\musketeer"]


def lookup_arrays(org, since):
    """The In() arrays of the lookups that reached the org, read as Dataverse reads them (JSON; plain values may
    be single-quoted; `''` is invalid)."""
    arrays = []
    # A $batch carries the lookups: each of its operations is a record of its own (RequestRecord.parts).
    for record in (part for outer in org.request_log[since:] for part in (outer.parts or (outer,))):
        if record.method == "GET" and IN_ARRAY in record.path:
            start = record.path.index(IN_ARRAY) + len(IN_ARRAY)
            try:
                arrays.append(scan_array(record.path, start)[0])
            except SandboxError as exc:
                raise AssertionError(f"an In() array that Dataverse answers 400 Invalid JSON: {record.path}") from exc
    return arrays


UNIQUE = itertools.count(1)  # the org is reset per test, not per example: each example's values are its own


@AGAINST_ORG
@given(local=local_part)
@example(local="o'neil")
@example(local='say"hi\\')
@example(local="x" * 2000)  # very long: a group of its own, URL still accepted
async def test_hostile_values_round_trip_through_every_filter_builder(org, client, local):
    n = next(UNIQUE)
    email = f"{local}.{n}@example.org"
    lead = org.state.create("leads", {"lastname": "Hostile", "emailaddress1": email})
    before = len(org.request_log)

    # Padded with spaces, as imports sometimes are: found all the same, keyed by the lower-cased email.
    found = await client.find_people_by_email("lead", [f"  {email} ", "nobody@example.invalid"])
    assert set(found) == {email.lower()} and found[email.lower()].id == lead["leadid"]
    assert lookup_arrays(org, before) == [sorted(["nobody@example.invalid", email.lower()])]

    name = f" {local} list {n} "  # leading and trailing spaces kept in a list name
    list_id = await client.create_list(name, "lead")
    assert (await client.find_list(name)).id == list_id
    assert await client.solution(local) is None, "a hostile solution name is a query, not a 400"
    assert await client.listmember_ids(list_id, lead["leadid"]) == []


@pytest.mark.parametrize("local", HOSTILE_EXAMPLES)
async def test_each_hostile_email_is_found_among_many(org, client, local):
    emails = [f"{local}.{i}@example.org" for i in range(5)]
    ids = {e.lower(): org.state.create("leads", {"lastname": "Many", "emailaddress1": e})["leadid"] for e in emails}
    before = len(org.request_log)
    found = await client.find_people_by_email("lead", [e.upper() if e.isascii() else e for e in emails], chunk=2)
    assert {email: person.id for email, person in found.items()} == ids
    calls = [r for r in org.request_log[before:] if "/api/data/" in r.path]
    assert [(r.path.rsplit("/", 1)[-1], r.status) for r in calls] == [("$batch", 200)], "one request"
    assert [r.status for r in calls[0].parts] == [200, 200, 200], "three lookups, none refused"
    assert sum(lookup_arrays(org, before), []) == sorted(ids)


def test_the_org_answers_doubled_quotes_in_an_array_with_400_invalid_json(dv):
    flt = "Microsoft.Dynamics.CRM.In(PropertyName='emailaddress1',PropertyValues=['o''neil@example.org'])"
    response = dv.get("leads", params={"$select": "leadid", "$filter": flt})
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("Invalid JSON.")
    flt = "Microsoft.Dynamics.CRM.NotIn(PropertyName='lastname',PropertyValues=['a','b''c'])"
    assert dv.get("leads", params={"$select": "leadid", "$filter": flt}).status_code == 400


def test_the_org_accepts_json_strings_with_escapes_and_url_delimiters(org, dv):
    email = 'o\'neil+"tag"%20&#;\\é😀@example.org'
    lead = org.state.create("leads", {"lastname": "Escapes", "emailaddress1": email})
    # httpx percent-encodes the parameter: %, &, #, + and unicode arrive as they were written.
    for written in (json.dumps(email), json.dumps(email, ensure_ascii=False)):
        flt = f"Microsoft.Dynamics.CRM.In(PropertyName='emailaddress1',PropertyValues=[{written},\"x@y.z\"])"
        rows = dv.get("leads", params={"$select": "leadid", "$filter": flt}).json()["value"]
        assert [r["leadid"] for r in rows] == [lead["leadid"]]
    single = "emailaddress1 eq '" + email.replace("'", "''") + "'"  # a single literal keeps doubled quotes
    rows = dv.get("leads", params={"$select": "leadid", "$filter": single}).json()["value"]
    assert [r["leadid"] for r in rows] == [lead["leadid"]]


# ---- the engine: people with apostrophes in their emails are added, found or created once ----------------------

@pytest.fixture
async def engine(org, client, tmp_path):
    store = open_store(tmp_path / "campsync.db")
    await refresh_campaigns(store, client)
    return SyncEngine(store, client, scope="t")


async def test_people_with_apostrophes_are_added_existing_found_new_created_once(org, engine):
    emails = [f"o'neil.{i}@example.org" for i in range(6)] + ["d'arcy@example.org", "plain.quote@example.org",
                                                              "\"quoted\"@example.org", "zoë.o'hara@example.org"]
    existing = {e: org.state.create("leads", {"lastname": "Existing", "emailaddress1": e})["leadid"]
                for e in emails[::2]}  # half are in Dynamics already, not yet linked in CampSync
    people = [Person(first_name="Ann", last_name=f"O'Neil {i}", email=e, company="Acme")
              for i, e in enumerate(emails)]
    with Session(engine.db) as s:
        s.add_all(people)
        s.commit()
        for person in people:
            s.refresh(person)
    campaign = sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                      key=lambda r: r["name"])[0]["campaignid"]
    before = len(org.request_log)

    plan = engine.plan(people, engine.campaign_record(campaign), flows.ADD)
    request_id = engine.enqueue(plan, origin="test")
    report = await engine.run()

    assert report.done == len(emails) and report.failed == 0, [r.reason for r in engine.rows_of(request_id)]
    leads = {}
    for row in org.state.leads.values():
        if row["emailaddress1"] in emails:
            leads.setdefault(row["emailaddress1"], []).append(row["leadid"])
    assert all(len(ids) == 1 for ids in leads.values()) and set(leads) == set(emails), "each person once"
    assert all(leads[e] == [lead_id] for e, lead_id in existing.items()), "existing leads found, not re-created"
    members = org.state.members_of(org.state.find_list(app_list_name("CampSync", "lead", campaign))["listid"])
    assert members == {ids[0] for ids in leads.values()}
    assert not [r for r in org.request_log[before:] if r.status == 400], "no request refused"
    assert sorted(e.lower() for e in emails) == sorted(sum(lookup_arrays(org, before)[:1], []))

    # Asked again: nobody is created a second time, and nobody is added twice.
    again = engine.plan(people, engine.campaign_record(campaign), flows.ADD)
    engine.enqueue(again, origin="test")
    await engine.run()
    assert sum(1 for row in org.state.leads.values() if row["emailaddress1"] in emails) == len(emails)
