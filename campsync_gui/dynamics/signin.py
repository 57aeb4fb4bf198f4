"""A person signs in with their own work account (msal's public client): in a browser (authorization code with
PKCE, answered on a loopback port) or with a device code; afterwards tokens come silently from the token cache's
refresh token, across restarts when the cache is persisted.

Every msal call blocks, so each runs on a thread. Waiting for the person can be cancelled at once: the loopback
receiver is sent the answer a Cancel button on the sign-in page would send (`error=access_denied` with the flow's
state), which ends msal's wait."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import ssl
import threading
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx

from .auth import MsalHttp, aadsts_code, auth_error_from_result, network_error, no_answer_from, not_entra
from .errors import AuthError, BrowserUnavailable, ConnectionFailed, SignInCancelled, SignInRequired
from .signin_errors import (browser_unavailable, no_answer, not_signed_in, page_not_completed, signed_out,
                            user_error_from_result)
from .signin_errors import cancelled as cancelled_message  # `cancelled` names a wait below
from .tls import ConnectionTrust
from .token_cache import TokenCache

if TYPE_CHECKING:  # msal loads on the first sign-in, not when the window starts
    import msal
    from msal.oauth2cli.authcode import AuthCodeReceiver

log = logging.getLogger(__name__)

BROWSER, DEVICE_CODE = "browser", "device_code"
# msal records how an account was established (the grant) on the cached account: how the person signed in.
_METHOD_OF_GRANT = {"authorization_code": BROWSER, "urn:ietf:params:oauth:grant-type:device_code": DEVICE_CODE}
_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)


def _credential_types():
    """msal.TokenCache.CredentialType; msal loads on the first sign-in, not when the window starts."""
    import msal

    return msal.TokenCache.CredentialType


@dataclass(frozen=True)
class SignedInUser:
    username: str  # the UPN, e.g. operator@contoso.com
    tenant_id: str
    object_id: str
    name: str = ""


@dataclass(frozen=True)
class DeviceCode:
    """What to show the person: msal's `message` says where to go and which code to enter."""

    message: str
    user_code: str
    verification_uri: str
    expires_at: float
    flow: dict = field(repr=False, compare=False, default_factory=dict)  # holds the device code: never shown


