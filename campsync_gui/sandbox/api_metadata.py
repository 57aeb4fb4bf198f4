"""`GET $metadata`: the org's CSDL, as Dataverse serves it (XML), with the tables and messages this org has.

Small next to a real org's (several MB), but valid CSDL of the same shape, so a client that reads a real org's
document (the doctor looks for Action names) reads this one alike. Actions named in the `missing_actions` knob
are left out, as on an org that lacks them.
"""

from __future__ import annotations

import re
import uuid
from urllib.parse import parse_qsl
from xml.sax.saxutils import quoteattr

from starlette.requests import Request
from starlette.responses import Response

from .api_responses import json_response
from .context import SandboxContext
from .errors import NOT_FOUND, ODATA_ERROR, SandboxError, bad_request
from .schema import ENTITIES

EDMX = "http://docs.oasis-open.org/odata/ns/edmx"
EDM = "http://docs.oasis-open.org/odata/ns/edm"

# (name, bound to, parameters, return type): bound to "" is an unbound action, imported into the container.
# UpsertMultiple is declared because real orgs declare it, even where the sandbox's own support trails.
_ACTIONS: tuple[tuple[str, str, tuple[tuple[str, str], ...], str], ...] = (
    ("AddListMembersList", "", (("List", "mscrm.list"), ("Members", "Collection(mscrm.crmbaseentity)")), ""),
    ("AddMemberList", "mscrm.list", (("EntityId", "Edm.Guid"),), "mscrm.AddMemberListResponse"),
    ("RemoveMemberList", "mscrm.list", (("EntityId", "Edm.Guid"),), ""),
    ("CreateMultiple", "Collection(mscrm.crmbaseentity)", (("Targets", "Collection(mscrm.crmbaseentity)"),),
     "mscrm.CreateMultipleResponse"),
    ("UpsertMultiple", "Collection(mscrm.crmbaseentity)", (("Targets", "Collection(mscrm.crmbaseentity)"),),
     "mscrm.UpsertMultipleResponse"),
)
# (name, bound to, return type)
_FUNCTIONS = (
    ("WhoAmI", "", "mscrm.WhoAmIResponse"),
    ("RetrieveVersion", "", "mscrm.RetrieveVersionResponse"),
    ("RetrieveUserPrivileges", "mscrm.systemuser", "mscrm.RetrieveUserPrivilegesResponse"),
)
_COMPLEX = {
    "WhoAmIResponse": (("BusinessUnitId", "Edm.Guid"), ("UserId", "Edm.Guid"), ("OrganizationId", "Edm.Guid")),
    "RetrieveVersionResponse": (("Version", "Edm.String"),),
    "AddMemberListResponse": (("Id", "Edm.Guid"),),
    "CreateMultipleResponse": (("Ids", "Collection(Edm.Guid)"),),
    "UpsertMultipleResponse": (("Results", "Collection(mscrm.UpsertResponse)"),),
    "UpsertResponse": (("RecordCreated", "Edm.Boolean"), ("Target", "Edm.String")),
    "RolePrivilege": (("Depth", "mscrm.PrivilegeDepth"), ("PrivilegeId", "Edm.Guid"),
                      ("BusinessUnitId", "Edm.Guid"), ("PrivilegeName", "Edm.String")),
    "RetrieveUserPrivilegesResponse": (("RolePrivileges", "Collection(mscrm.RolePrivilege)"),),
}


def metadata(ctx: SandboxContext) -> Response:
    # Dataverse serves CSDL as XML whatever the Accept header asks (OData 4.0 has no JSON CSDL).
    return Response(csdl(ctx.knobs.missing_actions, ctx.knobs.change_tracking).encode(), status_code=200,
                    media_type="application/xml", headers={"OData-Version": "4.0"})


