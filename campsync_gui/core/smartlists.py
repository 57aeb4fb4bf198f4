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
normalised text, so `count(engine, sl) == sum(matches(sl, p, ...) for p in people)` always holds.

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

In SQL, text folding runs as lower()/trim() for ASCII values; only non-ASCII values call `fold` back in
Python (a function registered on the SQLite connection), so both paths share one definition of folding.
"""

from __future__ import annotations

import functools
import math
import re
import time
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Union

from sqlalchemy import LargeBinary, and_, case, cast, func, literal, not_, or_, select, true
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from .models import Activity, Membership, Person

DAY_SECONDS = 86400.0
FLOW_ACTION = "flow_action"

TEXT, NUMBER, DATE, CHOICE = "text", "number", "date", "choice"
FIELD_KINDS: dict[str, str] = {
    "first_name": TEXT, "last_name": TEXT, "name": TEXT, "email": TEXT, "company": TEXT, "job_title": TEXT,
    "country": TEXT, "score": NUMBER, "type": CHOICE, "created_at": DATE,
}
FIELD_LABELS: dict[str, str] = {
    "first_name": "First name", "last_name": "Last name", "name": "Name", "email": "Email", "company": "Company",
    "job_title": "Job title", "country": "Country", "score": "Score", "type": "Type", "created_at": "Created",
}
OPS = ("equals", "not_equals", "contains", "not_contains", "starts_with", "greater_than", "less_than",
       "in_list", "not_in_list", "is_empty", "is_not_empty")
OPS_BY_KIND: dict[str, tuple[str, ...]] = {
    TEXT: ("equals", "not_equals", "contains", "not_contains", "starts_with", "in_list", "not_in_list",
           "is_empty", "is_not_empty"),
    NUMBER: ("equals", "not_equals", "greater_than", "less_than", "in_list", "not_in_list"),
    DATE: ("equals", "not_equals", "greater_than", "less_than"),
    CHOICE: ("equals", "not_equals", "in_list", "not_in_list"),
}
KIND_WORDS = {TEXT: "a text field", NUMBER: "a number field", DATE: "a date field", CHOICE: "a choice field"}
PERSON_TYPES = ("lead", "contact", "local")
TYPE_LABELS = {"lead": "Lead", "contact": "Contact", "local": "Local only (not in Dynamics)"}
NO_VALUE_OPS = ("is_empty", "is_not_empty")
LIST_OPS = ("in_list", "not_in_list")
NEEDLE_OPS = ("contains", "not_contains", "starts_with")  # an empty needle would match everyone: refused

_FILTER_KEYS = {
    "field": ("kind", "field", "op", "value"),
    "activity": ("kind", "has", "type", "detail_contains", "within_days", "min_times"),
    "membership": ("kind", "member", "campaign_ids"),
}
_ASCII_WHITESPACE = "".join(chr(i) for i in range(128) if chr(i).isspace())  # what str.strip() strips in ASCII
_SQL_FOLD = "campsync_fold"
_EPOCH_RANGE = (-62135596800, 253402300799)  # 0001-01-01 .. 9999-12-31T23:59:59 UTC, what datetime can show

Clock = Union[float, int, Callable[[], float]]


class SmartListError(ValueError):
    """A definition that cannot be used; the message says what to fix (and names the filter number)."""

    def __init__(self, message: str, filter_number: int | None = None):
        super().__init__(message)
        self.filter_number = filter_number


# ---- text folding --------------------------------------------------------------------------------

def fold(text: Any) -> str:
    """Text as smart lists compare it: NFKD, combining marks dropped, case-folded, stripped. None → ""."""
    if text is None:
        return ""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    elif not isinstance(text, str):
        text = str(text)
    if text.isascii():
        return text.lower().strip()  # the same as below for ASCII, and what SQL's lower()/trim() give
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


_fold_cached = functools.lru_cache(maxsize=65536)(fold)  # for SQL: one call per non-ASCII row


# ---- the parsed form -------------------------------------------------------------------------------

@dataclass(frozen=True)
class FieldFilter:
    field: str
    op: str
    value: Any = None  # as it goes back into JSON: str / number / list; None for is_empty / is_not_empty

    def __post_init__(self) -> None:
        kind = FIELD_KINDS[self.field]
        folded: Any = None
        if kind == TEXT and self.op in LIST_OPS:
            folded = tuple(dict.fromkeys(fold(v) for v in self.value))
        elif kind == TEXT and self.op not in NO_VALUE_OPS:
            folded = fold(self.value)
        elif kind == DATE:
            folded = _parse_when(self.value)
        elif kind == NUMBER and self.op in LIST_OPS:
            folded = tuple(dict.fromkeys(self.value))
        elif kind == CHOICE:
            folded = tuple(self.value) if self.op in LIST_OPS else (self.value,)
        object.__setattr__(self, "_folded", folded)

    def to_dict(self) -> dict:
        out = {"kind": "field", "field": self.field, "op": self.op}
        if self.op not in NO_VALUE_OPS:
            out["value"] = list(self.value) if self.op in LIST_OPS else self.value
        return out


@dataclass(frozen=True)
class ActivityFilter:
    type: str
    has: bool = True
    detail_contains: str | None = None
    within_days: int | None = None
    min_times: int = 1

    def to_dict(self) -> dict:
        out: dict[str, Any] = {"kind": "activity", "has": self.has, "type": self.type}
        if self.detail_contains is not None:
            out["detail_contains"] = self.detail_contains
        if self.within_days is not None:
            out["within_days"] = self.within_days
        if self.min_times != 1:
            out["min_times"] = self.min_times
        return out

    def window(self, now: float) -> tuple[float, float] | None:
        if self.within_days is None:
            return None
        return now - self.within_days * DAY_SECONDS, now


@dataclass(frozen=True)
class MembershipFilter:
    campaign_ids: tuple[str, ...]
    member: bool = True

    def to_dict(self) -> dict:
        return {"kind": "membership", "member": self.member, "campaign_ids": list(self.campaign_ids)}


Filter = Union[FieldFilter, ActivityFilter, MembershipFilter]
# Logic tree: ("ref", n) with n 1-based, ("not", node), ("and", (nodes...)), ("or", (nodes...)).
Node = tuple


@dataclass(frozen=True)
class SmartList:
    filters: tuple[Filter, ...]
    logic: str  # "all", "any", or the expression written canonically ("1 and (2 or not 3)")
    tree: Node

    def to_dict(self) -> dict:
        return {"filters": [f.to_dict() for f in self.filters], "logic": self.logic}

    def used_filters(self) -> list[int]:
        """The filter numbers the logic refers to (filters it does not use are allowed and ignored)."""
        return sorted(_refs(self.tree))


# ---- validation ------------------------------------------------------------------------------------

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
        _parse_when(value)
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


def _parse_when(value: Any) -> tuple[float, float | None]:
    """(start, end) in epoch seconds: a whole UTC day [start, end) for a date, (t, None) for a point."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        if not math.isfinite(value) or not _EPOCH_RANGE[0] <= value <= _EPOCH_RANGE[1]:
            raise ValueError(value)
        return float(value), None
    if not isinstance(value, str):
        raise ValueError(value)
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{8}", text):
        day = date.fromisoformat(text)
        start = datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp()
        return start, start + DAY_SECONDS
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp(), None


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
    if within is not None and not (_is_int(within) and within >= 1):
        raise fail(f"'within_days' must be a whole number of days, 1 or more, not {within!r}.")
    times = raw.get("min_times", 1)
    if times is None:
        times = 1
    if not (_is_int(times) and times >= 1):
        raise fail(f"'min_times' must be a whole number, 1 or more, not {times!r}.")
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


