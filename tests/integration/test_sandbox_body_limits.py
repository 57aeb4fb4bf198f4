"""Request body caps on the sandbox (issue 13, finding 8): a body over its endpoint's cap is answered 413 without
being read whole, whether its length is declared or it streams in chunks, and the sandbox's memory stays flat.

The sandbox runs in its own process (`campsync sandbox`), as it does for a person trying it, so its memory can be
read from /proc; the requests are raw HTTP/1.1 over TLS, as a hostile local process would send them."""

import asyncio
import json
import os
import ssl
import subprocess
import sys
import uuid
from urllib.parse import urlsplit

import httpx
import pytest

from campsync_gui.dynamics.client import NS, _lead_body
from campsync_gui.sandbox import client_ssl_context

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the sandbox's memory in /proc")

MB = 1024 * 1024
API_BODY_LIMIT = 32 * MB  # the caps the sandbox promises (sandbox/limits.py), written out: the tests pin them
OTHER_BODY_LIMIT = 64 * 1024
KEYS = ["CAMPSYNC_ORG_URL", "CAMPSYNC_TENANT_ID", "CAMPSYNC_CLIENT_ID", "CAMPSYNC_CLIENT_SECRET",
        "CAMPSYNC_AUTHORITY_HOST", "CAMPSYNC_CA_BUNDLE"]


