"""Smart lists: every op on every field kind, activity and membership filters, logic, validation messages,
and the SQL path (`count` / `members`) agreeing with the Python path (`matches`) on a generated population."""

import json
import random
from collections import defaultdict
from datetime import datetime, timezone

import pytest
from sqlalchemy import insert
from sqlmodel import Session, select

from campsync_gui.core import smartlists as sl
from campsync_gui.core.models import Activity, Membership, Person
from campsync_gui.core.smartlists import SmartListError
from campsync_gui.core.store import open_store

DAY = 86400.0
NOW = 1_717_200_000.0  # 2024-06-01 00:00:00 UTC


def ts(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc).timestamp() if "+" not in text \
        else datetime.fromisoformat(text).timestamp()


def field(name, op, value=None, **extra):
    out = {"kind": "field", "field": name, "op": op, **extra}
    if value is not None:
        out["value"] = value
    return out


def one(*filters, logic="all"):
    return {"filters": list(filters), "logic": logic}


# ---- a small population where every expected answer can be read off -----------------------------------

PEOPLE = {
    "a": dict(first_name="Zoë", last_name="Müller", email="zoe@example.com", company="Acme Corp",
              job_title="Head of Marketing", country="France", score=80, dynamics_type="lead",
              created_at=ts("2024-01-31T10:00:00")),
    "b": dict(first_name="José", last_name="García", email="jose@example.com", company="",
              job_title="Marketing Analyst", country="  FRANCE ", score=50, dynamics_type="contact",
              created_at=ts("2024-01-31T00:00:00")),
    "c": dict(first_name="Ada", last_name="Lovelace", email="ada@example.com", company=None,
              job_title="CTO", country="Spain", score=20, dynamics_type=None,
              created_at=ts("2024-02-01T00:00:00")),
    "d": dict(first_name="Chloé", last_name="Straße", email=None, company="   ",
              job_title=None, country=None, score=0, dynamics_type="lead",
              created_at=ts("2024-01-30T23:59:59")),
    "e": dict(first_name="", last_name="", email="blank@example.com", company="Ünïcode Ltd",
              job_title="Ingénieur MARKETING", country="Côte d'Ivoire", score=100, dynamics_type="",
              created_at=0.0),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    engine = open_store(tmp_path_factory.mktemp("smart") / "smart.db")  # read-only for every test
    ids = {}
    with Session(engine) as session:
        for key, values in PEOPLE.items():
            person = Person(**values)
            session.add(person)
            session.flush()
            ids[key] = person.id
        acts = [("a", "visited_web_page", "/pricing", NOW - 30 * DAY),          # exactly at the window's edge
                ("a", "visited_web_page", "/Pricing/enterprise", NOW - DAY),
                ("a", "visited_web_page", "/blog", NOW - 2 * DAY),
                ("b", "visited_web_page", "/pricing", NOW - 30 * DAY - 1),      # one second too old
                ("b", "visited_web_page", "/PRICING", NOW - 5 * DAY),
                ("c", "filled_out_form", "Contact us", NOW - DAY),
                ("d", "visited_web_page", "/prícing", NOW),                     # accented, at `now` itself
                ("e", "visited_web_page", "/pricing", NOW + 1)]                 # in the future
        for key, kind, detail, at in acts:
            session.add(Activity(person_id=ids[key], type=kind, detail=detail, at=at))
        for key, campaign, source in [("a", "c1", "flow_action"), ("b", "c1", "crm"), ("c", "c2", "flow_action"),
                                      ("d", "c3", "flow_action"), ("d", "c1", "crm")]:
            session.add(Membership(person_id=ids[key], campaign_id=campaign, list_id=f"list-{campaign}-{source}",
                                   source=source))
        session.commit()
    return engine, ids


def history(engine):
    with Session(engine) as session:
        people = list(session.exec(select(Person)))
        acts, mems = defaultdict(list), defaultdict(list)
        for row in session.exec(select(Activity)):
            acts[row.person_id].append(row)
        for row in session.exec(select(Membership)):
            mems[row.person_id].append(row)
    return people, acts, mems


def python_members(engine, definition, now):
    people, acts, mems = history(engine)
    smart = sl.validate(definition)
    return sorted(p.id for p in people
                  if sl.matches(smart, p, activities=acts[p.id], memberships=mems[p.id], now=now))


def check(store, definition, expected, now=NOW):
    """SQL and Python agree, and both give `expected` (keys of PEOPLE)."""
    engine, ids = store
    want = sorted(ids[k] for k in expected)
    assert sl.members(engine, definition, now=now) == want
    assert sl.count(engine, definition, now=now) == len(want)
    assert python_members(engine, definition, now) == want


# ---- folding ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, folded", [
    ("Zoë", "zoe"), ("  ÉCOLE  ", "ecole"), ("Straße", "strasse"), ("ﬁnance", "finance"), ("İstanbul", "istanbul"),
    ("Ångström", "angstrom"), (None, ""), ("", ""), ("\u00a0\t", ""), ("MiXeD", "mixed"), (42, "42"),
])
def test_fold(text, folded):
    assert sl.fold(text) == folded


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