def csdl(missing_actions: set[str], tracked: set[str] = frozenset()) -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           f'<edmx:Edmx Version="4.0" xmlns:edmx="{EDMX}">', "<edmx:DataServices>",
           f'<Schema Namespace="Microsoft.Dynamics.CRM" Alias="mscrm" xmlns="{EDM}">',
           '<EntityType Name="crmbaseentity" Abstract="true"/>',
           '<EntityType Name="systemuser" BaseType="mscrm.crmbaseentity"><Key><PropertyRef Name="systemuserid"/>'
           '</Key><Property Name="systemuserid" Type="Edm.Guid"/></EntityType>']
    for entity in ENTITIES.values():
        out.append(f'<EntityType Name="{entity.logical}" BaseType="mscrm.crmbaseentity">'
                   f'<Key><PropertyRef Name="{entity.key}"/></Key>')
        out += [f"<Property Name={quoteattr(name)} Type={quoteattr(kind)}/>" for name, kind in entity.fields.items()]
        out.append("</EntityType>")
    out.append('<EnumType Name="PrivilegeDepth">' + "".join(
        f'<Member Name="{name}" Value="{value}"/>' for value, name in enumerate(("Basic", "Local", "Deep", "Global")))
        + "</EnumType>")
    for name, props in _COMPLEX.items():
        out.append(f'<ComplexType Name="{name}">'
                   + "".join(f'<Property Name="{p}" Type="{t}"/>' for p, t in props) + "</ComplexType>")
    actions = [a for a in _ACTIONS if a[0] not in missing_actions]
    for name, bound, params, returns in actions:
        out.append(f'<Action Name="{name}"' + (' IsBound="true">' if bound else ">"))
        if bound:
            out.append(f'<Parameter Name="entity" Type="{bound}" Nullable="false"/>')
        out += [f'<Parameter Name="{p}" Type="{t}" Nullable="false"/>' for p, t in params]
        if returns:
            out.append(f'<ReturnType Type="{returns}" Nullable="false"/>')
        out.append("</Action>")
    for name, bound, returns in _FUNCTIONS:
        out.append(f'<Function Name="{name}"' + (' IsBound="true">' if bound else ">"))
        if bound:
            out.append(f'<Parameter Name="entity" Type="{bound}" Nullable="false"/>')
        out.append(f'<ReturnType Type="{returns}" Nullable="false"/></Function>')
    out.append('<EntityContainer Name="System">')
    out.append('<EntitySet Name="systemusers" EntityType="mscrm.systemuser"/>')
    # Entity sets of tables with change tracking carry Org.OData.Capabilities.V1.ChangeTracking, as Microsoft
    # documents ("Use change tracking to synchronize data with external systems").
    out += [f'<EntitySet Name="{e.set_name}" EntityType="mscrm.{e.logical}"/>' if e.logical not in tracked else
            f'<EntitySet Name="{e.set_name}" EntityType="mscrm.{e.logical}"><Annotation '
            f'Term="Org.OData.Capabilities.V1.ChangeTracking"><Record><PropertyValue Property="Supported" '
            f'Bool="true"/></Record></Annotation></EntitySet>' for e in ENTITIES.values()]
    out += [f'<ActionImport Name="{name}" Action="mscrm.{name}"/>' for name, bound, _p, _r in actions if not bound]
    out += [f'<FunctionImport Name="{name}" Function="mscrm.{name}"/>' for name, bound, _r in _FUNCTIONS
            if not bound]
    out += ["</EntityContainer>", "</Schema>", "</edmx:DataServices>", "</edmx:Edmx>"]
    return "\n".join(out)


# EntityDefinitions(LogicalName='lead'): the few table properties a client asks of this org. Dataverse answers
# hundreds; these are the ones CampSync reads (the doctor: is change tracking on for leads and contacts?).
_DEFINITION_PROPERTIES = ("MetadataId", "LogicalName", "SchemaName", "EntitySetName", "ChangeTrackingEnabled")
_LOGICAL_NAME_KEY = re.compile(r"^LogicalName='([a-z_0-9]+)'$")


def entity_definition(ctx: SandboxContext, request: Request, key: str | None) -> Response:
    """`GET EntityDefinitions(LogicalName='<name>')`, with $select of the properties above."""
    if key is None:
        raise SandboxError(501, ODATA_ERROR, "Querying EntityDefinitions is not implemented by the sandbox org; "
                                             "read one table's with EntityDefinitions(LogicalName='<name>').")
    match = _LOGICAL_NAME_KEY.match(key)
    if match is None:
        raise bad_request(f"The key '{key}' is not valid for EntityDefinitions; use LogicalName='<name>'.")
    name = match.group(1)
    entity = next((e for e in ENTITIES.values() if e.logical == name), None)
    if entity is None:
        raise SandboxError(404, NOT_FOUND, f"Could not find an entity with name {name} and id "
                                           f"00000000-0000-0000-0000-000000000000.")
    values = {"MetadataId": str(uuid.uuid5(uuid.NAMESPACE_URL, f"entity:{name}")), "LogicalName": name,
              "SchemaName": name.capitalize(), "EntitySetName": entity.set_name,
              "ChangeTrackingEnabled": name in ctx.knobs.change_tracking}
    raw = dict(parse_qsl(request.url.query)).get("$select")
    chosen = [p.strip() for p in raw.split(",")] if raw else list(_DEFINITION_PROPERTIES)
    for prop in chosen:
        if prop not in values:
            raise bad_request(f"Could not find a property named '{prop}' on type "
                              f"'Microsoft.Dynamics.CRM.EntityMetadata'.")
    body = {"@odata.context": f"{ctx.api_base}/$metadata#EntityDefinitions({','.join(chosen)})/$entity",
            **{prop: values[prop] for prop in chosen}}
    if "MetadataId" not in body:
        body["MetadataId"] = values["MetadataId"]  # the key always comes back, as with any entity
    return json_response(200, body)
