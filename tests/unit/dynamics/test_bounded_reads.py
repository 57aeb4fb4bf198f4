"""The bounds on Dataverse answers (issue 13, finding 2): their sizes, and the stepwise inflating that keeps a gzip
body from blowing up past them. What a user sees of them is in tests/integration/test_bounded_answers.py."""

import gzip
import random
import ssl
import zlib

import httpx
import pytest

from campsync_gui.dynamics.bounded_reads import (DEADLINE_MARGIN, INFLATE_STEP, MAX_BODY_BYTES, MAX_ERROR_BYTES,
                                                 MAX_PAGES, _Inflater, deadline_for, size_text)
from campsync_gui.dynamics.client import BULK_TIMEOUT, MAX_PAGE_SIZE, DataverseClient
from campsync_gui.dynamics.errors import (AnswerTooLarge, AnswerTooSlow, ConnectionFailed, DynamicsError,
                                          ListingTooLong)

REQUEST = httpx.Request("GET", "https://contoso.crm4.dynamics.com/api/data/v9.2/leads")


class FakeTokens:
    async def get_token(self, *, force_refresh: bool = False) -> str:
        return "t"

    def close(self) -> None:
        pass


def test_the_caps_let_every_real_answer_through():
    assert MAX_PAGES * MAX_PAGE_SIZE >= 1_000_000 * 5       # a million people at 5,000 a page, five times over
    assert 10 * 1024 * 1024 <= MAX_BODY_BYTES <= 100 * 1024 * 1024  # tens of MB for one page
    assert MAX_ERROR_BYTES == 64 * 1024
    assert deadline_for(30.0) > 30.0 + 60                   # longer than an ordinary request's timeout
    assert deadline_for(BULK_TIMEOUT) > BULK_TIMEOUT > 120  # and than the minutes a bulk create may take
    assert deadline_for(5.0, margin=-3) == 5.0              # never shorter than the timeout


async def test_a_client_carries_the_caps_as_attributes_a_caller_can_lower():
    client = DataverseClient("https://contoso.crm4.dynamics.com", FakeTokens(),
                             ssl_context=ssl.create_default_context())
    try:
        assert (client.max_body_bytes, client.max_error_bytes, client.deadline_margin, client.max_pages) == (
            MAX_BODY_BYTES, MAX_ERROR_BYTES, DEADLINE_MARGIN, MAX_PAGES)
    finally:
        await client.aclose()


def test_which_failures_are_retryable():
    assert not AnswerTooLarge("x").retryable   # the same request gets the same endless answer
    assert not ListingTooLong("x").retryable   # the same listing pages on the same way
    slow = AnswerTooSlow("x", deadline=150.0)  # like a timeout: the next run may find the org quicker
    assert isinstance(slow, ConnectionFailed) and slow.retryable and slow.waited_out and slow.deadline == 150.0
    assert all(issubclass(cls, DynamicsError) for cls in (AnswerTooLarge, AnswerTooSlow, ListingTooLong))


@pytest.mark.parametrize("size, text", [(64 * 1024 * 1024, "64 MB"), (64 * 1024, "64 KB"), (1536, "1.5 KB"),
                                        (512, "512 bytes"), (10 * 1024 ** 3, "10,240 MB")])
def test_sizes_read_at_a_glance(size, text):
    assert size_text(size) == text


def _inflate_in_pieces(encoding: str, wire: bytes, pieces: int) -> list[bytes]:
    inflater = _Inflater(encoding, REQUEST)
    cuts = sorted(random.Random(pieces).sample(range(1, len(wire)), min(pieces, len(wire) - 1)))
    out: list[bytes] = []
    for start, end in zip([0, *cuts], [*cuts, len(wire)]):
        out.extend(inflater.feed(wire[start:end]))
    out.extend(inflater.feed(b"", last=True))
    return out


@pytest.mark.parametrize("encoding, compress", [
    ("gzip", gzip.compress),
    ("deflate", zlib.compress),                                                             # with its zlib header
    ("deflate", lambda data: (lambda c: c.compress(data) + c.flush())(zlib.compressobj(wbits=-15))),  # raw
])
@pytest.mark.parametrize("pieces", [1, 7, 200])
def test_inflating_in_steps_gives_what_httpx_gives(encoding, compress, pieces):
    rng = random.Random(13)
    body = b'{"value":[' + b",".join(b'{"n":%d,"x":"%s"}' % (i, rng.randbytes(20).hex().encode())
                                      for i in range(20_000)) + b"]}" + b" " * (3 * INFLATE_STEP)
    out = _inflate_in_pieces(encoding, compress(body), pieces)
    assert b"".join(out) == body
    assert max(len(part) for part in out) <= INFLATE_STEP  # never more than a step at once


def test_a_gzip_bomb_comes_out_a_step_at_a_time():
    wire = gzip.compress(b"\0" * (256 * 1024 * 1024))  # 256 MB of zeros in some 250 KB
    inflater = _Inflater("gzip", REQUEST)
    steps = inflater.feed(wire)
    first = [next(steps) for _ in range(4)]  # a generator: the caller stops it when its cap is reached
    assert all(len(step) == INFLATE_STEP for step in first)


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_body_that_is_not_what_its_encoding_says_is_a_decoding_error_as_in_httpx(encoding):
    with pytest.raises(httpx.DecodingError):
        _inflate_in_pieces(encoding, b"not compressed at all, whatever the header says", 3)

