"""The SQL path (`count` / `members`) on a small store: every op on every field kind, activity and membership
filters, logic, the injected clock. `check()` asserts the Python path (`matches`) gives the same people."""

import pytest
from smartlists_support import DAY, FRANCE, HIGH, LEAD, MARKETING, NOW, activity, check, field, one, ts

from campsync_gui.core import smartlists as sl


# ---- field filters: every op on every kind of field ----------------------------------------------------

@pytest.mark.parametrize("definition, expected", [
    # text: equals / not_equals, case, accents, surrounding spaces, NULL as empty
    (field("country", "equals", "france"), "ab"),
    (field("country", "equals", "COTE D'IVOIRE"), "e"),
    (field("country", "not_equals", "France"), "cde"),
    (field("country", "equals", ""), "d"),
    (field("company", "equals", ""), "bcd"),
    (field("company", "equals", "   "), "bcd"),
    (field("company", "not_equals", ""), "ae"),
    (field("company", "equals", "unicode ltd"), "e"),
    # contains / not_contains / starts_with
    (field("job_title", "contains", "MARKETING"), "abe"),
    (field("job_title", "contains", "ingenieur"), "e"),
    (field("job_title", "not_contains", "marketing"), "cd"),
    (field("last_name", "starts_with", "GAR"), "b"),
    (field("last_name", "starts_with", "strasse"), "d"),
    (field("email", "starts_with", "ZOE@"), "a"),
    (field("email", "contains", "@example.com"), "abce"),
    # in_list / not_in_list, with the empty value in the list
    (field("country", "in_list", ["france", "Spain"]), "abc"),
    (field("country", "not_in_list", ["france", "Spain"]), "de"),
    (field("country", "in_list", ["", "spain"]), "cd"),
    # is_empty / is_not_empty: None, "", whitespace
    (field("company", "is_empty"), "bcd"),
    (field("company", "is_not_empty"), "ae"),
    (field("job_title", "is_empty"), "d"),
    (field("email", "is_empty"), "d"),
    # name is "first last"
    (field("name", "equals", "zoe muller"), "a"),
    (field("name", "contains", "é g"), "b"),
    (field("name", "starts_with", "chloe s"), "d"),
    (field("name", "is_empty"), "e"),
    (field("first_name", "equals", "jose"), "b"),
    # numbers
    (field("score", "greater_than", 50), "ae"),
    (field("score", "less_than", 50), "cd"),
    (field("score", "equals", 50), "b"),
    (field("score", "equals", "50"), "b"),
    (field("score", "not_equals", 50), "acde"),
    (field("score", "greater_than", 49.5), "abe"),
    (field("score", "in_list", [0, 100]), "de"),
    (field("score", "not_in_list", [0, 100]), "abc"),
    # type: lead / contact / local (None or "")
    (field("type", "equals", "lead"), "ad"),
    (field("type", "equals", "LEAD"), "ad"),
    (field("type", "equals", "contact"), "b"),
    (field("type", "equals", "local"), "ce"),
    (field("type", "not_equals", "lead"), "bce"),
    (field("type", "in_list", ["lead", "contact"]), "abd"),
    (field("type", "not_in_list", ["lead", "contact"]), "ce"),
    (field("type", "not_equals", "local"), "abd"),
    (field("type", "not_in_list", ["local"]), "abd"),
    # created_at: a date is a whole UTC day; epoch and datetimes are points
    (field("created_at", "equals", "2024-01-31"), "ab"),
    (field("created_at", "not_equals", "2024-01-31"), "cde"),
    (field("created_at", "greater_than", "2024-01-31"), "c"),
    (field("created_at", "less_than", "2024-01-31"), "de"),
    (field("created_at", "greater_than", ts("2024-01-31T00:00:00")), "ac"),
    (field("created_at", "equals", ts("2024-01-31T00:00:00")), "b"),
    (field("created_at", "less_than", "2024-01-31T10:00:00Z"), "bde"),
    (field("created_at", "greater_than", "2024-01-31T11:00:00+02:00"), "ac"),
    (field("created_at", "less_than", "20240201"), "abde"),
])
def test_field_filter(store, definition, expected):
    check(store, one(definition), expected)


# ---- activity filters -----------------------------------------------------------------------------------

