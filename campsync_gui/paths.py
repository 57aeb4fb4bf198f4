"""Where CampSync keeps its files: one home folder, from CAMPSYNC_HOME or platformdirs.

The home holds people's names and emails (the store), the logs and the built-in sandbox's records: it is the
owner's alone. Folders are 0700 and files 0600 on POSIX, set explicitly (never left to the umask), and an install
from before this rule is tightened on its next start. Windows keeps its own ACLs (a user's profile folder is
private there already): nothing is changed on it."""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "CampSync"
APP_AUTHOR = "CampSync"

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
# POSIX modes mean something (Windows: chmod only toggles read-only, mkdir ignores the mode).
ENFORCED = os.name == "posix"

log = logging.getLogger(__name__)


def make_private_folder(folder: Path, *, tighten_existing: bool = True) -> Path:
    """Create `folder` and its missing parents readable by their owner only (0700, whatever the umask); an existing
    `folder` of ours is tightened too unless `tighten_existing` is False (a folder a person chose, not the app's)."""
    folder = Path(folder)
    if not ENFORCED:
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        try:
            candidate.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:  # another process made it meanwhile
            continue
        _tighten(candidate, PRIVATE_FOLDER, is_folder=True)
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)  # raises the usual error (a file in the way)
    if tighten_existing:
        _tighten(folder, PRIVATE_FOLDER, is_folder=True)
    return folder


def make_private_file(path: Path) -> Path:
    """Make sure `path` exists and is readable by its owner only, before anything else opens it (SQLite then gives
    its -wal, -shm and -journal files the same mode)."""
    path = Path(path)
    if not ENFORCED:
        return path
    fd = os.open(path, os.O_RDONLY | os.O_CREAT, PRIVATE_FILE)
    try:
        st = os.fstat(fd)
        if st.st_uid == os.getuid() and stat.S_IMODE(st.st_mode) != PRIVATE_FILE:
            os.fchmod(fd, PRIVATE_FILE)  # umask-proof for a new file, and tightens an old one
    finally:
        os.close(fd)
    return path


def tighten_file(path: Path) -> None:
    """0600 on an existing file of ours; nothing if it is missing, a link, or someone else's."""
    if ENFORCED:
        _tighten(Path(path), PRIVATE_FILE, is_folder=False)


def _tighten(path: Path, mode: int, *, is_folder: bool) -> None:
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    kind_ok = stat.S_ISDIR(st.st_mode) if is_folder else stat.S_ISREG(st.st_mode)
    if not kind_ok or st.st_uid != os.getuid() or stat.S_IMODE(st.st_mode) == mode:
        return  # links are never followed, and another user's file is not ours to change
    try:
        os.chmod(path, mode)
    except OSError as exc:
        log.warning("could not make %s private (%s)", path, exc)


def _shared_folder(folder: Path) -> bool:
    """A folder that holds more than CampSync's files and is not ours to lock down (CAMPSYNC_HOME=~ or /)."""
    try:
        resolved = folder.expanduser().resolve()
        return resolved == Path.home().resolve() or resolved == Path(resolved.anchor)
    except (OSError, RuntimeError):
        return False


@dataclass(frozen=True)
class AppPaths:
    """Every file location the app uses, derived from one home folder."""

    home: Path

    @classmethod
    def resolve(cls) -> "AppPaths":
        # CAMPSYNC_HOME overrides everything so tests, CI and side-by-side installs never collide.
        env = os.environ.get("CAMPSYNC_HOME", "").strip()
        home = Path(env).expanduser() if env else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
        return cls(home=home)

    @property
    def db_file(self) -> Path:
        return self.home / "campsync.db"

    @property
    def log_dir(self) -> Path:
        return self.home / "logs"

    @property
    def sandbox_dir(self) -> Path:
        return self.home / "sandbox"

    def ensure(self) -> "AppPaths":
        """Create the home and its logs folder, private; tighten what an older version left readable to others."""
        if _shared_folder(self.home):
            self.home.mkdir(parents=True, exist_ok=True)  # a person's own home folder: its mode is theirs
        else:
            make_private_folder(self.home)
        make_private_folder(self.log_dir)
        self.tighten()
        return self

    def tighten(self) -> None:
        """The files and folders CampSync itself makes, by name: never a walk of the whole home, which a person may
        have pointed (CAMPSYNC_HOME) at a folder holding files of their own."""
        if not ENFORCED:
            return
        for suffix in ("", "-wal", "-shm", "-journal"):
            tighten_file(self.db_file.with_name(self.db_file.name + suffix))
        for folder, pattern in ((self.log_dir, "campsync.log*"), (self.sandbox_dir, "org-state.json*")):
            if folder.is_dir():
                _tighten(folder, PRIVATE_FOLDER, is_folder=True)
                for path in folder.glob(pattern):
                    tighten_file(path)
        runs = self.sandbox_dir / "tls"
        if runs.is_dir():
            _tighten(runs, PRIVATE_FOLDER, is_folder=True)
            for run in runs.iterdir():
                if run.name.isdigit():
                    _tighten(run, PRIVATE_FOLDER, is_folder=True)
                    tighten_file(run / "ca.pem")
