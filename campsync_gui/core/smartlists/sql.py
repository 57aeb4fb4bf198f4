"""SQL compilation: a smart list as one SQLAlchemy condition on `person`, and `members()` / `count()` over
the whole store in one statement.

Text folding runs as lower()/trim() for ASCII values; only non-ASCII values call `fold` back in Python (a
function registered on the SQLite connection), so SQL and `evaluation` share one definition of folding.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import LargeBinary, and_, case, cast, func, literal, not_, or_, select, true
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from ..models import Activity, Membership, Person
from .logic import Node, referenced_filters
from .parsed import ActivityFilter, FieldFilter, Filter, MembershipFilter, SmartList
from .parsing import validate
from .values import Clock, fold, read_clock
from .vocabulary import CHOICE, FIELD_KINDS, FLOW_ACTION, NUMBER, TEXT, SmartListError

_ASCII_WHITESPACE = "".join(chr(i) for i in range(128) if chr(i).isspace())  # what str.strip() strips in ASCII
_SQL_FOLD = "campsync_fold"

_fold_cached = functools.lru_cache(maxsize=65536)(fold)  # for SQL: one call per non-ASCII row


def _fold_sql(column: Any) -> Any:
    """fold() in SQL: '' for NULL, lower()+trim() when the text is all ASCII (as many characters as bytes),
    else Python's fold (cached: the same non-ASCII values repeat from row to row). Never NULL."""
    ascii_only = func.length(column) == func.length(cast(column, LargeBinary))
    return case((column.is_(None), ""),
                (ascii_only, func.trim(func.lower(column), literal(_ASCII_WHITESPACE))),
                else_=getattr(func, _SQL_FOLD)(column))


def _text_sql(name: str) -> Any:
    """A text field as filters compare it; the twin of evaluation._person_text()."""
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
    kind, op, want = FIELD_KINDS[flt.field], flt.op, flt.folded
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
    moment = read_clock(now)
    compiled: dict[int, Any] = {}
    for number in referenced_filters(sl.tree):
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
def _connection(db: Engine) -> Iterator[Connection]:
    with Session(db) as session:
        connection = session.connection()
        driver = connection.connection.driver_connection
        if hasattr(driver, "create_function"):  # sqlite3: fold() for the non-ASCII values
            driver.create_function(_SQL_FOLD, 1, _fold_cached, deterministic=True)
        try:
            yield connection
        except OperationalError as exc:  # what the bounds checked in `validate` did not foresee, still in words
            text = str(exc.orig if exc.orig is not None else exc).lower()
            if any(words in text for words in _TOO_COMPLEX):
                raise SmartListError("This smart list is too complex for the database (its logic is nested too "
                                     "deeply, or it has too many filters): simplify the logic.") from exc
            raise


_TOO_COMPLEX = ("expression tree is too large", "parser stack overflow", "too many sql variables",
                "too many terms in compound select")


def members(db: Engine, smart_list: SmartList | Mapping, *, now: Clock = time.time) -> list[int]:
    """Ids of every person in the store the smart list qualifies, ascending."""
    person_id = Person.__table__.c.id
    statement = select(person_id).where(where_clause(smart_list, now=now)).order_by(person_id)
    with _connection(db) as connection:
        return list(connection.execute(statement).scalars())


def count(db: Engine, smart_list: SmartList | Mapping, *, now: Clock = time.time) -> int:
    """How many people in the store the smart list qualifies (a batch campaign's preview)."""
    statement = select(func.count()).select_from(Person.__table__).where(where_clause(smart_list, now=now))
    with _connection(db) as connection:
        return int(connection.execute(statement).scalar_one())

