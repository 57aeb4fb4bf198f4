"""The trigger log's head, recorded outside the store: "<store>.loghead", a small JSON file signed with the log key.

It says how many events the log holds, the newest one's id and hash, from which event on the chain is keyed, and
the key's id. The store's own chain head can be rewritten together with the events; this file cannot be without
the key, so `verify-log` finds events removed from the end, a log emptied, and hashes recomputed.

It is rewritten after each transaction that appends events commits (temp file, fsync, rename; on a thread of its
own, so a batch's seals waiting together are written once), under a lock, and never replaced by an older head: a
process that commits later but seals earlier leaves the newer one. A crash between the commit and the rename leaves
it behind the store: verify-log accepts that when the event it names is still there with its hash, and the next
write brings it up to date.

Each write first compares the file with the store (inside the store's write lock). A store that no longer holds
what the file recorded, a file that is missing or signed with another key, is remembered as an alarm in every later
head file, so a later legitimate write cannot seal the damage over.
"""

from __future__ import annotations

import atexit
import contextlib
import hmac
import json
import logging
import os
import threading
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session

from ..language import translate
from .log_key import KEY_FILE_ENV, LogKey, LogKeyError, ensure_key, find_key, places

log = logging.getLogger(__name__)

FORMAT = "campsync-loghead-1"
KEYED_PREFIX = "k1:"

try:
    import fcntl
except ImportError:  # Windows: no lock; an out-of-order write leaves the file behind the store, which is accepted
    fcntl = None


def head_path(db_path: Path | str) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + ".loghead")


@dataclass
class Seal:
    seq: int              # events in the log
    last_id: int | None   # the newest event's id
    last_hash: str        # and its hash
    keyed_from: int       # the position (1 = first event) from which events are keyed; earlier ones are unkeyed
    key_id: str
    alarm: str | None = None  # a mismatch a write found between this file and the store, kept from then on
    sealed_at: str = ""

    def signed(self, key: LogKey) -> dict:
        body = {"format": FORMAT, **asdict(self)}
        return {**body, "mac": key.mac(_canonical(body))}


def _canonical(body: dict) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


@dataclass
class HeadRead:
    seal: Seal | None       # the file's content when it is there and its signature checks with the key
    problem: str | None     # why not: missing, unreadable, signed with another key, edited
    missing: bool = False
    raw: dict | None = None


def read_head(db_path: Path | str, key: LogKey | None) -> HeadRead:
    path = head_path(db_path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return HeadRead(None, translate("LogSeal", "the head file {path} is missing").format(path=path), missing=True)
    except (OSError, ValueError) as exc:
        return HeadRead(None, translate("LogSeal", "the head file {path} cannot be read ({problem})").format(
            path=path, problem=exc))
    not_a_head = translate("LogSeal", "the head file {path} is not a CampSync log head").format(path=path)
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        return HeadRead(None, not_a_head, raw=raw if isinstance(raw, dict) else None)
    if key is None:
        return HeadRead(None, translate("LogSeal", "the head file {path} cannot be checked without the log "
                                                   "key").format(path=path), raw=raw)
    body = {name: value for name, value in raw.items() if name != "mac"}
    if raw.get("key_id") != key.key_id:
        return HeadRead(None, translate("LogSeal", "the head file {path} was signed with another log key (id {id}; "
                                                   "the key found, in {source}, has id {key_id})").format(
            path=path, id=raw.get("key_id"), source=key.source, key_id=key.key_id), raw=raw)
    if not hmac.compare_digest(str(raw.get("mac", "")), key.mac(_canonical(body))):
        return HeadRead(None, translate("LogSeal", "the head file {path} was changed after CampSync wrote it (its "
                                                   "signature does not match)").format(path=path), raw=raw)
    try:
        seal = Seal(**{name: value for name, value in body.items() if name != "format"})
    except TypeError:
        return HeadRead(None, not_a_head, raw=raw)
    return HeadRead(seal, None, raw=raw)


def write_head(db_path: Path | str, key: LogKey, seal: Seal) -> None:
    """Replace the head file with `seal`, atomically, unless a newer one (more events) is already there."""
    path = head_path(db_path)
    with _locked(path):
        current = read_head(db_path, key).seal
        if current is not None and current.seq > seal.seq:
            return  # a later transaction sealed first
        seal.sealed_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        data = json.dumps(seal.signed(key), indent=1).encode("utf-8")
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)


@contextlib.contextmanager
def _locked(path: Path):
    if fcntl is None:
        yield
        return
    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


# ---- on every append: compare, then seal after the commit -----------------------------------------------------

def key_for_writing(db_path: Path) -> tuple[LogKey, bool]:
    """The store's key, made now if the log has none yet: (key, made now). Refused (LogKeyError) when the head
    file shows the log is keyed but its key cannot be found (a locked keyring, a key file moved): a new key would
    leave every earlier event unverifiable."""
    key = find_key(db_path)
    if key is not None:
        return key, False
    if head_path(db_path).exists():
        raise LogKeyError(translate("LogSeal", "the trigger log's key was not found ({places}), though {head} shows "
                                               "the log is keyed, so nothing is recorded without it: unlock the "
                                               "keyring, set {variable} to the key file, or import the key with "
                                               "`campsync log-key --import FILE`").format(
            places=places(db_path), head=head_path(db_path), variable=KEY_FILE_ENV))
    return ensure_key(db_path), True


