"""dynamics/change_tracking.py reads tracked pages and delta links, and tells Dataverse's refusals apart.

Responses are built in-process (httpx.MockTransport): this file tests one module's parsing.
"""

import asyncio
import json
import ssl

import httpx
import pytest

from campsync_gui.dynamics.change_tracking import (ChangeTrackingOff, DeltaLinkExpired, read_delta, read_tracked)
from campsync_gui.dynamics.client import DataverseClient, RetryPolicy
from campsync_gui.dynamics.errors import MalformedResponse

ORG = "https://contoso.crm4.dynamics.com"
API = f"{ORG}/api/data/v9.2"


class FakeTokens:
    async def get_token(self, *, force_refresh: bool = False) -> str:
        return "fake-token"

    def close(self) -> None:
        pass


def run(answers, call):
    seen: list[httpx.Request] = []
    queue = list(answers)

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        status, body = queue.pop(0)
        return httpx.Response(status, content=json.dumps(body).encode())

    async def main():
        client = DataverseClient(ORG, FakeTokens(), ssl_context=ssl.create_default_context(),
                                 retry=RetryPolicy(max_attempts=1), transport=httpx.MockTransport(handler))
        try:
            return await call(client)
        finally:
            await client.aclose()

    return asyncio.run(main()), seen


def error(code, message):
    return 400, {"error": {"code": code, "message": message}}


def test_change_tracking_read_follows_pages_and_keeps_the_delta_link_of_the_last():
    link = f"{API}/leads?$select=lastname&$deltatoken=919042%2108%2f22%2f2017"
    changes, seen = run([(200, {"value": [{"leadid": "A"}], "@odata.nextLink": f"{API}/leads?$skiptoken=x"}),
                         (200, {"value": [{"leadid": "B"}], "@odata.deltaLink": link})],
                        lambda c: read_tracked(c, "leads", "lastname"))
    assert [r["leadid"] for r in changes.rows] == ["A", "B"] and changes.delta_link == link
    assert all("odata.track-changes" in r.headers["prefer"] for r in seen)


def test_change_tracking_delta_separates_deletions_in_both_odata_forms():
    link = f"{API}/leads?$deltatoken=2"
    body = {"value": [{"leadid": "a"},
                      {"@odata.context": f"{API}/$metadata#leads/$deletedEntity", "id": "B-1", "reason": "deleted"},
                      {"@removed": {"reason": "deleted"}, "@id": f"{API}/leads(C-2)"}],
            "@odata.deltaLink": link}
    changes, seen = run([(200, body)], lambda c: read_delta(c, f"{API}/leads?$deltatoken=1"))
    assert [r["leadid"] for r in changes.rows] == ["a"] and changes.deleted == ["b-1", "c-2"]
    assert str(seen[0].url) == f"{API}/leads?$deltatoken=1"


@pytest.mark.parametrize("answer, refusal", [
    (error("0x80072491", "Entity lead isn't enabled for change tracking."), ChangeTrackingOff),
    (error("0x80044352", "Version stamp associated with the client has expired. Please perform a full sync."),
     DeltaLinkExpired)])
def test_change_tracking_refusals_are_their_own_exceptions(answer, refusal):
    with pytest.raises(refusal):
        run([answer], lambda c: read_delta(c, f"{API}/leads?$deltatoken=1"))


def test_change_tracking_delta_link_to_another_host_is_refused():
    with pytest.raises(MalformedResponse):
        run([], lambda c: read_delta(c, "https://evil.example/api/data/v9.2/leads?$deltatoken=1"))
