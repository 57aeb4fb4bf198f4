"""The org's data as plain tables: rows by entity set and id, campaign-list links, the member index, versions."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Mapping

from .seed import SeedData

# The entity sets kept as tables, in the order they are saved.
STORED_SETS = ("campaigns", "leads", "contacts", "accounts", "lists", "listmembers", "solutions")

Rows = dict[str, dict[str, Any]]


@dataclass
class OrgTables:
    rows: dict[str, Rows]  # entity set -> id -> row
    campaign_lists: dict[str, list[str]]  # campaign id -> linked list ids
    prerequisite_id: str  # the id the prerequisite solution gets whenever a knob installs it
    version: int  # the last versionnumber handed out
    # list id -> {entity id -> listmember id}: membership checks without scanning every listmember.
    members: dict[str, dict[str, str]]

    @classmethod
    def from_seed(cls, data: SeedData) -> "OrgTables":
        rows = {name: getattr(data, name) for name in STORED_SETS}
        return cls(
            rows=rows,
            campaign_lists=data.campaign_lists,
            prerequisite_id=data.prerequisite_solution_id,
            version=data.next_version,
            members=index_members(rows["lists"], rows["listmembers"]),
        )

    def copy(self) -> "OrgTables":
        """A copy that shares nothing that changes in place: rows, lists and dicts are copied, values are not."""
        copies = {f.name: _copied(getattr(self, f.name)) for f in dataclasses.fields(self) if f.name != "rows"}
        # Rows are flat (their values are never changed in place): one dict() each is the fast path.
        rows = {name: {key: dict(row) for key, row in table.items()} for name, table in self.rows.items()}
        return OrgTables(rows=rows, **copies)


def _copied(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, (list, set)):
        return type(value)(_copied(item) for item in value)
    return value


def index_members(lists: Mapping[str, Any], listmembers: Rows) -> dict[str, dict[str, str]]:
    members: dict[str, dict[str, str]] = {list_id: {} for list_id in lists}
    for member in listmembers.values():
        members.setdefault(member["_listid_value"], {})[member["_entityid_value"]] = member["listmemberid"]
    return members