class _LoopbackWait:
    """The browser sign-in in progress: where msal's loopback receiver listens and the flow's state, so a cancel
    (from any thread) can answer it as the sign-in page's Cancel would."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.redirect_uri: str | None = None
        self.state: str | None = None
        self.cancelled = False
        self.browser_failure: BaseException | None = None

    def ready(self, redirect_uri: str, state: str) -> bool:
        with self._lock:
            self.redirect_uri, self.state = redirect_uri, state
            return not self.cancelled

    def cancel(self) -> None:
        with self._lock:
            already, self.cancelled = self.cancelled, True
            redirect_uri, state = self.redirect_uri, self.state
        if already or redirect_uri is None:
            return
        port = urlsplit(redirect_uri).port
        try:  # msal's receiver reads only form_post answers; it listens on the loopback interface
            httpx.post(f"http://127.0.0.1:{port}/", data={"error": "access_denied", "error_description": "cancelled",
                                                         "state": state}, timeout=5, trust_env=False)
        except httpx.HTTPError as exc:  # the receiver already ended: nothing left to wake
            log.debug("loopback receiver did not take the cancel: %s", exc.__class__.__name__)


def _system_browser(auth_uri: str) -> None:
    if not webbrowser.open(auth_uri):
        raise BrowserUnavailable(browser_unavailable(), error="browser_unavailable")


class UserSignIn:
    """A TokenProvider for a person: `get_token` is silent (cached token or refresh token) and raises
    SignInRequired when the person must sign in, unless `sign_in_when_needed`, where it opens the sign-in itself."""

    SIGN_IN_WAIT = 600.0  # seconds a person has to finish in the browser

    def __init__(self, *, client_id: str, tenant_id: str, authority_host: str, resource: str,
                 trust: ConnectionTrust | ssl.SSLContext, cache: TokenCache,
                 browser: Callable[[str], None] | None = None, sign_in_when_needed: bool = False,
                 timeout: float = 30.0):
        self.client_id = client_id
        self.tenant_id = tenant_id
        self.authority_host = authority_host.rstrip("/")
        self._scopes = [resource.rstrip("/") + "/.default"]
        self._cache = cache
        self.browser = browser  # the sign-in page's opener; None: the system's browser (a face may swap it)
        self.sign_in_when_needed = sign_in_when_needed
        # trust_env=False: a machine-wide SSL_CERT_FILE/REQUESTS_CA_BUNDLE must not decide whom msal trusts.
        if isinstance(trust, ConnectionTrust):
            self._http = httpx.Client(timeout=timeout, **trust.sync_client_options())
        else:
            self._http = httpx.Client(verify=trust, trust_env=False, timeout=timeout)
        self._app: msal.PublicClientApplication | None = None
        self._lock = threading.Lock()
        self._silent_lock = threading.Lock()
        self._sign_in_lock = asyncio.Lock()  # one sign-in at a time (get_token may start one by itself)

    def __repr__(self) -> str:
        return f"UserSignIn(client_id={self.client_id!r}, authority={self.authority!r}, cache={self._cache.kind!r})"

    @property
    def authority(self) -> str:
        return f"{self.authority_host}/{self.tenant_id}"

    @property
    def cache(self) -> TokenCache:
        return self._cache

    def use_cache(self, cache: TokenCache) -> None:
        """Keep the tokens in `cache` from now on (the person allowed a plain file after signing in)."""
        with self._lock:
            self._cache = cache
            self._app = None  # msal's application holds the cache it was built with

    # ---- the account in the cache (no network) ----------------------------------------------------------------

    def account(self) -> SignedInUser | None:
        """The person signed in through this client id and authority, from the cache; None when nobody is."""
        account = self._cached_account()
        return None if account is None else self._user_of(account)

    @property
    def last_method(self) -> str | None:
        """How the cached account signed in: "browser", "device_code", or None (nobody, or not known)."""
        account = self._cached_account()
        return None if account is None else _METHOD_OF_GRANT.get(account.get("account_source") or "")

    def _accounts(self) -> list[dict]:
        cache = self._cache.cache
        environment = (urlsplit(self.authority_host).hostname or "").lower()  # msal keeps the host, no port
        mine = {e.get("home_account_id") for kind in (_credential_types().REFRESH_TOKEN, _credential_types().ID_TOKEN)
                for e in cache.search(kind, query={"client_id": self.client_id})}
        accounts = []
        for a in cache.search(_credential_types().ACCOUNT, query={"environment": environment}):
            if a.get("home_account_id") not in mine:
                continue  # another app's sign-in sharing the cache file
            if _GUID.match(self.tenant_id) and (a.get("realm") or "").lower() != self.tenant_id.lower():
                continue
            accounts.append(a)
        return accounts

    def _cached_account(self) -> dict | None:
        accounts = self._accounts()
        if not accounts:
            return None
        wanted = (self._cache.last_username or "").lower()
        for a in accounts:
            if wanted and (a.get("username") or "").lower() == wanted:
                return a
        # Several accounts and none signed in this session: the one whose token was fetched last.
        latest: dict[str, int] = {}
        for at in self._cache.cache.search(_credential_types().ACCESS_TOKEN, query={"client_id": self.client_id}):
            home, cached_at = at.get("home_account_id"), int(at.get("cached_at") or 0)
            latest[home] = max(latest.get(home, 0), cached_at)
        return max(accounts, key=lambda a: latest.get(a.get("home_account_id"), 0))

    def _user_of(self, account: dict) -> SignedInUser:
        claims = {}
        for idt in self._cache.cache.search(_credential_types().ID_TOKEN, query={"client_id": self.client_id,
                                                               "home_account_id": account.get("home_account_id")}):
            claims = _claims(idt.get("secret") or "")
            break
        return SignedInUser(username=account.get("username") or claims.get("preferred_username") or "",
                            tenant_id=account.get("realm") or claims.get("tid") or "",
                            object_id=account.get("local_account_id") or claims.get("oid") or "",
                            name=str(claims.get("name") or ""))

    # ---- tokens ------------------------------------------------------------------------------------------------

    async def get_token(self, *, force_refresh: bool = False) -> str:
        try:
            return await asyncio.to_thread(self._silent, force_refresh)
        except SignInRequired:
            if not self.sign_in_when_needed:
                raise
        user = self.account()
        await self.sign_in_browser(login_hint=user.username if user else None)
        return await asyncio.to_thread(self._silent, False)

    def _silent(self, force_refresh: bool) -> str:
        account = self._cached_account()
        if account is None:
            raise SignInRequired(not_signed_in(), error="not_signed_in")
        app = self._application()
        # One refresh at a time: concurrent requests would each spend the same (rotating) refresh token; the
        # ones after the first find the new access token in the cache.
        with self._silent_lock:
            result = self._msal(lambda: app.acquire_token_silent_with_error(self._scopes, account,
                                                                            force_refresh=force_refresh))
        if result is None:  # the account is there but its refresh token is not (removed, or never given)
            raise SignInRequired(signed_out(), error="no_refresh_token")
        if "access_token" not in result:
            raise user_error_from_result(result, silent=True)
        return result["access_token"]

    # ---- browser sign-in ---------------------------------------------------------------------------------------

    async def sign_in_browser(self, *, cancel: asyncio.Event | None = None, prompt: str | None = None,
                              login_hint: str | None = None) -> SignedInUser:
        """Open the sign-in page (in `browser`, else the system's browser) and wait for the person; `cancel` set
        ends the wait at once with SignInCancelled."""
        browser = self.browser
        if browser is None:
            try:
                webbrowser.get()
            except webbrowser.Error as exc:
                raise BrowserUnavailable(browser_unavailable(), error="browser_unavailable") from exc
            browser = _system_browser
        async with self._sign_in_lock:
            wait = _LoopbackWait()
            job = asyncio.ensure_future(asyncio.to_thread(self._interactive, browser, prompt, login_hint, wait))
            return await self._until_done_or_cancelled(job, cancel, on_cancel=wait.cancel)

    def _interactive(self, browser: Callable[[str], None], prompt: str | None, login_hint: str | None,
                     wait: _LoopbackWait) -> SignedInUser:
        from msal.oauth2cli.authcode import AuthCodeReceiver

        app = self._application()
        with AuthCodeReceiver(port=0) as receiver:
            redirect_uri = f"http://localhost:{receiver.get_port()}"
            flow = self._msal(lambda: app.initiate_auth_code_flow(
                self._scopes, redirect_uri=redirect_uri, prompt=prompt, login_hint=login_hint,
                response_mode="form_post"))
            if "auth_uri" not in flow:
                raise user_error_from_result(flow, silent=False)
            if not wait.ready(redirect_uri, flow["state"]):
                raise SignInCancelled(cancelled_message(), error="access_denied")

            def open_page() -> None:
                # Its own thread: a browser stand-in that answers the loopback itself must not block the receiver.
                try:
                    browser(flow["auth_uri"])
                except BaseException as exc:  # noqa: BLE001 - reported to the waiting sign-in below
                    wait.browser_failure = exc
                    wait.cancel()

            threading.Thread(target=open_page, name="campsync-sign-in-page", daemon=True).start()
            response = _wait_for_answer(receiver, self.SIGN_IN_WAIT, flow["state"])
        if wait.browser_failure is not None:
            failure = wait.browser_failure
            if isinstance(failure, AuthError):
                raise failure
            raise AuthError(page_not_completed(failure), error="browser_failed") from failure
        if wait.cancelled:
            raise SignInCancelled(cancelled_message(), error="access_denied")
        if not response:
            raise AuthError(no_answer(), error="timeout")
        result = self._msal(lambda: app.acquire_token_by_auth_code_flow(flow, response, scopes=self._scopes))
        return self._signed_in(result)

    # ---- device code -------------------------------------------------------------------------------------------

    async def start_device_code(self) -> DeviceCode:
        """Ask the authority for a code the person enters at its verification page (on any device)."""
        def start() -> dict:
            app = self._application()
            return self._msal(lambda: app.initiate_device_flow(scopes=self._scopes))

        flow = await asyncio.to_thread(start)
        if "user_code" not in flow:
            raise user_error_from_result(flow, silent=False)
        return DeviceCode(message=str(flow.get("message") or ""), user_code=flow["user_code"],
                          verification_uri=str(flow.get("verification_uri") or ""),
                          expires_at=float(flow.get("expires_at") or 0), flow=flow)

    async def finish_device_code(self, code: DeviceCode, *, cancel: asyncio.Event | None = None) -> SignedInUser:
        """Wait until the person approved the code (or it expires); `cancel` ends the wait at once."""
        stop = threading.Event()
        flow = dict(code.flow)  # msal changes the flow while polling

        def finish() -> SignedInUser:
            app = self._application()
            result = self._msal(lambda: app.acquire_token_by_device_flow(
                flow, exit_condition=lambda f: stop.is_set() or f.get("expires_at", 0) < time.time()))
            if stop.is_set():
                raise SignInCancelled(cancelled_message(), error="access_denied")
            if result.get("error") in ("authorization_pending", "slow_down"):  # polling ended: the code expired
                result = {**result, "error": "expired_token"}
            return self._signed_in(result)

        async with self._sign_in_lock:
            job = asyncio.ensure_future(asyncio.to_thread(finish))
            return await self._until_done_or_cancelled(job, cancel, on_cancel=stop.set)

    # ---- sign out ----------------------------------------------------------------------------------------------

    def sign_out(self) -> int:
        """Remove this client id's accounts (and their tokens) for this authority from the cache; how many."""
        removed = 0
        cache = self._cache.cache
        kinds = _credential_types()
        with self._lock:
            for account in self._accounts():
                owned = {"home_account_id": account.get("home_account_id"), "environment": account.get("environment")}
                for rt in list(cache.search(kinds.REFRESH_TOKEN, query={**owned, "client_id": self.client_id})):
                    cache.remove_rt(rt)
                for at in list(cache.search(kinds.ACCESS_TOKEN, query={**owned, "client_id": self.client_id})):
                    cache.remove_at(at)
                for idt in list(cache.search(kinds.ID_TOKEN, query={**owned, "client_id": self.client_id})):
                    cache.remove_idt(idt)
                still_used = any(True for kind in (kinds.REFRESH_TOKEN, kinds.ID_TOKEN)
                                 for _ in cache.search(kind, query=owned))
                if not still_used:  # another app's tokens for the same person keep the account entry
                    cache.remove_account(account)
                removed += 1
        self._cache.last_username = None
        return removed

    def close(self) -> None:
        self._http.close()

    # ---- shared ------------------------------------------------------------------------------------------------

    async def _until_done_or_cancelled(self, job: asyncio.Future, cancel: asyncio.Event | None,
                                       on_cancel: Callable[[], None]) -> SignedInUser:
        waits = {job}
        cancelled = asyncio.ensure_future(cancel.wait()) if cancel is not None else None
        if cancelled is not None:
            waits.add(cancelled)
        try:
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            # The task itself was cancelled (Ctrl+C, the window closing): wake the waiting thread too, or the
            # process would wait for it at exit for as long as the sign-in may take.
            job.add_done_callback(_consume)
            on_cancel()
            raise
        finally:
            if cancelled is not None:
                cancelled.cancel()
        if job.done():
            return job.result()
        # The person cancelled: answer at once; the thread ends by itself once msal's wait notices.
        job.add_done_callback(_consume)
        await asyncio.to_thread(on_cancel)
        raise SignInCancelled(cancelled_message(), error="access_denied")

    def _signed_in(self, result: dict) -> SignedInUser:
        if "access_token" not in result:
            raise user_error_from_result(result, silent=False)
        claims = result.get("id_token_claims") or {}
        user = SignedInUser(username=str(claims.get("preferred_username") or ""), tenant_id=str(claims.get("tid")
                            or ""), object_id=str(claims.get("oid") or ""), name=str(claims.get("name") or ""))
        self._cache.last_username = user.username or None
        log.info("signed in as %s", user.username)
        return user

    def _application(self) -> msal.PublicClientApplication:
        with self._lock:
            if self._app is None:
                import msal

                self._app = self._msal(lambda: msal.PublicClientApplication(
                    self.client_id, authority=self.authority, token_cache=self._cache.cache,
                    http_client=MsalHttp(self._http),
                    # Instance discovery only knows Microsoft's clouds; a sandbox or sovereign host needs it off.
                    instance_discovery="login.microsoftonline.com" in self.authority_host.lower()))
            return self._app

    def _msal(self, call: Callable):
        """Run an msal call, turning its network and discovery failures into CampSync's errors."""
        try:
            return call()
        except ValueError as exc:
            # msal wraps a failed OIDC discovery in a generic ValueError; the Entra text is in its context.
            original = str(exc.__context__ or exc)
            if aadsts_code(original):
                raise auth_error_from_result({"error": "invalid_tenant", "error_description": original}) from exc
            raise AuthError(not_entra(self.authority), error="discovery_failed") from exc
        except httpx.ConnectError as exc:
            raise network_error(exc, self.authority_host) from exc
        except httpx.HTTPError as exc:
            raise ConnectionFailed(no_answer_from(self.authority_host, exc), cause=exc) from exc


def _wait_for_answer(receiver: AuthCodeReceiver, timeout: float, state: str) -> dict | None:
    """The sign-in page's answer on the loopback port. msal's public get_auth_response waits on yet another thread
    and looks at it once a second, which added a whole second to every sign-in (the demo org's at each start, each
    `campsync` command on it); this is already a worker thread, so the receiver's own loop runs here, answering as
    soon as the page posts (a cancel posts too). Falls back to the public call should msal rename it."""
    serve = getattr(receiver, "_get_auth_response", None)
    if serve is None:
        return receiver.get_auth_response(timeout=timeout, state=state)
    result: dict = {}
    try:
        serve(result, timeout=timeout, state=state)
    except RuntimeError:  # msal's server ends its wait this way when nothing came within the timeout
        return None
    return result or None


def _consume(job: asyncio.Future) -> None:
    """Read the outcome of a sign-in nobody waits for any more (asyncio would report it as never retrieved)."""
    if not job.cancelled():
        job.exception()


def _claims(id_token: str) -> dict:
    """The claims of an id token (msal checked it when it arrived; this only reads the name back)."""
    from msal.oauth2cli.oidc import decode_part

    try:
        return json.loads(decode_part(id_token.split(".")[1]))
    except (IndexError, ValueError):
        return {}
