"""Creates that take an org's time: plug-ins on create cost some milliseconds per record.

Dataverse runs the plug-ins of each record inside the request's transaction and commits at the end, so the
records appear only when the request finishes, all at once, and they appear whether or not anyone is still
waiting for the answer: a client that timed out finds nothing for a while, then finds everything. A
`SlowWrite` is the answer object that reproduces that: it spends the time, applies the write, then answers.
The time and the write run in a shielded task, so a client that disconnects (or a server that cancels the
handler) cannot stop the write half-way, as a real org's transaction does not stop when the caller leaves.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Callable

from starlette.responses import Response

from .api_responses import error_response
from .errors import UNEXPECTED, SandboxError

log = logging.getLogger(__name__)

_in_flight = 0  # slow writes not yet applied: a test waits for 0 before it counts what the org holds


def in_flight() -> int:
    return _in_flight


class SlowWrite(Response):
    """An ASGI answer that waits `seconds`, then calls `write` (which builds the real answer), then sends it."""

    def __init__(self, seconds: float, write: Callable[[], Response]) -> None:
        super().__init__(status_code=200)
        self.seconds = seconds
        self.write = write

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        work = asyncio.ensure_future(self._work())
        answer = await asyncio.shield(work)  # cancelled or not, `work` carries on to the end
        for name, value in self.headers.items():  # headers put on this stand-in (x-ms-dop-hint) go along
            if name not in answer.headers and name not in ("content-length", "content-type"):
                answer.headers[name] = value
        await answer(scope, receive, send)

    async def _work(self) -> Response:
        global _in_flight
        _in_flight += 1  # only ever touched on the server's event loop
        try:
            await asyncio.sleep(self.seconds)
            return self.write()
        except SandboxError as err:
            return error_response(err)
        except Exception:  # a sandbox bug: answer like a server fault, and leave a trace
            log.exception("sandbox failure in a slow write")
            return error_response(SandboxError(500, UNEXPECTED, "An unexpected error occurred in the sandbox org."))
        finally:
            _in_flight -= 1


def create_cost(ms_per_record: int, records: int) -> float:
    """Seconds a create of `records` records takes on an org whose plug-ins cost `ms_per_record` each."""
    return max(0, ms_per_record) * records / 1000


def answer_after(ms_per_record: int, records: int, write: Callable[[], Response]) -> Response:
    """The answer of a create: at once on a quick org, a SlowWrite on an org with slow plug-ins."""
    if ms_per_record <= 0:
        return write()
    return SlowWrite(create_cost(ms_per_record, records), write)
