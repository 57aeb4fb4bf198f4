"""Client secrets in the system keyring, and a plain answer when this machine has none.

Without a keyring the window can keep a secret for this session only: in this process's memory, consulted by
`get_secret` like the keyring, gone when the process ends. It is never written anywhere (no file, no store, no
settings), so the person is asked again next time; the command line never keeps one (its process ends at once).
"""

from __future__ import annotations

import threading

import keyring
from keyring.errors import KeyringError, NoKeyringError

from ..language import translate

SERVICE = "CampSync"

# profile → secret, for the running process only (see the module's note)
_session: dict[str, str] = {}


_warming: threading.Thread | None = None


def warm_up() -> None:
    """Find the keyring's backend on a thread of its own, once per process. keyring discovers its backends on first
    use (about 150 ms on a 2-core machine), and the window would otherwise pay that on its event loop at the first
    trigger event of a session (the log key) or the first secret it reads."""
    global _warming
    if _warming is None:
        _warming = threading.Thread(target=keyring.get_keyring, name="keyring-discovery", daemon=True)
        _warming.start()


def _user(profile: str) -> str:
    return f"{profile}:client_secret"


def _no_keyring() -> bool:
    backend = keyring.get_keyring()
    return getattr(backend, "priority", 1) <= 0 or type(backend).__module__.startswith("keyring.backends.fail")


def keyring_problem() -> str | None:
    """None when a usable keyring exists, else a sentence saying what to do instead."""
    if _no_keyring():
        return translate("Keychain", "No system keyring is available on this machine, so secrets cannot be saved. "
                                     "Give the secret with the CAMPSYNC_CLIENT_SECRET environment variable instead.")
    return None


def get_secret(profile: str) -> str | None:
    """The secret kept for this session, else the keyring's, else None."""
    if profile in _session:
        return _session[profile]
    try:
        return keyring.get_password(SERVICE, _user(profile))
    except (NoKeyringError, KeyringError):
        return None


def set_secret(profile: str, secret: str) -> None:
    """Store a secret; raises RuntimeError with a plain message when no keyring is available."""
    problem = keyring_problem()
    if problem:
        raise RuntimeError(problem)
    try:
        keyring.set_password(SERVICE, _user(profile), secret)
    except KeyringError as exc:
        raise RuntimeError(translate("Keychain", "The keyring refused to store the secret: {problem}").format(
            problem=exc)) from exc
    _session.pop(profile, None)  # the keyring has it now: a session copy would shadow a later keyring change


def keep_for_session(profile: str, secret: str) -> None:
    """Keep `secret` in memory for this process only: what a person chose when no keyring could take it."""
    _session[profile] = secret


def kept_for_session(profile: str) -> bool:
    return profile in _session


def forget_session_secrets() -> None:
    _session.clear()


def delete_secret(profile: str) -> None:
    _session.pop(profile, None)
    for user in (_user(profile), _key_user(profile)):
        try:
            keyring.delete_password(SERVICE, user)
        except (NoKeyringError, KeyringError):
            pass


def _key_user(profile: str) -> str:
    return f"{profile}:certificate_key"


def get_certificate_key(profile: str) -> str | None:
    """The private key (PEM) of the profile's certificate when the keyring holds it; None when it stays in the
    certificate's file."""
    try:
        return keyring.get_password(SERVICE, _key_user(profile))
    except (NoKeyringError, KeyringError):
        return None


def set_certificate_key(profile: str, key_pem: str) -> None:
    """Keep a certificate's private key in the keyring; RuntimeError with a plain message when there is none."""
    if _no_keyring():
        raise RuntimeError(translate("Keychain", "No system keyring is available on this machine, so the private key "
                                                 "cannot be saved. Keep the key in the certificate's file (mode "
                                                 "0600)."))
    try:
        keyring.set_password(SERVICE, _key_user(profile), key_pem)
    except KeyringError as exc:
        raise RuntimeError(translate("Keychain", "The keyring refused to store the private key: {problem}").format(
            problem=exc)) from exc
