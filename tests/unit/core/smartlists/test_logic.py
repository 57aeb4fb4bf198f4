"""The logic expression: canonical text, and the messages a wrong expression gets."""

import pytest
from smartlists_support import FRANCE, HIGH, LEAD, MARKETING, one

from campsync_gui.core import smartlists as sl
from campsync_gui.core.smartlists import SmartListError


def test_logic_is_rendered_canonically():
    assert sl.validate(one(FRANCE, HIGH, LEAD, logic="1 AND ((2) OR 3)")).logic == "1 and (2 or 3)"
    assert sl.validate(one(FRANCE, HIGH, LEAD, logic="(1 and 2) or 3")).logic == "1 and 2 or 3"
    assert sl.validate(one(FRANCE, HIGH, LEAD, logic="not (1 or 2) and not 3")).logic == "not (1 or 2) and not 3"
    assert sl.validate(one(FRANCE, HIGH, logic="1 and (1 and 2)")).logic == "1 and 1 and 2"
    assert sl.validate(one(FRANCE, HIGH, LEAD, logic="2 or 3")).used_filters() == [2, 3]


# ---- messages -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("definition, message", [
    (one(FRANCE, MARKETING, logic="1 and (2 or"), "Logic '1 and (2 or': unbalanced parentheses"),
    (one(FRANCE, MARKETING, logic="1 or 2)"), "unbalanced parentheses"),
    (one(FRANCE, MARKETING, logic="1 and 3"), "Logic '1 and 3': filter 3 does not exist (there are 2 filters)"),
    (one(FRANCE, logic="2"), "filter 2 does not exist (there is only 1 filter)"),
    (one(FRANCE, logic="0"), "filter numbers start at 1"),
    (one(FRANCE, MARKETING, logic="1 2"), "expected 'and' or 'or' before '2'"),
    (one(FRANCE, MARKETING, logic="(1 2)"), "expected 'and' or 'or' before '2'"),
    (one(FRANCE, MARKETING, logic="1 and"), "expected a filter number after 'and'"),
    (one(FRANCE, MARKETING, logic="1 or not"), "expected a filter number after 'not'"),
    (one(FRANCE, MARKETING, logic="()"), "expected a filter number after '(', not ')'"),
    (one(FRANCE, MARKETING, logic="1 xor 2"), "unknown word 'xor'"),
    (one(FRANCE, MARKETING, logic="1 && 2"), "unexpected '&'"),
    (one(FRANCE, MARKETING, logic="__import__('os')"), "unknown word '__import__'"),
    (one(FRANCE, logic=3), "Logic must be text"),
    (one(FRANCE, logic="(" * 60 + "1" + ")" * 60), "nested more than 50 levels deep"),
    (one(FRANCE, logic="not " * 5000 + "1"), "nested more than 50 levels deep"),
    ({"filters": [], "logic": "1"}, "filter 1 does not exist (there are 0 filters)"),
])
def test_logic_errors(definition, message):
    with pytest.raises(SmartListError) as caught:
        sl.validate(definition)
    assert message in str(caught.value)


# ---- more of what a user types -----------------------------------------------------------------------------

THREE = one(FRANCE, MARKETING, HIGH)


@pytest.mark.parametrize("logic", ["", "   ", "\t\n", None])
def test_blank_logic_means_all_filters(logic):
    parsed = sl.validate(dict(THREE, logic=logic))
    assert parsed.logic == "all"  # what is saved, and shown again in the editor
    assert parsed.used_filters() == [1, 2, 3]


@pytest.mark.parametrize("typed, saved", [
    ("1 and (2 or 3)", "1 and (2 or 3)"),
    ("(1 or 2) and 3", "(1 or 2) and 3"),        # the parentheses change the meaning: kept
    ("1 or (2 and 3)", "1 or 2 and 3"),          # and binds tighter than or: not needed
    ("(not 1) and 2", "not 1 and 2"),            # not binds tighter than and
    ("1 and not (2 or 3)", "1 and not (2 or 3)"),
    ("not (not 1)", "not not 1"),
    ("1 AnD 2 oR NoT 3", "1 and 2 or not 3"),
    ("01 or 003", "1 or 3"),
    ("  1   and\t2 ", "1 and 2"),
])
def test_logic_is_saved_in_canonical_text(typed, saved):
    assert sl.validate(dict(THREE, logic=typed)).logic == saved


@pytest.mark.parametrize("logic, message", [
    ("and 1", "expected a filter number, not 'and'"),
    ("1 or or 2", "expected a filter number after 'or', not 'or'"),
    ("1 or 2 and", "expected a filter number after 'and'"),
    ("not", "expected a filter number after 'not'"),
    ("1 and ()", "expected a filter number after '(', not ')'"),
    ("1 (2)", "expected 'and' or 'or' before '('"),
    ("1 and 2 3", "expected 'and' or 'or' before '3'"),
    (")1(", "unbalanced parentheses"),
    ("(1 and 2", "unbalanced parentheses"),
    ("1 and (2 or 3))", "unbalanced parentheses"),
    ("1 and (2 or 4)", "filter 4 does not exist (there are 3 filters)"),   # out of range inside parentheses
    ("not 4", "filter 4 does not exist (there are 3 filters)"),
    ("99999999999999999999", "filter 99999999999999999999 does not exist (there are 3 filters)"),
    ("1 or 0", "filter numbers start at 1"),
    ("-1", "unexpected '-'"),
    ("1.5", "unexpected '.'"),
    ("1, 2", "unexpected ','"),
    ("1 & 2", "unexpected '&' (use filter numbers with and, or, not and parentheses)"),
    ("1 nand 2", "unknown word 'nand' (use filter numbers with and, or, not and parentheses, or just 'all' / 'any')"),
    ("all and 1", "unknown word 'all'"),         # 'all' / 'any' stand alone, not inside an expression
])
def test_logic_error_quotes_the_logic_and_says_what_to_fix(logic, message):
    with pytest.raises(SmartListError) as caught:
        sl.validate(dict(THREE, logic=logic))
    text = str(caught.value)
    assert text.startswith(f"Logic {logic!r}: ") and message in text, text
    assert caught.value.filter_number is None  # the editor marks no filter row: the logic box is what to fix


@pytest.mark.parametrize("opening, closing", [("(", ")"), ("not ", ""), ("not (", ")")])
def test_nesting_is_allowed_up_to_the_limit_and_refused_beyond(opening, closing):
    levels = 50 // len(opening.split())  # "not (" nests twice per repetition
    deepest = opening * levels + "1" + closing * levels
    assert sl.validate(dict(THREE, logic=deepest)).used_filters() == [1]
    with pytest.raises(SmartListError, match="nested more than 50 levels deep"):
        sl.validate(dict(THREE, logic=opening + deepest + closing))