# ---- logic -----------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\s*(?:(?P<num>[0-9]+)|(?P<open>\()|(?P<close>\))|(?P<word>[A-Za-z_]+)|(?P<other>\S))")
MAX_LOGIC_DEPTH = 50  # parentheses and nots inside each other; deeper is a mistake (and would hit recursion limits)
_PRECEDENCE = {"or": 1, "and": 2, "not": 3, "ref": 4}


def parse_logic(logic: str, filter_count: int) -> tuple[str, Node]:
    """Parse 'all', 'any' or an expression of filter numbers, and/or/not and parentheses.

    Returns (canonical text, tree). Precedence: not > and > or. Never evaluates anything."""
    text = logic.strip()
    if text.lower() in ("", "all", "any"):
        word = text.lower() or "all"
        refs = tuple(("ref", n) for n in range(1, filter_count + 1))
        return word, (("and" if word == "all" else "or"), refs)
    return _LogicParser(text, filter_count).parse()


class _LogicParser:
    """Recursive descent over: or := and ('or' and)* ; and := not ('and' not)* ; not := 'not' not | atom ;
    atom := NUMBER | '(' or ')'."""

    def __init__(self, text: str, filter_count: int):
        self.text, self.filter_count = text, filter_count
        self.tokens: list[tuple[str, str]] = []
        for match in _TOKEN.finditer(text):
            kind = match.lastgroup
            value = match.group(kind)
            if kind == "word":
                value = value.lower()
                if value not in ("and", "or", "not"):
                    raise self.fail(f"unknown word {match.group(kind)!r} (use filter numbers with and, or, not "
                                    f"and parentheses, or just 'all' / 'any')")
            elif kind == "other":
                raise self.fail(f"unexpected {value!r} (use filter numbers with and, or, not and parentheses)")
            self.tokens.append((kind if kind != "word" else value, value))
        depth = 0
        for kind, _ in self.tokens:
            depth += {"open": 1, "close": -1}.get(kind, 0)
            if depth < 0:
                break
        if depth != 0:
            raise self.fail("unbalanced parentheses")
        self.pos = 0
        self.depth = 0

    def fail(self, message: str) -> SmartListError:
        return SmartListError(f"Logic {self.text!r}: {message}.")

    def peek(self) -> str | None:
        return self.tokens[self.pos][0] if self.pos < len(self.tokens) else None

    def parse(self) -> tuple[str, Node]:
        tree = self.parse_or()
        if self.pos < len(self.tokens):
            kind, value = self.tokens[self.pos]
            if kind in ("num", "open", "not"):
                raise self.fail(f"expected 'and' or 'or' before {value!r}")
            raise self.fail(f"unexpected {value!r}")
        return render_logic(tree), tree

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while self.peek() == "or":
            self.pos += 1
            items.append(self.parse_and(after="or"))
        return items[0] if len(items) == 1 else ("or", _flatten("or", items))

    def parse_and(self, after: str | None = None) -> Node:
        items = [self.parse_not(after)]
        while self.peek() == "and":
            self.pos += 1
            items.append(self.parse_not("and"))
        return items[0] if len(items) == 1 else ("and", _flatten("and", items))

    def parse_not(self, after: str | None) -> Node:
        if self.peek() == "not":
            self.pos += 1
            with self.nested():
                return ("not", self.parse_not("not"))
        return self.parse_atom(after)

    @contextmanager
    def nested(self) -> Iterator[None]:
        self.depth += 1
        if self.depth > MAX_LOGIC_DEPTH:
            raise self.fail(f"nested more than {MAX_LOGIC_DEPTH} levels deep")
        yield
        self.depth -= 1

    def parse_atom(self, after: str | None) -> Node:
        where = f" after {after!r}" if after else (" after '('" if self.pos and self.tokens[self.pos - 1][0] == "open"
                                                   else "")
        if self.pos >= len(self.tokens):
            raise self.fail(f"expected a filter number{where}")
        kind, value = self.tokens[self.pos]
        if kind == "num":
            self.pos += 1
            number = int(value)
            if number < 1:
                raise self.fail("filter numbers start at 1")
            if number > self.filter_count:
                there = "is only 1 filter" if self.filter_count == 1 else f"are {self.filter_count} filters"
                raise self.fail(f"filter {number} does not exist (there {there})")
            return ("ref", number)
        if kind == "open":
            self.pos += 1
            with self.nested():
                inner = self.parse_or()
            if self.peek() != "close":
                kind, value = self.tokens[self.pos]  # parentheses balance, so something is left
                raise self.fail(f"expected 'and' or 'or' before {value!r}")
            self.pos += 1
            return inner
        raise self.fail(f"expected a filter number{where}, not {value!r}")


