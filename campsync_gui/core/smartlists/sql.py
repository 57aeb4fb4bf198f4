"""SQL compilation: a smart list as one SQLAlchemy condition on `person`, and `members()` / `count()` over
the whole store in one statement.

Text is compared through the folded copies every write keeps beside it (core/folded_text: person.folded_*,
activity.folded_detail), folded by the same `fold` that `evaluation` uses: plain columns and ordinary indexes, no
function called per row, the same SQL on any database.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Integer, and_, false, func, not_, or_, select, true
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session

from ...language import translate
from ..folded_text import ACTIVITY_FOLDED, FOLDED_NAME, PERSON_FOLDED
from ..models import Activity, Membership, Person
from .logic import Node, referenced_filters
from .parsed import ActivityFilter, FieldFilter, Filter, MembershipFilter, SmartList
from .parsing import validate
from .values import Clock, fold, read_clock
from .vocabulary import CHOICE, FIELD_KINDS, FLOW_ACTION, NUMBER, TEXT, SmartListError


class instr(FunctionElement):  # noqa: N801 — named as the SQL function it stands for
    """instr(text, part): where `part` starts in `text` (1-based), 0 when it is not there. SQLite's name; PostgreSQL
    calls the same function strpos."""

    type = Integer()
    inherit_cache = True


@compiles(instr)
def _instr(element, compiler, **kw) -> str:
    return f"instr({compiler.process(element.clauses, **kw)})"


@compiles(instr, "postgresql")
def _strpos(element, compiler, **kw) -> str:
    return f"strpos({compiler.process(element.clauses, **kw)})"


def _text_sql(name: str) -> Any:
    """A text field as filters compare it; the twin of evaluation._person_text()."""
    table = Person.__table__.c
    return table[FOLDED_NAME if name == "name" else PERSON_FOLDED[name]]


def _type_sql(want: tuple[str, ...]) -> Any:
    """"type is one of `want`", written so an index on dynamics_type answers it: the type is the stored one, and
    "local" for NULL or "" (the twin of evaluation._person_value). Never NULL."""
    kind = Person.__table__.c.dynamics_type
    others = [value for value in want if value != "local"]
    if "local" in want:
        return or_(kind.is_(None), kind.in_(["", "local", *others]))
    return and_(kind.is_not(None), kind.in_(others)) if others else false()


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
            return instr(have, want) > 0
        if op == "not_contains":
            return instr(have, want) == 0
        if op == "starts_with":
            return func.substr(have, 1, len(want)) == want
        return have.in_(want) if op == "in_list" else have.not_in(want)
    if kind == CHOICE:
        return _type_sql(want) if op in ("equals", "in_list") else not_(_type_sql(want))
    column = Person.__table__.c[flt.field]  # score / created_at: NOT NULL, so compared as they are
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
        conditions.append(instr(act[ACTIVITY_FOLDED["detail"]], fold(flt.detail_contains)) > 0)
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
    """Rough cost per person: a number, a set lookup, a text comparison."""
    if isinstance(flt, FieldFilter):
        return 3 if FIELD_KINDS[flt.field] == TEXT else 1
    return 2  # activity and membership: a lookup in a subquery's result, built once per statement


class _Compiler:
    """A validated smart list's filters compiled once, and its logic tree (or parts of it) built from them."""

    def __init__(self, sl: SmartList, now: float):
        self.sl, self.now = sl, now
        self.compiled: dict[int, Any] = {number: self.filter_sql(sl.filters[number - 1])
                                         for number in referenced_filters(sl.tree)}

    def filter_sql(self, flt: Filter) -> Any:
        if isinstance(flt, FieldFilter):
            return _field_sql(flt)
        if isinstance(flt, ActivityFilter):
            return _activity_sql(flt, self.now)
        return _membership_sql(flt)

    def cost(self, node: Node) -> int:
        if node[0] == "ref":
            return _sql_cost(self.sl.filters[node[1] - 1])
        return self.cost(node[1]) if node[0] == "not" else sum(self.cost(child) for child in node[1])

    def build(self, node: Node) -> Any:
        kind = node[0]
        if kind == "ref":
            return self.compiled[node[1]]
        if kind == "not":
            return not_(self.build(node[1]))
        return self.combine(kind, node[1])

    def combine(self, kind: str, nodes: Sequence[Node]) -> Any:
        if not nodes:
            return true()  # no filters: everyone
        # SQLite evaluates AND / OR left to right and stops early: cheap conditions first. The order cannot
        # change the answer: every condition is free of side effects and never NULL.
        children = [self.build(child) for child in sorted(nodes, key=self.cost)]
        return and_(*children) if kind == "and" else or_(*children)

    def has_subquery(self, node: Node) -> bool:
        if node[0] == "ref":
            return not isinstance(self.sl.filters[node[1] - 1], FieldFilter)
        return self.has_subquery(node[1]) if node[0] == "not" else any(self.has_subquery(n) for n in node[1])

    def negated_subquery(self, node: Node) -> Any | None:
        """For "has not" / "not a member" (or `not` of "has" / "member"): "the person is in the subquery", else
        None."""
        negated = node[0] == "not"
        ref = node[1] if negated else node
        if ref[0] != "ref":
            return None
        flt = self.sl.filters[ref[1] - 1]
        if isinstance(flt, ActivityFilter) and flt.has == negated:
            return _activity_sql(dataclasses.replace(flt, has=True), self.now)
        if isinstance(flt, MembershipFilter) and flt.member == negated:
            return _membership_sql(dataclasses.replace(flt, member=True))
        return None


