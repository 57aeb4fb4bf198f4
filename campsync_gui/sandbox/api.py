"""The /api/data/v9.2 dispatcher: checks a request the way Dataverse does, then routes it by resource.

The api_* modules answer each kind of resource; this one only reads the path and picks one.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from . import api_campaigns, api_lists, api_metadata, api_org, api_privileges, api_records
from .api_bulk import COLLECTION_ACTIONS, collection_action
from .api_checks import (
    CALLER, NS, check_key, check_odata_headers, no_resource, read_body, segment_not_found, split_segment,
)
from .api_responses import error_response
from .auth import Entra
from .context import SandboxContext
from .errors import ODATA_ERROR, UNEXPECTED, SandboxError
from .schema import ENTITIES, EntityDef

log = logging.getLogger(__name__)


class Api:
    def __init__(self, ctx: SandboxContext, entra: Entra) -> None:
        self.ctx = ctx
        self.entra = entra

    async def endpoint(self, request: Request) -> Response:
        # (x-ms-dop-hint goes on every answer in app.DopHintMiddleware.)
        caller = None
        try:
            caller = CALLER.set(self.entra.check_bearer(request.headers.get("authorization")))
            return await self._handle(request)
        except SandboxError as err:
            return error_response(err)
        except ClientDisconnect:
            # The client went away mid-request (closed, killed): nothing was changed, nobody to answer.
            log.info("client disconnected during %s %s", request.method, request.url.path)
            return Response(status_code=499)
        except Exception:  # a sandbox bug: answer like a server fault, and leave a trace for whoever runs it
            log.exception("sandbox API failure on %s %s", request.method, request.url.path)
            return error_response(SandboxError(500, UNEXPECTED, "An unexpected error occurred in the sandbox org."))
        finally:
            if caller is not None:
                CALLER.reset(caller)

    async def _handle(self, request: Request) -> Response:
        ctx = self.ctx
        if request.path_params.get("rest", "").strip("/") == "$metadata":
            # CSDL is XML: the JSON-only Accept check below does not apply to it.
            if request.method != "GET":
                raise no_resource(request)
            return api_metadata.metadata(ctx)
        check_odata_headers(request)
        body = await read_body(request)
        rest = request.path_params.get("rest", "").strip("/")
        segments = [s for s in rest.split("/") if s] if rest else []
        method = request.method
        if not segments:
            if method != "GET":
                raise no_resource(request)
            return api_org.service_document(ctx)
        name, key = split_segment(segments[0])
        if name in api_org.ORG_FUNCTIONS and key in (None, "") and len(segments) == 1:
            if method != "GET":
                raise no_resource(request)
            return api_org.org_function(ctx, name, CALLER.get())
        if name in api_lists.UNBOUND_ADD_MANY and key is None and len(segments) == 1:
            if method != "POST":
                raise no_resource(request)
            if "AddListMembersList" in ctx.knobs.missing_actions:
                raise segment_not_found(segments[0])
            return api_lists.add_list_members(ctx, body)
        if name == "systemusers" and key is not None and len(segments) == 2 \
                and split_segment(segments[1]) == (NS + api_privileges.FUNCTION, ""):
            return api_privileges.retrieve_user_privileges(ctx, request, key)
        if name == "systemusers" and len(segments) == 1:
            return api_privileges.systemusers(ctx, request, key)
        if name == "$metadata":  # ($batch has its own route: api_batch.py)
            raise SandboxError(501, ODATA_ERROR, f"'{name}' is not implemented by the sandbox org.")
        if name == "EntityDefinitions" and method == "GET" and len(segments) == 1:
            return api_metadata.entity_definition(ctx, request, key)
        entity = ENTITIES.get(name)
        if entity is None:
            raise segment_not_found(segments[0])
        if key is None:
            if len(segments) == 2 and split_segment(segments[1])[0].removeprefix(NS) in COLLECTION_ACTIONS:
                return collection_action(ctx, request, entity, segments[1], body)
            if len(segments) > 1:
                raise segment_not_found(segments[1])
            return api_records.collection(ctx, request, entity, body)
        record_id = check_key(key)
        if len(segments) == 1:
            return api_records.single(ctx, request, entity, record_id, body)
        return self._navigation(request, entity, record_id, segments[1:], body)

    def _navigation(
        self, request: Request, entity: EntityDef, record_id: str, segments: list[str], body: Any
    ) -> Response:
        """<set>(<id>)/<segment>...: a list's actions and related rows, a campaign's lists, or one column."""
        name, key = split_segment(segments[0])
        rest = segments[1:]
        if entity.set_name == "lists":
            answer = api_lists.navigation(self.ctx, request, record_id, name, key, rest, body)
            if answer is not None:
                return answer
        if entity.set_name == "campaigns" and name == "campaignlist_association":
            return api_campaigns.campaign_lists(self.ctx, request, record_id, key, rest, body)
        if name in entity.fields and key is None and not rest and request.method == "GET":
            return api_records.column_value(self.ctx, entity, record_id, name)
        raise segment_not_found(segments[0])