def activity(**options):
    return {"kind": "activity", "type": "visited_web_page", **options}


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
    engine, ids = store
    assert sl.count(engine, twice, now=lambda: next(ticking)) == 1   # a clock is called, not stored
    assert sl.count(engine, twice, now=lambda: next(ticking)) == 0
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


def test_membership_rows_of_someone_else_are_ignored_in_python():
    person = Person(id=1, first_name="x")
    smart = sl.validate(one({"kind": "membership", "campaign_ids": ["c1"]}))
    stranger = Membership(person_id=2, campaign_id="c1", list_id="l", source="flow_action")
    assert not sl.matches(smart, person, activities=[], memberships=[stranger], now=NOW)
    mine = {"person_id": 1, "campaign_id": "c1", "list_id": "l", "source": "flow_action"}  # dicts work too
    assert sl.matches(smart, person, activities=[], memberships=[mine], now=NOW)


# ---- logic -------------------------------------------------------------------------------------------------

FRANCE = field("country", "equals", "France")              # a b
MARKETING = field("job_title", "contains", "marketing")    # a b e
HIGH = field("score", "greater_than", 60)                  # a e
LEAD = field("type", "equals", "lead")                     # a d


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


def test_logic_is_rendered_canonically():
    assert sl.validate(one(FRANCE, HIGH, LEAD, logic="1 AND ((2) OR 3)")).logic == "1 and (2 or 3)"
    assert sl.validate(one(FRANCE, HIGH, LEAD, logic="(1 and 2) or 3")).logic == "1 and 2 or 3"
    assert sl.validate(one(FRANCE, HIGH, LEAD, logic="not (1 or 2) and not 3")).logic == "not (1 or 2) and not 3"
    assert sl.validate(one(FRANCE, HIGH, logic="1 and (1 and 2)")).logic == "1 and 1 and 2"
    assert sl.validate(one(FRANCE, HIGH, LEAD, logic="2 or 3")).used_filters() == [2, 3]


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
    (one(FRANCE, MARKETING, logic="1 and (2 or"), "Logic '1 and (2 or': unbalanced parentheses"),
    (one(FRANCE, MARKETING, logic="1 or 2)"), "unbalanced parentheses"),
    (one(FRANCE, MARKETING, logic="1 and 3"), "Logic '1 and 3': filter 3 does not exist (there are 2 filters)"),
    (one(FRANCE, logic="2"), "filter 2 does not exist (there is only 1 filter)"),
    (one(FRANCE, logic="0"), "filter numbers start at 1"),
    (one(FRANCE, MARKETING, logic="1 2"), "expected 'and' or 'or' before '2'"),
    (one(FRANCE, MARKETING, logic="(1 2)"), "expected 'and' or 'or' before '2'"),
    (one(FRANCE, MARKETING, logic="1 and"), "expected a filter number after 'and'"),
    (one(FRANCE, MARKETING, logic="1 or not"), "expected a filter number after 'not'"),
    (one(FRANCE, MARKETING, logic="()"), "expected a filter number after '(', not ')'"),
    (one(FRANCE, MARKETING, logic="1 xor 2"), "unknown word 'xor'"),
    (one(FRANCE, MARKETING, logic="1 && 2"), "unexpected '&'"),
    (one(FRANCE, MARKETING, logic="__import__('os')"), "unknown word '__import__'"),
    (one(FRANCE, logic=3), "Logic must be text"),
    (one(FRANCE, logic="(" * 60 + "1" + ")" * 60), "nested more than 50 levels deep"),
    (one(FRANCE, logic="not " * 5000 + "1"), "nested more than 50 levels deep"),
    ({"filters": [], "logic": "1"}, "filter 1 does not exist (there are 0 filters)"),
])
def test_validation_errors(definition, message):
    with pytest.raises(SmartListError) as caught:
        sl.validate(definition)
    assert message in str(caught.value)


