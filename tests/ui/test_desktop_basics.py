"""What a desktop app owes its user: first run on the sandbox, typed confirmation on production, errors shown,
a quit that loses nothing."""

import asyncio
import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlmodel import Session, select

from campsync_gui.core import flows
from campsync_gui.core.models import OutboxRow, Person
from campsync_gui.paths import AppPaths
from campsync_gui.ui import app as app_module
from campsync_gui.ui.session import SANDBOX_NAME, open_session
from campsync_gui.ui.widgets.preview_dialog import PreviewDialog


def test_first_run_without_a_profile_starts_the_builtin_sandbox(tmp_path, monkeypatch):
    for var in ("CAMPSYNC_ORG_URL", "CAMPSYNC_TENANT_ID", "CAMPSYNC_CLIENT_ID", "CAMPSYNC_CLIENT_SECRET"):
        monkeypatch.delenv(var, raising=False)
    session = open_session(AppPaths(tmp_path / "home"))
    try:
        assert session.is_builtin_sandbox and session.connection.name == SANDBOX_NAME
        assert session.connection.environment == "sandbox"
        assert session.connection.org_url.startswith("https://127.0.0.1:")
        assert Path(session.connection.ca_bundle).is_file()
        assert Path(session.connection.ca_bundle).is_relative_to(tmp_path / "home" / "sandbox")
        made = session.sandbox.state.create("lists", {"listname": "Made in the first run", "createdfromcode": 4})
    finally:
        asyncio.run(session.close())
    # The next start finds the demo org as it was left, as a real org would be.
    again = open_session(AppPaths(tmp_path / "home"))
    try:
        assert again.sandbox.state.find_list("Made in the first run")["listid"] == made["listid"]
    finally:
        asyncio.run(again.close())


def plan_for(action, count=1):
    people = [Person(id=i, first_name="P", last_name=str(i), email=f"p{i}@example.org", dynamics_type="lead",
                     dynamics_id=f"00000000-0000-0000-0000-{i:012d}") for i in range(1, count + 1)]
    if action == flows.REMOVE:
        from campsync_gui.core.models import Membership
        members = {p.id: [Membership(person_id=p.id, campaign_id="c", list_id="l", source="flow_action")]
                   for p in people}
    else:
        members = {}
    from campsync_gui.core.models import CampaignRecord
    return flows.plan(people, CampaignRecord(id="c", name="Spring Webinar"), action,
                      readiness=flows.Readiness(), memberships=members)


@pytest.mark.parametrize("action, count, environment, typed", [
    (flows.REMOVE, 1, "production", True),
    (flows.ADD, 101, "production", True),
    (flows.ADD, 100, "production", False),
    (flows.REMOVE, 5, "sandbox", False),
])
def test_production_asks_for_the_campaign_name_before_risky_actions(qtbot, action, count, environment, typed):
    dialog = PreviewDialog(plan_for(action, count), environment=environment)
    qtbot.addWidget(dialog)
    assert (dialog.typed is not None) == typed
    assert dialog.confirm_button.isEnabled() == (not typed)
    if typed:
        dialog.typed.setText("Spring")
        assert not dialog.confirm_button.isEnabled()
        dialog.typed.setText("Spring Webinar")
        assert dialog.confirm_button.isEnabled()


def boxes_for_an_uncaught(exc: BaseException, monkeypatch) -> list[str]:
    """The app's excepthook given `exc`: the texts of the error boxes it opened (sys.excepthook is put back after)."""
    import sys

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app_module.install_excepthook()
    sys.excepthook(type(exc), exc, exc.__traceback__)
    return shown


def test_uncaught_errors_are_logged_and_shown(qapp, monkeypatch, caplog):
    with caplog.at_level(logging.CRITICAL):
        try:
            raise ValueError("the list vanished")
        except ValueError as exc:
            shown = boxes_for_an_uncaught(exc, monkeypatch)
    assert "ValueError: the list vanished" in shown[0]
    assert "uncaught error" in caplog.text


