"""Answers without bounds (issue 13, finding 2): what a server that never stops answering costs CampSync.

A tiny HTTP server in the test streams what a broken org, proxy or attacker could: a 200 body that never ends, an
error body that never ends, a body that trickles in just fast enough for the timeout between chunks never to fire,
a gzip body that inflates a thousandfold, a listing whose next-page links never end. The real client
(DataverseClient over httpx, streaming from a socket) must stop each with a plain-language DynamicsError while
its memory stays bounded, and keep answering normal requests as before.

The caps are set small on the client (its attributes) so each case takes seconds. Every "endless" answer has a
safety limit of its own (tens of MB, thousands of pages) far above what the client may read, so that a client
without bounds fails these tests instead of hanging or taking the machine's memory.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import ssl
import subprocess
import sys
import time
import tracemalloc
import uuid
import zlib
from collections.abc import Awaitable, Callable

import pytest

from campsync_gui.dynamics.client import DataverseClient, RetryPolicy
from campsync_gui.dynamics.errors import BadRequest, DynamicsError, ServerUnavailable

MB = 1024 * 1024
CAP = 1 * MB               # the client's cap on a success body in these tests
ERROR_CAP = 4 * 1024       # ... and on an error body
SAFETY = 64 * MB           # an "endless" answer stops here, so that a client without caps fails rather than hangs
CHUNK = 64 * 1024
# Bytes the server may get written before the client's close is seen: the cap plus what the loopback's socket
# buffers hold (a few MB). Far below SAFETY.
SENT_BOUND = 24 * MB
API = "/api/data/v9.2/"


class FakeTokens:
    async def get_token(self, *, force_refresh: bool = False) -> str:
        return "test-token"

    def close(self) -> None:
        pass


Handler = Callable[[str, str, asyncio.StreamWriter, "Server"], Awaitable[bool]]


class Server:
    """An HTTP/1.1 server on 127.0.0.1 whose answers a test scripts; counts requests and bytes it wrote."""

    def __init__(self, handler: Handler):
        self.handler = handler
        self.requests: list[str] = []
        self.sent = 0
        self.url = ""
        self._server: asyncio.base_events.Server | None = None
        self._connections: set[tuple[asyncio.Task, asyncio.StreamWriter]] = set()

    async def __aenter__(self) -> "Server":
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        tasks = [task for task, _ in self._connections]
        for _, writer in list(self._connections):  # an answer still being written ends with the test
            writer.close()
        if tasks:
            _, left = await asyncio.wait(tasks, timeout=5)
            for task in left:
                task.cancel()
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._connections.add((task, writer))
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                length = next((int(line.split(":", 1)[1]) for line in lines[1:]
                               if line.lower().startswith("content-length:")), 0)
                if length:
                    await reader.readexactly(length)
                self.requests.append(f"{method} {target}")
                if not await self.handler(method, target, writer, self):
                    break  # the answer ended the connection
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()
            self._connections.discard((task, writer))

    async def write(self, writer: asyncio.StreamWriter, data: bytes) -> None:
        writer.write(data)
        await writer.drain()  # raises once the client has closed: the end of an endless answer
        self.sent += len(data)


def head(status: int, headers: dict[str, str]) -> bytes:
    reason = {200: "OK", 400: "Bad Request", 503: "Service Unavailable"}.get(status, "Status")
    lines = [f"HTTP/1.1 {status} {reason}", *(f"{k}: {v}" for k, v in headers.items()), "", ""]
    return "\r\n".join(lines).encode()


def chunk(data: bytes) -> bytes:
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


async def answer_json(writer, server, body: object, status: int = 200) -> bool:
    data = json.dumps(body).encode()
    await server.write(writer, head(status, {"Content-Type": "application/json", "Content-Length": str(len(data))})
                       + data)
    return True


async def endless(writer, server, status: int, start: bytes, *, limit: int = SAFETY) -> bool:
    """A chunked body that goes on until the client hangs up (or, for a client without caps, `limit` bytes)."""
    await server.write(writer, head(status, {"Content-Type": "application/json", "Transfer-Encoding": "chunked"}))
    await server.write(writer, chunk(start))
    piece = chunk(b" " * CHUNK)
    while server.sent < limit:
        await server.write(writer, piece)
    await server.write(writer, b"0\r\n\r\n")
    return False


def make_client(server: Server, **kw) -> DataverseClient:
    no_sleep_calls: list[float] = []

    async def no_sleep(seconds: float) -> None:
        no_sleep_calls.append(seconds)

    client = DataverseClient(server.url, FakeTokens(), ssl_context=ssl.create_default_context(), sleep=no_sleep,
                             retry=RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.02),
                             timeout=kw.pop("timeout", 5.0), **kw)
    client.max_body_bytes, client.max_error_bytes = CAP, ERROR_CAP
    return client


async def failure_of(call: Awaitable, seconds: float = 30.0) -> DynamicsError:
    """The DynamicsError `call` ends with; a client that goes on reading fails the test at `seconds`."""
    with pytest.raises(DynamicsError) as caught:
        await asyncio.wait_for(call, seconds)
    return caught.value


def assert_readable(exc: DynamicsError) -> None:
    text = str(exc)
    assert text and len(text) < 400 and "Traceback" not in text and "\n" not in text


async def peak_memory_of(call: Awaitable) -> tuple[DynamicsError, int]:
    tracemalloc.start()
    try:
        exc = await failure_of(call)
        return exc, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# ---- bytes per answer ---------------------------------------------------------------------------------------


async def test_an_endless_200_body_is_cut_at_the_cap_with_a_plain_error_and_bounded_memory():
    async def handler(method, target, writer, server):
        return await endless(writer, server, 200, b'{"value":[')

    async with Server(handler) as server:
        client = make_client(server)
        try:
            exc, peak = await peak_memory_of(client.get_json("leads"))
        finally:
            await client.aclose()
    assert type(exc).__name__ == "AnswerTooLarge"
    assert "more than 1 MB" in str(exc) and "stopped reading" in str(exc) and "GET leads" in str(exc)
    assert_readable(exc)
    assert exc.retryable is False            # the same request would get the same endless answer
    assert len(server.requests) == 1         # so it is not sent again
    assert server.sent < SENT_BOUND          # the client hung up soon after its cap
    assert peak < 12 * MB                    # and held about the cap, not what the server sent


async def test_a_body_announced_bigger_than_the_cap_is_not_read_at_all():
    async def handler(method, target, writer, server):
        await server.write(writer, head(200, {"Content-Type": "application/json",
                                              "Content-Length": str(10 * 1024 * MB)}))
        piece = b" " * CHUNK
        while server.sent < SAFETY:
            await server.write(writer, piece)
        return False

    async with Server(handler) as server:
        client = make_client(server)
        try:
            exc = await failure_of(client.get_json("leads"))
        finally:
            await client.aclose()
    assert type(exc).__name__ == "AnswerTooLarge"
    assert "10,240 MB" in str(exc) and "did not read" in str(exc)
    assert len(server.requests) == 1 and server.sent < SENT_BOUND


async def test_a_gzip_body_that_inflates_past_the_cap_is_cut_on_its_decoded_size():
    bomb = gzip.compress(b'{"value":[' + b" " * (64 * MB), compresslevel=9)  # ~64 KB on the wire, 64 MB read
    assert len(bomb) < CAP

    async def handler(method, target, writer, server):
        await server.write(writer, head(200, {"Content-Type": "application/json", "Content-Encoding": "gzip",
                                              "Content-Length": str(len(bomb))}) + bomb)
        return True

    async with Server(handler) as server:
        client = make_client(server)
        try:
            exc, peak = await peak_memory_of(client.get_json("leads"))
        finally:
            await client.aclose()
    assert type(exc).__name__ == "AnswerTooLarge" and "more than 1 MB" in str(exc)
    assert len(server.requests) == 1
    assert peak < 12 * MB


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
async def test_a_compressed_answer_of_normal_size_reads_as_before(encoding):
    rows = [{"leadid": str(uuid.uuid4()), "lastname": "Lovelace" * 20} for _ in range(2000)]  # ~1.5 MB, over CAP
    data = json.dumps({"value": rows}).encode()
    wire = gzip.compress(data) if encoding == "gzip" else zlib.compress(data)

    async def handler(method, target, writer, server):
        await server.write(writer, head(200, {"Content-Type": "application/json", "Content-Encoding": encoding,
                                              "Content-Length": str(len(wire))}) + wire)
        return True

    async with Server(handler) as server:
        client = make_client(server)
        client.max_body_bytes = 4 * MB
        try:
            got = await asyncio.wait_for(client.get_all("leads"), 20)
            assert server.requests[0].startswith("GET /api/data/v9.2/leads")
        finally:
            await client.aclose()
    assert got == rows


async def test_a_body_that_is_not_what_its_encoding_says_is_retried_then_reported():
    async def handler(method, target, writer, server):
        wire = b"not gzip at all" * 1000
        await server.write(writer, head(200, {"Content-Type": "application/json", "Content-Encoding": "gzip",
                                              "Content-Length": str(len(wire))}) + wire)
        return True

    async with Server(handler) as server:
        client = make_client(server)
        try:
            exc = await failure_of(client.get_json("WhoAmI"))
        finally:
            await client.aclose()
    assert type(exc).__name__ == "ConnectionFailed" and "could not be decoded" in str(exc)
    assert len(server.requests) == 3  # retried like a dropped connection, as before


@pytest.mark.parametrize("status, kind, attempts", [(400, BadRequest, 1), (503, ServerUnavailable, 3)])
async def test_an_endless_error_body_is_cut_and_the_error_built_from_its_start(status, kind, attempts):
    start = b'{"error":{"code":"0x80040203","message":"The lead is invalid'

    async def handler(method, target, writer, server):
        return await endless(writer, server, status, start)

    async with Server(handler) as server:
        client = make_client(server)
        try:
            exc, peak = await peak_memory_of(client.get_json("leads"))
        finally:
            await client.aclose()
    assert isinstance(exc, kind) and exc.status == status  # the same error as before, from the first 4 KB
    assert f"HTTP {status}" in str(exc) and "The lead is invalid" in str(exc) and "[GET leads]" in str(exc)
    assert_readable(exc)
    assert len(server.requests) == attempts  # a 503 is retried as before; each try reads at most the cap
    assert server.sent < attempts * SENT_BOUND / 2
    assert peak < 12 * MB


# ---- seconds per request ------------------------------------------------------------------------------------


def trickle_handler(body: bytes, every: float, *, status: int = 200, forever: bool = False,
                    limit_seconds: float = 60.0):
    """Headers at once, then the body a few bytes at a time, `every` seconds apart: always inside the timeout
    between chunks. `forever`: after the body, blanks (valid JSON whitespace) go on coming."""

    async def handler(method, target, writer, server):
        await server.write(writer, head(status, {"Content-Type": "application/json",
                                                 "Transfer-Encoding": "chunked"}))
        began = time.monotonic()
        for at in range(0, len(body), 4):
            await server.write(writer, chunk(body[at:at + 4]))
            await asyncio.sleep(every)
        while forever and time.monotonic() - began < limit_seconds:
            await server.write(writer, chunk(b" "))
            await asyncio.sleep(every)
        await server.write(writer, b"0\r\n\r\n")
        return True

    return handler


async def test_a_body_that_trickles_forever_is_stopped_at_the_request_deadline():
    handler = trickle_handler(b'{"UserId":"x"', 0.05, forever=True)
    async with Server(handler) as server:
        client = make_client(server, timeout=1.0)  # httpx's timeout between chunks: never reached by the trickle
        client.deadline_margin = 1.0               # so the deadline is 2 s
        began = time.monotonic()
        try:
            exc = await failure_of(client.get_json("WhoAmI"), 20)
        finally:
            await client.aclose()
    took = time.monotonic() - began
    assert type(exc).__name__ == "AnswerTooSlow"
    assert "still answering GET WhoAmI after 2 s" in str(exc) and "stopped waiting" in str(exc)
    assert_readable(exc)
    assert 1.9 < took < 8.0
    assert len(server.requests) == 1  # not resent by the client: one try already took the deadline
    assert exc.retryable and exc.waited_out  # for the next run: like a timeout, the org may only have been slow


async def test_an_error_whose_body_trickles_is_reported_from_what_came_by_the_deadline():
    handler = trickle_handler(b'{"error":{"code":"0x80040216","message":"Busy', 0.05, status=503, forever=True)
    async with Server(handler) as server:
        client = make_client(server, timeout=1.0)
        client.deadline_margin = 0.5  # 1.5 s a try
        began = time.monotonic()
        try:
            exc = await failure_of(client.get_json("WhoAmI"), 30)
        finally:
            await client.aclose()
    assert isinstance(exc, ServerUnavailable) and '"message":"Busy' in str(exc)
    assert len(server.requests) == 3 and time.monotonic() - began < 15  # each try cut at its deadline, as before


async def test_a_slow_steady_answer_within_the_deadline_still_arrives():
    # Keeps what works: 2 s in all, longer than the 1 s timeout, but each chunk comes well within it.
    body = json.dumps({"UserId": "6f1d2c3b-0a4e-4b5c-8d7e-112233445566", "pad": "x" * 40}).encode()
    async with Server(trickle_handler(body, 0.08)) as server:
        client = make_client(server, timeout=1.0)
        client.deadline_margin = 4.0
        try:
            data = await asyncio.wait_for(client.get_json("WhoAmI"), 20)
        finally:
            await client.aclose()
    assert data["UserId"] == "6f1d2c3b-0a4e-4b5c-8d7e-112233445566"


async def test_a_bulk_request_gets_its_own_longer_deadline():
    # The same 3 s answer: refused for an ordinary request (1 s timeout, 1.5 s deadline), taken for a bulk one
    # (4 s timeout, 4.5 s deadline), as a CreateMultiple may take minutes on a real org.
    body = json.dumps({"Ids": [str(uuid.uuid4()) for _ in range(3)]}).encode()
    every = 3.0 / (len(body) / 4)
    async with Server(trickle_handler(body, every)) as server:
        client = make_client(server, timeout=1.0, bulk_timeout=4.0)
        client.deadline_margin = 0.5
        try:
            exc = await failure_of(client.request("POST", "leads/Microsoft.Dynamics.CRM.CreateMultiple",
                                                  json={"Targets": []}), 20)
            assert type(exc).__name__ == "AnswerTooSlow"
            response = await asyncio.wait_for(client.request(
                "POST", "leads/Microsoft.Dynamics.CRM.CreateMultiple", json={"Targets": []},
                timeout=client.bulk_timeout), 20)
        finally:
            await client.aclose()
    assert len(response.json()["Ids"]) == 3


# ---- pages per listing ----------------------------------------------------------------------------------------


def pages_handler(*, last_page: int):
    """Page N of list members holds one member and links to page N+1, up to `last_page`."""

    async def handler(method, target, writer, server):
        number = int(target.rsplit("page=", 1)[1]) if "page=" in target else 1
        page: dict[str, object] = {"value": [{"_entityid_value": str(uuid.uuid4())}]}
        if number < last_page:
            page["@odata.nextLink"] = f"{server.url}{API}listmembers?page={number + 1}"
        return await answer_json(writer, server, page)

    return handler


LIST_ID = "6f1d2c3b-0a4e-4b5c-8d7e-112233445566"


async def test_a_listing_with_endless_distinct_next_links_stops_at_the_page_cap():
    async with Server(pages_handler(last_page=3000)) as server:  # "endless": 3,000 pages, 100 times the cap
        client = make_client(server)
        client.max_pages = 30
        try:
            exc = await failure_of(client.list_member_ids(LIST_ID), 60)
        finally:
            await client.aclose()
    assert type(exc).__name__ == "ListingTooLong"
    assert "more than 30 pages while listing listmembers" in str(exc) and "stopped there" in str(exc)
    assert_readable(exc)
    assert exc.retryable is False
    assert len(server.requests) == 30


async def test_a_listing_of_exactly_the_page_cap_is_read_whole():
    async with Server(pages_handler(last_page=30)) as server:
        client = make_client(server)
        client.max_pages = 30
        try:
            members = await asyncio.wait_for(client.list_member_ids(LIST_ID), 60)
        finally:
            await client.aclose()
    assert len(members) == 30 and len(server.requests) == 30


# ---- through the sandbox org and the command line, with the caps CampSync ships with ---------------------------

MEASURED = ("import resource, runpy, sys\n"
            "try:\n"
            "    runpy.run_module('campsync_gui', run_name='__main__', alter_sys=True)\n"
            "finally:\n"
            "    print('MAXRSS_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n")


def run_measured(args, home, env):
    """`campsync ARGS` in a fresh process, as support.run_cli runs it; returns it and its peak memory in MB."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    full_env.update({"CAMPSYNC_HOME": str(home), **env})
    result = subprocess.run([sys.executable, "-c", MEASURED, *args], env=full_env, capture_output=True, text=True,
                            timeout=300)
    peak_kb = int(result.stderr.rsplit("MAXRSS_KB", 1)[1].split()[0])
    result.stderr = result.stderr.rsplit("MAXRSS_KB", 1)[0]
    return result, peak_kb / 1024


@pytest.mark.parametrize("status, says", [
    (200, "Dynamics sent more than 64 MB in answer to GET "),
    (503, "Dynamics had a server error (HTTP 503): {\"error\":{\"code\":\"0x80040216\",\"message\":\"An unexpected"),
])
def test_campsync_stops_an_endless_answer_from_the_org_with_one_line_and_bounded_memory(org, tmp_path, status, says):
    home = tmp_path / "home"
    normal, normal_peak = run_measured(["campaigns"], home, org.env())
    assert normal.returncode == 0, normal.stderr
    org.knobs.endless_status = status
    org.knobs.endless_answers = 10                 # every try the client makes gets one
    org.knobs.endless_limit = 384 * MB             # the safety net: 6 times the cap, far over what it may read
    result, peak = run_measured(["campaigns"], home, org.env())
    assert result.returncode == 1
    assert says in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    print(f"HTTP {status}: {result.stderr.strip()} / peak {peak:.0f} MB against {normal_peak:.0f} MB")
    assert peak - normal_peak < 200, f"the process grew by {peak - normal_peak:.0f} MB"  # the 64 MB cap, and some
