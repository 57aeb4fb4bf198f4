"""The sandbox's change tracking answers as Dataverse documents it ("Use change tracking to synchronize data with
external systems"), refusals in Dataverse's words and codes (ChangeTrackingNotEnabledForEntity, ExpiredVersionStamp).
"""

import json
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from starlette.requests import Request

from campsync_gui.sandbox import change_log, change_tracking
from campsync_gui.sandbox.errors import SandboxError
from campsync_gui.sandbox.knobs import Knobs
from campsync_gui.sandbox.schema import CAMPAIGNS, LEADS
from campsync_gui.sandbox.state import State

URL = "https://sandbox.test"


@pytest.fixture(scope="module")
def seeded():
    return State(seed=42)


@pytest.fixture
def ctx(seeded):
    seeded.load(42)
    return SimpleNamespace(knobs=Knobs(), state=seeded, url=URL, api_base=f"{URL}/api/data/v9.2")


def get(ctx, entity, query, prefer="odata.track-changes"):
    scope = {"type": "http", "method": "GET", "path": f"/api/data/v9.2/{entity.set_name}",
             "query_string": query.encode(), "headers": [(b"prefer", prefer.encode())] if prefer else []}
    response = change_tracking.tracked_query(ctx, Request(scope), entity)
    return json.loads(response.body), response.headers


def follow(ctx, link, prefer=""):
    return get(ctx, LEADS, urlsplit(link).query, prefer)


def refusal(ctx, entity, query, prefer="odata.track-changes"):
    with pytest.raises(SandboxError) as caught:
        get(ctx, entity, query, prefer)
    return caught.value.status, caught.value.code, caught.value.message


@pytest.mark.parametrize("option", ["$filter=statecode eq 0", "$orderby=lastname", "$expand=owninguser",
                                    "$top=5"])
def test_change_tracking_refuses_filter_orderby_expand_top_in_dataverse_words(ctx, option):
    name = option.split("=", 1)[0]
    status, _code, message = refusal(ctx, LEADS, f"$select=lastname&{option}")
    assert (status, message) == (400, f'The "{name}" query parameter isn\'t supported when Change Tracking is enabled.')


def test_change_tracking_on_a_table_without_it_is_refused_as_dataverse_does(ctx):
    assert refusal(ctx, CAMPAIGNS, "$select=name") == (
        400, "0x80072491", "Entity campaign isn't enabled for change tracking.")
    ctx.knobs.change_tracking = {"contact"}
    assert refusal(ctx, LEADS, "$select=lastname")[1:] == (
        "0x80072491", "Entity lead isn't enabled for change tracking.")


@pytest.mark.parametrize("token", ["nonsense", "12!", "919042%2108%2f22%2f2017"])
def test_change_tracking_unknown_delta_token_is_expired_version_stamp(ctx, token):
    assert refusal(ctx, LEADS, f"$select=lastname&$deltatoken={token}", prefer="") == (
        400, "0x80044352", "Version stamp associated with the client has expired. Please perform a full sync.")


def test_change_tracking_token_of_reset_data_is_expired(ctx):
    body, _ = get(ctx, LEADS, "$select=lastname")
    ctx.state.load(42)  # seeded again: a new generation of data
    assert refusal(ctx, LEADS, urlsplit(body["@odata.deltaLink"]).query, prefer="")[1] == "0x80044352"


def test_change_tracking_pages_end_with_a_delta_link_that_returns_changes_and_deletions(ctx):
    ctx.knobs.page_size = 120
    body, headers = get(ctx, LEADS, "$select=firstname,lastname")
    assert headers["Preference-Applied"] == "odata.track-changes"
    pages = [body]
    while "@odata.nextLink" in pages[-1]:
        assert "@odata.deltaLink" not in pages[-1]
        pages.append(follow(ctx, pages[-1]["@odata.nextLink"], "odata.track-changes")[0])
    seen = [row["leadid"] for page in pages for row in page["value"]]
    assert sorted(seen) == sorted(ctx.state.leads) and len(pages) == 3
    link = pages[-1]["@odata.deltaLink"]
    assert link.startswith(f"{URL}/api/data/v9.2/leads?$select=firstname,lastname&$deltatoken=")
    assert follow(ctx, link)[0]["value"] == []

    changed, deleted = seen[0], seen[1]
    ctx.state.update("leads", changed, {"firstname": "Changed"})
    ctx.state.delete("leads", deleted)
    delta, _ = follow(ctx, link)
    assert delta["@odata.context"] == f"{URL}/api/data/v9.2/$metadata#leads(firstname,lastname)/$delta"
    assert [(r["leadid"], r["firstname"]) for r in delta["value"] if "leadid" in r] == [(changed, "Changed")]
    assert [r for r in delta["value"] if "leadid" not in r] == [
        {"@odata.context": f"{URL}/api/data/v9.2/$metadata#leads/$deletedEntity", "id": deleted, "reason": "deleted"}]
    assert follow(ctx, delta["@odata.deltaLink"])[0]["value"] == [], "the new link starts after these changes"


def test_change_tracking_forgets_old_deletions_and_then_refuses_old_tokens(monkeypatch):
    monkeypatch.setattr(change_log, "MAX_TOMBSTONES", 2)
    log = change_log.ChangeLog()
    for version, record in ((10, "a"), (11, "b"), (12, "c")):
        log.deleted("leads", record, version)
    assert log.deleted_since("leads", 10) == ["b", "c"]
    assert log.serves("leads", log.generation, 10) and not log.serves("leads", log.generation, 9)
    assert not log.serves("leads", "other", 12)


def test_change_tracking_tables_carry_the_capabilities_annotation_in_metadata():
    import xml.etree.ElementTree as ET

    from campsync_gui.sandbox.api_metadata import EDM, csdl

    root = ET.fromstring(csdl(set(), {"lead"}))
    annotated = {s.get("Name") for s in root.iter(f"{{{EDM}}}EntitySet")
                 if any(a.get("Term") == "Org.OData.Capabilities.V1.ChangeTracking" for a in s)}
    assert annotated == {"leads"}
