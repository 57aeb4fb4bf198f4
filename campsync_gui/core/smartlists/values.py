"""How smart lists read the values they compare: text folding, dates and times, and the clock.

Shared by parsing, Python evaluation, SQL compilation and descriptions, so that every path reads a value the
same way (`count()` agrees with `matches()` only because both fold text with the one `fold()`, from
core/folded_text: SQL compares the folded copies it wrote).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any, Union

from ..folded_text import fold  # the one definition of folding, re-exported for the package
from .vocabulary import DAY_SECONDS

__all__ = ["Clock", "fold", "parse_when", "read_clock"]

_EPOCH_RANGE = (-62135596800, 253402300799)  # 0001-01-01 .. 9999-12-31T23:59:59 UTC, what datetime can show

Clock = Union[float, int, Callable[[], float]]


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

