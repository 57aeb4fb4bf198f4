"""Small pure pieces of the client: OData quoting, query strings, versions, campaign state."""

from campsync_gui.dynamics.client import build_query, chunked, odata_quote
from campsync_gui.dynamics.entities import Campaign, version_tuple


def test_odata_quote_doubles_single_quotes():
    assert odata_quote("O'Bryan") == "'O''Bryan'"


def test_query_keeps_dollar_keys_and_encodes_unsafe_characters():
    q = build_query({"$filter": "emailaddress1 eq 'a+b@x.com'", "$top": None, "$select": "leadid"})
    assert q.startswith("?$filter=emailaddress1%20eq%20'a%2Bb@x.com'")
    assert q.endswith("&$select=leadid") and "$top" not in q


def test_versions_compare_numerically():
    assert version_tuple("4.10.0.0") > version_tuple("4.2.0.0")
    assert version_tuple("4.2") == (4, 2, 0, 0)
    assert version_tuple("5.0.2.1") >= version_tuple("4.2.0.0") > version_tuple("4.1.9.9")


def test_inactive_campaign_is_statecode_one():
    row = {"campaignid": "c1", "name": "Old", "statecode": 1, "statuscode": 6}
    campaign = Campaign.from_json(row)
    assert not campaign.active and campaign.status_label == "Inactive"
    assert campaign.to_dict()["active"] is False


def test_chunked_splits_without_losing_items():
    parts = list(chunked(list(range(1001)), 500))
    assert [len(p) for p in parts] == [500, 500, 1] and sum(parts, []) == list(range(1001))
