"""The app-owned marketing lists: one per campaign and member type, like Marketo's Mkto-leads-<id>: their names,
and making sure each exists in Dynamics, linked to its campaign, when the engine adds people to it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import uuid

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from ..dynamics.client import DataverseClient
from ..dynamics.entities import MarketingList
from ..dynamics.errors import ConnectionFailed, DuplicateRecord, DynamicsError, NotFound
from .models import AppList, CampaignRecord
from .parallel import ask_early
from .transactions import transaction
from .upsert import upsert_for

log = logging.getLogger(__name__)

CREATE_LIST_ATTEMPTS = 4  # a new list whose answer was lost: look for it, then create it if it is not there

MEMBER_TYPES = ("lead", "contact")
# Fixed forever: list ids derived from it must come out the same in every version, process and machine.
APP_LIST_NAMESPACE = uuid.UUID("6f1d3c52-8a4e-5b7a-9c0d-2e4f6a8b1c3d")


def app_list_name(prefix: str, member_type: str, campaign_id: str) -> str:
    """`<prefix>-leads-<campaign id>` / `<prefix>-contacts-<campaign id>`; prefix `Mkto` gives Marketo's names."""
    if member_type not in MEMBER_TYPES:
        raise ValueError(f"member type must be lead or contact, not {member_type!r}")
    return f"{prefix}-{member_type}s-{campaign_id}"


def app_list_id(name: str) -> str:
    """The Dynamics id CampSync gives its list of this name (which holds the prefix, member type and campaign).

    Every writer (the window, `campsync`, a teammate's machine, a resend after a lost answer) creates the list under
    this one id, and Dynamics refuses a second record with an existing primary key: they all converge on one list,
    where creating by name alone let two writers make two lists with the same name."""
    return str(uuid.uuid5(APP_LIST_NAMESPACE, name.casefold()))


def parse_app_list_name(prefix: str, name: str) -> tuple[str, str] | None:
    """(member_type, campaign_id) when `name` is one of our app lists for this prefix, else None."""
    m = re.fullmatch(re.escape(prefix) + r"-(lead|contact)s-([0-9a-fA-F-]{36})", name or "")
    return (m.group(1), m.group(2).lower()) if m else None


def record_app_list(session: Session, campaign_id: str, member_type: str, name: str, list_id: str) -> None:
    """Remember (in the caller's transaction) which Dynamics list is CampSync's for this campaign and member type:
    found or made by the engine, or seen by a pull. One statement that inserts or updates, so writers sharing the
    store at the same moment end with one row (a unique index backs it), not two or a refused commit."""
    upsert = upsert_for(session.get_bind(), AppList)
    session.execute(upsert.values(campaign_id=campaign_id, member_type=member_type, name=name,
                                  dynamics_list_id=list_id)
                    .on_conflict_do_update(index_elements=["campaign_id", "member_type"],
                                           set_={"name": name, "dynamics_list_id": list_id}))


