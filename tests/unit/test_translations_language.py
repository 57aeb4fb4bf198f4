"""Which language a person gets, and how counts and numbers read in it (campsync_gui/language.py)."""

import pytest

from campsync_gui import language


@pytest.fixture(autouse=True)
def english_again():
    yield
    language.use_language("en")


@pytest.mark.parametrize("environ, expected", [
    ({"LANG": "fr_FR.UTF-8"}, "fr"),
    ({"LANG": "fr_CA"}, "fr"),
    ({"LANG": "de_DE.UTF-8"}, "en"),  # not shipped: English
    ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en"),
    ({"LANG": "en_GB.UTF-8", "LC_ALL": "fr_FR.UTF-8"}, "fr"),  # LC_ALL before LANG, as gettext reads them
    ({"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "en"),
    ({"LANGUAGE": "de:fr", "LANG": "en_US.UTF-8"}, "fr"),  # GNU's list of preferences: the first one shipped
    ({"LANG": "fr_FR.UTF-8", "CAMPSYNC_LANGUAGE": "en"}, "en"),  # the override (what the window's setting passes)
])
def test_translations_follow_the_locale_as_gettext_reads_it(environ, expected):
    assert language.system_language(environ) == expected


def test_translations_count_people_with_each_languages_plural_rule():
    def people(n):
        return language.plural(n, language.translate("PeopleCount", "{n} person"),
                               language.translate("PeopleCount", "{n} people"))
    language.use_language("en")
    assert [people(n) for n in (0, 1, 2, 10000)] == ["0 people", "1 person", "2 people", "10,000 people"]
    language.use_language("fr")
    assert language.plural(0, "{n} personne", "{n} personnes") == "0 personne"  # French: 0 is singular
    assert language.plural(10000, "{n} personne", "{n} personnes") == "10\u202f000 personnes"


def test_translations_french_words_of_the_core_come_from_the_catalogue():
    from campsync_gui.core.triggers import ADDED, REMOVED, TriggerEvent, trigger_label

    language.use_language("fr")
    assert trigger_label(ADDED) == "Ajouté à Microsoft Campaign"  # Marketo's French names
    assert trigger_label(REMOVED) == "Supprimé de Microsoft Campaign"
    event = TriggerEvent(trigger=ADDED, person_id=1, email="a@example.org", campaign_id="c", campaign_name="C",
                         origin="cli", request_id="r", outbox_id=None, at=1.0)
    assert event.to_dict()["trigger_label"] == "Added to Microsoft Campaign"  # --json stays English for scripts
    language.use_language("en")
    assert trigger_label(ADDED) == "Added to Microsoft Campaign"


def test_translations_counts_in_sentences_say_one_and_many_not_s_in_brackets():
    """'1 trigger campaign run' and '3 changes', not 'run(s)' and 'change(s)': the command line's counts, in English
    and in French (where 0 is singular too)."""
    from campsync_gui.cli.common import fired_text

    assert fired_text(1, 3) == "1 trigger campaign run; Dynamics confirmed 3 changes"
    assert fired_text(2, 1) == "2 trigger campaign runs; Dynamics confirmed 1 change"
    assert fired_text(2, None) == "2 trigger campaign runs" and fired_text(0, 5) == ""
    language.use_language("fr")
    try:
        assert fired_text(1, 0) == "1 exécution de campagne déclenchée\u00a0; Dynamics a confirmé 0 modification"
        assert fired_text(3, 2) == "3 exécutions de campagne déclenchée\u00a0; Dynamics a confirmé 2 modifications"
    finally:
        language.use_language("en")
