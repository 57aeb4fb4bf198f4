"""A person at a browser, for tests and the built-in demo org: fills the sandbox's sign-in pages over real HTTP.

`sign_in_robot(...)` returns the `browser(auth_uri)` function msal's `acquire_token_interactive(auth_uri_callback=)`
calls (and CampSync's `UserSignIn(browser=)` takes). Like a browser, it works on its own thread: msal calls it
before its loopback receiver starts listening for the answer, so waiting for that answer inside the call would
never end. It GETs the authorize URL, submits the page's form with the user's name and password (and the one-time
code when asked), then delivers the answer as the browser would: it submits the form_post form to the app's
loopback redirect URI, or follows a redirect to it. On a refusal shown on the page it presses Cancel, so the app
gets `error=access_denied` with the reason, as when a person gives up.
"""

from __future__ import annotations

import ssl
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Callable
from urllib.parse import urljoin

import httpx

from .users import MFA_CODE, PASSWORD

Verify = ssl.SSLContext | str | bool
_TIMEOUT = 15.0
_MAX_STEPS = 8


@dataclass
class _Form:
    action: str
    fields: dict[str, str] = field(default_factory=dict)
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (name, value) of each submit button


class _Forms(HTMLParser):
    """The page's forms with their inputs, and its error line (the sandbox's pages mark it role=alert)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[_Form] = []
        self.alert = ""
        self._in_alert = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(_Form(a.get("action", "")))
        elif tag == "input" and self.forms and a.get("name"):
            self.forms[-1].fields[a["name"]] = a.get("value", "")
        elif tag == "button" and self.forms and a.get("type", "submit") == "submit":
            self.forms[-1].buttons.append((a.get("name", ""), a.get("value", "")))
        elif a.get("role") == "alert":
            self._in_alert = True

    def handle_endtag(self, tag: str) -> None:
        self._in_alert = False

    def handle_data(self, data: str) -> None:
        if self._in_alert:
            self.alert += data


class SignInRobot:
    """The browser function; `wait()` returns what happened ("delivered", or why not) once it has finished."""

    def __init__(self, username: str | None, password: str, mfa_code: str, verify: Verify, cancel: bool) -> None:
        self.username = username
        self.password = password
        self.mfa_code = mfa_code
        self.verify = verify
        self.cancel = cancel
        self.outcome = ""  # "delivered" when the app's loopback got the answer; else the reason
        self.page_messages: list[str] = []  # the error lines the pages showed, in order
        self._done = threading.Event()

    def __call__(self, auth_uri: str) -> None:
        # One robot serves every sign-in of a connection (the built-in demo org keeps one): each call starts afresh.
        self._done.clear()
        self.outcome = ""
        self.page_messages = []
        threading.Thread(target=self._run, args=(auth_uri,), name="sandbox-sign-in-robot", daemon=True).start()

    def wait(self, timeout: float = 30.0) -> str:
        if not self._done.wait(timeout):
            return "still running"
        return self.outcome

    def _run(self, auth_uri: str) -> None:
        try:
            with httpx.Client(verify=_context(self.verify), trust_env=False, timeout=_TIMEOUT) as client:
                self.outcome = self._browse(client, auth_uri)
        except Exception as exc:  # noqa: BLE001 - a browser shows the failure; the test reads it from outcome
            self.outcome = f"failed: {type(exc).__name__}: {exc}"
        finally:
            self._done.set()

    def _browse(self, client: httpx.Client, auth_uri: str) -> str:
        response = client.get(auth_uri)
        for _ in range(_MAX_STEPS):
            if response.is_redirect:  # response_mode=query: the browser follows it to the app's loopback
                location = urljoin(str(response.url), response.headers["location"])
                client.get(location)
                return "delivered"
            page = _Forms()
            page.feed(response.text)
            if page.alert:
                self.page_messages.append(page.alert.strip())
            if not page.forms:
                return f"the page answered {response.status_code} without a form: {page.alert.strip()}"
            form = page.forms[0]
            target = urljoin(str(response.url), form.action)
            if "code" in form.fields or "error" in form.fields:  # response_mode=form_post: the answer to the app
                client.post(target, data=form.fields)
                return "delivered"
            data = dict(form.fields)
            if self.cancel or page.alert:  # the person cancels, or gives up after a refusal
                data["action"] = "cancel"
            elif "otc" in data:
                data.update(otc=self.mfa_code, action="verify")
            else:
                data.update(username=self.username or "", password=self.password, action="sign_in")
            response = client.post(target, data=data)
        return "gave up: too many pages"


def sign_in_robot(
    username: str, password: str = PASSWORD, *, mfa_code: str = MFA_CODE, verify: Verify
) -> SignInRobot:
    """A `browser(auth_uri)` that signs `username` in on the sandbox's page (verify: the sandbox CA)."""
    return SignInRobot(username, password, mfa_code, verify, cancel=False)


def deny_robot(*, verify: Verify) -> SignInRobot:
    """A `browser(auth_uri)` where the person presses Cancel on the sign-in page: the app gets access_denied."""
    return SignInRobot(None, "", "", verify, cancel=True)


def approve_device_code(
    org_url_or_authority_base: str, user_code: str, username: str, password: str = PASSWORD, *,
    mfa_code: str = MFA_CODE, verify: Verify, decline: bool = False,
) -> None:
    """Complete the sandbox's device-login page for `user_code` (or press Cancel there, with decline=True).

    Raises RuntimeError with the page's message when the page refuses (a wrong code, password, disabled user)."""
    base = org_url_or_authority_base.rstrip("/")
    with httpx.Client(verify=_context(verify), trust_env=False, timeout=_TIMEOUT) as client:
        response = client.get(f"{base}/devicelogin")
        data = {"user_code": user_code, "username": username, "password": password,
                "action": "cancel" if decline else "sign_in"}
        for _ in range(_MAX_STEPS):
            response = client.post(f"{base}/devicelogin", data=data)
            page = _Forms()
            page.feed(response.text)
            if page.alert:
                raise RuntimeError(f"the device login page refused: {page.alert.strip()}")
            if not page.forms:
                return  # "You're signed in" or "Sign in canceled"
            form = page.forms[0]
            if "otc" not in form.fields:
                raise RuntimeError("the device login page asked again without saying why")
            data = dict(form.fields, otc=mfa_code, action="verify")
        raise RuntimeError("the device login page kept asking")


BrowserFunction = Callable[[str], None]


def _context(verify: Verify) -> ssl.SSLContext | bool:
    # A CA file path becomes a context that trusts that CA only (httpx deprecates a path for verify).
    return ssl.create_default_context(cafile=verify) if isinstance(verify, str) else verify
