"""The /api/data/v9.2 dispatcher: checks a request the way Dataverse does, then routes it to the state."""

from __future__ import annotations

import fnmatch
import json
import logging
import re
import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any, Mapping
from urllib.parse import parse_qsl, quote

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from . import odata
from .errors import (
    METHOD_NOT_SUPPORTED,
    ODATA_ERROR,
    PRIVILEGE_DENIED,
    SEGMENT_NOT_FOUND,
    UNEXPECTED,
    SandboxError,
    bad_request,
    not_found,
)
from .schema import DATE, DATETIME, ENTITIES, INT, LISTS, MEMBER_SETS, EntityDef
from .state import check_guid, etag

if TYPE_CHECKING:
    from .auth import Entra
    from .context import SandboxContext

log = logging.getLogger(__name__)

JSON_TYPE = "application/json; odata.metadata=minimal"
_SEGMENT_RE = re.compile(r"^(?P<name>[$A-Za-z_][\w.$]*)(?:\((?P<key>[^()]*)\))?$")
_LIST_REF_RE = re.compile(r"(?:^|/)lists\(([0-9a-fA-F-]{36})\)/?$")
_QUERY_OPTIONS = {"$select", "$filter", "$orderby", "$top", "$count", "$skiptoken", "$skip", "$expand", "$apply",
                  "$search", "$format", "$id"}
_NOT_IMPLEMENTED_OPTIONS = {"$expand", "$apply", "$search"}
# Bound list actions Dataverse knows; only the first two are implemented here.
_LIST_ACTIONS = {
    "AddMemberList", "RemoveMemberList", "CopyMembersList", "CopyDynamicListToStatic", "QualifyMemberList",
    "AddItemCampaign", "RemoveItemCampaign", "CreateActivitiesList", "AddMembersBatchList", "RemoveListMembersList",
}
_UNBOUND_ADD_MANY = {"AddListMembersList", "Microsoft.Dynamics.CRM.AddListMembersList"}
# Bulk operation messages, bound to an entity set; only CreateMultiple is implemented here.
_COLLECTION_ACTIONS = {"CreateMultiple", "UpdateMultiple", "UpsertMultiple", "DeleteMultiple"}
# The tables whose CreateMultiple message is enabled in this org (in Dataverse, not every standard table has it).
_CREATE_MULTIPLE_SETS = {"leads", "contacts", "accounts"}
_NS = "Microsoft.Dynamics.CRM."
_MEMBER_LOGICAL = {ENTITIES[s].logical: s for s in MEMBER_SETS.values()}
_FORMATTED = "OData.Community.Display.V1.FormattedValue"
_LOOKUP_NAME = "Microsoft.Dynamics.CRM.lookuplogicalname"
_NAVIGATION = "Microsoft.Dynamics.CRM.associatednavigationproperty"


def _json(status: int, body: Any, headers: Mapping[str, str] | None = None) -> Response:
    return Response(
        json.dumps(body, ensure_ascii=False).encode(),
        status_code=status,
        media_type=JSON_TYPE,
        headers={"OData-Version": "4.0", **(headers or {})},
    )


def _no_content(headers: Mapping[str, str] | None = None) -> Response:
    return Response(status_code=204, headers={"OData-Version": "4.0", **(headers or {})})


def _error(err: SandboxError) -> Response:
    return Response(
        err.body(), status_code=err.status, media_type=JSON_TYPE, headers={"OData-Version": "4.0", **err.headers}
    )


def parse_prefer(values: list[str]) -> dict[str, str]:
    """Prefer header(s) as {name: value}; commas inside quoted values do not split."""
    prefs: dict[str, str] = {}
    for header in values:
        for item in re.findall(r'(?:[^,"]|"[^"]*")+', header):
            name, _, value = item.strip().partition("=")
            if name:
                prefs[name.strip().lower()] = value.strip().strip('"')
    return prefs


def _formatted_datetime(value: str) -> str:
    moment = datetime.fromisoformat(value)
    hour = moment.hour % 12 or 12
    return f"{moment.month}/{moment.day}/{moment.year} {hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


