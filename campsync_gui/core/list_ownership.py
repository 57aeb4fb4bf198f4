"""Which of a campaign's linked lists are CampSync's own, by id, and the repair of lists older versions doubled.

CampSync's list for a campaign and member type is the one with the id derived from its name (app_list_id), or, in
a store an older version wrote, the id recorded there when that version made or adopted it. A list that merely has
CampSync's name is not CampSync's: with the `Mkto` prefix it may be Marketo's own. Such a list is reported and never
touched; its members count as CRM members.

Older versions could make two lists for one campaign and member type when two writers added at once. When a pull
finds both the derived list and the recorded older one linked to a campaign, the older one's members are moved to
the derived list, then it is unlinked and deleted, and the pull says so.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from ..dynamics.client import DataverseClient
from ..dynamics.entities import MarketingList
from .applists import MEMBER_TYPES, app_list_id, app_list_name, parse_app_list_name

log = logging.getLogger(__name__)

MOVE_CHUNK = 1000  # members per AddListMembersList when moving an older list's members


@dataclass
class Ownership:
    """A campaign's linked lists sorted out: CampSync's own by member type, older doubles to merge, look-alikes."""

    own: dict[str, MarketingList] = field(default_factory=dict)
    to_merge: dict[str, MarketingList] = field(default_factory=dict)  # member type -> older list to fold in
    lookalikes: list[MarketingList] = field(default_factory=list)
    wrong_type: list[tuple[MarketingList, str]] = field(default_factory=list)


def sort_out(campaign_id: str, lists: list[MarketingList], prefix: str,
             recorded: dict[str, tuple[str, str | None]]) -> Ownership:
    """Which linked lists are CampSync's. `recorded`: member type -> (name, list id) this store recorded; a record
    made under another prefix is not CampSync's list under this one."""
    names = {t: app_list_name(prefix, t, campaign_id) for t in MEMBER_TYPES}
    derived = {app_list_id(name): t for t, name in names.items()}
    older = {list_id.lower(): t for t, (name, list_id) in recorded.items()
             if list_id and list_id.lower() not in derived and t in names
             and name.casefold() == names[t].casefold()}
    result = Ownership()
    by_type_older: dict[str, MarketingList] = {}
    for mlist in lists:
        list_id = mlist.id.lower()
        member_type = derived.get(list_id) or older.get(list_id)
        if member_type is None:
            parsed = parse_app_list_name(prefix, mlist.name)
            if parsed is not None and parsed[1] == campaign_id.lower():
                result.lookalikes.append(mlist)
            continue
        if mlist.member_type and mlist.member_type != member_type:
            result.wrong_type.append((mlist, member_type))
            continue
        if list_id in derived:
            result.own[member_type] = mlist
        else:
            by_type_older[member_type] = mlist
    for member_type, mlist in by_type_older.items():
        if member_type in result.own:
            result.to_merge[member_type] = mlist
        else:
            result.own[member_type] = mlist  # an older version's only list: still CampSync's, nothing to merge
    return result


async def merge_into(client: DataverseClient, campaign_id: str, member_type: str, older: MarketingList,
                     target: MarketingList, older_members: list[str], target_members: list[str]) -> int:
    """Move the older list's members onto the derived list, then unlink and delete the older list. Returns how
    many members were moved. Adding members already on the target is harmless (AddListMembersList skips them),
    and every step can be run again after a failure: a later pull finishes what this one started."""
    moving = sorted(set(older_members) - set(target_members))
    for start in range(0, len(moving), MOVE_CHUNK):
        part = moving[start:start + MOVE_CHUNK]
        await client.add_members(target.id, member_type, part, chunk=len(part))
    await client.unlink_list(campaign_id, older.id)
    await client.request("DELETE", f"lists({older.id})")
    log.warning("merged an older CampSync list %r (%s) into %r: %d member(s) moved, the older list unlinked and "
                "deleted", older.name, older.id, target.name, len(moving))
    return len(moving)
