"""The use cases of a person signing in, for both faces: who is signed in, sign in (browser or device code), sign
out, where the tokens are kept, who does the flow actions, and whether that person may do them at all.

A connection with a client id and neither a secret nor a certificate is a public client (`auth_method` "user"):
the person signs in with their own work account and Dynamics records them. It never falls back to the demo org
or to an application token: with nobody signed in, what needs the org stops with `SignInRequired`, whose message
says to run `campsync login` (the window opens its sign-in dialog instead).

A mixin of Workspace (its own room, so the workspace stays one page of use cases): it uses the workspace's
`connection`, `client`, `db`, `scope` and `sync`.
"""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path

from sqlmodel import Session

from ..dynamics import capabilities
from ..dynamics.errors import DynamicsError, SignInRequired
from ..language import translate
from .connections import SECRET, USER, NotConnected
from .models import Setting

log = logging.getLogger(__name__)

ALLOW_PLAINTEXT_KEY = "allow_plaintext_token_cache"  # app-wide setting (scope ''): a person's explicit yes


class SignInUseCases:
    _actor: str = ""  # a name fixed by a caller
    _signed_in_actor: str = ""  # the signed-in person's, remembered: the automation asks at every step
    _privilege_problem_checked: bool = False

    # ---- who ----------------------------------------------------------------------------------------------

    @property
    def is_user_sign_in(self) -> bool:
        """Whether a person signs in (a public client), rather than the app with a secret or certificate."""
        try:
            return self.connection.auth_method == USER
        except NotConnected:
            return False

    def account(self):
        """The signed-in person (username, tenant_id, object_id, name) from the token cache, no network; None when
        nobody is signed in, or the connection signs in as an application."""
        if not self.is_user_sign_in:
            return None
        return self._user_sign_in().account()

    @property
    def sign_in_method(self) -> str:
        """How this connection signs in, in `campsync whoami`'s words: browser, device_code, secret, certificate."""
        conn = self.connection
        if conn.auth_method != USER:
            return conn.auth_method
        # msal records in the token cache which grant signed the account in; "browser" when it did not say.
        return self._user_sign_in().last_method or "browser"

    @property
    def actor(self) -> str:
        """Who does the flow actions, as the outbox, the log and the exports record it: the signed-in person's
        user name, or '<client id> (application)' for an application user; '' while nobody is known."""
        if self._actor:
            return self._actor
        try:
            conn = self.connection
        except NotConnected:
            return ""
        if conn.auth_method != USER:
            return f"{conn.client_id} (application)"
        if self._signed_in_actor:
            return self._signed_in_actor
        if self._client is None and conn.token_cache is None:
            return ""  # nothing opened yet: reading the cache is the sign-in's job, not the actor's
        account = self.account()
        self._signed_in_actor = account.username if account else ""
        return self._signed_in_actor

    @actor.setter
    def actor(self, value: str) -> None:
        self._actor = value  # a fixed name (tests, a face that knows better); '' goes back to the signed-in one

    async def ensure_signed_in(self) -> None:
        """Make sure a person is signed in before a flow action is recorded in their name: a silent token (the
        refresh token is used), or the built-in demo org's own sign-in; SignInRequired otherwise."""
        if self.is_user_sign_in:
            await self.client.tokens.get_token()

    # ---- signing in and out --------------------------------------------------------------------------------

    async def sign_in_browser(self, *, cancel: asyncio.Event | None = None, prompt: str | None = None,
                              system_browser: bool = False):
        """Sign in in a browser (the system's, or the connection's own for the built-in demo org unless
        `system_browser`); returns the signed-in person."""
        signin = self._user_sign_in()
        saved_browser = signin.browser
        if system_browser:
            signin.browser = None
        try:
            user = await signin.sign_in_browser(cancel=cancel, prompt=prompt)
        finally:
            signin.browser = saved_browser
        self._person_changed()
        return user

    async def start_device_sign_in(self):
        """Ask the authority for a device code; the answer's `message` tells the person where to type it."""
        return await self._user_sign_in().start_device_code()

    async def finish_device_sign_in(self, code, *, cancel: asyncio.Event | None = None):
        """Wait until the person has typed the code and approved (or `cancel`); returns the signed-in person."""
        user = await self._user_sign_in().finish_device_code(code, cancel=cancel)
        self._person_changed()
        return user

    def sign_out(self) -> int:
        """Remove this connection's accounts from the token cache; the number removed (0 when none was there)."""
        if not self.is_user_sign_in:
            return 0
        signin = self._user_sign_in()
        removed = signin.sign_out()
        # Signed out means signed out, also on the built-in demo org: its demo operator is not signed back in by
        # itself at the next request (the person signs in again from the window's menu).
        self.connection.auto_sign_in = False
        signin.sign_in_when_needed = False
        self._person_changed()  # nobody now: the next person is asked for, and checked, afresh
        return removed

    def token_storage(self) -> tuple[str, str | None]:
        """(kind, problem): where this connection's tokens are kept ("encrypted", "plain file", "memory only"),
        and the sentence to show about it (None when the tokens are encrypted)."""
        cache = self._token_cache()
        return cache.kind, cache.problem

    def allow_plaintext_token_cache(self, allowed: bool = True) -> None:
        """The person's explicit choice to keep tokens in a plain file (0600) where nothing can encrypt them. Allowed
        while signed in with the tokens in memory, they move to that file at once: the next start is silent. Taken
        back, the file stays until the next sign-out (the person may be signed in through it elsewhere)."""
        with Session(self.db) as session:
            session.merge(Setting(scope="", key=ALLOW_PLAINTEXT_KEY, value="1" if allowed else "0"))
            session.commit()
        conn = self.connection
        current = conn.token_cache
        if not (allowed and current is not None and current.kind == "memory only" and not conn.tokens_in_memory_only):
            return
        from ..dynamics.token_cache import into_plain_file

        conn.token_cache = into_plain_file(current, self._home_folder())
        if self._client is not None and self.is_user_sign_in:
            self._client.tokens.use_cache(conn.token_cache)

    def plaintext_token_cache_allowed(self) -> bool:
        from ..dynamics.token_cache import allow_plaintext_from_env

        if allow_plaintext_from_env(os.environ):
            return True
        with Session(self.db) as session:
            row = session.get(Setting, ("", ALLOW_PLAINTEXT_KEY))
        return bool(row and row.value == "1")

    # ---- may this person do flow actions? ----------------------------------------------------------------

    async def check_signed_in_privileges(self) -> str | None:
        """For a person signed in: the privileges CampSync's flow actions need that they lack, as a reason to block
        flow actions before any write (once per sign-in); None when they hold them all, or for an application user
        (the doctor checks that one)."""
        if not self.is_user_sign_in or self._privilege_problem_checked:
            return self.sync.privilege_problem
        try:
            who = await self.client.whoami()
            held = await capabilities.user_privileges(self.client, str(who.get("UserId") or ""))
        except SignInRequired:
            raise
        except DynamicsError as exc:  # not allowed to read its own privileges: the org's own refusals will say
            log.info("could not read the signed-in user's privileges: %s", exc.message)
            return None
        missing = capabilities.missing_needs(held)
        problem = None
        if missing:
            account = self.account()
            who_name = account.username if account else translate("SignIn", "the signed-in user")
            roles = translate("SignIn", " and ").join(sorted({need.role for need in missing}))
            problem = translate("SignIn", "{who} may not do this in Dynamics: missing {privileges} (usually granted "
                                          "by {roles}); ask a Dynamics admin for that security role, or sign in as "
                                          "someone who has it").format(
                who=who_name, privileges=", ".join(n.privilege for n in missing), roles=roles)
        self.sync.privilege_problem, self._privilege_problem_checked = problem, True
        return problem

    # ---- the parts -----------------------------------------------------------------------------------------

    def _user_sign_in(self):
        conn = self.connection
        if conn.auth_method != USER:
            raise NotConnected((translate("SignIn", "Connection {name} signs in as an application with a client "
                                                    "secret: there is no person to sign in or out. A connection with "
                                                    "a client id only signs a person in.")
                                if conn.auth_method == SECRET else
                                translate("SignIn", "Connection {name} signs in as an application with a "
                                                    "certificate: there is no person to sign in or out. A connection "
                                                    "with a client id only signs a person in.")).format(
                name=repr(conn.name)))
        return self.client.tokens

    def _person_changed(self) -> None:
        """Someone else may be signed in now: their name and their privileges are looked up again when needed."""
        self.sync.privilege_problem, self._privilege_problem_checked = None, False
        self._signed_in_actor = ""

    def _token_cache(self, conn=None):
        """The connection's token cache, opened once: encrypted where the platform can, else memory only unless the
        person allowed a plain file (`<home>/token_cache.json`, 0600)."""
        from ..dynamics.token_cache import memory_token_cache, open_token_cache

        conn = conn or self.connection
        if conn.token_cache is None:
            if conn.tokens_in_memory_only:
                conn.token_cache = memory_token_cache()
            else:
                conn.token_cache = open_token_cache(self._home_folder(),
                                                    allow_plaintext=self.plaintext_token_cache_allowed())
        return conn.token_cache

    def _home_folder(self) -> Path:
        if self._home is not None:
            return Path(self._home)
        database = getattr(getattr(self.db, "url", None), "database", None)
        if database and database != ":memory:":
            return Path(database).parent
        raise NotConnected(translate("SignIn", "A store in memory has no folder for the token cache; give the "
                                               "workspace a home."))
