"""Keeping org-state.json in step with the running org, for a sandbox started with a state file.

Every request that changed the org is on disk before its answer leaves, so a crash or a kill loses nothing the
client saw confirmed. Several processes may serve the same file (the window's org and the command line's): one
lock file orders their writes, and each reloads the file when another process has replaced it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
from pathlib import Path
from typing import Any, AsyncIterator, Callable, Iterator

from ..paths import PRIVATE_FILE, make_private_folder
from .errors import UNEXPECTED, envelope
from .state import State

try:
    import fcntl
except ImportError:  # Windows: no flock. Each save is still atomic, but two processes on one file may
    fcntl = None  # type: ignore[assignment]  # overwrite each other's writes; the app only starts one there.

log = logging.getLogger(__name__)

_READS = ("GET", "HEAD")
# Waiting for another process's lock without blocking this process's event loop: poll, backing off to this.
_MAX_POLL = 0.05

Signature = tuple[int, int, int]


def _signature(path: Path) -> Signature | None:
    """What tells one version of the file from the next: os.replace gives every save a new inode and mtime."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


class FileLock:
    """An exclusive flock on `<state file>.lock`, shared by every process serving that state file.

    Each holder opens its own descriptor: flock then also orders two holders in one process (the server's
    loop and a thread calling SandboxOrg.save()), and closing the descriptor always releases it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def _open(self) -> int | None:
        if fcntl is None:
            return None
        try:
            make_private_folder(self.path.parent, tighten_existing=False)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
            st = os.fstat(fd)
            if st.st_mode & 0o077 and st.st_uid == os.getuid():
                os.fchmod(fd, PRIVATE_FILE)  # one an older version made 0644
            return fd
        except OSError as exc:
            # Without the lock file the save itself will most likely fail too, and say why.
            log.warning("cannot open the sandbox lock file %s (%s): saving without it", self.path, exc)
            return None

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        fd = self._open()
        try:
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            if fd is not None:
                os.close(fd)

    @contextlib.asynccontextmanager
    async def held_async(self) -> AsyncIterator[None]:
        fd = self._open()
        try:
            if fd is not None:
                # Never a blocking flock on the server loop: reads must go on while another process writes,
                # and a cancelled wait must not leave a thread behind that takes the lock later.
                delay = 0.001
                while not _try_lock(fd):
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, _MAX_POLL)
            yield
        finally:
            if fd is not None:
                os.close(fd)


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


class StateKeeper:
    """The state file of one running org: what this process last loaded or saved, and the lock to write it."""

    def __init__(self, state: State, path: Path) -> None:
        self.state = state
        self.path = Path(path)
        self.lock = FileLock(self.path.with_name(self.path.name + ".lock"))
        # Guards the two fields below; taken after the file lock, never before, so the order is always the same.
        self._fields = threading.Lock()
        self._disk: Signature | None = None  # the file as this process last loaded or saved it
        self._saved = state.changes  # the state's change count that the file holds

    def load(self) -> bool:
        """Start-up: the file's records, if it holds this seed's; the seeded data (with a warning) otherwise."""
        with self._fields:
            # Taken before reading: should the file be replaced in between, the next check reloads it again.
            disk = _signature(self.path)
            restored = self.state.restore(self.path)
            self._disk, self._saved = disk, self.state.changes
            return restored

    def refresh(self) -> None:
        """Reload the file if another process has written it since this one last loaded or saved it."""
        if _signature(self.path) == self._disk:
            return
        with self._fields:
            disk = _signature(self.path)
            if disk == self._disk:
                return
            unsaved = self.state.changes != self._saved
            if disk is not None and self.state.restore(self.path):
                if unsaved:
                    # Only direct State calls (tests, demo helpers) leave changes unsaved; requests never do.
                    log.warning("the sandbox state file %s was written by another process: changes made here "
                                "without a request are replaced by it", self.path)
                self._saved = self.state.changes
            # A missing or unreadable file is not read again until it changes; the next save replaces it.
            self._disk = disk

    def save_if_changed(self) -> None:
        """Write the file when the org changed since it was last loaded or saved; the caller holds the lock."""
        with self._fields:
            if self.state.changes != self._saved:
                self._write()

    def revert(self) -> None:
        """After a failed save: back to what the file holds, so memory never claims what the disk lacks."""
        with self._fields:
            disk = _signature(self.path)
            if disk is not None and self.state.restore(self.path):
                self._disk, self._saved = disk, self.state.changes

    def save(self) -> None:
        """SandboxOrg.stop() and save(): write the org, unless another process's newer file already holds it."""
        with self.lock.held(), self._fields:
            disk = _signature(self.path)
            if disk != self._disk and self.state.changes == self._saved and disk is not None:
                # Everything this process changed was saved before that other write, which built on it.
                if self.state.restore(self.path):
                    self._disk, self._saved = disk, self.state.changes
                    return
            elif disk != self._disk and disk is not None:
                log.warning("the sandbox state file %s was written by another process: replacing it with this "
                            "process's records, which hold changes made without a request", self.path)
            self._write()

    def _write(self) -> None:
        self._saved = self.state.save(self.path)
        self._disk = _signature(self.path)


class AutosaveMiddleware:
    """Around the Web API: reloads what another process wrote, and saves every change before answering it."""

    def __init__(self, app: Callable[..., Any], keeper: StateKeeper) -> None:
        self.app = app
        self.keeper = keeper
        # Made with the app, on each start(): an asyncio lock belongs to the loop that first waits on it.
        self._writes = asyncio.Lock()

    async def __call__(self, scope: dict[str, Any], receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        if scope["method"] in _READS:
            self.keeper.refresh()
            await self.app(scope, receive, send)
            return
        # One writer at a time in this process (the loop's lock), then in every process (the file lock).
        async with self._writes, self.keeper.lock.held_async():
            self.keeper.refresh()
            await self._write(scope, receive, send)

    async def _write(self, scope: dict[str, Any], receive: Callable, send: Callable) -> None:
        saved = failed = False

        async def answer(message: dict[str, Any]) -> None:
            nonlocal saved, failed
            if failed:
                return  # the rest of an answer already replaced by the error
            if message["type"] == "http.response.start" and not saved:
                saved = True
                if not self._save():
                    failed = True
                    await _send_save_error(send)
                    return
            await send(message)

        try:
            await self.app(scope, receive, answer)
        finally:
            if not saved:  # no answer went out (the client left, the app failed): keep the change anyway
                self._save()

    def _save(self) -> bool:
        try:
            self.keeper.save_if_changed()
        except OSError:
            log.exception("could not save the sandbox org's records to %s", self.keeper.path)
            self.keeper.revert()
            return False
        return True


async def _send_save_error(send: Callable) -> None:
    body = envelope(UNEXPECTED, "The sandbox org could not save this change to disk; try again.")
    headers = [
        (b"content-type", b"application/json; odata.metadata=minimal"),
        (b"content-length", str(len(body)).encode()),
        (b"odata-version", b"4.0"),
    ]
    await send({"type": "http.response.start", "status": 500, "headers": headers})
    await send({"type": "http.response.body", "body": body})
