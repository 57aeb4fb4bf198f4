"""A campaign's marketing lists (campaignlist_association): read them, associate and disassociate one."""

from __future__ import annotations

import re
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from .api_checks import check_key, check_privilege, method_not_allowed
from .api_reads import entity_response, query_response
from .api_responses import no_content
from .context import SandboxContext
from .errors import bad_request, not_found
from .rules import check_guid, duplicate_link
from .schema import ENTITIES, LISTS

_LIST_REF_RE = re.compile(r"(?:^|/)lists\(([0-9a-fA-F-]{36})\)/?$")


def campaign_lists(
    ctx: SandboxContext, request: Request, campaign_id: str, key: str | None, rest: list[str], body: Any
) -> Response:
    state = ctx.state
    method = request.method
    campaigns = ENTITIES["campaigns"]
    if key is None and not rest and method == "GET":
        check_privilege(ctx, campaigns, "Read")
        check_privilege(ctx, LISTS, "Read")
        state.get("campaigns", campaign_id)
        rows = [state.get("lists", list_id) for list_id in state.lists_of_campaign(campaign_id)]
        return query_response(ctx, request, LISTS, rows)
    if key is None and rest == ["$ref"] and method == "POST":
        check_privilege(ctx, campaigns, "AppendTo")
        check_privilege(ctx, LISTS, "Append")
        if not isinstance(body, dict) or "@odata.id" not in body:
            raise bad_request("The request body must be {\"@odata.id\": \"<url of the list>\"}.")
        list_id = _list_ref(str(body["@odata.id"]))
        if list_id in state.lists_of_campaign(campaign_id):  # a real org refuses it: see duplicate_link
            raise duplicate_link(campaign_id.lower(), list_id)
        state.link_list(campaign_id, list_id)
        return no_content()
    if method == "DELETE" and (rest == ["$ref"]):
        check_privilege(ctx, campaigns, "AppendTo")
        if key is not None:
            list_id = check_key(key)
        else:
            target = request.query_params.get("$id")
            if not target:
                raise bad_request("Disassociating needs the list: use campaignlist_association(<listid>)/$ref.")
            list_id = _list_ref(target)
        state.unlink_list(campaign_id, list_id)
        return no_content()
    if key is not None and not rest and method == "GET":
        check_privilege(ctx, LISTS, "Read")
        list_id = check_key(key)
        if list_id not in state.lists_of_campaign(campaign_id):
            raise not_found("list", list_id)
        return entity_response(ctx, request, LISTS, state.get("lists", list_id), 200)
    raise method_not_allowed(method)


def _list_ref(reference: str) -> str:
    match = _LIST_REF_RE.search(reference.strip())
    if match is None:
        raise bad_request(f"The @odata.id '{reference}' does not refer to a list: expected '.../lists(<listid>)'.")
    return check_guid(match.group(1))
