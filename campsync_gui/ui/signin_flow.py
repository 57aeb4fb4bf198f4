"""The window's side of signing a person in: the account in the status bar, the sign-in dialog at start when a
work-account connection has nobody signed in, once more (then a retry) when Dynamics needs the person again, Switch
account and Sign out, and Admin → "Try the real sign-in on the sandbox…".

The sign-in itself is the core's (`workspace.sign_in_browser`, `start_device_sign_in`/`finish_device_sign_in`,
`sign_out`); here only what the person sees of it. One sign-in at a time: a second task needing the person waits for
the dialog already shown instead of opening another."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from ..core.connections import NotConnected
from ..dynamics.errors import BrowserUnavailable, DynamicsError, SignInCancelled, SignInRequired
from ..dynamics.signin_errors import without_command_line
from .i18n import translate
from .tasks import describe_failure
from .widgets.account_button import AccountButton, account_text
from .widgets.signin_dialog import CANCELLED_TEXT, SignInDialog

log = logging.getLogger(__name__)
T = TypeVar("T")

SIGN_IN_TASK = "sign in"
# English at import time (before the translator is installed): translated where shown.
BROWSER_INTRO = QT_TRANSLATE_NOOP("SignInFlow", "Your browser opens your organisation's sign-in page. Sign in there; "
                                                "CampSync waits here until you are done. No page opened? Use a code "
                                                "instead.")
NO_BROWSER = QT_TRANSLATE_NOOP("SignInFlow", "No web browser can be opened on this computer. Sign in with a code "
                                             "instead: you enter it on any device with a browser, then CampSync goes "
                                             "on.")
SIGNED_IN_CLOSE_MS = 2500  # the account stays in view this long, then the dialog closes by itself


class SignInFlow(QObject):
    """Owned by the main window; `button` goes in its status bar."""

    account_changed = Signal()

    def __init__(self, window: QMainWindow):
        """`window`: the main window (its session, tasks, controller and status), not imported here: it imports us."""
        super().__init__(window)
        self.window = window
        self.workspace = window.session.workspace
        self.tasks = window.tasks
        self.button = AccountButton()
        self.button.sign_in_requested.connect(lambda: self.sign_in())
        self.button.switch_requested.connect(lambda: self.switch_account())
        self.button.sign_out_requested.connect(lambda: self.sign_out())
        self.dialog: SignInDialog | None = None  # the last sign-in dialog shown (open, or showing how it ended)
        self._current: asyncio.Future | None = None  # the sign-in in progress; others needing it await it
        window.controller.busy_changed.connect(self._after_sync)
        window.controller.signed_in = self.guarded  # a flow action is recorded in the signed-in person's name
        # After the first paint: reading the account opens the org's client (TLS contexts, the token cache), which
        # the window need not wait for to appear.
        QTimer.singleShot(0, self.show_account)

    # ---- what the status bar shows

    @property
    def is_user_sign_in(self) -> bool:
        return self.workspace.is_user_sign_in

    def account(self):
        """The signed-in person, from the token cache; None also when the connection cannot be opened (the window's
        banner says why)."""
        try:
            return self.workspace.account()
        except (NotConnected, DynamicsError) as exc:
            log.info("no account to show: %s", exc)
            return None

    def show_account(self) -> None:
        conn = self.workspace.connection
        if not self.is_user_sign_in:
            actor = self.workspace.actor or translate("SignInFlow", "{client_id} (application)").format(
                client_id=conn.client_id)
            self.button.show_application(actor, conn.auth_method)
        elif (user := self.account()) is not None:
            self.button.show_user(user.name, user.username, user.tenant_id)
        else:
            self.button.show_signed_out()
        self.account_changed.emit()

    # ---- the window's work, with the person signed in

    async def guarded(self, make: Callable[[], Awaitable[T]], *,
                      signed_out: Callable[[], None] | None = None) -> T | None:
        """Run `make()` with someone signed in: on a work-account connection with nobody signed in, the sign-in
        dialog first; when Dynamics answers that the person must sign in (again), the dialog once, then `make()`
        once more. `signed_out` runs instead when the person does not sign in (the window shows what it has)."""
        if (self.is_user_sign_in and self.account() is None and not self.workspace.connection.auto_sign_in
                and not self.window.session.connection_problem):  # an unfinished connection: its banner says why
            if await self.run_sign_in() is None:
                if signed_out is not None:
                    signed_out()
                return None
        try:
            return await make()
        except SignInRequired as exc:
            if await self.run_sign_in(reason=window_words(exc.message)) is None:
                if signed_out is not None:
                    signed_out()
                return None
            return await make()
        finally:
            self.show_account()  # the built-in sandbox signs its demo operator in on the first call

    def _after_sync(self, busy: bool) -> None:
        """Flow actions left queued after a run on a work-account connection: if that is because the person must
        sign in (again), say so with the dialog rather than leave the rows waiting, and send them afterwards."""
        if busy or not self.is_user_sign_in or self._busy() or not self.workspace.pending_count():
            return
        self.tasks.start("check sign-in", self._check_after_sync(), replace=True)

    async def _check_after_sync(self) -> None:
        try:
            await self.workspace.latency_ms()  # one WhoAmI: needs a token, so it says whether sign-in is needed
        except SignInRequired as exc:
            if await self.run_sign_in(reason=window_words(exc.message)) is not None:
                self.window.controller.send()
        except DynamicsError:
            pass  # the org cannot be reached: the queue panel and the log already say so; the rows stay queued

    # ---- the person's gestures

    def sign_in(self, *, prompt: str | None = None) -> asyncio.Task:
        return self.tasks.start(SIGN_IN_TASK, self.run_sign_in(prompt=prompt))

    def switch_account(self) -> asyncio.Task:
        """Msal's account picker in the browser; the other account replaces this one when sign-in succeeds."""
        return self.tasks.start(SIGN_IN_TASK, self.run_sign_in(prompt="select_account",
                                                               title=translate("SignInFlow", "Switch account")))

    def sign_out(self) -> int:
        removed = self.workspace.sign_out()
        self.show_account()
        self.window.show_status(translate("SignInFlow", "Signed out: CampSync no longer holds a sign-in for this "
                                                        "connection on this computer.") if removed
                                else translate("SignInFlow", "Not signed in."))
        return removed

    # ---- the dialog

    def _busy(self) -> bool:
        return self._current is not None and not self._current.done()

    async def run_sign_in(self, *, prompt: str | None = None, reason: str = "", title: str | None = None,
                          device_code: bool = False, system_browser: bool = False) -> object | None:
        """Show the sign-in dialog (titled `title`, else "Sign in") and sign in; the SignedInUser, or None when the
        person did not sign in (the dialog and the status bar say why). A call while a sign-in is shown waits for
        that one."""
        title = title or translate("SignInFlow", "Sign in")  # here, not as the default: that is read at import
        if not self._busy():
            self._current = asyncio.ensure_future(self._sign_in(prompt, reason, title, device_code, system_browser))
        try:
            return await asyncio.shield(self._current)
        except asyncio.CancelledError:
            if self.dialog is not None:
                self.dialog.cancel.set()  # the window is closing: end the core's wait too, nothing left waiting
            raise

    async def _sign_in(self, prompt: str | None, reason: str, title: str, device_code: bool, system_browser: bool):
        intro = translate("SignInFlow", BROWSER_INTRO)
        intro = f"{reason}\n\n{intro}" if reason else intro
        dialog = SignInDialog(title, intro, self.window)
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # shown, not exec(): the event loop (and the window's other tasks) keep running
        use_code = asyncio.Event()
        dialog.use_code_requested.connect(use_code.set)
        try:
            user = None if device_code else await self._in_browser(dialog, use_code, prompt, system_browser)
            if user is None:
                user = await self._with_code(dialog)
        except SignInCancelled:
            cancelled = translate("SignInFlow", "Sign-in cancelled.")
            self._ended(dialog, cancelled, status=cancelled)
            return None
        except asyncio.CancelledError:
            dialog.cancel.set()  # the window is closing: the core's wait ends too
            dialog.finish(translate("SignInFlow", "Sign-in cancelled."), ok=False)
            raise
        except Exception as exc:  # noqa: BLE001 — whatever it is, the dialog must not keep saying "Sign in…"
            if not isinstance(exc, DynamicsError):
                log.warning("sign-in failed", exc_info=True)
            text = window_words(describe_failure(exc))
            self._ended(dialog, text, status=translate("SignInFlow", "Not signed in: {reason}").format(reason=text))
            return None
        text = translate("SignInFlow", "Signed in as {account}.").format(account=account_text(user.name, user.username))
        dialog.finish(text, ok=True)
        QTimer.singleShot(SIGNED_IN_CLOSE_MS, dialog, dialog.accept)
        self.show_account()
        self.window.show_status(text)
        return user

    async def _in_browser(self, dialog: SignInDialog, use_code: asyncio.Event, prompt: str | None,
                          system_browser: bool):
        """The browser sign-in; None when the person asks for a code instead. That is offered all along, not only
        where no browser opens: a browser can also fail to open without saying so (`gio: Operation not
        supported` under a bare X server), and the person must not be left waiting for a page that never came."""
        dialog.use_code_button.show()
        stop_browser = asyncio.Event()  # Cancel, or a code asked for: the core's loopback wait ends either way
        browser = asyncio.ensure_future(self.workspace.sign_in_browser(cancel=stop_browser, prompt=prompt,
                                                                       system_browser=system_browser))
        asked = [asyncio.ensure_future(use_code.wait()), asyncio.ensure_future(dialog.cancel.wait())]
        try:
            await asyncio.wait([browser, *asked], return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in asked:
                task.cancel()
            if not browser.done():
                stop_browser.set()
        try:
            return await browser
        except BrowserUnavailable:
            dialog.offer_code(translate("SignInFlow", NO_BROWSER))
            await _first_of(use_code.wait(), dialog.cancel.wait())
        except SignInCancelled:
            if not use_code.is_set():
                raise
        if dialog.cancel.is_set():
            raise SignInCancelled(CANCELLED_TEXT)
        return None

    async def _with_code(self, dialog: SignInDialog):
        dialog.show_waiting(translate("SignInFlow", "Asking Microsoft for a sign-in code…"))
        code = await self.workspace.start_device_sign_in()
        dialog.show_device_code(code.message, code.user_code, code.verification_uri)
        return await self.workspace.finish_device_sign_in(code, cancel=dialog.cancel)

    def _ended(self, dialog: SignInDialog, text: str, *, status: str) -> None:
        dialog.finish(text, ok=False)
        self.show_account()
        self.window.show_status(status)

    # ---- Admin → Try the real sign-in on the sandbox…

    def add_menu_entries(self, admin_menu) -> QAction | None:
        """Only on the built-in sandbox: a newcomer tries the sign-in a real org asks for, on the demo users."""
        if not self.window.session.is_builtin_sandbox:
            return None
        action = QAction(translate("SignInFlow", "Try the real sign-in on the sandbox…"), self.window)
        action.triggered.connect(lambda _checked=False: self.try_real_sign_in())
        admin_menu.addSeparator()
        admin_menu.addAction(action)
        self.try_action = action
        return action

    def try_real_sign_in(self) -> asyncio.Task:
        return self.tasks.start(SIGN_IN_TASK, self._try_real_sign_in())

    async def _try_real_sign_in(self):
        """The demo operator is signed out; the person signs in as any demo user in their own browser (the page
        lists them, password "demo"), or with a code where no browser can be opened."""
        self.workspace.sign_out()
        self.show_account()
        # The system browser, not the robot that signs the demo operator in.
        return await self.run_sign_in(title=translate("SignInFlow", "Sign in to the sandbox"), system_browser=True,
                                      reason=translate("SignInFlow", "Sign in as one of the demo users listed on the "
                                                                     "page (password: demo)."))


def window_words(message: str) -> str:
    """The core's sentence without the command-line instruction it ends with: the window offers its own way (this
    dialog, "Use a code instead", the status bar's Sign in…)."""
    # The core's pieces (in either language) are found and replaced by the window's, in the person's language.
    return without_command_line(message, sign_in=translate("SignInFlow", "sign in"),
                                use_code=translate("SignInFlow", "use a code instead"),
                                button=translate("SignInDialog", "Use a code instead"))


async def _first_of(*waits: Awaitable) -> None:
    """Wait until the first of `waits` is done; cancel the others."""
    tasks = [asyncio.ensure_future(w) for w in waits]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
