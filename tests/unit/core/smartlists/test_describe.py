"""describe() / describe_logic(): filters and logic in plain words."""

from smartlists_support import EXAMPLE, FRANCE, field, one

from campsync_gui.core import smartlists as sl


def test_describe():
    lines = sl.describe(EXAMPLE, campaign_names={"c1": "Spring webinar"})
    assert lines == [
        "Country is France",
        "Score is greater than 50",
        "Job title contains 'marketing'",
        "Type is any of Lead, Contact",
        "Company is empty",
        "Has visited web page containing 'pricing' at least 2 times in the last 30 days",
        "Member of Microsoft campaign (added by CampSync): Spring webinar (c1), c2",
        "Created after 2024-01-31",
        "Has not opened email in the last day",
        "Not member of Microsoft campaign (added by CampSync): c3",
        "Score is none of 1, 2.5",
        "Created at 2024-01-31 10:00 UTC",
    ]
    assert sl.describe(one(field("country", "equals", ""), field("country", "in_list", ["", "Spain"]),
                           field("type", "not_equals", "local"), field("name", "starts_with", "Jo"))) == [
        "Country is empty", "Country is any of (empty), Spain", "Type is not Local only (not in Dynamics)",
        "Name starts with 'Jo'"]
    assert sl.describe_logic(EXAMPLE) == "Filters 1 and (2 or 3)"
    assert sl.describe_logic(one(FRANCE, logic="any")) == "Any filter"

