"""Reading Dataverse's answers within bounds: bytes per answer, seconds per request, pages per listing.

httpx's timeout applies between two chunks of an answer, so a server (or something between it and us) that keeps
sending, however slowly, is never cut off by it, and reading an answer whole keeps every byte of it in memory. The
client's transport is wrapped (BoundedTransport) so that every answer is read as a stream: a success body up to
`MAX_BODY_BYTES`, an error body up to `MAX_ERROR_BYTES` (the error is then built from what was read), and the whole
request (connecting, waiting, reading) within the request's own timeout plus `DEADLINE_MARGIN`. `MAX_PAGES` bounds
the pages of one listing (DataverseClient.iter_pages).
"""

from __future__ import annotations

import asyncio
import ssl
import zlib
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from ..language import translate
from .errors import AnswerTooLarge, AnswerTooSlow, clean_text

# A page of 5,000 people is some 2-5 MB of JSON, and an org's $metadata (the largest answer CampSync asks for) starts
# near 4 MB and grows with customisation: 64 MB leaves room for both, and stops a runaway answer well before it
# takes the machine's memory.
MAX_BODY_BYTES = 64 * 1024 * 1024
# An error envelope is a code and a sentence or two; 64 KB keeps all of it (and of an HTML error page's start).
MAX_ERROR_BYTES = 64 * 1024
# Seconds a request may take in all beyond its own read timeout (30 s; 180 s for a bulk create): 150 s for an
# ordinary request, 300 s for a CreateMultiple, which Microsoft expects to take up to 2 minutes.
DEADLINE_MARGIN = 120.0
# Pages followed in one listing: at 5,000 a page, 5 million rows (a million people is 200 pages).
MAX_PAGES = 1000
# Bytes one step of decompression may produce: a gzip body inflates up to a thousandfold, so a 64 KB chunk off the
# wire could otherwise become 64 MB at once. The cap is checked between steps.
INFLATE_STEP = 256 * 1024


def deadline_for(timeout: float, margin: float = DEADLINE_MARGIN) -> float:
    """Seconds one request may take in all: always longer than its own timeout, so a slow but steady answer that
    the timeout allows is not cut off; only one that goes on for minutes more is."""
    return timeout + max(0.0, margin)


