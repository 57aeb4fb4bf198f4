"""The trigger log's key: a secret kept outside the store, with which each event and the head file are signed (HMAC).

One key per store. Where it is looked for, in this order:
1. the file named by CAMPSYNC_LOG_KEY_FILE (team mode: the key the admin hands out, the same on every node);
2. the system keyring (service "CampSync", user "log-key:<the store's path>"), where a new key goes when there is one;
3. a key file beside the store, "<store>.logkey", mode 0600: where a new key goes when this machine has no keyring
   (said in the log, and by `campsync log-key` and `verify-log`). It protects the log only from someone who can
   change the store but cannot read the data folder.

A key file is refused while other users can read it (group or other permission bits set): the message says how to
fix it. A key file holds one line, "campsync-log-key-1 <64 hex digits>"; `campsync log-key --export` writes one.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

import keyring
from keyring.errors import KeyringError, NoKeyringError

from ..language import translate
from . import keychain

log = logging.getLogger(__name__)

KEY_FILE_ENV = "CAMPSYNC_LOG_KEY_FILE"
_MAGIC = "campsync-log-key-1"
_cache: dict[tuple[str, str], "LogKey"] = {}


class LogKeyError(OSError):
    """The log key cannot be used as it is (a key file others can read, a malformed file): the message says why and
    what to do. An OSError: a file of the person's to fix (the command line says it in one line, exit code 2)."""


@dataclass(frozen=True)
class LogKey:
    secret: bytes
    source: str  # where it was found, in words: "the keyring", "the key file /x/y (CAMPSYNC_LOG_KEY_FILE)", ...

    @property
    def key_id(self) -> str:
        """A short public name of the key (not the key): the head file and `log-key` show it, to tell keys apart."""
        return hashlib.sha256(b"campsync log key id\0" + self.secret).hexdigest()[:16]

    def mac(self, message: bytes) -> str:
        return hmac.new(self.secret, message, hashlib.sha256).hexdigest()

    def hasher(self) -> "hmac.HMAC":
        """A keyed hasher to `.copy()` per event: cheaper than setting the key up for each of a batch's events."""
        return hmac.new(self.secret, digestmod=hashlib.sha256)


def _user(db_path: Path) -> str:
    return f"log-key:{db_path.resolve()}"


def fallback_path(db_path: Path | str) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + ".logkey")


def env_key_file() -> Path | None:
    value = os.environ.get(KEY_FILE_ENV, "").strip()
    return Path(value).expanduser() if value else None


def _parse(text: str, where: str) -> bytes:
    parts = text.split()
    if len(parts) != 2 or parts[0] != _MAGIC:
        raise LogKeyError(translate("LogKey", "{file} is not a CampSync log key file (expected one line: {magic} <64 "
                                              "hex digits>)").format(file=where, magic=_MAGIC))
    try:
        secret = bytes.fromhex(parts[1])
    except ValueError:
        secret = b""
    if len(secret) != 32:
        raise LogKeyError(translate("LogKey", "{file} is not a CampSync log key file: the key is not 64 hex "
                                              "digits").format(file=where))
    return secret


def check_private(path: Path) -> None:
    """Refuse a key file that users other than its owner can read or change (POSIX permissions)."""
    if sys.platform == "win32":
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise LogKeyError(translate("LogKey", "the log key file {path} can be read or changed by other users (mode "
                                              "{mode}), so it is not used: run `chmod 600 {path}`").format(
            path=path, mode=f"{mode:04o}"))


def read_key_file(path: Path) -> bytes:
    check_private(path)
    return _parse(path.read_text(encoding="ascii", errors="replace"), str(path))


