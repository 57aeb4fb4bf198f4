"""Where a signed-in person's tokens are kept between runs: msal's token cache, encrypted by the operating system
where it can be (DPAPI, Keychain, libsecret through msal-extensions), else in memory for this process only, unless
the person explicitly allows a plain file readable by its owner alone.

The cache holds refresh tokens, which are as good as the person's session: it is never logged, and its repr shows
only where it is kept."""

from __future__ import annotations

import json
import logging
import os
import stat
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..language import translate

if TYPE_CHECKING:  # msal loads when a cache is first made (a sign-in), not when the window starts
    import msal

log = logging.getLogger(__name__)

CACHE_FILE = "token_cache.json"
ALLOW_PLAINTEXT_VAR = "CAMPSYNC_ALLOW_PLAINTEXT_TOKEN_CACHE"

ENCRYPTED, PLAIN_FILE, MEMORY_ONLY = "encrypted", "plain file", "memory only"

# Memory-only caches live as long as the process: a window that signed in keeps its sign-in for the session even
# when its connection is rebuilt. One per home, so two homes (two test runs, two profiles dirs) never share one.
_MEMORY_CACHES: dict[str, msal.SerializableTokenCache] = {}
_MEMORY_LOCK = threading.Lock()


@dataclass(eq=False)
class TokenCache:
    """An msal token cache and how it is kept. `problem` is a sentence for the person when the tokens are not kept
    encrypted (memory only: they must sign in again next time; plain file: where it is). `last_username` remembers,
    in memory, who signed in last through this cache (the account used when several are cached)."""

    cache: msal.SerializableTokenCache = field(repr=False)
    kind: str
    path: Path | None = None
    problem: str | None = None
    last_username: str | None = field(default=None, repr=False)

    @property
    def persistent(self) -> bool:
        return self.kind != MEMORY_ONLY


def allow_plaintext_from_env(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the person allowed a plain-file token cache with CAMPSYNC_ALLOW_PLAINTEXT_TOKEN_CACHE=1."""
    env = os.environ if environ is None else environ
    return (env.get(ALLOW_PLAINTEXT_VAR) or "").strip().lower() in ("1", "true", "yes", "on")


def open_token_cache(home: Path, *, allow_plaintext: bool) -> TokenCache:
    """The token cache for CampSync's home directory: encrypted when the system offers it, else a plain 0600 file
    when allowed, else memory only (one per home for the life of the process)."""
    home = Path(home).expanduser()
    path = home / CACHE_FILE
    encrypted, why = _encrypted_cache(path)
    if encrypted is not None:
        return TokenCache(encrypted, ENCRYPTED, path)
    if allow_plaintext:
        return TokenCache(_plain_file_cache(path), PLAIN_FILE, path,
                          problem=translate("TokenCache", "Sign-in tokens are kept in a plain file readable only "
                                                          "by you: {path} (no encrypted store on this system: "
                                                          "{reason}).").format(path=path, reason=why))
    return TokenCache(_memory_cache(home), MEMORY_ONLY, None,
                      problem=translate("TokenCache", "Sign-in tokens are kept in memory only, so you sign in again "
                                                      "next time: this system has no encrypted store for them "
                                                      "({reason}). To keep them in a file readable only by you, set "
                                                      "{variable}=1.").format(reason=why, variable=ALLOW_PLAINTEXT_VAR))


def into_plain_file(current: TokenCache, home: Path) -> TokenCache:
    """The plain-file cache a person has just allowed, starting with what the memory-only `current` holds, so that
    whoever is signed in stays signed in after the next start."""
    path = Path(home).expanduser() / CACHE_FILE
    if current.kind == MEMORY_ONLY:
        _private_dir(path.parent)
        _OwnerOnlyFile(path).save(current.cache.serialize())
    moved = open_token_cache(home, allow_plaintext=True)
    moved.last_username = current.last_username
    return moved


def memory_token_cache() -> TokenCache:
    """A cache of its own in memory, kept nowhere (a connection told to keep tokens for this run only)."""
    import msal

    return TokenCache(msal.SerializableTokenCache(), MEMORY_ONLY, None,
                      problem=translate("TokenCache", "Sign-in tokens are kept in memory only, so you sign in "
                                                      "again next time."))


def _encrypted_cache(path: Path) -> tuple[msal.SerializableTokenCache | None, str]:
    """(cache, '') when the system's encrypted store works, else (None, why not in a few words)."""
    try:
        from msal_extensions import PersistedTokenCache, build_encrypted_persistence
    except ImportError:  # a build without msal-extensions: no encrypted store, the same as a bare Linux
        return None, translate("TokenCache", "msal-extensions is not installed")
    try:
        _private_dir(path.parent)
        persistence = build_encrypted_persistence(str(path))
    except ImportError as exc:
        # Linux without PyGObject/libsecret (msal-extensions' own wording is several lines of install advice)
        first = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        reason = (translate("TokenCache", "libsecret and PyGObject are not available")
                  if sys.platform.startswith("linux") else first)
        return None, reason
    except Exception as exc:  # noqa: BLE001 - the platform's store failed its trial: say which, fall back
        first = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        return None, translate("TokenCache", "the system's secret store failed: {problem}").format(
            problem=first[:200])
    return PersistedTokenCache(persistence), ""


class _OwnerOnlyFile:
    """msal-extensions' FilePersistence whose file is kept at mode 0600: created so (msal-extensions opens it
    0600), and an existing file with wider permissions is narrowed before anything is read from or written to it."""

    def __init__(self, location: Path):
        from msal_extensions import FilePersistence

        self._inner = FilePersistence(str(location))
        self._location = location
        self.is_encrypted = False
        self.restrict()

    def restrict(self) -> None:
        try:
            mode = stat.S_IMODE(self._location.stat().st_mode)
        except FileNotFoundError:
            return
        if mode & 0o077:
            os.chmod(self._location, 0o600)

    def save(self, content: str) -> None:
        self.restrict()
        self._inner.save(content)
        self.restrict()

    def load(self) -> str:
        self.restrict()
        text = self._inner.load()
        try:
            json.loads(text or "{}")
        except ValueError:
            # A damaged file (a disk that filled up mid-write) holds no usable sign-in: start empty, so the person
            # is asked to sign in instead of every token request failing; the next sign-in rewrites it.
            log.warning("the token cache %s is damaged and was ignored: sign in again", self._location)
            return "{}"
        return text

    def time_last_modified(self):
        return self._inner.time_last_modified()

    def get_location(self) -> str:
        return self._inner.get_location()


def _plain_file_cache(path: Path) -> msal.SerializableTokenCache:
    from msal_extensions import PersistedTokenCache

    _private_dir(path.parent)
    return PersistedTokenCache(_OwnerOnlyFile(path))


def _memory_cache(home: Path) -> msal.SerializableTokenCache:
    import msal

    key = str(home.resolve())
    with _MEMORY_LOCK:
        cache = _MEMORY_CACHES.get(key)
        if cache is None:
            cache = _MEMORY_CACHES[key] = msal.SerializableTokenCache()
        return cache


def forget_memory_caches() -> None:
    """Drop every memory-only cache, as a new process starts without them (tests use it)."""
    with _MEMORY_LOCK:
        _MEMORY_CACHES.clear()


def _private_dir(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
