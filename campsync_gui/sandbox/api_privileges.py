"""`GET systemusers(<id>)/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()`: what the signed-in user may do.

The sandbox's application user holds what a role fit for CampSync grants, organization-wide: every privilege on
the tables the sandbox has, less what the knobs take away (`missing_privileges` by name, and every privilege on a
table named in `denied`, whose operations answer 403 anyway).
"""

from __future__ import annotations

import uuid

from starlette.requests import Request
from starlette.responses import Response

from .api_checks import NS, no_resource
from .api_responses import json_response
from .context import SandboxContext
from .errors import not_found
from .rules import check_guid
from .schema import ENTITIES

FUNCTION = "RetrieveUserPrivileges"
_VERBS = ("Create", "Read", "Write", "Delete", "Append", "AppendTo", "Assign", "Share")


def privilege_names(ctx: SandboxContext) -> list[str]:
    denied = {ENTITIES[s].privilege for s in ctx.knobs.denied if s in ENTITIES}
    tables = sorted({e.privilege for e in ENTITIES.values()})
    names = [f"prv{verb}{table}" for table in tables for verb in _VERBS if table not in denied]
    return [name for name in names if name not in ctx.knobs.missing_privileges]


def retrieve_user_privileges(ctx: SandboxContext, request: Request, user_key: str) -> Response:
    if request.method != "GET":
        raise no_resource(request)
    user_id = check_guid(user_key)
    identity = ctx.identity
    if user_id.lower() != identity.user_id.lower():
        # The sandbox knows one user: the application user its token signs in.
        raise not_found("systemuser", user_id)
    return json_response(200, {
        "@odata.context": f"{ctx.api_base}/$metadata#{NS}RetrieveUserPrivilegesResponse",
        "RolePrivileges": [{"Depth": "Global", "PrivilegeId": str(uuid.uuid5(uuid.NAMESPACE_OID, name)),
                            "BusinessUnitId": identity.business_unit_id, "PrivilegeName": name}
                           for name in privilege_names(ctx)],
    })
