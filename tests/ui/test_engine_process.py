"""The window as the app runs it: syncs and their enqueues in the engine's own process (core/engine_child.py), the log,
the queue and trigger campaigns fed in the window's process from what that process sends."""

import os
import signal
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlmodel import Session, select

from campsync_gui.core.applists import app_list_name
from campsync_gui.core.engine_process import child_command
from campsync_gui.core.events import TRIGGERS
from campsync_gui.core.models import OutboxRow
from campsync_gui.core.outbox import CLAIMED, SENT
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.paths import AppPaths
from campsync_gui.ui.main_window import MainWindow
from campsync_gui.ui.session import AppSession
from support import connection_for
from test_main_window import (active_campaign, campaign_index, confirm_preview, drag_people, finish_sync, log_rows,
                              person_ids_with, wait_until)


@pytest.fixture
def in_process(org, qtbot, qloop, tmp_path):
    paths = AppPaths(tmp_path / "home").ensure()
    session = AppSession(Workspace(open_store(paths.db_file), connection=connection_for(org)), paths)
    qloop.run_until_complete(_opt_in(session.workspace))
    win = MainWindow(session)
    qtbot.addWidget(win)
    qloop.run_until_complete(win.refresh(people=True))
    yield win
    qloop.run_until_complete(session.close())


async def _opt_in(workspace):
    assert workspace.run_engine_in_process()  # as ui/app.py does, on the window's loop
    await workspace.prepare_engine()


def _drop(win, qloop, person_ids, campaign_id):
    win.campaigns_panel.campaigns.dropMimeData(drag_people(win, person_ids), Qt.DropAction.CopyAction, -1, -1,
                                               campaign_index(win, campaign_id))
    confirm_preview(win, qloop)


def _rows(win):
    with Session(win.workspace.db) as session:
        return list(session.exec(select(OutboxRow)))


def test_a_drop_is_queued_and_sent_by_the_engine_process_and_the_log_fills_in_the_window(org, in_process, qloop):
    from sqlalchemy import event

    win, campaign = in_process, active_campaign(org)
    process = win.workspace.engine_home.process
    child = process.pid
    assert child is not None and child != os.getpid()
    heard_on, written_here = set(), []
    win.workspace.bus.subscribe(lambda e: heard_on.add(threading.get_ident()) if e.kind == TRIGGERS else None)
    event.listen(win.workspace.db, "before_cursor_execute", lambda _c, _cur, statement, *_a: written_here.append(
        statement) if statement.lstrip().upper().startswith(("INSERT INTO OUTBOXROW", "INSERT INTO TRIGGEREVENT"))
        else None)
    leads = person_ids_with(win, type="lead")[:40]
    _drop(win, qloop, leads, campaign["campaignid"])
    finish_sync(win, qloop)
    rows = log_rows(win)
    assert len(rows) == 40 and {r[0] for r in rows} == {"Added to Microsoft Campaign"}
    members = org.state.members_of(org.state.find_list(app_list_name("CampSync", "lead", campaign["campaignid"]))
                                   ["listid"])
    assert len(members) == 40
    assert heard_on == {threading.get_ident()}, "listeners run on the window's thread only"
    assert written_here == [], "the outbox rows and trigger events are written by the engine's process"
    assert {row.claimed_by for row in _rows(win)} == {process.worker_id}
    assert process.worker_id.split(":")[1] == str(child)
    command = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
    assert [part.decode() for part in command if part] == child_command(), "nothing but the module on its command line"
    assert win.campaigns_panel.campaigns.campaign(campaign["campaignid"]).flow_count == 40
    assert "40 confirmed by Dynamics" in win.statusBar().currentMessage()


def test_trigger_events_arrive_chained_and_keyed_from_the_engine_process(org, in_process, qloop):
    win, campaign = in_process, active_campaign(org)
    heard = []
    win.workspace.bus.subscribe(lambda e: heard.extend(e.data["events"]) if e.kind == TRIGGERS else None)
    leads = person_ids_with(win, type="lead")[:5]
    _drop(win, qloop, leads, campaign["campaignid"])
    finish_sync(win, qloop)
    assert sorted(e.person_id for e in heard) == sorted(leads)
    assert {e.campaign_id for e in heard} == {campaign["campaignid"]}
    assert all(e.hash for e in heard), "the events arrive as written: chained and keyed"
    assert win.workspace.verify_log().ok, "the window's log key and the engine process's are the same"


def test_a_trigger_campaign_fires_from_confirmations_written_by_the_engine_process(org, in_process, qloop, qtbot):
    import test_main_window
    test_main_window.test_a_trigger_campaign_built_in_the_editor_fires_after_a_drop(org, in_process, qloop, qtbot)


def test_undo_works_with_the_engine_in_its_process(org, in_process, qloop):
    win, campaign = in_process, active_campaign(org)
    leads = person_ids_with(win, type="lead")[:3]
    _drop(win, qloop, leads, campaign["campaignid"])
    finish_sync(win, qloop)
    win.undo_action.trigger()
    confirm_preview(win, qloop)
    finish_sync(win, qloop)
    lst = org.state.find_list(app_list_name("CampSync", "lead", campaign["campaignid"]))
    assert org.state.members_of(lst["listid"]) == set()


def test_the_engine_process_killed_mid_run_loses_nothing_and_the_next_sync_finishes(org, in_process, qloop):
    win, campaign = in_process, active_campaign(org)
    first = win.workspace.engine_home.process.pid
    org.knobs.latency_ms = 300
    leads = person_ids_with(win, type="lead")[:30]
    _drop(win, qloop, leads, campaign["campaignid"])
    wait_until(qloop, lambda: any(row.state in (CLAIMED, SENT) for row in _rows(win)))
    os.kill(first, signal.SIGKILL)
    wait_until(qloop, lambda: win.controller.is_idle())
    assert "ended unexpectedly" in win.statusBar().currentMessage()
    assert win.workspace.pending_count() + sum(row.outcome == "added" for row in _rows(win)) == 30
    org.knobs.latency_ms = 0
    qloop.run_until_complete(win.controller.sync())
    finish_sync(win, qloop)
    assert win.workspace.engine_home.process.pid not in (None, first), "a new process took over"
    members = org.state.members_of(org.state.find_list(app_list_name("CampSync", "lead", campaign["campaignid"]))
                                   ["listid"])
    assert len(members) == 30
    added = [r for r in log_rows(win) if r[0] == "Added to Microsoft Campaign"]
    assert len(added) == 30, "each person's trigger fired once"


def test_closing_the_window_ends_the_engine_process(org, qtbot, qloop, tmp_path):
    paths = AppPaths(tmp_path / "home").ensure()
    session = AppSession(Workspace(open_store(paths.db_file), connection=connection_for(org)), paths)
    qloop.run_until_complete(_opt_in(session.workspace))
    pid = session.workspace.engine_home.process.pid
    qloop.run_until_complete(session.close())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_store_in_memory_keeps_the_engine_on_a_thread(org, qloop):
    workspace = Workspace(open_store(":memory:"), connection=connection_for(org))

    async def opt_in():
        return workspace.run_engine_in_process()

    assert qloop.run_until_complete(opt_in()) is False
    assert workspace.engine_home.process is None
    qloop.run_until_complete(workspace.aclose())
