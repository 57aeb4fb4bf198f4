"""What the sandbox's sign-in keeps between requests: sign-in pages in progress, authorization codes and device
codes. All bounded in number and lifetime, so a client looping on the authorize endpoint cannot grow the sandbox."""

from __future__ import annotations

import secrets
import string
import threading
import time
from dataclasses import dataclass, field
from typing import Generic, TypeVar

CODE_TTL = 600.0  # Entra's authorization codes last about 10 minutes
PAGE_TTL = 900.0
DEVICE_CODE_TTL = 900.0  # Entra: expires_in 900
_MAX_ITEMS = 2_000

T = TypeVar("T")


@dataclass
class AuthRequest:
    """A validated authorize request waiting for the person on the sign-in page."""

    tenant: str
    client_id: str
    redirect_uri: str
    response_mode: str  # "query" or "form_post"
    scope: str
    state: str | None
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None
    login_hint: str = ""
    # Filled as the person goes: the user who gave the right password, waiting for the one-time code.
    user_oid: str | None = None
    last_error: str = ""  # the AADSTS text of the last refusal, sent to the app if the person gives up


@dataclass(frozen=True)
class AuthCode:
    client_id: str
    redirect_uri: str
    scope: str
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None
    user_oid: str
    mfa_under_policy: bool


@dataclass
class DeviceCode:
    client_id: str
    scope: str
    user_code: str
    expires_at: float
    status: str = "pending"  # "pending" | "approved" | "declined" | "redeemed"
    user_oid: str | None = None
    mfa_under_policy: bool = False
    # Set when the password was right and the one-time code is asked: the code page must carry it back.
    mfa_ticket: str = ""
    mfa_user_oid: str | None = None


class _Bounded(Generic[T]):
    def __init__(self) -> None:
        self.items: dict[str, tuple[float, T]] = {}

    def put(self, key: str, value: T, ttl: float) -> None:
        now = time.monotonic()
        for k in [k for k, (at, _) in self.items.items() if at < now]:
            del self.items[k]
        while len(self.items) >= _MAX_ITEMS:
            del self.items[next(iter(self.items))]
        self.items[key] = (now + ttl, value)

    def get(self, key: str) -> T | None:
        entry = self.items.get(key)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]

    def pop(self, key: str) -> T | None:
        entry = self.items.pop(key, None)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]


@dataclass
class SignInStore:
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _pages: _Bounded[AuthRequest] = field(default_factory=_Bounded)
    _codes: _Bounded[AuthCode] = field(default_factory=_Bounded)
    _devices: _Bounded[DeviceCode] = field(default_factory=_Bounded)
    _user_codes: dict[str, str] = field(default_factory=dict)  # user code -> device code

    def start_page(self, request: AuthRequest) -> str:
        flow = secrets.token_urlsafe(24)
        with self._lock:
            self._pages.put(flow, request, PAGE_TTL)
        return flow

    def page(self, flow: str) -> AuthRequest | None:
        with self._lock:
            return self._pages.get(flow)

    def end_page(self, flow: str) -> None:
        with self._lock:
            self._pages.pop(flow)

    def issue_code(self, code: AuthCode) -> str:
        value = "1.A" + secrets.token_urlsafe(64)
        with self._lock:
            self._codes.put(value, code, CODE_TTL)
        return value

    def redeem_code(self, value: str) -> AuthCode | None:
        """The code's grant, once: a second redemption finds nothing."""
        with self._lock:
            return self._codes.pop(value)

    def start_device(self, client_id: str, scope: str, ttl: float = DEVICE_CODE_TTL) -> tuple[str, DeviceCode]:
        device_code = "DAQABAAEAAAA" + secrets.token_urlsafe(96)
        with self._lock:
            user_code = _user_code()
            while user_code in self._user_codes:
                user_code = _user_code()
            record = DeviceCode(client_id, scope, user_code, time.time() + ttl)
            self._devices.put(device_code, record, ttl + 600)  # expired_token is still answered for a while
            for stale in [u for u, d in self._user_codes.items() if self._devices.get(d) is None]:
                del self._user_codes[stale]
            self._user_codes[user_code] = device_code
        return device_code, record

    def device(self, device_code: str) -> DeviceCode | None:
        with self._lock:
            return self._devices.get(device_code)

    def device_by_user_code(self, user_code: str) -> DeviceCode | None:
        code = "".join(ch for ch in user_code.upper() if ch.isalnum())
        with self._lock:
            device_code = self._user_codes.get(code)
            return self._devices.get(device_code) if device_code else None

    def clear(self) -> None:
        with self._lock:
            self._pages.items.clear()
            self._codes.items.clear()
            self._devices.items.clear()
            self._user_codes.clear()


def _user_code() -> str:
    # Entra's user codes: 9 upper-case letters and digits, without look-alikes.
    alphabet = "".join(ch for ch in string.ascii_uppercase + string.digits if ch not in "0O1IL")
    return "".join(secrets.choice(alphabet) for _ in range(9))
