"""Typed errors of the Dataverse client, each with a message a person can act on."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from ..language import translate

MAX_SERVER_TEXT = 1000  # characters of the server's own message kept in ours: enough to act on, still readable

# Dataverse error codes the client acts on (the code, not the wording, identifies the case).
DUPLICATE_RECORD = "0x80040237"  # "Cannot insert duplicate key": the row, or an N:N link, already exists


class DynamicsError(Exception):
    """Base of every error the client raises; `str()` is the plain-language message."""

    def __init__(self, message: str, *, status: int | None = None, code: str | None = None,
                 request_id: str | None = None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.request_id = request_id

    @property
    def retryable(self) -> bool:
        return False

    @property
    def waited_out(self) -> bool:
        """Someone stopped waiting for the answer: this client's timeout, or a gateway's 504. Unlike a dropped
        connection, a sign that the request was too big or the org too slow for it."""
        return self.status == 504


class AuthError(DynamicsError):
    """The authority refused to issue a token (wrong tenant, client id or secret, bad scope)."""

    def __init__(self, message: str, *, error: str | None = None, aadsts: int | None = None,
                 description: str | None = None):
        super().__init__(message, code=error)
        self.error = error
        self.aadsts = aadsts
        self.description = description


class SignInRequired(AuthError):
    """No usable sign-in for this person: none yet, signed out, refresh token expired or revoked, or Entra asks
    for an interaction (MFA, conditional access, consent). The message says why and how to sign in."""


class SignInCancelled(AuthError):
    """The person cancelled the sign-in (CampSync's cancel button, or Cancel on the sign-in page)."""


class BrowserUnavailable(AuthError):
    """No web browser could be opened for sign-in on this machine: device code sign-in works without one."""


class ConnectionFailed(DynamicsError):
    """The org could not be reached: DNS, refused connection, TLS failure, dropped connection, timeout."""

    def __init__(self, message: str, *, cause: BaseException | None = None):
        super().__init__(message)
        self.cause = cause

    @property
    def retryable(self) -> bool:
        return True

    @property
    def waited_out(self) -> bool:
        return type(self.cause).__name__.endswith("Timeout")  # httpx's ReadTimeout, WriteTimeout, PoolTimeout...


class HostNotFound(ConnectionFailed):
    """The host name does not resolve: a typo will not fix itself, so this is never retried."""

    @property
    def retryable(self) -> bool:
        return False


class UntrustedCertificate(ConnectionFailed):
    """The org's TLS certificate is not trusted by this machine."""

    @property
    def retryable(self) -> bool:
        return False


class MalformedResponse(DynamicsError):
    """Dynamics (or something between it and us) answered with a body CampSync cannot read: not JSON, truncated,
    or JSON of the wrong shape. Often a proxy or a cut-off response, so worth another try later."""

    @property
    def retryable(self) -> bool:
        return True


class AnswerTooLarge(DynamicsError):
    """An answer bigger than CampSync reads for one request (see bounded_reads.MAX_BODY_BYTES); reading stopped
    there. Not retryable: the same request gets the same answer, endless or oversized, and each try would read
    tens of MB again to learn nothing new. Something between CampSync and Dynamics (a proxy, a captive portal)
    or a fault in the org needs a person's look."""


class AnswerTooSlow(ConnectionFailed):
    """An answer still coming at the request's deadline (its timeout plus bounded_reads.DEADLINE_MARGIN), e.g. a
    body that trickles in just fast enough for httpx's timeout between chunks never to fire.

    The client does not resend it itself (one try already took minutes), but like a timeout it is retryable for
    the callers that retry later (the next run): the org may have been slow, and a write may have been applied,
    which only a later look can tell. A sign, like a timeout, that the request may have been too big."""

    def __init__(self, message: str, *, deadline: float | None = None):
        super().__init__(message)
        self.deadline = deadline

    @property
    def waited_out(self) -> bool:
        return True


class ListingTooLong(DynamicsError):
    """A listing that went on past the pages CampSync follows (bounded_reads.MAX_PAGES), each with a new next-page
    link. Not retryable: the same listing would page on the same way; no org CampSync serves has that many rows."""


class ServiceError(DynamicsError):
    """Dataverse answered with an error envelope `{"error":{"code","message"}}`. `method` and `path` (after the
    API root, without the query) name the request that failed, for callers that must know what was asked."""

    def __init__(self, message: str, *, method: str | None = None, path: str | None = None, **kw: Any):
        super().__init__(message, **kw)
        self.method = method
        self.path = path

    @property
    def retryable(self) -> bool:
        return self.status in (429, 502, 503, 504)


class BadRequest(ServiceError):
    pass


class Unauthorized(ServiceError):
    pass


class PermissionDenied(ServiceError):
    pass


class DuplicateRecord(ServiceError):
    """412 DuplicateRecord: what the request would insert is already there. For a write re-sent after a lost
    answer (a list linked to a campaign) that means the first attempt was applied."""


class NotFound(ServiceError):
    """404. `missing_entity` / `missing_id`: the record Dynamics did not find, as the server names it ("lead With
    Id = <id> Does Not Exist"), else the record the request addressed itself (`DELETE listmembers(<id>)`); None
    when neither says. A bound action's URL names its target (`lists(<id>)/...RemoveMemberList`) even when the
    missing record is a parameter (the lead), so the URL alone never decides."""

    def __init__(self, message: str, *, missing_entity: str | None = None, missing_id: str | None = None,
                 **kw: Any):
        super().__init__(message, **kw)
        self.missing_entity = missing_entity
        self.missing_id = missing_id

    def is_about(self, record_id: str | None) -> bool:
        """True when the record found missing is this one."""
        return bool(record_id) and self.missing_id is not None and self.missing_id == record_id.lower()


class Throttled(ServiceError):
    def __init__(self, message: str, *, retry_after: float | None = None, **kw: Any):
        super().__init__(message, **kw)
        self.retry_after = retry_after


class ServerUnavailable(ServiceError):
    pass


_BY_STATUS: dict[int, type[ServiceError]] = {
    400: BadRequest, 401: Unauthorized, 403: PermissionDenied, 404: NotFound, 429: Throttled,
}



def _plain_prefix(status: int) -> str:
    """What an HTTP error status means, in the person's language (read when the error happens)."""
    if status >= 500:
        return translate("DynamicsErrors", "Dynamics had a server error (HTTP {status})").format(status=status)
    words = {401: translate("DynamicsErrors", "Dynamics refused the access token"),
             403: translate("DynamicsErrors", "The application user lacks a privilege in Dynamics"),
             404: translate("DynamicsErrors", "Not found in Dynamics"),
             429: translate("DynamicsErrors", "Dynamics is throttling requests (server busy)")}
    return words.get(status) or translate("DynamicsErrors", "Dynamics rejected the request (HTTP {status})").format(
        status=status)


def parse_envelope(body: bytes | str) -> tuple[str | None, str | None]:
    """Return (code, message) from a Dataverse error body; tolerant of non-JSON or truncated bodies."""
    try:
        data = json.loads(body or b"{}")
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: absurdly deep nesting
        return None, None
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict):
        code = error.get("code")
        message = error.get("message")
        return (_scalar_text(code) if code else None), (_scalar_text(message) if message else None)
    return None, None


