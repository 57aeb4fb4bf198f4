"""Query strings as the client sends them: one encoding of OData parameters, and groups of values sized to fit a URL."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote

from .odata_literals import array_value

_QUERY_SAFE = "',()=:$@/"  # what build_query leaves unencoded in values


def build_query(params: dict[str, Any] | None) -> str:
    # Keys keep their literal '$' and values keep OData punctuation readable; the rest is percent-encoded.
    if not params:
        return ""
    parts = [f"{key}={quote(str(value), safe=_QUERY_SAFE)}" for key, value in params.items() if value is not None]
    return "?" + "&".join(parts)


def url_sized(values: Sequence[str], most: int, max_chars: int) -> Iterable[list[str]]:
    """Groups of at most `most` values whose quoted, URL-encoded text stays within `max_chars`."""
    group: list[str] = []
    size = 0
    for value in values:
        # As build_query encodes it, plus the comma between values.
        length = len(quote(array_value(value), safe=_QUERY_SAFE)) + 1
        if group and (len(group) >= most or size + length > max_chars):
            yield group
            group, size = [], 0
        group.append(value)
        size += length
    if group:
        yield group
