"""OData `$batch`: many Web API operations in one HTTP request ("Execute batch operations using the Web API").

The request is multipart/mixed: one `application/http` part per operation (a request line, headers, a JSON body),
writes optionally grouped in change sets (all or nothing; `Content-ID` names an operation, `$n` refers to what it
wrote). Dataverse answers one part per operation, in order, a change set's answers in a nested multipart, a failed
change set with its one failure. At most 1,000 operations go in one batch.

A batch goes through DataverseClient.request like any request: retries, throttling and the bounded reads apply to
it as a whole. The answer is read here: anything that is not the multipart Dataverse sends (cut short, a proxy's
page, a part that is not an HTTP answer) is a MalformedResponse with one sentence, never a traceback.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx

from .errors import DynamicsError, MalformedResponse, clean_text, error_from_response

MAX_OPERATIONS = 1000  # per batch, change sets' operations included (Dataverse answers more with 400)
# Parts read from one answer at most: the operations sent, plus a little room for a change set's own part.
MAX_PARTS = MAX_OPERATIONS + 10
_BOUNDARY = re.compile(r'boundary\s*=\s*(?:"([^"]{1,200})"|([^\s;,"]{1,200}))', re.IGNORECASE)
_LINE = re.compile(rb"\r?\n")
_STATUS_LINE = re.compile(rb"HTTP/\d(?:\.\d)?\s+(\d{3})(?:\s.*)?")


class BatchClient(Protocol):
    """What a batch needs of DataverseClient (which imports the modules that use this one)."""

    api_base: str

    def url(self, path: str) -> str: ...

    async def request(self, method: str, path: str, *, headers: dict[str, str] | None = None,
                      resend_if_unsure: bool = True, timeout: float | None = None,
                      content: bytes | None = None) -> httpx.Response: ...


@dataclass(frozen=True)
class BatchAnswer:
    """One operation's answer: its status, its JSON body (None when it has none or it is not a JSON object) and its
    headers (names lower-cased)."""

    status: int
    body: dict | None
    headers: dict[str, str]
    raw: bytes = field(default=b"", repr=False, compare=False)  # the body as sent, for the error it may stand for
    content_id: str | None = None

    def error(self, method: str, url: str) -> DynamicsError:
        """The error the client raises for this status and body when the operation is sent on its own."""
        return error_from_response(self.status, self.raw, self.headers, method, url)


@dataclass(frozen=True)
class Operation:
    """One request of a batch: `path` relative to the API root (with its query string) or an absolute URL (a next
    link), or `$n` for what the change set's operation with Content-ID n wrote."""

    method: str
    path: str
    body: Any = None  # JSON, or None for no body
    headers: Mapping[str, str] = field(default_factory=dict)
    content_id: str | None = None


@dataclass(frozen=True)
class ChangeSet:
    operations: Sequence[Operation]


def operation_count(parts: Sequence[Operation | ChangeSet]) -> int:
    return sum(len(p.operations) if isinstance(p, ChangeSet) else 1 for p in parts)


def encode_batch(api_base: str, parts: Sequence[Operation | ChangeSet]) -> tuple[str, bytes]:
    """The Content-Type and body of a $batch request carrying `parts` in order."""
    boundary = f"batch_{uuid.uuid4()}"
    out: list[bytes] = []
    for part in parts:
        out.append(f"--{boundary}\r\n".encode())
        if isinstance(part, ChangeSet):
            inner = f"changeset_{uuid.uuid4()}"
            out.append(f"Content-Type: multipart/mixed; boundary={inner}\r\n\r\n".encode())
            for operation in part.operations:
                out.append(f"--{inner}\r\n".encode() + _encode_operation(api_base, operation))
            out.append(f"--{inner}--\r\n".encode())
        else:
            out.append(_encode_operation(api_base, part))
    out.append(f"--{boundary}--\r\n".encode())
    return f"multipart/mixed; boundary={boundary}", b"".join(out)


