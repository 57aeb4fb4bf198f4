"""Requests about the org itself: the service document, WhoAmI and RetrieveVersion."""

from __future__ import annotations

from starlette.responses import Response

from .api_responses import json_response
from .context import SandboxContext
from .schema import ENTITIES
from .users import DemoUser

ORG_FUNCTIONS = ("WhoAmI", "RetrieveVersion")


def service_document(ctx: SandboxContext) -> Response:
    return json_response(
        200,
        {
            "@odata.context": f"{ctx.api_base}/$metadata",
            "value": [{"name": s, "kind": "EntitySet", "url": s} for s in ENTITIES],
        },
    )


def org_function(ctx: SandboxContext, name: str, caller: DemoUser | None = None) -> Response:
    base = ctx.api_base
    if name == "WhoAmI":
        identity = ctx.identity
        return json_response(
            200,
            {
                "@odata.context": f"{base}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse",
                "BusinessUnitId": identity.business_unit_id,
                # A user's token: that person's own systemuser; an application token: the application user.
                "UserId": caller.systemuserid if caller is not None else identity.user_id,
                "OrganizationId": identity.organization_id,
            },
        )
    return json_response(
        200,
        {
            "@odata.context": f"{base}/$metadata#Microsoft.Dynamics.CRM.RetrieveVersionResponse",
            "Version": ctx.knobs.org_version,
        },
    )
