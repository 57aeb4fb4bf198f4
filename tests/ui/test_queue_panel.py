"""The queue panel on a real store: what it shows, the words it uses, Retry/Cancel requests, refreshes."""

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from sqlmodel import Session

from campsync_gui.core.connections import Connection
from campsync_gui.core.engine import SyncEngine
from campsync_gui.core.events import OUTBOX, Event, EventBus
from campsync_gui.core.models import OutboxRow, Person
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.ui.bridge import EventBridge
from campsync_gui.ui.models.queue import (COL_ACTION, COL_ATTEMPTS, COL_BY, COL_CAMPAIGN, COL_ID, COL_MESSAGE,
                                          COL_PERSON, COL_STATE, RowRole)
from campsync_gui.ui.widgets.queue_panel import QueuePanel

NAMES = {"c-spring": "Spring Launch", "c-autumn": "Autumn Webinar"}
LOCKED = "The list 'Mkto-leads-c-autumn' is locked and cannot be changed (0x80040203)"

DISABLED = "campaign sync was disabled before this action ran"

# id: (action, campaign, person, state, attempts, last_error, reason, outcome), as the engine leaves them
ROWS = {
    1: ("add", "c-spring", 1, "pending", 0, None, None, None),
    2: ("remove", "c-spring", 2, "claimed", 1, None, None, None),
    3: ("add", "c-autumn", 3, "failed", 2, LOCKED, LOCKED, "failed"),
    4: ("add", "c-spring", 4, "done", 1, None, "confirmed by Dynamics", "added"),
    5: ("remove", "c-autumn", 5, "sent", 1, None, None, None),
    6: ("add", "c-spring", 6, "cancelled", 0, None, "cancelled by the user", "cancelled"),
    7: ("remove", "c-gone", 7, "failed", 0, DISABLED, DISABLED, "blocked"),
    8: ("add", "c-autumn", 8, "pending", 3, "connection reset by the org", None, None),
}


def add_rows(engine, rows):
    with Session(engine) as session:
        for row_id, (action, campaign, person, state, attempts, last_error, reason, outcome) in rows.items():
            if session.get(Person, person) is None:
                session.add(Person(id=person, first_name=f"P{person}", email=f"person{person}@example.com"))
                session.flush()
            session.add(OutboxRow(id=row_id, action=action, campaign_id=campaign, person_id=person, state=state,
                                  attempts=attempts, last_error=last_error, reason=reason, outcome=outcome,
                                  idempotency_key=f"{action}:{campaign}:{person}:{row_id}", request_id="req1",
                                  origin="drag-and-drop"))
        session.commit()


def set_state(engine, row_id, state, **values):
    with Session(engine) as session:
        row = session.get(OutboxRow, row_id)
        row.state = state
        for key, value in values.items():
            setattr(row, key, value)
        session.add(row)
        session.commit()


@pytest.fixture
def store(tmp_path):
    engine = open_store(tmp_path / "store.db")
    add_rows(engine, ROWS)
    yield engine
    engine.dispose()


def workspace_on(store):
    return Workspace(store, connection=Connection(name="test"))


@pytest.fixture
def queue(store, qtbot):
    panel = QueuePanel(workspace_on(store), lambda: NAMES, refresh_interval_ms=20)
    qtbot.addWidget(panel)
    panel.refresh()
    return panel


def shown(panel, column):
    return [panel.proxy.index(row, column).data() for row in range(panel.proxy.rowCount())]


