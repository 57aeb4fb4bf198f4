"""POST /api/data/v9.2/$batch: many operations in one request, as "Execute batch operations using the Web API" says.

Each operation runs as a request of its own through the same routes (`inner`, the app's router): the same token
(so the same person's privileges), the same handlers and rules (412 on a duplicate link, 400 on a bad In() array,
slow plug-ins), answered in order. What stands in front of the routes (latency, throttling, random faults, the
body cap, the autosave) applies to the batch once, as one request: Microsoft's service protection counts a batch
as one request and counters bundling with the limit on combined execution time, which the sandbox does not model.

Change sets are atomic: when one of their operations fails, the tables go back to what they were before it began
(State.checkpoint / roll_back), and the change set answers with that one failure. GETs are refused inside them,
`$n` names what operation `Content-ID: n` wrote (in a later operation's URL or @odata.bind / @odata.id), and
without `Prefer: odata.continue-on-error` the batch stops at its first failure, whose status the batch takes.

A write made by another request while a change set's slow plug-ins run is undone with the change set, should the
change set fail: the sandbox's callers never do that (its autosave lets one write in at a time anyway).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from typing import Any, Callable
from urllib.parse import unquote, urlsplit

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from .api_checks import CALLER, check_odata_headers, method_not_allowed, segment_not_found
from .api_responses import error_response, parse_prefer
from .auth import Entra
from .context import API_ROOT, BATCH_PARTS_KEY, RequestRecord, SandboxContext
from .errors import UNEXPECTED, SandboxError, bad_request
from .batch_format import Answer, ChangeSet, Operation, read_batch, write_batch

log = logging.getLogger(__name__)

CONTINUE_ON_ERROR = "odata.continue-on-error"
# Headers of the batch request that each operation carries too (the parts in Microsoft's examples have none of them).
_INHERITED = ("authorization", "odata-maxversion", "odata-version", "accept", "host", "user-agent")
_REFERENCE = re.compile(r"^\$([A-Za-z0-9_.~-]+)(.*)$", re.DOTALL)
# OData's own resources start with '$' too: a URL that starts with one of them is not a Content-ID reference.
_SYSTEM_RESOURCES = ("$metadata", "$batch", "$entity", "$all", "$crossjoin", "$root")


class BatchEndpoint:
    def __init__(self, ctx: SandboxContext, entra: Entra) -> None:
        self.ctx = ctx
        self.entra = entra
        self.inner: Callable[..., Any] | None = None  # the app's routes, set by build_app once they exist

    async def endpoint(self, request: Request) -> Response:
        caller = None
        try:
            caller = CALLER.set(self.entra.check_bearer(request.headers.get("authorization")))
            return await self._batch(request)
        except SandboxError as err:
            return error_response(err)
        except ClientDisconnect:
            log.info("client disconnected during a $batch")
            return Response(status_code=499)
        except Exception:  # a sandbox bug: answer like a server fault, and leave a trace for whoever runs it
            log.exception("sandbox API failure on a $batch")
            return error_response(SandboxError(500, UNEXPECTED, "An unexpected error occurred in the sandbox org."))
        finally:
            if caller is not None:
                CALLER.reset(caller)

    async def _batch(self, request: Request) -> Response:
        if self.ctx.knobs.batch_refused:  # an org, or a proxy in front of it, that does not pass $batch on
            raise segment_not_found("$batch")
        if request.method != "POST":
            raise method_not_allowed(request.method)
        check_odata_headers(request)
        parts = read_batch(request.headers.get("content-type", ""), await request.body())
        keep_going = CONTINUE_ON_ERROR in parse_prefer(request.headers.getlist("prefer"))
        run = _Run(self, request)
        answers: list[Answer | list[Answer]] = []
        status = 200
        for part in parts:
            failure: Answer | None
            if isinstance(part, ChangeSet):
                done, failure = await run.change_set(part)
                answers.append(done if failure is None else failure)
            else:
                answer = await run.operation(part, {})
                answers.append(answer)
                failure = answer if answer.status >= 400 else None
            if failure is not None and not keep_going:
                status = failure.status  # "the batch error represents the error of the first failing request"
                break
        request.scope[BATCH_PARTS_KEY] = tuple(run.records)
        content_type, body = write_batch(answers)
        headers = {"OData-Version": "4.0"}
        if keep_going:
            headers["Preference-Applied"] = CONTINUE_ON_ERROR
        return Response(body, status_code=status, media_type=content_type, headers=headers)


class _Run:
    """One batch's operations as they run: each through the routes as an inner request, each recorded."""

    def __init__(self, endpoint: BatchEndpoint, outer: Request) -> None:
        self.endpoint = endpoint
        self.outer = outer
        self.records: list[RequestRecord] = []

    async def change_set(self, change_set: ChangeSet) -> tuple[list[Answer], Answer | None]:
        """The change set's answers, or its one failure after the tables went back to where they were."""
        state = self.endpoint.ctx.state
        checkpoint = state.checkpoint()
        written: dict[str, str] = {}  # Content-ID -> the URL of what that operation wrote
        answers: list[Answer] = []
        try:
            for operation in change_set.operations:
                answer = await self.operation(operation, written)
                if answer.status >= 400:
                    state.roll_back(checkpoint)
                    return answers, answer
                answers.append(answer)
                if operation.content_id is not None:
                    written[operation.content_id] = self._written_url(operation, answer, written)
        except BaseException:
            state.roll_back(checkpoint)  # a transaction that did not finish did not happen
            raise
        return answers, None

    async def operation(self, operation: Operation, written: dict[str, str]) -> Answer:
        arrived = time.monotonic()
        try:
            target = _resolve(operation.target, written)
            body = _with_references(operation, written)
            path, _, query = target.partition("?")
            if path.rstrip("/") == f"{API_ROOT}/$batch":
                raise bad_request("A batch request cannot contain another batch request.")
        except SandboxError as err:  # refused before it could run as a request of its own
            path, query = operation.target, ""
            answer = Answer(err.status, _error_headers(err), err.body(), operation.content_id)
        else:
            answer = await self._dispatch(operation, path, query, body)
        shown = f"{unquote(path)}?{unquote(query)}" if query else unquote(path)
        self.records.append(RequestRecord(arrived, operation.method, shown, answer.status, False))
        return answer

    async def _dispatch(self, operation: Operation, path: str, query: str, body: bytes) -> Answer:
        outer = self.outer.scope
        inherited = [(k, v) for k, v in outer["headers"] if k.decode("latin-1").lower() in _INHERITED]
        own = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in operation.headers if k != "content-length"]
        names = {k for k, _ in own}
        headers = [(k, v) for k, v in inherited if k.lower() not in names] + own
        headers.append((b"content-length", str(len(body)).encode()))
        scope = {"type": "http", "asgi": outer.get("asgi", {"version": "3.0"}), "http_version": "1.1",
                 "method": operation.method, "scheme": outer.get("scheme", "https"), "server": outer.get("server"),
                 "client": outer.get("client"), "root_path": "", "path": unquote(path),
                 "raw_path": path.encode("latin-1", "replace"), "query_string": query.encode("latin-1", "replace"),
                 "headers": headers}
        pending = [{"type": "http.request", "body": body, "more_body": False}]
        finished = asyncio.Event()
        status, answer_headers, chunks = 500, [], []

        async def receive() -> dict[str, Any]:
            if pending:
                return pending.pop()
            await finished.wait()  # nobody leaves an inner request: it ends when its answer is complete
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            nonlocal status, answer_headers
            if message["type"] == "http.response.start":
                status = message["status"]
                answer_headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in message.get("headers", [])
                                  if k.lower() not in (b"content-length", b"x-ms-dop-hint")]
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        try:
            await self.endpoint.inner(scope, receive, send)
        finally:
            finished.set()
        return Answer(status, answer_headers, b"".join(chunks), operation.content_id)

    def _written_url(self, operation: Operation, answer: Answer, written: dict[str, str]) -> str:
        for name, value in answer.headers:
            if name.lower() in ("odata-entityid", "location"):
                return value
        # An answer that names nothing (a link, a DELETE): what the operation's own URL names.
        return _absolute(self.endpoint.ctx.api_base, _resolve(operation.target, written))