def _flatten(op: str, items: list[Node]) -> tuple[Node, ...]:
    out: list[Node] = []
    for item in items:
        out.extend(item[1] if item[0] == op else (item,))
    return tuple(out)


def render_logic(node: Node, parent: int = 0) -> str:
    """The canonical text of a logic tree: lower-case words, parentheses only where needed."""
    kind = node[0]
    if kind == "ref":
        return str(node[1])
    if kind == "not":
        text = "not " + render_logic(node[1], _PRECEDENCE["not"])
    else:
        text = f" {kind} ".join(render_logic(child, _PRECEDENCE[kind]) for child in node[1])
    return f"({text})" if _PRECEDENCE[kind] < parent else text


def _refs(node: Node) -> set[int]:
    if node[0] == "ref":
        return {node[1]}
    if node[0] == "not":
        return _refs(node[1])
    return set().union(*(_refs(child) for child in node[1])) if node[1] else set()


def _evaluate(node: Node, leaf: Callable[[int], bool]) -> bool:
    kind = node[0]
    if kind == "ref":
        return leaf(node[1])
    if kind == "not":
        return not _evaluate(node[1], leaf)
    if kind == "and":
        return all(_evaluate(child, leaf) for child in node[1])
    return any(_evaluate(child, leaf) for child in node[1]) if node[1] else True  # no filters: everyone


