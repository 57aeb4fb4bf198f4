"""validate(): the messages a wrong definition gets, and the parsed form's round trip back to JSON."""

import json

import pytest
from smartlists_support import EXAMPLE, FRANCE, field, one

from campsync_gui.core import smartlists as sl
from campsync_gui.core.smartlists import SmartListError


# ---- validation messages -----------------------------------------------------------------------------------

@pytest.mark.parametrize("definition, message", [
    ([FRANCE], "A smart list must be an object"),
    ({"filters": [FRANCE], "logic": "all", "colour": 1}, "Unknown smart list setting 'colour'"),
    ({"filters": "country is France"}, "'filters' must be a list"),
    (one("country"), "Filter 1 must be an object, not str"),
    (one(FRANCE, {"kind": "behaviour"}), "Filter 2: unknown kind 'behaviour'"),
    (one(field("colour", "equals", "red")), "Filter 1: unknown field 'colour'. Known fields: first_name"),
    (one(FRANCE, field("country", "bigger", "x")), "Filter 2: unknown op 'bigger'"),
    (one(field("country", "greater_than", "France")),
     "Filter 1: 'greater_than' is not valid for country (a text field); use one of: equals"),
    (one(field("score", "contains", "5")), "Filter 1: 'contains' is not valid for score (a number field)"),
    (one(field("type", "is_empty")), "Filter 1: 'is_empty' is not valid for type"),
    (one(field("created_at", "in_list", [1])), "Filter 1: 'in_list' is not valid for created_at (a date field)"),
    (one({"kind": "field", "op": "equals", "value": "x"}), "Filter 1: choose a field"),
    (one({"kind": "field", "field": "country", "value": "x"}), "Filter 1: choose an op for country"),
    (one(FRANCE, FRANCE, field("country", "equals")), "Filter 3: 'equals' on country needs a value"),
    (one(field("country", "contains", "  ")), "Filter 1: 'contains' on country needs a value"),
    (one(field("country", "starts_with", "")), "Filter 1: 'starts_with' on country needs a value"),
    (one(field("country", "in_list", "France")), "Filter 1: 'in_list' needs a list of values"),
    (one(field("country", "in_list", [])), "Filter 1: 'in_list' on country needs at least one value"),
    (one(field("country", "equals", 7)), "Filter 1: the value for country must be text, not int"),
    (one(field("score", "greater_than", "lots")), "Filter 1: the value for score must be a number"),
    (one(field("score", "greater_than", True)), "Filter 1: the value for score must be a number"),
    (one(field("score", "in_list", [1, "x"])), "Filter 1: value 2 for score must be a number"),
    (one(field("type", "equals", "prospect")), "Filter 1: the value for type must be one of lead, contact, local"),
    (one(field("created_at", "greater_than", "last week")), "Filter 1: the value for created_at must be a date"),
    (one(field("created_at", "greater_than", "")), "Filter 1: 'greater_than' on created_at needs a value"),
    (one(field("created_at", "greater_than", 1e300)), "Filter 1: the value for created_at must be a date"),
    (one(field("created_at", "greater_than", "2024-02-30")), "Filter 1: the value for created_at must be a date"),
    (one(field("score", "equals", 10 ** 400)), "Filter 1: the value for score must be a number"),
    (one({"kind": "field", "field": ["country"], "op": "equals", "value": "x"}), "Filter 1: unknown field ['country']"),
    (one({"kind": ["field"]}), "Filter 1: unknown kind ['field']"),
    (one(field("country", {"op": 1}, "x")), "Filter 1: unknown op {'op': 1}"),
    (one(dict(FRANCE, values="x")), "Filter 1: unknown setting 'values'"),
    (one({"kind": "activity"}), "Filter 1: an activity filter needs an activity type"),
    (one({"kind": "activity", "type": "x", "has": "yes"}), "Filter 1: 'has' must be true or false"),
    (one({"kind": "activity", "type": "x", "within_days": 0}), "Filter 1: 'within_days' must be a whole number"),
    (one({"kind": "activity", "type": "x", "within_days": 1.5}), "Filter 1: 'within_days' must be a whole number"),
    (one({"kind": "activity", "type": "x", "min_times": 0}), "Filter 1: 'min_times' must be a whole number"),
    (one({"kind": "activity", "type": "x", "detail_contains": 3}), "Filter 1: 'detail_contains' must be text"),
    (one({"kind": "activity", "type": "x", "within_day": 3}), "Filter 1: unknown setting 'within_day'"),
    (one({"kind": "membership", "campaign_ids": []}), "Filter 1: choose at least one Microsoft campaign"),
    (one({"kind": "membership", "campaign_ids": [""]}), "Filter 1: every campaign id must be non-empty text"),
    (one({"kind": "membership", "member": "no", "campaign_ids": ["c"]}), "Filter 1: 'member' must be true or false"),
])
def test_validation_errors(definition, message):
    with pytest.raises(SmartListError) as caught:
        sl.validate(definition)
    assert message in str(caught.value)


def test_error_carries_the_filter_number():
    with pytest.raises(SmartListError) as caught:
        sl.validate(one(FRANCE, FRANCE, field("country", "greater_than", 1)))
    assert caught.value.filter_number == 3


# ---- round trip ---------------------------------------------------------------------------------------------

def test_to_dict_round_trips_through_json():
    parsed = sl.validate(EXAMPLE)
    assert parsed.to_dict() == EXAMPLE
    again = sl.validate(json.loads(json.dumps(parsed.to_dict())))
    assert again == parsed
    assert sl.validate(parsed) is parsed


def test_to_dict_keeps_meaning_of_loose_input():
    parsed = sl.validate({"filters": [field("type", "equals", " Lead "), field("score", "equals", "50"),
                                      {"kind": "activity", "type": "x", "min_times": 1},
                                      {"field": "company", "op": "is_empty", "value": "ignored"}],
                          "logic": "1 AND (2)"})
    assert parsed.to_dict() == {"filters": [
        field("type", "equals", "lead"), field("score", "equals", 50), {"kind": "activity", "has": True, "type": "x"},
        field("company", "is_empty")], "logic": "1 and 2"}