def test_error_carries_the_filter_number():
    with pytest.raises(SmartListError) as caught:
        sl.validate(one(FRANCE, FRANCE, field("country", "greater_than", 1)))
    assert caught.value.filter_number == 3


# ---- round trip and words ----------------------------------------------------------------------------------

EXAMPLE = {"filters": [
    {"kind": "field", "field": "country", "op": "equals", "value": "France"},
    {"kind": "field", "field": "score", "op": "greater_than", "value": 50},
    {"kind": "field", "field": "job_title", "op": "contains", "value": "marketing"},
    {"kind": "field", "field": "type", "op": "in_list", "value": ["lead", "contact"]},
    {"kind": "field", "field": "company", "op": "is_empty"},
    {"kind": "activity", "has": True, "type": "visited_web_page", "detail_contains": "pricing", "within_days": 30,
     "min_times": 2},
    {"kind": "membership", "member": True, "campaign_ids": ["c1", "c2"]},
    {"kind": "field", "field": "created_at", "op": "greater_than", "value": "2024-01-31"},
    {"kind": "activity", "has": False, "type": "opened_email", "within_days": 1},
    {"kind": "membership", "member": False, "campaign_ids": ["c3"]},
    {"kind": "field", "field": "score", "op": "not_in_list", "value": [1, 2.5]},
    {"kind": "field", "field": "created_at", "op": "equals", "value": 1706695200},
], "logic": "1 and (2 or 3)"}


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


# ---- SQL == Python on a generated population ---------------------------------------------------------------

FIRSTS = ["Zoë", "ZOE", "zoe", "José", "Jose", "Søren", "Chloé", "Ada", "", "  ", "Ægir", "İlker", "ﬁona", "Łukasz",
          "Straße", "strasse", "Émile", "O'Brien", "\u00a0Ana\u00a0", "日本"]
LASTS = ["Müller", "Muller", "MÜLLER", "García", "Garcia", "", "Nguyễn", "Dubois", "Ångström", "Kowalski", " Smith "]
COMPANIES = [None, "", "   ", "Acme", "ACME corp", "Ünïcode Ltd", "Société Générale", "Straße GmbH", "acmé"]
TITLES = [None, "", "Head of Marketing", "marketing analyst", "Ingénieur marketing", "CTO", "Directeur Général",
          "MARKETİNG lead", "Buyer"]
COUNTRIES = [None, "", " ", "France", "france ", "FRANCE", "Spain", "España", "Espana", "Côte d'Ivoire",
             "Cote d'Ivoire", "Deutschland", "Österreich", "Osterreich"]
TYPES = ["lead", "contact", None, ""]
DETAILS = ["/pricing", "/Pricing/enterprise", "/prícing", "/PRICING", "/blog", "", "Café menu", "cafe",
           "Formulaire « Contact »", "日本語"]
ACT_TYPES = ["visited_web_page", "filled_out_form", "opened_email"]
CAMPAIGNS = ["c1", "c2", "c3"]
DAY0 = ts("2024-01-31T00:00:00")


def generate_population(engine, size=2000, seed=11):
    rng = random.Random(seed)
    people, activities, memberships = [], [], []
    for pid in range(1, size + 1):
        created = rng.choice([0.0, DAY0, DAY0 + DAY, DAY0 - 1, DAY0 + DAY - 1, DAY0 + 36000,
                              DAY0 + rng.uniform(-60, 60) * DAY])
        people.append(dict(id=pid, first_name=rng.choice(FIRSTS), last_name=rng.choice(LASTS),
                           email=rng.choice([None, f"p{pid}@example.com", f"Zoë.{pid}@exämple.com"]),
                           company=rng.choice(COMPANIES), job_title=rng.choice(TITLES),
                           country=rng.choice(COUNTRIES), score=rng.choice([0, 49, 50, 51, 100, rng.randint(0, 100)]),
                           dynamics_type=rng.choice(TYPES), created_at=created))
        for _ in range(rng.choice([0, 0, 1, 2, 3, 5])):
            at = rng.choice([NOW - 30 * DAY, NOW - 30 * DAY - 1, NOW - 30 * DAY + 1, NOW, NOW + 1, NOW - 7 * DAY,
                             NOW - 7 * DAY - 0.5, NOW - rng.uniform(0, 90) * DAY])
            activities.append(dict(person_id=pid, type=rng.choice(ACT_TYPES), detail=rng.choice(DETAILS), at=at))
        for campaign in CAMPAIGNS:
            if rng.random() < 0.25:
                memberships.append(dict(person_id=pid, campaign_id=campaign, list_id=f"app-{campaign}",
                                        source="flow_action"))
            if rng.random() < 0.25:
                memberships.append(dict(person_id=pid, campaign_id=campaign, list_id=f"other-{campaign}",
                                        source="crm"))
    with engine.begin() as conn:
        conn.execute(insert(Person.__table__), people)
        conn.execute(insert(Activity.__table__), activities)
        conn.execute(insert(Membership.__table__), memberships)


