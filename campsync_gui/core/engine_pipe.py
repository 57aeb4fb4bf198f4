"""The frames the window's process and its engine process (engine_child.py) exchange over the child's stdin and
stdout: a 4-byte length, then a pickled tuple whose first item says what it is.

Pickle, because both ends are the same CampSync from the same installation, the pipe is private to them, and the
payloads are the core's own records (trigger events, run reports, exceptions): nothing else can write to it.
"""

from __future__ import annotations

import pickle
import struct
import threading
from dataclasses import dataclass, field
from typing import Any, BinaryIO

_LENGTH = struct.Struct(">I")

# parent → child
SETUP = "setup"        # (SETUP, ChildSetup)
RUN = "run"            # (RUN, call id, RunRequest)
ENQUEUE = "enqueue"    # (ENQUEUE, call id, EnqueueRequest)
STOP = "stop"          # (STOP, call id): the run finishes its batch in flight, the rest stays queued
CANCEL = "cancel"      # (CANCEL, call id): abandon the call (a request that does not answer)
# child → parent (TOKEN, token id, force_refresh); parent → child (TOKEN, token id, token, error)
TOKEN = "token"
CLOSE = "close"        # (CLOSE,): finish, close the org's client, exit
# child → parent
READY = "ready"        # (READY, worker id)
EVENT = "event"        # (EVENT, core.events.Event)
PROGRESS = "progress"  # (PROGRESS, call id, done, total)
RESULT = "result"      # (RESULT, call id, value)
ERROR = "error"        # (ERROR, call id, exception)
LOG = "log"            # (LOG, logger name, level, message)
FATAL = "fatal"        # (FATAL, message): the child cannot work (its store or org cannot be opened)


class FrameWriter:
    """Writes whole frames to a binary stream, one at a time whichever thread writes."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._lock = threading.Lock()

    def write(self, *frame: object) -> None:
        data = pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)
        with self._lock:
            self._stream.write(_LENGTH.pack(len(data)) + data)
            self._stream.flush()

    def close(self) -> None:
        with self._lock:
            self._stream.close()


def read_frame(stream: BinaryIO) -> tuple | None:
    """The next frame, or None at the end of the stream (the other side has gone)."""
    head = _read_exactly(stream, _LENGTH.size)
    if head is None:
        return None
    body = _read_exactly(stream, _LENGTH.unpack(head)[0])
    return None if body is None else pickle.loads(body)


def _read_exactly(stream: BinaryIO, size: int) -> bytes | None:
    parts, left = [], size
    while left:
        chunk = stream.read(left)
        if not chunk:
            return None
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def portable_error(exc: BaseException) -> BaseException:
    """`exc` if it survives the pipe (pickled and read back), else a RuntimeError with its message."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


# ---- what the frames carry ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChildSetup:
    """What the engine process needs to work as the window's engine would: the store, the org and how to reach it,
    what the window's client learnt of the org, and the trigger log's key (found by the window, whose keyring it
    is). No secret of the org's: the child asks the window for each token (TOKEN frames)."""

    store_url: str
    scope: str
    org_url: str
    authority_host: str
    ca_bundle: str | None
    timeout: float
    bulk_timeout: float
    retry: Any
    dop_hint: int
    batch_missing: bool
    create_multiple_missing: bool
    log_key: tuple[str, bytes, str] | None = field(default=None, repr=False)  # (store path, secret, where found)

    def __repr__(self) -> str:  # never let the log key reach a log line
        return f"ChildSetup(store=…, scope={self.scope!r}, org_url={self.org_url!r})"


@dataclass(frozen=True)
class RunRequest:
    """One engine run, with what the window checked before it (the prerequisite solution, signed-in privileges)."""

    privilege_problem: str | None
    prerequisite: tuple[bool, str | None]  # (checked, problem)
    bulk_timeout: float


@dataclass(frozen=True)
class EnqueueRequest:
    """A confirmed plan's runnable people, as the outbox needs them, in plan order: their ids (an array of signed
    64-bit integers) and each one's planned outcome (an index into flows.RUNNABLE, one byte each). Arrays, not a
    list of tuples: 200,000 tuples took the window 130 ms to build and pickle."""

    action: str
    campaign_id: str
    campaign_name: str
    person_ids: bytes
    outcomes: bytes
    origin: str
    request_id: str | None
    actor: str
