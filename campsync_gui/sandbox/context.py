"""What every part of the running sandbox shares: identity, knobs, data, tokens, faults and the request log."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import NamedTuple

from .app_certificate import AppCertificate
from .faults import Faults
from .knobs import Knobs
from .seed import Identity
from .signin_store import SignInStore
from .state import State
from .tokens import TokenStore
from .users import Directory

API_ROOT = "/api/data/v9.2"
# Where a $batch request leaves the records of its operations for the request log (api_batch.py).
BATCH_PARTS_KEY = "campsync.sandbox.batch_parts"


class RequestRecord(NamedTuple):
    """One API or token request as the server saw it.

    `at` is time.monotonic() on arrival; `status` is 0 when the connection was dropped (`dropped` True),
    since the client never received a status then. `parts`: a $batch's operations, each as a record of its own
    (they are not HTTP requests: counting the log's records counts what went over the network).
    """

    at: float
    method: str
    path: str
    status: int
    dropped: bool
    parts: tuple["RequestRecord", ...] = ()


class RequestLog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._records: list[RequestRecord] = []

    def add(self, record: RequestRecord) -> None:
        with self._lock:
            self._records.append(record)

    def snapshot(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._records)

    def clear(self) -> None:
        with self._lock:
            self._records.clear()


@dataclass
class SandboxContext:
    identity: Identity
    knobs: Knobs
    state: State
    tokens: TokenStore
    faults: Faults
    client_secret: str
    directory: Directory
    log: RequestLog = field(default_factory=RequestLog)
    url: str = ""  # known once the port is bound
    signins: SignInStore = field(default_factory=SignInStore)
    # The app's certificate, made on a thread at start: an RSA key takes 50-200 ms, which the window's first paint
    # (the built-in demo org starts before it) should not wait for; what needs it waits for the job.
    certificate_job: Future | None = None

    @property
    def certificate(self) -> AppCertificate | None:
        return None if self.certificate_job is None else self.certificate_job.result()

    @property
    def api_base(self) -> str:
        return f"{self.url}{API_ROOT}"