def random_filter(rng):
    kind = rng.choices(["field", "activity", "membership"], weights=[6, 3, 1])[0]
    if kind == "activity":
        out = {"kind": "activity", "type": rng.choice(ACT_TYPES), "has": rng.random() < 0.7}
        if rng.random() < 0.6:
            out["detail_contains"] = rng.choice(["pricing", "PRÍCING", "café", "enterprise", "contact", "日本"])
        if rng.random() < 0.6:
            out["within_days"] = rng.choice([1, 7, 30])
        if rng.random() < 0.4:
            out["min_times"] = rng.choice([2, 3])
        return out
    if kind == "membership":
        return {"kind": "membership", "member": rng.random() < 0.7,
                "campaign_ids": rng.sample(CAMPAIGNS, rng.randint(1, 2))}
    name = rng.choice(list(sl.FIELD_KINDS))
    op = rng.choice(sl.OPS_BY_KIND[sl.FIELD_KINDS[name]])
    texts = ["zoe", "MULLER", "france", "espana", "cote d'ivoire", "acme", "marketing", "strasse", "", "  ",
             "é", "fi", "ægir", "ilker", "日本", "zoe muller", "zoë.", "@example", "osterreich", "jose garcia"]
    if op in sl.NO_VALUE_OPS:
        return field(name, op)
    kind_of = sl.FIELD_KINDS[name]
    if kind_of == sl.TEXT:
        pool = [t for t in texts if sl.fold(t)] if op in sl.NEEDLE_OPS else texts
        value = rng.sample(pool, rng.randint(1, 3)) if op in sl.LIST_OPS else rng.choice(pool)
    elif kind_of == sl.NUMBER:
        value = rng.sample([0, 49, 50, 50.5, 51, 100], 2) if op in sl.LIST_OPS else rng.choice([0, 49.5, 50, 51])
    elif kind_of == sl.CHOICE:
        value = rng.sample(sl.PERSON_TYPES, rng.randint(1, 2)) if op in sl.LIST_OPS else rng.choice(sl.PERSON_TYPES)
    else:
        value = rng.choice(["2024-01-31", "2024-02-01", DAY0, DAY0 + 36000, "2024-01-31T10:00:00Z", 0])
    return field(name, op, value)


def random_logic(rng, count, depth=0):
    if depth >= 3 or rng.random() < 0.35:
        text = str(rng.randint(1, count))
    else:
        op = rng.choice(["and", "or", "AND", "Or"])
        text = f"({random_logic(rng, count, depth + 1)} {op} {random_logic(rng, count, depth + 1)})"
    return f"not {text}" if rng.random() < 0.25 else text


def test_sql_count_equals_python_matches_on_a_generated_population(tmp_path):
    engine = open_store(tmp_path / "population.db")
    generate_population(engine)
    people, acts, mems = history(engine)
    assert len(people) == 2000
    rng = random.Random(5)
    definitions = [EXAMPLE, one(FRANCE, MARKETING, HIGH, LEAD, logic="not (1 and 2) or 3 and not 4")]
    for _ in range(120):
        filters = [random_filter(rng) for _ in range(rng.randint(1, 4))]
        logic = rng.choice(["all", "any", random_logic(rng, len(filters))])
        definitions.append({"filters": filters, "logic": logic})
    nonempty = set()
    for definition in definitions:
        smart = sl.validate(definition)
        want = [p.id for p in people if sl.matches(smart, p, activities=acts[p.id], memberships=mems[p.id], now=NOW)]
        got = sl.members(engine, smart, now=NOW)
        assert got == want, (definition, sorted(set(got) ^ set(want))[:5])
        assert sl.count(engine, smart, now=NOW) == len(want), definition
        nonempty.add(0 < len(want) < len(people))
    assert nonempty == {True, False}  # the generated lists are neither all trivial nor all empty
