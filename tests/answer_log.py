"""What a client sent and heard, attempt by attempt, for drills and benchmarks that check its manners under 429s."""

from __future__ import annotations

import time

import httpx

from campsync_gui.dynamics.errors import parse_retry_after


def record_answers(client, lose_first_writes: bool = False) -> list[dict]:
    """Wrap the client's httpx.AsyncClient.request to note, per attempt, when it went and how it was answered.

    lose_first_writes: the first successful answer to each kind of POST (CreateMultiple, lists, $ref,
    AddListMembersList…) is thrown away and a ReadError raised instead, as when a connection drops after Dynamics
    has applied a request (the sandbox's own dropped connections happen before it applies anything).
    """
    answers: list[dict] = []
    real = client._http.request
    lost_kinds: set[str] = set()

    async def request(method, url, **kw):
        entry = {"method": method, "url": str(url), "start": time.monotonic(), "status": None, "retry_after": None}
        answers.append(entry)
        try:
            response = await real(method, url, **kw)
        except Exception as exc:
            entry["status"], entry["end"] = exc.__class__.__name__, time.monotonic()
            raise
        entry["status"], entry["end"] = response.status_code, time.monotonic()
        kind = str(url).split("?")[0].rsplit("/", 1)[-1]
        if lose_first_writes and method == "POST" and response.status_code < 400 and kind not in lost_kinds:
            lost_kinds.add(kind)
            entry["status"] = "lost"
            raise httpx.ReadError(f"the answer to POST {kind} was lost (drill)", request=response.request)
        if response.status_code == 429:
            entry["retry_after"] = parse_retry_after(response.headers.get("retry-after"))
        return response

    client._http.request = request
    return answers


def early_requests(answers: list[dict]) -> list[str]:
    """Requests the client started while a 429 it had already heard told it to wait: after a 429's answer, nothing
    may leave before its Retry-After has passed, whichever request it is (the refused one or another in flight).
    Requests sent before the 429 was answered were already on their way and do not count."""
    problems = []
    for n, refused in enumerate((a for a in answers if a["status"] == 429), 1):
        wait = refused["retry_after"]
        if wait is None or "end" not in refused:
            continue
        for other in answers:
            if refused["end"] < other["start"] < refused["end"] + wait:
                problems.append(f"429 #{n}: a request ({other['method']} {other['url'].split('?')[0][-40:]}) left "
                                f"{other['start'] - refused['end']:.3f}s after its answer, Retry-After {wait:g}s")
                break
    return problems
