"""Python evaluation: whether one person matches a smart list, given their activities and memberships.

The twin of `sql`, which answers the same question for the whole store; both read values through `values`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..folded_text import fold_name
from .logic import Node
from .parsed import ActivityFilter, FieldFilter, MembershipFilter, SmartList
from .parsing import validate
from .values import Clock, fold, read_clock
from .vocabulary import CHOICE, FIELD_KINDS, FLOW_ACTION, NUMBER, TEXT

_MISSING = object()


def _get(row: Any, name: str, default: Any = None) -> Any:
    """An attribute of a model row, or a key of a dict row."""
    if isinstance(row, dict):
        return row.get(name, default)
    value = getattr(row, name, _MISSING)
    if value is _MISSING:
        return row.get(name, default) if isinstance(row, Mapping) else default
    return value


def _person_text(person: Any, name: str) -> str:
    """A text field as filters compare it; the twin of sql._text_sql() (which reads the copies folded_text wrote)."""
    if name == "name":
        return fold_name(_get(person, "first_name"), _get(person, "last_name"))
    return fold(_get(person, name))


def _person_value(person: Any, name: str) -> Any:
    if name == "type":
        return _get(person, "dynamics_type") or "local"
    if name in ("score", "created_at"):
        return _get(person, name) or 0
    return _get(person, name)


def _field_matches(flt: FieldFilter, person: Any) -> bool:
    kind, op, want = FIELD_KINDS[flt.field], flt.op, flt.folded
    if kind == TEXT:
        have = _person_text(person, flt.field)
        if op == "is_empty":
            return have == ""
        if op == "is_not_empty":
            return have != ""
        if op == "equals":
            return have == want
        if op == "not_equals":
            return have != want
        if op == "contains":
            return want in have
        if op == "not_contains":
            return want not in have
        if op == "starts_with":
            return have.startswith(want)
        if op == "in_list":
            return have in want
        return have not in want  # not_in_list
    raw = _person_value(person, flt.field)
    if kind == CHOICE:
        return (raw in want) == (op in ("equals", "in_list"))
    if kind == NUMBER:
        value = flt.value
        if op == "equals":
            return raw == value
        if op == "not_equals":
            return raw != value
        if op == "greater_than":
            return raw > value
        if op == "less_than":
            return raw < value
        return (raw in want) == (op == "in_list")
    start, end = want  # DATE
    raw = float(raw)
    if op == "greater_than":
        return raw >= end if end is not None else raw > start
    if op == "less_than":
        return raw < start
    inside = (start <= raw < end) if end is not None else raw == start
    return inside if op == "equals" else not inside


def _activity_matches(flt: ActivityFilter, activities: Sequence[Any], person_id: Any, now: float) -> bool:
    window = flt.window(now)
    needle = fold(flt.detail_contains) if flt.detail_contains is not None else None
    times = 0
    for row in activities:
        row_person = _get(row, "person_id")
        if person_id is not None and row_person is not None and row_person != person_id:
            continue  # someone else's row handed in by mistake
        if _get(row, "type") != flt.type:
            continue
        if window is not None and not (window[0] <= float(_get(row, "at") or 0) <= window[1]):
            continue
        if needle is not None and needle not in fold(_get(row, "detail")):
            continue
        times += 1
        if times >= flt.min_times:
            break
    return (times >= flt.min_times) == flt.has


def _membership_matches(flt: MembershipFilter, memberships: Sequence[Any], person_id: Any) -> bool:
    found = False
    for row in memberships:
        row_person = _get(row, "person_id")
        if person_id is not None and row_person is not None and row_person != person_id:
            continue
        if _get(row, "source", FLOW_ACTION) == FLOW_ACTION and _get(row, "campaign_id") in flt.campaign_ids:
            found = True
            break
    return found == flt.member


def _evaluate(node: Node, leaf: Callable[[int], bool]) -> bool:
    """Walk a logic tree; `leaf(n)` says whether filter n matches (asked only when the answer still depends on it)."""
    kind = node[0]
    if kind == "ref":
        return leaf(node[1])
    if kind == "not":
        return not _evaluate(node[1], leaf)
    if kind == "and":
        return all(_evaluate(child, leaf) for child in node[1])
    return any(_evaluate(child, leaf) for child in node[1]) if node[1] else True  # no filters: everyone


def matches(smart_list: SmartList | Mapping, person: Any, *, activities: Sequence[Any] = (),
            memberships: Sequence[Any] = (), now: Clock = time.time) -> bool:
    """Whether one person qualifies. `activities` / `memberships` are that person's Activity / Membership rows
    (objects or dicts); `now` is epoch seconds or a clock to call."""
    sl = validate(smart_list)
    moment = read_clock(now)
    person_id = _get(person, "id")
    cache: dict[int, bool] = {}

    def leaf(number: int) -> bool:
        if number not in cache:
            flt = sl.filters[number - 1]
            if isinstance(flt, FieldFilter):
                cache[number] = _field_matches(flt, person)
            elif isinstance(flt, ActivityFilter):
                cache[number] = _activity_matches(flt, activities, person_id, moment)
            else:
                cache[number] = _membership_matches(flt, memberships, person_id)
        return cache[number]

    return _evaluate(sl.tree, leaf)