def _scalar_text(value: Any) -> str:
    # The envelope's fields are strings; anything else (a number, a nested object) is shown as compact JSON.
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)[:MAX_SERVER_TEXT]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(text: str, limit: int = MAX_SERVER_TEXT) -> str:
    """Server text made fit for a message: no control characters (a terminal would act on them), whitespace
    runs and line breaks as single spaces, at most `limit` characters."""
    text = " ".join(_CONTROL.sub("", text[:limit * 2]).split())  # a 2 MB message is not read to its end
    return text if len(text) <= limit else text[:limit - 3].rstrip() + "..."


def error_from_response(status: int, body: bytes, headers: Any, method: str, url: str) -> ServiceError:
    """Map an HTTP error response to the matching typed error with a readable message."""
    code, server_message = parse_envelope(body)
    request_id = headers.get("x-ms-service-request-id") or headers.get("req_id") if headers else None
    cls: type[ServiceError] = ServerUnavailable if status >= 500 else _BY_STATUS.get(status, ServiceError)
    detail = clean_text(server_message or "") or clean_text(body[:200].decode("utf-8", "replace") if body else "") \
        or translate("DynamicsErrors", "no details given")
    message = translate("DynamicsErrors", "{problem}: {detail} [{method} {path}]").format(
        problem=_plain_prefix(status), detail=detail, method=clean_text(method, 10), path=clean_text(_short(url), 120))
    path = _short(url).split("?", 1)[0]
    kwargs: dict[str, Any] = {"status": status, "code": code, "request_id": request_id, "method": method,
                              "path": path}
    if cls is Throttled:
        return Throttled(message, retry_after=parse_retry_after(headers.get("retry-after")), **kwargs)
    if status == 412 and (code or "").lower() == DUPLICATE_RECORD:
        return DuplicateRecord(message, **kwargs)
    if cls is NotFound:
        entity, record_id = _missing_record(server_message or "", path)
        return NotFound(message, missing_entity=entity, missing_id=record_id, **kwargs)
    return cls(message, **kwargs)


_GUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
# Dataverse's ObjectDoesNotExist text: "lead With Id = <id> Does Not Exist" (newer orgs: "Entity 'lead' With ...").
_DOES_NOT_EXIST = re.compile(rf"(?:entity\s+')?([a-z_][a-z0-9_]*)'?\s+with\s+id\s*=\s*({_GUID})\s+does\s+not\s+exist",
                             re.IGNORECASE)
_ADDRESSED = re.compile(rf"([A-Za-z_][A-Za-z0-9_]*)\(({_GUID})\)")


def _missing_record(server_message: str, path: str) -> tuple[str | None, str | None]:
    """(logical name, id) of the record a 404 is about: named by the server, else addressed by the path."""
    named = _DOES_NOT_EXIST.search(server_message[:MAX_SERVER_TEXT])
    if named:
        return named.group(1).lower(), named.group(2).lower()
    addressed = _ADDRESSED.fullmatch(path)
    if addressed:  # a request on the record itself (GET, PATCH, DELETE <set>(<id>)): that record is missing;
        # its logical name is the set's less the plural 's' (right for the tables CampSync addresses)
        return addressed.group(1).removesuffix("s"), addressed.group(2).lower()
    return None, None


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After in seconds (Dataverse sends an integer); None when absent or unreadable."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None
    return max(0.0, seconds) if math.isfinite(seconds) else None  # "nan", "inf", "1e999" are not a wait


def _short(url: str) -> str:
    # Keep messages readable: the path after the API root is what identifies the call.
    marker = "/api/data/"
    at = url.find(marker)
    path = url[at + len(marker):].split("/", 1)[-1] if at >= 0 else url
    return path if len(path) <= 120 else path[:117] + "..."