def select_ids(panel, ids):
    selection = panel.view.selectionModel()
    selection.clearSelection()
    for row in range(panel.proxy.rowCount()):
        index = panel.proxy.index(row, COL_ID)
        if index.data(RowRole).id in ids:
            selection.select(index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_the_by_column_shows_who_asked_for_each_action(store, queue, qtbot):
    assert queue.model.headerData(COL_BY, Qt.Orientation.Horizontal) == "By"
    assert set(shown(queue, COL_BY)) == {""}  # rows from before CampSync recorded who
    set_state(store, 1, "pending", actor="ada@contoso.com")
    set_state(store, 8, "pending", actor="11111111-2222 (application)")
    queue.refresh()
    assert shown(queue, COL_BY) == ["ada@contoso.com", "", "", "", "", "11111111-2222 (application)"]


def test_shows_pending_running_and_failed_only_in_words(queue):
    assert shown(queue, COL_ID) == ["1", "2", "3", "5", "7", "8"]
    assert shown(queue, COL_ACTION) == ["Add", "Remove", "Add", "Remove", "Remove", "Add"]
    assert shown(queue, COL_STATE) == ["Pending", "Running", "Failed", "Running", "Failed", "Pending"]
    assert shown(queue, COL_PERSON) == [f"person{i}@example.com" for i in (1, 2, 3, 5, 7, 8)]
    assert shown(queue, COL_CAMPAIGN) == ["Spring Launch", "Spring Launch", "Autumn Webinar", "Autumn Webinar",
                                          "c-gone", "Autumn Webinar"]
    assert shown(queue, COL_ATTEMPTS) == ["0", "1", "2", "1", "0", "3"]
    assert shown(queue, COL_MESSAGE) == ["", "", LOCKED, "", DISABLED, "connection reset by the org"]
    assert queue.summary_label.text() == "2 pending · 2 running · 2 failed"


def test_failed_rows_are_red_with_the_server_message_as_tooltip(queue):
    failed = queue.proxy.index(2, COL_PERSON)
    assert failed.data(RowRole).id == 3
    assert failed.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c5221f"
    assert failed.data(Qt.ItemDataRole.ToolTipRole) == LOCKED
    pending = queue.proxy.index(0, COL_PERSON)
    assert pending.data(Qt.ItemDataRole.ForegroundRole) is None


def test_retry_without_a_selection_asks_for_every_failed_row(queue, qtbot):
    assert queue.retry_button.isEnabled()
    assert not queue.cancel_button.isEnabled(), "cancel needs a selection"
    with qtbot.waitSignal(queue.retry_requested, timeout=1000) as signal:
        queue.retry_button.click()
    assert signal.args == [[3, 7]]


def test_retry_and_cancel_act_on_the_selection(queue, qtbot):
    select_ids(queue, {7})
    with qtbot.waitSignal(queue.retry_requested, timeout=1000) as signal:
        queue.retry_button.click()
    assert signal.args == [[7]]

    select_ids(queue, {1, 2, 3, 5})  # two running rows: they cannot be cancelled, so they are left out
    assert queue.cancel_button.isEnabled() and queue.retry_button.isEnabled()
    with qtbot.waitSignal(queue.cancel_requested, timeout=1000) as signal:
        queue.cancel_button.click()
    assert signal.args == [[1, 3]]
    with qtbot.waitSignal(queue.retry_requested, timeout=1000) as signal:
        queue.retry_button.click()
    assert signal.args == [[3]]


def test_buttons_are_enabled_only_when_they_apply(queue, qtbot):
    select_ids(queue, {1, 8})  # pending only
    assert not queue.retry_button.isEnabled()
    assert queue.cancel_button.isEnabled()
    select_ids(queue, {2, 5})  # running only
    assert not queue.retry_button.isEnabled()
    assert not queue.cancel_button.isEnabled()
    with qtbot.assertNotEmitted(queue.cancel_requested), qtbot.assertNotEmitted(queue.retry_requested):
        queue.request_cancel()
        queue.request_retry()
    queue.view.selectionModel().clearSelection()
    assert queue.retry_button.isEnabled()
    set_state(queue.workspace.db, 3, "done")
    set_state(queue.workspace.db, 7, "cancelled")
    queue.refresh()
    assert not queue.retry_button.isEnabled(), "nothing failed any more"


def test_refresh_follows_state_changes_and_keeps_the_selection(queue, store, qtbot):
    select_ids(queue, {3})
    engine = SyncEngine(store, None)
    assert engine.cancel(ids=[1]) == 1
    set_state(store, 2, "done", outcome="removed")
    set_state(store, 8, "claimed")
    add_rows(store, {9: ("add", "c-spring", 9, "pending", 0, None, None, None)})
    resets = []
    queue.model.modelReset.connect(lambda: resets.append(1))
    queue.refresh()
    assert shown(queue, COL_ID) == ["3", "5", "7", "8", "9"]
    assert shown(queue, COL_STATE) == ["Failed", "Running", "Failed", "Running", "Pending"]
    assert queue.summary_label.text() == "1 pending · 2 running · 2 failed"
    assert not resets, "a refresh applies the difference, not a reset"
    assert [row.id for row in queue.selected_rows()] == [3], "the selection survives a refresh"

    assert engine.retry_failed() == 2  # blocked rows too: execution re-checks the campaign
    queue.refresh()
    assert shown(queue, COL_STATE) == ["Pending", "Running", "Pending", "Running", "Pending"]
    assert shown(queue, COL_ATTEMPTS)[0] == "0"
    assert [row.id for row in queue.selected_rows()] == [3]
    assert not queue.retry_button.isEnabled(), "the selected row no longer failed"
    assert queue.cancel_button.isEnabled()


def test_outbox_changes_from_the_bridge_refresh_once_per_interval(queue, store, qtbot, monkeypatch):
    reads = []
    real = queue.workspace.queue
    monkeypatch.setattr(queue.workspace, "queue", lambda *a, **k: reads.append(1) or real(*a, **k))
    bus = EventBus()
    bridge = EventBridge(bus)
    queue.connect_bridge(bridge)
    set_state(store, 1, "done", outcome="added")
    for _ in range(50):
        bus.publish(Event(OUTBOX, {"ids": [1], "state": "done", "outcome": "added"}))
    assert not reads, "coalesced: nothing is read before the timer fires"
    qtbot.waitUntil(lambda: shown(queue, COL_ID)[0] == "2", timeout=1000)
    qtbot.wait(60)
    assert len(reads) == 1
    bridge.close()


def test_a_long_queue_keeps_failed_rows_and_counts_everything(store, qtbot):
    add_rows(store, {100 + i: ("add", "c-spring", 100 + i, "pending", 0, None, None, None) for i in range(20)})
    add_rows(store, {200: ("add", "c-spring", 200, "failed", 5, "HTTP 400", "HTTP 400", "failed")})
    panel = QueuePanel(workspace_on(store), lambda: NAMES, max_rows=5)
    qtbot.addWidget(panel)
    panel.refresh()
    ids = [int(value) for value in shown(panel, COL_ID)]
    assert len(ids) == 5 and {3, 7, 200} <= set(ids)
    assert panel.summary_label.text() == "22 pending · 2 running · 3 failed (showing 5)"
    with qtbot.waitSignal(panel.retry_requested, timeout=1000) as signal:
        panel.retry_button.click()
    assert signal.args == [[3, 7, 200]]


def test_campaign_names_are_read_at_each_refresh_and_a_failing_provider_shows_ids(store, qtbot):
    names = {}

    def provider():
        if names.get("boom"):
            raise RuntimeError("no campaigns loaded")
        return names

    panel = QueuePanel(workspace_on(store), provider)
    qtbot.addWidget(panel)
    panel.refresh()
    assert shown(panel, COL_CAMPAIGN)[0] == "c-spring"
    names["c-spring"] = "Spring Launch"
    panel.refresh()
    assert shown(panel, COL_CAMPAIGN)[0] == "Spring Launch"
    names["boom"] = True
    panel.refresh()
    assert shown(panel, COL_CAMPAIGN)[0] == "c-spring"
    assert panel.proxy.rowCount() == 6



def test_the_model_applies_any_difference_correctly():
    import random

    from campsync_gui.ui.models.queue import QueueModel, QueueRow

    def row(row_id, state):
        return QueueRow(id=row_id, action="add", person_id=row_id, email=f"p{row_id}@example.com",
                        campaign_id="c", campaign="C", state=state, attempts=0, message="", outcome="",
                        request_id="r", origin="cli")

    model = QueueModel()
    mirror = []  # rebuilt from the signals alone: a view that trusts them sees exactly the model's rows

    def removed(_parent, first, last):
        del mirror[first:last + 1]

    def inserted(_parent, first, last):
        mirror[first:first] = [model.row_object(i) for i in range(first, last + 1)]

    def changed(top_left, bottom_right, _roles=()):
        for i in range(top_left.row(), bottom_right.row() + 1):
            mirror[i] = model.row_object(i)

    model.rowsAboutToBeRemoved.connect(removed)
    model.rowsInserted.connect(inserted)
    model.dataChanged.connect(changed)
    model.modelReset.connect(lambda: mirror.__setitem__(slice(None), model.rows))
    rng = random.Random(7)
    for _ in range(300):
        ids = rng.sample(range(120), rng.randint(0, 60))
        wanted = [row(i, rng.choice(["pending", "claimed", "failed"])) for i in ids]
        model.set_rows(reversed(wanted))
        assert model.rows == sorted(wanted, key=lambda r: r.id)
        assert mirror == model.rows


def test_hundreds_of_refreshes_and_requests_do_not_drain_references_to_true(queue, store, qtbot):
    # PySide6 6.12.0 on Python 3.11 drops a reference to True on every Python-side Signal.emit(); a few
    # hundred of them crash the process. The panel must not emit that way on its busy paths.
    import gc
    import sys

    retried = []
    queue.retry_requested.connect(retried.append)
    gc.collect()
    before = sys.getrefcount(True)
    for turn in range(400):
        set_state(store, 1, "failed" if turn % 2 else "pending", outcome="failed" if turn % 2 else None)
        queue.refresh()  # row 1 changes every turn: one dataChanged each time
        queue.request_retry()
    gc.collect()
    assert sys.getrefcount(True) >= before - 20
    assert len(retried) == 400 and retried[-1] == [1, 3, 7]


def test_sorting_by_a_column_is_available_on_demand(queue):
    assert queue.proxy.sortColumn() == -1, "rows come in # order without a sort on every refresh"
    queue.view.sortByColumn(COL_STATE, Qt.SortOrder.AscendingOrder)
    assert shown(queue, COL_STATE) == ["Failed", "Failed", "Pending", "Pending", "Running", "Running"]
    queue.view.sortByColumn(COL_ID, Qt.SortOrder.DescendingOrder)
    assert shown(queue, COL_ID) == ["8", "7", "5", "3", "2", "1"], "numbers sort as numbers"


def test_every_column_is_at_least_as_wide_as_its_header_so_attempts_is_not_clipped(queue):
    header = queue.view.horizontalHeader()
    for column in range(queue.model.columnCount() - 1):  # the last one stretches
        title = queue.model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= header.sectionSizeHint(column), f"{title!r} is clipped"
    assert header.sectionSize(COL_ATTEMPTS) >= header.sectionSizeHint(COL_ATTEMPTS)
