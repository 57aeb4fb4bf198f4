"""A search over a table too big to scan in one keystroke (a million people): the keystroke shows the first matches
at once and says the count is not final, the rest follows a slice at a time, and what the person then sees and
takes (the rows, the count, select all, a drag) is what a small table gives. The thresholds are lowered so 3,000
people count as "big", and each slice tests a few dozen people, so every search here takes many slices."""

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import insert

from campsync_gui.core.connections import Connection
from campsync_gui.core.models import Person
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.ui.mime import read_people
from campsync_gui.ui.models import people as people_model
from campsync_gui.ui.models import people_scan
from campsync_gui.ui.models.people import COL_EMAIL, FETCH_CHUNK, QUICK_ALL, QUICK_LEADS, fold
from campsync_gui.ui.widgets.people_panel import PeoplePanel

FIRST = ("Ada", "Grace", "Linus", "José", "Émile")
LAST = ("Lovelace", "Hopper", "Torvalds", "García", "Hamilton", "Knuth", "Ritchie")
COUNTRIES = ("Germany", "France", "Japan")
COUNT = 3000


@pytest.fixture
def people(tmp_path):
    engine = open_store(tmp_path / "campsync.db")
    rows = [dict(id=i, first_name=FIRST[i % 5], last_name=LAST[i % 7], email=f"person{i}@example.com",
                 company=f"Company {i % 50}", country=COUNTRIES[i % 3], score=i % 101,
                 dynamics_type=("lead", "contact", None)[i % 3], dynamics_id=f"dyn-{i}" if i % 3 != 2 else None)
            for i in range(1, COUNT + 1)]
    with engine.begin() as conn:
        conn.execute(insert(Person.__table__), rows)
    yield engine, rows
    engine.dispose()


@pytest.fixture
def panel(monkeypatch, qtbot, people):
    monkeypatch.setattr(people_model, "FILTER_IN_SLICES_ABOVE", 1000)
    monkeypatch.setattr(people_model, "FIRST_SCREEN", 20)
    monkeypatch.setattr(people_model, "SLICE_S", 0.0)  # one step a slice
    monkeypatch.setattr(people_scan, "STEP", 97)
    monkeypatch.setattr(people_scan, "FIRST_STEP", 50)
    engine, rows = people
    widget = PeoplePanel(Workspace(engine, connection=Connection(name="test")))
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.reload()
    return widget, rows


def matching(rows, text: str, quick: str = QUICK_ALL) -> list[int]:
    """The ids a search should list, in the table's default order (by name, ties by id)."""
    terms = fold(text).split()
    found = [p for p in rows if all(term in fold("\x1f".join(
        (f"{p['first_name']} {p['last_name']}", p["email"], p["company"], "", p["country"]))) for term in terms)
        and (quick != QUICK_LEADS or p["dynamics_type"] == "lead")]
    return [p["id"] for p in sorted(found, key=lambda p: f"{p['first_name']} {p['last_name']}".casefold())]


def shown_ids(widget) -> list[int]:
    model = widget.model
    email_to_id = {f"person{i}@example.com": i for i in range(1, COUNT + 1)}
    return [email_to_id[model.index(row, COL_EMAIL).data()] for row in range(model.rowCount())]


def type_text(widget, text: str) -> None:
    widget.search.setText(text)
    widget.apply_filter()


def test_a_search_shows_its_first_matches_at_once_and_every_match_when_it_ends(panel, qtbot):
    widget, rows = panel
    wanted = matching(rows, "josé germany")
    type_text(widget, "José germany")
    assert widget.model.is_searching()
    first = shown_ids(widget)
    assert first == wanted[:len(first)], "the rows shown at once are the first matches, in order"
    assert widget.count_label.text().startswith("≥ ") and widget.count_label.text().endswith("so far…")
    qtbot.waitUntil(lambda: not widget.model.is_searching(), timeout=10000)
    assert shown_ids(widget) == wanted[:FETCH_CHUNK]
    assert widget.count_label.text() == f"{len(wanted):,} of {COUNT:,} people"
    assert widget.model.matching_person_ids() == wanted


def test_select_all_and_a_drag_during_a_search_carry_every_match(panel, qtbot):
    widget, rows = panel
    type_text(widget, "lovelace")
    assert widget.model.is_searching()
    widget.view.setFocus()
    qtbot.keyClick(widget.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert read_people(widget.view.drag_mime()) == sorted(matching(rows, "lovelace"))
    assert widget.selected_person_ids() == sorted(matching(rows, "lovelace"))
    assert not widget.model.is_searching()
    assert widget.count_label.text() == f"{len(matching(rows, 'lovelace')):,} of {COUNT:,} people"


@pytest.mark.parametrize("quick", [QUICK_ALL, QUICK_LEADS])
def test_typing_on_erasing_and_typing_again_give_exact_matches(panel, qtbot, quick):
    """Each text is typed while the previous search still runs (some slices done, or none); every third is let
    finish: a word typed further, a letter erased back, two words, a word nobody has."""
    widget, rows = panel
    widget.set_quick_filter(quick)
    texts = ["g", "ga", "gar", "garc", "gar", "garcia", "garcia jap", "garcia japan", "garcia jap", "garci",
             "zzz", "e", "em", "emile", "emil", "emile"]
    for number, text in enumerate(texts):
        type_text(widget, text)
        qtbot.wait(number % 4 * 5)  # 0 to 15 ms of the search's slices (a slice each ms) before the next key
        if number % 3 == 2:
            qtbot.waitUntil(lambda: not widget.model.is_searching(), timeout=10000)
            assert widget.model.matching_person_ids() == matching(rows, text, quick), text
        first = shown_ids(widget)
        assert first == matching(rows, text, quick)[:len(first)], text
    assert widget.model.matching_count() == len(matching(rows, "emile", quick))
    assert widget.model.matching_person_ids() == matching(rows, "emile", quick)


def test_a_person_changed_during_a_search_is_found_by_their_new_name(panel, qtbot, people):
    widget, rows = panel
    engine, _ = people
    type_text(widget, "torvalds")
    with engine.begin() as conn:
        conn.execute(Person.__table__.update().where(Person.id == 5).values(last_name="Torvalds"))
    widget.refresh_people([5])
    qtbot.waitUntil(lambda: not widget.model.is_searching(), timeout=10000)
    rows = [dict(p, last_name="Torvalds") if p["id"] == 5 else p for p in rows]
    assert widget.model.matching_person_ids() == matching(rows, "torvalds")
