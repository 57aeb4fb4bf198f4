"""The People panel on a store too big to read before the first paint: the first page shows at once, everyone is
read on a thread, and what the person does meanwhile (a search, select all) gives the answer it would give on a
small store. The threshold is lowered so 3,000 people count as "big"."""

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import delete, insert

from campsync_gui.core.connections import Connection
from campsync_gui.core.models import Person
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.ui.models.people import COL_EMAIL, COL_NAME, FETCH_CHUNK
from campsync_gui.ui.mime import read_people
from campsync_gui.ui.widgets import people_panel
from campsync_gui.ui.widgets.people_panel import PeoplePanel

FIRST = ("Ada", "Grace", "Linus", "José", "Émile")
LAST = ("Lovelace", "Hopper", "Torvalds", "García", "Hamilton", "Knuth", "Ritchie")
COUNT = 3000


@pytest.fixture
def store(tmp_path):
    engine = open_store(tmp_path / "campsync.db")
    people = [dict(id=i, first_name=FIRST[i % 5], last_name=LAST[i % 7], email=f"person{i}@example.com",
                   company=f"Company {i % 50}", country=("Germany", "France", "Japan")[i % 3], score=i % 101,
                   dynamics_type=("lead", "contact", None)[i % 3], dynamics_id=f"dyn-{i}" if i % 3 != 2 else None)
              for i in range(1, COUNT + 1)]
    with engine.begin() as conn:
        conn.execute(insert(Person.__table__), people)
        conn.execute(delete(Person.__table__).where(Person.id.in_([7, 8, 9])))  # ids with gaps, as after deletes
    yield engine, [p for p in people if p["id"] not in (7, 8, 9)]
    engine.dispose()


@pytest.fixture
def big(monkeypatch, qtbot, store):
    monkeypatch.setattr(people_panel, "READ_IN_BACKGROUND_ABOVE", 1000)
    engine, people = store
    widget = PeoplePanel(Workspace(engine, connection=Connection(name="test")))
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    return widget, people


def sorted_by_name(people):
    return sorted(people, key=lambda p: f"{p['first_name']} {p['last_name']}".casefold())


def test_the_first_page_shows_before_everyone_is_read_and_matches_the_full_list(big, qtbot):
    widget, people = big
    widget.reload()
    model = widget.model
    first = [model.index(r, COL_EMAIL).data() for r in range(model.rowCount())]
    assert widget.count_label.text() == f"{len(people):,} people"
    qtbot.waitUntil(lambda: not widget.is_reading(), timeout=10000)
    assert model.rowCount() == FETCH_CHUNK and model.total_count() == len(people)
    expected = [p["email"] for p in sorted_by_name(people)]
    # The first page came from the store in name order; once everyone is read, the same order continues.
    assert [model.index(r, COL_EMAIL).data() for r in range(FETCH_CHUNK)] == expected[:FETCH_CHUNK]
    assert sorted(first) == sorted(expected[:len(first)])


def test_a_search_typed_while_everyone_is_read_applies_when_they_come(big, qtbot):
    widget, people = big
    widget.reload()
    widget.search.setText("jose germany")
    widget.apply_filter()
    qtbot.waitUntil(lambda: not widget.is_reading(), timeout=10000)
    wanted = [p["id"] for p in sorted_by_name(people) if p["first_name"] == "José" and p["country"] == "Germany"]
    assert widget.model.matching_person_ids() == wanted
    assert widget.count_label.text() == f"{len(wanted):,} of {len(people):,} people"


def test_select_all_while_everyone_is_read_carries_every_match(big, qtbot):
    widget, people = big
    widget.reload()
    widget.view.setFocus()
    qtbot.keyClick(widget.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert not widget.is_reading(), "select all waited for everyone"
    assert read_people(widget.view.drag_mime()) == sorted(p["id"] for p in people)


def test_a_reload_of_the_same_people_keeps_the_rows_and_repaints_what_changed(big, qtbot, store):
    widget, people = big
    engine, _ = store
    widget.reload()
    qtbot.waitUntil(lambda: not widget.is_reading(), timeout=10000)
    widget.model.sort(-1)  # store order
    resets = []
    widget.model.modelReset.connect(lambda: resets.append(1))
    with engine.begin() as conn:
        conn.execute(Person.__table__.update().where(Person.id == 5).values(first_name="Zelda"))
    widget.reload()
    qtbot.waitUntil(lambda: not widget.is_reading(), timeout=10000)
    assert not resets
    assert widget.model.index(4, COL_NAME).data() == "Zelda Knuth"
    widget.search.setText("zelda")
    widget.apply_filter()
    assert widget.model.matching_person_ids() == [5]
