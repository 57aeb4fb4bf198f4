"""Validation: a smart-list definition (a JSON-able dict) checked and turned into a `SmartList`.

Every mistake raises SmartListError with a message that says what to fix and, for a filter, its number.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from ...language import translate
from .logic import parse_logic
from .parsed import ActivityFilter, FieldFilter, Filter, MembershipFilter, SmartList
from .values import fold, parse_when
from .vocabulary import (CHOICE, DATE, FIELD_KINDS, KIND_WORDS, LIST_OPS, MAX_FILTERS, MAX_MIN_TIMES,
                         MAX_WITHIN_DAYS, NEEDLE_OPS, NO_VALUE_OPS, NUMBER, OPS, OPS_BY_KIND, PERSON_TYPES, TEXT,
                         SmartListError)

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
        raise SmartListError(translate("SmartLists", "A smart list must be an object with 'filters' and 'logic'."))
    unknown = sorted(set(definition) - {"filters", "logic"})
    if unknown:
        raise SmartListError(translate("SmartLists", "Unknown smart list setting {setting} (a smart list has "
                                                     "'filters' and 'logic').").format(setting=repr(unknown[0])))
    raw_filters = definition.get("filters")
    if raw_filters is None:
        raw_filters = []
    if not isinstance(raw_filters, (list, tuple)):
        raise SmartListError(translate("SmartLists", "'filters' must be a list of filters."))
    if len(raw_filters) > MAX_FILTERS:
        raise SmartListError(translate("SmartLists", "A smart list has at most {limit} filters; this one has "
                                                     "{count}. Combine values into one filter ('is any of') or split "
                                                     "the campaign.").format(limit=MAX_FILTERS, count=len(raw_filters)))
    filters = tuple(_parse_filter(number, raw) for number, raw in enumerate(raw_filters, 1))
    logic = definition.get("logic")
    if logic is None:
        logic = "all"
    if not isinstance(logic, str):
        raise SmartListError(translate("SmartLists", "Logic must be text: 'all', 'any', or an expression such as "
                                                     "'1 and (2 or 3)'."))
    text, tree = parse_logic(logic, len(filters))
    return SmartList(filters=filters, logic=text, tree=tree)


def _parse_filter(number: int, raw: Any) -> Filter:
    def fail(message: str) -> SmartListError:
        return SmartListError(translate("SmartLists", "Filter {number}: {problem}").format(number=number,
                                                                                          problem=message), number)

    if not isinstance(raw, Mapping):
        raise SmartListError(translate("SmartLists", "Filter {number} must be an object, not {type}.").format(
            number=number, type=type(raw).__name__), number)
    kind = raw.get("kind", "field")
    if not isinstance(kind, str) or kind not in _FILTER_KEYS:
        raise fail(translate("SmartLists", "unknown kind {kind} (expected field, activity or membership).").format(
            kind=repr(kind)))
    unknown = sorted(set(raw) - set(_FILTER_KEYS[kind]))
    if unknown:
        raise fail(translate("SmartLists", "unknown setting {setting} for a {kind} filter (known: {known}).").format(
            setting=repr(unknown[0]), kind=kind, known=", ".join(_FILTER_KEYS[kind][1:])))
    if kind == "field":
        return _parse_field_filter(raw, fail)
    if kind == "activity":
        return _parse_activity_filter(raw, fail)
    return _parse_membership_filter(raw, fail)


def _parse_field_filter(raw: Mapping, fail: Callable[[str], SmartListError]) -> FieldFilter:
    name, op = raw.get("field"), raw.get("op")
    if name is None or name == "":
        raise fail(translate("SmartLists", "choose a field."))
    if not isinstance(name, str) or name not in FIELD_KINDS:
        raise fail(translate("SmartLists", "unknown field {field}. Known fields: {known}.").format(
            field=repr(name), known=", ".join(FIELD_KINDS)))
    if op is None or op == "":
        raise fail(translate("SmartLists", "choose an op for {field}.").format(field=name))
    if not isinstance(op, str) or op not in OPS:
        raise fail(translate("SmartLists", "unknown op {op}. Known ops: {known}.").format(op=repr(op),
                                                                                         known=", ".join(OPS)))
    kind = FIELD_KINDS[name]
    if op not in OPS_BY_KIND[kind]:
        raise fail(translate("SmartLists", "{op} is not valid for {field} ({kind}); use one of: {known}.").format(
            op=repr(op), field=name, kind=kind_words(kind), known=", ".join(OPS_BY_KIND[kind])))
    if op in NO_VALUE_OPS:
        return FieldFilter(name, op, None)
    if "value" not in raw or raw["value"] is None:
        raise fail(translate("SmartLists", "{op} on {field} needs a value.").format(op=repr(op), field=name))
    value = raw["value"]
    if op in LIST_OPS:
        if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
            raise fail(translate("SmartLists", '{op} needs a list of values, e.g. ["France", "Spain"].').format(
                op=repr(op)))
        if not value:
            raise fail(translate("SmartLists", "{op} on {field} needs at least one value.").format(op=repr(op),
                                                                                                  field=name))
        return FieldFilter(name, op, tuple(_check_value(name, kind, op, v, fail,
                                                        translate("SmartLists", "value {number}").format(number=i))
                                           for i, v in enumerate(value, 1)))
    return FieldFilter(name, op, _check_value(name, kind, op, value, fail, translate("SmartLists", "the value")))


def kind_words(kind: str) -> str:
    """KIND_WORDS[kind] in the person's language."""
    words = {TEXT: translate("SmartLists", "a text field"), NUMBER: translate("SmartLists", "a number field"),
             DATE: translate("SmartLists", "a date field"), CHOICE: translate("SmartLists", "a choice field")}
    return words.get(kind) or KIND_WORDS.get(kind, kind)