def size_text(size: int) -> str:
    """64 MB, 64 KB, 512 bytes: a byte count a person reads at a glance."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:,.{0 if size % scale == 0 else 1}f} {unit}"
    return f"{size:,} bytes"


@dataclass(frozen=True)
class Bounds:
    """What one request may cost; DataverseClient.request sends its own (its attributes) with each request."""

    max_bytes: int = MAX_BODY_BYTES
    max_error_bytes: int = MAX_ERROR_BYTES
    deadline_margin: float = DEADLINE_MARGIN


BOUNDS = "campsync_bounds"  # the request extension that carries a request's Bounds to BoundedTransport


def bounded_transport(transport: httpx.AsyncBaseTransport | None, ssl_context: ssl.SSLContext,
                      limits: httpx.Limits) -> BoundedTransport:
    """`transport` (by default httpx's own, made as httpx.AsyncClient would make it) with its answers bounded."""
    return BoundedTransport(transport or httpx.AsyncHTTPTransport(verify=ssl_context, trust_env=False, limits=limits))


class BoundedTransport(httpx.AsyncBaseTransport):
    """Wraps the transport of the client's httpx.AsyncClient, so that every request it sends is bounded.

    A success body over `max_bytes` raises AnswerTooLarge; an answer still coming `deadline_margin` seconds after
    the request's own read timeout raises AnswerTooSlow. An error body is cut at `max_error_bytes`, and an error
    whose body is still coming at the deadline keeps what came: its status says what happened, and the error is
    built from the start of its body. A gzip or deflate body is inflated here, in steps, and counted decoded: a
    small compressed body cannot blow up past the cap. httpx's own failures (a dropped connection, a read
    timeout, a body that does not decode) are raised as they are, for the client to retry.

    Neither AnswerTooLarge nor AnswerTooSlow is an httpx error, so DataverseClient.request never resends them
    itself: an oversized or endless answer comes again the same way (errors.AnswerTooLarge says why it is never
    retried), and a try that reached its deadline has already taken minutes (AnswerTooSlow is left to the callers
    that retry in a later run, as after a timeout).
    """

    def __init__(self, inner: httpx.AsyncBaseTransport):
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        bounds = request.extensions.get(BOUNDS) or Bounds()
        read_timeout = (request.extensions.get("timeout") or {}).get("read")
        deadline = None if read_timeout is None else deadline_for(read_timeout, bounds.deadline_margin)
        at = None if deadline is None else asyncio.get_running_loop().time() + deadline
        call = f"{request.method} {_short(request.url)}"
        try:
            async with asyncio.timeout_at(at) as scope:
                response = await self.inner.handle_async_request(request)
        except TimeoutError:
            if not scope.expired():
                raise
            raise _too_slow(call, deadline) from None
        error = response.status_code >= 400
        limit = bounds.max_error_bytes if error else bounds.max_bytes
        declared = response.headers.get("content-length", "")
        if not error and declared.isdigit() and int(declared) > limit:
            await response.aclose()
            raise AnswerTooLarge(translate("BoundedReads", "Dynamics announced {size} in answer to {call}, more than "
                                                           "the {limit} CampSync reads for one answer; it did not "
                                                           "read it.").format(size=size_text(int(declared)),
                                                                              call=call, limit=size_text(limit)),
                                 status=response.status_code)
        encoding = response.headers.get("content-encoding", "").strip().lower()
        inflate = encoding if encoding in ("gzip", "deflate") else None  # others: httpx decodes them, as before
        headers = response.headers
        if inflate:  # decoded here: the headers that described the encoding on the wire would decode it again
            headers = httpx.Headers([(name, value) for name, value in response.headers.raw
                                     if name.lower() not in (b"content-encoding", b"content-length")])
        stream = _BoundedStream(response.stream, request, limit=limit, error=error, at=at, call=call,
                                deadline=deadline, inflate=inflate)
        return httpx.Response(response.status_code, headers=headers, stream=stream, request=request,
                              extensions=response.extensions)

    async def aclose(self) -> None:
        await self.inner.aclose()


class _BoundedStream(httpx.AsyncByteStream):
    """A body read within its request's bounds (see BoundedTransport)."""

    def __init__(self, inner: Any, request: httpx.Request, *, limit: int, error: bool, at: float | None,
                 call: str, deadline: float | None, inflate: str | None):
        self.inner, self.request, self.limit, self.error, self.at = inner, request, limit, error, at
        self.call, self.deadline, self.inflate = call, deadline, inflate

    async def __aiter__(self) -> AsyncIterator[bytes]:
        inflater = _Inflater(self.inflate, self.request) if self.inflate else None
        chunks = aiter(self.inner)
        size = 0
        while True:
            raw: bytes | None
            try:
                async with asyncio.timeout_at(self.at) as scope:
                    raw = await anext(chunks)
            except StopAsyncIteration:
                raw = None
            except TimeoutError:
                if not scope.expired():
                    raise
                if self.error:
                    return  # the status says what went wrong: the error is built from what came
                raise _too_slow(self.call, self.deadline) from None
            pieces: Iterable[bytes] = (inflater.feed(raw or b"", last=raw is None) if inflater is not None
                                       else (raw,) if raw else ())
            for piece in pieces:
                size += len(piece)
                if size > self.limit:
                    if self.error:  # enough to say what went wrong: keep the start, drop the rest
                        yield piece[:len(piece) - (size - self.limit)]
                        return
                    raise AnswerTooLarge(translate("BoundedReads", "Dynamics sent more than {limit} in answer to "
                                                                   "{call}; CampSync stopped reading there.").format(
                        limit=size_text(self.limit), call=self.call))
                yield piece
            if raw is None:
                return

    async def aclose(self) -> None:
        await self.inner.aclose()  # a body left unread closes its connection rather than go back to the pool


def _too_slow(call: str, deadline: float | None) -> AnswerTooSlow:
    return AnswerTooSlow(translate("BoundedReads", "Dynamics was still answering {call} after {seconds} s, the most "
                                                   "CampSync waits for one request; it stopped waiting.").format(
        call=call, seconds=f"{deadline:g}"), deadline=deadline)


class _Inflater:
    """gzip or deflate as httpx's decoders read them (deflate with or without its zlib header), step by step."""

    def __init__(self, encoding: str, request: httpx.Request):
        self.request = request
        self.may_try_raw = encoding == "deflate"  # deflate: a zlib stream first, else raw deflate
        self.zlib = zlib.decompressobj(zlib.MAX_WBITS | 16 if encoding == "gzip" else zlib.MAX_WBITS)
        self.started = False

    def feed(self, data: bytes, *, last: bool = False) -> Iterator[bytes]:
        try:
            while data:
                try:
                    out = self.zlib.decompress(data, INFLATE_STEP)
                except zlib.error:
                    if self.started or not self.may_try_raw:
                        raise
                    self.may_try_raw = False
                    self.zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                self.started = True
                data = self.zlib.unconsumed_tail
                if out:
                    yield out
            if last:
                tail = self.zlib.flush()  # after the steps above, at most a few hundred bytes are left
                if tail:
                    yield tail
        except zlib.error as exc:  # as httpx reports it: a body that does not match its Content-Encoding
            raise httpx.DecodingError(str(exc), request=self.request) from exc


def _short(url: httpx.URL) -> str:
    """The path after the API root (`leads`, `WhoAmI`), as error messages name a request."""
    path = url.path
    marker = "/api/data/"
    if marker in path:
        path = path.split(marker, 1)[1].split("/", 1)[-1]
    return clean_text(path, 120)
