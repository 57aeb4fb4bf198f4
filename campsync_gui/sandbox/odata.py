"""OData query options as Dataverse reads them: $select, $orderby, $top, and $filter as a row predicate.

Pure functions over rows (dicts); the dispatcher decides which rows and which entity type. The $filter
language lives in the filter_* modules, paging and $skiptoken in paging.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .errors import bad_request, unknown_property
from .filter_eval import evaluate
from .filter_parser import parse_filter
from .schema import EntityDef

# Dataverse stops counting at this many rows: @odata.count never says more.
MAX_COUNT = 5000


def parse_select(raw: str | None, entity: EntityDef) -> list[str] | None:
    """The selected columns in request order, or None for all of them."""
    if raw is None:
        return None
    names = [part.strip() for part in raw.split(",") if part.strip()]
    if not names or "*" in names:
        return None
    for name in names:
        if name not in entity.fields:
            raise unknown_property(name, entity)
    return list(dict.fromkeys(names))


def parse_top(raw: str | None) -> int | None:
    if raw is None:
        return None
    text = raw.strip()
    if not text.isdigit():
        raise bad_request(
            f"Invalid value '{raw}' for $top query option found. "
            "The $top query option requires a non-negative integer value."
        )
    return int(text)


@dataclass(frozen=True)
class OrderItem:
    field: str
    descending: bool = False


def parse_orderby(raw: str | None, entity: EntityDef) -> list[OrderItem]:
    if raw is None or not raw.strip():
        return []
    items: list[OrderItem] = []
    for part in raw.split(","):
        words = part.split()
        if not words or len(words) > 2:
            raise bad_request(f"Syntax error in $orderby: '{raw}'.")
        name = words[0]
        if name not in entity.fields:
            raise unknown_property(name, entity)
        direction = words[1].lower() if len(words) == 2 else "asc"
        if direction not in ("asc", "desc"):
            raise bad_request(f"Syntax error in $orderby: '{raw}'. Expected 'asc' or 'desc' after '{name}'.")
        items.append(OrderItem(name, direction == "desc"))
    return items


def compile_filter(text: str | None, entity: EntityDef) -> Callable[[dict[str, Any]], bool]:
    """A $filter value as a predicate over rows; no $filter keeps every row."""
    if text is None:
        return lambda row: True
    tree = parse_filter(text, entity)
    return lambda row: evaluate(tree, row) is True