# ---- one person, in Python --------------------------------------------------------------------------

def _now(now: Clock) -> float:
    return float(now() if callable(now) else now)


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
    """A text field as filters compare it; the twin of _text_sql()."""
    if name == "name":
        return " ".join(part for part in (fold(_get(person, "first_name")), fold(_get(person, "last_name"))) if part)
    return fold(_get(person, name))


def _person_value(person: Any, name: str) -> Any:
    if name == "type":
        return _get(person, "dynamics_type") or "local"
    if name in ("score", "created_at"):
        return _get(person, name) or 0
    return _get(person, name)


def _field_matches(flt: FieldFilter, person: Any) -> bool:
    kind, op, want = FIELD_KINDS[flt.field], flt.op, flt._folded  # type: ignore[attr-defined]
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


def matches(smart_list: SmartList | Mapping, person: Any, *, activities: Sequence[Any] = (),
            memberships: Sequence[Any] = (), now: Clock = time.time) -> bool:
    """Whether one person qualifies. `activities` / `memberships` are that person's Activity / Membership rows
    (objects or dicts); `now` is epoch seconds or a clock to call."""
    sl = validate(smart_list)
    moment = _now(now)
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


# ---- the whole store, in SQL -------------------------------------------------------------------------

def _fold_sql(column: Any) -> Any:
    """fold() in SQL: '' for NULL, lower()+trim() when the text is all ASCII (as many characters as bytes),
    else Python's fold (cached: the same non-ASCII values repeat from row to row). Never NULL."""
    ascii_only = func.length(column) == func.length(cast(column, LargeBinary))
    return case((column.is_(None), ""),
                (ascii_only, func.trim(func.lower(column), literal(_ASCII_WHITESPACE))),
                else_=getattr(func, _SQL_FOLD)(column))


def _text_sql(name: str) -> Any:
    """A text field as filters compare it; the twin of _person_text()."""
    table = Person.__table__.c
    if name == "name":  # both parts are folded, so stripped: trim() only drops the space when a part is empty
        return func.trim(_fold_sql(table.first_name).op("||")(" ").op("||")(_fold_sql(table.last_name)))
    return _fold_sql(table[name])


def _person_column_sql(name: str) -> Any:
    table = Person.__table__.c
    if name == "type":
        return func.coalesce(func.nullif(table.dynamics_type, ""), "local")
    if name in ("score", "created_at"):
        return func.coalesce(table[name], 0)
    return table[name]


def _field_sql(flt: FieldFilter) -> Any:
    kind, op, want = FIELD_KINDS[flt.field], flt.op, flt._folded  # type: ignore[attr-defined]
    if kind == TEXT:
        have = _text_sql(flt.field)
        if op == "is_empty":
            return have == ""
        if op == "is_not_empty":
            return have != ""
        if op == "equals":
            return have == want
        if op == "not_equals":
            return have != want
        if op == "contains":
            return func.instr(have, want) > 0
        if op == "not_contains":
            return func.instr(have, want) == 0
        if op == "starts_with":
            return func.substr(have, 1, len(want)) == want
        return have.in_(want) if op == "in_list" else have.not_in(want)
    column = _person_column_sql(flt.field)
    if kind == CHOICE:
        return column.in_(want) if op in ("equals", "in_list") else column.not_in(want)
    if kind == NUMBER:
        value = flt.value
        return {"equals": lambda: column == value, "not_equals": lambda: column != value,
                "greater_than": lambda: column > value, "less_than": lambda: column < value,
                "in_list": lambda: column.in_(want), "not_in_list": lambda: column.not_in(want)}[op]()
    start, end = want  # DATE
    if op == "greater_than":
        return column >= end if end is not None else column > start
    if op == "less_than":
        return column < start
    inside = and_(column >= start, column < end) if end is not None else column == start
    return inside if op == "equals" else not_(inside)


