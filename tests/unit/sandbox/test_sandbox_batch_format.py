"""The sandbox reads $batch requests as Microsoft writes them, and answers anything else with a 400 of one sentence."""

from hypothesis import given, settings
from hypothesis import strategies as st

from campsync_gui.sandbox.batch_format import Answer, ChangeSet, read_batch, write_batch
from campsync_gui.sandbox.errors import SandboxError

# Microsoft's "Reference URIs in request body" example request, as documented (no space after the colons included).
DOCUMENTED = """--batch_AAA123
Content-Type: multipart/mixed; boundary=changeset_dd81ccab-11ce-4d57-b91d-12c4e25c3cab

--changeset_dd81ccab-11ce-4d57-b91d-12c4e25c3cab
Content-Type: application/http
Content-Transfer-Encoding:binary
Content-ID: 1

POST https://org.example.com/api/data/v9.2/leads HTTP/1.1
Content-Type: application/json

{
    "firstname":"first name",
    "lastname":"last name"
}

--changeset_dd81ccab-11ce-4d57-b91d-12c4e25c3cab
Content-Type: application/http
Content-Transfer-Encoding: binary
Content-ID: 3

POST https://org.example.com/api/data/v9.2/accounts HTTP/1.1
Content-Type: application/json

{"name":"IcM Account","originatingleadid@odata.bind":"$1"}

--changeset_dd81ccab-11ce-4d57-b91d-12c4e25c3cab--
--batch_AAA123
Content-Type: application/http
Content-Transfer-Encoding: binary

GET /api/data/v9.2/accounts?$select=name HTTP/1.1


--batch_AAA123--
""".replace("\n", "\r\n").encode()
TYPE = "multipart/mixed;boundary=batch_AAA123"


def test_the_documented_request_reads_as_a_change_set_then_a_get():
    change_set, listing = read_batch(TYPE, DOCUMENTED)
    assert isinstance(change_set, ChangeSet)
    lead, account = change_set.operations
    assert (lead.method, lead.target, lead.content_id) == ("POST", "https://org.example.com/api/data/v9.2/leads", "1")
    assert lead.header("content-type") == "application/json" and b'"lastname":"last name"' in lead.body
    assert account.content_id == "3" and b'"$1"' in account.body
    assert (listing.method, listing.target, listing.body) == ("GET", "/api/data/v9.2/accounts?$select=name", b"")


def test_an_answer_is_multipart_with_a_nested_change_set():
    content_type, body = write_batch([[Answer(204, [("OData-Version", "4.0")], b"", "1")],
                                      Answer(200, [("Content-Type", "application/json")], b'{"value":[]}')])
    boundary = content_type.split("boundary=")[1]
    assert boundary.startswith("batchresponse_") and body.endswith(f"--{boundary}--\r\n".encode())
    assert b"Content-Type: multipart/mixed; boundary=changesetresponse_" in body
    assert b"Content-ID: 1\r\n\r\nHTTP/1.1 204 No Content\r\n" in body
    assert b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"value\":[]}\r\n" in body


@settings(max_examples=300, deadline=None)
@given(cut=st.integers(0, len(DOCUMENTED)), noise=st.binary(max_size=30), at=st.integers(0, len(DOCUMENTED)))
def test_mangled_requests_are_read_or_refused_with_a_400(cut, noise, at):
    mangled = DOCUMENTED[:at] + noise + DOCUMENTED[at:cut] if at < cut else DOCUMENTED[:cut] + noise
    try:
        read_batch(TYPE, mangled)
    except SandboxError as err:
        assert err.status == 400 and "\n" not in err.message
