"""Validation: a smart-list definition (a JSON-able dict) checked and turned into a `SmartList`.

Every mistake raises SmartListError with a message that says what to fix and, for a filter, its number.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from .logic import parse_logic
from .parsed import ActivityFilter, FieldFilter, Filter, MembershipFilter, SmartList
from .values import fold, parse_when
from .vocabulary import (CHOICE, FIELD_KINDS, KIND_WORDS, LIST_OPS, MAX_FILTERS, MAX_MIN_TIMES, MAX_WITHIN_DAYS,
                         NEEDLE_OPS, NO_VALUE_OPS, NUMBER, OPS, OPS_BY_KIND, PERSON_TYPES, TEXT, SmartListError)

_FILTER_KEYS = {
    "field": ("kind", "field", "op", "value"),
    "activity": ("kind", "has", "type", "detail_contains", "within_days", "min_times"),
    "membership": ("kind", "member", "campaign_ids"),
}


def validate(definition: Mapping | SmartList) -> SmartList:
    """Parse and check a definition; raise SmartListError with a readable message when it is wrong."""
    if isinstance(definition, SmartList):
        return definition
    if not isinstance(definition, Mapping):
        raise SmartListError("A smart list must be an object with 'filters' and 'logic'.")
    unknown = sorted(set(definition) - {"filters", "logic"})
    if unknown:
        raise SmartListError(f"Unknown smart list setting {unknown[0]!r} (a smart list has 'filters' and 'logic').")
    raw_filters = definition.get("filters")
    if raw_filters is None:
        raw_filters = []
    if not isinstance(raw_filters, (list, tuple)):
        raise SmartListError("'filters' must be a list of filters.")
    if len(raw_filters) > MAX_FILTERS:
        raise SmartListError(f"A smart list has at most {MAX_FILTERS} filters; this one has {len(raw_filters)}. "
                             f"Combine values into one filter ('is any of') or split the campaign.")
    filters = tuple(_parse_filter(number, raw) for number, raw in enumerate(raw_filters, 1))
    logic = definition.get("logic")
    if logic is None:
        logic = "all"
    if not isinstance(logic, str):
        raise SmartListError("Logic must be text: 'all', 'any', or an expression such as '1 and (2 or 3)'.")
    text, tree = parse_logic(logic, len(filters))
    return SmartList(filters=filters, logic=text, tree=tree)


def _parse_filter(number: int, raw: Any) -> Filter:
    def fail(message: str) -> SmartListError:
        return SmartListError(f"Filter {number}: {message}", number)

    if not isinstance(raw, Mapping):
        raise SmartListError(f"Filter {number} must be an object, not {type(raw).__name__}.", number)
    kind = raw.get("kind", "field")
    if not isinstance(kind, str) or kind not in _FILTER_KEYS:
        raise fail(f"unknown kind {kind!r} (expected field, activity or membership).")
    unknown = sorted(set(raw) - set(_FILTER_KEYS[kind]))
    if unknown:
        raise fail(f"unknown setting {unknown[0]!r} for a {kind} filter "
                   f"(known: {', '.join(_FILTER_KEYS[kind][1:])}).")
    if kind == "field":
        return _parse_field_filter(raw, fail)
    if kind == "activity":
        return _parse_activity_filter(raw, fail)
    return _parse_membership_filter(raw, fail)


def _parse_field_filter(raw: Mapping, fail: Callable[[str], SmartListError]) -> FieldFilter:
    name, op = raw.get("field"), raw.get("op")
    if name is None or name == "":
        raise fail("choose a field.")
    if not isinstance(name, str) or name not in FIELD_KINDS:
        raise fail(f"unknown field {name!r}. Known fields: {', '.join(FIELD_KINDS)}.")
    if op is None or op == "":
        raise fail(f"choose an op for {name}.")
    if not isinstance(op, str) or op not in OPS:
        raise fail(f"unknown op {op!r}. Known ops: {', '.join(OPS)}.")
    kind = FIELD_KINDS[name]
    if op not in OPS_BY_KIND[kind]:
        raise fail(f"{op!r} is not valid for {name} ({KIND_WORDS[kind]}); use one of: "
                   f"{', '.join(OPS_BY_KIND[kind])}.")
    if op in NO_VALUE_OPS:
        return FieldFilter(name, op, None)
    if "value" not in raw or raw["value"] is None:
        raise fail(f"{op!r} on {name} needs a value.")
    value = raw["value"]
    if op in LIST_OPS:
        if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
            raise fail(f"{op!r} needs a list of values, e.g. [\"France\", \"Spain\"].")
        if not value:
            raise fail(f"{op!r} on {name} needs at least one value.")
        return FieldFilter(name, op, tuple(_check_value(name, kind, op, v, fail, f"value {i}")
                                           for i, v in enumerate(value, 1)))
    return FieldFilter(name, op, _check_value(name, kind, op, value, fail, "the value"))


def _check_value(name: str, kind: str, op: str, value: Any, fail: Callable[[str], SmartListError],
                 what: str) -> Any:
    if kind == TEXT:
        if not isinstance(value, str):
            raise fail(f"{what} for {name} must be text, not {type(value).__name__}.")
        if op in NEEDLE_OPS and not fold(value):
            raise fail(f"{op!r} on {name} needs a value (some text to look for).")
        return value
    if kind == NUMBER:
        number = _number(value)
        if number is None:
            raise fail(f"{what} for {name} must be a number, not {value!r}.")
        return number
    if kind == CHOICE:
        text = value.strip().lower() if isinstance(value, str) else None
        if text not in PERSON_TYPES:
            raise fail(f"{what} for {name} must be one of {', '.join(PERSON_TYPES)}, not {value!r}.")
        return text
    # DATE
    if isinstance(value, str) and not value.strip():
        raise fail(f"{op!r} on {name} needs a value (a date such as 2024-01-31, or epoch seconds).")
    try:
        parse_when(value)
    except ValueError:
        raise fail(f"{what} for {name} must be a date such as 2024-01-31, a date and time such as "
                   f"2024-01-31T09:30:00Z, or epoch seconds (a number); not {value!r}.") from None
    return value.strip() if isinstance(value, str) else value


def _number(value: Any) -> int | float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    try:
        if not isinstance(value, (int, float)) or not math.isfinite(value):
            return None
    except OverflowError:  # an int too large for a float
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2 ** 53 else float(value)


def _parse_activity_filter(raw: Mapping, fail: Callable[[str], SmartListError]) -> ActivityFilter:
    kind = raw.get("type")
    if not isinstance(kind, str) or not kind.strip():
        raise fail("an activity filter needs an activity type, e.g. \"visited_web_page\".")
    has = raw.get("has", True)
    if not isinstance(has, bool):
        raise fail(f"'has' must be true or false, not {has!r}.")
    detail = raw.get("detail_contains")
    if detail is not None:
        if not isinstance(detail, str):
            raise fail(f"'detail_contains' must be text, not {type(detail).__name__}.")
        if not fold(detail):
            detail = None  # an empty "containing" box means no detail condition
    within = raw.get("within_days")
    if within is not None and not (_is_int(within) and 1 <= within <= MAX_WITHIN_DAYS):
        raise fail(f"'within_days' must be a whole number of days from 1 to {MAX_WITHIN_DAYS}, not {within!r}.")
    times = raw.get("min_times", 1)
    if times is None:
        times = 1
    if not (_is_int(times) and 1 <= times <= MAX_MIN_TIMES):
        raise fail(f"'min_times' must be a whole number from 1 to {MAX_MIN_TIMES}, not {times!r}.")
    return ActivityFilter(type=kind.strip(), has=has, detail_contains=detail,
                          within_days=int(within) if within is not None else None, min_times=int(times))


def _is_int(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or \
        (isinstance(value, float) and value.is_integer())


def _parse_membership_filter(raw: Mapping, fail: Callable[[str], SmartListError]) -> MembershipFilter:
    member = raw.get("member", True)
    if not isinstance(member, bool):
        raise fail(f"'member' must be true or false, not {member!r}.")
    ids = raw.get("campaign_ids")
    if isinstance(ids, str):
        ids = [ids]
    if not isinstance(ids, (list, tuple)) or not ids:
        raise fail("choose at least one Microsoft campaign ('campaign_ids').")
    if not all(isinstance(cid, str) and cid.strip() for cid in ids):
        raise fail("every campaign id must be non-empty text.")
    return MembershipFilter(campaign_ids=tuple(dict.fromkeys(cid.strip() for cid in ids)), member=member)

