"""`GET systemusers(<id>)/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()`: what a user may do; and the org's
systemusers themselves (the application user and the demo users), readable by id or as a list.

The sandbox's application user and the demo users with a marketing role hold what a role fit for CampSync grants,
organization-wide: every privilege on the tables the sandbox has, less what the knobs take away
(`missing_privileges` by name, and every privilege on a table named in `denied`, whose operations answer 403
anyway). The reader holds the read privileges only.
"""

from __future__ import annotations

import uuid
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from .api_checks import NS, check_key, no_resource
from .api_responses import json_response
from .context import SandboxContext
from .errors import not_found
from .rules import check_guid
from .schema import ENTITIES
from .users import DemoUser, user_has_verb

FUNCTION = "RetrieveUserPrivileges"
_VERBS = ("Create", "Read", "Write", "Delete", "Append", "AppendTo", "Assign", "Share")


def privilege_names(ctx: SandboxContext, user: DemoUser | None = None) -> list[str]:
    """The privileges of a demo user, or of the application user (None)."""
    denied = {ENTITIES[s].privilege for s in ctx.knobs.denied if s in ENTITIES}
    tables = sorted({e.privilege for e in ENTITIES.values()})
    verbs = [v for v in _VERBS if user is None or user_has_verb(user, v)]
    names = [f"prv{verb}{table}" for table in tables for verb in verbs if table not in denied]
    return [name for name in names if name not in ctx.knobs.missing_privileges]


def retrieve_user_privileges(ctx: SandboxContext, request: Request, user_key: str) -> Response:
    if request.method != "GET":
        raise no_resource(request)
    user_id = check_guid(user_key).lower()
    identity = ctx.identity
    user = ctx.directory.by_systemuserid(user_id)
    if user is None and user_id != identity.user_id.lower():
        raise not_found("systemuser", user_id)
    return json_response(200, {
        "@odata.context": f"{ctx.api_base}/$metadata#{NS}RetrieveUserPrivilegesResponse",
        "RolePrivileges": [{"Depth": "Global", "PrivilegeId": str(uuid.uuid5(uuid.NAMESPACE_OID, name)),
                            "BusinessUnitId": identity.business_unit_id, "PrivilegeName": name}
                           for name in privilege_names(ctx, user)],
    })


def systemusers(ctx: SandboxContext, request: Request, key: str | None) -> Response:
    """GET systemusers or systemusers(<id>): who the org's users are (query options are not applied)."""
    if request.method != "GET":
        raise no_resource(request)
    rows = [_application_user(ctx)] + [_row(ctx, u) for u in ctx.directory.users]
    if key is None:
        return json_response(200, {"@odata.context": f"{ctx.api_base}/$metadata#systemusers", "value": rows})
    wanted = check_key(key).lower()
    for row in rows:
        if row["systemuserid"] == wanted:
            return json_response(200, {"@odata.context": f"{ctx.api_base}/$metadata#systemusers/$entity", **row})
    raise not_found("systemuser", wanted)


def _row(ctx: SandboxContext, user: DemoUser) -> dict[str, Any]:
    return {
        "systemuserid": user.systemuserid,
        "fullname": user.name,
        "domainname": user.username,
        "internalemailaddress": user.username,
        "azureactivedirectoryobjectid": user.oid,
        "isdisabled": user.disabled,
        "accessmode": 0,
        "_businessunitid_value": ctx.identity.business_unit_id,
        "rolenames": list(user.roles),  # the sandbox's shortcut for systemuserroles_association
    }


def _application_user(ctx: SandboxContext) -> dict[str, Any]:
    return {
        "systemuserid": ctx.identity.user_id.lower(),
        "fullname": "# CampSync",
        "domainname": f"{ctx.identity.client_id}@campsyncsandbox.onmicrosoft.com",
        "internalemailaddress": "",
        "azureactivedirectoryobjectid": str(uuid.uuid5(uuid.UUID(ctx.identity.client_id), "service-principal")),
        "applicationid": ctx.identity.client_id,
        "isdisabled": False,
        "accessmode": 4,
        "_businessunitid_value": ctx.identity.business_unit_id,
        "rolenames": ["CampSync Integration"],
    }
