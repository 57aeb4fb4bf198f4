"""The rules a real org enforces on writes: column types, picklists, state/status pairs, defaults, list locks."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from typing import Any, Callable, Iterable, Mapping

from .errors import (
    CONCURRENCY_MISMATCH,
    DUPLICATE_RECORD,
    INVALID_ARGUMENT,
    SandboxError,
    bad_request,
)
from .schema import BOOL, DATE, DATETIME, ENTITIES, GUID, INT, MEMBER_SETS, STRING, EntityDef

GUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
OUT_OF_RANGE = "0x80044331"

# statecode -> allowed statuscodes; the first one is what a state change without a statuscode lands on.
STATES: dict[str, dict[int, tuple[int, ...]]] = {
    "campaigns": {0: (0, 1, 2, 3, 4, 5), 1: (6,)},
    "leads": {0: (1, 2), 1: (3,), 2: (4, 5, 6, 7)},
    "contacts": {0: (1,), 1: (2,)},
    "accounts": {0: (1,), 1: (2,)},
    "lists": {0: (0,), 1: (1,)},
}
_PICKLISTS = {("campaigns", "typecode"): (1, 2, 3, 4, 5), ("lists", "createdfromcode"): (1, 2, 4)}


def etag(row: Mapping[str, Any]) -> str:
    return f'W/"{row.get("versionnumber", 0)}"'


def check_guid(value: Any) -> str:
    if not isinstance(value, str) or not GUID_RE.match(value):
        raise bad_request(f"Cannot convert the literal '{value}' to the expected type 'Edm.Guid'.")
    return value.lower()


def check_if_match(row: Mapping[str, Any], if_match: str | None) -> None:
    if if_match not in (None, "*") and if_match != etag(row):
        raise SandboxError(
            412,
            CONCURRENCY_MISMATCH,
            "The version of the existing record doesn't match the RowVersion property provided.",
        )


def duplicate_record() -> SandboxError:
    return SandboxError(412, DUPLICATE_RECORD, "A record with matching key values already exists.")


def duplicate_link(campaign_id: str, list_id: str) -> SandboxError:
    """A second identical list-campaign association. A real org refuses it (its campaignitem row exists) with
    412 DuplicateRecord "Cannot insert duplicate key"; a silent 204 here hid that clients must expect it."""
    return SandboxError(
        412,
        DUPLICATE_RECORD,
        f"Cannot insert duplicate key: the list {list_id} is already associated with the campaign {campaign_id} "
        "(campaignlist_association).",
    )


# ------------------------------------------------------------------ new and changed rows


def defaults(set_name: str) -> dict[str, Any]:
    if set_name == "campaigns":
        return {"statecode": 0, "statuscode": 0, "istemplate": False}
    if set_name == "lists":
        return {"statecode": 0, "statuscode": 0, "type": False, "lockstatus": False, "membercount": 0}
    return {"statecode": 0, "statuscode": 1}


def derive(set_name: str, row: dict[str, Any], version: int) -> None:
    """Fill the columns the org computes: a person's fullname, a campaign's code."""
    if set_name in ("leads", "contacts"):
        row["fullname"] = " ".join(part for part in (row.get("firstname"), row.get("lastname")) if part)
    if set_name == "campaigns" and not row.get("codename"):
        row["codename"] = f"CMP-{version % 100000:05d}-{uuid.uuid4().hex[:6].upper()}"


def apply_state_change(set_name: str, row: dict[str, Any], values: Mapping[str, Any], record_id: str) -> None:
    states = STATES.get(set_name)
    if states is None or ("statecode" not in values and "statuscode" not in values):
        return
    state = values.get("statecode", row.get("statecode"))
    status = values.get("statuscode")
    if state not in states:
        raise _out_of_range(ENTITIES[set_name].logical, "statecode", state)
    if status is None:
        if "statecode" in values:
            status = states[state][0]
        else:
            status = row.get("statuscode")
    elif "statecode" not in values:
        # A statuscode alone moves the row into the state that owns it, as SetState does.
        owners = [s for s, statuses in states.items() if status in statuses]
        if not owners:
            raise _out_of_range(ENTITIES[set_name].logical, "statuscode", status)
        state = owners[0]
    if status not in states[state]:
        raise SandboxError(
            400,
            INVALID_ARGUMENT,
            f"{status} is not a valid status code for state code {state} on "
            f"{ENTITIES[set_name].logical} with Id {record_id}.",
        )
    row["statecode"], row["statuscode"] = state, status


def _out_of_range(logical: str, column: str, value: Any) -> SandboxError:
    return SandboxError(
        400,
        OUT_OF_RANGE,
        f"A validation error occurred. The value {value} of '{column}' on record of type "
        f"'{logical}' is outside the valid range.",
    )


def read_body(
    entity: EntityDef,
    body: Mapping[str, Any],
    allowed: Iterable[str],
    require_row: Callable[[str, str], object],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Validate a request body against the entity type; returns (column values, bound lookups).

    `require_row(set_name, id)` raises when a bound row does not exist.
    """
    allowed = set(allowed)
    values: dict[str, Any] = {}
    binds: dict[str, Any] = {}
    for name, value in body.items():
        if name.startswith("@"):
            continue  # instance annotations such as @odata.type
        if name.endswith("@odata.bind"):
            nav = name[: -len("@odata.bind")]
            if nav not in entity.binds:
                raise bad_request(
                    f"An undeclared property '{nav}' which only has property annotations in the payload but "
                    f"no property value was found in the payload. In OData, only declared navigation "
                    f"properties and declared named streams can be represented as properties without values."
                )
            target_set, column = entity.binds[nav]
            match = re.search(rf"{target_set}\(([0-9a-fA-F-]{{36}})\)$", str(value or ""))
            if match is None:
                raise bad_request(f"The @odata.bind value '{value}' is not a valid reference to {target_set}.")
            target_id = match.group(1).lower()
            require_row(target_set, target_id)
            binds[column] = target_id
            continue
        if "@" in name:
            continue  # property annotations are ignored on write, as Dataverse does
        if name not in entity.fields:
            raise bad_request(
                f"The property '{name}' does not exist on type '{entity.type_name}'. Make sure to only use "
                "property names that are defined by the type or mark the type as open type."
            )
        if name not in allowed:
            raise SandboxError(
                400, INVALID_ARGUMENT, f"The '{name}' attribute of a {entity.logical} is read-only."
            )
        values[name] = _check_value(entity, name, value)
    return values, binds