def _encode_operation(api_base: str, operation: Operation) -> bytes:
    head = ["Content-Type: application/http", "Content-Transfer-Encoding: binary"]
    if operation.content_id is not None:
        head.append(f"Content-ID: {operation.content_id}")
    path = operation.path
    target = path if path.startswith(("https://", "http://", "$")) else api_base + path
    if any(ch in target for ch in " \r\n"):
        raise ValueError(f"a batch operation's URL cannot hold spaces or line breaks: {target[:120]!r}")
    lines = head + ["", f"{operation.method} {target} HTTP/1.1"]
    headers = dict(operation.headers)
    body = b""
    if operation.body is not None:
        body = json.dumps(operation.body, ensure_ascii=False).encode()
        headers.setdefault("Content-Type", "application/json; type=entry")
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body + b"\r\n"


def parse_batch_answer(content_type: str, body: bytes, *, what: str = "a $batch request") -> list[BatchAnswer]:
    """Every operation's answer, in order (a change set's answers in place of the change set)."""
    boundary = _boundary(content_type)
    if boundary is None:
        raise MalformedResponse(f"Dynamics answered {what} with {clean_text(content_type or 'no content type', 80)}, "
                                f"not the multipart/mixed answer it sends to a batch.")
    answers: list[BatchAnswer] = []
    for headers, content in _parts(body, boundary, what):
        media = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media == "multipart/mixed":
            inner = _boundary(headers.get("content-type", ""))
            if inner is None:
                raise MalformedResponse(f"Dynamics answered {what} with a change set part that names no boundary.")
            for op_headers, op_content in _parts(content, inner, what):
                answers.append(_answer(op_headers, op_content, what))
        else:
            answers.append(_answer(headers, content, what))
        if len(answers) > MAX_PARTS:  # change sets' answers included
            raise MalformedResponse(f"Dynamics answered {what} with more than {MAX_PARTS:,} parts; CampSync "
                                    f"sends at most {MAX_OPERATIONS:,} operations in one batch.")
    return answers


def _boundary(content_type: str) -> str | None:
    if content_type.split(";", 1)[0].strip().lower() != "multipart/mixed":
        return None
    match = _BOUNDARY.search(content_type)
    return None if match is None else (match.group(1) or match.group(2))


def _parts(body: bytes, boundary: str, what: str) -> list[tuple[dict[str, str], bytes]]:
    """The (headers, content) of each part between `--boundary` lines, up to the closing `--boundary--`."""
    # A delimiter starts a line; the line break before it belongs to it (RFC 2046), not to the part's content.
    delimiter = re.compile(rb"(?:^|\r?\n)--" + re.escape(boundary.encode("latin-1", "replace")))
    parts: list[tuple[dict[str, str], bytes]] = []
    found = list(_first(delimiter.finditer(body), MAX_PARTS + 2))
    for this, following in zip(found, found[1:] + [None]):
        piece = body[this.end():following.start() if following is not None else len(body)]
        if piece.startswith(b"--"):
            return parts
        line = _LINE.search(piece)
        if following is None or line is None or piece[:line.start()].strip():
            break
        if len(parts) == MAX_PARTS:
            raise MalformedResponse(f"Dynamics answered {what} with more than {MAX_PARTS:,} parts; CampSync sends "
                                    f"at most {MAX_OPERATIONS:,} operations in one batch.")
        parts.append(_head_and_content(piece[line.end():]))
    raise MalformedResponse(f"Dynamics's answer to {what} is cut short or garbled: its multipart body does not "
                            f"end with its closing boundary.")


def _first(items: Iterable[Any], count: int) -> Iterator[Any]:
    for index, item in enumerate(items):
        if index == count:
            return
        yield item


