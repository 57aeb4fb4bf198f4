"""Helpers shared by the smart-list tests: definitions written briefly, a few fixed filters and a full example,
and `check()`, which asserts that SQL and Python give the same expected people."""

from collections import defaultdict
from datetime import datetime, timezone

from sqlmodel import Session, select

from campsync_gui.core import smartlists as sl
from campsync_gui.core.models import Activity, Membership, Person

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


def activity(**options):
    return {"kind": "activity", "type": "visited_web_page", **options}


def history(db):
    with Session(db) as session:
        people = list(session.exec(select(Person)))
        acts, mems = defaultdict(list), defaultdict(list)
        for row in session.exec(select(Activity)):
            acts[row.person_id].append(row)
        for row in session.exec(select(Membership)):
            mems[row.person_id].append(row)
    return people, acts, mems


def python_members(db, definition, now):
    people, acts, mems = history(db)
    smart = sl.validate(definition)
    return sorted(p.id for p in people
                  if sl.matches(smart, p, activities=acts[p.id], memberships=mems[p.id], now=now))


def check(store, definition, expected, now=NOW):
    """SQL and Python agree, and both give `expected` (keys of PEOPLE)."""
    db, ids = store
    want = sorted(ids[k] for k in expected)
    assert sl.members(db, definition, now=now) == want
    assert sl.count(db, definition, now=now) == len(want)
    assert python_members(db, definition, now) == want


FRANCE = field("country", "equals", "France")              # a b
MARKETING = field("job_title", "contains", "marketing")    # a b e
HIGH = field("score", "greater_than", 60)                  # a e
LEAD = field("type", "equals", "lead")                     # a d

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

