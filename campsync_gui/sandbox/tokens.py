"""The sandbox tenant's credentials: the app's client secret, the opaque access tokens it issues (each remembering
who it is for: the application, or a user by object id) and the users' refresh tokens (rotated on use)."""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass

# Entra's refresh tokens for public clients live 90 days without use; long enough for any sandbox session.
REFRESH_TTL = 90 * 24 * 3600.0
_MAX_REFRESH_TOKENS = 10_000  # a long-running sandbox drops the oldest rather than grow without bound


def make_client_secret() -> str:
    # Shaped like an Entra secret value (40 characters with the "8Q~" marker) so it is recognisable in logs.
    return secrets.token_urlsafe(27)[:3] + "8Q~" + secrets.token_urlsafe(27)[:34]


@dataclass
class _Issued:
    client_id: str
    expires_at: float
    revoked: bool = False
    user_oid: str | None = None  # None: an application token (client credentials)


@dataclass(frozen=True)
class RefreshGrant:
    """What a refresh token stands for: the sign-in it came from."""

    client_id: str
    user_oid: str
    scope: str
    # The sign-in asked a one-time code while the tenant's MFA policy was on: a refresh under that policy passes.
    mfa_under_policy: bool
    issued_at: float


class TokenStore:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tokens: dict[str, _Issued] = {}
        self._refresh: dict[str, RefreshGrant] = {}

    def issue(self, client_id: str, ttl: float, user_oid: str | None = None) -> str:
        token = secrets.token_urlsafe(48)
        with self._lock:
            now = time.monotonic()
            # Drop long-dead tokens so a long-running sandbox does not grow without bound.
            for key in [k for k, v in self._tokens.items() if v.expires_at < now - 3600]:
                del self._tokens[key]
            self._tokens[token] = _Issued(client_id, now + ttl, user_oid=user_oid)
        return token

    def status(self, token: str) -> str:
        """"valid", "unknown", "expired" or "revoked"."""
        return self.lookup(token)[0]

    def lookup(self, token: str) -> tuple[str, str | None]:
        """(status as `status()`, the user's object id or None for an application token)."""
        with self._lock:
            issued = self._tokens.get(token)
            if issued is None:
                return "unknown", None
            if issued.revoked:
                return "revoked", issued.user_oid
            if time.monotonic() >= issued.expires_at:
                return "expired", issued.user_oid
            return "valid", issued.user_oid

    def issued(self) -> list[str]:
        """Every token handed out and still remembered, refresh tokens too (tests check none of them leaks)."""
        with self._lock:
            return list(self._tokens) + list(self._refresh)

    def revoke_all(self) -> None:
        with self._lock:
            for issued in self._tokens.values():
                issued.revoked = True

    def clear(self) -> None:
        with self._lock:
            self._tokens.clear()
            self._refresh.clear()

    # ------------------------------------------------------------------ refresh tokens

    def issue_refresh(self, grant: RefreshGrant) -> str:
        token = "1.A" + secrets.token_urlsafe(96)  # Entra's refresh tokens are long opaque strings too
        with self._lock:
            while len(self._refresh) >= _MAX_REFRESH_TOKENS:
                del self._refresh[next(iter(self._refresh))]
            self._refresh[token] = grant
        return token

    def refresh_grant(self, token: str) -> tuple[str, RefreshGrant | None]:
        """("valid" | "unknown" | "expired", grant), without using the token up."""
        with self._lock:
            grant = self._refresh.get(token)
        if grant is None:
            return "unknown", None
        if time.time() - grant.issued_at > REFRESH_TTL:
            return "expired", grant
        return "valid", grant

    def consume_refresh(self, token: str) -> bool:
        """Use a refresh token up (rotation: the answer carries a new one); False if another request did first."""
        with self._lock:
            return self._refresh.pop(token, None) is not None

    def revoke_user(self, user_oid: str) -> int:
        """Revoke every refresh token of a user (an admin's "revoke sessions"); the number revoked."""
        with self._lock:
            doomed = [k for k, g in self._refresh.items() if g.user_oid == user_oid]
            for key in doomed:
                del self._refresh[key]
        return len(doomed)
