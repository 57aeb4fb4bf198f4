"""Lead creation that cannot duplicate: caller-chosen ids, and what a duplicate-key refusal means.

Dataverse accepts a caller-chosen primary key on create (`leadid` in the body), so a create re-sent after a
timeout or a lost answer can never make a second lead: if the first attempt was applied, the resend is refused
412 "A record with matching key values already exists" (code 0x80040237), and for CreateMultiple the whole
request is refused (all or nothing on standard tables). The refusal is then read as "some of these exist": the
ids are looked up and only the others created.

Why CreateMultiple with ids plus that lookup, rather than UpsertMultiple: Microsoft documents UpsertMultiple
around alternate keys ("Upsert operations frequently depend on alternate keys"); on a lead that exists it is an
update, which would overwrite what someone changed in Dynamics since the first attempt and run the org's update
plug-ins on every resend; and it is a newer message than CreateMultiple, whose absence CampSync handles already.
A create under the id we chose can only ever make that one record.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any, Protocol

from .errors import DuplicateRecord

log = logging.getLogger(__name__)

class LeadCreator(Protocol):
    """What this module needs of the client (a Protocol: client.py imports this module, not the reverse)."""

    async def _post_create_multiple(self, group: list[dict[str, Any]]) -> list[str]: ...

    async def existing_lead_ids(self, lead_ids: Iterable[str]) -> set[str]: ...


async def idempotent_create_multiple(client: LeadCreator, group: list[dict[str, Any]]) -> list[str]:
    """One CreateMultiple of `group` (create_lead keyword records); the lead ids in the order of `group`.

    With a `lead_id` on every record, a duplicate-key refusal looks the ids up and creates only the missing ones.
    """
    try:
        return await client._post_create_multiple(group)
    except DuplicateRecord:  # what the request would create is there already (a resend of an applied create)
        chosen = [record.get("lead_id") for record in group]
        if not all(chosen):
            raise
    there = await client.existing_lead_ids(chosen)
    rest = [record for record in group if str(record["lead_id"]).lower() not in there]
    log.info("%d of %d leads exist already (an earlier attempt was applied); creating the other %d",
             len(group) - len(rest), len(group), len(rest))
    if rest:
        # Refused again as a duplicate: another key clashes (an alternate key of the org); the caller decides.
        await client._post_create_multiple(rest)
    return [str(lead_id).lower() for lead_id in chosen]
