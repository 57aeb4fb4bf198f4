"""Origins (core/origins.py): what started a flow action, as stored on rows and events, and in words for people
(the log panel, the Queue tab, `campsync log`)."""

import pytest

from campsync_gui.core import origins
from campsync_gui.core.origins import (COMMAND_LINE, CONTEXT_MENU, DELETE_KEY, DRAG_AND_DROP, KEYBOARD, PULL, UNDO,
                                       automation_campaign, batch_campaign, describe, trigger_campaign)


@pytest.mark.parametrize("origin, words", [
    (DRAG_AND_DROP, "Drag and drop (operator)"),
    (COMMAND_LINE, "Command line"),
    (UNDO, "Undo"),
    (PULL, "Read from Dynamics"),
])
def test_each_known_origin_reads_as_words(origin, words):
    assert describe(origin) == words


def test_known_origins_are_recognised_whatever_their_case_or_surrounding_spaces():
    assert describe("  CLI ") == describe(COMMAND_LINE)
    assert describe("Drag-And-Drop") == describe(DRAG_AND_DROP)


def test_a_trigger_campaigns_origin_names_the_campaign_and_reads_back_with_its_name():
    origin = trigger_campaign("Welcome Series")
    assert origin != trigger_campaign("Nurture")
    assert "Welcome Series" in origin
    assert describe(origin) == "Trigger campaign Welcome Series"


def test_a_trigger_campaign_keeps_its_name_as_written_whatever_the_prefix_case():
    assert describe(trigger_campaign("ACME: Q3 Leads")) == "Trigger campaign ACME: Q3 Leads"
    assert describe(trigger_campaign("Nurture").upper()) == "Trigger campaign NURTURE"


def test_a_trigger_campaign_origin_without_a_name_still_reads_cleanly():
    assert describe(trigger_campaign("")) == "Trigger campaign"


def test_unknown_origins_are_shown_as_they_are_and_missing_ones_as_nothing():
    assert describe("  imported by the night job ") == "imported by the night job"
    assert describe("trigger campaigns report") == "trigger campaigns report"  # not the trigger campaign prefix
    assert describe(None) == ""
    assert describe("") == ""


def test_only_an_operators_own_gestures_in_the_window_are_undone_with_ctrl_z():
    assert {DRAG_AND_DROP, DELETE_KEY, CONTEXT_MENU, KEYBOARD} <= set(origins.UNDOABLE)
    assert not {COMMAND_LINE, UNDO, PULL, trigger_campaign("Welcome"), batch_campaign("Canada push")} \
        & set(origins.UNDOABLE)


def test_a_change_made_with_the_delete_key_a_menu_or_the_keyboard_is_not_called_a_drag_and_drop():
    assert describe(DELETE_KEY) == "Delete key (operator)"
    assert describe(CONTEXT_MENU) == "Menu (operator)"
    assert describe(KEYBOARD) == "Keyboard (operator)"
    assert len({describe(o) for o in (DRAG_AND_DROP, DELETE_KEY, CONTEXT_MENU, KEYBOARD)}) == 4


def test_a_batch_campaigns_origin_says_batch_campaign_not_trigger_campaign():
    assert describe(batch_campaign("France batch")) == "Batch campaign France batch"
    assert describe(batch_campaign("France batch").upper()) == "Batch campaign FRANCE BATCH"
    assert describe(batch_campaign("")) == "Batch campaign"
    assert batch_campaign("Nurture") != trigger_campaign("Nurture")


def test_an_automation_campaigns_origin_follows_its_kind():
    assert describe(automation_campaign("batch", "Canada push")) == "Batch campaign Canada push"
    assert describe(automation_campaign("trigger", "Welcome")) == "Trigger campaign Welcome"
