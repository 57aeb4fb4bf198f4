"""Read the org into the store: campaigns, people (leads, then contacts) and campaign memberships. Qt-free.

Network reads happen outside database transactions; each page (people) or campaign (memberships) is then
written in one short transaction, so the GUI keeps reading the store while a pull runs.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from ..dynamics.client import DataverseClient
from ..dynamics.entities import MarketingList
from . import origins
from .applists import parse_app_list_name, record_app_list
from .flows import CRM, FLOW_ACTION
from .models import AppList, CampaignRecord, ListName, Membership, Person
from .people import upsert_from_dynamics
from .settings import SyncSettings

PERSON_KINDS = ("lead", "contact")
ProgressCallback = Callable[[str, int], Awaitable[None] | None]


@dataclass
class PullReport:
    """What a pull did. People counts are per member type; membership counts are totals over campaigns."""

    created: dict[str, int] = field(default_factory=lambda: {k: 0 for k in PERSON_KINDS})
    updated: dict[str, int] = field(default_factory=lambda: {k: 0 for k in PERSON_KINDS})
    unchanged: dict[str, int] = field(default_factory=lambda: {k: 0 for k in PERSON_KINDS})
    # A Dynamics record whose email another stored person (linked to another record) already has.
    email_conflicts: dict[str, int] = field(default_factory=lambda: {k: 0 for k in PERSON_KINDS})
    pages: int = 0
    campaigns: int = 0
    lists: int = 0
    app_lists: int = 0
    memberships: int = 0  # rows in the store after the pull, over the campaigns pulled
    flow_action: int = 0
    crm: int = 0
    added: int = 0  # membership rows new to the store
    removed: int = 0  # membership rows the org no longer has
    unknown_members: int = 0  # list members whose Dynamics id is not in the store (pull people first)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # (person id, field, new value) the org changed on people already stored: what fires "Data value
    # changes" trigger campaigns. Not in to_dict: a big pull makes it long.
    changes: list[tuple[int, str, object]] = field(default_factory=list)

    @property
    def people(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values()) + sum(self.unchanged.values()) + \
            sum(self.email_conflicts.values())

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("changes")
        return data


# ---- campaigns ---------------------------------------------------------------------------------

async def refresh_campaigns(db: Engine, client: DataverseClient, *,
                            now: Callable[[], float] = time.time) -> list[CampaignRecord]:
    """Cache every non-template campaign; campaigns gone from the org leave the cache with their memberships.

    Returns the cached campaigns sorted by name (detached rows, safe to read after the session closed).
    """
    campaigns = [c for c in await client.campaigns() if not c.is_template]
    stamp = now()
    with Session(db, expire_on_commit=False) as session:
        seen: set[str] = set()
        records: list[CampaignRecord] = []
        for campaign in campaigns:
            cid = campaign.id.lower()
            seen.add(cid)
            record = session.get(CampaignRecord, cid) or CampaignRecord(id=cid)
            record.name = campaign.name
            record.code = campaign.code
            record.statecode = campaign.statecode
            record.statuscode = campaign.statuscode
            record.refreshed_at = stamp
            session.add(record)
            records.append(record)
        gone = [cid for cid in session.exec(select(CampaignRecord.id)) if cid not in seen]
        if gone:
            session.exec(delete(Membership).where(Membership.campaign_id.in_(gone)))
            session.exec(delete(AppList).where(AppList.campaign_id.in_(gone)))
            session.exec(delete(CampaignRecord).where(CampaignRecord.id.in_(gone)))
        session.commit()
    return sorted(records, key=lambda r: (r.name.casefold(), r.id))


# ---- people ------------------------------------------------------------------------------------

async def pull_people(db: Engine, client: DataverseClient, *, page_size: int = 5000,
                      on_progress: ProgressCallback | None = None,
                      now: Callable[[], float] = time.time) -> PullReport:
    """Leads, then contacts, page by page; each page upserted in one transaction (see upsert_from_dynamics).

    `on_progress(kind, count_so_far)` is called after each page is stored; it may be a coroutine function.
    """
    report = PullReport()
    started = time.perf_counter()
    for kind in PERSON_KINDS:
        done = 0
        async for page in client.iter_people(kind, page_size=page_size):
            stamp = now()
            with Session(db) as session:
                for person in page:
                    _, outcome = upsert_from_dynamics(session, person, stamp, report.changes)
                    if outcome == "email_conflict":
                        report.email_conflicts[kind] += 1
                        _warn(report, f"{kind} {person.id}: email {person.email} already belongs to another "
                                      f"Dynamics record in the store; stored without it")
                    else:
                        getattr(report, outcome)[kind] += 1
                session.commit()
            report.pages += 1
            done += len(page)
            await _call(on_progress, kind, done)
    report.seconds = time.perf_counter() - started
    return report


# ---- memberships -------------------------------------------------------------------------------

async def pull_memberships(db: Engine, client: DataverseClient, settings: SyncSettings, *,
                           now: Callable[[], float] = time.time) -> PullReport:
    """For each cached campaign, read its linked lists and their members and make the store match the org.

    Members of the campaign's own app list (`<prefix>-leads-<id>` of that campaign, right member type) are
    `flow_action`; members of any other list are `crm`. Existing rows still present keep their origin,
    added_at and request_id; rows the org no longer has are removed. Run refresh_campaigns and pull_people
    first: members whose Dynamics id is not in the store are only counted (`unknown_members`).
    """
    report = PullReport()
    started = time.perf_counter()
    with Session(db) as session:
        campaign_ids = list(session.exec(select(CampaignRecord.id).order_by(CampaignRecord.name)))
    for campaign_id in campaign_ids:
        lists = await client.campaign_lists(campaign_id)
        members: dict[str, list[str]] = {}
        for mlist in lists:
            ids: list[str] = []
            async for page in client.iter_list_members(mlist.id):
                ids.extend(i.lower() for i in page)
            members[mlist.id] = ids
        _store_campaign_memberships(db, campaign_id, lists, members, settings, now(), report)
        report.campaigns += 1
    report.seconds = time.perf_counter() - started
    return report


def _store_campaign_memberships(db: Engine, campaign_id: str, lists: list[MarketingList],
                                members: dict[str, list[str]], settings: SyncSettings, stamp: float,
                                report: PullReport) -> None:
    with Session(db) as session:
        wanted: dict[tuple[int, str], str] = {}  # (person id, list id) -> source
        own_lists: dict[str, MarketingList] = {}
        for mlist in lists:
            report.lists += 1
            list_id = mlist.id.lower()
            source = CRM
            parsed = parse_app_list_name(settings.list_prefix, mlist.name)
            if parsed is not None and parsed[1] == campaign_id.lower():
                member_type = parsed[0]
                if mlist.member_type != member_type:
                    _warn(report, f"list {mlist.name!r} is named for {member_type}s but holds "
                                  f"{mlist.member_type}s; its members count as CRM members")
                elif member_type in own_lists:
                    _warn(report, f"campaign {campaign_id} has two {member_type} app lists linked "
                                  f"({own_lists[member_type].name!r} is used); the other counts as CRM")
                else:
                    own_lists[member_type] = mlist
                    source = FLOW_ACTION
            entity_ids = members.get(mlist.id, [])
            person_ids = _person_ids(session, entity_ids)
            report.unknown_members += sum(1 for e in set(entity_ids) if e not in person_ids)
            for person_id in person_ids.values():
                wanted[(person_id, list_id)] = source

        for member_type, mlist in own_lists.items():
            record_app_list(session, campaign_id, member_type, mlist.name, mlist.id.lower())
            report.app_lists += 1
        for mlist in lists:
            session.merge(ListName(list_id=mlist.id.lower(), name=mlist.name, member_type=mlist.member_type or ""))

        existing = {(m.person_id, m.list_id): m for m in
                    session.exec(select(Membership).where(Membership.campaign_id == campaign_id))}
        for key, row in existing.items():
            if key not in wanted:
                session.delete(row)
                report.removed += 1
        for (person_id, list_id), source in wanted.items():
            row = existing.get((person_id, list_id))
            if row is None:
                session.add(Membership(person_id=person_id, campaign_id=campaign_id, list_id=list_id,
                                       source=source, added_at=stamp, origin=origins.PULL))
                report.added += 1
            elif row.source != source:
                row.source = source
                session.add(row)
            report.memberships += 1
            setattr(report, source, getattr(report, source) + 1)
        session.commit()


def _person_ids(session: Session, entity_ids: list[str]) -> dict[str, int]:
    """Dynamics id -> store id, for those of `entity_ids` that are in the store."""
    found: dict[str, int] = {}
    unique = sorted(set(entity_ids))
    for start in range(0, len(unique), 900):  # well under SQLite's bound-parameter limit
        chunk = unique[start:start + 900]
        for person_id, dynamics_id in session.exec(
                select(Person.id, Person.dynamics_id).where(Person.dynamics_id.in_(chunk))):
            found[dynamics_id] = person_id
    return found


def _warn(report: PullReport, text: str) -> None:
    if len(report.warnings) < 200:
        report.warnings.append(text)


async def _call(callback: ProgressCallback | None, *args: object) -> None:
    if callback is None:
        return
    result = callback(*args)
    if asyncio.iscoroutine(result):
        await result


__all__ = ["PullReport", "pull_memberships", "pull_people", "refresh_campaigns"]
