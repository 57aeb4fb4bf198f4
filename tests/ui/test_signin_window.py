"""The window signs a person in with their work account, through the sandbox's sign-in page and the real msal code:
the sign-in dialog at start, Cancel, the account in the status bar, Switch account, Sign out, sign-in needed again
mid-session, and the signed-in person in the log's By column after a drop.

The sandbox's sign-in robot stands in for the system browser (and the person in front of it): it fills the sign-in
page and follows the redirect to msal's loopback receiver."""

import asyncio
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.paths import AppPaths
from campsync_gui.ui.main_window import MainWindow
from campsync_gui.ui.models.log import COL_BY, COL_PERSON
from campsync_gui.ui.session import AppSession
from campsync_gui.ui.widgets.account_button import NOT_SIGNED_IN
from support import connection_for

OPERATOR = "operator@campsyncsandbox.onmicrosoft.com"
MANAGER = "manager@campsyncsandbox.onmicrosoft.com"


class Person:
    """The system browser and the person at it: opens the sign-in page and, once `go` is set (at once by default),
    signs in there as `who`. Like a browser, it returns at once; the signing in happens beside msal's wait."""

    def __init__(self, org, who=OPERATOR, *, at_once=True, before=None):
        self.who = who
        self.ca = org.env()["CAMPSYNC_CA_BUNDLE"]
        self.go = threading.Event()
        if at_once:
            self.go.set()
        self.before = before  # what changes just before the person signs in (a knob turned back, say)
        self.opened: list[str] = []

    def __call__(self, auth_uri: str) -> None:
        self.opened.append(auth_uri)
        threading.Thread(target=self._sign_in, args=(auth_uri,), daemon=True).start()

    def _sign_in(self, auth_uri):
        if self.go.wait(30):
            from campsync_gui.sandbox.signin_robot import sign_in_robot

            if self.before is not None:
                self.before()
            sign_in_robot(self.who, verify=self.ca)(auth_uri)


@pytest.fixture
def signin_window(org, qtbot, qloop, tmp_path, monkeypatch):
    """build(browser) → a window on a work-account connection (a client id, no secret) to the sandbox org."""
    monkeypatch.setenv("CAMPSYNC_ALLOW_PLAINTEXT_TOKEN_CACHE", "1")
    built = []

    def build(browser):
        paths = AppPaths(tmp_path / "home").ensure()
        conn = connection_for(org, client_secret=None, secret_source=None, browser=browser)
        session = AppSession(Workspace(open_store(paths.db_file), connection=conn), paths)
        win = MainWindow(session)
        qtbot.addWidget(win)
        failures = []
        win.tasks.failed.connect(lambda name, message: failures.append((name, message)))
        win.failures = failures
        built.append(session)
        return win

    yield build
    for session in built:
        qloop.run_until_complete(session.close())


def wait_until(qloop, predicate, timeout=30.0):
    async def poll():
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError("timed out waiting for the window")
            await asyncio.sleep(0.02)
    qloop.run_until_complete(poll())


def run(qloop, task, timeout=60.0):
    return qloop.run_until_complete(asyncio.wait_for(task, timeout))


def dialog_waiting(win):
    dialog = win.signin.dialog
    return dialog is not None and dialog.isVisible() and dialog.heading.text() == "<b>Sign in…</b>"


def campaign_count(win):
    return win.campaigns_panel.campaigns.rowCount()


def test_signin_dialog_at_start_then_the_status_bar_names_the_user(org, signin_window, qloop):
    person = Person(org, at_once=False)
    win = signin_window(person)
    assert win.signin.button.text() == NOT_SIGNED_IN
    loading = win.refresh(people=True)
    # Nobody is signed in on this connection: the window asks, instead of failing to read from Dynamics.
    wait_until(qloop, lambda: dialog_waiting(win) and person.opened)
    dialog = win.signin.dialog
    assert "browser" in dialog.status.text() and dialog.cancel_button.text() == "Cancel"
    assert campaign_count(win) == 0, "nothing is read before the person has signed in"
    person.go.set()
    run(qloop, loading)
    assert dialog.heading.text() == "<b>Signed in</b>"
    assert dialog.status.text() == f"Signed in as Olivia Operator · {OPERATOR}."
    assert win.signin.button.text() == f"Olivia Operator · {OPERATOR}"
    assert [a.text() for a in win.signin.button.menu().actions()] == ["Switch account…", "Sign out"]
    # The read then went on, as the signed-in person.
    assert campaign_count(win) == len([c for c in org.state.campaigns.values() if not c["istemplate"]])
    assert win.workspace.actor == OPERATOR
    assert win.failures == []
    assert len(person.opened) == 1, "one sign-in page"