def before_append(session: Session, db_path: Path, key: LogKey, key_is_new: bool, seq: int, last_hash: str,
                  hash_at_id) -> tuple[int, str | None]:
    """Compare the head file with the store as this transaction found it (seq events ending in last_hash), inside
    the store's write lock. Returns (keyed_from, alarm) for the seal written after the commit. `hash_at_id(id)`: the
    stored hash of one event (None if gone)."""
    found = read_head(db_path, key)
    if found.seal is not None:
        seal = found.seal
        if seal.seq == seq and seal.last_hash == last_hash:
            return seal.keyed_from, seal.alarm
        if seal.seq < seq and (hash_at_id(seal.last_id) == seal.last_hash if seal.last_id is not None
                               else (seal.seq, seal.last_hash) == (0, "")):
            # the file is behind: a seal still being written (this process's, or another's), or a process stopped
            # between its commit and its seal
            return seal.keyed_from, seal.alarm
        alarm = (f"at {_now()} a write found that the store no longer held what the head file recorded "
                 f"({seal.seq} events ending in event {seal.last_id}; the store had {seq}): events were removed or "
                 f"changed before then")
        log.error("trigger log: %s", alarm)
        return seal.keyed_from, seal.alarm or alarm
    keyed_from = _first_keyed_position(session, seq)
    if found.missing and (key_is_new or seq == 0):
        # The first keyed write for this store: seal what is there now, before anything new (so a crash before
        # the commit leaves a head that matches the store), and say what happens to older, unkeyed events.
        if seq and keyed_from == seq + 1:
            log.warning("trigger log: the %d events written before this version are kept as they are and checked "
                        "as a plain hash chain; new events are keyed with the log key (%s)", seq, key.source)
        last_id = session.connection().exec_driver_sql("SELECT max(id) FROM triggerevent").scalar() if seq else None
        write_head(db_path, key, Seal(seq, last_id, last_hash, keyed_from, key.key_id))
        return keyed_from, None
    alarm = f"at {_now()} a write found that {found.problem}"
    log.error("trigger log: %s", alarm)
    return keyed_from, alarm


def _first_keyed_position(session: Session, seq: int) -> int:
    """The position of the first keyed event, from the store (only when the head file cannot say): one past the
    unkeyed ones, which all come first."""
    unkeyed = session.connection().execute(text("SELECT count(*) FROM triggerevent WHERE hash NOT LIKE :keyed"),
                                           {"keyed": KEYED_PREFIX + "%"}).scalar()
    return min(unkeyed, seq) + 1


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


_PENDING = "campsync_log_seal"


class _Sealer:
    """Writes head files on a thread of its own: the fsync (milliseconds, more on a busy disk) stays off the window's
    event loop, which records a confirmed slice of 100 events in ~10 ms. Seals of one store waiting together are
    written once, the newest. `flush()` waits for what is waiting (verify-log, exports, and the end of the process)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._pending: dict[str, tuple[Path, LogKey, Seal]] = {}
        self._busy = 0
        self._thread: threading.Thread | None = None
        self._at_exit = False

    def submit(self, db_path: Path, key: LogKey, seal: Seal) -> None:
        with self._cond:
            waiting = self._pending.get(str(db_path))
            if waiting is None or waiting[2].seq <= seal.seq:
                self._pending[str(db_path)] = (db_path, key, seal)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="campsync-log-seal", daemon=True)
                self._thread.start()
                if not self._at_exit:
                    atexit.register(self.flush)  # a command's process writes its last seal before it ends
                    self._at_exit = True
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending:
                    self._cond.wait()
                db_path, key, seal = self._pending.pop(next(iter(self._pending)))
                self._busy += 1
            started = time.perf_counter()
            try:
                write_head(db_path, key, seal)
            except OSError as exc:  # the next write, or verify-log, says so
                log.error("trigger log: could not update the head file %s: %s", head_path(db_path), exc)
            except Exception:  # a bug: logged, and this thread keeps sealing
                log.exception("trigger log: could not update the head file %s", head_path(db_path))
            finally:
                with self._cond:
                    self._busy -= 1
                    self._cond.notify_all()
            log.debug("trigger log: head file sealed in %.1f ms", (time.perf_counter() - started) * 1000)

    def flush(self, timeout: float = 30.0) -> None:
        with self._cond:
            self._cond.wait_for(lambda: not self._pending and not self._busy, timeout)


_SEALER = _Sealer()
flush = _SEALER.flush


def seal_after_commit(session: Session, db_path: Path, key: LogKey, seal: Seal) -> None:
    """Seal the head file with `seal` once this session's transaction commits (the newest of the transaction)."""
    from sqlalchemy import event

    first = _PENDING not in session.info
    session.info[_PENDING] = (db_path, key, seal)
    if not first:
        return

    def commit(sess: Session) -> None:
        pending = sess.info.pop(_PENDING, None)
        if pending is not None:
            _SEALER.submit(*pending)

    def rollback(sess: Session) -> None:
        sess.info.pop(_PENDING, None)

    event.listen(session, "after_commit", commit)
    event.listen(session, "after_soft_rollback", rollback)
