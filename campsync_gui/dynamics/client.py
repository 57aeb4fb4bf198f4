"""The Dataverse Web API client: one httpx.AsyncClient, OData headers, paging, retries, typed errors.

The same client talks to a real Dynamics 365 org and to the built-in sandbox org.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from typing import Any

import httpx

from ..language import translate
from . import bounded_reads
from .answers import GUID, created_id, json_object
from .auth import TokenProvider, network_error
from .batch_lookups import rows_of_each
from .entities import (CREATEDFROMCODE, ENTITY_SET, ID_FIELD, LIST_SELECT, PERSON_SELECT, Campaign, MarketingList,
                       MemberType, Person, Solution, _object, _required_id)
from .errors import (BadRequest, ConnectionFailed, DuplicateRecord, DynamicsError, ListingTooLong, MalformedResponse,
                     NotFound, ServerUnavailable, Throttled, Unauthorized, clean_text, error_from_response,
                     parse_retry_after)
from .lead_creates import idempotent_create_multiple
from .odata_literals import eq, guid_literal, in_filter, string_literal
from .query_strings import build_query, url_sized
from .retry_policy import ClientStats, RetryPolicy
from .throttle import DEFAULT_DOP, InFlightLimit, SharedThrottle, dop_hint

log = logging.getLogger(__name__)

API_PATH = "/api/data/v9.2/"
MAX_PAGE_SIZE = 5000
NS = "Microsoft.Dynamics.CRM."
FORMATTED_VALUES = 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"'
RETRYABLE_STATUS = (502, 503, 504)
# Transport failures that happen before a request leaves: resending those never does anything twice.
NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Dataverse recommends CreateMultiple requests of at most 1,000 records.
CREATE_MULTIPLE_CHUNK = 1000
# Seconds a bulk create may take before CampSync stops waiting. Microsoft expects up to 2 minutes per bulk request
# (plug-ins on create run inside it, e.g. 40 ms a lead makes 1,000 leads take 40 s); its own clients wait minutes.
# The 30 s of ordinary requests would give up on work the org is still doing.
BULK_TIMEOUT = 180.0
# Ids per lookup of which caller-chosen lead ids exist: `leadid eq <id> or …` of ~50 characters each, ~5 KB.
ID_LOOKUP_CHUNK = 100
# Characters of encoded emails per lookup (some 340 emails): the whole URL stays under 10.5 KB, within
# Dataverse's 32 KB and, with a bearer token, within the 16 KB request head HTTP.sys and proxies accept.
LOOKUP_FILTER_CHARS = 10_000


# Kept under its old name for callers; every literal is built in odata_literals.
odata_quote = string_literal


class DataverseClient:
    """Async Dataverse Web API client. Use as `async with DataverseClient(...) as client:`."""

    def __init__(self, org_url: str, tokens: TokenProvider, *, ssl_context: ssl.SSLContext,
                 timeout: float = 30.0, retry: RetryPolicy | None = None,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 transport: httpx.AsyncBaseTransport | None = None, bulk_timeout: float = BULK_TIMEOUT):
        self.org_url = org_url.rstrip("/")
        self.bulk_timeout = bulk_timeout  # read timeout of each bulk create (CreateMultiple) request
        # Bounds on what one answer may cost (bounded_reads): bytes read, seconds beyond the timeout, pages listed.
        self.max_body_bytes, self.max_error_bytes = bounded_reads.MAX_BODY_BYTES, bounded_reads.MAX_ERROR_BYTES
        self.deadline_margin, self.max_pages = bounded_reads.DEADLINE_MARGIN, bounded_reads.MAX_PAGES
        self.api_base = self.org_url + API_PATH
        self.tokens = tokens
        self._owns_tokens = True
        self._settings = dict(ssl_context=ssl_context, timeout=timeout, sleep=sleep, transport=transport)
        self.retry = retry or RetryPolicy()
        self.stats = ClientStats()
        self._sleep = sleep
        self._create_multiple_missing = False  # learnt from the org: it lacks CreateMultiple for leads
        self.throttle = SharedThrottle(sleep)
        self._token_lock = asyncio.Lock()
        self._token_generation = 0  # +1 for each token renewed after a 401
        self.dop_hint = DEFAULT_DOP  # requests in flight at once, as the org's latest x-ms-dop-hint advises
        self.in_flight = InFlightLimit(DEFAULT_DOP)  # fewer after a 429, back up gradually (throttle.py)
        self.batch_missing = False  # learnt from the org: $batch is answered 404 or 501 (batch_lookups.py)
        self._http = httpx.AsyncClient(
            verify=ssl_context, trust_env=False, transport=bounded_reads.bounded_transport(
                transport, ssl_context, httpx.Limits(max_connections=16, max_keepalive_connections=8)),
            timeout=httpx.Timeout(timeout, connect=min(10.0, timeout)),
            headers={"Accept": "application/json", "OData-MaxVersion": "4.0", "OData-Version": "4.0",
                     "If-None-Match": "null", "User-Agent": "CampSync/0.1",
                     "Accept-Encoding": "gzip, deflate"},  # the encodings bounded_reads inflates in steps
        )

    async def __aenter__(self) -> "DataverseClient":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()
        if self._owns_tokens:
            self.tokens.close()

    def sibling(self) -> "DataverseClient":
        """A client of the same org and signed-in identity for another event loop (the engine's thread): its own
        connections, the same token provider (closed by this client only) and what this one learnt of the org."""
        other = DataverseClient(self.org_url, self.tokens, retry=self.retry, bulk_timeout=self.bulk_timeout,
                                **self._settings)
        other._owns_tokens = False
        other.dop_hint, other.batch_missing = self.dop_hint, self.batch_missing
        other.in_flight.follow(self.dop_hint)
        other._create_multiple_missing = self._create_multiple_missing
        return other

    # ---- transport -------------------------------------------------------------------------

    def url(self, path: str) -> str:
        return path if path.startswith("https://") or path.startswith("http://") else self.api_base + path

    async def request(self, method: str, path: str, *, params: dict[str, Any] | None = None,
                      json: Any = None, headers: dict[str, str] | None = None, resend_if_unsure: bool = True,
                      timeout: float | None = None, content: bytes | None = None) -> httpx.Response:
        """One logical request: retried on 429 (after Retry-After), 5xx and network errors; 401 refreshes once.

        `resend_if_unsure=False` is for requests that must not run twice (creating records): a failure after
        the request may have reached Dynamics (a dropped connection, a 5xx) is raised at once, so the caller
        can look at what exists before trying again. Refusals that mean "not done" (429, 401, no connection
        made) are still retried. `content`: a body that is not JSON (a $batch, batch.py), with its Content-Type.
        """
        url = self.url(path) + build_query(params)
        extra = dict(headers or {})
        if json is not None:
            extra["Content-Type"] = "application/json; charset=utf-8"
        failures = 0
        throttles = 0
        refreshed = False
        force_refresh = False
        own_hold: float | None = None  # the hold this request set and has already waited out
        while True:
            async with self._token_lock:  # a request waits while another renews the token, then takes the new one
                generation = self._token_generation
                token = await self.tokens.get_token(force_refresh=force_refresh)
            force_refresh = False
            extra["Authorization"] = f"Bearer {token}"
            await self.in_flight.acquire()
            answered_429 = False
            try:
                # Last thing before it leaves (nothing awaited in between): a 429 heard meanwhile holds this one too.
                waited = await self.throttle.wait_turn(already_waited_for=own_hold)
                if waited:
                    self.stats.waited_seconds += waited
                self.stats.requests += 1
                response = await self._http.request(
                    method, url, json=json, content=content, headers=extra,
                    timeout=httpx.USE_CLIENT_DEFAULT if timeout is None else httpx.Timeout(timeout, connect=10.0),
                    extensions={bounded_reads.BOUNDS: bounded_reads.Bounds(
                        self.max_body_bytes, self.max_error_bytes, self.deadline_margin)})
                answered_429 = response.status_code == 429
            except httpx.InvalidURL as exc:
                raise DynamicsError(translate("DynamicsClient", "Not a valid address to ask Dynamics: {problem} "
                                                                "[{method} {url}]").format(
                    problem=clean_text(str(exc), 200), method=method, url=clean_text(url, 120))) from exc
            except httpx.RequestError as exc:  # transport failures, and bodies that do not decode
                failure = _transport_failure(exc, self.org_url)
                if not failure.retryable:
                    raise failure from exc
                if not resend_if_unsure and not isinstance(exc, NEVER_SENT):
                    raise ConnectionFailed(translate("DynamicsClient", "{problem} (the request may have reached "
                                                                       "Dynamics)").format(problem=failure.message),
                                           cause=exc) from exc
                failures += 1
                if failures >= self.retry.max_attempts:
                    raise ConnectionFailed(translate("DynamicsClient", "{problem} (gave up after {attempts} "
                                                                       "attempts)").format(
                        problem=failure.message, attempts=failures), cause=exc) from exc
                await self._wait(self.retry.backoff(failures), f"{exc.__class__.__name__} on {method}",
                                 kind=exc.__class__.__name__)
                continue
            finally:
                await self.in_flight.release(throttled=answered_429)
            status = response.status_code
            self.dop_hint = dop_hint(response.headers) or self.dop_hint
            self.in_flight.follow(self.dop_hint)
            if status < 400:
                return response
            if status == 401 and not refreshed:
                # Tokens can be revoked or expire early (clock skew); one fresh token settles it, for every
                # request in flight: only the first to hear of it asks for one.
                refreshed = True
                if self._token_generation == generation:
                    self._token_generation += 1
                    force_refresh = True
                    self.stats.token_refreshes += 1
                continue
            if status == 429:
                throttles += 1
                self.stats.throttled += 1
                if throttles > self.retry.max_throttle_waits:
                    raise error_from_response(status, response.content, response.headers, method, url)
                wait = parse_retry_after(response.headers.get("retry-after"))
                if wait is None:
                    wait = float(2 ** throttles)
                wait = min(wait, self.retry.max_retry_after)
                own_hold = self.throttle.hold(wait)  # every request in flight waits too, not only this one
                await self._wait(wait, "throttled (429)", kind="429")
                continue
            if status in RETRYABLE_STATUS and resend_if_unsure:
                failures += 1
                if failures < self.retry.max_attempts:
                    await self._wait(self.retry.backoff(failures), f"HTTP {status} on {method}", kind=f"HTTP {status}")
                    continue
            raise error_from_response(status, response.content, response.headers, method, url)

    async def _wait(self, seconds: float, why: str, *, kind: str) -> None:
        self.stats.retries += 1
        self.stats.retries_by_kind[kind] = self.stats.retries_by_kind.get(kind, 0) + 1
        self.stats.waited_seconds += seconds
        log.info("retrying in %.2fs: %s", seconds, why)
        await self._sleep(seconds)

    async def get_json(self, path: str, params: dict[str, Any] | None = None,
                       headers: dict[str, str] | None = None) -> dict:
        response = await self.request("GET", path, params=params, headers=headers)
        return json_object(response)

    async def post_json(self, path: str, body: Any, *, resend_if_unsure: bool = True,
                        timeout: float | None = None) -> httpx.Response:
        return await self.request("POST", path, json=body, resend_if_unsure=resend_if_unsure, timeout=timeout)

    async def iter_pages(self, path: str, params: dict[str, Any] | None = None, *,
                         page_size: int = MAX_PAGE_SIZE, annotations: bool = False) -> AsyncIterator[list[dict]]:
        """Yield each page of a collection, following @odata.nextLink unchanged until it is absent.

        A page must hold a list of rows, and a next link must stay on the org (it is sent the bearer token) and
        must not repeat (a server that sends the same link again would keep us paging forever): anything else is
        a MalformedResponse. A listing that goes on past `max_pages` pages raises ListingTooLong.
        """
        prefer = [f"odata.maxpagesize={page_size}"]
        if annotations:
            prefer.append(FORMATTED_VALUES)
        headers = {"Prefer": ",".join(prefer)}
        what = clean_text(path.split("?", 1)[0], 80)
        followed: set[str] = set()
        data = await self.get_json(path, params, headers)
        while True:
            rows = data.get("value")
            if rows is None:
                rows = []
            if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
                raise MalformedResponse(f"Dynamics sent a page of {what} whose rows are not a list of objects.")
            yield list(rows)
            next_link = data.get("@odata.nextLink")
            if next_link is None or next_link == "":
                return
            data = await self.get_json(self.follow_link(next_link, followed, what), None, headers)

    def follow_link(self, link: Any, followed: set[str], what: str, *, doing: str = "listing") -> str:
        """The URL of the next page of `what`: on this org, never one already followed, and at most `max_pages`
        pages, so a server that keeps sending links cannot keep CampSync paging forever."""
        url = self.next_page_url(link, what)
        doing = f"{doing} {what}"
        if url in followed:
            raise MalformedResponse(f"Dynamics sent the same next-page link twice while {doing}; stopped there "
                                    f"rather than page forever.")
        if len(followed) + 1 >= self.max_pages:
            raise ListingTooLong(f"Dynamics sent more than {self.max_pages:,} pages while {doing}; CampSync stopped "
                                 f"there rather than page forever.")
        followed.add(url)
        return url

    def next_page_url(self, link: Any, what: str) -> str:
        """The absolute URL of a next-page link, refused unless it is text that points at this org."""
        if not isinstance(link, str):
            raise MalformedResponse(f"Dynamics sent a next-page link for {what} that is not text.")
        url = self.url(link) if not link.startswith("/") else self.org_url + link
        if link.startswith("//"):
            url = httpx.URL(self.org_url).scheme + ":" + link
        try:
            target, org = httpx.URL(url), httpx.URL(self.org_url)
        except (httpx.InvalidURL, ValueError, TypeError) as exc:
            raise MalformedResponse(f"Dynamics sent a next-page link for {what} that is not a valid URL.") from exc
        if (target.scheme, target.host, target.port) != (org.scheme, org.host, org.port):
            raise MalformedResponse(f"Dynamics sent a next-page link for {what} to another address "
                                    f"({clean_text(target.scheme + '://' + target.host, 100)}); CampSync only "
                                    f"follows links on {org.host}.")
        return url

    async def get_all(self, path: str, params: dict[str, Any] | None = None, **kw: Any) -> list[dict]:
        rows: list[dict] = []
        async for page in self.iter_pages(path, params, **kw):
            rows.extend(page)
        return rows

    # ---- org -------------------------------------------------------------------------------

    async def whoami(self) -> dict:
        return await self.get_json("WhoAmI")

    async def version(self) -> str:
        return str((await self.get_json("RetrieveVersion")).get("Version") or "")

    async def solution(self, name: str) -> Solution | None:
        """The installed solution whose unique or display name is `name`, or None."""
        rows = await self.get_all("solutions", {
            "$select": "uniquename,friendlyname,version",
            "$filter": f"{eq('uniquename', string_literal(name))} or {eq('friendlyname', string_literal(name))}",
        })
        if not rows:
            return None
        row = rows[0]
        return Solution(row.get("uniquename") or "", row.get("friendlyname") or "", row.get("version") or "")

    # ---- campaigns -------------------------------------------------------------------------

    async def campaigns(self, *, top: int | None = None) -> list[Campaign]:
        """All non-template campaigns, active and inactive, sorted by name."""
        rows = await self.get_all("campaigns", {
            "$select": "campaignid,name,codename,statecode,statuscode,istemplate",
            "$filter": "istemplate eq false", "$orderby": "name asc", "$top": top,
        })
        return [Campaign.from_json(row) for row in rows]

    async def campaign(self, campaign_id: str) -> Campaign:
        row = await self.get_json(f"campaigns({campaign_id})",
                                  {"$select": "campaignid,name,codename,statecode,statuscode,istemplate"})
        return Campaign.from_json(row)

    # ---- people ----------------------------------------------------------------------------

    async def iter_people(self, kind: MemberType, *, odata_filter: str | None = None,
                          page_size: int = MAX_PAGE_SIZE) -> AsyncIterator[list[Person]]:
        async for page in self.iter_pages(ENTITY_SET[kind], {"$select": PERSON_SELECT[kind], "$filter": odata_filter},
                                          page_size=page_size, annotations=kind == "contact"):
            yield [Person.from_json(kind, row) for row in page]

    async def find_people_by_email(self, kind: MemberType | Sequence[MemberType], emails: Iterable[str], *,
                                   chunk: int = 500, max_chars: int = LOOKUP_FILTER_CHARS) -> dict[str, Person]:
        """People by lower-cased email, in one table or several (the first table's match wins): `chunk` emails a GET
        at most (In(), within `max_chars` URL-encoded characters: 10,000 emails make some 30 GETs a table), the GETs
        of every table sent together in $batch requests (batch_lookups.py)."""
        kinds = [kind] if isinstance(kind, str) else list(kind)
        groups = list(url_sized(sorted({e.strip().lower() for e in emails if e}), chunk, max_chars))
        # In() values are JSON strings: Dataverse answers 'o''neil' in an array with 400.
        asked = [(k, {"$select": PERSON_SELECT[k], "$filter": in_filter("emailaddress1", g)}) for k in kinds
                 for g in groups]
        prefer = [f"odata.maxpagesize={MAX_PAGE_SIZE}"] + ([FORMATTED_VALUES] if "contact" in kinds else [])
        pages = await rows_of_each(self, [ENTITY_SET[k] + build_query(q) for k, q in asked],
                                   headers={"Prefer": ",".join(prefer)})
        found: dict[str, Person] = {}
        for (k, _query), rows in zip(asked, pages):
            for person in (Person.from_json(k, row) for row in rows):
                if person.email:
                    found.setdefault(person.email.lower(), person)  # the first found of an email wins
        return found

    async def create_lead(self, *, last_name: str, first_name: str = "", email: str | None = None,
                          company: str | None = None, job_title: str | None = None,
                          country: str | None = None, lead_id: str | None = None) -> str:
        """Create one lead; with `lead_id` (chosen by the caller) a resend of an applied create finds it instead."""
        body = _lead_body(last_name=last_name, first_name=first_name, email=email, company=company,
                          job_title=job_title, country=country, lead_id=lead_id)
        try:
            response = await self.post_json("leads", body, resend_if_unsure=False)  # never create a lead twice
        except DynamicsError as exc:
            # Refused as a duplicate key: an earlier attempt with this id was applied (its answer was lost).
            if (lead_id and isinstance(exc, DuplicateRecord)
                    and lead_id.lower() in await self.existing_lead_ids([lead_id])):
                return lead_id.lower()
            raise
        return created_id(response)

    async def create_leads(self, records: Sequence[dict[str, Any]], *,
                           chunk: int = CREATE_MULTIPLE_CHUNK) -> list[str]:
        """Create many leads, `chunk` per CreateMultiple request; returns the new ids in the order of `records`.

        Each record holds create_lead's keyword arguments. A CreateMultiple request is all or nothing: one
        invalid record fails its request (BadRequest) and none of that chunk is created, while earlier chunks
        stay created. Where the org lacks the message, each record is created on its own (create_lead).

        Records that carry a `lead_id` are created idempotently: sent again after a timeout or a lost answer, a
        chunk whose leads (some or all) exist already is refused as a duplicate key; the ids that exist are then
        looked up and only the others created, so each lead exists once, under the id chosen for it.
        """
        ids: list[str] = []
        for group in chunked(list(records), chunk):
            if not self._create_multiple_missing:
                try:
                    ids.extend(await self._create_multiple(group))
                    continue
                except (BadRequest, NotFound) as exc:
                    if not _action_missing(exc):
                        raise
                    log.info("CreateMultiple unavailable (%s); creating leads one by one", exc.code)
                    self._create_multiple_missing = True
            for record in group:
                ids.append(await self.create_lead(**record))
        return ids

    async def _create_multiple(self, group: list[dict[str, Any]]) -> list[str]:
        return await idempotent_create_multiple(self, group)  # lead_creates: resends find what was applied

    async def _post_create_multiple(self, group: list[dict[str, Any]]) -> list[str]:
        targets = [{"@odata.type": f"{NS}lead", **_lead_body(**record)} for record in group]
        response = await self.post_json(f"leads/{NS}CreateMultiple", {"Targets": targets},
                                        resend_if_unsure=False, timeout=self.bulk_timeout)
        created = json_object(response).get("Ids")
        if (not isinstance(created, list) or len(created) != len(group)
                or not all(isinstance(i, str) for i in created)):
            count = len(created) if isinstance(created, list) else "no list of"
            raise DynamicsError(f"Dynamics created {len(group)} leads (CreateMultiple) but answered "
                                f"with {count} ids.", status=response.status_code)
        return created

    async def existing_lead_ids(self, lead_ids: Iterable[str]) -> set[str]:
        """Which of these lead ids exist in the org (lower-case), `ID_LOOKUP_CHUNK` per request."""
        wanted = sorted({str(lead_id).lower() for lead_id in lead_ids})
        if not all(GUID.fullmatch(lead_id) for lead_id in wanted):
            raise ValueError("lead ids to look up must be GUIDs")
        found: set[str] = set()
        for group in chunked(wanted, ID_LOOKUP_CHUNK):
            flt = " or ".join(eq("leadid", guid_literal(lead_id)) for lead_id in group)
            for row in await self.get_all("leads", {"$select": "leadid", "$filter": flt}):
                found.add(str(row.get("leadid") or "").lower())
        return found

    # ---- marketing lists -------------------------------------------------------------------

    async def find_list(self, name: str) -> MarketingList | None:
        rows = await self.get_all("lists", {"$select": LIST_SELECT, "$filter": eq("listname", string_literal(name))})
        return MarketingList.from_json(rows[0]) if rows else None

    async def get_list(self, list_id: str) -> MarketingList:
        return MarketingList.from_json(await self.get_json(f"lists({list_id})", {"$select": LIST_SELECT}))

    async def create_list(self, name: str, member_type: MemberType, description: str = "", *,
                          list_id: str | None = None) -> str:
        """A static list; `list_id`: the caller's id for it (a second create with it is refused, not duplicated)."""
        body = {"listname": name, "createdfromcode": CREATEDFROMCODE[member_type], "type": False,
                "description": description or "Created by CampSync: members added by its flow actions."}
        if list_id:
            body["listid"] = list_id
        # A lost answer must not make a second list: the caller looks it up first.
        return created_id(await self.post_json("lists", body, resend_if_unsure=False))

    async def create_list_row(self, name: str, member_type: MemberType, *, list_id: str) -> MarketingList:
        """`create_list`, answered with the new list itself (Prefer: return=representation), which saves the
        GET that would read it back: one round trip where there were two."""
        body = {"listname": name, "createdfromcode": CREATEDFROMCODE[member_type], "type": False, "listid": list_id,
                "description": "Created by CampSync: members added by its flow actions."}
        response = await self.request("POST", "lists", params={"$select": LIST_SELECT}, json=body,
                                      headers={"Prefer": "return=representation"}, resend_if_unsure=False)
        if response.status_code == 201 and response.content:
            return MarketingList.from_json(json_object(response))
        return await self.get_list(created_id(response))  # an org that ignored the preference (204)

    async def campaign_lists(self, campaign_id: str) -> list[MarketingList]:
        rows = await self.get_all(f"campaigns({campaign_id})/campaignlist_association", {"$select": LIST_SELECT})
        return [MarketingList.from_json(row) for row in rows]

    async def link_list(self, campaign_id: str, list_id: str) -> None:
        """Associate the list with the campaign; a list already linked counts as linked. A real org answers a
        second identical link 412 DuplicateRecord, which is what a resend after a lost answer gets."""
        try:
            await self.post_json(f"campaigns({campaign_id})/campaignlist_association/$ref",
                                 {"@odata.id": f"{self.api_base}lists({list_id})"})
        except DuplicateRecord:
            log.info("list %s was already linked to campaign %s", list_id, campaign_id)

    async def unlink_list(self, campaign_id: str, list_id: str) -> None:
        await self.request("DELETE", f"campaigns({campaign_id})/campaignlist_association({list_id})/$ref")

    # ---- members ---------------------------------------------------------------------------

    async def add_member(self, list_id: str, entity_id: str) -> str:
        """Add one lead or contact to a static list; returns the listmember id."""
        response = await self.post_json(f"lists({list_id})/{NS}AddMemberList", {"EntityId": entity_id})
        return str(json_object(response).get("Id") or "")

    async def add_members(self, list_id: str, member_type: MemberType, entity_ids: Sequence[str], *,
                          chunk: int = 500, on_chunk: Callable[[list[str]], Awaitable[None] | None] | None = None
                          ) -> int:
        """Add many members with AddListMembersList, `chunk` per request; returns the number of requests."""
        calls = 0
        id_field = ID_FIELD[member_type]
        for group in chunked(list(entity_ids), chunk):
            await self.post_json("AddListMembersList", {
                "List": {"@odata.type": f"{NS}list", "listid": list_id},
                "Members": [{"@odata.type": f"{NS}{member_type}", id_field: eid} for eid in group],
            })
            calls += 1
            if on_chunk is not None:
                result = on_chunk(group)
                if asyncio.iscoroutine(result):
                    await result
        return calls

    async def remove_member(self, list_id: str, entity_id: str) -> None:
        """RemoveMemberList; where an org lacks that action, delete the listmember rows instead."""
        try:
            await self.post_json(f"lists({list_id})/{NS}RemoveMemberList", {"EntityId": entity_id})
        except (BadRequest, NotFound) as exc:
            if not _action_missing(exc):
                raise
            log.info("RemoveMemberList unavailable (%s); deleting the listmember row", exc.code)
            member_ids = await self.listmember_ids(list_id, entity_id)
            if not member_ids:
                # No row: the person is off the list, or the list itself is gone. Reading the list tells which (its
                # 404 names the list), so a deleted list is not reported as a removal that fired a trigger.
                await self.get_list(list_id)
            for member_id in member_ids:
                try:
                    await self.request("DELETE", f"listmembers({member_id})")
                except NotFound as gone:
                    if not gone.is_about(member_id):
                        raise
                    # Removed meanwhile (a resend, another writer): the member is off the list, as asked.

    async def listmember_ids(self, list_id: str, entity_id: str) -> list[str]:
        flt = f"{eq('_listid_value', guid_literal(list_id))} and {eq('_entityid_value', guid_literal(entity_id))}"
        rows = await self.get_all("listmembers", {"$select": "listmemberid", "$filter": flt})
        return [_required_id(_object(row, "a list member"), "listmemberid", "a list member") for row in rows]

    async def iter_list_members(self, list_id: str, *, page_size: int = MAX_PAGE_SIZE) -> AsyncIterator[list[str]]:
        """Entity ids (lead or contact) of a list's members, page by page."""
        async for page in self.iter_pages("listmembers", {"$select": "_entityid_value",
                                                          "$filter": eq("_listid_value", guid_literal(list_id))},
                                          page_size=page_size):
            yield [_required_id(_object(row, "a list member"), "_entityid_value", "a list member") for row in page]

    async def list_member_ids(self, list_id: str) -> set[str]:
        members: set[str] = set()
        async for page in self.iter_list_members(list_id):
            members.update(page)
        return members


def _lead_body(*, last_name: str, first_name: str = "", email: str | None = None, company: str | None = None,
               job_title: str | None = None, country: str | None = None, lead_id: str | None = None) -> dict[str, Any]:
    # `leadid`: Dataverse accepts a caller-chosen primary key on create, so a resend cannot make a second lead.
    body = {"leadid": lead_id.lower() if lead_id else None,
            "lastname": last_name or "(unknown)", "firstname": first_name or None, "emailaddress1": email,
            "companyname": company, "jobtitle": job_title, "address1_country": country,
            "subject": f"CampSync: {email or last_name}"}
    return {k: v for k, v in body.items() if v is not None}


def chunked(items: Sequence[Any] | list[Any], size: int) -> Iterable[list[Any]]:
    size = max(1, int(size))
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


RESOURCE_NOT_FOUND_FOR_SEGMENT = "0x8006088a"  # "Resource not found for the segment '<action>'"


def _action_missing(exc: DynamicsError) -> bool:
    """The org has no such action. By its code first: an org set to another language words the message in it."""
    if (exc.code or "").lower() == RESOURCE_NOT_FOUND_FOR_SEGMENT:
        return True
    text = (exc.message or "").lower()
    return "unresolved" in text or "resource not found for the segment" in text or "not supported" in text


def _transport_failure(exc: httpx.RequestError, org_url: str) -> ConnectionFailed:
    if isinstance(exc, httpx.ConnectError):
        return network_error(exc, org_url)
    if isinstance(exc, httpx.TimeoutException):
        return ConnectionFailed(translate("DynamicsClient", "Dynamics did not answer in time ({problem}).").format(
            problem=exc.__class__.__name__), cause=exc)
    if isinstance(exc, httpx.DecodingError):
        # A body that does not match its Content-Encoding (gzip cut short, a proxy's mix-up): worth another try.
        return ConnectionFailed(translate("DynamicsClient", "Dynamics sent a response that could not be decoded (its "
                                                            "Content-Encoding is broken or cut short)."), cause=exc)
    return ConnectionFailed(translate("DynamicsClient", "The connection to Dynamics dropped ({problem}).").format(
        problem=exc.__class__.__name__), cause=exc)


__all__ = ["DataverseClient", "RetryPolicy", "ClientStats", "odata_quote", "chunked", "Throttled", "Unauthorized",
           "ServerUnavailable", "NotFound"]
