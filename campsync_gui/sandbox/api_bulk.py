"""Bulk messages bound to an entity set: CreateMultiple and UpsertMultiple of leads, contacts or accounts."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from .api_checks import NS, check_bound_action, check_privilege, segment_not_found, split_segment
from .api_responses import json_response
from .context import SandboxContext
from .errors import bad_request
from .schema import EntityDef
from .slow_writes import answer_after

# Bulk operation messages, bound to an entity set; CreateMultiple and UpsertMultiple are implemented here.
COLLECTION_ACTIONS = {"CreateMultiple", "UpdateMultiple", "UpsertMultiple", "DeleteMultiple"}
# The tables whose bulk messages are enabled in this org (in Dataverse, not every standard table has them).
_CREATE_MULTIPLE_SETS = {"leads", "contacts", "accounts"}


def collection_action(ctx: SandboxContext, request: Request, entity: EntityDef, segment: str, body: Any) -> Response:
    """A bulk operation bound to an entity set: `POST leads/Microsoft.Dynamics.CRM.CreateMultiple`."""
    name, key = split_segment(segment)
    if key is not None:
        raise segment_not_found(segment)
    action = check_bound_action(ctx, request, name, {"CreateMultiple", "UpsertMultiple"})
    if entity.set_name not in _CREATE_MULTIPLE_SETS:
        raise bad_request(f"The '{action}' message is not enabled for the '{entity.logical}' table.")
    check_privilege(ctx, entity, "Create")
    if action == "UpsertMultiple":
        check_privilege(ctx, entity, "Write")
    if not isinstance(body, dict) or "Targets" not in body:
        raise bad_request("Request message has unresolved parameters.")
    targets = body["Targets"]
    if not isinstance(targets, list):
        raise bad_request("The 'Targets' parameter must be a collection of entities.")
    if not targets:
        raise bad_request("The 'Targets' parameter must contain at least one record to create.")
    expected = f"{NS}{entity.logical}"
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

    if action == "UpsertMultiple":
        return _upsert_multiple(ctx, entity, targets)

    def write() -> Response:
        # All or nothing: a caller-chosen id that exists already (a resend) refuses the whole request, 412.
        rows = ctx.state.create_many(entity.set_name, targets)
        return json_response(
            200,
            {
                "@odata.context": f"{ctx.api_base}/$metadata#{NS}CreateMultipleResponse",
                "Ids": [row[entity.key] for row in rows],
            },
        )

    return answer_after(ctx.knobs.create_ms_per_record, len(targets), write)


def _upsert_multiple(ctx: SandboxContext, entity: EntityDef, targets: list[dict[str, Any]]) -> Response:
    """UpsertMultiple: each target names its row by primary key (a column or `@odata.id`); an existing row is
    updated, a new id is created with that id. All or nothing; answered 204 without a body, as Dataverse does."""
    keyed = [(_target_id(entity, index, target), target) for index, target in enumerate(targets)]

    def write() -> Response:
        ctx.state.upsert_many(entity.set_name, keyed)
        return Response(status_code=204)

    return answer_after(ctx.knobs.create_ms_per_record, len(targets), write)


def _target_id(entity: EntityDef, index: int, target: dict[str, Any]) -> str:
    """The primary key an UpsertMultiple target names: its key column, or `@odata.id` such as `leads(<guid>)`."""
    if target.get(entity.key):
        return str(target[entity.key])
    reference = str(target.get("@odata.id") or "")
    prefix = f"{entity.set_name}("
    if reference.startswith(prefix) and reference.endswith(")"):
        return reference[len(prefix):-1]
    raise bad_request(
        f"Targets[{index}] of UpsertMultiple needs its primary key: '{entity.key}' or an '@odata.id' "
        f"such as {entity.set_name}(<guid>)."
    )