def test_a_store_that_stops_answering_opens_no_error_box_and_is_said_in_the_status_bar(qapp, monkeypatch, caplog):
    """A read the window did not expect to fail, during a team store's restart: not a bug, so no modal error box
    (one per failed read would pile up) and no traceback; the reason in every window's status bar."""
    from PySide6.QtWidgets import QMainWindow
    from sqlalchemy.exc import OperationalError

    class Window(QMainWindow):
        said: list = []

        def show_store_unreachable(self, reason):
            self.said.append(reason)

    window = Window()
    window.show()
    try:
        with caplog.at_level(logging.WARNING):
            shown = boxes_for_an_uncaught(
                OperationalError("SELECT 1", {}, Exception("the database system is shutting down")), monkeypatch)
    finally:
        window.close()
    assert shown == []
    assert window.said == ["the database system is shutting down"]
    assert "uncaught error" not in caplog.text and "Traceback" not in caplog.text


def test_quitting_mid_sync_leaves_rows_done_or_queued_never_half_claimed(org, qloop, tmp_path):
    from campsync_gui.core import origins
    from campsync_gui.core.settings import SyncSettings
    from campsync_gui.core.store import open_store
    from campsync_gui.core.workspace import Workspace
    from support import connection_for

    async def scenario():
        store = open_store(tmp_path / "store.db")
        workspace = Workspace(store, connection=connection_for(org))
        await workspace.pull(people=True)
        # Small batches, two at a time: the next batch leaves as soon as an answer arrives (its recording runs beside
        # it), so a quit at the first confirmation must still find most of the 40 batches unsent.
        workspace.save_settings(SyncSettings(batch_size=5, max_parallel_requests=2))
        with Session(store) as s:
            ids = [p.id for p in s.exec(select(Person).where(Person.dynamics_type == "lead"))][:200]
        campaign = next(r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"])
        org.knobs.latency_ms = 60
        plan = await workspace.plan(flows.ADD, campaign["campaignid"], ids)
        await workspace.confirm(plan, origin=origins.DRAG_AND_DROP)
        sending = asyncio.ensure_future(workspace.run_queue())
        while not any(r.state == "done" for r in _rows(store)):
            await asyncio.sleep(0.05)
        await workspace.aclose()  # what quitting does: the batch in flight finishes, the rest stays queued
        await sending
        return {r.state for r in _rows(store)}, len(_rows(store))

    states, count = qloop.run_until_complete(scenario())
    assert count == 200
    assert states <= {"done", "pending"} and "pending" in states, states


def _rows(store):
    with Session(store) as s:
        return list(s.exec(select(OutboxRow)))


def test_closing_the_window_ends_the_app_cleanly(qapp, tmp_path, monkeypatch):
    """Ctrl+Q as an operator does it on a first run: the window closes, what runs is finished or cancelled, the
    org's client is closed and the demo org stops, with the event loop still running for all of it (it used to
    stop under the shutdown: 'no running event loop' in an error dialog at every quit)."""
    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from campsync_gui.ui.main_window import MainWindow

    for var in ("CAMPSYNC_ORG_URL", "CAMPSYNC_TENANT_ID", "CAMPSYNC_CLIENT_ID", "CAMPSYNC_CLIENT_SECRET"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("CAMPSYNC_HOME", str(tmp_path / "home"))
    closed_sessions = []

    def close_when_loaded():
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()),
                      None)
        if window is None or window.tasks.busy():
            QTimer.singleShot(100, close_when_loaded)
            return
        closed_sessions.append(window.session)
        window.close()

    QTimer.singleShot(100, close_when_loaded)
    try:
        with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
            assert runner.run(app_module.main_async(qapp)) == 0
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    session = closed_sessions[0]
    assert session.sandbox is None, "the demo org was stopped"
    assert (tmp_path / "home" / "sandbox" / "org-state.json").is_file(), "the demo org saved what it holds"