def _check_value(name: str, kind: str, op: str, value: Any, fail: Callable[[str], SmartListError],
                 what: str) -> Any:
    if kind == TEXT:
        if not isinstance(value, str):
            raise fail(translate("SmartLists", "{what} for {field} must be text, not {type}.").format(
                what=what, field=name, type=type(value).__name__))
        if op in NEEDLE_OPS and not fold(value):
            raise fail(translate("SmartLists", "{op} on {field} needs a value (some text to look for).").format(
                op=repr(op), field=name))
        return value
    if kind == NUMBER:
        number = _number(value)
        if number is None:
            raise fail(translate("SmartLists", "{what} for {field} must be a number, not {value}.").format(
                what=what, field=name, value=repr(value)))
        return number
    if kind == CHOICE:
        text = value.strip().lower() if isinstance(value, str) else None
        if text not in PERSON_TYPES:
            raise fail(translate("SmartLists", "{what} for {field} must be one of {known}, not {value}.").format(
                what=what, field=name, known=", ".join(PERSON_TYPES), value=repr(value)))
        return text
    # DATE
    if isinstance(value, str) and not value.strip():
        raise fail(translate("SmartLists", "{op} on {field} needs a value (a date such as 2024-01-31, or epoch "
                                           "seconds).").format(op=repr(op), field=name))
    try:
        parse_when(value)
    except ValueError:
        raise fail(translate("SmartLists", "{what} for {field} must be a date such as 2024-01-31, a date and time "
                                           "such as 2024-01-31T09:30:00Z, or epoch seconds (a number); not "
                                           "{value}.").format(what=what, field=name, value=repr(value))) from None
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
        raise fail(translate("SmartLists", 'an activity filter needs an activity type, e.g. "visited_web_page".'))
    has = raw.get("has", True)
    if not isinstance(has, bool):
        raise fail(translate("SmartLists", "'has' must be true or false, not {value}.").format(value=repr(has)))
    detail = raw.get("detail_contains")
    if detail is not None:
        if not isinstance(detail, str):
            raise fail(translate("SmartLists", "'detail_contains' must be text, not {type}.").format(
                type=type(detail).__name__))
        if not fold(detail):
            detail = None  # an empty "containing" box means no detail condition
    within = raw.get("within_days")
    if within is not None and not (_is_int(within) and 1 <= within <= MAX_WITHIN_DAYS):
        raise fail(translate("SmartLists", "'within_days' must be a whole number of days from 1 to {limit}, not "
                                           "{value}.").format(limit=MAX_WITHIN_DAYS, value=repr(within)))
    times = raw.get("min_times", 1)
    if times is None:
        times = 1
    if not (_is_int(times) and 1 <= times <= MAX_MIN_TIMES):
        raise fail(translate("SmartLists", "'min_times' must be a whole number from 1 to {limit}, not "
                                           "{value}.").format(limit=MAX_MIN_TIMES, value=repr(times)))
    return ActivityFilter(type=kind.strip(), has=has, detail_contains=detail,
                          within_days=int(within) if within is not None else None, min_times=int(times))


def _is_int(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or \
        (isinstance(value, float) and value.is_integer())


def _parse_membership_filter(raw: Mapping, fail: Callable[[str], SmartListError]) -> MembershipFilter:
    member = raw.get("member", True)
    if not isinstance(member, bool):
        raise fail(translate("SmartLists", "'member' must be true or false, not {value}.").format(
            value=repr(member)))
    ids = raw.get("campaign_ids")
    if isinstance(ids, str):
        ids = [ids]
    if not isinstance(ids, (list, tuple)) or not ids:
        raise fail(translate("SmartLists", "choose at least one Microsoft campaign ('campaign_ids')."))
    if not all(isinstance(cid, str) and cid.strip() for cid in ids):
        raise fail(translate("SmartLists", "every campaign id must be non-empty text."))
    return MembershipFilter(campaign_ids=tuple(dict.fromkeys(cid.strip() for cid in ids)), member=member)

