"""Rows of any entity set: query and create, read/update/delete one by id, read one of its columns."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from . import change_tracking
from .api_checks import check_privilege, method_not_allowed
from .api_reads import entity_response, query_response, written_response
from .api_responses import json_response, no_content
from .context import SandboxContext
from .errors import METHOD_NOT_SUPPORTED, ODATA_ERROR, SandboxError, bad_request
from .rules import etag
from .schema import EntityDef
from .slow_writes import answer_after


def collection(ctx: SandboxContext, request: Request, entity: EntityDef, body: Any) -> Response:
    method = request.method
    if method == "GET":
        check_privilege(ctx, entity, "Read")
        if change_tracking.asks_for_changes(request):
            return change_tracking.tracked_query(ctx, request, entity)
        return query_response(ctx, request, entity, ctx.state.rows(entity.set_name))
    if method == "POST":
        check_privilege(ctx, entity, "Create")
        if entity.set_name == "listmembers":
            raise SandboxError(
                501,
                ODATA_ERROR,
                "Creating listmember rows directly is not implemented by the sandbox org; use "
                "lists(<id>)/Microsoft.Dynamics.CRM.AddMemberList.",
            )
        if entity.set_name == "solutions":
            raise SandboxError(501, ODATA_ERROR, "Importing solutions is not implemented by the sandbox org.")
        if not isinstance(body, dict):
            raise bad_request(f"The request body must be a JSON object describing a {entity.logical}.")

        def write() -> Response:
            row = ctx.state.create(entity.set_name, body)  # a caller-chosen id that exists: 412 duplicate key
            return written_response(ctx, request, entity, row, created=True)

        return answer_after(ctx.knobs.create_ms_per_record, 1, write)
    raise method_not_allowed(method)


def single(ctx: SandboxContext, request: Request, entity: EntityDef, record_id: str, body: Any) -> Response:
    method = request.method
    state = ctx.state
    if entity.set_name == "listmembers" and method != "DELETE":
        if method == "GET":
            raise SandboxError(
                405,
                METHOD_NOT_SUPPORTED,
                "The 'Retrieve' method does not support entities of type 'listmember'. "
                "Query listmembers with $filter instead.",
            )
        raise method_not_allowed(method)
    if entity.set_name == "solutions" and method != "GET":
        raise SandboxError(501, ODATA_ERROR, "Changing solutions is not implemented by the sandbox org.")
    if method == "GET":
        check_privilege(ctx, entity, "Read")
        row = state.get(entity.set_name, record_id)
        if request.headers.get("if-none-match") == etag(row):
            return Response(status_code=304, headers={"OData-Version": "4.0"})
        return entity_response(ctx, request, entity, row, 200)
    if method == "PATCH":
        check_privilege(ctx, entity, "Write")
        if not isinstance(body, dict):
            raise bad_request(f"The request body must be a JSON object with the {entity.logical} columns to set.")
        row, _created = state.update(
            entity.set_name,
            record_id,
            body,
            if_match=request.headers.get("if-match"),
            if_none_match=request.headers.get("if-none-match"),
        )
        return written_response(ctx, request, entity, row, created=False)
    if method == "DELETE":
        check_privilege(ctx, entity, "Delete")
        state.delete(entity.set_name, record_id, if_match=request.headers.get("if-match"))
        return no_content()
    raise method_not_allowed(method)


def column_value(ctx: SandboxContext, entity: EntityDef, record_id: str, column: str) -> Response:
    """GET <set>(<id>)/<column>: one column's value."""
    check_privilege(ctx, entity, "Read")
    row = ctx.state.get(entity.set_name, record_id)
    return json_response(
        200,
        {
            "@odata.context": f"{ctx.api_base}/$metadata#{entity.set_name}({record_id})/{column}",
            "value": row.get(column),
        },
    )
