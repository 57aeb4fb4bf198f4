"""The parsed form of a smart list: `SmartList` and its three kinds of filter, frozen and JSON-able again.

Built by `parsing.validate()`; read by evaluation, SQL compilation and descriptions. A FieldFilter keeps its
value as written (for `to_dict()`) and, in `folded`, as the filters compare it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Union

from .logic import Node, referenced_filters
from .values import fold, parse_when
from .vocabulary import CHOICE, DATE, DAY_SECONDS, FIELD_KINDS, LIST_OPS, NO_VALUE_OPS, NUMBER, TEXT


@dataclass(frozen=True)
class FieldFilter:
    field: str
    op: str
    value: Any = None  # as it goes back into JSON: str / number / list; None for is_empty / is_not_empty
    # The value as evaluation and SQL compare it (folded text, (start, end) of a date, ...), computed once here
    # rather than per person. Not part of equality: it follows from the fields above.
    folded: Any = dataclasses.field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kind = FIELD_KINDS[self.field]
        folded: Any = None
        if kind == TEXT and self.op in LIST_OPS:
            folded = tuple(dict.fromkeys(fold(v) for v in self.value))
        elif kind == TEXT and self.op not in NO_VALUE_OPS:
            folded = fold(self.value)
        elif kind == DATE:
            folded = parse_when(self.value)
        elif kind == NUMBER and self.op in LIST_OPS:
            folded = tuple(dict.fromkeys(self.value))
        elif kind == CHOICE:
            folded = tuple(self.value) if self.op in LIST_OPS else (self.value,)
        object.__setattr__(self, "folded", folded)

    def to_dict(self) -> dict:
        out = {"kind": "field", "field": self.field, "op": self.op}
        if self.op not in NO_VALUE_OPS:
            out["value"] = list(self.value) if self.op in LIST_OPS else self.value
        return out


@dataclass(frozen=True)
class ActivityFilter:
    type: str
    has: bool = True
    detail_contains: str | None = None
    within_days: int | None = None
    min_times: int = 1

    def to_dict(self) -> dict:
        out: dict[str, Any] = {"kind": "activity", "has": self.has, "type": self.type}
        if self.detail_contains is not None:
            out["detail_contains"] = self.detail_contains
        if self.within_days is not None:
            out["within_days"] = self.within_days
        if self.min_times != 1:
            out["min_times"] = self.min_times
        return out

    def window(self, now: float) -> tuple[float, float] | None:
        if self.within_days is None:
            return None
        return now - self.within_days * DAY_SECONDS, now


@dataclass(frozen=True)
class MembershipFilter:
    campaign_ids: tuple[str, ...]
    member: bool = True

    def to_dict(self) -> dict:
        return {"kind": "membership", "member": self.member, "campaign_ids": list(self.campaign_ids)}


Filter = Union[FieldFilter, ActivityFilter, MembershipFilter]


@dataclass(frozen=True)
class SmartList:
    filters: tuple[Filter, ...]
    logic: str  # "all", "any", or the expression written canonically ("1 and (2 or not 3)")
    tree: Node

    def to_dict(self) -> dict:
        return {"filters": [f.to_dict() for f in self.filters], "logic": self.logic}

    def used_filters(self) -> list[int]:
        """The filter numbers the logic refers to (filters it does not use are allowed and ignored)."""
        return sorted(referenced_filters(self.tree))