class AppLists:
    """Ensures CampSync's list for a campaign and member type exists in Dynamics, linked to the campaign, and
    is recorded in the store. Lists found are kept for the life of the engine (`_lists`)."""

    def __init__(self, db: Engine, client: DataverseClient | None):
        self.db = db
        self.client = client
        self._lists: dict[tuple[str, str], MarketingList] = {}
        self._early_links: dict[str, asyncio.Task] = {}  # campaign id → its linked lists, being read (read_links_early)

    def stored(self, campaign_id: str) -> dict[str, AppList]:
        """The app lists recorded for this campaign, by member type."""
        with Session(self.db) as session:
            return {a.member_type: a for a in session.exec(select(AppList).where(AppList.campaign_id == campaign_id))}

    def read_links_early(self, campaign_id: str) -> None:
        """Start reading the campaign's linked lists now, while the caller asks Dynamics whether the campaign is
        still active: both answers arrive in one round trip instead of two. `ensure` uses the answer (or asks
        again if it failed); `drop_early_read` forgets one that was not used."""
        if campaign_id in self._early_links or any(key[0] == campaign_id for key in self._lists):
            return
        self._early_links[campaign_id] = ask_early(self.client.campaign_lists(campaign_id))

    def drop_early_read(self, campaign_id: str) -> None:
        task = self._early_links.pop(campaign_id, None)
        if task is not None and not task.done():
            task.cancel()

    async def ensure(self, campaign: CampaignRecord, member_type: str, prefix: str, *,
                     known_missing: bool = False) -> MarketingList:
        """CampSync's list for this campaign and member type: found, re-created or re-linked as needed.
        `known_missing`: the list was found deleted in Dynamics; forget it and make it again.

        Found by id, never by name: the derived id every writer uses, or (stores of older versions) the id this
        store recorded. A list that only has CampSync's name may be someone else's (with the `Mkto` prefix,
        Marketo's own), so it is never taken for CampSync's. The usual cases cost one request (already linked:
        the campaign's linked lists, read beside the campaign's check) or three (made now: that read, the
        create, the link)."""
        key = (campaign.id, member_type)
        if known_missing:
            self._lists.pop(key, None)
        elif key in self._lists:
            return self._lists[key]
        name = app_list_name(prefix, member_type, campaign.id)
        derived = app_list_id(name)
        linked = await self._linked(campaign.id)
        lst = None if known_missing else linked.get(derived)
        if lst is None:
            row = self.stored(campaign.id).get(member_type)
            if (row and row.dynamics_list_id and row.dynamics_list_id != derived and not known_missing
                    and row.name.casefold() == name.casefold()):
                # An older version's list, recorded when it was made: still the one to use until a pull merges it
                # into the derived list (which another writer may create meanwhile; the pull then repairs).
                lst = await self._get(derived) or linked.get(row.dynamics_list_id) or await self._get(
                    row.dynamics_list_id)
            if lst is None:
                # Made here, or found made by another writer (the create is refused as a duplicate key).
                lst = await self._create(name, member_type)
                log.info("app list %s for campaign %s made (or found made by another writer)", name, campaign.name)
            if lst.id not in linked:
                # Linked between our read and our link (another writer, a resend of a lost answer): link_list takes
                # the org's duplicate-key refusal as "already linked", so this group does not fail for it.
                await self.client.link_list(campaign.id, lst.id)
        transaction(self.db, lambda session: record_app_list(session, campaign.id, member_type, name, lst.id))
        self._lists[key] = lst
        return lst

    async def _linked(self, campaign_id: str) -> dict[str, MarketingList]:
        task = self._early_links.pop(campaign_id, None)
        if task is not None:
            with contextlib.suppress(DynamicsError):
                return {lst.id: lst for lst in await task}
        # None read early, or that read failed: ask now, where a failure is the caller's to handle.
        return {lst.id: lst for lst in await self.client.campaign_lists(campaign_id)}

    async def _get(self, list_id: str) -> MarketingList | None:
        try:
            return await self.client.get_list(list_id)
        except NotFound:
            return None

    async def _create(self, name: str, member_type: str) -> MarketingList:
        list_id = app_list_id(name)
        for attempt in range(1, CREATE_LIST_ATTEMPTS + 1):
            try:
                return await self.client.create_list_row(name, member_type, list_id=list_id)
            except DynamicsError as exc:
                if isinstance(exc, DuplicateRecord):
                    return await self.client.get_list(list_id)  # another writer, or our own lost answer, made it
                if not (isinstance(exc, ConnectionFailed) or exc.retryable) or attempt == CREATE_LIST_ATTEMPTS:
                    raise
                # The answer was lost, maybe not the list: look for it by its id before sending the same id again.
                await asyncio.sleep(self.client.retry.backoff(attempt))
                try:
                    return await self.client.get_list(list_id)
                except NotFound:
                    continue
        raise AssertionError("unreachable")

