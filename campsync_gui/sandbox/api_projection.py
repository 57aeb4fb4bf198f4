"""How one row goes out: the selected columns, its etag, and the annotations the Prefer header asks for."""

from __future__ import annotations

import fnmatch
from datetime import datetime
from typing import Any, Mapping

from .rules import etag
from .schema import DATE, DATETIME, INT, MEMBER_SETS, EntityDef
from .state import State

_FORMATTED = "OData.Community.Display.V1.FormattedValue"
_LOOKUP_NAME = "Microsoft.Dynamics.CRM.lookuplogicalname"
_NAVIGATION = "Microsoft.Dynamics.CRM.associatednavigationproperty"


def annotation_patterns(prefs: Mapping[str, str], applied: list[str]) -> list[str]:
    """The odata.include-annotations patterns asked for (noted in `applied`, for Preference-Applied)."""
    raw = prefs.get("odata.include-annotations")
    if not raw:
        return []
    applied.append(f'odata.include-annotations="{raw}"')
    return [pattern.strip() for pattern in raw.split(",") if pattern.strip()]


def project(
    state: State, row: Mapping[str, Any], entity: EntityDef, select: list[str] | None, annotations: list[str]
) -> dict[str, Any]:
    out: dict[str, Any] = {"@odata.etag": etag(row)}
    columns = select or list(entity.fields)
    for column in columns:
        value = row.get(column)
        if annotations:
            for suffix, text in _column_annotations(state, entity, column, row, value):
                if any(fnmatch.fnmatchcase(suffix, pattern) for pattern in annotations):
                    out[f"{column}@{suffix}"] = text
        out[column] = value
    if entity.key not in out:
        out[entity.key] = row[entity.key]  # Dataverse always returns the primary key
    return out


def _column_annotations(
    state: State, entity: EntityDef, column: str, row: Mapping[str, Any], value: Any
) -> list[tuple[str, Any]]:
    if value is None:
        return []
    lookup = entity.lookups.get(column)
    if lookup is not None:
        target_set = lookup.target or MEMBER_SETS.get(_member_code(row.get("entitytype")), "")
        target_logical = lookup.target_logical or str(row.get("entitytype") or "")
        name = state.name_of(target_set, value)
        found: list[tuple[str, Any]] = []
        if name is not None:
            found.append((_FORMATTED, name))
        found.append((_NAVIGATION, lookup.navigation))
        found.append((_LOOKUP_NAME, target_logical))
        return found
    labels = entity.labels.get(column)
    if labels is not None and value in labels:
        return [(_FORMATTED, labels[value])]
    edm = entity.fields.get(column)
    if edm == DATETIME:
        return [(_FORMATTED, _formatted_datetime(value))]
    if edm == DATE:
        day = datetime.fromisoformat(value)
        return [(_FORMATTED, f"{day.month}/{day.day}/{day.year}")]
    if edm == INT:
        return [(_FORMATTED, f"{value:,}")]
    return []


def _formatted_datetime(value: str) -> str:
    moment = datetime.fromisoformat(value)
    hour = moment.hour % 12 or 12
    return f"{moment.month}/{moment.day}/{moment.year} {hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def _member_code(entity_type: Any) -> int:
    return {"account": 1, "contact": 2, "lead": 4}.get(str(entity_type), 0)
