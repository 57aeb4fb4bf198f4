"""Email lookups grouped in $batch: the In() GETs that find people by email travel in one request per table, pages
followed in the next batch; an org without $batch gets plain GETs, and the client remembers it. Counted with the
sandbox's request log, where a $batch is one record and its GETs ride along in `parts`."""

from campsync_gui.dynamics.batch import batch_get
from campsync_gui.dynamics.errors import NotFound, PermissionDenied

from test_engine_creates import campaign_id, drop, engine, local_people, org_leads  # noqa: F401  (fixture)

MISSING = "11111111-2222-3333-4444-555555555555"


def batches(records):
    return [r for r in records if r.path.endswith("/$batch")]


def lookups(records):
    """The GETs that looked people up by email, wherever they travelled."""
    return [p for r in records for p in (r.parts or (r,)) if r.method in ("GET", "POST")
            and p.method == "GET" and "emailaddress1" in p.path]


async def test_implied_sync_looks_new_people_up_in_one_batch_for_both_tables(org, engine):
    people = local_people(engine, 1500)
    engine.implied_sync.create_batch = 1000
    before = len(org.request_log)
    _, _, report = await drop(engine, people, campaign_id(org))
    calls = [r for r in org.request_log[before:] if "/api/data/" in r.path]

    assert report.done == 1500 and report.failed == 0
    created = org_leads(org)
    assert len(created) == 1500 and all(len(rows) == 1 for rows in created.values()), "one lead per person"
    assert not [r for r in calls if r.method == "GET" and "emailaddress1" in r.path], "no lookup sent on its own"
    found_by = batches(calls)
    # One claim of the queue: its people looked up among leads and contacts in one round trip.
    assert len(found_by) == 1, "one $batch for the leads' and the contacts' lookups"
    assert all(p.status == 200 and "emailaddress1" in p.path for r in found_by for p in r.parts)
    assert {p.path.split("?")[0].rsplit("/", 1)[-1] for p in found_by[0].parts} == {"leads", "contacts"}
    gets = sum(len(r.parts) for r in found_by)
    assert gets >= 2 * len(found_by), "several GETs share each round trip"
    print(f"\n1,500 new people: {len(calls)} requests; the {gets} lookups by email in {len(found_by)} $batch "
          f"({[len(r.parts) for r in found_by]} GETs); without $batch: {len(calls) - len(found_by) + gets}")


async def test_a_lead_created_before_a_crash_is_found_through_the_batch_not_created_twice(org, engine):
    people = local_people(engine, 25)
    earlier = {p.email: org.state.create("leads", {"lastname": p.last_name, "emailaddress1": p.email})["leadid"]
               for p in people[:10]}
    before = len(org.request_log)
    _, _, report = await drop(engine, people, campaign_id(org))
    assert report.done == 25
    created = org_leads(org)
    assert len(created) == 25 and all(len(rows) == 1 for rows in created.values()), "no duplicate lead"
    assert all(created[email][0]["leadid"] == lead_id for email, lead_id in earlier.items())
    assert batches(org.request_log[before:]) and lookups(org.request_log[before:])


async def test_pages_of_each_lookup_are_followed_in_the_next_batch(org, client):
    emails = [f"paged.{i}@example.org" for i in range(7)]
    ids = {e: org.state.create("leads", {"lastname": "Paged", "emailaddress1": e})["leadid"] for e in emails}
    org.knobs.page_size = 2
    before = len(org.request_log)
    found = await client.find_people_by_email("lead", emails, chunk=4)  # two GETs: 4 emails, then 3
    assert {email: person.id for email, person in found.items()} == ids
    sent = batches(org.request_log[before:])
    assert [len(r.parts) for r in sent] == [2, 2], "pages 1 of both GETs, then pages 2 of both"
    assert all("$skiptoken" in p.path for p in sent[1].parts)
    assert len([r for r in org.request_log[before:] if "/api/data/" in r.path]) == 2


async def test_an_org_without_batch_gets_plain_gets_and_the_client_remembers(org, client):
    emails = [f"plain.{i}@example.org" for i in range(5)]
    ids = {e: org.state.create("leads", {"lastname": "Plain", "emailaddress1": e})["leadid"] for e in emails}
    org.knobs.batch_refused = True
    before = len(org.request_log)
    first = await client.find_people_by_email("lead", emails, chunk=2)
    second = await client.find_people_by_email("lead", emails, chunk=2)
    assert {e: p.id for e, p in first.items()} == ids == {e: p.id for e, p in second.items()}
    calls = [(r.method, r.path.split("?")[0].rsplit("/", 1)[-1], r.status) for r in org.request_log[before:]
             if "/api/data/" in r.path]
    assert calls == [("POST", "$batch", 404)] + [("GET", "leads", 200)] * 6, "asked once, then plain GETs"


async def test_a_get_that_fails_in_a_batch_raises_what_it_raises_on_its_own(org, client):
    lead = next(iter(org.state.leads))
    answers = await batch_get(client, [f"leads({lead})?$select=lastname", "WhoAmI"])
    assert answers[0].body["leadid"] == lead and answers[1].body["UserId"] == org.identity.user_id
    try:
        await batch_get(client, ["WhoAmI", f"leads({MISSING})"])
    except NotFound as exc:
        assert exc.is_about(MISSING) and "Does Not Exist" in exc.message
    else:
        raise AssertionError("a missing lead in a batch raises NotFound")
    org.knobs.denied = {"leads"}
    try:
        await batch_get(client, ["leads?$top=1"])
    except PermissionDenied as exc:
        assert "prvReadLead" in exc.message
    else:
        raise AssertionError("a GET the caller may not make raises PermissionDenied")
