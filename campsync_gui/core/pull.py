"""Read the org into the store: campaigns, people (leads, then contacts) and campaign memberships. Qt-free.

Network reads happen outside database transactions; each page (people) or campaign (memberships) is then
written in one short transaction, so the GUI keeps reading the store while a pull runs.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field, replace

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from ..dynamics.client import DataverseClient, chunked
from ..dynamics.entities import MarketingList
from ..dynamics.entities import Person as DynamicsPerson
from ..language import plural, translate
from . import origins
from .applists import record_app_list
from .clean_text import clean_line, has_unsafe
from .delta_pull import read_people
from .flows import CRM, FLOW_ACTION, REMOVE
from .list_ownership import Ownership, merge_into, sort_out
from .models import AppList, CampaignRecord, ListName, Membership, OutboxRow, Person
from .outbox import DONE
from .people import upsert_people_from_dynamics
from .settings import SyncSettings
from .upsert import upsert_for

PERSON_KINDS = ("lead", "contact")
# Nodes of a team write with their own clocks: a confirmation this close before a membership read began is still
# taken as newer than the read (kept until the next pull, which settles it).
CLOCK_MARGIN_S = 5.0
MEMBERSHIP_INSERT_ROWS = 2_000  # new memberships per INSERT (7 values each, within SQLite's 32,766 parameters)
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
    merged_lists: int = 0  # older CampSync lists folded into the derived one (members moved, unlinked, deleted)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # (person id, field, new value, key) the org changed on people already stored: what fires "Data value
    # changes" trigger campaigns (the key: people.change_key). Not in to_dict: a big pull makes it long.
    changes: list[tuple[int, str, object, str]] = field(default_factory=list)
    # Per member type: read by its changes since the last pull (change tracking) rather than whole; and records
    # the org deleted since then (left in the store, as a full pull leaves them). Not in to_dict (yet): the
    # command line's --json answer is pinned.
    incremental: dict[str, bool] = field(default_factory=lambda: {k: False for k in PERSON_KINDS})
    deleted: dict[str, int] = field(default_factory=lambda: {k: 0 for k in PERSON_KINDS})
    read: dict[str, int] = field(default_factory=lambda: {k: 0 for k in PERSON_KINDS})  # rows Dynamics sent

    @property
    def people(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values()) + sum(self.unchanged.values()) + \
            sum(self.email_conflicts.values())

    def to_dict(self) -> dict:
        data = asdict(self)
        for name in ("changes", "incremental", "deleted", "read"):
            data.pop(name)
        return data

    def how_read(self) -> str:
        """One sentence: which tables were read by their changes since the last pull, and which whole."""
        parts = []
        for kind in PERSON_KINDS:
            if self.incremental[kind]:
                changed = self.created[kind] + self.updated[kind] + self.email_conflicts[kind]
                if self.deleted[kind]:
                    parts.append(translate("Pull", "{kind}s by their changes since the last pull ({count} new or "
                                                   "changed, {deleted} deleted in Dynamics)").format(
                        kind=kind, count=changed, deleted=self.deleted[kind]))
                else:
                    parts.append(translate("Pull", "{kind}s by their changes since the last pull ({count} new or "
                                                   "changed)").format(kind=kind, count=changed))
            else:
                parts.append(translate("Pull", "{kind}s in full").format(kind=kind))
        return translate("Pull", "Read {parts}.").format(parts="; ".join(parts))


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
            record.name = clean_line(campaign.name)  # no terminal escapes stored (clean_text)
            record.code = clean_line(campaign.code)
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
    """Leads, then contacts, page by page; each page upserted in one transaction (upsert_people_from_dynamics).

    Each table is read by its changes since the last pull when the org tracks them and a delta link is kept for
    this org, whole otherwise (delta_pull.py; report.incremental says which). `on_progress(kind, count_so_far)` is
    called after each page is stored; it may be a coroutine function.
    """
    report = PullReport()
    started = time.perf_counter()

    def store(kind: str, page: list[DynamicsPerson]) -> None:
        stamp = now()
        notes: dict[int, list[str]] = {}  # the cleaning's warnings, by position in the page
        people = [_clean_person(person, lambda text, at=at: notes.setdefault(at, []).append(text))
                  for at, person in enumerate(page)]
        with db.begin() as connection:
            outcomes = upsert_people_from_dynamics(connection, people, stamp, report.changes)
        for at, (person, outcome) in enumerate(zip(people, outcomes)):
            for text in notes.get(at, ()):
                _warn(report, text)
            if outcome == "email_conflict":
                report.email_conflicts[kind] += 1
                _warn(report, translate("Pull", "{kind} {id}: email {email} already belongs to another Dynamics "
                                                "record in the store; stored without it").format(
                    kind=kind, id=person.id, email=person.email))
            else:
                getattr(report, outcome)[kind] += 1

    async def progress(kind: str, done: int) -> None:
        await _call(on_progress, kind, done)

    for kind in PERSON_KINDS:
        await read_people(db, client, kind, report, store=store, progress=progress, page_size=page_size)
    report.seconds = time.perf_counter() - started
    return report


# ---- memberships -------------------------------------------------------------------------------

async def pull_memberships(db: Engine, client: DataverseClient, settings: SyncSettings, *,
                           now: Callable[[], float] = time.time) -> PullReport:
    """For each cached campaign, read its linked lists and their members and make the store match the org.

    Members of the campaign's own app lists (known by id: see list_ownership) are `flow_action`; members of any
    other list are `crm`; an older version's list doubling the derived one is merged into it first. Existing rows
    still present keep their origin, added_at and request_id; rows the org no longer has are removed, unless a sync
    wrote them after the reading began (see _store_campaign_memberships). Run refresh_campaigns and pull_people
    first: members whose Dynamics id is not in the store are only counted (`unknown_members`).
    """
    report = PullReport()
    started = time.perf_counter()
    with Session(db) as session:
        campaign_ids = list(session.exec(select(CampaignRecord.id).order_by(CampaignRecord.name)))
    for campaign_id in campaign_ids:
        read_from = now()  # what the store learns after this moment is newer than what is read below
        lists = await client.campaign_lists(campaign_id)
        members: dict[str, list[str]] = {}
        for mlist in lists:
            ids: list[str] = []
            async for page in client.iter_list_members(mlist.id):
                ids.extend(i.lower() for i in page)
            members[mlist.id] = ids
        ownership = sort_out(campaign_id, lists, settings.list_prefix, _recorded_lists(db, campaign_id))
        lists = await _merge_older_lists(client, campaign_id, ownership, lists, members, report)
        _store_campaign_memberships(db, campaign_id, lists, members, ownership, now(), report, read_from=read_from)
        report.campaigns += 1
    report.seconds = time.perf_counter() - started
    return report


def _recorded_lists(db: Engine, campaign_id: str) -> dict[str, tuple[str, str | None]]:
    with Session(db) as session:
        return {a.member_type: (a.name, a.dynamics_list_id)
                for a in session.exec(select(AppList).where(AppList.campaign_id == campaign_id))}


async def _merge_older_lists(client: DataverseClient, campaign_id: str, ownership: Ownership,
                             lists: list[MarketingList], members: dict[str, list[str]],
                             report: PullReport) -> list[MarketingList]:
    """Fold each older CampSync list that doubles the derived one into it; the lists left linked afterwards."""
    for member_type, older in ownership.to_merge.items():
        target = ownership.own[member_type]
        moved = await merge_into(client, campaign_id, member_type, older, target, members.get(older.id, []),
                                 members.get(target.id, []))
        members[target.id] = sorted(set(members.get(target.id, [])) | set(members.pop(older.id, [])))
        lists = [mlist for mlist in lists if mlist.id != older.id]
        report.merged_lists += 1
        _warn(report, translate("Pull", "campaign {campaign}: an older CampSync list {older} doubled {list}; "
                                        "{members} moved from it, and it was unlinked and deleted").format(
            campaign=campaign_id, older=repr(older.name), list=repr(target.name), members=plural(
                moved, translate("Pull", "{n} member was"), translate("Pull", "{n} members were"))))
    return lists


def _store_campaign_memberships(db: Engine, campaign_id: str, lists: list[MarketingList],
                                members: dict[str, list[str]], ownership: Ownership, stamp: float,
                                report: PullReport, *, read_from: float) -> None:
    """Make the store's memberships of one campaign what the org answered. `read_from`: when the reading began.
    A sync confirmed since then (a window's drop, a worker, a colleague) is newer than that answer, which can take
    seconds for 10,000 members: its membership is kept, and a person it removed is not put back."""
    own_ids = {mlist.id.lower() for mlist in ownership.own.values()}
    for mlist in ownership.lookalikes:
        _warn(report, translate("Pull", "list {list} ({id}) is named like CampSync's list of campaign {campaign} "
                                        "but was not made by CampSync (its id is not CampSync's); left alone, its "
                                        "members count as CRM members").format(
            list=repr(mlist.name), id=mlist.id, campaign=campaign_id))
    for mlist, member_type in ownership.wrong_type:
        _warn(report, translate("Pull", "list {list} is CampSync's for {kind}s but holds {held}s; its members count "
                                        "as CRM members").format(list=repr(mlist.name), kind=member_type,
                                                                 held=mlist.member_type))
    with Session(db) as session:
        wanted: dict[tuple[int, str], str] = {}  # (person id, list id) -> source
        for mlist in lists:
            report.lists += 1
            list_id = mlist.id.lower()
            source = FLOW_ACTION if list_id in own_ids else CRM
            entity_ids = members.get(mlist.id, [])
            person_ids = _person_ids(session, entity_ids)
            report.unknown_members += sum(1 for e in set(entity_ids) if e not in person_ids)
            for person_id in person_ids.values():
                wanted[(person_id, list_id)] = source

        for member_type, mlist in ownership.own.items():
            record_app_list(session, campaign_id, member_type, mlist.name, mlist.id.lower())
            report.app_lists += 1
        for mlist in lists:
            session.merge(ListName(list_id=mlist.id.lower(), name=clean_line(mlist.name),
                                   member_type=mlist.member_type or ""))

        existing = {(m.person_id, m.list_id): m for m in
                    session.exec(select(Membership).where(Membership.campaign_id == campaign_id))}
        newer_than = read_from - CLOCK_MARGIN_S
        removed_since = _removed_since(session, campaign_id, newer_than)
        for key, row in existing.items():
            # A row a pull wrote is only what Dynamics said then; one a sync wrote since the read began is newer.
            if key not in wanted and (row.origin == origins.PULL or (row.added_at or 0) < newer_than):
                session.delete(row)
                report.removed += 1
        new_rows = []
        for (person_id, list_id), source in wanted.items():
            row = existing.get((person_id, list_id))
            if row is None and list_id in own_ids and person_id in removed_since:
                continue  # taken off CampSync's list after the org was read: the answer predates it
            if row is None:
                new_rows.append(dict(person_id=person_id, campaign_id=campaign_id, list_id=list_id, source=source,
                                     added_at=stamp, origin=origins.PULL, actor=""))
                report.added += 1
            elif row.source != source:
                row.source = source
                session.add(row)
            report.memberships += 1
            setattr(report, source, getattr(report, source) + 1)
        # A sync confirmed since the read (another node of a team, the window's engine) may have written the same
        # membership meanwhile: its row is newer than this answer and stays (a plain INSERT failed the whole pull).
        for part in chunked(new_rows, MEMBERSHIP_INSERT_ROWS):
            session.execute(upsert_for(session.get_bind(), Membership).values(part).on_conflict_do_nothing())
        session.commit()


def _removed_since(session: Session, campaign_id: str, since: float) -> set[int]:
    """People whose removal from this campaign Dynamics confirmed at or after `since`."""
    return set(session.exec(select(OutboxRow.person_id).where(
        OutboxRow.campaign_id == campaign_id, OutboxRow.action == REMOVE, OutboxRow.state == DONE,
        OutboxRow.outcome == "removed", OutboxRow.done_at >= since)))


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


def _clean_person(person: DynamicsPerson, warn: Callable[[str], object]) -> DynamicsPerson:
    """The record without the control characters a terminal would act on (names, company, ...: see clean_text).
    An email holding one is no address: the person is stored without it, and the pull says so (`warn`)."""
    email = person.email
    if has_unsafe(email):
        warn(translate("Pull", "{kind} {id}: email {email} holds control characters; stored without it").format(
            kind=person.kind, id=person.id, email=repr(email)))
        email = None
    fields = ("first_name", "last_name", "company", "job_title", "country")
    if email == person.email and not any(has_unsafe(getattr(person, name)) for name in fields):
        return person
    return replace(person, email=email, **{name: clean_line(getattr(person, name)) for name in fields})


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