def _activity_sql(flt: ActivityFilter, now: float) -> Any:
    act = Activity.__table__.c
    conditions = [act.type == flt.type]
    window = flt.window(now)
    if window is not None:
        conditions += [act.at >= window[0], act.at <= window[1]]
    if flt.detail_contains is not None:
        conditions.append(func.instr(_fold_sql(act.detail), fold(flt.detail_contains)) > 0)
    people = select(act.person_id).where(*conditions)
    if flt.min_times > 1:
        people = people.group_by(act.person_id).having(func.count() >= flt.min_times)
    person_id = Person.__table__.c.id
    return person_id.in_(people) if flt.has else person_id.not_in(people)


def _membership_sql(flt: MembershipFilter) -> Any:
    mem = Membership.__table__.c
    people = select(mem.person_id).where(mem.source == FLOW_ACTION, mem.campaign_id.in_(flt.campaign_ids))
    person_id = Person.__table__.c.id
    return person_id.in_(people) if flt.member else person_id.not_in(people)


def _sql_cost(flt: Filter) -> int:
    """Rough cost per person: a number, a set lookup, a fold of text (Python for non-ASCII values)."""
    if isinstance(flt, FieldFilter):
        return 4 if FIELD_KINDS[flt.field] == TEXT else 1
    return 2  # activity and membership: a lookup in a subquery's result, built once per statement


def where_clause(smart_list: SmartList | Mapping, *, now: Clock = time.time) -> Any:
    """The smart list as one SQL condition on the `person` table (never NULL, so NOT is exact)."""
    sl = validate(smart_list)
    moment = _now(now)
    compiled: dict[int, Any] = {}
    for number in _refs(sl.tree):
        flt = sl.filters[number - 1]
        if isinstance(flt, FieldFilter):
            compiled[number] = _field_sql(flt)
        elif isinstance(flt, ActivityFilter):
            compiled[number] = _activity_sql(flt, moment)
        else:
            compiled[number] = _membership_sql(flt)

    def cost(node: Node) -> int:
        if node[0] == "ref":
            return _sql_cost(sl.filters[node[1] - 1])
        return cost(node[1]) if node[0] == "not" else sum(cost(child) for child in node[1])

    def build(node: Node) -> Any:
        kind = node[0]
        if kind == "ref":
            return compiled[node[1]]
        if kind == "not":
            return not_(build(node[1]))
        if not node[1]:
            return true()  # no filters: everyone
        # SQLite evaluates AND / OR left to right and stops early: cheap conditions first. The order cannot
        # change the answer: every condition is free of side effects and never NULL.
        children = [build(child) for child in sorted(node[1], key=cost)]
        return and_(*children) if kind == "and" else or_(*children)

    return build(sl.tree)


@contextmanager
def _connection(engine: Engine) -> Iterator[Connection]:
    with Session(engine) as session:
        connection = session.connection()
        driver = connection.connection.driver_connection
        if hasattr(driver, "create_function"):  # sqlite3: fold() for the non-ASCII values
            driver.create_function(_SQL_FOLD, 1, _fold_cached, deterministic=True)
        yield connection


def members(engine: Engine, smart_list: SmartList | Mapping, *, now: Clock = time.time) -> list[int]:
    """Ids of every person in the store the smart list qualifies, ascending."""
    person_id = Person.__table__.c.id
    statement = select(person_id).where(where_clause(smart_list, now=now)).order_by(person_id)
    with _connection(engine) as connection:
        return list(connection.execute(statement).scalars())


def count(engine: Engine, smart_list: SmartList | Mapping, *, now: Clock = time.time) -> int:
    """How many people in the store the smart list qualifies (a batch campaign's preview)."""
    statement = select(func.count()).select_from(Person.__table__).where(where_clause(smart_list, now=now))
    with _connection(engine) as connection:
        return int(connection.execute(statement).scalar_one())


# ---- words -------------------------------------------------------------------------------------------

def _quote(text: str) -> str:
    return f"'{text}'"


def _when_words(value: Any) -> tuple[str, bool]:
    start, end = _parse_when(value)
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