@pytest.mark.parametrize("definition, expected", [
    (activity(), "abde"),
    (activity(has=False), "c"),
    (activity(type="filled_out_form"), "c"),
    (activity(type="VISITED_WEB_PAGE"), ""),                     # activity types are exact
    (activity(detail_contains="pricing"), "abde"),               # /prícing folds to /pricing
    (activity(detail_contains="ENTERPRISE"), "a"),
    (activity(detail_contains="blog", has=False), "bcde"),
    (activity(detail_contains="pricing", within_days=30), "abd"),  # a at the edge in, b 1 s too old, e future
    (activity(within_days=1), "ad"),
    (activity(detail_contains="pricing", min_times=2), "ab"),
    (activity(detail_contains="pricing", within_days=30, min_times=2), "a"),
    (activity(min_times=3), "a"),
    (activity(detail_contains="pricing", within_days=30, min_times=2, has=False), "bcde"),
    (activity(detail_contains=""), "abde"),                      # an empty box means no detail condition
])
def test_activity_filter(store, definition, expected):
    check(store, one(definition), expected)


def test_activity_window_edges_move_with_the_injected_clock(store):
    twice = one(activity(detail_contains="pricing", within_days=30, min_times=2))
    check(store, twice, "a", now=NOW)
    check(store, twice, "", now=NOW + 1)      # a's oldest visit is now 30 days and 1 second old
    check(store, twice, "b", now=NOW - 5 * DAY)  # before a's recent visits; both of b's are in the window
    ticking = iter([NOW, NOW + 1])
    db, ids = store
    assert sl.count(db, twice, now=lambda: next(ticking)) == 1   # a clock is called, not stored
    assert sl.count(db, twice, now=lambda: next(ticking)) == 0
    recent = one(activity(within_days=30))
    check(store, recent, "abde", now=NOW + 1)  # e's visit at NOW + 1 is at `now` itself
    check(store, recent, "abd", now=NOW)       # ...and one second earlier it is in the future


# ---- membership ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("definition, expected", [
    ({"kind": "membership", "campaign_ids": ["c1"]}, "a"),             # b and d are in c1 through other lists
    ({"kind": "membership", "member": True, "campaign_ids": ["c1", "c2"]}, "ac"),
    ({"kind": "membership", "member": False, "campaign_ids": ["c1"]}, "bcde"),
    ({"kind": "membership", "campaign_ids": ["c3"]}, "d"),
    ({"kind": "membership", "campaign_ids": ["nope"]}, ""),
])
def test_membership_filter(store, definition, expected):
    check(store, one(definition), expected)


# ---- logic -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("logic, expected", [
    ("all", "ab"), ("ALL", "ab"), ("any", "abe"), (" Any ", "abe"), ("", "ab"),
    ("1", "ab"), ("2", "abe"), ("not 1", "cde"), ("1 and not 3", "b"),
])
def test_all_any_and_simple_logic(store, logic, expected):
    check(store, one(FRANCE, MARKETING, HIGH, logic=logic) if logic not in ("all", "ALL", "any", " Any ", "")
          else one(FRANCE, MARKETING, logic=logic), expected)


@pytest.mark.parametrize("logic, expected", [
    ("1 and (3 or 4)", "a"),
    ("(1 and 3) or 4", "ad"),
    ("1 and 3 or 4", "ad"),              # and binds tighter than or
    ("4 or 1 and 3", "ad"),
    ("not 1 and 2", "e"),                # not binds tighter than and
    ("not (1 and 2)", "cde"),
    ("not not 1", "ab"),
    ("NOT (1 OR 4) AND NOT 3", "c"),
    ("((2 and not (1 or 4)) or (3 and not 2))", "e"),
    ("1 AND 2 AND 3 AND 4", "a"),
    ("2", "abe"),                        # filters 1, 3 and 4 unused: allowed
])
def test_advanced_logic(store, logic, expected):
    check(store, one(FRANCE, MARKETING, HIGH, LEAD, logic=logic), expected)


def test_logic_mixing_kinds_with_not(store):
    definition = one(FRANCE, activity(detail_contains="pricing", within_days=30),
                     {"kind": "membership", "campaign_ids": ["c1"]}, logic="1 and 2 and not 3")
    check(store, definition, "b")
    definition["logic"] = "not (2 or 3)"
    check(store, definition, "ce")


def test_no_filters_match_everyone(store):
    check(store, {"filters": [], "logic": "all"}, "abcde")
    check(store, {"filters": [], "logic": "any"}, "abcde")
    check(store, {}, "abcde")

