"""Marketing lists: adding and removing members (one or many), and reading a list's members and campaigns."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from .api_checks import NS, check_bound_action, check_privilege
from .api_reads import query_response
from .api_responses import json_response, no_content
from .context import SandboxContext
from .errors import bad_request
from .rules import check_guid
from .schema import ENTITIES, LISTS, MEMBER_SETS

# Bound list actions Dataverse knows; only the first two are implemented here.
_LIST_ACTIONS = {
    "AddMemberList", "RemoveMemberList", "CopyMembersList", "CopyDynamicListToStatic", "QualifyMemberList",
    "AddItemCampaign", "RemoveItemCampaign", "CreateActivitiesList", "AddMembersBatchList", "RemoveListMembersList",
}
_IMPLEMENTED_ACTIONS = ("AddMemberList", "RemoveMemberList")
UNBOUND_ADD_MANY = {"AddListMembersList", "Microsoft.Dynamics.CRM.AddListMembersList"}
_MEMBER_NAVIGATIONS = {"listlead_association": "leads", "listcontact_association": "contacts",
                       "listaccount_association": "accounts"}
_MEMBER_LOGICAL = {ENTITIES[s].logical: s for s in MEMBER_SETS.values()}


def navigation(
    ctx: SandboxContext, request: Request, list_id: str, name: str, key: str | None, rest: list[str], body: Any
) -> Response | None:
    """lists(<id>)/<name>...; None when the segment is not one of a list's own (a column, say)."""
    state = ctx.state
    method = request.method
    if name.removeprefix(NS) in _LIST_ACTIONS and key is None and not rest:
        action = check_bound_action(ctx, request, name, _IMPLEMENTED_ACTIONS)
        check_privilege(ctx, LISTS, "Write")
        return _member_action(ctx, list_id, action, body)
    if name in _MEMBER_NAVIGATIONS and key is None and not rest and method == "GET":
        check_privilege(ctx, LISTS, "Read")
        state.get("lists", list_id)
        member_set = _MEMBER_NAVIGATIONS[name]
        members = state.members_of(list_id)
        rows = [r for r in state.rows(member_set) if r[ENTITIES[member_set].key] in members]
        return query_response(ctx, request, ENTITIES[member_set], rows)
    if name == "campaignlist_association" and key is None and not rest and method == "GET":
        check_privilege(ctx, LISTS, "Read")
        state.get("lists", list_id)
        linked = set(state.campaigns_of_list(list_id))
        rows = [r for r in state.rows("campaigns") if r["campaignid"] in linked]
        return query_response(ctx, request, ENTITIES["campaigns"], rows)
    return None


def _member_action(ctx: SandboxContext, list_id: str, action: str, body: Any) -> Response:
    """AddMemberList or RemoveMemberList, bound to the list."""
    if not isinstance(body, dict) or "EntityId" not in body:
        raise bad_request("Request message has unresolved parameters.")
    entity_id = check_guid(body["EntityId"])
    state = ctx.state
    if action == "AddMemberList":
        member_id = state.add_member(list_id, entity_id)
        return json_response(
            200,
            {
                "@odata.context": f"{ctx.api_base}/$metadata#Microsoft.Dynamics.CRM.AddMemberListResponse",
                "Id": member_id,
            },
        )
    state.remove_member(list_id, entity_id)
    return no_content()


def add_list_members(ctx: SandboxContext, body: Any) -> Response:
    """The unbound AddListMembersList: many members, typed by @odata.type, added to one list at once."""
    check_privilege(ctx, LISTS, "Write")
    if not isinstance(body, dict) or "List" not in body or "Members" not in body:
        raise bad_request("Request message has unresolved parameters.")
    target, members = body["List"], body["Members"]
    if not isinstance(target, dict) or "listid" not in target:
        raise bad_request("The 'List' parameter must be a list entity with its 'listid'.")
    if not isinstance(members, list):
        raise bad_request("The 'Members' parameter must be a collection of entities.")
    pairs: list[tuple[str, str]] = []
    for member in members:
        if not isinstance(member, dict):
            raise bad_request("Each item of 'Members' must be an entity object.")
        odata_type = str(member.get("@odata.type", "")).lstrip("#")
        logical = odata_type.removeprefix(NS)
        if not odata_type.startswith(NS) or logical not in _MEMBER_LOGICAL:
            raise bad_request(
                "Each item of 'Members' needs an '@odata.type' of Microsoft.Dynamics.CRM.lead, "
                f"Microsoft.Dynamics.CRM.contact or Microsoft.Dynamics.CRM.account (found '{odata_type}')."
            )
        key = f"{logical}id"
        if key not in member:
            raise bad_request(f"An item of 'Members' typed {odata_type} has no '{key}'.")
        pairs.append((_MEMBER_LOGICAL[logical], member[key]))
    ctx.state.add_members(check_guid(target["listid"]), pairs)
    return no_content()
