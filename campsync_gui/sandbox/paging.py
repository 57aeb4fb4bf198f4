"""Keyset paging of query results, and the $skiptoken that carries a page's position between requests."""

from __future__ import annotations

import base64
import binascii
import functools
import json
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from .errors import bad_request
from .odata import OrderItem
from .schema import BOOL, GUID, STRING, EntityDef

MAX_PAGE_SIZE = 5000


# A token carries the sort key of the last row served, so rows created or deleted between two pages never
# shift the remaining ones (what Dataverse's paging cookie achieves too).
@dataclass(frozen=True)
class PageToken:
    last_key: tuple
    page: int  # number of the page this token leads to
    served: int  # rows already served, so $top is honoured across pages
    order: str  # the $orderby the token was made for


def _sort_value(value: Any, edm: str) -> list:
    if value is None:
        return [0, None]  # nulls first when ascending, as in SQL Server
    if edm == STRING:
        return [1, str(value).casefold()]
    if edm == GUID:
        return [1, str(value).lower()]
    if edm == BOOL:
        return [1, int(value)]
    return [1, value]


def _order_signature(order: Sequence[OrderItem]) -> str:
    return ",".join(f"{o.field} {'desc' if o.descending else 'asc'}" for o in order)


def _row_key(row: dict[str, Any], order: Sequence[OrderItem], entity: EntityDef) -> tuple:
    parts = [_sort_value(row.get(o.field), entity.fields[o.field]) for o in order]
    parts.append(_sort_value(row.get(entity.key), GUID))
    return tuple(tuple(p) for p in parts)


def _compare_keys(a: tuple, b: tuple, descending: Sequence[bool]) -> int:
    for x, y, desc in zip(a, b, descending):
        if x == y:
            continue
        result = -1 if x < y else 1
        return -result if desc else result
    return 0


def encode_token(token: PageToken) -> str:
    payload = {"k": [list(p) for p in token.last_key], "p": token.page, "n": token.served, "o": token.order}
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_token(text: str) -> PageToken:
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        payload = json.loads(raw)
        return PageToken(
            last_key=tuple(tuple(p) for p in payload["k"]),
            page=int(payload["p"]),
            served=int(payload["n"]),
            order=str(payload["o"]),
        )
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise bad_request("The $skiptoken is not valid. Follow @odata.nextLink exactly as returned.") from None


@dataclass
class Page:
    rows: list[dict[str, Any]]
    next_token: PageToken | None
    total: int


def paginate(
    rows: Iterable[dict[str, Any]],
    entity: EntityDef,
    order: Sequence[OrderItem],
    page_size: int,
    token: PageToken | None = None,
    top: int | None = None,
) -> Page:
    """Sort the rows (stable: the primary key breaks ties) and cut the page that follows `token`."""
    signature = _order_signature(order)
    if token is not None and token.order != signature:
        raise bad_request("The $skiptoken was made for a different $orderby. Follow @odata.nextLink unchanged.")
    descending = [o.descending for o in order] + [False]
    keyed = [(_row_key(row, order, entity), row) for row in rows]
    keyed.sort(key=functools.cmp_to_key(lambda a, b: _compare_keys(a[0], b[0], descending)))
    total = len(keyed)
    start = 0
    served = 0
    page_number = 1
    if token is not None:
        served = token.served
        page_number = token.page
        start = len(keyed)
        for index, (key, _row) in enumerate(keyed):
            if _compare_keys(key, token.last_key, descending) > 0:
                start = index
                break
    if top is not None:
        total = min(total, top)
    limit = page_size if top is None else max(0, min(page_size, top - served))
    chunk = keyed[start : start + limit]
    more_rows = start + len(chunk) < len(keyed)
    more_allowed = top is None or served + len(chunk) < top
    next_token = None
    if chunk and more_rows and more_allowed:
        next_token = PageToken(chunk[-1][0], page_number + 1, served + len(chunk), signature)
    return Page([row for _key, row in chunk], next_token, total)
