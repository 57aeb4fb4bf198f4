"""Client secrets in the system keyring, and a plain answer when this machine has none."""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError, NoKeyringError

SERVICE = "CampSync"


def _user(profile: str) -> str:
    return f"{profile}:client_secret"


def keyring_problem() -> str | None:
    """None when a usable keyring exists, else a sentence saying what to do instead."""
    backend = keyring.get_keyring()
    if getattr(backend, "priority", 1) <= 0 or type(backend).__module__.startswith("keyring.backends.fail"):
        return ("No system keyring is available on this machine, so secrets cannot be saved. "
                "Give the secret with the CAMPSYNC_CLIENT_SECRET environment variable instead.")
    return None


def get_secret(profile: str) -> str | None:
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
        raise RuntimeError(f"The keyring refused to store the secret: {exc}") from exc


def delete_secret(profile: str) -> None:
    try:
        keyring.delete_password(SERVICE, _user(profile))
    except (NoKeyringError, KeyringError):
        pass
