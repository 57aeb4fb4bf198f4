"""Reads that share a round trip: the GETs of a lookup sent together in a $batch, each followed to its last page.

Email lookups are the case: 10,000 emails make some 30 GETs (an In() filter of a few hundred emails each, within
the URL length proxies accept), which one $batch carries in one request instead of 30. Pages are followed by
sending every part's @odata.nextLink in the next batch. An org, or a proxy in front of it, that answers $batch
with 404 or 501 gets plain GETs instead, and the client remembers it (`client.batch_missing`) for its lifetime.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from .batch import BatchClient, batch_get
from .errors import ListingTooLong, MalformedResponse, ServiceError, clean_text

log = logging.getLogger(__name__)


class LookupClient(BatchClient, Protocol):
    """What the lookups need of DataverseClient beyond a batch (it imports this module, so not it)."""

    batch_missing: bool
    max_pages: int

    def next_page_url(self, link: Any, what: str) -> str: ...

    async def get_all(self, path: str, params: dict[str, Any] | None = None, **kw: Any) -> list[dict]: ...


BATCH_MISSING_STATUS = (404, 501)  # "no such resource" / "not implemented": the org will not take a $batch


async def rows_of_each(client: LookupClient, paths: Sequence[str], *,
                       headers: Mapping[str, str] | None = None) -> list[list[dict]]:
    """Every row of each GET, all its pages, in the order of `paths`: in $batch requests where the org takes them
    (each round sends the next links of the GETs that have one), as plain GETs where it does not."""
    if not paths:
        return []
    if not client.batch_missing:
        try:
            return await _batched(client, paths, headers or {})
        except ServiceError as exc:  # NotFound (404), ServerUnavailable (501)
            if exc.status not in BATCH_MISSING_STATUS or exc.path != "$batch":
                raise
            log.info("the org answered $batch with HTTP %s; sending the GETs one by one from now on", exc.status)
            client.batch_missing = True
    annotations = "odata.include-annotations" in dict(headers or {}).get("Prefer", "")
    return [await client.get_all(path, annotations=annotations) for path in paths]


async def _batched(client: LookupClient, paths: Sequence[str], headers: Mapping[str, str]) -> list[list[dict]]:
    rows: list[list[dict]] = [[] for _ in paths]
    pending = list(enumerate(paths))  # (index in `paths`, the URL of its next page)
    followed: set[str] = set()
    for _round in range(client.max_pages):
        answers = await batch_get(client, [url for _, url in pending], headers=headers)
        next_round: list[tuple[int, str]] = []
        for (index, url), answer in zip(pending, answers):
            what = clean_text(paths[index].split("?", 1)[0], 80)
            page = (answer.body or {}).get("value")
            if not isinstance(page, list) or not all(isinstance(row, dict) for row in page):
                raise MalformedResponse(f"Dynamics sent a page of {what} whose rows are not a list of objects.")
            rows[index].extend(page)
            link = (answer.body or {}).get("@odata.nextLink")
            if link is None or link == "":
                continue
            next_url = client.next_page_url(link, what)  # refused unless it stays on the org
            if next_url in followed:
                raise MalformedResponse(f"Dynamics sent the same next-page link twice while listing {what}; "
                                        f"stopped there rather than page forever.")
            followed.add(next_url)
            next_round.append((index, next_url))
        if not next_round:
            return rows
        pending = next_round
    raise ListingTooLong(f"Dynamics sent more than {client.max_pages:,} pages in one lookup; CampSync stopped there "
                         f"rather than page forever.")