def test_signin_cancel_ends_the_wait_and_says_sign_in_cancelled(org, signin_window, qloop, qtbot):
    person = Person(org, at_once=False)  # the page opens; the person never signs in there
    win = signin_window(person)
    loading = win.refresh(people=True)
    wait_until(qloop, lambda: dialog_waiting(win) and person.opened)
    dialog = win.signin.dialog
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    run(qloop, loading, timeout=20)
    assert dialog.heading.text() == "<b>Not signed in</b>" and dialog.status.text() == "Sign-in cancelled."
    assert win.statusBar().currentMessage().startswith("Sign-in cancelled")
    assert win.signin.button.text() == NOT_SIGNED_IN
    # Nothing else broken: no failed task, the window is usable, and signing in afterwards works.
    assert win.failures == [] and not win.tasks.names()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # now "Close"
    assert not dialog.isVisible()
    person.go.set()
    run(qloop, win.signin.sign_in())
    assert win.signin.button.text() == f"Olivia Operator · {OPERATOR}"
    run(qloop, win.refresh(people=True))
    assert campaign_count(win) > 0 and win.failures == []


def test_signin_sign_out_then_not_signed_in_and_switch_account(org, signin_window, qloop):
    person = Person(org)
    win = signin_window(person)
    run(qloop, win.refresh(people=False))
    assert win.signin.button.text() == f"Olivia Operator · {OPERATOR}"
    # Switch account: msal's account picker; the person picks another account on the page.
    person.who = MANAGER
    run(qloop, win.signin.switch_account())
    assert "prompt=select_account" in person.opened[-1]
    assert win.signin.button.text() == f"Max Manager · {MANAGER}"
    assert win.workspace.account().username == MANAGER
    win.signin.button.sign_out_action.trigger()
    assert win.signin.button.text() == NOT_SIGNED_IN and win.signin.button.menu() is None
    assert win.workspace.account() is None
    assert win.failures == []


def test_signin_needed_again_mid_session_shows_the_dialog_once_and_retries(org, signin_window, qloop):
    # Access tokens that msal always refreshes (under its 5 minutes), then every refresh token revoked by an admin:
    # the next read needs the person again. They sign in (the admin's revocation is over by then).
    org.knobs.token_ttl = 1
    person = Person(org, before=lambda: setattr(org.knobs, "refresh_revoked", False))
    win = signin_window(person)
    run(qloop, win.refresh(people=False))
    assert len(person.opened) == 1
    first = win.signin.dialog
    org.knobs.refresh_revoked = True
    person.go.clear()
    reading = win.refresh(people=False)
    wait_until(qloop, lambda: dialog_waiting(win) and len(person.opened) == 2)
    reason = win.signin.dialog.status.text()
    assert reason.startswith("Your sign-in is no longer valid") or reason.startswith("Your sign-in has expired"), \
        reason
    assert "campsync login" not in reason, "the window's own words, not the command line's"
    person.go.set()
    run(qloop, reading)
    assert len(person.opened) == 2, "asked once more, once"
    assert win.signin.dialog is not first and win.signin.dialog.heading.text() == "<b>Signed in</b>"
    assert win.failures == [] and campaign_count(win) > 0
    assert win.statusBar().currentMessage().endswith("campaigns loaded."), "the read was done again"


