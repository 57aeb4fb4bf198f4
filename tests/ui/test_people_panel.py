"""The People panel on a fresh store: search across all rows, quick filters, sorting, sync state, drag and drop."""

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow
from sqlalchemy import insert, update

from campsync_gui.core import origins
from campsync_gui.core.connections import Connection
from campsync_gui.core.models import OutboxRow, Person
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.ui.mime import MEMBER_IDS, PERSON_IDS, members_mime, people_mime, read_people
from campsync_gui.ui.models.people import (COL_COMPANY, COL_EMAIL, COL_NAME, COL_SCORE, COL_SYNC, COL_TYPE,
                                           FETCH_CHUNK, PersonRow, RowRole, SortRole, fold, search_terms)
from campsync_gui.ui.widgets.people_panel import PeoplePanel

FIRST = ("Ada", "Grace", "Linus", "José", "Margaret")
LAST = ("Lovelace", "Hopper", "Torvalds", "García", "Hamilton", "Knuth", "Ritchie")
NEEDLE = 4321  # a person far beyond the first 1,000 rows the view fetches


def person_values(i: int) -> dict:
    """Person i: a contact when i % 3 == 1, only local when i % 3 == 2, a lead when i % 3 == 0."""
    kind = ("lead", "contact", None)[i % 3]
    values = dict(id=i, first_name=FIRST[i % len(FIRST)], last_name=LAST[i % len(LAST)],
                  email=f"person{i}@example.com", company=f"Company {i % 50}", job_title="Buyer",
                  country=("Germany", "France", "Japan")[i % 3], score=(i * 37) % 101, dynamics_type=kind,
                  dynamics_id=f"dyn-{i}" if kind else None)
    if i == NEEDLE:
        values.update(first_name="Zoë", last_name="Quartermaine", company="Zyxwv Labs")
    return values


def fill(engine, count: int) -> list[dict]:
    people = [person_values(i) for i in range(1, count + 1)]
    with engine.begin() as conn:
        conn.execute(insert(Person.__table__), people)
    return people


def outbox(engine, person_id: int, state: str) -> None:
    with engine.begin() as conn:
        conn.execute(insert(OutboxRow.__table__), [dict(action="add", campaign_id="camp-1", person_id=person_id,
                                                        state=state, idempotency_key=f"k-{person_id}-{state}",
                                                        request_id="r-1")])


@pytest.fixture
def store(tmp_path):
    engine = open_store(tmp_path / "campsync.db")
    yield engine
    engine.dispose()


@pytest.fixture
def panel(qtbot, store):
    def build(count: int, outbox_rows: dict[int, str] | None = None) -> PeoplePanel:
        build.people = fill(store, count)  # what was written, to compute expected counts from
        for person_id, state in (outbox_rows or {}).items():
            outbox(store, person_id, state)
        widget = PeoplePanel(Workspace(store, connection=Connection(name="test")))
        qtbot.addWidget(widget)
        widget.resize(1000, 600)
        widget.reload()
        return widget

    return build


def names(model) -> list[str]:
    return [model.index(row, COL_NAME).data() for row in range(model.rowCount())]


def ids(model) -> list[int]:
    return [model.index(row, 0).data(RowRole).id for row in range(model.rowCount())]


def spy(signal) -> list[tuple]:
    calls = []
    signal.connect(lambda *args: calls.append(args))
    return calls


