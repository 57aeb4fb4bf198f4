"""The Python path: `matches()` for one person, given their activities and memberships."""

import itertools
import re

import pytest
from smartlists_support import NOW, field, one

from campsync_gui.core import smartlists as sl
from campsync_gui.core.models import Membership, Person


def test_membership_rows_of_someone_else_are_ignored_in_python():
    person = Person(id=1, first_name="x")
    smart = sl.validate(one({"kind": "membership", "campaign_ids": ["c1"]}))
    stranger = Membership(person_id=2, campaign_id="c1", list_id="l", source="flow_action")
    assert not sl.matches(smart, person, activities=[], memberships=[stranger], now=NOW)
    mine = {"person_id": 1, "campaign_id": "c1", "list_id": "l", "source": "flow_action"}  # dicts work too
    assert sl.matches(smart, person, activities=[], memberships=[mine], now=NOW)



# Three filters a person passes or fails one by one: filter n is true for the person exactly when bits[n - 1] is.
INDEPENDENT = one(field("country", "equals", "France"), field("company", "equals", "Acme"),
                  field("job_title", "equals", "CTO"))


def person_with(bits):
    return Person(id=1, country="France" if bits[0] else "Spain", company="Acme" if bits[1] else "Globex",
                  job_title="CTO" if bits[2] else "Buyer")


@pytest.mark.parametrize("logic", [
    "1 and (2 or 3)", "1 and 2 or 3", "1 or 2 and 3", "(1 or 2) and 3", "not 1 and 2", "not (1 and 2)",
    "not 1 or not 2 and 3", "not (1 or 2) and not 3", "1 and not (2 or not 3)", "all", "any",
])
def test_logic_decides_like_the_same_expression_in_python(logic):
    """Every combination of filter outcomes: the smart list matches when the expression, read with Python's
    own and / or / not (the same precedence: not > and > or), is true."""
    smart = sl.validate(dict(INDEPENDENT, logic=logic))
    expression = {"all": "1 and 2 and 3", "any": "1 or 2 or 3"}.get(logic, logic)
    for bits in itertools.product([False, True], repeat=3):
        expected = eval(re.sub(r"\d", lambda m: str(bits[int(m.group()) - 1]), expression))  # only our literals
        assert sl.matches(smart, person_with(bits), now=NOW) == expected, (logic, bits)