def _check_value(entity: EntityDef, name: str, value: Any) -> Any:
    edm = entity.fields[name]
    if value is None:
        return None
    ok = {
        STRING: isinstance(value, str),
        INT: isinstance(value, int) and not isinstance(value, bool),
        BOOL: isinstance(value, bool),
        GUID: isinstance(value, str) and bool(GUID_RE.match(value)),
    }.get(edm)
    if edm == DATE and isinstance(value, str):
        try:
            date.fromisoformat(value)
            ok = len(value) == 10
        except ValueError:
            ok = False
    if edm == DATETIME and isinstance(value, str):
        try:
            datetime.fromisoformat(value)
            ok = True
        except ValueError:
            ok = False
    if not ok:
        raise bad_request(f"Cannot convert the literal '{value}' to the expected type '{edm}'.")
    if edm == STRING and len(value) > 4000:
        raise SandboxError(400, INVALID_ARGUMENT, f"The value of '{name}' is longer than its maximum length.")
    allowed = _PICKLISTS.get((entity.set_name, name))
    if allowed is not None and value not in allowed:
        raise _out_of_range(entity.logical, name, value)
    return value.lower() if edm == GUID else value


# ------------------------------------------------------------------ marketing list members


def check_writable_list(list_row: Mapping[str, Any], *, adding: bool) -> None:
    """Members change only on an active, unlocked, static list."""
    name = list_row["listname"]
    if list_row["type"]:
        raise SandboxError(
            400,
            INVALID_ARGUMENT,
            f"The marketing list '{name}' is dynamic: its members come from its query, so members cannot "
            f"be {'added to' if adding else 'removed from'} it. Use a static marketing list.",
        )
    if list_row["lockstatus"]:
        raise SandboxError(
            400,
            INVALID_ARGUMENT,
            f"The marketing list '{name}' is locked: members cannot be {'added' if adding else 'removed'}.",
        )
    if list_row["statecode"] != 0:
        raise SandboxError(
            400,
            INVALID_ARGUMENT,
            f"The marketing list '{name}' is inactive, and inactive marketing lists are read-only.",
        )


def type_mismatch(list_row: Mapping[str, Any], actual_set: str, entity_id: str) -> SandboxError:
    expected = ENTITIES[MEMBER_SETS[list_row["createdfromcode"]]].logical
    actual = ENTITIES[actual_set].logical if actual_set in ENTITIES else actual_set
    return SandboxError(
        400,
        INVALID_ARGUMENT,
        f"The marketing list '{list_row['listname']}' has member type {expected} "
        f"(createdfromcode {list_row['createdfromcode']}), so the {actual} {entity_id} cannot be a member.",
    )
