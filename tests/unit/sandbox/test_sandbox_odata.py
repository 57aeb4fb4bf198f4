"""The sandbox's OData pieces on their own: the $filter parser, $select/$orderby/$top, and paging tokens."""

import pytest

from campsync_gui.sandbox import odata, paging
from campsync_gui.sandbox.errors import SandboxError
from campsync_gui.sandbox.schema import CONTACTS, LEADS, LISTMEMBERS

G1 = "6f1c2a3b-0000-4000-8000-000000000001"
G2 = "6f1c2a3b-0000-4000-8000-000000000002"

ROWS = [
    {"leadid": G1, "firstname": "Seán", "lastname": "O'Brien", "companyname": "Margie's Travel", "statecode": 0,
     "statuscode": 1, "emailaddress1": "sean@margies.example", "createdon": "2025-03-01T10:00:00Z"},
    {"leadid": G2, "firstname": "Zoë", "lastname": "Müller", "companyname": "Contoso", "statecode": 1,
     "statuscode": 3, "emailaddress1": None, "createdon": "2026-01-15T08:30:00Z"},
]


def matching(text, rows=ROWS, entity=LEADS):
    keep = odata.compile_filter(text, entity)
    return [row["firstname"] for row in rows if keep(row)]


def rejected(text, entity=LEADS):
    with pytest.raises(SandboxError) as caught:
        odata.compile_filter(text, entity)
    return caught.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lastname eq 'o''brien'", ["Seán"]),  # '' escapes a quote; text compares case-insensitively
        ("statecode eq 0 or statecode eq 1 and statuscode eq 1", ["Seán"]),  # and binds tighter than or
        ("(statecode eq 0 or statecode eq 1) and statuscode eq 3", ["Zoë"]),
        ("not (statecode eq 0)", ["Zoë"]),
        ("contains(companyname,'TRAVEL')", ["Seán"]),
        ("startswith(lastname,'mü') or endswith(emailaddress1,'.example')", ["Seán", "Zoë"]),
        ("statecode ge 1", ["Zoë"]),
        ("statecode lt 1 and statuscode le 1", ["Seán"]),
        ("emailaddress1 eq null", ["Zoë"]),
        ("emailaddress1 ne null", ["Seán"]),
        (f"leadid eq {G2.upper()}", ["Zoë"]),  # bare GUIDs, any case
        (f"Microsoft.Dynamics.CRM.In(PropertyName='leadid',PropertyValues=['{G1}','{G2}'])", ["Seán", "Zoë"]),
        ("Microsoft.Dynamics.CRM.In(PropertyName='lastname',PropertyValues=['MÜLLER'])", ["Zoë"]),
        ("Microsoft.Dynamics.CRM.NotIn(PropertyName='statecode',PropertyValues=['1'])", ["Seán"]),
        ("createdon gt 2026-01-01", ["Zoë"]),
        ("createdon lt 2025-03-01T10:00:01Z", ["Seán"]),
    ],
)
def test_filter_selects_the_rows_dataverse_would(text, expected):
    assert matching(text) == expected


def test_null_columns_never_match_a_comparison_even_negated():
    # SQL's three-valued logic: a null email is neither 'x' nor not 'x', nor does it contain anything.
    assert matching("emailaddress1 ne 'x'") == ["Seán"]
    assert matching("not contains(emailaddress1,'zzz')") == ["Seán"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("nickname eq 'x'", "Could not find a property named 'nickname' on type 'Microsoft.Dynamics.CRM.lead'"),
        ("statecode eq 'open'", "incompatible types"),
        ("lastname eq 'x' and", "Syntax error"),
        ("lastname eq 'unterminated", "Syntax error"),
        ("(statecode eq 0", "Syntax error"),
        ("tolower(lastname) eq 'x'", "unknown function"),
        ("contains(statecode,'1')", "No function signature"),
        ("lastname", "boolean"),
        ("Microsoft.Dynamics.CRM.In(PropertyName='nope',PropertyValues=['a'])", "Could not find a property"),
        ("", "cannot be empty"),
    ],
)
def test_filter_mistakes_are_400s_with_the_reason(text, message):
    error = rejected(text)
    assert error.status == 400 and error.code.startswith("0x")
    assert message in error.message


