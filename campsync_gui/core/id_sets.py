"""`column IN (these ids)` as one bound parameter, whatever the number of ids.

`column.in_(ids)` makes SQLAlchemy render and convert one parameter per id on every execution: for the 10,000
people of a drop that was a fifth of the engine's local time, in chunks of 500 because SQLite caps the number of
parameters. `among(column, ids)` binds the ids as one JSON array that the database unpacks itself (SQLite's
`json_each`, PostgreSQL's `jsonb_array_elements_text`), so the statement is compiled once and cached, and a list of
any length is one statement."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import Integer, String, bindparam
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import Boolean


class Among(ColumnElement[bool]):
    """The condition `column IN (the values of a JSON array bound as one parameter)`; see `among`."""

    type = Boolean()
    inherit_cache = True
    _is_implicitly_boolean = True  # a predicate: rendered as it is, not as `(…) = 1` where booleans are integers
    # The column, the parameter and the cast take part in the statement's cache key (the values do not: they are
    # the parameter's, extracted anew on each execution of the cached statement).
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement),
                           ("values", InternalTraversal.dp_clauseelement),
                           ("as_integers", InternalTraversal.dp_boolean)]

    def __init__(self, column: ColumnElement, values_json: str, as_integers: bool):
        self.column = column
        self.values = bindparam(None, values_json, type_=String(), unique=True)
        self.as_integers = as_integers


@compiles(Among, "sqlite")
def _among_sqlite(element: Among, compiler, **kw) -> str:
    column = compiler.process(element.column, **kw)
    return f"{column} IN (SELECT value FROM json_each({compiler.process(element.values, **kw)}))"


@compiles(Among, "postgresql")
def _among_postgresql(element: Among, compiler, **kw) -> str:
    column = compiler.process(element.column, **kw)
    cast = "CAST(value AS BIGINT)" if element.as_integers else "value"
    return (f"{column} IN (SELECT {cast} FROM jsonb_array_elements_text(CAST({compiler.process(element.values, **kw)} "
            f"AS JSONB)))")


@compiles(Among)
def _among_other(element: Among, compiler, **kw) -> str:
    # Any other database: the plain IN list (no JSON functions assumed).
    values = json.loads(element.values.value)
    return compiler.process(element.column.in_(values), **kw)


def among(column, values: Iterable[int] | Iterable[str]) -> Among:
    """`column IN values` for a column of integer ids or of text, with `values` bound as one parameter."""
    return Among(column, json.dumps(list(values), ensure_ascii=False, separators=(",", ":")),
                 isinstance(column.type, Integer))