def _resolve(target: str, written: dict[str, str]) -> str:
    """The path (and query) an operation's URL names: relative to the API root, absolute, or after `$n`."""
    target = _dereferenced(target, written)
    if "://" in target.split("?", 1)[0]:
        split = urlsplit(target)
        return split.path + (f"?{split.query}" if split.query else "")
    if target.startswith("/"):
        return target
    return f"{API_ROOT}/{target}"


def _dereferenced(text: str, written: dict[str, str]) -> str:
    """`$n` (and what follows it) with the URL of what operation n wrote; other text as it is."""
    reference = _REFERENCE.match(text)
    if reference is None or text.startswith(_SYSTEM_RESOURCES):
        return text
    if reference.group(1) not in written:
        raise bad_request(f"Content-ID Reference: '${reference.group(1)}' does not exist in the batch context.")
    return written[reference.group(1)] + reference.group(2)


def _absolute(api_base: str, path: str) -> str:
    origin = api_base[: -len(API_ROOT)] if api_base.endswith(API_ROOT) else api_base
    return origin + path


def _with_references(operation: Operation, written: dict[str, str]) -> bytes:
    """The body with `"$n"` in @odata.bind and @odata.id values replaced by the URL operation n wrote."""
    if b"$" not in operation.body:
        return operation.body
    try:
        data = json.loads(operation.body)
    except (ValueError, RecursionError):
        return operation.body  # the handler refuses it as it refuses any body that is not JSON

    def replaced(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: (_dereferenced(item, written) if key.endswith(("@odata.bind", "@odata.id"))
                          and isinstance(item, str) else replaced(item)) for key, item in value.items()}
        if isinstance(value, list):
            return [replaced(item) for item in value]
        return value

    return json.dumps(replaced(data), ensure_ascii=False).encode()


def _error_headers(err: SandboxError) -> list[tuple[str, str]]:
    return [("Content-Type", "application/json; odata.metadata=minimal"), ("OData-Version", "4.0"),
            *err.headers.items()]
