"""Evaluating a $filter tree against a row, with SQL's three-valued logic and Dataverse's text comparison."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .filter_nodes import (
    TEMPORAL,
    And,
    Compare,
    In,
    Lit,
    Not,
    Or,
    Prop,
    StringFunc,
    in_text,
    parse_date,
    parse_datetime,
)
from .schema import GUID, STRING


def _coerce(value: Any, edm: str | None) -> Any:
    """Bring a column value or literal into a form where Python comparison matches Dataverse's."""
    if value is None:
        return None
    if edm == STRING:
        return str(value).casefold()  # Dataverse compares text case-insensitively
    if edm == GUID:
        return str(value).lower()
    if edm in TEMPORAL:
        if isinstance(value, datetime):
            return value
        text = str(value)
        if len(text) == 10:
            return parse_date(text, text)
        return parse_datetime(text, text)
    return value


def _operand_value(node: Prop | Lit, row: dict[str, Any]) -> Any:
    if isinstance(node, Prop):
        return _coerce(row.get(node.name), node.edm)
    return _coerce(node.value, node.edm)


def evaluate(node: Any, row: dict[str, Any]) -> bool | None:
    if isinstance(node, Compare):
        left = _operand_value(node.left, row)
        right = _operand_value(node.right, row)
        # Comparing with the null literal is a null test; a null column against a value is unknown, as
        # in SQL, so "ne" never returns rows whose column is empty (a known Dataverse gotcha).
        null_test = _is_null_literal(node.left) or _is_null_literal(node.right)
        if node.op in ("eq", "ne") and null_test:
            both_null = left is None and right is None
            return both_null if node.op == "eq" else not both_null
        if left is None or right is None:
            return None
        if node.op == "eq":
            return left == right
        if node.op == "ne":
            return left != right
        if node.op == "gt":
            return left > right
        if node.op == "ge":
            return left >= right
        if node.op == "lt":
            return left < right
        return left <= right
    if isinstance(node, And):
        a, b = evaluate(node.left, row), evaluate(node.right, row)
        if a is False or b is False:
            return False
        return None if a is None or b is None else True
    if isinstance(node, Or):
        a, b = evaluate(node.left, row), evaluate(node.right, row)
        if a is True or b is True:
            return True
        return None if a is None or b is None else False
    if isinstance(node, Not):
        value = evaluate(node.operand, row)
        return None if value is None else not value
    if isinstance(node, StringFunc):
        subject = _operand_value(node.subject, row)
        needle = _operand_value(node.needle, row)
        if subject is None or needle is None:
            return None
        if node.name == "contains":
            return needle in subject
        if node.name == "startswith":
            return subject.startswith(needle)
        return subject.endswith(needle)
    if isinstance(node, In):
        value = row.get(node.prop.name)
        if value is None:
            return None
        found = in_text(value) in node.wanted
        return not found if node.negate else found
    if isinstance(node, (Prop, Lit)):
        return _operand_value(node, row)
    raise TypeError(f"not a filter node: {node!r}")


def _is_null_literal(node: Prop | Lit) -> bool:
    return isinstance(node, Lit) and node.edm is None