def test_signin_a_drop_afterwards_shows_the_user_in_the_log_by_column(org, signin_window, qloop):
    win = signin_window(Person(org))
    run(qloop, win.refresh(people=True))
    campaign = sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                      key=lambda r: r["name"])[0]
    people = win.people_panel.model
    lead = next(pid for pid in people.matching_person_ids()
                if people.person_at(people.row_for_person(pid)).type == "lead")
    email = people.person_at(people.row_for_person(lead)).email
    mime = people.mimeData([people.index(people.row_for_person(lead), 0)])
    model = win.campaigns_panel.campaigns
    model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, model.index(model.row_of(campaign["campaignid"]), 0))
    wait_until(qloop, lambda: win.controller.preview is not None)
    win.controller.preview.accept()
    wait_until(qloop, lambda: win.controller.is_idle() and not win.workspace.pending_count())
    win.log_panel.flush()
    log = win.log_panel.model
    rows = [(log.index(r, COL_PERSON).data(), log.index(r, COL_BY).data()) for r in range(log.rowCount())]
    assert rows == [(email, OPERATOR)], "the log's By column names the signed-in person"
    assert win.failures == []


def test_signin_with_a_code_instead_shows_the_code_the_link_and_copy(org, signin_window, qloop, qtbot):
    """The browser's page never comes (a browser that failed to open without saying so): the person asks for a code
    instead, enters it on the sandbox's device-login page on another device, and is signed in."""
    from PySide6.QtGui import QGuiApplication

    from campsync_gui.sandbox.signin_robot import approve_device_code

    person = Person(org, at_once=False)
    win = signin_window(person)
    signing_in = win.signin.sign_in()
    wait_until(qloop, lambda: dialog_waiting(win) and person.opened)
    dialog = win.signin.dialog
    assert dialog.use_code_button.isVisible()
    qtbot.mouseClick(dialog.use_code_button, Qt.MouseButton.LeftButton)
    wait_until(qloop, lambda: dialog.user_code)
    code = dialog.user_code
    assert dialog.code_label.font().pointSizeF() > dialog.status.font().pointSizeF() * 1.5, "the code is big"
    assert dialog.code_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert code in dialog.device_message.text(), "msal's own message, naming the code"
    assert f'href="{org.env()["CAMPSYNC_ORG_URL"]}/devicelogin"' in dialog.url_label.text()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == code
    # The person types the code on the sandbox's device-login page (another device) and signs in there.
    approve_device_code(org.env()["CAMPSYNC_ORG_URL"], code, MANAGER, verify=org.env()["CAMPSYNC_CA_BUNDLE"])
    user = run(qloop, signing_in, timeout=40)
    assert user.username == MANAGER
    assert win.signin.button.text() == f"Max Manager · {MANAGER}"
    assert dialog.status.text() == f"Signed in as Max Manager · {MANAGER}."


def test_signin_application_connection_shows_the_app_and_no_menu(org, qtbot, qloop, tmp_path):
    paths = AppPaths(tmp_path / "home").ensure()
    session = AppSession(Workspace(open_store(paths.db_file), connection=connection_for(org)), paths)
    win = MainWindow(session)
    qtbot.addWidget(win)
    try:
        client_id = org.env()["CAMPSYNC_CLIENT_ID"]
        # Shown right after the first paint (reading the account opens the org's client, which the paint need not
        # wait for).
        qtbot.waitUntil(lambda: win.signin.button.text() == f"{client_id} (application) · client secret",
                        timeout=5000)
        assert win.signin.button.menu() is None
        admin = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Admin")
        assert "Try the real sign-in on the sandbox…" not in [a.text() for a in admin.actions()], \
            "only on the built-in sandbox"
    finally:
        qloop.run_until_complete(session.close())


def test_signin_builtin_sandbox_is_signed_in_by_itself_and_offers_the_real_sign_in(org, qtbot, qloop, tmp_path):
    from campsync_gui.builtin_org import demo_operator_connection

    paths = AppPaths(tmp_path / "home").ensure()
    session = AppSession(Workspace(open_store(paths.db_file), connection=demo_operator_connection(org)), paths,
                         sandbox=org)
    win = MainWindow(session)
    qtbot.addWidget(win)
    try:
        run(qloop, win.refresh(people=False))
        assert win.signin.dialog is None, "zero clicks: no sign-in dialog on the built-in sandbox"
        assert win.signin.button.text() == f"Olivia Operator · {OPERATOR}"
        admin = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Admin")
        assert "Try the real sign-in on the sandbox…" in [a.text() for a in admin.actions()]
    finally:
        session.sandbox = None  # the test session's org: not this window's to stop
        qloop.run_until_complete(session.close())