def _head_and_content(raw: bytes) -> tuple[dict[str, str], bytes]:
    if raw.startswith((b"\r\n", b"\n")):
        return {}, raw.split(b"\n", 1)[1]
    end = re.search(rb"\r?\n\r?\n", raw)
    head, content = (raw, b"") if end is None else (raw[:end.start()], raw[end.end():])
    headers: dict[str, str] = {}
    for line in _LINE.split(head)[:200]:  # a part has a handful of headers; more is not worth reading
        name, colon, value = line.decode("latin-1").partition(":")
        if colon and name.strip():
            headers[name.strip().lower()] = value.strip()
    return headers, content


def _answer(headers: dict[str, str], content: bytes, what: str) -> BatchAnswer:
    line = _LINE.search(content)
    status_line = (content if line is None else content[:line.start()]).strip()
    match = _STATUS_LINE.fullmatch(status_line)
    if match is None:
        raise MalformedResponse(f"Dynamics's answer to {what} holds a part that is not an HTTP answer "
                                f"(it starts {clean_text(status_line[:60].decode('latin-1'), 60)!r}).")
    op_headers, raw = _head_and_content(b"" if line is None else content[line.end():])
    raw = raw if raw.strip() else b""
    body: dict | None = None
    if raw and "json" in op_headers.get("content-type", "json"):
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            data = None
        if isinstance(data, dict):
            body = data
        elif int(match.group(1)) < 400:
            raise MalformedResponse(f"Dynamics's answer to {what} holds a part whose body is not a JSON object "
                                    f"(HTTP {match.group(1)}, {len(raw):,} bytes).")
    return BatchAnswer(int(match.group(1)), body, op_headers, raw, headers.get("content-id"))


async def send_batch(client: BatchClient, parts: Sequence[Operation | ChangeSet], *,
                     continue_on_error: bool = True, resend_if_unsure: bool | None = None,
                     timeout: float | None = None) -> list[BatchAnswer]:
    """Send one $batch and read its answers (one per operation, a failed change set's one failure in its place).

    `continue_on_error` (Prefer: odata.continue-on-error): every operation runs and answers, failed or not;
    without it Dataverse stops at the first failure. A batch of GETs only is resent after a lost answer like any
    read; one with writes is not unless `resend_if_unsure` says so (a write must not run twice).
    """
    if not parts or operation_count(parts) > MAX_OPERATIONS:
        raise ValueError(f"a batch carries 1 to {MAX_OPERATIONS:,} operations, not {operation_count(parts):,}")
    reads_only = all(isinstance(p, Operation) and p.method == "GET" for p in parts)
    content_type, body = encode_batch(client.api_base, parts)
    headers = {"Content-Type": content_type}
    if continue_on_error:
        headers["Prefer"] = "odata.continue-on-error"
    response = await client.request(
        "POST", "$batch", headers=headers, content=body, timeout=timeout,
        resend_if_unsure=reads_only if resend_if_unsure is None else resend_if_unsure)
    answers = parse_batch_answer(response.headers.get("content-type", ""), response.content)
    expected = operation_count(parts)
    if len(answers) > expected or (continue_on_error and len(answers) < expected and reads_only):
        raise MalformedResponse(f"Dynamics answered a batch of {expected:,} operations with {len(answers):,} "
                                f"answers.", status=response.status_code)
    return answers


async def batch_get(client: BatchClient, paths: Sequence[str], *,
                    headers: Mapping[str, str] | None = None) -> list[BatchAnswer]:
    """GET each path (relative to the API root, with its query string, or an absolute URL on the org) in as few
    $batch requests as the 1,000-operation limit allows; the answers in the order of `paths`.

    A path that fails raises what the client raises for that status when it is sent on its own (a 404 NotFound, a
    400 BadRequest...). `headers` go on every GET (Prefer: odata.maxpagesize=...).
    """
    answers: list[BatchAnswer] = []
    for start in range(0, len(paths), MAX_OPERATIONS):
        group = list(paths[start:start + MAX_OPERATIONS])
        answered = await send_batch(client, [Operation("GET", path, headers=dict(headers or {})) for path in group])
        for path, answer in zip(group, answered):
            if answer.status >= 400:
                raise answer.error("GET", client.url(path))
        answers.extend(answered)
    return answers
