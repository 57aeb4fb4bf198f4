"""The $batch wire format as the sandbox reads and writes it: multipart/mixed bodies of application/http parts.

As "Execute batch operations using the Web API" describes it (and OData 4.0 §11.7): the request's parts are
operations (`Content-Type: application/http`, `Content-Transfer-Encoding: binary`, a request line, headers, a
body) or change sets (a nested multipart/mixed of operations, each with an optional Content-ID). The answer has
the same shape, one part per operation, a change set's answers in a nested multipart. Anything else in the request
is refused as Dataverse's OData reader refuses it: 400, before any operation runs.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from http import HTTPStatus

from .errors import bad_request

# "Batch requests can contain up to 1,000 individual requests" (change sets' operations included).
MAX_OPERATIONS = 1000
CHANGE_SET_METHODS = ("POST", "PATCH", "PUT", "DELETE")
_BOUNDARY = re.compile(r'boundary\s*=\s*(?:"([^"]{1,70})"|([^\s;,"]{1,70}))', re.IGNORECASE)
_LINE_BREAK = re.compile(rb"\r?\n")


@dataclass
class Operation:
    """One request of a batch, as written in its part."""

    method: str
    target: str  # the request line's URL: relative to the API root, absolute, or starting with a $n reference
    headers: list[tuple[str, str]]  # names lower-cased, in order
    body: bytes
    content_id: str | None = None

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key == name), None)


@dataclass
class ChangeSet:
    operations: list[Operation] = field(default_factory=list)


@dataclass
class Answer:
    """One operation's response, as it goes into the batch's answer."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes
    content_id: str | None = None


def boundary_of(content_type: str) -> str | None:
    media = content_type.split(";", 1)[0].strip().lower()
    match = _BOUNDARY.search(content_type)
    if media != "multipart/mixed" or match is None:
        return None
    return match.group(1) or match.group(2)


def read_batch(content_type: str, body: bytes) -> list[Operation | ChangeSet]:
    """The batch's parts in order; SandboxError 400 for anything Dataverse would not read."""
    boundary = boundary_of(content_type)
    if boundary is None:
        raise bad_request(f"The content type '{content_type or '(none)'}' of a batch request must be multipart/mixed "
                          "with a boundary, e.g. 'multipart/mixed; boundary=batch_<id>'.")
    parts: list[Operation | ChangeSet] = []
    for headers, content in _split(body, boundary, "batch"):
        kind = _media(headers)
        if kind == "multipart/mixed":
            inner = boundary_of(_header(headers, "content-type") or "")
            if inner is None:
                raise bad_request("A change set's Content-Type must name its boundary.")
            change_set = ChangeSet()
            for op_headers, op_content in _split(content, inner, "change set"):
                if _media(op_headers) == "multipart/mixed":
                    raise bad_request("A change set cannot contain another change set.")
                operation = _operation(op_headers, op_content)
                if operation.method not in CHANGE_SET_METHODS:
                    raise bad_request(
                        f"An invalid HTTP method '{operation.method}' was detected for a request in a change set. "
                        "Requests in change sets only support the HTTP methods 'POST', 'PUT', 'DELETE', and 'PATCH'.")
                change_set.operations.append(operation)
            parts.append(change_set)
        else:
            parts.append(_operation(headers, content))
        if len(parts) > MAX_OPERATIONS:
            break  # refused below, without reading the rest
    _check_size(parts)
    return parts


def _check_size(parts: list[Operation | ChangeSet]) -> None:
    for part in parts:
        if isinstance(part, ChangeSet) and len(part.operations) > MAX_OPERATIONS:
            raise bad_request(f"The current change set contains too many operations. A maximum number of "
                              f"'{MAX_OPERATIONS}' operations are allowed in a change set.")
    total = sum(len(p.operations) if isinstance(p, ChangeSet) else 1 for p in parts)
    if total > MAX_OPERATIONS:
        raise bad_request(f"The current batch message contains too many parts. Only batch messages with a maximum "
                          f"number of '{MAX_OPERATIONS}' query operations, including changeset operations, are "
                          f"allowed.")