def write_key_file(path: Path, secret: bytes, *, overwrite: bool = False) -> None:
    """Write `secret` to `path`, readable and writable by its owner only (created 0600, never wider)."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if overwrite else os.O_EXCL)
    fd = os.open(path, flags, 0o600)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # an existing file (overwrite) is tightened too; the umask cannot widen it
        os.write(fd, f"{_MAGIC} {secret.hex()}\n".encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)


def _keyring_get(db_path: Path) -> bytes | None:
    if keychain.keyring_problem():
        return None
    try:
        value = keyring.get_password(keychain.SERVICE, _user(db_path))
    except (NoKeyringError, KeyringError):
        return None
    return _parse(value, translate("LogKey", "the keyring's log key")) if value else None


def find_key(db_path: Path | str) -> LogKey | None:
    """This store's log key, or None when it has none yet. Raises LogKeyError for a key file that cannot be used."""
    db_path = Path(db_path)
    named = env_key_file()
    cache_key = (str(db_path), str(named))
    if cache_key in _cache:
        return _cache[cache_key]
    key = None
    if named is not None:
        if named.exists():
            key = LogKey(read_key_file(named), translate("LogKey", "the key file {path} ({variable})").format(
                path=named, variable=KEY_FILE_ENV))
    else:
        secret = _keyring_get(db_path)
        if secret is not None:
            key = LogKey(secret, translate("LogKey", "the system keyring"))
        elif fallback_path(db_path).exists():
            key = LogKey(read_key_file(fallback_path(db_path)), _no_keyring_file(db_path))
    if key is not None:
        _cache[cache_key] = key
    return key


def store_key(db_path: Path | str, secret: bytes, *, overwrite: bool = False) -> LogKey:
    """Keep `secret` as this store's key where a new key goes (see the module's note); the key as found there."""
    db_path = Path(db_path)
    named = env_key_file()
    forget_cached()
    if named is not None:
        write_key_file(named, secret, overwrite=overwrite)
        log.info("trigger log: new log key written to %s (%s)", named, KEY_FILE_ENV)
    else:
        why = "no system keyring on this machine" if keychain.keyring_problem() else ""  # a log line: English
        if not why:
            try:
                keyring.set_password(keychain.SERVICE, _user(db_path), f"{_MAGIC} {secret.hex()}")
                log.info("trigger log: log key kept in the system keyring")
                return _found(db_path)
            except (NoKeyringError, KeyringError) as exc:
                why = f"the keyring refused it ({exc})"
        write_key_file(fallback_path(db_path), secret, overwrite=overwrite)
        log.warning("trigger log: %s, so the log key is kept in %s (mode 0600); anyone who can read that folder can "
                    "re-sign the log", why, fallback_path(db_path))
    return _found(db_path)


def _found(db_path: Path) -> LogKey:
    key = find_key(db_path)
    if key is None:
        raise LogKeyError(translate("LogKey", "the trigger log's new key could not be read back from {places}").format(
            places=places(db_path)))
    return key


def ensure_key(db_path: Path | str) -> LogKey:
    """This store's key, made and kept the first time the log is written."""
    return find_key(db_path) or store_key(db_path, secrets.token_bytes(32))


def remember(db_path: Path | str, key: LogKey) -> None:
    """Use `key` as this store's key in this process without looking for it: the engine's process is handed the key
    its window found (in the window's keyring, which the child may not reach in the same way)."""
    _cache[(str(Path(db_path)), str(env_key_file()))] = key


def forget_cached() -> None:
    _cache.clear()


def places(db_path: Path | str) -> str:
    """Where the key is looked for, in words (for the message when it is not found)."""
    named = env_key_file()
    if named is not None:
        return translate("LogKey", "the key file {path} named by {variable}").format(path=named, variable=KEY_FILE_ENV)
    if keychain.keyring_problem():
        return _no_keyring_file(db_path)
    return translate("LogKey", "the system keyring and {path}").format(path=fallback_path(db_path))


def _no_keyring_file(db_path: Path | str) -> str:
    return translate("LogKey", "the key file {path} (this machine has no system keyring)").format(
        path=fallback_path(db_path))
