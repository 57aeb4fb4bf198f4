"""Keyring fixtures: tests never touch a real keyring (and this machine has none)."""

import keyring
import pytest
from keyring.backends import fail

from campsync_gui.core import keychain
from memory_keyring import MemoryKeyring


@pytest.fixture(autouse=True)
def memory_keyring():
    """Every test gets an empty in-memory keyring; the previous backend comes back after."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
    # Secrets kept "for this session only" live in the process: one test's must not reach the next.
    keychain.forget_session_secrets()


@pytest.fixture
def no_keyring(memory_keyring):
    keyring.set_keyring(fail.Keyring())
    yield
