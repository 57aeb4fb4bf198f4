"""The one place that writes OData literals: single strings, In() arrays (JSON), GUIDs.

Each builder is checked on its own, then against the sandbox's $filter reader (which reads as Dataverse does): a
hostile value written by a builder must come back as itself, and an In() array must read back as Dataverse reads it, since
Dataverse answers 400 "Invalid JSON" to the OData way of quoting (`'o''neil'`) inside it.
"""

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from campsync_gui.dynamics.query_strings import build_query, url_sized
from campsync_gui.dynamics.errors import DynamicsError
from campsync_gui.dynamics.odata_literals import (LiteralError, array_value, eq, guid_literal, in_filter,
                                                  property_name, string_literal)
from campsync_gui.sandbox import odata
from campsync_gui.sandbox.schema import LEADS, LISTMEMBERS
from campsync_gui.sandbox.filter_json import scan_array

# A few examples each, no database: hypothesis shrinks a failure to the smallest hostile value.
QUICK = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
G1 = "6F1C2A3B-0000-4000-8000-000000000001"

# Characters that have broken quoting somewhere: OData and JSON quotes, escapes, URL delimiters, accents, letters
# whose case rules are odd, emoji beyond the BMP (surrogate pairs in JSON), a joiner, right-to-left text.
HOSTILE_CHARS = list("'\"\\%&#+;,()[]{}=$@/?:!*~`^|<>") + list("éÉüÜßçøñÅ中文日本العربية") + [
    "😀", "🎉", "👩", "💻", "\u200d", "\u0301", "ﬁ", "€"]
hostile_text = st.text(alphabet=st.sampled_from(HOSTILE_CHARS) | st.characters(codec="ascii", categories=("L", "N")),
                       min_size=1, max_size=40)


def test_string_literal_doubles_single_quotes():
    assert string_literal("O'Bryan") == "'O''Bryan'"
    assert string_literal("'") == "''''"
    assert string_literal('say "hi"') == "'say \"hi\"'"


def test_array_values_holding_a_quote_are_json_strings_never_doubled_quotes():
    assert array_value("o'neil@example.org") == '"o\'neil@example.org"'
    assert array_value('a"b\\c') == '"a\\"b\\\\c"'
    # A plain value keeps the short single-quoted form ("%22" would cost 4 URL characters a value).
    assert array_value("ada@example.org") == "'ada@example.org'"
    assert array_value("zoë😀") == "'zoë😀'"  # kept as text: the URL encoding makes it UTF-8
    flt = in_filter("emailaddress1", ["o'neil@x.org", "b@x.org"])
    assert flt == ('Microsoft.Dynamics.CRM.In(PropertyName=\'emailaddress1\',PropertyValues=["o\'neil@x.org",'
                   "'b@x.org'])")
    assert "''" not in flt
    assert in_filter("statecode", ["1"], function="NotIn").startswith("Microsoft.Dynamics.CRM.NotIn(")


def test_guids_are_checked_and_written_bare():
    assert guid_literal(G1) == G1.lower()
    assert eq("_listid_value", guid_literal(f" {G1} ")) == f"_listid_value eq {G1.lower()}"
    for bad in ["", "x", f"'{G1}'", f"{G1} or statecode eq 0", G1[:-1], f"{G1}0"]:
        with pytest.raises(LiteralError):
            guid_literal(bad)
    assert issubclass(LiteralError, DynamicsError), "callers handling the client's errors handle this one"


def test_column_names_cannot_carry_a_clause():
    assert property_name("emailaddress1") == "emailaddress1"
    for bad in ["", "name eq 'x' or name", "a'b", "a b", "1abc"]:
        with pytest.raises(LiteralError):
            property_name(bad)
    with pytest.raises(LiteralError):
        in_filter("emailaddress1", ["a"], function="ContainValues) or (")


@QUICK
@given(st.lists(hostile_text, min_size=1, max_size=8))
@example(["o'neil@example.org", "o''neil@example.org", "'", "''", '"', "\\", "\\u00e9", "a%20b", "a+b&c#d;e"])
def test_in_arrays_read_as_dataverse_reads_them_give_back_each_value(values):
    flt = in_filter("emailaddress1", values)
    start = flt.index("PropertyValues=") + len("PropertyValues=")
    # Dataverse's reader: JSON where a plain value may be single-quoted and `''` is invalid (the sandbox's copy).
    assert scan_array(flt, start)[0] == values
    decoded = _query_value(build_query({"$filter": flt}))
    assert decoded == flt, "percent-encoding keeps %, &, #, + and unicode as they were"


@QUICK
@given(st.lists(hostile_text, min_size=1, max_size=6, unique=True), st.data())
def test_the_org_reads_back_exactly_the_values_written(values, data):
    """The sandbox reads In() arrays and single literals as Dataverse does; what a builder wrote must match the
    rows holding those values and no others."""
    rows = [{"leadid": f"{i}", "emailaddress1": v, "lastname": v} for i, v in enumerate(values)]
    wanted = data.draw(st.lists(st.sampled_from(values), min_size=1, unique=True))
    keep = odata.compile_filter(in_filter("emailaddress1", wanted), LEADS)
    assert {r["emailaddress1"].casefold() for r in rows if keep(r)} == {w.casefold() for w in wanted}
    one = wanted[0]
    keep = odata.compile_filter(eq("lastname", string_literal(one)), LEADS)
    assert {r["lastname"].casefold() for r in rows if keep(r)} == {one.casefold()}


def test_guid_literals_are_read_as_ids_by_the_org():
    keep = odata.compile_filter(eq("_listid_value", guid_literal(G1)), LISTMEMBERS)
    assert keep({"_listid_value": G1.lower()})


def test_lookup_groups_are_sized_by_the_json_text_sent():
    # Sized by what is sent: a value of apostrophes costs its JSON quotes, not doubled apostrophes, so two fit
    # where the OData way of quoting would have fitted one; each group's array, encoded, stays within the limit.
    values = ["'" * 30, "'" * 31, "'" * 32, "'" * 33]
    groups = list(url_sized(values, 100, 80))
    assert [len(g) for g in groups] == [2, 2]
    for group in groups:
        encoded = build_query({"v": ",".join(array_value(v) for v in group)})
        assert len(encoded) - len("?v=") <= 80


def _query_value(query: str) -> str:
    from urllib.parse import parse_qsl
    (key, value), = parse_qsl(query.lstrip("?"), keep_blank_values=True)
    assert key == "$filter" and not re.search(r"[#&+ ]", query), "delimiters inside values are encoded"
    return value
