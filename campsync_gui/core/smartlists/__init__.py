"""Smart lists: numbered filters on people, combined by logic ("all", "any" or "1 and (2 or not 3)").

Qt-free. A definition is a plain JSON-able dict, exported and imported between machines:

    {"filters": [
        {"kind": "field", "field": "country", "op": "equals", "value": "France"},
        {"kind": "activity", "has": true, "type": "visited_web_page", "detail_contains": "pricing",
         "within_days": 30, "min_times": 2},
        {"kind": "membership", "member": true, "campaign_ids": ["<dynamics campaign id>"]}],
     "logic": "1 and (2 or 3)"}

`validate()` turns it into a `SmartList` (or raises `SmartListError` with a message naming the filter).
`matches()` evaluates one person in Python (a trigger campaign qualifying the person who fired it);
`members()` / `count()` evaluate the whole store in one SQL statement. Both paths compare the same
normalised text, so `count(db, sl) == sum(matches(sl, p, ...) for p in people)` always holds.

One role a module: `vocabulary` (field names, kinds, ops, labels, SmartListError), `values` (text folding,
dates, the clock), `logic` (the logic expression), `parsed` (the SmartList dataclasses), `parsing` (`validate`),
`evaluation` (`matches`), `sql` (`members`, `count`, accent folding in SQL) and `describe` (filters in words).
This module re-exports what code outside the package uses.

Semantics, in one place:
- Text (every field but score, type, created_at) is compared after `fold()`: NFKD, accents dropped,
  case-folded, surrounding whitespace stripped. "Zoë" equals "ZOE", "Straße" equals "strasse". A missing
  value (NULL) is the empty text, so "Country is not France" includes people with no country.
  "is empty" means nothing but whitespace; "equals ''" is the same as "is empty".
- name is the folded first name and last name joined by one space. type is the Dynamics type: lead,
  contact, or local (not in Dynamics yet).
- created_at compares with epoch seconds or ISO dates. A date without a time is a whole UTC day:
  "equals 2024-01-31" is on that day, "greater_than" is after it, "less_than" is before it. A datetime
  without a timezone is UTC. An epoch number or a datetime is a point in time.
- Activity filters count the person's activities of one type (exact type), optionally whose detail
  contains a text (folded), optionally within the last N days: now - N*86400 <= at <= now (both edges
  in). "has" means at least `min_times` (default 1) such activities; "has": false means fewer.
- Membership means membership through CampSync's own app lists (source "flow_action") in any of the
  campaigns; memberships that came from other lists in Dynamics ("crm") do not count.
- A smart list with no filters matches everyone (a trigger campaign with triggers only).
"""

from .describe import describe, describe_logic
from .evaluation import matches
from .parsing import validate
from .sql import count, members
from .values import fold
from .vocabulary import (CHOICE, DATE, FIELD_KINDS, FIELD_LABELS, LIST_OPS, MAX_FILTERS, MAX_LOGIC_TERMS, NEEDLE_OPS,
                         NO_VALUE_OPS, NUMBER, OPS_BY_KIND, PERSON_TYPES, TEXT, TYPE_LABELS, SmartListError)

__all__ = [
    "CHOICE", "DATE", "FIELD_KINDS", "FIELD_LABELS", "LIST_OPS", "MAX_FILTERS", "MAX_LOGIC_TERMS", "NEEDLE_OPS",
    "NO_VALUE_OPS", "NUMBER",
    "OPS_BY_KIND", "PERSON_TYPES", "TEXT", "TYPE_LABELS", "SmartListError",
    "count", "describe", "describe_logic", "fold", "matches", "members", "validate",
]
