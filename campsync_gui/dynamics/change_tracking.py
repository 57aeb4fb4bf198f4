"""Reading a table with Dataverse change tracking: a full read that ends with a delta link, and the changes since.

`Prefer: odata.track-changes` on `GET leads?$select=…` answers pages as usual, the last one carrying
`@odata.deltaLink`; following that link answers the rows created or changed since, `$deletedEntity` entries for
rows deleted since, and a new delta link (Microsoft: "Use change tracking to synchronize data with external
systems"). A table without change tracking, or a token the org can no longer serve, is refused: those refusals
are raised as their own exceptions so the caller can fall back to a full read.

The pages go through DataverseClient.get_json, so retries, the shared throttle and the bounded reads apply as to
any read; links are followed only on the org, as iter_pages follows next links.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from ..language import translate
from .client import FORMATTED_VALUES, MAX_PAGE_SIZE, DataverseClient
from .entities import ENTITY_SET, PERSON_SELECT, MemberType, Person
from .errors import DynamicsError, MalformedResponse, ServiceError, clean_text

TRACK_CHANGES = "odata.track-changes"
# Dataverse's error codes: ChangeTrackingNotEnabledForEntity, ExpiredVersionStamp.
NOT_ENABLED_CODE = "0x80072491"
EXPIRED_CODE = "0x80044352"


class ChangeTrackingRefused(DynamicsError):
    """The org will not read this table by its changes: read it whole instead."""


class ChangeTrackingOff(ChangeTrackingRefused):
    """Change tracking is not enabled for the table ("Entity lead isn't enabled for change tracking.")."""


class DeltaLinkExpired(ChangeTrackingRefused):
    """The org can no longer serve the changes since this delta link ("Version stamp associated with the client
    has expired. Please perform a full sync."): older than the org keeps changes (7 days by default), or made on
    other data."""


@dataclass
class ChangePage:
    """One page of a tracked read: rows created or changed, ids deleted (lower case), and on the last page the
    delta link that reads the changes after this read."""

    rows: list[dict] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    delta_link: str | None = None
    last: bool = False


@dataclass
class Changes:
    rows: list[dict]
    deleted: list[str]
    delta_link: str | None  # None: the org did not apply the preference (no link to follow next time)


async def iter_tracked(client: DataverseClient, entity_set: str, select: str, *, page_size: int = MAX_PAGE_SIZE,
                       annotations: bool = False) -> AsyncIterator[ChangePage]:
    """Read the whole table with change tracking: every row, page by page, the last page with the delta link."""
    async for page in _pages(client, entity_set, {"$select": select}, page_size, annotations, True):
        yield page


async def iter_delta(client: DataverseClient, delta_link: str, *, page_size: int = MAX_PAGE_SIZE,
                     annotations: bool = False) -> AsyncIterator[ChangePage]:
    """The changes since `delta_link` was handed out (with the $select of the read that made it)."""
    url = client.next_page_url(delta_link, "delta link")
    async for page in _pages(client, url, None, page_size, annotations, False):
        yield page


async def read_tracked(client: DataverseClient, entity_set: str, select: str, **kw) -> Changes:
    """iter_tracked, collected: (rows, deleted ids, delta link)."""
    return await _collect(iter_tracked(client, entity_set, select, **kw))


async def read_delta(client: DataverseClient, delta_link: str, **kw) -> Changes:
    """iter_delta, collected: (rows, deleted ids, the next delta link)."""
    return await _collect(iter_delta(client, delta_link, **kw))


@dataclass
class PeoplePage:
    people: list[Person]
    deleted: list[str]
    delta_link: str | None
    last: bool


async def iter_people_changes(client: DataverseClient, kind: MemberType, delta_link: str | None = None, *,
                              page_size: int = MAX_PAGE_SIZE) -> AsyncIterator[PeoplePage]:
    """Leads or contacts as iter_people reads them (same columns and annotations), with change tracking: every
    one when `delta_link` is None, otherwise those changed or deleted since it."""
    annotations = kind == "contact"
    if delta_link is None:
        pages = iter_tracked(client, ENTITY_SET[kind], PERSON_SELECT[kind], page_size=page_size,
                             annotations=annotations)
    else:
        pages = iter_delta(client, delta_link, page_size=page_size, annotations=annotations)
    async for page in pages:
        yield PeoplePage([Person.from_json(kind, row) for row in page.rows], page.deleted, page.delta_link,
                         page.last)


async def tracked_tables(client: DataverseClient,
                         logical_names: tuple[str, ...] = ("lead", "contact")) -> dict[str, bool]:
    """Whether the org tracks changes of each table (EntityDefinitions' ChangeTrackingEnabled, as Microsoft
    documents for checking it): table -> on."""
    found: dict[str, bool] = {}
    for name in logical_names:
        data = await client.get_json(f"EntityDefinitions(LogicalName='{name}')", {"$select": "ChangeTrackingEnabled"})
        found[name] = data.get("ChangeTrackingEnabled") is True
    return found


def assess_tracking(tracked: dict[str, bool]) -> tuple[str, str, str]:
    """The doctor's (detail, status, fix): per table, incremental pulls (change tracking on) or full pulls."""
    detail = "; ".join((translate("ChangeTracking", "{table}s: on — incremental pulls") if on
                        else translate("ChangeTracking", "{table}s: off — full pulls")).format(table=name)
                       for name, on in tracked.items())
    off = [name for name, on in tracked.items() if not on]
    if not off:
        return detail, "ok", ""
    tables = translate("ChangeTracking", " and ").join(off)
    one = translate("ChangeTracking", "Pulls read every {tables} each time. To read only what changed, an admin "
                                      "turns on Track changes for the {tables} table (Power Apps → Tables → the "
                                      "table → Properties → Advanced options).")
    many = translate("ChangeTracking", "Pulls read every {tables} each time. To read only what changed, an admin "
                                       "turns on Track changes for the {tables} tables (Power Apps → Tables → each "
                                       "table → Properties → Advanced options).")
    return detail, "warn", (one if len(off) == 1 else many).format(tables=tables)


def delta_link_select(delta_link: str) -> str | None:
    """The $select a delta link reads (None when it names none): a link made for other columns is not reused."""
    values = parse_qs(urlsplit(delta_link).query).get("$select")
    return values[0] if values else None


async def _pages(client: DataverseClient, path: str, params: dict | None, page_size: int, annotations: bool,
                 track: bool) -> AsyncIterator[ChangePage]:
    prefer = [f"odata.maxpagesize={page_size}"]
    if track:
        prefer.insert(0, TRACK_CHANGES)
    if annotations:
        prefer.append(FORMATTED_VALUES)
    headers = {"Prefer": ",".join(prefer)}
    what = clean_text(urlsplit(path).path.rsplit("/", 1)[-1] or path, 80)
    followed: set[str] = set()
    data = await _get(client, path, params, headers)
    while True:
        rows = data.get("value")
        if rows is None:
            rows = []
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise MalformedResponse(f"Dynamics sent a page of changes to {what} whose rows are not a list of objects.")
        page = ChangePage()
        for row in rows:
            deleted = _deleted_id(row)
            if deleted is None:
                page.rows.append(row)
            else:
                page.deleted.append(deleted)
        next_link = data.get("@odata.nextLink")
        if not next_link:
            link = data.get("@odata.deltaLink")
            page.delta_link = client.next_page_url(link, f"delta link for {what}") if link else None
            page.last = True
            yield page
            return
        yield page
        data = await _get(client, client.follow_link(next_link, followed, what, doing="reading changes to"), None,
                          headers)


async def _get(client: DataverseClient, path: str, params: dict | None, headers: dict[str, str]) -> dict:
    try:
        return await client.get_json(path, params, headers)
    except ServiceError as exc:
        code = (exc.code or "").lower()
        if code == NOT_ENABLED_CODE:
            raise ChangeTrackingOff(exc.message, status=exc.status, code=exc.code) from exc
        if code == EXPIRED_CODE:
            raise DeltaLinkExpired(exc.message, status=exc.status, code=exc.code) from exc
        raise


def _deleted_id(row: dict) -> str | None:
    """The id of a deletion entry (OData 4.0 `$deletedEntity`, or 4.01 `@removed`), or None for a row."""
    context = row.get("@odata.context")
    if isinstance(context, str) and context.endswith("$deletedEntity"):
        return str(row.get("id") or "").lower() or None
    if "@removed" in row:
        ref = str(row.get("@id") or row.get("id") or "")
        return ref[ref.rfind("(") + 1:].rstrip(")").lower() or None
    return None


async def _collect(pages: AsyncIterator[ChangePage]) -> Changes:
    rows: list[dict] = []
    deleted: list[str] = []
    link = None
    async for page in pages:
        rows.extend(page.rows)
        deleted.extend(page.deleted)
        link = page.delta_link
    return Changes(rows, deleted, link)