def _split(body: bytes, boundary: str, what: str) -> list[tuple[list[tuple[str, str]], bytes]]:
    """The (headers, content) of each part between `--boundary` lines, up to the closing `--boundary--`."""
    # A delimiter starts a line; the line break before it belongs to it (RFC 2046), not to the part's content.
    delimiter = re.compile(rb"(?:^|\r?\n)--" + re.escape(boundary.encode("latin-1")))
    pieces = delimiter.split(body)
    parts: list[tuple[list[tuple[str, str]], bytes]] = []
    for piece in pieces[1:]:
        if piece.startswith(b"--"):
            return parts
        line_end = _LINE_BREAK.search(piece)
        if line_end is None or piece[:line_end.start()].strip():
            raise bad_request(f"The {what} boundary '--{boundary}' must be followed by a line break.")
        parts.append(_headers_and_content(piece[line_end.end():], what))
    raise bad_request(f"The {what} has no closing boundary '--{boundary}--'.")


def _headers_and_content(raw: bytes, what: str) -> tuple[list[tuple[str, str]], bytes]:
    if raw.startswith((b"\r\n", b"\n")):  # no headers at all
        head, content = b"", raw.split(b"\n", 1)[1]
    else:
        end = re.search(rb"\r?\n\r?\n", raw)
        head, content = (raw, b"") if end is None else (raw[:end.start()], raw[end.end():])
    headers: list[tuple[str, str]] = []
    for line in _LINE_BREAK.split(head):
        if not line.strip():
            continue
        name, colon, value = line.decode("latin-1").partition(":")
        if not colon or not name.strip():
            shown = line[:80].decode("latin-1")
            raise bad_request(f"A part of the {what} has a header line without a name: '{shown}'.")
        headers.append((name.strip().lower(), value.strip()))
    return headers, content


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    return next((value for key, value in headers if key == name), None)


def _media(headers: list[tuple[str, str]]) -> str:
    return (_header(headers, "content-type") or "").split(";", 1)[0].strip().lower()


def _operation(headers: list[tuple[str, str]], content: bytes) -> Operation:
    if _media(headers) != "application/http":
        raise bad_request("Each part of a batch must have 'Content-Type: application/http' (or be a change set, "
                          "'multipart/mixed').")
    encoding = (_header(headers, "content-transfer-encoding") or "").lower()
    if encoding != "binary":
        raise bad_request("Each part of a batch must have 'Content-Transfer-Encoding: binary'.")
    line_end = _LINE_BREAK.search(content)
    request_line = (content if line_end is None else content[:line_end.start()]).decode("latin-1").strip()
    rest = b"" if line_end is None else content[line_end.end():]
    words = request_line.split(" ")
    if len(words) != 3 or not words[2].upper().startswith("HTTP/") or not words[0].isalpha():
        raise bad_request(f"The request line '{request_line[:120]}' of a batch part is not 'METHOD URL HTTP/1.1'.")
    op_headers, body = _headers_and_content(rest, "batch part")
    return Operation(words[0].upper(), words[1], op_headers, body if body.strip() else b"",
                     _header(headers, "content-id"))


def write_batch(answers: list[Answer | list[Answer]]) -> tuple[str, bytes]:
    """The answer's Content-Type and body: one part per answer, a list of answers as a change set's response."""
    boundary = f"batchresponse_{uuid.uuid4()}"
    out: list[bytes] = []
    for answer in answers:
        out.append(f"--{boundary}\r\n".encode())
        if isinstance(answer, list):
            inner = f"changesetresponse_{uuid.uuid4()}"
            out.append(f"Content-Type: multipart/mixed; boundary={inner}\r\n\r\n".encode())
            for item in answer:
                out.append(f"--{inner}\r\n".encode() + _part(item))
            out.append(f"--{inner}--\r\n".encode())
        else:
            out.append(_part(answer))
    out.append(f"--{boundary}--\r\n".encode())
    return f"multipart/mixed; boundary={boundary}", b"".join(out)


def _part(answer: Answer) -> bytes:
    head = ["Content-Type: application/http", "Content-Transfer-Encoding: binary"]
    if answer.content_id is not None:
        head.append(f"Content-ID: {answer.content_id}")
    try:
        reason = HTTPStatus(answer.status).phrase
    except ValueError:
        reason = "Unknown"
    lines = head + ["", f"HTTP/1.1 {answer.status} {reason}"] + [f"{name}: {value}" for name, value in answer.headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + answer.body + b"\r\n"