def where_clause(smart_list: SmartList | Mapping, *, now: Clock = time.time) -> Any:
    """The smart list as one SQL condition on the `person` table (never NULL, so NOT is exact)."""
    sl = validate(smart_list)
    return _Compiler(sl, read_clock(now)).build(sl.tree)


def _count_statement(sl: SmartList, now: float) -> Any:
    """One statement (one snapshot) counting the people `sl` qualifies.

    "Has not" (an activity or membership filter negated, alone or ANDed with field filters) would probe the
    subquery's people once per person in the store: 200,000 probes. It is counted as everyone the rest qualifies
    minus those of them in the subquery, which SQLite reads from the subquery's few people by primary key."""
    compiler = _Compiler(sl, now)
    table = Person.__table__
    parts = list(sl.tree[1]) if sl.tree[0] == "and" else [sl.tree]
    for index, part in enumerate(parts):
        inside = compiler.negated_subquery(part)
        others = parts[:index] + parts[index + 1:]
        # The rest is counted twice: worth it only when it has no subquery of its own to build twice.
        if inside is not None and not any(compiler.has_subquery(other) for other in others):
            rest = compiler.combine("and", others)
            qualified = select(func.count()).select_from(table).where(rest).scalar_subquery()
            excluded = select(func.count()).select_from(table).where(rest, inside).scalar_subquery()
            return select(qualified - excluded)
    return select(func.count()).select_from(table).where(compiler.build(sl.tree))


@contextmanager
def _connection(db: Engine) -> Iterator[Connection]:
    with Session(db) as session:
        connection = session.connection()
        try:
            yield connection
        except OperationalError as exc:  # what the bounds checked in `validate` did not foresee, still in words
            text = str(exc.orig if exc.orig is not None else exc).lower()
            if any(words in text for words in _TOO_COMPLEX):
                raise SmartListError(translate("SmartLists", "This smart list is too complex for the database (its "
                                                             "logic is nested too deeply, or it has too many "
                                                             "filters): simplify the logic.")) from exc
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
    statement = _count_statement(validate(smart_list), read_clock(now))
    with _connection(db) as connection:
        return int(connection.execute(statement).scalar_one())

