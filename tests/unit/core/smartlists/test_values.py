"""values.fold(): text as smart lists compare it."""

import pytest

from campsync_gui.core import smartlists as sl


@pytest.mark.parametrize("text, folded", [
    ("Zoë", "zoe"), ("  ÉCOLE  ", "ecole"), ("Straße", "strasse"), ("ﬁnance", "finance"), ("İstanbul", "istanbul"),
    ("Ångström", "angstrom"), (None, ""), ("", ""), ("\u00a0\t", ""), ("MiXeD", "mixed"), (42, "42"),
])
def test_fold(text, folded):
    assert sl.fold(text) == folded
