"""Origins (core/origins.py): what started a flow action, as stored on rows and events, and in words for people
(the log panel, the Queue tab, `campsync log`)."""

import pytest

from campsync_gui.core import origins
from campsync_gui.core.origins import COMMAND_LINE, DRAG_AND_DROP, PULL, UNDO, describe, trigger_campaign


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


def test_only_an_operators_own_drops_are_undone_with_ctrl_z():
    assert DRAG_AND_DROP in origins.UNDOABLE
    assert not {COMMAND_LINE, UNDO, PULL, trigger_campaign("Welcome")} & set(origins.UNDOABLE)
