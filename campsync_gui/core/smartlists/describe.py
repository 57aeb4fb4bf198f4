"""Descriptions: a smart list in plain words, one line per filter ("Country is France") and its logic.

Shown next to each filter in the editor and as the count's tooltip.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from .parsed import ActivityFilter, FieldFilter, MembershipFilter, SmartList
from .parsing import validate
from .values import fold, parse_when
from .vocabulary import CHOICE, DATE, FIELD_KINDS, FIELD_LABELS, LIST_OPS, NUMBER, TEXT, TYPE_LABELS


def _quote(text: str) -> str:
    return f"'{text}'"


def _when_words(value: Any) -> tuple[str, bool]:
    start, end = parse_when(value)
    if end is not None:
        return datetime.fromtimestamp(start, timezone.utc).strftime("%Y-%m-%d"), True
    moment = datetime.fromtimestamp(start, timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%S" if moment.second or moment.microsecond else "%Y-%m-%d %H:%M") \
        + " UTC", False


def _number_words(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _describe_field(flt: FieldFilter) -> str:
    label, kind, op, value = FIELD_LABELS[flt.field], FIELD_KINDS[flt.field], flt.op, flt.value
    if op == "is_empty" or (kind == TEXT and op == "equals" and not fold(value)):
        return f"{label} is empty"
    if op == "is_not_empty" or (kind == TEXT and op == "not_equals" and not fold(value)):
        return f"{label} is not empty"
    if kind == DATE:
        words, whole_day = _when_words(value)
        verb = {"equals": "on" if whole_day else "at", "not_equals": "not on" if whole_day else "not at",
                "greater_than": "after", "less_than": "before"}[op]
        return f"{label} {verb} {words}"
    if kind == CHOICE:
        shown = [TYPE_LABELS[v] for v in (value if op in LIST_OPS else (value,))]
    elif kind == NUMBER:
        shown = [_number_words(v) for v in (value if op in LIST_OPS else (value,))]
    else:
        shown = list(value) if op in LIST_OPS else [value.strip()]
    if op == "equals":
        return f"{label} is {shown[0]}"
    if op == "not_equals":
        return f"{label} is not {shown[0]}"
    if op == "contains":
        return f"{label} contains {_quote(shown[0])}"
    if op == "not_contains":
        return f"{label} does not contain {_quote(shown[0])}"
    if op == "starts_with":
        return f"{label} starts with {_quote(shown[0])}"
    if op == "greater_than":
        return f"{label} is greater than {shown[0]}"
    if op == "less_than":
        return f"{label} is less than {shown[0]}"
    if kind == TEXT:
        shown = [v.strip() if fold(v) else "(empty)" for v in shown]
    listed = ", ".join(shown)
    return f"{label} is any of {listed}" if op == "in_list" else f"{label} is none of {listed}"


def _describe_activity(flt: ActivityFilter) -> str:
    words = ["Has" if flt.has else "Has not", flt.type.replace("_", " ")]
    if flt.detail_contains is not None:
        words.append(f"containing {_quote(flt.detail_contains.strip())}")
    if flt.min_times > 1:
        words.append(f"at least {flt.min_times} times")
    if flt.within_days is not None:
        words.append("in the last day" if flt.within_days == 1 else f"in the last {flt.within_days} days")
    return " ".join(words)


def _describe_membership(flt: MembershipFilter, names: Mapping[str, str]) -> str:
    shown = ", ".join(f"{names[cid]} ({cid})" if names.get(cid) else cid for cid in flt.campaign_ids)
    prefix = "Member" if flt.member else "Not member"
    return f"{prefix} of Microsoft campaign (added by CampSync): {shown}"


def describe(smart_list: SmartList | Mapping, *, campaign_names: Mapping[str, str] | None = None) -> list[str]:
    """One plain-language line per filter, in order ("Country is France", "Has visited web page ...")."""
    sl = validate(smart_list)
    lines = []
    for flt in sl.filters:
        if isinstance(flt, FieldFilter):
            lines.append(_describe_field(flt))
        elif isinstance(flt, ActivityFilter):
            lines.append(_describe_activity(flt))
        else:
            lines.append(_describe_membership(flt, campaign_names or {}))
    return lines


def describe_logic(smart_list: SmartList | Mapping) -> str:
    """The logic in words: "All filters", "Any filter", or "Filters 1 and (2 or 3)"."""
    sl = validate(smart_list)
    if not sl.filters:
        return "No filters: everyone qualifies"
    if sl.logic == "all":
        return "All filters"
    if sl.logic == "any":
        return "Any filter"
    return f"Filters {sl.logic}"
