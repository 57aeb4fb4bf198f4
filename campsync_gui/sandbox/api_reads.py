"""Answers that carry rows: a query with its paging link, one entity, and the row after a write."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, quote

from starlette.requests import Request
from starlette.responses import Response

from . import odata, paging
from .api_projection import annotation_patterns, project
from .api_responses import json_response, no_content, parse_prefer
from .context import SandboxContext
from .errors import ODATA_ERROR, SandboxError, bad_request
from .schema import EntityDef

_QUERY_OPTIONS = {"$select", "$filter", "$orderby", "$top", "$count", "$skiptoken", "$skip", "$expand", "$apply",
                  "$search", "$format", "$id"}
_NOT_IMPLEMENTED_OPTIONS = {"$expand", "$apply", "$search"}
# Characters left as they are in @odata.nextLink, so the link reads like the request it continues.
_SAFE = "'(),:@/*$!"


def _query_options(request: Request) -> dict[str, str]:
    options: dict[str, str] = {}
    for name, value in parse_qsl(request.url.query, keep_blank_values=True):
        if not name.startswith("$"):
            continue  # parameter aliases and the like are not query options
        if name not in _QUERY_OPTIONS:
            raise bad_request(f"The query parameter '{name}' is not supported.")
        if name in options:
            raise bad_request(
                f"Query option '{name}' was specified more than once, but it must be specified at most once."
            )
        options[name] = value
    if "$skip" in options:
        raise bad_request("The query parameter $skip is not supported. Page with @odata.nextLink instead.")
    for name in _NOT_IMPLEMENTED_OPTIONS & options.keys():
        raise SandboxError(501, ODATA_ERROR, f"The query option '{name}' is not implemented by the sandbox org.")
    return options


def query_response(ctx: SandboxContext, request: Request, entity: EntityDef, rows: list[dict[str, Any]]) -> Response:
    """The page of `rows` that the request's query options and Prefer header ask for."""
    options = _query_options(request)
    select = odata.parse_select(options.get("$select"), entity)
    keep = odata.compile_filter(options.get("$filter"), entity)
    order = odata.parse_orderby(options.get("$orderby"), entity)
    top = odata.parse_top(options.get("$top"))
    count = options.get("$count", "false").lower()
    if count not in ("true", "false"):
        raise bad_request(f"'{options['$count']}' is not a valid value for $count; use true or false.")
    token = paging.decode_token(options["$skiptoken"]) if "$skiptoken" in options else None
    prefs = parse_prefer(request.headers.getlist("prefer"))
    applied: list[str] = []
    page_size = paging.MAX_PAGE_SIZE
    asked = prefs.get("odata.maxpagesize")
    if asked is not None and asked.isdigit() and 0 < int(asked) <= paging.MAX_PAGE_SIZE:
        page_size = int(asked)
        applied.append(f"odata.maxpagesize={asked}")
    if ctx.knobs.page_size:
        page_size = min(page_size, ctx.knobs.page_size)
    annotations = annotation_patterns(prefs, applied)
    matched = [row for row in rows if keep(row)]
    page = paging.paginate(matched, entity, order, page_size, token, top)
    columns = f"({','.join(select)})" if select else ""
    result: dict[str, Any] = {"@odata.context": f"{ctx.api_base}/$metadata#{entity.set_name}{columns}"}
    if count == "true":
        result["@odata.count"] = min(len(matched), odata.MAX_COUNT)
    result["value"] = [project(ctx.state, row, entity, select, annotations) for row in page.rows]
    if page.next_token is not None:
        result["@odata.nextLink"] = _next_link(ctx, request, paging.encode_token(page.next_token))
    headers = {"Preference-Applied": ",".join(applied)} if applied else {}
    return json_response(200, result, headers)


def _next_link(ctx: SandboxContext, request: Request, token: str) -> str:
    pairs = [(k, v) for k, v in parse_qsl(request.url.query, keep_blank_values=True) if k != "$skiptoken"]
    pairs.append(("$skiptoken", token))
    query = "&".join(f"{quote(k, safe='$@')}={quote(v, safe=_SAFE)}" for k, v in pairs)
    return f"{ctx.url}{request.url.path}?{query}"


def entity_response(
    ctx: SandboxContext, request: Request, entity: EntityDef, row: dict[str, Any], status: int
) -> Response:
    options = _query_options(request)
    select = odata.parse_select(options.get("$select"), entity)
    prefs = parse_prefer(request.headers.getlist("prefer"))
    applied: list[str] = []
    annotations = annotation_patterns(prefs, applied)
    columns = f"({','.join(select)})" if select else ""
    body = {"@odata.context": f"{ctx.api_base}/$metadata#{entity.set_name}{columns}/$entity"}
    body.update(project(ctx.state, row, entity, select, annotations))
    headers = {"Preference-Applied": ",".join(applied)} if applied else {}
    return json_response(status, body, headers)


def written_response(
    ctx: SandboxContext, request: Request, entity: EntityDef, row: dict[str, Any], *, created: bool
) -> Response:
    """204 with the row's URL, or the row itself when the client prefers return=representation."""
    entity_url = f"{ctx.api_base}/{entity.set_name}({row[entity.key]})"
    prefs = parse_prefer(request.headers.getlist("prefer"))
    if prefs.get("return") == "representation":
        response = entity_response(ctx, request, entity, row, 201 if created else 200)
        response.headers["OData-EntityId"] = entity_url
        applied = response.headers.get("Preference-Applied")
        response.headers["Preference-Applied"] = (
            f"{applied},return=representation" if applied else "return=representation"
        )
        return response
    return no_content({"OData-EntityId": entity_url})
