"""Change tracking as Dataverse offers it on the Web API: `Prefer: odata.track-changes` and delta links.

A query of a tracked table with that preference answers pages as usual (odata.maxpagesize), the last one carrying
`@odata.deltaLink`; following the link answers the rows created or changed since, then `$deletedEntity` entries
for rows deleted since, and a new delta link. (Microsoft: "Use change tracking to synchronize data with external
systems"; the refusals are Dataverse's words and codes.)

A token names the version it was made at and the generation of the data (change_log.py): a token of other data
(a reset or reloaded org), or older than the deletions remembered, is answered as expired, as Dataverse answers a
token it can no longer serve.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, quote

from starlette.requests import Request
from starlette.responses import Response

from . import odata, paging
from .api_projection import annotation_patterns, project
from .api_responses import json_response, parse_prefer
from .context import SandboxContext
from .errors import SandboxError, bad_request
from .schema import EntityDef

TRACK_CHANGES = "odata.track-changes"
# Dataverse's error codes (Web service error codes): ChangeTrackingNotEnabledForEntity and ExpiredVersionStamp.
NOT_ENABLED = "0x80072491"
EXPIRED = "0x80044352"
# Query options Dataverse refuses next to odata.track-changes, in its own words.
REFUSED_OPTIONS = ("$filter", "$orderby", "$expand", "$top")
_ACCEPTED_OPTIONS = {"$select", "$skiptoken", "$deltatoken"}
# The $skiptoken of a tracked read: "ct~<version>~<phase>~<last id>"; phase r = rows, d = deleted entries.
_SKIP_PREFIX = "ct~"
_SAFE = "'(),:@/*$"


def asks_for_changes(request: Request) -> bool:
    """A track-changes read: the preference, a delta link followed, or a next page of either."""
    query = request.url.query
    if "deltatoken" in query or _SKIP_PREFIX in query:  # cheap test first: most reads have neither
        names = dict(parse_qsl(query, keep_blank_values=True))
        if "$deltatoken" in names or names.get("$skiptoken", "").startswith(_SKIP_PREFIX):
            return True
    return TRACK_CHANGES in parse_prefer(request.headers.getlist("prefer"))


def tracked_query(ctx: SandboxContext, request: Request, entity: EntityDef) -> Response:
    """The answer to a track-changes read of `entity`: a page of rows, or of changes since a delta token."""
    options = _options(request)
    if entity.logical not in ctx.knobs.change_tracking:
        raise bad_request(f"Entity {entity.logical} isn't enabled for change tracking.", code=NOT_ENABLED)
    select = odata.parse_select(options.get("$select"), entity)
    prefs = parse_prefer(request.headers.getlist("prefer"))
    applied: list[str] = []
    page_size = _page_size(ctx, prefs, applied)
    annotations = annotation_patterns(prefs, applied)
    state = ctx.state
    delta = options.get("$deltatoken")
    skip = _parse_skip(options["$skiptoken"]) if "$skiptoken" in options else None
    since = -1
    if delta is not None:
        generation, since = _parse_delta(delta)
        if not state.change_log.serves(entity.set_name, generation, since):
            raise _expired()
    if skip is not None:
        version, phase, after = skip
    else:
        version = state.version_now()
        phase, after = "r", ""
    entries: list[dict[str, Any]] = []
    if phase == "r":
        rows = state.changes_page(entity.set_name, after, page_size + 1, changed_after=since)
        entries = [project(state, row, entity, select, annotations) for row in rows[:page_size]]
        if len(rows) > page_size:
            phase, after = "r", rows[page_size - 1][entity.key]
        elif delta is not None:
            phase, after = "d", ""
        else:
            phase = ""
    if phase == "d" and len(entries) < page_size:
        gone = sorted(i for i in state.deleted_since(entity.set_name, since) if i > after)
        room = page_size - len(entries)
        context = f"{ctx.api_base}/$metadata#{entity.set_name}/$deletedEntity"
        entries += [{"@odata.context": context, "id": i, "reason": "deleted"} for i in gone[:room]]
        phase, after = ("d", gone[room - 1]) if len(gone) > room else ("", "")
    columns = f"({','.join(select)})" if select else ""
    suffix = "/$delta" if delta is not None else ""
    body: dict[str, Any] = {"@odata.context": f"{ctx.api_base}/$metadata#{entity.set_name}{columns}{suffix}"}
    if phase:
        skip_token = f"{_SKIP_PREFIX}{version}~{phase}~{after}"
        body["@odata.nextLink"] = _link(ctx, request, options, {"$skiptoken": skip_token})
    else:
        token = f"{version}!{state.change_log.generation}"
        body["@odata.deltaLink"] = _link(ctx, request, {k: v for k, v in options.items() if k == "$select"},
                                         {"$deltatoken": token})
    body["value"] = entries
    if delta is None:
        applied.insert(0, TRACK_CHANGES)
    headers = {"Preference-Applied": ",".join(applied)} if applied else {}
    return json_response(200, body, headers)


def _options(request: Request) -> dict[str, str]:
    options: dict[str, str] = {}
    for name, value in parse_qsl(request.url.query, keep_blank_values=True):
        if not name.startswith("$"):
            continue
        if name in REFUSED_OPTIONS:
            raise bad_request(f'The "{name}" query parameter isn\'t supported when Change Tracking is enabled.')
        if name not in _ACCEPTED_OPTIONS:
            raise bad_request(f"The query parameter '{name}' is not supported.")
        options[name] = value
    return options


def _page_size(ctx: SandboxContext, prefs: dict[str, str], applied: list[str]) -> int:
    size = paging.MAX_PAGE_SIZE
    asked = prefs.get("odata.maxpagesize")
    if asked is not None and asked.isdigit() and 0 < int(asked) <= paging.MAX_PAGE_SIZE:
        size = int(asked)
        applied.append(f"odata.maxpagesize={asked}")
    if ctx.knobs.page_size:
        size = min(size, ctx.knobs.page_size)
    return size


def _parse_delta(token: str) -> tuple[str, int]:
    version, _, generation = token.partition("!")
    if not version.isdigit() or not generation:
        raise _expired()  # a token this org never made cannot be served either
    return generation, int(version)


def _parse_skip(token: str) -> tuple[int, str, str]:
    parts = token.removeprefix(_SKIP_PREFIX).split("~")
    if not token.startswith(_SKIP_PREFIX) or len(parts) != 3 or not parts[0].isdigit() or parts[1] not in "rd":
        raise bad_request("The $skiptoken is not valid. Follow @odata.nextLink exactly as returned.")
    return int(parts[0]), parts[1], parts[2]


def _expired() -> SandboxError:
    return bad_request("Version stamp associated with the client has expired. Please perform a full sync.",
                       code=EXPIRED)


def _link(ctx: SandboxContext, request: Request, options: dict[str, str], extra: dict[str, str]) -> str:
    pairs = [(k, v) for k, v in options.items() if k not in extra and k != "$skiptoken"] + list(extra.items())
    query = "&".join(f"{k}={quote(v, safe=_SAFE)}" for k, v in pairs)
    return f"{ctx.url}{request.url.path}?{query}"
