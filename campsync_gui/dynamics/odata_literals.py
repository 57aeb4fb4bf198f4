"""Every literal CampSync writes into an OData $filter, built in one place.

Dataverse reads three kinds of literal differently, and a value written in the wrong kind breaks a whole request:
- a single string literal is OData: single-quoted, a `'` inside written twice (`'o''neil@x.org'`);
- the values inside `Microsoft.Dynamics.CRM.In(...)` and its siblings' `PropertyValues=[...]` are JSON: a doubled
  `''` there is answered 400 "Invalid JSON", so each value is a double-quoted JSON string (`"o'neil@x.org"`);
- a GUID (ids, lookups) is written bare; a quoted GUID is a string and a type error against an id column.

Percent-encoding is not done here: the client encodes the whole query once (query_strings.build_query), so `%`, `&`, `#`,
`+` and non-ASCII text in a literal reach the org as they were.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from .errors import DynamicsError

_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# Nothing a JSON reader would unescape or end a string on: no quote of either kind, no backslash, no control char.
_PLAIN = re.compile(r"[^'\"\\\x00-\x1f\x7f]*")
# Logical names of columns: what Dataverse allows, so a name can never end a literal or start a new clause.
_PROPERTY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Dataverse's query functions that take a PropertyValues array (the ones CampSync may use).
IN_FUNCTIONS = ("In", "NotIn")
NS = "Microsoft.Dynamics.CRM."


class LiteralError(DynamicsError, ValueError):
    """A value that cannot be written as the literal asked for (not a GUID, not a column name).

    A DynamicsError, so a caller that handles the client's failures handles this one too; it is raised before
    anything is sent, where the org would have answered 400 to the same text."""


def string_literal(value: object) -> str:
    """A single string literal for $filter: `'…'` with each `'` doubled, as OData requires."""
    return "'" + str(value).replace("'", "''") + "'"


def array_value(value: object) -> str:
    """One value inside a PropertyValues array: `'ada@example.org'` for a plain value, a JSON string (`"o'neil"`,
    `"a\\"b"`) for one holding a quote, a backslash or a control character.

    Dataverse reads the array as JSON in which a plain value may be single-quoted (the form Microsoft's examples
    use), but `''` there is invalid: a value holding `'` must be double-quoted. A plain value keeps the short form
    because `"` is percent-encoded in the URL (%22) where `'` is not: 10,000 emails took 80 lookups instead of 60.
    ensure_ascii=False keeps accents and emoji as text (the query is UTF-8 percent-encoded afterwards), which also
    keeps the URL short: `é` costs 6 characters encoded instead of 18 for `\\u00e9` encoded.
    """
    text = str(value)
    if _PLAIN.fullmatch(text):
        return f"'{text}'"
    return json.dumps(text, ensure_ascii=False)


def guid_literal(value: object) -> str:
    """A GUID for $filter: bare, lower-case; anything else is refused rather than sent."""
    text = str(value).strip()
    if not _GUID.fullmatch(text):
        raise LiteralError(f"Not a Dynamics id (GUID): {text[:60]!r}")
    return text.lower()


def property_name(name: str) -> str:
    """A column's logical name, checked: it is written unquoted in comparisons."""
    if not _PROPERTY.fullmatch(name or ""):
        raise LiteralError(f"Not a column name: {str(name)[:60]!r}")
    return name


def eq(prop: str, literal: str) -> str:
    """`prop eq <literal>` where `literal` comes from one of the builders above."""
    return f"{property_name(prop)} eq {literal}"


def in_filter(prop: str, values: Iterable[object], *, function: str = "In") -> str:
    """`Microsoft.Dynamics.CRM.In(PropertyName='prop',PropertyValues=["a","b"])` (or NotIn)."""
    if function not in IN_FUNCTIONS:
        raise LiteralError(f"Not a PropertyValues function: {function!r}")
    items = ",".join(array_value(v) for v in values)
    return f"{NS}{function}(PropertyName={string_literal(property_name(prop))},PropertyValues=[{items}])"


__all__ = ["LiteralError", "string_literal", "array_value", "guid_literal", "property_name", "eq", "in_filter"]
