"""The window on a team's PostgreSQL store (tests/pg_server.py): it loads the org's campaigns and people, a drop
reaches the org and the log, and a colleague's window on the same store URL, with its own home folder, shows the
same people and log."""

import asyncio

import pytest
from PySide6.QtCore import Qt

from campsync_gui.core.store import open_store, upgrade_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.paths import AppPaths
from campsync_gui.ui.main_window import MainWindow
from campsync_gui.ui.session import AppSession
from support import connection_for
from test_main_window import (active_campaign, campaign_index, confirm_preview, drag_people, finish_sync, log_rows,
                              person_ids_with)


@pytest.fixture
def team_window(org, pg_url, qtbot, qloop, tmp_path):
    upgrade_store(pg_url)
    built = []

    def build(home: str):
        paths = AppPaths(tmp_path / home).ensure()
        session = AppSession(Workspace(open_store(pg_url), connection=connection_for(org), home=paths.home), paths)
        win = MainWindow(session)
        qtbot.addWidget(win)
        built.append(session)
        return win

    yield build
    for session in built:
        qloop.run_until_complete(session.close())


def alice_drops_leads_and_bob_sees_them(org, alice, bob, count, qloop, qtbot, timeout=5000):
    """Alice drags `count` leads onto a campaign and sends them; waits until Bob's open window's live log shows them."""
    campaign = active_campaign(org)
    chosen = person_ids_with(alice, type="lead")[:count]
    with qtbot.waitSignal(alice.campaigns_panel.campaigns.add_requested):
        alice.campaigns_panel.campaigns.dropMimeData(drag_people(alice, chosen), Qt.DropAction.CopyAction, -1, -1,
                                                     campaign_index(alice, campaign["campaignid"]))
    confirm_preview(alice, qloop)
    finish_sync(alice, qloop)

    def bob_sees_them() -> bool:
        qloop.run_until_complete(asyncio.sleep(0.05))
        bob.log_panel.flush()
        return len(log_rows(bob)) == count
    qtbot.waitUntil(bob_sees_them, timeout=timeout)


def test_team_two_windows_on_one_postgresql_store_share_people_and_log(org, team_window, qloop, qtbot):
    alice = team_window("alice")
    qloop.run_until_complete(alice.refresh(people=True))
    people = len(org.state.leads) + len(org.state.contacts)
    assert alice.people_panel.model.total_count() == people

    campaign = active_campaign(org)
    chosen = person_ids_with(alice, type="lead")[:3] + person_ids_with(alice, type="contact")[:1]
    model = alice.campaigns_panel.campaigns
    with qtbot.waitSignal(model.add_requested):
        assert model.dropMimeData(drag_people(alice, chosen), Qt.DropAction.CopyAction, -1, -1,
                                  campaign_index(alice, campaign["campaignid"]))
    _preview, counts = confirm_preview(alice, qloop)
    assert counts["will_add"] == 4
    finish_sync(alice, qloop)
    assert [row[0] for row in log_rows(alice)] == ["Added to Microsoft Campaign"] * 4

    bob = team_window("bob")  # no pull of his own: what he sees is what Alice's window stored
    qloop.run_until_complete(bob.refresh(people=False))
    bob.reload_views()
    assert bob.people_panel.model.total_count() == people
    assert sorted(log_rows(bob)) == sorted(log_rows(alice))
    assert bob.campaigns_panel.campaigns.campaign(campaign["campaignid"]).flow_count == 4


def test_team_a_colleagues_drop_shows_live_in_an_open_window(org, team_window, qloop, qtbot):
    """Bob's window is open before Alice drops: her confirmed adds reach his live log without a refresh (the store
    notifies every window listening), once each, and his own events are not doubled by the notification."""
    alice, bob = team_window("alice"), team_window("bob")
    qloop.run_until_complete(alice.refresh(people=True))
    qloop.run_until_complete(bob.refresh(people=False))
    assert bob.team_feed.watching
    qtbot.waitUntil(lambda: bob.team_feed._watch.listening.is_set(), timeout=5000)
    alice_drops_leads_and_bob_sees_them(org, alice, bob, 3, qloop, qtbot)
    newest = alice.workspace.recent_events(1)[-1].id

    def alice_heard_hers_too() -> bool:
        qloop.run_until_complete(asyncio.sleep(0.05))
        return alice.team_feed.last_event_id == newest
    qtbot.waitUntil(alice_heard_hers_too, timeout=5000)
    alice.log_panel.flush()
    assert len(log_rows(alice)) == 3, "Alice's own events are shown once, though the store notified her too"


