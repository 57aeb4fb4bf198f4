"""$batch on the client side: the request it writes (read back by the sandbox's own, separate reader), the answers it
reads (Microsoft's documented examples), and answers it cannot read: always a MalformedResponse of one sentence."""

import json

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from campsync_gui.dynamics.batch import (MAX_OPERATIONS, BatchAnswer, ChangeSet, Operation, batch_get, encode_batch,
                                         parse_batch_answer, send_batch)
from campsync_gui.dynamics.errors import BadRequest, DuplicateRecord, MalformedResponse, NotFound
from campsync_gui.sandbox.batch_format import ChangeSet as ReadChangeSet
from campsync_gui.sandbox.batch_format import read_batch

API = "https://org.example.com/api/data/v9.2/"

# Microsoft's example answer to a change set of three creates and a GET ("Execute batch operations using the Web
# API"), line breaks as sent (CRLF).
DOCUMENTED = """--batchresponse_f27ef42d-51b0-4685-bac9-f468f844de2f
Content-Type: multipart/mixed; boundary=changesetresponse_64cc3fff-023a-45b0-b29d-df21583ffa15

--changesetresponse_64cc3fff-023a-45b0-b29d-df21583ffa15
Content-Type: application/http
Content-Transfer-Encoding: binary
Content-ID: 1

HTTP/1.1 204 No Content
OData-Version: 4.0
Location: https://org.example.com/api/data/v9.2/tasks(e73ffc82-e292-ed11-aad1-000d3a9933c9)
OData-EntityId: https://org.example.com/api/data/v9.2/tasks(e73ffc82-e292-ed11-aad1-000d3a9933c9)


--changesetresponse_64cc3fff-023a-45b0-b29d-df21583ffa15
Content-Type: application/http
Content-Transfer-Encoding: binary
Content-ID: 2

HTTP/1.1 204 No Content
OData-Version: 4.0
OData-EntityId: https://org.example.com/api/data/v9.2/tasks(e83ffc82-e292-ed11-aad1-000d3a9933c9)


--changesetresponse_64cc3fff-023a-45b0-b29d-df21583ffa15--
--batchresponse_f27ef42d-51b0-4685-bac9-f468f844de2f
Content-Type: application/http
Content-Transfer-Encoding: binary

HTTP/1.1 200 OK
Content-Type: application/json; odata.metadata=minimal; odata.streaming=true
OData-Version: 4.0

{
  "@odata.context": "https://org.example.com/api/data/v9.2/$metadata#tasks(subject)",
  "value": [{"@odata.etag": "W/\\"77181173\\"", "subject": "Task 1 in batch"}]
}
--batchresponse_f27ef42d-51b0-4685-bac9-f468f844de2f
Content-Type: application/http
Content-Transfer-Encoding: binary

HTTP/1.1 400 Bad Request
REQ_ID: 5ecd1cb3-1730-4ffc-909c-d44c22270026
Content-Type: application/json; odata.metadata=minimal
OData-Version: 4.0

{"error":{"code":"0x80044331","message":"A validation error occurred.  The length of the 'subject' attribute."}}
--batchresponse_f27ef42d-51b0-4685-bac9-f468f844de2f--
""".replace("\n", "\r\n").encode()
DOCUMENTED_TYPE = "multipart/mixed; boundary=batchresponse_f27ef42d-51b0-4685-bac9-f468f844de2f"


def test_the_documented_answer_reads_as_one_answer_per_operation_in_order():
    first, second, listing, failure = parse_batch_answer(DOCUMENTED_TYPE, DOCUMENTED)
    assert (first.status, first.content_id, first.body) == (204, "1", None)
    assert first.headers["odata-entityid"].endswith("tasks(e73ffc82-e292-ed11-aad1-000d3a9933c9)")
    assert second.content_id == "2"
    assert listing.status == 200 and listing.body["value"][0]["subject"] == "Task 1 in batch"
    assert failure.status == 400 and failure.body["error"]["code"] == "0x80044331"
    error = failure.error("POST", API + "tasks")
    assert isinstance(error, BadRequest) and "validation error" in error.message and error.request_id


def test_line_feeds_alone_and_a_quoted_boundary_read_the_same():
    lf = DOCUMENTED.replace(b"\r\n", b"\n")
    quoted = DOCUMENTED_TYPE.replace("boundary=batchresponse_f27ef42d-51b0-4685-bac9-f468f844de2f",
                                     'boundary="batchresponse_f27ef42d-51b0-4685-bac9-f468f844de2f"')
    assert parse_batch_answer(quoted, lf) == parse_batch_answer(DOCUMENTED_TYPE, DOCUMENTED)


def test_a_part_answers_with_the_error_the_client_raises_for_its_status():
    gone = BatchAnswer(404, {"error": {"code": "0x80040217", "message": "lead With Id = "
                                       "11111111-2222-3333-4444-555555555555 Does Not Exist"}}, {},
                       raw=b'{"error":{"code":"0x80040217","message":"lead With Id = '
                           b'11111111-2222-3333-4444-555555555555 Does Not Exist"}}')
    error = gone.error("GET", API + "leads(11111111-2222-3333-4444-555555555555)")
    assert isinstance(error, NotFound) and error.is_about("11111111-2222-3333-4444-555555555555")
    twice = BatchAnswer(412, None, {}, raw=b'{"error":{"code":"0x80040237","message":"Cannot insert duplicate key"}}')
    assert isinstance(twice.error("POST", API + "campaigns(x)/campaignlist_association/$ref"), DuplicateRecord)


