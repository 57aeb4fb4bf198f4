"""Reading leads or contacts by their changes since the last pull (Dataverse change tracking), or whole.

A pull keeps, per table, the delta link the org handed out at the end of the last read, in the store's Setting
table under a scope named after the org URL (another org never follows it). When there is one, the pull follows
it and reads only the rows created, changed or deleted since; otherwise, or when the org refuses the link
(expired, change tracking turned off, other data after a reset), it reads the table whole, asking for change
tracking so that the next pull can be incremental. An org without change tracking on the table is read whole as
before. Qt-free; the pages are stored by the caller's `store` (pull.py), alike for both ways.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from ..dynamics.change_tracking import (ChangeTrackingOff, ChangeTrackingRefused, PeoplePage, delta_link_select,
                                        iter_people_changes)
from ..dynamics.client import DataverseClient
from ..dynamics.entities import PERSON_SELECT, MemberType
from ..dynamics.entities import Person as DynamicsPerson
from ..language import translate
from .models import Person, Setting

# Setting key of a table's delta link; the scope is delta_scope(org URL).
DELTA_KEY = "pull.delta_link.{kind}"

StorePage = Callable[[MemberType, list[DynamicsPerson]], None]
Progress = Callable[[MemberType, int], Awaitable[None]]


def delta_scope(org_url: str) -> str:
    return f"org:{org_url.rstrip('/').lower()}"


def stored_delta_link(db: Engine, org_url: str, kind: MemberType) -> str | None:
    with Session(db) as session:
        row = session.get(Setting, (delta_scope(org_url), DELTA_KEY.format(kind=kind)))
        return row.value if row is not None and row.value else None


def save_delta_link(db: Engine, org_url: str, kind: MemberType, link: str | None) -> None:
    """Keep the link for the next pull, or forget the old one (None): a link the org refused is not tried again."""
    key = (delta_scope(org_url), DELTA_KEY.format(kind=kind))
    with Session(db) as session:
        row = session.get(Setting, key)
        if link:
            session.merge(Setting(scope=key[0], key=key[1], value=link))
        elif row is not None:
            session.delete(row)
        session.commit()


async def read_people(db: Engine, client: DataverseClient, kind: MemberType, report, *, store: StorePage,
                      progress: Progress, page_size: int) -> None:
    """Read one table into the store, by its changes when a usable delta link is kept, whole otherwise.

    Sets report.incremental[kind]; counts deletions seen in a delta in report.deleted[kind]. A person deleted in
    Dynamics stays in the store, as a full pull leaves a person it no longer finds; pull_memberships then drops
    their memberships, which the org deleted with them.
    """
    link = stored_delta_link(db, client.org_url, kind)
    if link is not None and delta_link_select(link) == PERSON_SELECT[kind]:
        try:
            new_link = await _store_pages(iter_people_changes(client, kind, link, page_size=page_size), kind,
                                          report, store, progress, db)
        except ChangeTrackingRefused as exc:
            report.warnings.append(translate("Pull", "{kind}s: the org refused the changes since the last pull "
                                                     "({problem}); read them all instead").format(
                kind=kind, problem=exc.message))
            save_delta_link(db, client.org_url, kind, None)
        else:
            save_delta_link(db, client.org_url, kind, new_link)
            report.incremental[kind] = True
            report.unchanged[kind] = _unchanged(db, kind, report)
            return
    report.incremental[kind] = False
    try:
        new_link = await _store_pages(iter_people_changes(client, kind, page_size=page_size), kind, report, store,
                                      progress, db)
    except ChangeTrackingOff:
        # Refused before any row was read: the org has change tracking off for this table. Read it as before.
        new_link = None
        await _store_pages(_untracked(client, kind, page_size), kind, report, store, progress, db)
    save_delta_link(db, client.org_url, kind, new_link)


async def _store_pages(pages: AsyncIterator[PeoplePage], kind: MemberType, report, store: StorePage,
                       progress: Progress, db: Engine) -> str | None:
    """Store each page as it comes, in order, and return the delta link of the last one.

    A page is stored by a writer thread while the next one is read: SQLite writes and network reads both let go of
    the GIL, so a full pull costs about its reading rather than reading plus storing. One page is written at a
    time, and none is left writing when this returns or raises.
    """
    done = 0
    link = None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull-store") as writer:
        storing: tuple[asyncio.Future, int] | None = None  # the page being written, and the count once it is
        async for page in pages:
            if storing is not None:
                await _stored(storing, kind, progress)
            done += len(page.people)
            storing = (_write(writer, db, store, kind, page.people), done)
            report.deleted[kind] += len(page.deleted)
            report.read[kind] += len(page.people) + len(page.deleted)
            report.pages += 1
            if page.last:
                link = page.delta_link
        if storing is not None:
            await _stored(storing, kind, progress)
    return link


def _write(writer: ThreadPoolExecutor, db: Engine, store: StorePage, kind: MemberType,
           people: list[DynamicsPerson]) -> asyncio.Future:
    if db.url.database in (None, "", ":memory:"):
        # Each thread has its own in-memory database: write on this one.
        done = asyncio.get_running_loop().create_future()
        store(kind, people)
        done.set_result(None)
        return done
    return asyncio.wrap_future(writer.submit(store, kind, people))


async def _stored(storing: tuple[asyncio.Future, int], kind: MemberType, progress: Progress) -> None:
    written, count = storing
    await written
    await progress(kind, count)


async def _untracked(client: DataverseClient, kind: MemberType, page_size: int) -> AsyncIterator[PeoplePage]:
    pages = client.iter_people(kind, page_size=page_size)
    async for page in pages:
        yield PeoplePage(page, [], None, False)


def _unchanged(db: Engine, kind: MemberType, report) -> int:
    """People of this kind the org did not change: those stored from the org, less what this pull created, updated
    or saw deleted (a full pull counts them one by one; an incremental one does not read them to count)."""
    with Session(db) as session:
        stored = session.exec(select(func.count()).select_from(Person).where(Person.dynamics_type == kind)).one()
    touched = report.created[kind] + report.updated[kind] + report.email_conflicts[kind] + report.deleted[kind]
    return max(0, stored - touched)
