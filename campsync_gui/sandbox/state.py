"""The org's data in memory, and every change to it with the rules a real org enforces.

The server thread and test code both touch this object, so every public method takes one lock.
Reads hand out read-only copies: a caller can never see a row change under it, nor change one by mistake.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import uuid
from datetime import date, datetime, timezone
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from . import seed as seeding
from .errors import (
    CONCURRENCY_MISMATCH,
    DUPLICATE_RECORD,
    INVALID_ARGUMENT,
    SandboxError,
    bad_request,
    not_found,
)
from .knobs import Knobs
from .schema import (
    BOOL,
    CODE_OF_SET,
    DATE,
    DATETIME,
    ENTITIES,
    GUID,
    INT,
    MEMBER_SETS,
    STRING,
    EntityDef,
)

log = logging.getLogger(__name__)
STATE_FORMAT = 1  # of State.save's file

GUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

# statecode -> allowed statuscodes; the first one is what a state change without a statuscode lands on.
_STATES: dict[str, dict[int, tuple[int, ...]]] = {
    "campaigns": {0: (0, 1, 2, 3, 4, 5), 1: (6,)},
    "leads": {0: (1, 2), 1: (3,), 2: (4, 5, 6, 7)},
    "contacts": {0: (1,), 1: (2,)},
    "accounts": {0: (1,), 1: (2,)},
    "lists": {0: (0,), 1: (1,)},
}
_STORED_SETS = ("campaigns", "leads", "contacts", "accounts", "lists", "listmembers", "solutions")
_PICKLISTS = {("campaigns", "typecode"): (1, 2, 3, 4, 5), ("lists", "createdfromcode"): (1, 2, 4)}


def now_iso() -> str:
    return seeding.iso(datetime.now(timezone.utc))


def etag(row: Mapping[str, Any]) -> str:
    return f'W/"{row.get("versionnumber", 0)}"'


def check_guid(value: Any, what: str = "Edm.Guid") -> str:
    if not isinstance(value, str) or not GUID_RE.match(value):
        raise bad_request(f"Cannot convert the literal '{value}' to the expected type '{what}'.")
    return value.lower()


def _frozen(rows: Mapping[str, dict[str, Any]]) -> Mapping[str, Mapping[str, Any]]:
    return MappingProxyType({key: MappingProxyType(dict(row)) for key, row in rows.items()})


class State:
    """Tables keyed by entity set name, then by id; plus campaign-list links and a member index."""

    def __init__(self, seed: int = 42, knobs: Knobs | None = None) -> None:
        self._lock = threading.RLock()
        self.knobs = knobs if knobs is not None else Knobs()
        self.load(seed)

    # ------------------------------------------------------------------ loading

    def load(self, seed: int) -> None:
        data = seeding.build(seed)
        with self._lock:
            self.seed = seed
            self._tables: dict[str, dict[str, dict[str, Any]]] = {
                "campaigns": data.campaigns,
                "leads": data.leads,
                "contacts": data.contacts,
                "accounts": data.accounts,
                "lists": data.lists,
                "listmembers": data.listmembers,
                "solutions": data.solutions,
            }
            self._campaign_lists = data.campaign_lists
            self._prerequisite_id = data.prerequisite_solution_id
            self._version = data.next_version
            # list id -> {entity id -> listmember id}: membership checks without scanning every listmember.
            self._members: dict[str, dict[str, str]] = {list_id: {} for list_id in data.lists}
            for member in data.listmembers.values():
                self._members[member["_listid_value"]][member["_entityid_value"]] = member["listmemberid"]

    # ------------------------------------------------------------------ saving between runs

    def save(self, path: Path) -> None:
        """Write every table to `path` (JSON, replaced atomically), for `restore` in a later run."""
        with self._lock:
            data = {"format": STATE_FORMAT, "seed": self.seed, "tables": self._tables,
                    "campaign_lists": self._campaign_lists, "prerequisite_id": self._prerequisite_id,
                    "version": self._version}
            text = json.dumps(data, separators=(",", ":"))
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)

    def restore(self, path: Path) -> bool:
        """Load what `save` wrote, if it was saved from the same seed; otherwise keep the seeded data."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if data.get("format") != STATE_FORMAT or data.get("seed") != self.seed:
                log.warning("sandbox state in %s is from another seed or format: starting from the seed", path)
                return False
            tables = {name: dict(data["tables"][name]) for name in self._tables}
            members: dict[str, dict[str, str]] = {list_id: {} for list_id in tables["lists"]}
            for member in tables["listmembers"].values():
                members.setdefault(member["_listid_value"], {})[member["_entityid_value"]] = member["listmemberid"]
        except FileNotFoundError:
            return False
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("sandbox state in %s is unreadable (%s): starting from the seed", path, exc)
            return False
        with self._lock:
            self._tables = tables
            self._campaign_lists = {k: list(v) for k, v in data["campaign_lists"].items()}
            self._prerequisite_id = data["prerequisite_id"]
            self._version = int(data["version"])
            self._members = members
        return True

    # ------------------------------------------------------------------ read access

    @property
    def campaigns(self) -> Mapping[str, Mapping[str, Any]]:
        return self._snapshot("campaigns")

    @property
    def leads(self) -> Mapping[str, Mapping[str, Any]]:
        return self._snapshot("leads")

    @property
    def contacts(self) -> Mapping[str, Mapping[str, Any]]:
        return self._snapshot("contacts")

    @property
    def accounts(self) -> Mapping[str, Mapping[str, Any]]:
        return self._snapshot("accounts")

    @property
    def lists(self) -> Mapping[str, Mapping[str, Any]]:
        return self._snapshot("lists")

    @property
    def listmembers(self) -> Mapping[str, Mapping[str, Any]]:
        return self._snapshot("listmembers")

    @property
    def solutions(self) -> Mapping[str, Mapping[str, Any]]:
        with self._lock:
            return _frozen({row["solutionid"]: row for row in self._solution_rows()})

    def _snapshot(self, set_name: str) -> Mapping[str, Mapping[str, Any]]:
        with self._lock:
            return _frozen(self._tables[set_name])

    def rows(self, set_name: str) -> list[dict[str, Any]]:
        """Copies of every row of an entity set, for queries."""
        with self._lock:
            if set_name == "solutions":
                return [dict(row) for row in self._solution_rows()]
            return [dict(row) for row in self._tables[set_name].values()]

    def get(self, set_name: str, record_id: str) -> dict[str, Any]:
        with self._lock:
            if set_name == "solutions":
                for row in self._solution_rows():
                    if row["solutionid"] == record_id.lower():
                        return dict(row)
                raise not_found("solution", record_id)
            return dict(self._row(set_name, record_id))

    def name_of(self, set_name: str, record_id: str | None) -> str | None:
        """The primary name of a row, for formatted-value annotations; None when it is gone."""
        if record_id is None:
            return None
        with self._lock:
            for name in ([set_name] if set_name else list(MEMBER_SETS.values())):
                row = self._tables.get(name, {}).get(record_id)
                if row is not None:
                    return row.get("fullname") or row.get("name") or row.get("listname")
        return None

    def members_of(self, list_id: str) -> set[str]:
        with self._lock:
            return set(self._members.get(list_id.lower(), {}))

    def listmember_id(self, list_id: str, entity_id: str) -> str | None:
        with self._lock:
            return self._members.get(list_id.lower(), {}).get(entity_id.lower())

    def lists_of_campaign(self, campaign_id: str) -> list[str]:
        with self._lock:
            return list(self._campaign_lists.get(campaign_id.lower(), []))

    def campaigns_of_list(self, list_id: str) -> list[str]:
        with self._lock:
            return [cid for cid, lists in self._campaign_lists.items() if list_id.lower() in lists]

    def find_campaign(self, name: str) -> dict[str, Any]:
        """The campaign with this name (case-insensitive), as a plain dict copy."""
        with self._lock:
            for row in self._tables["campaigns"].values():
                if row["name"].casefold() == name.casefold():
                    return dict(row)
        raise KeyError(f"no campaign named {name!r}")

    def find_list(self, name: str) -> dict[str, Any]:
        with self._lock:
            for row in self._tables["lists"].values():
                if row["listname"].casefold() == name.casefold():
                    return dict(row)
        raise KeyError(f"no marketing list named {name!r}")

    # ------------------------------------------------------------------ generic create / update / delete

    def create(self, set_name: str, body: Mapping[str, Any]) -> dict[str, Any]:
        entity = ENTITIES[set_name]
        with self._lock:
            # Dataverse accepts an initial state on create, whatever the entity's other read-only columns.
            allowed = entity.creatable | ({"statecode", "statuscode"} if set_name in _STATES else set())
            values, binds = self._read_body(entity, body, allowed)
            record_id = values.pop(entity.key, None) or str(uuid.uuid4())
            if record_id in self._tables[set_name]:
                raise SandboxError(412, DUPLICATE_RECORD, "A record with matching key values already exists.")
            for name in entity.required:
                if values.get(name) in (None, ""):
                    raise SandboxError(
                        400,
                        INVALID_ARGUMENT,
                        f"A value for the attribute '{name}' is required to create a {entity.logical}.",
                    )
            row: dict[str, Any] = {column: None for column in entity.fields}
            row.update(self._defaults(set_name))
            row.update(values)
            row.update(binds)
            row[entity.key] = record_id
            self._apply_state_change(set_name, row, values, record_id)
            self._derive(set_name, row)
            stamp = now_iso()
            row["createdon"] = stamp
            if "modifiedon" in entity.fields:
                row["modifiedon"] = stamp
            row["versionnumber"] = self._next_version()
            self._tables[set_name][record_id] = row
            if set_name == "lists":
                self._members[record_id] = {}
            return dict(row)

    def create_many(self, set_name: str, bodies: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """CreateMultiple: every row is created, in order, or none is (the first invalid one's error is raised)."""
        entity = ENTITIES[set_name]
        with self._lock:
            created: list[dict[str, Any]] = []
            try:
                for body in bodies:
                    created.append(self.create(set_name, body))
            except SandboxError:
                # All or nothing, as the message runs in one transaction: the rows made so far go again.
                for row in created:
                    self._tables[set_name].pop(row[entity.key], None)
                    if set_name == "lists":
                        self._members.pop(row[entity.key], None)
                raise
            return created

    def update(
        self,
        set_name: str,
        record_id: str,
        body: Mapping[str, Any],
        *,
        if_match: str | None = None,
        if_none_match: str | None = None,
    ) -> tuple[dict[str, Any], bool]:
        """PATCH semantics: update, or create when the id is new (an upsert), unless If-Match forbids it.

        Returns the row and whether it was created.
        """
        entity = ENTITIES[set_name]
        record_id = check_guid(record_id)
        with self._lock:
            row = self._tables[set_name].get(record_id)
            if row is None:
                if if_match is not None:
                    raise not_found(entity.logical, record_id)
                return self.create(set_name, {**body, entity.key: record_id}), True
            if if_none_match == "*":
                raise SandboxError(412, DUPLICATE_RECORD, "A record with matching key values already exists.")
            if if_match not in (None, "*") and if_match != etag(row):
                raise SandboxError(
                    412,
                    CONCURRENCY_MISMATCH,
                    "The version of the existing record doesn't match the RowVersion property provided.",
                )
            for column in body:
                if column in entity.fields and column not in entity.updatable and "@" not in column:
                    if column == entity.key and str(body[column]).lower() == record_id:
                        continue
                    raise SandboxError(
                        400, INVALID_ARGUMENT, f"The '{column}' attribute of a {entity.logical} cannot be updated."
                    )
            values, binds = self._read_body(entity, body, entity.updatable | {entity.key})
            values.pop(entity.key, None)
            candidate = {**row, **values, **binds}
            self._apply_state_change(set_name, candidate, values, record_id)
            self._derive(set_name, candidate)
            if "modifiedon" in entity.fields:
                candidate["modifiedon"] = now_iso()
            candidate["versionnumber"] = self._next_version()
            row.clear()
            row.update(candidate)
            return dict(row), False

    def delete(self, set_name: str, record_id: str, *, if_match: str | None = None) -> None:
        record_id = check_guid(record_id)
        with self._lock:
            row = self._row(set_name, record_id)
            if if_match not in (None, "*") and if_match != etag(row):
                raise SandboxError(
                    412,
                    CONCURRENCY_MISMATCH,
                    "The version of the existing record doesn't match the RowVersion property provided.",
                )
            if set_name == "lists":
                self._drop_list(record_id)
                return
            if set_name == "listmembers":
                self.delete_listmember(record_id)
                return
            del self._tables[set_name][record_id]
            if set_name == "campaigns":
                self._campaign_lists.pop(record_id, None)
            if set_name in CODE_OF_SET:
                # Deleting a person or account takes its list memberships with it.
                for list_id, members in self._members.items():
                    member_id = members.pop(record_id, None)
                    if member_id is not None:
                        self._tables["listmembers"].pop(member_id, None)
                        self._touch_count(list_id)
            if set_name == "accounts":
                for contact in self._tables["contacts"].values():
                    if contact.get("_parentcustomerid_value") == record_id:
                        contact["_parentcustomerid_value"] = None

    # ------------------------------------------------------------------ helpers for tests and the demo

    def set_campaign_state(self, campaign_id: str, active: bool) -> dict[str, Any]:
        body = {"statecode": 0, "statuscode": 0} if active else {"statecode": 1, "statuscode": 6}
        return self.update("campaigns", campaign_id, body, if_match="*")[0]

    def lock_list(self, list_id: str, locked: bool = True) -> dict[str, Any]:
        return self.update("lists", list_id, {"lockstatus": locked}, if_match="*")[0]

    def deactivate_list(self, list_id: str) -> dict[str, Any]:
        return self.update("lists", list_id, {"statecode": 1, "statuscode": 1}, if_match="*")[0]

    def activate_list(self, list_id: str) -> dict[str, Any]:
        return self.update("lists", list_id, {"statecode": 0, "statuscode": 0}, if_match="*")[0]

    def delete_list(self, list_id: str) -> None:
        self.delete("lists", list_id)

    # ------------------------------------------------------------------ campaign <-> list links

    def link_list(self, campaign_id: str, list_id: str) -> None:
        campaign_id, list_id = check_guid(campaign_id), check_guid(list_id)
        with self._lock:
            self._row("campaigns", campaign_id)
            self._row("lists", list_id)
            linked = self._campaign_lists.setdefault(campaign_id, [])
            # Associating an existing pair again is accepted without a second link.
            if list_id not in linked:
                linked.append(list_id)

    def unlink_list(self, campaign_id: str, list_id: str) -> None:
        campaign_id, list_id = check_guid(campaign_id), check_guid(list_id)
        with self._lock:
            self._row("campaigns", campaign_id)
            linked = self._campaign_lists.get(campaign_id, [])
            if list_id in linked:
                linked.remove(list_id)

    # ------------------------------------------------------------------ marketing list members

    def add_member(self, list_id: str, entity_id: str) -> str:
        """AddMemberList: the listmember id, the existing one when the entity is already a member."""
        list_id, entity_id = check_guid(list_id), check_guid(entity_id)
        with self._lock:
            list_row = self._writable_list(list_id, adding=True)
            set_name = self._member_set(list_row, entity_id)
            return self._insert_member(list_id, set_name, entity_id)

    def add_members(self, list_id: str, members: Iterable[tuple[str, str]]) -> list[str]:
        """AddListMembersList: (entity set or logical name, id) pairs; all are checked before any is added."""
        list_id = check_guid(list_id)
        with self._lock:
            list_row = self._writable_list(list_id, adding=True)
            expected = MEMBER_SETS[list_row["createdfromcode"]]
            checked: list[tuple[str, str]] = []
            for declared, raw_id in members:
                entity_id = check_guid(raw_id)
                declared_set = declared if declared in ENTITIES else f"{declared}s"
                if declared_set != expected:
                    raise self._type_mismatch(list_row, declared_set, entity_id)
                set_name = self._member_set(list_row, entity_id)
                checked.append((set_name, entity_id))
            return [self._insert_member(list_id, set_name, entity_id) for set_name, entity_id in checked]

    def remove_member(self, list_id: str, entity_id: str) -> bool:
        """RemoveMemberList: True when a member was removed; a non-member is left alone."""
        list_id, entity_id = check_guid(list_id), check_guid(entity_id)
        with self._lock:
            list_row = self._writable_list(list_id, adding=False)
            self._member_set(list_row, entity_id)
            member_id = self._members[list_id].pop(entity_id, None)
            if member_id is None:
                return False
            self._tables["listmembers"].pop(member_id, None)
            self._touch_count(list_id)
            return True

    def delete_listmember(self, listmember_id: str) -> None:
        listmember_id = check_guid(listmember_id)
        with self._lock:
            member = self._row("listmembers", listmember_id)
            list_id = member["_listid_value"]
            self._writable_list(list_id, adding=False)
            del self._tables["listmembers"][listmember_id]
            self._members[list_id].pop(member["_entityid_value"], None)
            self._touch_count(list_id)

    # ------------------------------------------------------------------ internals

    def _row(self, set_name: str, record_id: str) -> dict[str, Any]:
        row = self._tables[set_name].get(record_id.lower())
        if row is None:
            raise not_found(ENTITIES[set_name].logical, record_id)
        return row

    def _next_version(self) -> int:
        self._version += 1
        return self._version

    def _solution_rows(self) -> list[dict[str, Any]]:
        rows = list(self._tables["solutions"].values())
        if self.knobs.solution_version is not None:
            rows.append(
                {
                    "solutionid": self._prerequisite_id,
                    "uniquename": self.knobs.solution_uniquename,
                    "friendlyname": self.knobs.solution_name,
                    "version": self.knobs.solution_version,
                    "ismanaged": True,
                    "isvisible": True,
                    "installedon": "2025-02-03T10:12:44Z",
                    "versionnumber": 950_000,
                }
            )
        return rows

    @staticmethod
    def _defaults(set_name: str) -> dict[str, Any]:
        if set_name == "campaigns":
            return {"statecode": 0, "statuscode": 0, "istemplate": False}
        if set_name == "lists":
            return {"statecode": 0, "statuscode": 0, "type": False, "lockstatus": False, "membercount": 0}
        return {"statecode": 0, "statuscode": 1}

    def _derive(self, set_name: str, row: dict[str, Any]) -> None:
        if set_name in ("leads", "contacts"):
            row["fullname"] = " ".join(part for part in (row.get("firstname"), row.get("lastname")) if part)
        if set_name == "campaigns" and not row.get("codename"):
            row["codename"] = f"CMP-{self._version % 100000:05d}-{uuid.uuid4().hex[:6].upper()}"

    def _apply_state_change(
        self, set_name: str, row: dict[str, Any], values: Mapping[str, Any], record_id: str
    ) -> None:
        states = _STATES.get(set_name)
        if states is None or ("statecode" not in values and "statuscode" not in values):
            return
        state = values.get("statecode", row.get("statecode"))
        status = values.get("statuscode")
        if state not in states:
            raise self._out_of_range(set_name, "statecode", state)
        if status is None:
            if "statecode" in values:
                status = states[state][0]
            else:
                status = row.get("statuscode")
        elif "statecode" not in values:
            # A statuscode alone moves the row into the state that owns it, as SetState does.
            owners = [s for s, statuses in states.items() if status in statuses]
            if not owners:
                raise self._out_of_range(set_name, "statuscode", status)
            state = owners[0]
        if status not in states[state]:
            raise SandboxError(
                400,
                INVALID_ARGUMENT,
                f"{status} is not a valid status code for state code {state} on "
                f"{ENTITIES[set_name].logical} with Id {record_id}.",
            )
        row["statecode"], row["statuscode"] = state, status

    @staticmethod
    def _out_of_range(set_name: str, column: str, value: Any) -> SandboxError:
        return SandboxError(
            400,
            "0x80044331",
            f"A validation error occurred. The value {value} of '{column}' on record of type "
            f"'{ENTITIES[set_name].logical}' is outside the valid range.",
        )

    def _read_body(
        self, entity: EntityDef, body: Mapping[str, Any], allowed: Iterable[str]
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """Validate a request body against the entity type; returns (column values, bound lookups)."""
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
                self._row(target_set, target_id)
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
            values[name] = self._check_value(entity, name, value)
        return values, binds

    @staticmethod
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
            raise SandboxError(
                400,
                "0x80044331",
                f"A validation error occurred. The value {value} of '{name}' on record of type "
                f"'{entity.logical}' is outside the valid range.",
            )
        return value.lower() if edm == GUID else value

    def _writable_list(self, list_id: str, *, adding: bool) -> dict[str, Any]:
        list_row = self._row("lists", list_id)
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
        return list_row

    def _member_set(self, list_row: Mapping[str, Any], entity_id: str) -> str:
        """The entity set a would-be member belongs to; 404 when it exists nowhere, 400 on a type mismatch."""
        expected = MEMBER_SETS[list_row["createdfromcode"]]
        if entity_id in self._tables[expected]:
            return expected
        for set_name in MEMBER_SETS.values():
            if entity_id in self._tables[set_name]:
                raise self._type_mismatch(list_row, set_name, entity_id)
        raise not_found(ENTITIES[expected].logical, entity_id)

    @staticmethod
    def _type_mismatch(list_row: Mapping[str, Any], actual_set: str, entity_id: str) -> SandboxError:
        expected = ENTITIES[MEMBER_SETS[list_row["createdfromcode"]]].logical
        actual = ENTITIES[actual_set].logical if actual_set in ENTITIES else actual_set
        return SandboxError(
            400,
            INVALID_ARGUMENT,
            f"The marketing list '{list_row['listname']}' has member type {expected} "
            f"(createdfromcode {list_row['createdfromcode']}), so the {actual} {entity_id} cannot be a member.",
        )

    def _insert_member(self, list_id: str, set_name: str, entity_id: str) -> str:
        existing = self._members[list_id].get(entity_id)
        if existing is not None:
            return existing
        member_id = str(uuid.uuid4())
        self._tables["listmembers"][member_id] = {
            "listmemberid": member_id,
            "_listid_value": list_id,
            "_entityid_value": entity_id,
            "entitytype": ENTITIES[set_name].logical,
            "createdon": now_iso(),
            "versionnumber": self._next_version(),
        }
        self._members[list_id][entity_id] = member_id
        self._touch_count(list_id)
        return member_id

    def _touch_count(self, list_id: str) -> None:
        row = self._tables["lists"].get(list_id)
        if row is not None:
            row["membercount"] = len(self._members.get(list_id, {}))
            row["versionnumber"] = self._next_version()

    def _drop_list(self, list_id: str) -> None:
        del self._tables["lists"][list_id]
        for member_id in self._members.pop(list_id, {}).values():
            self._tables["listmembers"].pop(member_id, None)
        for linked in self._campaign_lists.values():
            if list_id in linked:
                linked.remove(list_id)