def select_people(widget, person_ids):
    model, selection = widget.model, widget.view.selectionModel()
    for pid in person_ids:
        selection.select(model.index(model.row_for_person(pid), 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


# ---- lazy loading and filtering -----------------------------------------------------------------

def test_rows_arrive_in_chunks_of_a_thousand(panel):
    widget = panel(5000)
    model = widget.model
    assert model.rowCount() == FETCH_CHUNK and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * FETCH_CHUNK
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 5000
    assert widget.count_label.text() == "5,000 people"


def test_search_finds_people_the_view_has_not_fetched(panel):
    widget = panel(5000)
    model = widget.model
    model.sort(-1)  # store order: the needle is row 4320, far past the fetched 1,000
    assert model.rowCount() == FETCH_CHUNK
    assert f"person{NEEDLE}@example.com" not in [model.index(r, COL_EMAIL).data() for r in range(model.rowCount())]

    model.set_filter("zyxwv")
    assert model.rowCount() == 1
    assert model.index(0, COL_COMPANY).data() == "Zyxwv Labs"
    assert widget.count_label.text() == "1 of 5,000 people"
    needle = person_values(NEEDLE)
    assert model.index(0, COL_NAME).data(RowRole) == PersonRow(
        id=NEEDLE, name="Zoë Quartermaine", email=needle["email"], company="Zyxwv Labs", type=needle["dynamics_type"],
        dynamics_id=needle["dynamics_id"], score=needle["score"], country=needle["country"], job_title="Buyer")

    model.set_filter("QUARTER zoe")  # case, accents and word order do not matter; every word must match
    assert names(model) == ["Zoë Quartermaine"]
    model.set_filter("zoe nobody")
    assert model.rowCount() == 0 and widget.count_label.text() == "0 of 5,000 people"
    model.set_filter('"company 7"')  # a quoted phrase: Company 7, not Company 17 or person7@...
    assert model.matching_count() == 100 and {model.index(r, COL_COMPANY).data() for r in range(100)} == {"Company 7"}

    model.set_filter("jose")  # "José" is 1 in 5 people: all are counted, the first chunk is fetched
    assert model.matching_count() == sum(p["first_name"] == "José" for p in panel.people)
    assert model.rowCount() == FETCH_CHUNK
    assert model.matching_person_ids() == [p["id"] for p in panel.people if p["first_name"] == "José"]
    assert all(name.startswith("José") for name in names(model))


def test_every_keystroke_gives_the_same_people_as_a_fresh_search(panel):
    """Typing on narrows the previous result instead of scanning everyone again: it must not change the answer."""
    widget = panel(5000)
    model = widget.model
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    texts = {p["id"]: fold("\x1f".join([f'{p["first_name"]} {p["last_name"]}', p["email"], p["company"],
                                        p["job_title"], p["country"]])) for p in panel.people}
    typed = ["h", "ho", "hop", "hopp", "hopper", "hopper g", "hopper ge", "hopper", "ger", "germ", '"company 1',
             '"company 1"', "", "jos", "jose", "josé"]
    for quick in ("All", "Leads"):
        widget.set_quick_filter(quick)
        for text in typed:
            model.set_filter(text, quick)
            terms = search_terms(text)
            expected = [p["id"] for p in panel.people if all(t in texts[p["id"]] for t in terms)
                        and (quick == "All" or p["dynamics_type"] == "lead")]
            assert model.matching_count() == len(expected), (quick, text)
            while model.canFetchMore():
                model.fetchMore()
            assert sorted(ids(model)) == expected, (quick, text)
            listed = names(model)
            assert listed == sorted(listed, key=str.casefold, reverse=True), "the sort holds"


def test_a_new_filter_starts_again_from_the_first_chunk(panel):
    widget = panel(5000)
    model = widget.model
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 3000
    model.set_filter("germany")  # a third of them
    assert model.rowCount() == FETCH_CHUNK and model.matching_count() == 1666
    model.set_filter("")
    assert model.rowCount() == FETCH_CHUNK and model.matching_count() == 5000


def test_typing_filters_once_the_typing_pauses(panel, qtbot):
    widget = panel(5000)
    counts = spy(widget.model.counts_changed)
    qtbot.keyClicks(widget.search, "zyxw")
    assert widget.model.matching_count() == 5000, "a keystroke does not filter on its own"
    qtbot.waitUntil(lambda: widget.model.matching_count() == 1, timeout=2000)
    assert counts == [(1, 5000)], "four keystrokes, one filter pass"
    assert widget.count_label.text() == "1 of 5,000 people"
    widget.search.clear()
    qtbot.waitUntil(lambda: widget.model.matching_count() == 5000, timeout=2000)


def test_quick_filters_are_exclusive_and_combine_with_the_search(panel, qtbot):
    widget = panel(3000, {10: "pending", 11: "claimed", 12: "sent", 13: "done", 14: "failed"})
    people = panel.people
    expected = {
        "All": len(people),
        "Leads": sum(p["dynamics_type"] == "lead" for p in people),
        "Contacts": sum(p["dynamics_type"] == "contact" for p in people),
        "Not in Dynamics": sum(p["dynamics_id"] is None for p in people),
        "Pending": 3,
        "Score ≥ 50": sum(p["score"] >= 50 for p in people),
    }
    for name, count in expected.items():
        qtbot.mouseClick(widget.filter_buttons[name], Qt.MouseButton.LeftButton)
        assert [b.text() for b in widget.filter_buttons.values() if b.isChecked()] == [name]
        assert widget.model.matching_count() == count, name
        if name == "Pending":  # outbox rows pending, claimed or sent; done and failed ones are not
            assert sorted(ids(widget.model)) == [10, 11, 12]
            assert {widget.model.index(r, COL_SYNC).data() for r in range(3)} == {"Pending…"}

    widget.set_quick_filter("Leads")
    widget.search.setText("hopper")
    widget.apply_filter()
    assert widget.model.matching_count() == sum(p["dynamics_type"] == "lead" and p["last_name"] == "Hopper"
                                                for p in people)
    assert {widget.model.index(r, COL_TYPE).data() for r in range(widget.model.rowCount())} == {"Lead"}


# ---- sorting ---------------------------------------------------------------------------------------

def test_sort_by_score_and_name_covers_all_rows(panel, qtbot):
    widget = panel(5000)
    model = widget.model
    header = widget.view.horizontalHeader()
    widget.show()
    qtbot.waitExposed(widget)
    middle = QPoint(header.sectionViewportPosition(COL_SCORE) + header.sectionSize(COL_SCORE) // 2,
                    header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    assert model.sort_column() == COL_SCORE
    if model.sort_order() == Qt.SortOrder.AscendingOrder:  # a second click toggles: high scores first
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    assert model.sort_order() == Qt.SortOrder.DescendingOrder
    scores = [model.index(r, COL_SCORE).data() for r in range(model.rowCount())]
    all_scores = sorted((p["score"] for p in panel.people), reverse=True)
    assert scores == all_scores[:FETCH_CHUNK], "the first chunk of the sorted list, not a sorted first chunk"
    assert model.index(0, COL_SCORE).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight

    widget.view.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
    listed = names(model)
    assert listed == sorted(listed, key=str.casefold)
    assert model.index(0, COL_NAME).data(SortRole) == listed[0].casefold()
    model.set_filter("hopper")  # a filter keeps the sort
    listed = names(model)
    assert listed == sorted(listed, key=str.casefold) and all("Hopper" in n for n in listed)


def test_sorting_keeps_the_selection(panel):
    widget = panel(60)
    chosen = {7, 23, 41}
    select_people(widget, chosen)
    widget.model.sort(COL_SCORE, Qt.SortOrder.DescendingOrder)
    assert set(widget.selected_person_ids()) == chosen
    widget.model.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert set(widget.selected_person_ids()) == chosen


# ---- sync state -------------------------------------------------------------------------------------

def test_pending_shows_and_clears_with_targeted_data_changed(panel):
    widget = panel(5000, {2: "claimed"})
    model = widget.model
    model.sort(-1)  # store order: person n is row n-1
    # person 1 is a contact, 2 only local (with a claimed outbox row), 3 a lead, 4 a contact, 5 local, 6 a lead
    assert model.index(1, COL_SYNC).data() == "Pending…", "outbox rows not yet confirmed count at load"
    assert model.index(0, COL_SYNC).data() == "In Dynamics" and model.index(4, COL_SYNC).data() == "Not in Dynamics"

    changes = spy(model.dataChanged)
    resets = spy(model.modelReset)
    model.set_pending({2, 4, 5, NEEDLE})  # 4 and 5 start, 2 stays, the needle is not fetched yet
    assert resets == []
    assert [(tl.row(), tl.column(), br.row(), br.column()) for tl, br, _ in changes] == [(3, COL_SYNC, 4, COL_SYNC)]
    assert int(Qt.ItemDataRole.DisplayRole) in [int(role) for role in changes[0][2]]
    assert [model.index(r, COL_SYNC).data() for r in range(1, 6)] == [
        "Pending…", "In Dynamics", "Pending…", "Pending…", "In Dynamics"]
    assert model.index(3, COL_SYNC).data(Qt.ItemDataRole.ForegroundRole) is not None

    changes.clear()
    model.set_pending(set())
    assert [(tl.row(), tl.column(), br.row(), br.column()) for tl, br, _ in changes] == [
        (1, COL_SYNC, 1, COL_SYNC), (3, COL_SYNC, 4, COL_SYNC)]
    assert [model.index(r, COL_SYNC).data() for r in (1, 3, 4)] == ["Not in Dynamics", "In Dynamics",
                                                                     "Not in Dynamics"]
    changes.clear()
    model.set_pending(set())
    assert changes == [], "nothing changed, nothing repainted"


def test_a_big_drop_marks_and_clears_pending_with_every_shown_cell_repainted(panel):
    """A drop of more people than are worth finding one by one: the Sync column is repainted as a whole, and
    every cell on screen says the new state (no stale "Pending…" after the sync)."""
    widget = panel(5000)
    model = widget.model
    model.sort(-1)
    many = set(range(1, 1201))  # more than PENDING_POSITIONS_AT_MOST people at once
    changes = spy(model.dataChanged)
    model.set_pending(many)
    covered = {row for tl, br, _ in changes if tl.column() <= COL_SYNC <= br.column()
               for row in range(tl.row(), br.row() + 1)}
    shown = min(1200, model.rowCount())  # rows the view has fetched; the rest are read when scrolled to
    assert set(range(shown)) <= covered, "every shown row whose state changed is repainted"
    assert [model.index(r, COL_SYNC).data() for r in (0, 599, shown - 1)] == ["Pending…"] * 3
    changes.clear()
    model.set_pending(set())
    covered = {row for tl, br, _ in changes for row in range(tl.row(), br.row() + 1)}
    assert set(range(shown)) <= covered
    assert "Pending…" not in {model.index(r, COL_SYNC).data() for r in range(shown)}


def test_people_leave_the_pending_filter_as_dynamics_confirms_them(panel):
    widget = panel(200)
    model = widget.model
    model.set_pending({5, 6, 7})
    widget.set_quick_filter("Pending")
    assert model.rowCount() == 3
    select_people(widget, {7})
    resets = spy(model.modelReset)
    removed = spy(model.rowsRemoved)
    model.set_pending({7})
    assert resets == [] and removed
    assert ids(model) == [7]
    assert widget.selected_person_ids() == [7], "the selection survives"
    assert widget.count_label.text() == "1 of 200 people"


def test_refresh_people_rereads_rows_after_a_sync_created_them(panel, store):
    widget = panel(300)
    model = widget.model
    model.sort(-1)
    local = [2, 5]  # only local
    assert [model.index(pid - 1, COL_TYPE).data() for pid in local] == ["Local only", "Local only"]
    with store.begin() as conn:
        conn.execute(update(Person.__table__).where(Person.__table__.c.id.in_(local))
                     .values(dynamics_type="lead", dynamics_id="new-lead"))
    changes = spy(model.dataChanged)
    widget.refresh_people(local)
    assert [model.index(pid - 1, COL_TYPE).data() for pid in local] == ["Lead", "Lead"]
    assert [model.index(pid - 1, COL_SYNC).data() for pid in local] == ["In Dynamics", "In Dynamics"]
    assert sorted(args[0].row() for args in changes) == [pid - 1 for pid in local]

    widget.set_quick_filter("Not in Dynamics")
    before = model.matching_count()
    with store.begin() as conn:
        conn.execute(update(Person.__table__).where(Person.__table__.c.id == 8).values(dynamics_id="x"))
    widget.refresh_people([8])
    assert model.matching_count() == before - 1
    assert 8 not in ids(model)


def test_reload_after_a_sync_updates_rows_in_place(panel, store):
    widget = panel(3000)
    model = widget.model
    model.sort(-1)
    model.fetchMore()
    select_people(widget, {10, 1500})
    with store.begin() as conn:
        conn.execute(update(Person.__table__).where(Person.__table__.c.id == 5)
                     .values(dynamics_type="lead", dynamics_id="created-by-sync"))
    outbox(store, 20, "pending")
    resets, changes = spy(model.modelReset), spy(model.dataChanged)
    widget.reload()
    assert resets == [], "same people: no reset, so the selection and the scroll position stay"
    assert sorted((tl.row(), tl.column(), br.column()) for tl, br, *_ in changes) == [
        (4, 0, model.columnCount() - 1), (19, COL_SYNC, COL_SYNC)]
    assert model.index(4, COL_TYPE).data() == "Lead" and model.index(19, COL_SYNC).data() == "Pending…"
    assert widget.selected_person_ids() == [10, 1500] and model.rowCount() == 2000

    fill_more = [dict(person_values(3001), id=3001, email="new@example.com")]
    with store.begin() as conn:
        conn.execute(insert(Person.__table__), fill_more)
    widget.reload()
    assert resets and model.matching_count() == 3001, "someone was imported: a full reload"


# ---- drag and drop -----------------------------------------------------------------------------------

def test_dragging_selected_rows_carries_exactly_their_ids(panel):
    widget = panel(2000)
    model = widget.model
    chosen = {3, 77, 1500}
    select_people(widget, chosen)
    assert widget.selected_person_ids() == sorted(chosen)
    indexes = widget.view.selectionModel().selectedIndexes()  # what the view hands to mimeData: every cell
    assert len(indexes) == 3 * model.columnCount()
    data = model.mimeData(indexes)
    assert data.hasFormat(PERSON_IDS) and read_people(data) == sorted(chosen)
    assert model.mimeTypes() == [PERSON_IDS]
    assert model.supportedDragActions() == Qt.DropAction.CopyAction
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert widget.view.dragDropMode() == widget.view.DragDropMode.DragDrop


def test_ctrl_a_selects_every_match_not_only_the_rows_fetched_so_far(panel, qtbot):
    widget = panel(4500)
    model = widget.model
    widget.search.setText("germany")  # every third person: 1,500 matches, 1,000 fetched at first
    widget.apply_filter()
    matching = sorted(p["id"] for p in panel.people if p["country"] == "Germany")
    assert model.rowCount() < len(matching), "the view has not been handed every match yet"
    widget.view.setFocus()
    qtbot.keyClick(widget.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert widget.view.all_matching_selected
    assert widget.selected_person_ids() == matching
    assert read_people(widget.view.drag_mime()) == matching, "a drag of that selection carries all of them"

    widget.view.clearSelection()
    select_people(widget, {matching[0]})  # any other selection is just that selection again
    assert not widget.view.all_matching_selected
    assert read_people(widget.view.drag_mime()) == [matching[0]]
    qtbot.keyClick(widget.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    widget.search.setText("france")  # a new filter forgets "all matching"
    widget.apply_filter()
    assert not widget.view.all_matching_selected


def test_dropping_members_asks_for_their_removal_and_nothing_else(panel, qtbot):
    widget = panel(50)
    model = widget.model
    root = model.index(-1, -1)
    members = members_mime("camp-42", [3, 9, 3])
    assert model.canDropMimeData(members, Qt.DropAction.MoveAction, -1, -1, root)
    with qtbot.waitSignal(widget.remove_requested, timeout=1000) as blocker:
        assert model.dropMimeData(members, Qt.DropAction.MoveAction, -1, -1, root)
    assert blocker.args == ["camp-42", [3, 9]]

    people = people_mime([1, 2])
    assert not model.canDropMimeData(people, Qt.DropAction.CopyAction, -1, -1, root)
    broken = QMimeData()
    broken.setData(MEMBER_IDS, b'{"person_ids": [1]}')  # no campaign
    with qtbot.assertNotEmitted(widget.remove_requested):
        assert not model.dropMimeData(people, Qt.DropAction.CopyAction, -1, -1, root)
        assert not model.dropMimeData(broken, Qt.DropAction.MoveAction, -1, -1, root)
    assert model.supportedDropActions() == Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
    assert model.matching_count() == 50, "a drop changes nothing by itself"


def test_a_people_payload_cut_short_or_foreign_carries_nobody():
    assert read_people(people_mime([5, 3_000_000_000, 7])) == [5, 3_000_000_000, 7]
    cut = QMimeData()
    cut.setData(PERSON_IDS, bytes(people_mime([5, 6]).data(PERSON_IDS))[:-3])
    text = QMimeData()
    text.setText("5, 6")
    assert read_people(cut) == [] and read_people(text) == [] and read_people(None) == []


def test_the_table_takes_a_members_drop_from_outside(panel, qtbot):
    widget = panel(50)
    widget.show()
    qtbot.waitExposed(widget)
    viewport = widget.view.viewport()
    where = QPointF(viewport.rect().center())
    actions = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier

    def drag_over(data) -> bool:
        """Enter then move, as a real drag does: the move decides whether a drop may land here."""
        QApplication.sendEvent(viewport, QDragEnterEvent(where.toPoint(), actions, data, buttons, modifiers))
        move = QDragMoveEvent(where.toPoint(), actions, data, buttons, modifiers)
        QApplication.sendEvent(viewport, move)
        return move.isAccepted()

    assert not drag_over(people_mime([1])), "people dropped on people: refused"
    members = members_mime("camp-7", [4, 5])
    assert drag_over(members)
    with qtbot.waitSignal(widget.remove_requested, timeout=1000) as blocker:
        QApplication.sendEvent(viewport, QDropEvent(where, actions, members, buttons, modifiers))
    assert blocker.args == ["camp-7", [4, 5]]


# ---- keyboard ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("window_has_find", [False, True], ids=["panel alone", "window with Edit > Find"])
def test_ctrl_f_focuses_the_search(panel, qtbot, window_has_find):
    widget = panel(10)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(widget)
    if window_has_find:  # a second Ctrl+F shortcut must not make the panel's ambiguous (Qt would trigger neither)
        find = QAction("Find people…", window, shortcut=QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(widget.focus_search)
        window.menuBar().addMenu("Edit").addAction(find)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    widget.view.setFocus()
    qtbot.waitUntil(widget.view.hasFocus, timeout=1000)
    assert widget.search_action.shortcut() == QKeySequence("Ctrl+F")
    qtbot.keyClick(widget.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(widget.search.hasFocus, timeout=1000)
    assert widget.search.placeholderText() == "Search name, email, company…"
    assert widget.search.isClearButtonEnabled()


@pytest.fixture
def shown_in_a_window(qtbot):
    """Shortcuts of a panel work only in an active window: this puts the panel in one, kept until the test ends."""
    windows = []

    def show(widget) -> None:
        window = QMainWindow()
        qtbot.addWidget(window)
        windows.append(window)
        window.setCentralWidget(widget)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=1000)

    return show


def test_keyboard_ctrl_enter_asks_for_a_campaign_for_every_match(panel, qtbot, shown_in_a_window):
    widget = panel(2500)
    shown_in_a_window(widget)
    widget.view.setFocus()
    qtbot.waitUntil(widget.view.hasFocus, timeout=1000)
    assert not widget.add_action.isEnabled(), "nobody selected: nothing to add"
    asked = spy(widget.add_to_campaign_requested)
    qtbot.keyClick(widget.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked == []
    qtbot.keyClick(widget.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert widget.add_action.isEnabled() and widget.add_action.shortcut() == QKeySequence("Ctrl+Return")
    qtbot.keyClick(widget.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked == [(list(range(1, 2501)), origins.KEYBOARD)], "every match, also the rows not fetched yet"


def test_keyboard_copy_emails_takes_every_match_not_only_the_rows_fetched(panel, qtbot, shown_in_a_window):
    widget = panel(NEEDLE + 10)
    shown_in_a_window(widget)
    widget.view.setFocus()
    qtbot.waitUntil(widget.view.hasFocus, timeout=1000)
    qtbot.keyClick(widget.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    widget.copy_emails_action.trigger()
    copied = QApplication.clipboard().text().split("; ")
    assert len(copied) == NEEDLE + 10 and f"person{NEEDLE}@example.com" in copied


def test_keyboard_tab_leaves_the_table_and_the_quick_filters_are_one_stop(panel, qtbot, shown_in_a_window):
    widget = panel(10)
    after = QLineEdit()  # the next panel, as the campaigns list is in the window
    widget.layout().addWidget(after)
    shown_in_a_window(widget)
    widget.search.setFocus()
    qtbot.waitUntil(widget.search.hasFocus, timeout=1000)
    stops = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    assert stops == [widget.filter_buttons["All"], widget.view, after]
