"""Request body caps: no request makes the sandbox hold more than its endpoint's cap in memory.

A client can send any body, declared (Content-Length) or streamed (chunked, no length); without a cap the sandbox
read it whole before looking at it (a 300 MB POST to the token endpoint took the window's process, which runs the
built-in sandbox, to 678 MB). Each request is now checked against its endpoint's cap: a declared length over it is
refused before a byte of the body is read, a stream as soon as it passes the cap; the answer is 413 with the error
shape that endpoint's clients read, and the connection is closed (after a bounded moment in which what still
arrives is dropped, so the client can read the answer), so the rest of the body is never read.

The caps: the Web API's biggest legitimate body is a CreateMultiple of 1,000 leads (CampSync's largest batch) with
every column at its Dataverse maximum length, 2.7 MB with JSON's \\u escapes (1.2 MB as UTF-8); an
AddListMembersList of 1,000 members is 0.1 MB. 32 MB leaves ten times that. A token request is a few hundred bytes.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, Callable

from .errors import ODATA_ERROR, envelope

API_BODY_LIMIT = 32 * 1024 * 1024
OTHER_BODY_LIMIT = 64 * 1024  # the token endpoint, discovery, keys: everything outside /api/
# After the 413 has gone out, what follows is read and dropped for a moment before the connection closes: a client
# still sending would otherwise get a reset that can destroy the answer before it reads it (a "lingering close").
# Nothing of it is kept, and the moment is bounded in time and in bytes.
LINGER_SECONDS = 2.0
LINGER_BYTES = 8 * 1024 * 1024


def body_limit(path: str) -> int:
    return API_BODY_LIMIT if path.startswith("/api/") else OTHER_BODY_LIMIT


def _size_text(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"


def _declared_length(scope: dict[str, Any]) -> int | None:
    for name, value in scope.get("headers", []):
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None  # h11 refuses such a request before it gets here
    return None


class BodyLimitMiddleware:
    """Reads each request's body up to its cap before the app sees it, then hands the app what it read."""

    def __init__(self, app: Callable[..., Any], limit_for: Callable[[str], int] = body_limit) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: dict[str, Any], receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("path", ""))
        declared = _declared_length(scope)
        if declared is not None and declared > limit:
            await _refuse(scope, receive, send, limit)  # before the first read: not even a 100 Continue goes out
            return
        messages: list[dict[str, Any]] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break  # the client left: the app sees that, as it would have
            size += len(message.get("body", b""))
            if size > limit:
                messages.clear()
                await _refuse(scope, receive, send, limit)
                return
            if not message.get("more_body", False):
                break
        pending = iter(messages)

        async def replay() -> dict[str, Any]:
            for message in pending:
                return message
            return await receive()  # after the body: disconnect notices, as before

        await self.app(scope, replay, send)


async def _refuse(scope: dict[str, Any], receive: Callable, send: Callable, limit: int) -> None:
    text = f"The request body is larger than the {_size_text(limit)} this endpoint accepts."
    if scope.get("path", "").startswith("/api/"):
        body = envelope(ODATA_ERROR, text)
        content_type = b"application/json; odata.metadata=minimal"
    else:  # the sign-in endpoints answer in OAuth's shape, which msal and other clients read
        body = json.dumps({"error": "invalid_request", "error_description": text}).encode()
        content_type = b"application/json; charset=utf-8"
    headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode()),
               # Closing is what stops the rest of the body: a kept-alive connection would be read to its end.
               (b"connection", b"close")]
    if scope.get("path", "").startswith("/api/"):
        headers.append((b"odata-version", b"4.0"))
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": True})  # all of it: Content-Length
    if not _expects_continue(scope):  # a client waiting for "100 Continue" sends no body: nothing to drop
        await _linger(receive)
    await send({"type": "http.response.body", "body": b""})


def _expects_continue(scope: dict[str, Any]) -> bool:
    return any(name.lower() == b"expect" and value.lower() == b"100-continue"
               for name, value in scope.get("headers", []))


async def _linger(receive: Callable) -> None:
    """Drop what the client still sends, until it stops, leaves, or the moment is over."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + LINGER_SECONDS
    dropped = 0
    while dropped < LINGER_BYTES:
        remaining = deadline - loop.time()
        if remaining <= 0:
            return
        try:
            message = await asyncio.wait_for(receive(), remaining)
        except asyncio.TimeoutError:
            return
        if message["type"] != "http.request" or not message.get("more_body", False):
            return
        dropped += len(message.get("body", b""))
