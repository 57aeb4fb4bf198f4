"""Typed errors of the Dataverse client, each with a message a person can act on."""

from __future__ import annotations

import json
from typing import Any


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


class AuthError(DynamicsError):
    """The authority refused to issue a token (wrong tenant, client id or secret, bad scope)."""

    def __init__(self, message: str, *, error: str | None = None, aadsts: int | None = None,
                 description: str | None = None):
        super().__init__(message, code=error)
        self.error = error
        self.aadsts = aadsts
        self.description = description


class ConnectionFailed(DynamicsError):
    """The org could not be reached: DNS, refused connection, TLS failure, dropped connection, timeout."""

    def __init__(self, message: str, *, cause: BaseException | None = None):
        super().__init__(message)
        self.cause = cause

    @property
    def retryable(self) -> bool:
        return True


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


class ServiceError(DynamicsError):
    """Dataverse answered with an error envelope `{"error":{"code","message"}}`."""

    @property
    def retryable(self) -> bool:
        return self.status in (429, 502, 503, 504)


class BadRequest(ServiceError):
    pass


class Unauthorized(ServiceError):
    pass


class PermissionDenied(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class Throttled(ServiceError):
    def __init__(self, message: str, *, retry_after: float | None = None, **kw: Any):
        super().__init__(message, **kw)
        self.retry_after = retry_after


class ServerUnavailable(ServiceError):
    pass


_BY_STATUS: dict[int, type[ServiceError]] = {
    400: BadRequest, 401: Unauthorized, 403: PermissionDenied, 404: NotFound, 429: Throttled,
}

_PLAIN_PREFIX = {
    401: "Dynamics refused the access token",
    403: "The application user lacks a privilege in Dynamics",
    404: "Not found in Dynamics",
    429: "Dynamics is throttling requests (server busy)",
}


def parse_envelope(body: bytes | str) -> tuple[str | None, str | None]:
    """Return (code, message) from a Dataverse error body; tolerant of non-JSON or truncated bodies."""
    try:
        data = json.loads(body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return None, None
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict):
        code = error.get("code")
        message = error.get("message")
        return (str(code) if code else None), (str(message) if message else None)
    return None, None


def error_from_response(status: int, body: bytes, headers: Any, method: str, url: str) -> ServiceError:
    """Map an HTTP error response to the matching typed error with a readable message."""
    code, server_message = parse_envelope(body)
    request_id = headers.get("x-ms-service-request-id") or headers.get("req_id") if headers else None
    if status >= 500:
        cls: type[ServiceError] = ServerUnavailable
        prefix = f"Dynamics had a server error (HTTP {status})"
    else:
        cls = _BY_STATUS.get(status, ServiceError)
        prefix = _PLAIN_PREFIX.get(status, f"Dynamics rejected the request (HTTP {status})")
    detail = server_message or (body[:200].decode("utf-8", "replace").strip() if body else "") or "no details given"
    message = f"{prefix}: {detail} [{method} {_short(url)}]"
    kwargs: dict[str, Any] = {"status": status, "code": code, "request_id": request_id}
    if cls is Throttled:
        return Throttled(message, retry_after=parse_retry_after(headers.get("retry-after")), **kwargs)
    return cls(message, **kwargs)


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After in seconds (Dataverse sends an integer); None when absent or unreadable."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def _short(url: str) -> str:
    # Keep messages readable: the path after the API root is what identifies the call.
    marker = "/api/data/"
    at = url.find(marker)
    path = url[at + len(marker):].split("/", 1)[-1] if at >= 0 else url
    return path if len(path) <= 120 else path[:117] + "..."
