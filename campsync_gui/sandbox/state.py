"""The org's data in memory, and every change to it with the rules a real org enforces.

The server thread and test code both touch this object, so every public method takes one lock.
Reads hand out read-only copies: a caller can never see a row change under it, nor change one by mistake.
"""

from __future__ import annotations

import threading
import uuid
from datetime import datetime, timezone
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from . import persistence
from . import seed as seeding
from .change_log import ChangeLog, page_by_key
from .errors import INVALID_ARGUMENT, SandboxError, not_found
from .knobs import Knobs
from .rules import (
    STATES,
    apply_state_change,
    check_guid,
    check_if_match,
    check_writable_list,
    defaults,
    derive,
    duplicate_record,
    read_body,
    type_mismatch,
)
from .schema import CODE_OF_SET, ENTITIES, MEMBER_SETS
from .tables import OrgTables


def now_iso() -> str:
    return seeding.iso(datetime.now(timezone.utc))


def _frozen(rows: Mapping[str, dict[str, Any]]) -> Mapping[str, Mapping[str, Any]]:
    return MappingProxyType({key: MappingProxyType(dict(row)) for key, row in rows.items()})


class State:
    """Tables keyed by entity set name, then by id; plus campaign-list links and a member index."""

    def __init__(self, seed: int = 42, knobs: Knobs | None = None) -> None:
        self._lock = threading.RLock()
        self.knobs = knobs if knobs is not None else Knobs()
        # Bumped by every change to the data, so the autosave can tell refused or read-only requests apart
        # (tables.version is not enough: deletes and campaign-list links leave it alone).
        self._changes = 0
        self.change_log = ChangeLog()  # deletions and the data's generation, for delta links
        self.load(seed)

    # ------------------------------------------------------------------ loading and saving between runs

    def load(self, seed: int) -> None:
        data = OrgTables.from_seed(seeding.build(seed))
        with self._lock:
            self.seed = seed
            self._data = data
            self._changes += 1
            self.change_log.reset()

    @property
    def changes(self) -> int:
        """A counter that moves whenever the data may have changed; equal counts mean equal data."""
        with self._lock:
            return self._changes

    def save(self, path: Path) -> int:
        """Write every table to `path` (JSON, replaced atomically), for `restore` in a later run.

        Returns the change count the file now holds.
        """
        with self._lock:
            text = persistence.dump(self.seed, self._data)
            changes = self._changes
        persistence.write(path, text)
        return changes

    def restore(self, path: Path) -> bool:
        """Load what `save` wrote, if it was saved from the same seed; otherwise keep the seeded data."""
        data = persistence.read(path, self.seed)
        if data is None:
            return False
        with self._lock:
            self._data = data
            self._changes += 1
            self.change_log.reset()  # deletions before the restore are not known: older tokens must not be served
        return True

    # ------------------------------------------------------------------ transactions ($batch change sets)

    def checkpoint(self) -> OrgTables:
        """A copy of the tables, for roll_back when an operation of a change set fails (api_batch.py). It copies
        every row (some 0.1 s at 200,000 people), so only change sets take one."""
        with self._lock:
            return self._data.copy()

    def roll_back(self, checkpoint: OrgTables) -> None:
        """The tables as they were at `checkpoint`. Version numbers never go back: one handed out to a write that
        is undone is not handed out again (a delta link may have seen it)."""
        with self._lock:
            checkpoint.version = max(checkpoint.version, self._data.version)
            self._data = checkpoint
            self._changes += 1

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

    def _snapshot(self, set_name: str) -> Mapping[str, Mapping[str, Any]]:
        with self._lock:
            return _frozen(self._data.rows[set_name])

    def rows(self, set_name: str) -> list[dict[str, Any]]:
        """Copies of every row of an entity set, for queries."""
        with self._lock:
            if set_name == "solutions":
                return [dict(row) for row in self._solution_rows()]
            return [dict(row) for row in self._data.rows[set_name].values()]

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
                row = self._data.rows.get(name, {}).get(record_id)
                if row is not None:
                    return row.get("fullname") or row.get("name") or row.get("listname")
        return None

    def members_of(self, list_id: str) -> set[str]:
        with self._lock:
            return set(self._data.members.get(list_id.lower(), {}))

    def listmember_id(self, list_id: str, entity_id: str) -> str | None:
        with self._lock:
            return self._data.members.get(list_id.lower(), {}).get(entity_id.lower())

    def lists_of_campaign(self, campaign_id: str) -> list[str]:
        with self._lock:
            return list(self._data.campaign_lists.get(campaign_id.lower(), []))

    def campaigns_of_list(self, list_id: str) -> list[str]:
        with self._lock:
            return [cid for cid, lists in self._data.campaign_lists.items() if list_id.lower() in lists]

    def find_campaign(self, name: str) -> dict[str, Any]:
        """The campaign with this name (case-insensitive), as a plain dict copy."""
        with self._lock:
            for row in self._data.rows["campaigns"].values():
                if row["name"].casefold() == name.casefold():
                    return dict(row)
        raise KeyError(f"no campaign named {name!r}")

    def find_list(self, name: str) -> dict[str, Any]:
        with self._lock:
            for row in self._data.rows["lists"].values():
                if row["listname"].casefold() == name.casefold():
                    return dict(row)
        raise KeyError(f"no marketing list named {name!r}")

    # ------------------------------------------------------------------ generic create / update / delete

    def create(self, set_name: str, body: Mapping[str, Any]) -> dict[str, Any]:
        entity = ENTITIES[set_name]
        with self._lock:
            # Dataverse accepts an initial state on create, whatever the entity's other read-only columns.
            allowed = entity.creatable | ({"statecode", "statuscode"} if set_name in STATES else set())
            values, binds = read_body(entity, body, allowed, self._row)
            record_id = values.pop(entity.key, None) or str(uuid.uuid4())
            if record_id in self._data.rows[set_name]:
                raise duplicate_record()
            for name in entity.required:
                if values.get(name) in (None, ""):
                    raise SandboxError(
                        400,
                        INVALID_ARGUMENT,
                        f"A value for the attribute '{name}' is required to create a {entity.logical}.",
                    )
            row: dict[str, Any] = {column: None for column in entity.fields}
            row.update(defaults(set_name))
            row.update(values)
            row.update(binds)
            row[entity.key] = record_id
            apply_state_change(set_name, row, values, record_id)
            derive(set_name, row, self._data.version)
            stamp = now_iso()
            row["createdon"] = stamp
            if "modifiedon" in entity.fields:
                row["modifiedon"] = stamp
            row["versionnumber"] = self._next_version()
            self._data.rows[set_name][record_id] = row
            if set_name == "lists":
                self._data.members[record_id] = {}
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
                    self._data.rows[set_name].pop(row[entity.key], None)
                    if set_name == "lists":
                        self._data.members.pop(row[entity.key], None)
                self._changes += 1
                raise
            return created

    def upsert_many(self, set_name: str, keyed: Iterable[tuple[str, Mapping[str, Any]]]) -> None:
        """UpsertMultiple: each (id, body) updates its row or creates it with that id; all or none is applied."""
        entity = ENTITIES[set_name]
        with self._lock:
            snapshot = {key: dict(row) for key, row in self._data.rows[set_name].items()}
            try:
                for record_id, body in keyed:
                    values = {k: v for k, v in body.items() if not k.startswith("@")}
                    self.update(set_name, record_id, {**values, entity.key: record_id})
            except SandboxError:
                # One transaction: rows created are removed and rows updated get their old values back.
                table = self._data.rows[set_name]
                for key in [k for k in table if k not in snapshot]:
                    table.pop(key)
                    if set_name == "lists":
                        self._data.members.pop(key, None)
                for key, row in snapshot.items():
                    table[key].clear()
                    table[key].update(row)
                self._changes += 1
                raise

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
            row = self._data.rows[set_name].get(record_id)
            if row is None:
                if if_match is not None:
                    raise not_found(entity.logical, record_id)
                return self.create(set_name, {**body, entity.key: record_id}), True
            if if_none_match == "*":
                raise duplicate_record()
            check_if_match(row, if_match)
            for column in body:
                if column in entity.fields and column not in entity.updatable and "@" not in column:
                    if column == entity.key and str(body[column]).lower() == record_id:
                        continue
                    raise SandboxError(
                        400, INVALID_ARGUMENT, f"The '{column}' attribute of a {entity.logical} cannot be updated."
                    )
            values, binds = read_body(entity, body, entity.updatable | {entity.key}, self._row)
            values.pop(entity.key, None)
            candidate = {**row, **values, **binds}
            apply_state_change(set_name, candidate, values, record_id)
            derive(set_name, candidate, self._data.version)
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
            check_if_match(row, if_match)
            if set_name == "lists":
                self._drop_list(record_id)
                return
            if set_name == "listmembers":
                self.delete_listmember(record_id)
                return
            tables = self._data.rows
            del tables[set_name][record_id]
            self.change_log.deleted(set_name, record_id, self._next_version())
            if set_name == "campaigns":
                self._data.campaign_lists.pop(record_id, None)
            if set_name in CODE_OF_SET:
                # Deleting a person or account takes its list memberships with it.
                for list_id, members in self._data.members.items():
                    member_id = members.pop(record_id, None)
                    if member_id is not None:
                        tables["listmembers"].pop(member_id, None)
                        self._touch_count(list_id)
            if set_name == "accounts":
                for contact in tables["contacts"].values():
                    if contact.get("_parentcustomerid_value") == record_id:
                        contact["_parentcustomerid_value"] = None
                        contact["versionnumber"] = self._next_version()  # a change, as change tracking sees it

    # ------------------------------------------------------------------ change tracking (change_tracking.py)

    def version_now(self) -> int:
        with self._lock:
            return self._data.version

    def changes_page(self, set_name: str, after: str, limit: int, *, changed_after: int = -1) -> list[dict[str, Any]]:
        """Copies of up to `limit` rows after id `after`, in id order, written after version `changed_after`."""
        with self._lock:
            return page_by_key(self._data.rows[set_name], after, limit, changed_after)

    def deleted_since(self, set_name: str, version: int) -> list[str]:
        """Ids deleted after `version` and not written again since (an upsert can bring an id back)."""
        with self._lock:
            table = self._data.rows[set_name]
            return [i for i in self.change_log.deleted_since(set_name, version) if i not in table]

    # ------------------------------------------------------------------ helpers for tests and the demo

    def set_campaign_state(self, campaign_id: str, active: bool) -> dict[str, Any]:
        body = {"statecode": 0, "statuscode": 0} if active else {"statecode": 1, "statuscode": 6}
        return self.update("campaigns", campaign_id, body, if_match="*")[0]

    def lock_list(self, list_id: str, locked: bool = True) -> dict[str, Any]:
        return self.update("lists", list_id, {"lockstatus": locked}, if_match="*")[0]

    def deactivate_list(self, list_id: str) -> dict[str, Any]:
        return self.update("lists", list_id, {"statecode": 1, "statuscode": 1}, if_match="*")[0]

    def delete_list(self, list_id: str) -> None:
        self.delete("lists", list_id)

    # ------------------------------------------------------------------ campaign <-> list links

    def link_list(self, campaign_id: str, list_id: str) -> None:
        campaign_id, list_id = check_guid(campaign_id), check_guid(list_id)
        with self._lock:
            self._row("campaigns", campaign_id)
            self._row("lists", list_id)
            linked = self._data.campaign_lists.setdefault(campaign_id, [])
            # Associating an existing pair again is accepted without a second link.
            if list_id not in linked:
                linked.append(list_id)
                self._changes += 1

    def unlink_list(self, campaign_id: str, list_id: str) -> None:
        campaign_id, list_id = check_guid(campaign_id), check_guid(list_id)
        with self._lock:
            self._row("campaigns", campaign_id)
            linked = self._data.campaign_lists.get(campaign_id, [])
            if list_id in linked:
                linked.remove(list_id)
                self._changes += 1

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
                    raise type_mismatch(list_row, declared_set, entity_id)
                set_name = self._member_set(list_row, entity_id)
                checked.append((set_name, entity_id))
            return [self._insert_member(list_id, set_name, entity_id) for set_name, entity_id in checked]

    def remove_member(self, list_id: str, entity_id: str) -> bool:
        """RemoveMemberList: True when a member was removed; a non-member is left alone."""
        list_id, entity_id = check_guid(list_id), check_guid(entity_id)
        with self._lock:
            list_row = self._writable_list(list_id, adding=False)
            self._member_set(list_row, entity_id)
            member_id = self._data.members[list_id].pop(entity_id, None)
            if member_id is None:
                return False
            self._data.rows["listmembers"].pop(member_id, None)
            self._changes += 1
            self._touch_count(list_id)
            return True

    def delete_listmember(self, listmember_id: str) -> None:
        listmember_id = check_guid(listmember_id)
        with self._lock:
            member = self._row("listmembers", listmember_id)
            list_id = member["_listid_value"]
            self._writable_list(list_id, adding=False)
            del self._data.rows["listmembers"][listmember_id]
            self._changes += 1
            self._data.members[list_id].pop(member["_entityid_value"], None)
            self._touch_count(list_id)

    # ------------------------------------------------------------------ internals

    def _row(self, set_name: str, record_id: str) -> dict[str, Any]:
        row = self._data.rows[set_name].get(record_id.lower())
        if row is None:
            raise not_found(ENTITIES[set_name].logical, record_id)
        return row

    def _next_version(self) -> int:
        # Every row written takes a new version, so counting here covers creates, updates and new members.
        self._changes += 1
        self._data.version += 1
        return self._data.version

    def _solution_rows(self) -> list[dict[str, Any]]:
        rows = list(self._data.rows["solutions"].values())
        if self.knobs.solution_version is not None:
            rows.append(
                {
                    "solutionid": self._data.prerequisite_id,
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

    def _writable_list(self, list_id: str, *, adding: bool) -> dict[str, Any]:
        list_row = self._row("lists", list_id)
        check_writable_list(list_row, adding=adding)
        return list_row

    def _member_set(self, list_row: Mapping[str, Any], entity_id: str) -> str:
        """The entity set a would-be member belongs to; 404 when it exists nowhere, 400 on a type mismatch."""
        expected = MEMBER_SETS[list_row["createdfromcode"]]
        if entity_id in self._data.rows[expected]:
            return expected
        for set_name in MEMBER_SETS.values():
            if entity_id in self._data.rows[set_name]:
                raise type_mismatch(list_row, set_name, entity_id)
        raise not_found(ENTITIES[expected].logical, entity_id)

    def _insert_member(self, list_id: str, set_name: str, entity_id: str) -> str:
        existing = self._data.members[list_id].get(entity_id)
        if existing is not None:
            return existing
        member_id = str(uuid.uuid4())
        self._data.rows["listmembers"][member_id] = {
            "listmemberid": member_id,
            "_listid_value": list_id,
            "_entityid_value": entity_id,
            "entitytype": ENTITIES[set_name].logical,
            "createdon": now_iso(),
            "versionnumber": self._next_version(),
        }
        self._data.members[list_id][entity_id] = member_id
        self._touch_count(list_id)
        return member_id

    def _touch_count(self, list_id: str) -> None:
        row = self._data.rows["lists"].get(list_id)
        if row is not None:
            row["membercount"] = len(self._data.members.get(list_id, {}))
            row["versionnumber"] = self._next_version()

    def _drop_list(self, list_id: str) -> None:
        del self._data.rows["lists"][list_id]
        self._changes += 1
        for member_id in self._data.members.pop(list_id, {}).values():
            self._data.rows["listmembers"].pop(member_id, None)
        for linked in self._data.campaign_lists.values():
            if list_id in linked:
                linked.remove(list_id)
