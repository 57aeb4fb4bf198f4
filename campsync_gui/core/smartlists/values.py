"""How smart lists read the values they compare: text folding, dates and times, and the clock.

Shared by parsing, Python evaluation, SQL compilation and descriptions, so that every path reads a value the
same way (`count()` agrees with `matches()` only because both fold text with the one `fold()` here).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any, Union

from .vocabulary import DAY_SECONDS

_EPOCH_RANGE = (-62135596800, 253402300799)  # 0001-01-01 .. 9999-12-31T23:59:59 UTC, what datetime can show

Clock = Union[float, int, Callable[[], float]]


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


def parse_when(value: Any) -> tuple[float, float | None]:
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


def read_clock(now: Clock) -> float:
    """Epoch seconds from `now`: a number, or a clock to call (once: one moment for a whole evaluation)."""
    return float(now() if callable(now) else now)