class Api:
    def __init__(self, ctx: "SandboxContext", entra: "Entra") -> None:
        self.ctx = ctx
        self.entra = entra

    # ------------------------------------------------------------------ entry point

    async def endpoint(self, request: Request) -> Response:
        try:
            return await self._handle(request)
        except SandboxError as err:
            return _error(err)
        except ClientDisconnect:
            # The client went away mid-request (closed, killed): nothing was changed, nobody to answer.
            log.info("client disconnected during %s %s", request.method, request.url.path)
            return Response(status_code=499)
        except Exception:  # a sandbox bug: answer like a server fault, and leave a trace for whoever runs it
            log.exception("sandbox API failure on %s %s", request.method, request.url.path)
            return _error(SandboxError(500, UNEXPECTED, "An unexpected error occurred in the sandbox org."))

    async def _handle(self, request: Request) -> Response:
        self.entra.check_bearer(request.headers.get("authorization"))
        self._check_odata_headers(request)
        body = await self._read_body(request)
        rest = request.path_params.get("rest", "").strip("/")
        segments = [s for s in rest.split("/") if s] if rest else []
        method = request.method
        if not segments:
            if method != "GET":
                raise self._no_resource(request)
            return _json(
                200,
                {
                    "@odata.context": f"{self.ctx.api_base}/$metadata",
                    "value": [{"name": s, "kind": "EntitySet", "url": s} for s in ENTITIES],
                },
            )
        name, key = self._segment(segments[0])
        if name in ("WhoAmI", "RetrieveVersion") and key in (None, "") and len(segments) == 1:
            if method != "GET":
                raise self._no_resource(request)
            return self._function(name)
        if name in _UNBOUND_ADD_MANY and key is None and len(segments) == 1:
            if method != "POST":
                raise self._no_resource(request)
            self._check_privilege(LISTS, "Write")
            return self._add_list_members(body)
        if name in ("$metadata", "$batch"):
            raise SandboxError(501, ODATA_ERROR, f"'{name}' is not implemented by the sandbox org.")
        entity = ENTITIES.get(name)
        if entity is None:
            raise SandboxError(404, SEGMENT_NOT_FOUND, f"Resource not found for the segment '{segments[0]}'.")
        if key is None:
            if len(segments) == 2 and self._segment(segments[1])[0].removeprefix(_NS) in _COLLECTION_ACTIONS:
                return self._collection_action(request, entity, segments[1], body)
            if len(segments) > 1:
                raise SandboxError(404, SEGMENT_NOT_FOUND, f"Resource not found for the segment '{segments[1]}'.")
            return self._collection(request, entity, body)
        record_id = self._key(key)
        if len(segments) == 1:
            return self._single(request, entity, record_id, body)
        return self._navigation(request, entity, record_id, segments[1:], body)

    # ------------------------------------------------------------------ request checks

    def _check_odata_headers(self, request: Request) -> None:
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

    async def _read_body(self, request: Request) -> Any:
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

    def _no_resource(self, request: Request) -> SandboxError:
        return SandboxError(
            404, ODATA_ERROR, f"No HTTP resource was found that matches the request URI '{request.url}'."
        )

    @staticmethod
    def _segment(segment: str) -> tuple[str, str | None]:
        match = _SEGMENT_RE.match(segment)
        if match is None:
            raise SandboxError(404, SEGMENT_NOT_FOUND, f"Resource not found for the segment '{segment}'.")
        return match.group("name"), match.group("key")

    @staticmethod
    def _key(key: str) -> str:
        if "=" in key:
            raise SandboxError(501, ODATA_ERROR, f"Alternate keys ('{key}') are not implemented by the sandbox org.")
        return check_guid(key)

    def _check_privilege(self, entity: EntityDef, verb: str) -> None:
        if entity.set_name not in self.ctx.knobs.denied:
            return
        identity = self.ctx.identity
        privilege = f"prv{verb}{entity.privilege}"
        privilege_id = uuid.uuid5(uuid.NAMESPACE_OID, privilege)
        raise SandboxError(
            403,
            PRIVILEGE_DENIED,
            f"Principal user (Id={identity.user_id}, type=8, roleCount=1, privilegeCount=412, accessMode=4, "
            f"MetadataCache Privileges Count=4102, businessUnitId={identity.business_unit_id}), is missing "
            f"{privilege} privilege (Id={privilege_id}) on OTC={entity.otc} for entity '{entity.logical}'. "
            f"context.Caller={identity.user_id}",
        )

    # ------------------------------------------------------------------ functions and actions

    def _function(self, name: str) -> Response:
        base = self.ctx.api_base
        if name == "WhoAmI":
            identity = self.ctx.identity
            return _json(
                200,
                {
                    "@odata.context": f"{base}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse",
                    "BusinessUnitId": identity.business_unit_id,
                    "UserId": identity.user_id,
                    "OrganizationId": identity.organization_id,
                },
            )
        return _json(
            200,
            {
                "@odata.context": f"{base}/$metadata#Microsoft.Dynamics.CRM.RetrieveVersionResponse",
                "Version": self.ctx.knobs.org_version,
            },
        )

    def _add_list_members(self, body: Any) -> Response:
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
            logical = odata_type.removeprefix("Microsoft.Dynamics.CRM.")
            if not odata_type.startswith("Microsoft.Dynamics.CRM.") or logical not in _MEMBER_LOGICAL:
                raise bad_request(
                    "Each item of 'Members' needs an '@odata.type' of Microsoft.Dynamics.CRM.lead, "
                    f"Microsoft.Dynamics.CRM.contact or Microsoft.Dynamics.CRM.account (found '{odata_type}')."
                )
            key = f"{logical}id"
            if key not in member:
                raise bad_request(f"An item of 'Members' typed {odata_type} has no '{key}'.")
            pairs.append((_MEMBER_LOGICAL[logical], member[key]))
        self.ctx.state.add_members(check_guid(target["listid"]), pairs)
        return _no_content()

    def _collection_action(self, request: Request, entity: EntityDef, segment: str, body: Any) -> Response:
        """A bulk operation bound to an entity set: `POST leads/Microsoft.Dynamics.CRM.CreateMultiple`."""
        name, key = self._segment(segment)
        action = name.removeprefix(_NS)
        if key is not None:
            raise SandboxError(404, SEGMENT_NOT_FOUND, f"Resource not found for the segment '{segment}'.")
        if name == action:
            # Bound actions need their namespace; without it Dataverse cannot bind the parameters.
            raise bad_request("Request message has unresolved parameters.")
        if request.method != "POST":
            raise self._no_resource(request)
        if action in self.ctx.knobs.missing_actions:
            raise SandboxError(404, SEGMENT_NOT_FOUND, f"Resource not found for the segment '{name}'.")
        if action != "CreateMultiple":
            raise SandboxError(501, ODATA_ERROR, f"The action '{name}' is not implemented by the sandbox org.")
        if entity.set_name not in _CREATE_MULTIPLE_SETS:
            raise bad_request(f"The 'CreateMultiple' message is not enabled for the '{entity.logical}' table.")
        self._check_privilege(entity, "Create")
        if not isinstance(body, dict) or "Targets" not in body:
            raise bad_request("Request message has unresolved parameters.")
        targets = body["Targets"]
        if not isinstance(targets, list):
            raise bad_request("The 'Targets' parameter must be a collection of entities.")
        if not targets:
            raise bad_request("The 'Targets' parameter must contain at least one record to create.")
        expected = f"{_NS}{entity.logical}"
        for index, target in enumerate(targets):
            if not isinstance(target, dict):
                raise bad_request(f"Targets[{index}] must be an entity object.")
            found = str(target.get("@odata.type") or "").lstrip("#")
            if found != expected:
                # Dataverse needs the type of every record, and CreateMultiple takes one table at a time.
                raise bad_request(
                    f"Each item of 'Targets' needs an '@odata.type' of {expected} to create rows in "
                    f"{entity.set_name} (Targets[{index}] has '{found or '(none)'}')."
                )
        rows = self.ctx.state.create_many(entity.set_name, targets)
        return _json(
            200,
            {
                "@odata.context": f"{self.ctx.api_base}/$metadata#{_NS}CreateMultipleResponse",
                "Ids": [row[entity.key] for row in rows],
            },
        )

    def _list_action(self, list_id: str, action: str, body: Any) -> Response:
        if not isinstance(body, dict) or "EntityId" not in body:
            raise bad_request("Request message has unresolved parameters.")
        entity_id = check_guid(body["EntityId"])
        state = self.ctx.state
        if action == "AddMemberList":
            member_id = state.add_member(list_id, entity_id)
            return _json(
                200,
                {
                    "@odata.context": f"{self.ctx.api_base}/$metadata#Microsoft.Dynamics.CRM.AddMemberListResponse",
                    "Id": member_id,
                },
            )
        state.remove_member(list_id, entity_id)
        return _no_content()

    # ------------------------------------------------------------------ entity sets

    def _collection(self, request: Request, entity: EntityDef, body: Any) -> Response:
        method = request.method
        if method == "GET":
            self._check_privilege(entity, "Read")
            return self._query(request, entity, self.ctx.state.rows(entity.set_name))
        if method == "POST":
            self._check_privilege(entity, "Create")
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
            row = self.ctx.state.create(entity.set_name, body)
            return self._written(request, entity, row, created=True)
        raise self._method_not_allowed(method)

    def _single(self, request: Request, entity: EntityDef, record_id: str, body: Any) -> Response:
        method = request.method
        state = self.ctx.state
        if entity.set_name == "listmembers" and method != "DELETE":
            if method == "GET":
                raise SandboxError(
                    405,
                    METHOD_NOT_SUPPORTED,
                    "The 'Retrieve' method does not support entities of type 'listmember'. "
                    "Query listmembers with $filter instead.",
                )
            raise self._method_not_allowed(method)
        if entity.set_name == "solutions" and method != "GET":
            raise SandboxError(501, ODATA_ERROR, "Changing solutions is not implemented by the sandbox org.")
        if method == "GET":
            self._check_privilege(entity, "Read")
            row = state.get(entity.set_name, record_id)
            if request.headers.get("if-none-match") == etag(row):
                return Response(status_code=304, headers={"OData-Version": "4.0"})
            return self._entity_response(request, entity, row, 200)
        if method == "PATCH":
            self._check_privilege(entity, "Write")
            if not isinstance(body, dict):
                raise bad_request(f"The request body must be a JSON object with the {entity.logical} columns to set.")
            row, _created = state.update(
                entity.set_name,
                record_id,
                body,
                if_match=request.headers.get("if-match"),
                if_none_match=request.headers.get("if-none-match"),
            )
            return self._written(request, entity, row, created=False)
        if method == "DELETE":
            self._check_privilege(entity, "Delete")
            state.delete(entity.set_name, record_id, if_match=request.headers.get("if-match"))
            return _no_content()
        raise self._method_not_allowed(method)

    def _navigation(
        self, request: Request, entity: EntityDef, record_id: str, segments: list[str], body: Any
    ) -> Response:
        state = self.ctx.state
        method = request.method
        name, key = self._segment(segments[0])
        rest = segments[1:]
        if entity.set_name == "lists":
            action = name.removeprefix("Microsoft.Dynamics.CRM.")
            if action in _LIST_ACTIONS and key is None and not rest:
                if name == action:
                    # Bound actions need their namespace; without it Dataverse cannot bind the parameters.
                    raise bad_request("Request message has unresolved parameters.")
                if method != "POST":
                    raise self._no_resource(request)
                if action in self.ctx.knobs.missing_actions:
                    raise SandboxError(404, SEGMENT_NOT_FOUND, f"Resource not found for the segment '{name}'.")
                if action not in ("AddMemberList", "RemoveMemberList"):
                    raise SandboxError(501, ODATA_ERROR, f"The action '{name}' is not implemented by the sandbox org.")
                self._check_privilege(LISTS, "Write")
                return self._list_action(record_id, action, body)
            member_navs = {"listlead_association": "leads", "listcontact_association": "contacts",
                           "listaccount_association": "accounts"}
            if name in member_navs and key is None and not rest and method == "GET":
                self._check_privilege(LISTS, "Read")
                state.get("lists", record_id)
                member_set = member_navs[name]
                members = state.members_of(record_id)
                rows = [r for r in state.rows(member_set) if r[ENTITIES[member_set].key] in members]
                return self._query(request, ENTITIES[member_set], rows)
            if name == "campaignlist_association" and key is None and not rest and method == "GET":
                self._check_privilege(LISTS, "Read")
                state.get("lists", record_id)
                linked = set(state.campaigns_of_list(record_id))
                rows = [r for r in state.rows("campaigns") if r["campaignid"] in linked]
                return self._query(request, ENTITIES["campaigns"], rows)
        if entity.set_name == "campaigns" and name == "campaignlist_association":
            return self._campaign_lists(request, record_id, key, rest, body)
        if name in entity.fields and key is None and not rest and method == "GET":
            self._check_privilege(entity, "Read")
            row = state.get(entity.set_name, record_id)
            return _json(
                200,
                {
                    "@odata.context": f"{self.ctx.api_base}/$metadata#{entity.set_name}({record_id})/{name}",
                    "value": row.get(name),
                },
            )
        raise SandboxError(404, SEGMENT_NOT_FOUND, f"Resource not found for the segment '{segments[0]}'.")

    def _campaign_lists(
        self, request: Request, campaign_id: str, key: str | None, rest: list[str], body: Any
    ) -> Response:
        state = self.ctx.state
        method = request.method
        campaigns = ENTITIES["campaigns"]
        if key is None and not rest and method == "GET":
            self._check_privilege(campaigns, "Read")
            self._check_privilege(LISTS, "Read")
            state.get("campaigns", campaign_id)
            rows = [state.get("lists", list_id) for list_id in state.lists_of_campaign(campaign_id)]
            return self._query(request, LISTS, rows)
        if key is None and rest == ["$ref"] and method == "POST":
            self._check_privilege(campaigns, "AppendTo")
            self._check_privilege(LISTS, "Append")
            if not isinstance(body, dict) or "@odata.id" not in body:
                raise bad_request("The request body must be {\"@odata.id\": \"<url of the list>\"}.")
            state.link_list(campaign_id, self._list_ref(str(body["@odata.id"])))
            return _no_content()
        if method == "DELETE" and (rest == ["$ref"]):
            self._check_privilege(campaigns, "AppendTo")
            if key is not None:
                list_id = self._key(key)
            else:
                target = request.query_params.get("$id")
                if not target:
                    raise bad_request("Disassociating needs the list: use campaignlist_association(<listid>)/$ref.")
                list_id = self._list_ref(target)
            state.unlink_list(campaign_id, list_id)
            return _no_content()
        if key is not None and not rest and method == "GET":
            self._check_privilege(LISTS, "Read")
            list_id = self._key(key)
            if list_id not in state.lists_of_campaign(campaign_id):
                raise not_found("list", list_id)
            return self._entity_response(request, LISTS, state.get("lists", list_id), 200)
        raise self._method_not_allowed(method)

    @staticmethod
    def _list_ref(reference: str) -> str:
        match = _LIST_REF_RE.search(reference.strip())
        if match is None:
            raise bad_request(f"The @odata.id '{reference}' does not refer to a list: expected '.../lists(<listid>)'.")
        return check_guid(match.group(1))

    @staticmethod
    def _method_not_allowed(method: str) -> SandboxError:
        return SandboxError(405, ODATA_ERROR, f"The requested resource does not support http method '{method}'.")

    # ------------------------------------------------------------------ reading

    def _query_options(self, request: Request) -> dict[str, str]:
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

    def _query(self, request: Request, entity: EntityDef, rows: list[dict[str, Any]]) -> Response:
        options = self._query_options(request)
        select = odata.parse_select(options.get("$select"), entity)
        keep = odata.compile_filter(options.get("$filter"), entity)
        order = odata.parse_orderby(options.get("$orderby"), entity)
        top = odata.parse_top(options.get("$top"))
        count = options.get("$count", "false").lower()
        if count not in ("true", "false"):
            raise bad_request(f"'{options['$count']}' is not a valid value for $count; use true or false.")
        token = odata.decode_token(options["$skiptoken"]) if "$skiptoken" in options else None
        prefs = parse_prefer(request.headers.getlist("prefer"))
        applied: list[str] = []
        page_size = odata.MAX_PAGE_SIZE
        asked = prefs.get("odata.maxpagesize")
        if asked is not None and asked.isdigit() and 0 < int(asked) <= odata.MAX_PAGE_SIZE:
            page_size = int(asked)
            applied.append(f"odata.maxpagesize={asked}")
        if self.ctx.knobs.page_size:
            page_size = min(page_size, self.ctx.knobs.page_size)
        annotations = self._annotations(prefs, applied)
        matched = [row for row in rows if keep(row)]
        page = odata.paginate(matched, entity, order, page_size, token, top)
        columns = f"({','.join(select)})" if select else ""
        result: dict[str, Any] = {"@odata.context": f"{self.ctx.api_base}/$metadata#{entity.set_name}{columns}"}
        if count == "true":
            result["@odata.count"] = min(len(matched), odata.MAX_COUNT)
        result["value"] = [self._project(row, entity, select, annotations) for row in page.rows]
        if page.next_token is not None:
            result["@odata.nextLink"] = self._next_link(request, odata.encode_token(page.next_token))
        headers = {"Preference-Applied": ",".join(applied)} if applied else {}
        return _json(200, result, headers)

    def _next_link(self, request: Request, token: str) -> str:
        pairs = [(k, v) for k, v in parse_qsl(request.url.query, keep_blank_values=True) if k != "$skiptoken"]
        pairs.append(("$skiptoken", token))
        query = "&".join(f"{quote(k, safe='$@')}={quote(v, safe=_SAFE)}" for k, v in pairs)
        return f"{self.ctx.url}{request.url.path}?{query}"

    def _annotations(self, prefs: Mapping[str, str], applied: list[str]) -> list[str]:
        raw = prefs.get("odata.include-annotations")
        if not raw:
            return []
        applied.append(f'odata.include-annotations="{raw}"')
        return [pattern.strip() for pattern in raw.split(",") if pattern.strip()]

    def _entity_response(self, request: Request, entity: EntityDef, row: dict[str, Any], status: int) -> Response:
        options = self._query_options(request)
        select = odata.parse_select(options.get("$select"), entity)
        prefs = parse_prefer(request.headers.getlist("prefer"))
        applied: list[str] = []
        annotations = self._annotations(prefs, applied)
        columns = f"({','.join(select)})" if select else ""
        body = {"@odata.context": f"{self.ctx.api_base}/$metadata#{entity.set_name}{columns}/$entity"}
        body.update(self._project(row, entity, select, annotations))
        headers = {"Preference-Applied": ",".join(applied)} if applied else {}
        return _json(status, body, headers)

    def _written(self, request: Request, entity: EntityDef, row: dict[str, Any], *, created: bool) -> Response:
        entity_url = f"{self.ctx.api_base}/{entity.set_name}({row[entity.key]})"
        prefs = parse_prefer(request.headers.getlist("prefer"))
        if prefs.get("return") == "representation":
            response = self._entity_response(request, entity, row, 201 if created else 200)
            response.headers["OData-EntityId"] = entity_url
            applied = response.headers.get("Preference-Applied")
            response.headers["Preference-Applied"] = (
                f"{applied},return=representation" if applied else "return=representation"
            )
            return response
        return _no_content({"OData-EntityId": entity_url})

    def _project(
        self, row: Mapping[str, Any], entity: EntityDef, select: list[str] | None, annotations: list[str]
    ) -> dict[str, Any]:
        out: dict[str, Any] = {"@odata.etag": etag(row)}
        columns = select or list(entity.fields)
        for column in columns:
            value = row.get(column)
            if annotations:
                for suffix, text in self._column_annotations(entity, column, row, value):
                    if any(fnmatch.fnmatchcase(suffix, pattern) for pattern in annotations):
                        out[f"{column}@{suffix}"] = text
            out[column] = value
        if entity.key not in out:
            out[entity.key] = row[entity.key]  # Dataverse always returns the primary key
        return out

    def _column_annotations(
        self, entity: EntityDef, column: str, row: Mapping[str, Any], value: Any
    ) -> list[tuple[str, Any]]:
        if value is None:
            return []
        lookup = entity.lookups.get(column)
        if lookup is not None:
            target_set = lookup.target or MEMBER_SETS.get(_member_code(row.get("entitytype")), "")
            target_logical = lookup.target_logical or str(row.get("entitytype") or "")
            name = self.ctx.state.name_of(target_set, value)
            found: list[tuple[str, Any]] = []
            if name is not None:
                found.append((_FORMATTED, name))
            found.append((_NAVIGATION, lookup.navigation))
            found.append((_LOOKUP_NAME, target_logical))
            return found
        labels = entity.labels.get(column)
        if labels is not None and value in labels:
            return [(_FORMATTED, labels[value])]
        edm = entity.fields.get(column)
        if edm == DATETIME:
            return [(_FORMATTED, _formatted_datetime(value))]
        if edm == DATE:
            day = datetime.fromisoformat(value)
            return [(_FORMATTED, f"{day.month}/{day.day}/{day.year}")]
        if edm == INT:
            return [(_FORMATTED, f"{value:,}")]
        return []


_SAFE = "'(),:@/*$!"


def _member_code(entity_type: Any) -> int:
    return {"account": 1, "contact": 2, "lead": 4}.get(str(entity_type), 0)


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