@pytest.fixture(scope="module")
def sandbox_process(tmp_path_factory):
    home = tmp_path_factory.mktemp("limits") / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    env["CAMPSYNC_HOME"] = str(home)
    proc = subprocess.Popen([sys.executable, "-m", "campsync_gui.sandbox", "--port", "0"], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        settings = dict(proc.stdout.readline().rstrip("\n").split("=", 1) for _ in KEYS)
        yield proc, settings
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def peak_rss_mb(pid):
    """The process's peak resident memory so far (VmHWM), in MB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def token(settings):
    with httpx.Client(verify=client_ssl_context(settings["CAMPSYNC_CA_BUNDLE"]), trust_env=False) as http:
        form = {"grant_type": "client_credentials", "client_id": settings["CAMPSYNC_CLIENT_ID"],
                "client_secret": settings["CAMPSYNC_CLIENT_SECRET"],
                "scope": f"{settings['CAMPSYNC_ORG_URL']}/.default"}
        url = f"{settings['CAMPSYNC_AUTHORITY_HOST']}/{settings['CAMPSYNC_TENANT_ID']}/oauth2/v2.0/token"
        return http.post(url, data=form).json()["access_token"]


async def _read_answer(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    body = await reader.readexactly(int(headers.get("content-length", "0")))
    return status, headers, body


async def _post(settings, path, headers, *, chunked, give_up_after):
    """POST an endless body (1 MB pieces) until the server answers or `give_up_after` bytes are sent; returns the
    status, headers, body and how many body bytes were sent before the answer came."""
    url = urlsplit(settings["CAMPSYNC_ORG_URL"])
    context = ssl.create_default_context(cafile=settings["CAMPSYNC_CA_BUNDLE"])
    reader, writer = await asyncio.open_connection(url.hostname, url.port, ssl=context,
                                                   server_hostname=url.hostname)
    lines = [f"POST {path} HTTP/1.1", f"Host: {url.netloc}", *(f"{k}: {v}" for k, v in headers.items())]
    lines.append("Transfer-Encoding: chunked" if chunked else f"Content-Length: {300 * MB}")
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
    answer = asyncio.ensure_future(_read_answer(reader))
    piece = b"a" * MB
    sent = 0
    try:
        while not answer.done() and sent < give_up_after:
            writer.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n" if chunked else piece)
            sent += len(piece)
            await writer.drain()
            await asyncio.sleep(0)
        if chunked and not answer.done():
            writer.write(b"0\r\n\r\n")  # the end of the body: an old sandbox answers now
            await writer.drain()
    except (ConnectionError, ssl.SSLError):
        pass  # the server closed the connection after answering
    try:
        status, answer_headers, body = await asyncio.wait_for(answer, timeout=30)
    finally:
        writer.close()
    return status, answer_headers, body, sent


def post(*args, **kwargs):
    return asyncio.run(_post(*args, **kwargs))


def token_path(settings):
    return f"/{settings['CAMPSYNC_TENANT_ID']}/oauth2/v2.0/token"


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_the_token_endpoint_refuses_a_huge_body_without_reading_it(sandbox_process, chunked):
    proc, settings = sandbox_process
    before = peak_rss_mb(proc.pid)
    status, headers, body, sent = post(settings, token_path(settings),
                                       {"Content-Type": "application/x-www-form-urlencoded"},
                                       chunked=chunked, give_up_after=200 * MB)
    assert status == 413
    assert json.loads(body) == {"error": "invalid_request",
                                "error_description": "The request body is larger than the 64 KB this endpoint "
                                                     "accepts."}
    assert headers["connection"] == "close", "the rest of the body is not read"
    assert sent < 32 * MB, f"answered only after {sent / MB:.0f} MB"
    assert peak_rss_mb(proc.pid) - before < 16, "the sandbox held the body in memory"


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_the_web_api_refuses_a_body_over_32_mb_without_reading_it_whole(sandbox_process, chunked):
    proc, settings = sandbox_process
    headers = {"Authorization": f"Bearer {token(settings)}", "Content-Type": "application/json",
               "OData-Version": "4.0", "OData-MaxVersion": "4.0", "Accept": "application/json"}
    before = peak_rss_mb(proc.pid)
    status, answer_headers, body, sent = post(settings, f"/api/data/v9.2/leads/{NS}CreateMultiple", headers,
                                              chunked=chunked, give_up_after=200 * MB)
    assert status == 413
    assert json.loads(body) == {"error": {"code": "0x80060888", "message": "The request body is larger than the "
                                                                           "32 MB this endpoint accepts."}}
    assert answer_headers["connection"] == "close"
    assert sent < 100 * MB, f"answered only after {sent / MB:.0f} MB"
    # At most the cap is held (a declared length over it: nothing), never the 200 MB sent.
    assert peak_rss_mb(proc.pid) - before < (8 if not chunked else API_BODY_LIMIT / MB + 40)


def test_the_biggest_legitimate_bodies_are_far_below_the_caps(org, dv):
    """A CreateMultiple of 1,000 leads (CampSync's largest batch) with every column at its Dataverse maximum, JSON
    escaped: 2.7 MB, a twelfth of the cap; it is created."""
    targets = [{"@odata.type": f"{NS}lead",
                **_lead_body(last_name="Ä" * 50, first_name="Ä" * 50, email=f"{i}{'a' * 90}@ex.org"[:100],
                             company="Ä" * 100, job_title="Ä" * 100, country="Ä" * 80,
                             lead_id=str(uuid.uuid4()))} for i in range(1000)]
    body = json.dumps({"Targets": targets}).encode()
    assert 2 * MB < len(body) < API_BODY_LIMIT / 10
    answer = dv.post(f"leads/{NS}CreateMultiple", content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == 200, answer.text
    assert len(answer.json()["Ids"]) == 1000


def test_an_ordinary_client_sending_too_much_reads_the_413_rather_than_a_reset(sandbox_process):
    """httpx sends the whole body before it reads: the sandbox drops the rest for a moment instead of resetting
    the connection under it, so the client gets the answer."""
    _proc, settings = sandbox_process
    with httpx.Client(verify=client_ssl_context(settings["CAMPSYNC_CA_BUNDLE"]), trust_env=False,
                      timeout=30) as http:
        answer = http.post(f"{settings['CAMPSYNC_AUTHORITY_HOST']}{token_path(settings)}",
                           data={"grant_type": "client_credentials", "padding": "x" * MB})
    assert answer.status_code == 413
    assert answer.json()["error"] == "invalid_request"
