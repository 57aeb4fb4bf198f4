"""PropertyValues arrays are JSON, as Dataverse reads them ("Query data using the Web API", Manage single quotes).

Outside the array a string is OData (`'o''neil'`); inside In()/NotIn() and their siblings the values are JSON,
so `''` there is answered 400 "Invalid JSON" and a value holding `'` is written `"o'neil"`. A client quoting the
array the OData way must fail against the sandbox exactly as it would against a real org.
"""

import pytest

from campsync_gui.sandbox import odata
from campsync_gui.sandbox.errors import SandboxError
from campsync_gui.sandbox.schema import LEADS

IN = "Microsoft.Dynamics.CRM.In(PropertyName='emailaddress1',PropertyValues=[{}])"
NOT_IN = "Microsoft.Dynamics.CRM.NotIn(PropertyName='emailaddress1',PropertyValues=[{}])"
ROWS = [
    {"leadid": "1", "emailaddress1": "o'neil@example.org", "lastname": "O'Neil"},
    {"leadid": "2", "emailaddress1": 'say"hi\\there@example.org', "lastname": "Quote"},
    {"leadid": "3", "emailaddress1": "zoë😀@example.org", "lastname": "Zoë"},
    {"leadid": "4", "emailaddress1": "plain@example.org", "lastname": "Plain"},
]


def matching(text):
    keep = odata.compile_filter(text, LEADS)
    return [row["leadid"] for row in ROWS if keep(row)]


def rejected(text):
    with pytest.raises(SandboxError) as caught:
        odata.compile_filter(text, LEADS)
    return caught.value


@pytest.mark.parametrize("template", [IN, NOT_IN], ids=["In", "NotIn"])
@pytest.mark.parametrize("values", ["'o''neil@example.org'", "'plain@example.org','o''neil@example.org'",
                                    "'o''neil@example.org','plain@example.org'", "''''"])
def test_doubled_quotes_inside_the_array_are_invalid_json(template, values):
    error = rejected(template.format(values))
    assert error.status == 400
    assert error.message.startswith("Invalid JSON. A comma character ',' was expected in scope 'Array'")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ('"o\'neil@example.org"', ["1"]),  # the documented way: a JSON string holding the apostrophe
        ('"O\'NEIL@example.org" , "plain@example.org"', ["1", "4"]),  # spaces between values, any case
        ('"say\\"hi\\\\there@example.org"', ["2"]),  # JSON escapes \" and \\
        ('"zo\\u00eb\\ud83d\\ude00@example.org"', ["3"]),  # \u escapes, an emoji as a surrogate pair
        ('"zoë😀@example.org"', ["3"]),  # or the characters themselves
        ("'plain@example.org'", ["4"]),  # single-quoted values without an apostrophe still work
        ("", []),
    ],
)
def test_json_strings_in_the_array_are_accepted_with_their_escapes(values, expected):
    assert matching(IN.format(values)) == expected


def test_not_in_reads_json_strings_too():
    assert matching(NOT_IN.format('"o\'neil@example.org","plain@example.org"')) == ["2", "3"]


def test_single_literals_keep_doubled_quotes():
    assert matching("lastname eq 'o''neil'") == ["1"]
    assert matching("emailaddress1 eq 'o''neil@example.org' and lastname eq 'O''Neil'") == ["1"]
    # An In() array and a single literal in one filter: each read its own way.
    assert matching(IN.format('"o\'neil@example.org"') + " and lastname eq 'o''neil'") == ["1"]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ('"a@x.org",', "An unexpected comma was found in scope 'Array'"),
        (',"a@x.org"', "An unexpected comma was found in scope 'Array'"),
        ('"a@x.org" "b@x.org"', "A comma character ',' was expected"),
        ('"a\\q@x.org"', "An unrecognized escape sequence '\\q'"),
        ('"a\\u00zz"', "An unrecognized escape sequence '\\u00zz'"),
        ('"\\ud83d"', "unpaired surrogate"),
        ('"unterminated', "Unexpected end of input"),
        ("6f1c2a3b-0000-4000-8000-000000000001", "Invalid JSON"),  # a bare GUID is not JSON
    ],
)
def test_other_broken_arrays_are_invalid_json(values, message):
    error = rejected(IN.format(values))
    assert error.status == 400 and error.message.startswith("Invalid JSON") and message in error.message


def test_an_unclosed_array_and_nested_values_are_refused():
    assert "Unexpected end of input" in rejected(IN.format('"a@x.org"')[:-2]).message
    assert "list of literals" in rejected(IN.format('["a@x.org"]')).message