# ---- Admin → Connections: how the connection signs in -------------------------------------------------------------

@pytest.fixture
def connections(tmp_path, qtbot):
    from campsync_gui.core.connections import Connection
    from campsync_gui.ui.tasks import TaskManager
    from campsync_gui.ui.widgets.connections_dialog import ConnectionsDialog

    engine = open_store(tmp_path / "home" / "campsync.db")
    dialog = ConnectionsDialog(Workspace(engine, connection=Connection(name="sandbox")), TaskManager())
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog, engine
    engine.dispose()


def fill_profile(dialog, name="contoso"):
    dialog.name_edit.setText(name)
    dialog.url_edit.setText("https://contoso.crm.dynamics.com")
    dialog.tenant_edit.setText("tenant-1")
    dialog.client_edit.setText("client-1")


def test_signin_as_me_is_the_new_connection_choice_and_asks_no_secret(connections, qtbot):
    from campsync_gui.core import keychain
    from campsync_gui.core.connections import resolve_connection

    dialog, engine = connections
    form = dialog.form
    dialog.add_profile()
    assert form.auth_combo.currentText() == "Sign in as me (work account)"
    assert [form.auth_combo.itemText(i) for i in range(form.auth_combo.count())] == [
        "Sign in as me (work account)", "Client secret", "Certificate"]
    assert not form.secret_edit.isVisible() and not form.certificate_edit.isVisible()
    assert "own work account" in form.auth_hint.text() and form.auth_hint.isVisible()
    fill_profile(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    conn = resolve_connection(engine, environ={})
    assert (conn.name, conn.auth_method, conn.client_secret) == ("contoso", "user", None)
    # A stored secret, then the switch to "Sign in as me": the secret leaves the keyring, or it would still be used.
    form.auth_combo.setCurrentIndex(form.auth_combo.findData("secret"))
    assert form.secret_edit.isVisible()
    form.secret_edit.setText("s3cret-value")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert resolve_connection(engine, environ={}).auth_method == "secret"
    dialog.select_profile("contoso")
    assert form.auth_method() == "secret", "a stored profile shows how it signs in"
    form.auth_combo.setCurrentIndex(form.auth_combo.findData("user"))
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert keychain.get_secret("contoso") is None
    assert resolve_connection(engine, environ={}).auth_method == "user"


def test_signin_with_a_certificate_checks_the_pem_file_permissions(org, connections, qtbot, tmp_path):
    from campsync_gui.core.connections import resolve_connection

    dialog, engine = connections
    form = dialog.form
    dialog.add_profile()
    fill_profile(dialog, "admin-cert")
    form.auth_combo.setCurrentIndex(form.auth_combo.findData("certificate"))
    assert form.certificate_edit.isVisible() and not form.secret_edit.isVisible()
    assert not dialog.save_button.isEnabled() and "the certificate file" in dialog.needed_label.text()
    pem = tmp_path / "cert.pem"
    pem.write_bytes(Path(org.certificate_file).read_bytes())
    pem.chmod(0o644)  # the private key readable by others: refused, with what to do
    form.certificate_edit.setText(str(pem))
    assert form.certificate_message.isVisible() and "chmod 600" in form.certificate_message.text()
    assert not dialog.save_button.isEnabled()
    pem.chmod(0o600)
    form.certificate_edit.setText(str(pem) + " ")  # typed again: checked again
    assert not form.certificate_message.isVisible() and dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    conn = resolve_connection(engine, environ={})
    assert (conn.auth_method, conn.certificate_file, conn.client_secret) == ("certificate", str(pem), None)
    form.show_profile("admin-cert")  # read back from the store
    assert form.auth_method() == "certificate" and form.certificate_edit.text() == str(pem)