def test_quoted_guid_against_a_lookup_is_a_type_error_as_in_dataverse():
    error = rejected(f"_listid_value eq '{G1}'", LISTMEMBERS)
    assert "'Edm.Guid' and 'Edm.String'" in error.message
    keep = odata.compile_filter(f"_listid_value eq {G1}", LISTMEMBERS)
    assert keep({"_listid_value": G1}) and not keep({"_listid_value": G2})


def test_lookup_columns_are_filtered_by_their_value_name():
    error = rejected("parentcustomerid eq null", CONTACTS)
    assert "Could not find a property named 'parentcustomerid'" in error.message


def test_select_orderby_and_top_validate_names_and_values():
    assert odata.parse_select("fullname, emailaddress1", LEADS) == ["fullname", "emailaddress1"]
    assert odata.parse_select(None, LEADS) is None
    with pytest.raises(SandboxError, match="Could not find a property named 'Name'"):
        odata.parse_select("Name", LEADS)
    assert odata.parse_orderby("lastname desc,firstname", LEADS) == [
        odata.OrderItem("lastname", True),
        odata.OrderItem("firstname", False),
    ]
    with pytest.raises(SandboxError, match="asc"):
        odata.parse_orderby("lastname sideways", LEADS)
    assert odata.parse_top("10") == 10
    with pytest.raises(SandboxError, match="non-negative integer"):
        odata.parse_top("-1")


# ----------------------------------------------------------------------------------------------- paging


def people(n):
    # Surnames repeat, so ordering by lastname has ties that only the primary key can break.
    return [
        {"leadid": f"00000000-0000-4000-8000-{i:012d}", "lastname": ["Smith", "adams", None, "Brown"][i % 4]}
        for i in range(n)
    ]


def walk(rows, order, page_size, top=None):
    pages, token = [], None
    while True:
        page = paging.paginate(rows, LEADS, order, page_size, token, top)
        pages.append([row["leadid"] for row in page.rows])
        if page.next_token is None:
            return pages
        # Through the wire format, as a client following @odata.nextLink would.
        token = paging.decode_token(paging.encode_token(page.next_token))


def test_pages_cover_every_row_once_in_a_stable_order():
    rows = people(23)
    order = [odata.OrderItem("lastname")]
    pages = walk(rows, order, 5)
    assert [len(p) for p in pages] == [5, 5, 5, 5, 3]
    flat = [i for page in pages for i in page]
    assert len(flat) == len(set(flat)) == 23
    by_id = {row["leadid"]: row for row in rows}
    names = [by_id[i]["lastname"] for i in flat]
    assert names[:6] == [None] * 6  # nulls first, then case-insensitive order
    assert names[6:] == sorted(names[6:], key=str.casefold)


def test_rows_added_or_removed_between_pages_do_not_shift_the_rest():
    rows = people(12)
    order = [odata.OrderItem("lastname", descending=True)]
    first = paging.paginate(rows, LEADS, order, 4)
    seen = [r["leadid"] for r in first.rows]
    changed = [r for r in rows if r["leadid"] != seen[0]]  # a row already served is deleted...
    changed.append({"leadid": "ffffffff-0000-4000-8000-000000000000", "lastname": "Zimmer"})  # ...one sorts first
    rest = walk_from(changed, order, 4, first.next_token)
    assert not set(seen) & set(rest)
    assert set(seen) | set(rest) == {r["leadid"] for r in rows}


def walk_from(rows, order, size, token):
    out = []
    while token is not None:
        page = paging.paginate(rows, LEADS, order, size, token)
        out += [r["leadid"] for r in page.rows]
        token = page.next_token
    return out


def test_top_limits_the_total_across_pages():
    pages = walk(people(30), [], 4, top=10)
    assert [len(p) for p in pages] == [4, 4, 2]
    assert paging.paginate(people(3), LEADS, [], 5, None, 0).rows == []


@pytest.mark.parametrize("garbage", ["not-base64!!", "e30", "eyJrIjoxfQ"])
def test_a_tampered_skiptoken_is_a_400(garbage):
    with pytest.raises(SandboxError) as caught:
        paging.decode_token(garbage)
    assert caught.value.status == 400 and "skiptoken" in caught.value.message


def test_a_skiptoken_only_fits_the_order_it_was_made_for():
    page = paging.paginate(people(10), LEADS, [odata.OrderItem("lastname")], 3)
    with pytest.raises(SandboxError, match="different \\$orderby"):
        paging.paginate(people(10), LEADS, [], 3, page.next_token)
