"""The window as the app runs it: syncs on the engine's own thread (core/engine_thread.py), the log, the queue and
trigger campaigns fed on the window's thread."""

import threading

import pytest
from PySide6.QtCore import Qt

from campsync_gui.core.applists import app_list_name
from campsync_gui.core.events import TRIGGERS
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.paths import AppPaths
from campsync_gui.ui.main_window import MainWindow
from campsync_gui.ui.session import AppSession
from support import connection_for
from test_main_window import (active_campaign, campaign_index, confirm_preview, drag_people, finish_sync, log_rows,
                              person_ids_with)


@pytest.fixture
def threaded(org, qtbot, qloop, tmp_path):
    paths = AppPaths(tmp_path / "home").ensure()
    session = AppSession(Workspace(open_store(paths.db_file), connection=connection_for(org)), paths)
    qloop.run_until_complete(_opt_in(session.workspace))
    win = MainWindow(session)
    qtbot.addWidget(win)
    qloop.run_until_complete(win.refresh(people=True))
    yield win
    qloop.run_until_complete(session.close())


async def _opt_in(workspace):
    workspace.run_engine_in_thread()  # as ui/app.py does, on the window's loop


def test_a_drop_is_sent_from_the_engine_thread_and_the_log_fills_on_the_windows_thread(org, threaded, qloop, qtbot):
    campaign = active_campaign(org)
    heard_on = set()
    threaded.workspace.bus.subscribe(lambda event: heard_on.add(threading.get_ident())
                                     if event.kind == TRIGGERS else None)
    leads = person_ids_with(threaded, type="lead")[:40]
    with qtbot.waitSignal(threaded.campaigns_panel.campaigns.add_requested):
        threaded.campaigns_panel.campaigns.dropMimeData(drag_people(threaded, leads), Qt.DropAction.CopyAction, -1,
                                                        -1, campaign_index(threaded, campaign["campaignid"]))
    confirm_preview(threaded, qloop)
    finish_sync(threaded, qloop)
    rows = log_rows(threaded)
    assert len(rows) == 40 and {r[0] for r in rows} == {"Added to Microsoft Campaign"}
    members = org.state.members_of(org.state.find_list(app_list_name("CampSync", "lead", campaign["campaignid"]))
                                   ["listid"])
    assert len(members) == 40
    assert heard_on == {threading.get_ident()}, "listeners run on the window's thread only"
    there = threaded.workspace.engine_home._there
    assert there is not None and there.client is not threaded.workspace.client, "the engine has its own client"
    assert threaded.campaigns_panel.campaigns.campaign(campaign["campaignid"]).flow_count == 40


def test_removals_and_a_second_drop_run_on_the_same_engine_thread(org, threaded, qloop):
    campaign = active_campaign(org)
    cid = campaign["campaignid"]
    ours = person_ids_with(threaded, type="lead")[:5]
    threaded.campaigns_panel.campaigns.dropMimeData(drag_people(threaded, ours), Qt.DropAction.CopyAction, -1, -1,
                                                    campaign_index(threaded, cid))
    confirm_preview(threaded, qloop)
    finish_sync(threaded, qloop)
    threaded.campaigns_panel.select_campaign(cid)
    members = threaded.campaigns_panel.members
    from campsync_gui.ui.mime import members_mime
    from PySide6.QtCore import QModelIndex
    threaded.people_panel.model.dropMimeData(members_mime(cid, ours[:3]), Qt.DropAction.MoveAction, -1, -1,
                                             QModelIndex())
    _preview, counts = confirm_preview(threaded, qloop)
    assert counts["will_remove"] == 3
    finish_sync(threaded, qloop)
    lst = org.state.find_list(app_list_name("CampSync", "lead", cid))
    assert len(org.state.members_of(lst["listid"])) == 2
    assert [r[0] for r in log_rows(threaded)].count("Removed from Microsoft Campaign") == 3
    assert members is threaded.campaigns_panel.members


def test_a_trigger_campaign_fires_from_confirmations_written_on_the_engine_thread(org, threaded, qloop, qtbot):
    import test_main_window
    test_main_window.test_a_trigger_campaign_built_in_the_editor_fires_after_a_drop(org, threaded, qloop, qtbot)


def test_undo_works_with_the_engine_on_its_thread(org, threaded, qloop):
    campaign = active_campaign(org)
    leads = person_ids_with(threaded, type="lead")[:3]
    threaded.campaigns_panel.campaigns.dropMimeData(drag_people(threaded, leads), Qt.DropAction.CopyAction, -1, -1,
                                                    campaign_index(threaded, campaign["campaignid"]))
    confirm_preview(threaded, qloop)
    finish_sync(threaded, qloop)
    threaded.undo_action.trigger()
    confirm_preview(threaded, qloop)
    finish_sync(threaded, qloop)
    lst = org.state.find_list(app_list_name("CampSync", "lead", campaign["campaignid"]))
    assert org.state.members_of(lst["listid"]) == set()


def test_the_queue_of_a_drop_is_written_on_the_engine_thread_not_the_windows(org, threaded, qloop, qtbot):
    """Writing 10,000 outbox rows on the window's loop stalled it 20–30 ms at a time: the rows (and an undo's) are
    written on the engine's thread, and the window only hears that they are queued."""
    from sqlalchemy import event

    writers = set()

    def on_execute(_conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("INSERT INTO OUTBOXROW"):
            writers.add(threading.get_ident())

    db = threaded.workspace.db
    event.listen(db, "before_cursor_execute", on_execute)
    try:
        campaign = active_campaign(org)
        leads = person_ids_with(threaded, type="lead")[:6]
        threaded.campaigns_panel.campaigns.dropMimeData(drag_people(threaded, leads), Qt.DropAction.CopyAction, -1,
                                                        -1, campaign_index(threaded, campaign["campaignid"]))
        confirm_preview(threaded, qloop)
        finish_sync(threaded, qloop)
        threaded.undo_action.trigger()
        confirm_preview(threaded, qloop)
        finish_sync(threaded, qloop)
    finally:
        event.remove(db, "before_cursor_execute", on_execute)
    assert writers and threading.get_ident() not in writers, "the outbox rows are written off the window's thread"
    assert [r[0] for r in log_rows(threaded)].count("Removed from Microsoft Campaign") == 6
