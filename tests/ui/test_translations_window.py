"""The window in French (the catalogue compiled by pyside6-lrelease, as `make run` does, or into the cache when the
.qm is older than the .ts): its menus, tabs and status bar, the preview and the live log speak French with Marketo's
French names of the flow actions and triggers, and counts read as French writes them."""

import pytest
from PySide6.QtCore import QLocale, Qt

from campsync_gui import language
from campsync_gui.ui.i18n import compiled_catalogue, install_language
from test_main_window import (active_campaign, campaign_index, confirm_preview, drag_people, finish_sync, log_rows,
                              person_ids_with, window)  # noqa: F401  (window: the fixture)


@pytest.fixture
def french(qapp):
    assert install_language(qapp, "fr") == "fr"
    yield
    install_language(qapp, "en")


def test_translations_the_french_window_speaks_marketos_french(french, org, window, qloop, qtbot):
    assert compiled_catalogue("fr") is not None, "no compiled French catalogue"
    win = window()
    qloop.run_until_complete(win.refresh(people=True))
    menus = [action.text() for action in win.menuBar().actions()]
    assert menus == ["&Fichier", "É&dition", "Ad&ministration", "&Affichage", "A&ide"], menus
    tabs = [win.main_tabs.tabText(i) for i in range(win.main_tabs.count())]
    assert tabs == ["Personnes et campagnes", "Automatisation"], tabs
    assert QLocale().toString(10000) == "10\u202f000"  # numbers as French writes them

    campaign = active_campaign(org)
    chosen = person_ids_with(win, type="lead")[:2]
    with qtbot.waitSignal(win.campaigns_panel.campaigns.add_requested):
        win.campaigns_panel.campaigns.dropMimeData(drag_people(win, chosen), Qt.DropAction.CopyAction, -1, -1,
                                                   campaign_index(win, campaign["campaignid"]))
    preview, _counts = confirm_preview(win, qloop)
    assert preview.windowTitle().startswith("Ajouter à Microsoft Campaign"), preview.windowTitle()
    finish_sync(win, qloop)
    assert [row[0] for row in log_rows(win)] == ["Ajouté à Microsoft Campaign"] * 2
    assert language.language() == "fr"  # the core's words follow the window's language


def test_translations_the_windows_counts_say_one_person_and_two_people(org, window, qloop, qtbot):
    """A refused drop and a drag's text say '1 person' and '2 people' ('1 people' before), in both languages."""
    from campsync_gui.ui.mime import people_mime

    win = window()
    qloop.run_until_complete(win.refresh(people=True))
    inactive = next(r for r in org.state.campaigns.values() if r["statecode"] == 1)
    model = win.campaigns_panel.campaigns
    said = []
    for count in (1, 2):
        with qtbot.waitSignal(model.drop_refused) as refused:
            model.dropMimeData(drag_people(win, person_ids_with(win, type="lead")[:count]), Qt.DropAction.CopyAction,
                               -1, -1, campaign_index(win, inactive["campaignid"]))
        said.append(refused.args[0].split(":")[0])
    assert said == ["Cannot add 1 person", "Cannot add 2 people"]
    assert [people_mime(ids).text() for ids in ([7], [7, 8])] == ["1 person", "2 people"]
