"""Checks a Web API request passes as Dataverse makes them: headers, JSON body, URL segments, keys, privileges."""

from __future__ import annotations

import json
import re
import uuid
from contextvars import ContextVar
from typing import Any, Collection

from starlette.requests import Request

from .context import SandboxContext
from .errors import ODATA_ERROR, PRIVILEGE_DENIED, SEGMENT_NOT_FOUND, SandboxError, bad_request
from .rules import check_guid
from .schema import EntityDef
from .users import DemoUser, user_has_verb

NS = "Microsoft.Dynamics.CRM."
# Who the request's token is for: a demo user, or None for the application user (client credentials). Set by the
# dispatcher for the request's task, read by the privilege checks and WhoAmI.
CALLER: ContextVar[DemoUser | None] = ContextVar("sandbox_caller", default=None)
_SEGMENT_RE = re.compile(r"^(?P<name>[$A-Za-z_][\w.$]*)(?:\((?P<key>[^()]*)\))?$")


def check_odata_headers(request: Request) -> None:
    for header in ("OData-MaxVersion", "OData-Version"):
        value = request.headers.get(header)
        if value is None:
            raise bad_request(f"The request is missing the '{header}: 4.0' header that the Web API requires.")
        if value.strip() != "4.0":
            raise bad_request(f"The value '{value}' of the {header} header is not supported. Send '4.0'.")
    accept = request.headers.get("accept")
    if accept is not None and not _accepts_json(accept):
        raise bad_request(
            f"The Accept header '{accept}' does not allow application/json, the only format the Web API returns."
        )


def _accepts_json(accept: str) -> bool:
    for item in accept.split(","):
        media, *params = [part.strip() for part in item.split(";")]
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if quality > 0 and media.lower() in ("application/json", "application/*", "*/*"):
            return True
    return False


async def read_body(request: Request) -> Any:
    if request.method not in ("POST", "PATCH", "PUT"):
        return None
    raw = await request.body()
    if not raw.strip():
        return None
    content_type = request.headers.get("content-type", "")
    if content_type.split(";")[0].strip().lower() != "application/json":
        raise SandboxError(
            415,
            ODATA_ERROR,
            f"The content type '{content_type or '(none)'}' is not supported. Send JSON with "
            "'Content-Type: application/json'.",
        )
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise bad_request(f"The request body is not valid JSON: {exc}.") from None


def no_resource(request: Request) -> SandboxError:
    return SandboxError(404, ODATA_ERROR, f"No HTTP resource was found that matches the request URI '{request.url}'.")


def segment_not_found(segment: str) -> SandboxError:
    return SandboxError(404, SEGMENT_NOT_FOUND, f"Resource not found for the segment '{segment}'.")


def method_not_allowed(method: str) -> SandboxError:
    return SandboxError(405, ODATA_ERROR, f"The requested resource does not support http method '{method}'.")


def split_segment(segment: str) -> tuple[str, str | None]:
    """A path segment as (name, key): `lists(<id>)` gives ("lists", "<id>"), `leads` gives ("leads", None)."""
    match = _SEGMENT_RE.match(segment)
    if match is None:
        raise segment_not_found(segment)
    return match.group("name"), match.group("key")


def check_key(key: str) -> str:
    if "=" in key:
        raise SandboxError(501, ODATA_ERROR, f"Alternate keys ('{key}') are not implemented by the sandbox org.")
    return check_guid(key)


def check_privilege(ctx: SandboxContext, entity: EntityDef, verb: str) -> None:
    user = CALLER.get()
    if entity.set_name not in ctx.knobs.denied and (user is None or user_has_verb(user, verb)):
        return
    identity = ctx.identity
    user_id = user.systemuserid if user is not None else identity.user_id
    role_count = len(user.roles) if user is not None else 1
    access_mode = 0 if user is not None else 4  # 0: an interactive user; 4: a non-interactive application user
    privilege = f"prv{verb}{entity.privilege}"
    privilege_id = uuid.uuid5(uuid.NAMESPACE_OID, privilege)
    raise SandboxError(
        403,
        PRIVILEGE_DENIED,
        f"Principal user (Id={user_id}, type=8, roleCount={role_count}, privilegeCount=412, accessMode={access_mode}, "
        f"MetadataCache Privileges Count=4102, businessUnitId={identity.business_unit_id}), is missing "
        f"{privilege} privilege (Id={privilege_id}) on OTC={entity.otc} for entity '{entity.logical}'. "
        f"context.Caller={user_id}",
    )


def check_bound_action(ctx: SandboxContext, request: Request, name: str, implemented: Collection[str]) -> str:
    """The action's name without its namespace, once the call is one this org carries out."""
    action = name.removeprefix(NS)
    if name == action:
        # Bound actions need their namespace; without it Dataverse cannot bind the parameters.
        raise bad_request("Request message has unresolved parameters.")
    if request.method != "POST":
        raise no_resource(request)
    if action in ctx.knobs.missing_actions:
        raise segment_not_found(name)
    if action not in implemented:
        raise SandboxError(501, ODATA_ERROR, f"The action '{name}' is not implemented by the sandbox org.")
    return action