def test_team_the_window_shows_who_else_is_connected_and_sees_them_leave(org, pg_url, team_window, qloop, qtbot,
                                                                         tmp_path, monkeypatch):
    """A worker started on the team's store shows in the window's status bar (count, and who in the tooltip); once it
    stops, it leaves the list."""
    import os
    import subprocess
    import sys

    from campsync_gui.core import team_presence

    monkeypatch.setattr(team_presence, "_face", "window")  # as open_session announces the window
    alice = team_window("alice")
    assert alice.team_feed.watching
    alone = "Team: nobody else connected"
    qtbot.waitUntil(lambda: not alice.team_label.isHidden() and alice.team_label.text() == alone, timeout=15000)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    env.update({**org.env(), "CAMPSYNC_DATABASE_URL": pg_url, "CAMPSYNC_HOME": str(tmp_path / "night-worker")})
    worker = subprocess.Popen([sys.executable, "-m", "campsync_gui", "worker", "--interval", "1"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        qtbot.waitUntil(lambda: alice.team_label.text() == "Team: you + 1 other", timeout=30000)
        tip = alice.team_label.toolTip().splitlines()
        assert tip[1].endswith("(window) — this window") and tip[2].endswith("(worker)"), tip
    finally:
        worker.terminate()
        out, err = worker.communicate(timeout=30)
    assert worker.returncode == 0, err
    qtbot.waitUntil(lambda: "nobody else" in alice.team_label.text(), timeout=20000)


def test_team_a_store_that_stops_answering_is_said_in_the_status_bar_and_the_window_carries_on(
        org, pg_server, team_window, qloop, qtbot):
    """The team's PostgreSQL stops while a window is open (a restart for an upgrade): the window's timed reads (the
    pending count, what colleagues wrote) say so in the status bar instead of raising, and read again once the store
    is back, so a colleague's drop still reaches the live log."""
    alice, bob = team_window("alice"), team_window("bob")
    qloop.run_until_complete(alice.refresh(people=True))
    qloop.run_until_complete(bob.refresh(people=False))
    qtbot.waitUntil(lambda: bob.team_feed._watch.listening.is_set(), timeout=5000)
    pg_server.down()
    try:
        bob._update_pending()  # its timer firing during the outage
        bob.team_feed._on_heard("triggerevent")  # what the watch heard just before the server went away
        qtbot.waitUntil(lambda: "not answering" in bob.statusBar().currentMessage(), timeout=5000)
    finally:
        pg_server.up()
    alice_drops_leads_and_bob_sees_them(org, alice, bob, 2, qloop, qtbot, timeout=15000)


def test_team_events_a_colleague_writes_while_a_window_starts_reach_its_log(org, pg_url, team_window, qloop, qtbot,
                                                                          monkeypatch):
    """A worker confirms flow actions while Bob's window is starting: events written after the window read its
    history, before its ear on the store was listening, show in his log without any later write to wake it (the
    team drill's windows missed 2,500 of them: the feed began at the store's newest event when it started)."""
    from campsync_gui.core.transactions import transaction
    from campsync_gui.core.triggers import ADDED, TriggerEvent, append_events
    from campsync_gui.ui.widgets.log_panel import LogPanel

    colleague = open_store(pg_url)

    def worker_confirms(request: str) -> None:
        events = [TriggerEvent(trigger=ADDED, person_id=n, email=f"w{n}@example.org", campaign_id="c1",
                               campaign_name="Spring", origin="worker", request_id=request, outbox_id=None, at=1.0)
                  for n in range(1, 4)]
        transaction(colleague, lambda session: append_events(session, events))

    worker_confirms("before")  # in the store before Bob's window opens: his history shows them
    load_history = LogPanel.load_history

    def history_then_a_colleagues_write(panel, events):
        shown = load_history(panel, events)
        worker_confirms("while-starting")
        return shown
    monkeypatch.setattr(LogPanel, "load_history", history_then_a_colleagues_write)
    bob = team_window("bob")
    qtbot.waitUntil(lambda: bob.team_feed._watch.listening.is_set(), timeout=5000)

    def bob_shows_all_six() -> bool:
        qloop.run_until_complete(asyncio.sleep(0.05))
        bob.log_panel.flush()
        return len(log_rows(bob)) == 6
    qtbot.waitUntil(bob_shows_all_six, timeout=5000)
    colleague.dispose()
