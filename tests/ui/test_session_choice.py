"""Which org the window opens on: the built-in demo org only when nothing is configured. A connection configured
but incomplete (one CAMPSYNC_* variable) is opened as it is,
and the session says what is missing, for the window to show, instead of quietly using demo data."""

import asyncio

import pytest

from campsync_gui.core.connections import ProfileFields, Profiles
from campsync_gui.core.store import open_store
from campsync_gui.paths import AppPaths
from campsync_gui.ui.main_window import MainWindow
from campsync_gui.ui.session import SANDBOX_NAME, open_session

VARIABLES = ("CAMPSYNC_ORG_URL", "CAMPSYNC_TENANT_ID", "CAMPSYNC_CLIENT_ID", "CAMPSYNC_CLIENT_SECRET",
             "CAMPSYNC_AUTHORITY_HOST", "CAMPSYNC_CA_BUNDLE", "CAMPSYNC_ENVIRONMENT")


@pytest.fixture
def paths(tmp_path, monkeypatch):
    for var in VARIABLES:
        monkeypatch.delenv(var, raising=False)
    return AppPaths(tmp_path / "home").ensure()


def store_profile_without_secret(paths):
    # The in-memory keyring of every test holds no secret for it: as on a machine without a keyring.
    Profiles(open_store(paths.db_file)).save(ProfileFields(
        name="contoso", org_url="https://contoso.crm.dynamics.com", tenant_id="tenant", client_id="client"))


def open_window(session, qtbot, qloop):
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    # The first read from Dynamics cannot run: the window says why (banner and status bar), it does not fail a task.
    reading = win.refresh()
    qloop.run_until_complete(asyncio.wait([reading], timeout=20))
    assert reading.done() and reading.exception() is None
    if session.connection_problem:
        assert win.banner.isVisible() and win.banner.text() == session.connection_problem
        assert "missing" in win.statusBar().currentMessage() or "URL" in win.statusBar().currentMessage()
    return win


def test_a_profile_without_a_secret_is_a_person_signing_in_on_that_profile_never_the_demo_org(paths):
    store_profile_without_secret(paths)
    session = open_session(paths)
    try:
        assert not session.is_builtin_sandbox and session.sandbox is None
        assert session.connection.name == "contoso" and session.connection_problem is None
        # Nobody has signed in yet: the window asks (tests/ui/test_signin_window.py), no demo data in its place.
        assert session.workspace.is_user_sign_in and session.workspace.account() is None
    finally:
        asyncio.run(session.close())
    assert not (paths.sandbox_dir / "org-state.json").exists(), "the demo org was not started"


def test_one_variable_set_is_a_connection_being_configured_not_the_demo_org(paths, monkeypatch, qtbot, qloop):
    monkeypatch.setenv("CAMPSYNC_ORG_URL", "https://contoso.crm.dynamics.com")
    session = open_session(paths)
    try:
        assert not session.is_builtin_sandbox
        problem = session.connection_problem
        assert problem.startswith("Connection 'environment' is incomplete: missing CAMPSYNC_TENANT_ID, "
                                  "CAMPSYNC_CLIENT_ID.")
        win = open_window(session, qtbot, qloop)
        assert win.windowTitle() == "CampSync — environment"
        qloop.run_until_complete(win.tasks.shutdown())
    finally:
        qloop.run_until_complete(session.close())


def test_a_wrong_org_url_is_a_problem_too(paths, monkeypatch):
    monkeypatch.setenv("CAMPSYNC_ORG_URL", "http://contoso.crm.dynamics.com")
    for var, value in (("CAMPSYNC_TENANT_ID", "t"), ("CAMPSYNC_CLIENT_ID", "c"), ("CAMPSYNC_CLIENT_SECRET", "s")):
        monkeypatch.setenv(var, value)
    session = open_session(paths)
    try:
        assert "https://" in session.connection_problem and "Admin → Connections" in session.connection_problem
    finally:
        asyncio.run(session.close())


def test_nothing_configured_opens_the_demo_org_with_no_problem_to_report(paths, qtbot, qloop):
    session = open_session(paths)
    try:
        assert session.is_builtin_sandbox and session.connection.name == SANDBOX_NAME
        assert session.connection_problem is None
        win = MainWindow(session)
        qtbot.addWidget(win)
        assert win.windowTitle() == f"CampSync — {SANDBOX_NAME}"
    finally:
        qloop.run_until_complete(session.close())