def test_the_request_is_what_the_documentation_describes_and_the_sandbox_reads_it_back():
    parts = [Operation("GET", "leads?$select=fullname&$filter=emailaddress1%20eq%20'a@b.c'",
                       headers={"Prefer": "odata.maxpagesize=5000"}),
             ChangeSet([Operation("POST", "leads", {"lastname": "Zoë"}, content_id="1"),
                        Operation("PATCH", "$1", {"firstname": "O'Neil"}, content_id="2")]),
             Operation("GET", API + "leads?$skiptoken=abc")]
    content_type, body = encode_batch(API, parts)
    boundary = content_type.split("boundary=")[1]
    assert content_type.startswith("multipart/mixed; boundary=batch_") and body.endswith(f"--{boundary}--\r\n".encode())
    assert b"Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n" in body
    assert f"GET {API}leads?$select=fullname".encode() in body, "full URLs in the request lines"
    read = read_batch(content_type, body)
    assert [type(p).__name__ for p in read] == ["Operation", "ChangeSet", "Operation"]
    assert read[0].header("prefer") == "odata.maxpagesize=5000"
    assert isinstance(read[1], ReadChangeSet)
    create, patch = read[1].operations
    assert (create.method, create.content_id, json.loads(create.body)) == ("POST", "1", {"lastname": "Zoë"})
    assert (patch.method, patch.target, json.loads(patch.body)) == ("PATCH", "$1", {"firstname": "O'Neil"})
    assert read[2].target == API + "leads?$skiptoken=abc"


def test_a_url_with_a_space_or_line_break_is_refused_before_it_can_split_a_part():
    with pytest.raises(ValueError):
        encode_batch(API, [Operation("GET", "leads?$filter=a eq 'b'")])
    with pytest.raises(ValueError):
        encode_batch(API, [Operation("GET", "leads\r\nX-Injected: 1")])


@pytest.mark.parametrize("content_type, body, words", [
    ("application/json", b'{"error":{}}', "not the multipart/mixed"),
    (DOCUMENTED_TYPE, DOCUMENTED[: len(DOCUMENTED) // 2], "cut short"),
    (DOCUMENTED_TYPE, DOCUMENTED.replace(b"HTTP/1.1 200 OK", b"<html>proxy</html>"), "not an HTTP answer"),
    (DOCUMENTED_TYPE, DOCUMENTED.replace(b'"value"', b"value"), "not a JSON object"),
    ("multipart/mixed; boundary=x", b"--x\r\nContent-Type: multipart/mixed\r\n\r\n--x--\r\n", "names no boundary"),
    ("multipart/mixed; boundary=x", b"", "cut short"),
])
def test_an_unreadable_answer_is_one_readable_sentence(content_type, body, words):
    with pytest.raises(MalformedResponse) as caught:
        parse_batch_answer(content_type, body)
    message = str(caught.value)
    assert words in message and "\n" not in message and len(message) < 300


def test_an_answer_with_more_parts_than_a_batch_can_have_is_refused():
    part = (b"--x\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            b"HTTP/1.1 204 No Content\r\n\r\n")
    with pytest.raises(MalformedResponse, match="more than 1,010 parts"):
        parse_batch_answer("multipart/mixed; boundary=x", part * 1500 + b"--x--\r\n")


@settings(max_examples=300, deadline=None)
@given(cut=st.integers(0, len(DOCUMENTED)), noise=st.binary(max_size=40), at=st.integers(0, len(DOCUMENTED)))
def test_fuzzed_answers_are_read_or_refused_never_a_traceback(cut, noise, at):
    mangled = DOCUMENTED[:at] + noise + DOCUMENTED[at:cut] if at < cut else DOCUMENTED[:cut] + noise
    try:
        answers = parse_batch_answer(DOCUMENTED_TYPE, mangled)
    except MalformedResponse as exc:
        assert "\n" not in str(exc)
    else:
        assert all(isinstance(a, BatchAnswer) and 100 <= a.status <= 999 for a in answers)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_are_refused_as_malformed(body):
    try:
        parse_batch_answer("multipart/mixed; boundary=b", body)
    except MalformedResponse:
        pass


class FakeOrg:
    """A stand-in for DataverseClient.request that answers each GET of a batch with its own URL."""

    api_base = API

    def __init__(self):
        self.sent = []

    def url(self, path):
        return path if path.startswith("https://") else API + path

    async def request(self, method, path, *, headers=None, resend_if_unsure=True, timeout=None, content=None):
        self.sent.append((method, path, dict(headers or {}), resend_if_unsure))
        read = [op for part in read_batch(headers["Content-Type"], content)
                for op in (part.operations if isinstance(part, ReadChangeSet) else [part])]
        parts = b"".join(b"--r\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                         b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"
                         + json.dumps({"url": op.target}).encode() + b"\r\n" for op in read)
        return httpx.Response(200, headers={"Content-Type": "multipart/mixed; boundary=r"},
                              content=parts + b"--r--\r\n")


async def test_batch_get_splits_above_1000_and_keeps_the_order():
    org = FakeOrg()
    paths = [f"leads?$filter=n%20eq%20{i}" for i in range(2 * MAX_OPERATIONS + 1)]
    answers = await batch_get(org, paths)
    assert [a.body["url"] for a in answers] == [API + p for p in paths]
    assert [(m, p) for m, p, _, _ in org.sent] == [("POST", "$batch")] * 3
    assert all(h["Prefer"] == "odata.continue-on-error" and resend for _, _, h, resend in org.sent)


async def test_a_batch_with_writes_is_not_resent_blindly_and_sizes_are_checked():
    org = FakeOrg()
    await send_batch(org, [ChangeSet([Operation("POST", "leads", {"lastname": "X"})])])
    assert org.sent[-1][3] is False, "a lost answer to a write is not resent by the client"
    with pytest.raises(ValueError):
        await send_batch(org, [Operation("GET", "WhoAmI")] * (MAX_OPERATIONS + 1))
