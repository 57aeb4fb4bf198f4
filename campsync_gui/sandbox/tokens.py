"""The sandbox tenant's credentials: the app's client secret and the opaque access tokens it issues."""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass


def make_client_secret() -> str:
    # Shaped like an Entra secret value (40 characters with the "8Q~" marker) so it is recognisable in logs.
    return secrets.token_urlsafe(27)[:3] + "8Q~" + secrets.token_urlsafe(27)[:34]


@dataclass
class _Issued:
    client_id: str
    expires_at: float
    revoked: bool = False


class TokenStore:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tokens: dict[str, _Issued] = {}

    def issue(self, client_id: str, ttl: float) -> str:
        token = secrets.token_urlsafe(48)
        with self._lock:
            now = time.monotonic()
            # Drop long-dead tokens so a long-running sandbox does not grow without bound.
            for key in [k for k, v in self._tokens.items() if v.expires_at < now - 3600]:
                del self._tokens[key]
            self._tokens[token] = _Issued(client_id, now + ttl)
        return token

    def status(self, token: str) -> str:
        """"valid", "unknown", "expired" or "revoked"."""
        with self._lock:
            issued = self._tokens.get(token)
            if issued is None:
                return "unknown"
            if issued.revoked:
                return "revoked"
            if time.monotonic() >= issued.expires_at:
                return "expired"
            return "valid"

    def issued(self) -> list[str]:
        """Every token handed out and still remembered (tests check none of them leaks anywhere)."""
        with self._lock:
            return list(self._tokens)

    def revoke_all(self) -> None:
        with self._lock:
            for issued in self._tokens.values():
                issued.revoked = True

    def clear(self) -> None:
        with self._lock:
            self._tokens.clear()
