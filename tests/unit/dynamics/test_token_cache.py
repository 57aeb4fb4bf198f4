"""Where sign-in tokens are kept: encrypted when the system can, else memory only, or a 0600 file when allowed."""

import stat

import msal
import pytest

from campsync_gui.dynamics import token_cache
from campsync_gui.dynamics.token_cache import allow_plaintext_from_env, open_token_cache

CT = msal.TokenCache.CredentialType
REFRESH_SECRET = "rt-secret-value-123"


def remember_account(cache, username="operator@contoso.com"):
    """What msal writes for a signed-in person: an account and its refresh token."""
    home = "oid-1.tid-1"
    cache.modify(CT.ACCOUNT, {"home_account_id": home, "environment": "login.example", "realm": "tid-1",
                              "local_account_id": "oid-1", "username": username, "authority_type": "MSSTS"},
                 {"username": username})
    cache.modify(CT.REFRESH_TOKEN, {"credential_type": "RefreshToken", "home_account_id": home,
                                    "environment": "login.example", "client_id": "client-1", "target": "x"},
                 {"secret": REFRESH_SECRET})


@pytest.fixture(autouse=True)
def no_encrypted_store(monkeypatch):
    """As on this machine (and any Linux without libsecret's Python binding): no encrypted store."""
    def unavailable(location):
        raise ImportError("Unable to import module 'gi'\nRuntime dependency of PyGObject is missing.")
    monkeypatch.setattr("msal_extensions.build_encrypted_persistence", unavailable)
    token_cache.forget_memory_caches()
    yield
    token_cache.forget_memory_caches()


def test_without_encryption_tokens_stay_in_memory_and_no_file_is_written(tmp_path):
    tc = open_token_cache(tmp_path, allow_plaintext=False)
    assert tc.kind == "memory only" and tc.path is None and not tc.persistent
    assert "memory only" in tc.problem and "CAMPSYNC_ALLOW_PLAINTEXT_TOKEN_CACHE=1" in tc.problem
    remember_account(tc.cache)
    assert list(tmp_path.iterdir()) == []
    # The same home in the same process: the same cache (the window keeps its sign-in for the session) ...
    again = open_token_cache(tmp_path, allow_plaintext=False)
    assert again.cache is tc.cache
    # ... another home: another cache.
    other = open_token_cache(tmp_path / "other", allow_plaintext=False)
    assert list(other.cache.search(CT.ACCOUNT)) == []


def test_plain_file_only_when_allowed_and_readable_by_its_owner_only(tmp_path):
    tc = open_token_cache(tmp_path, allow_plaintext=True)
    assert tc.kind == "plain file" and tc.path == tmp_path / "token_cache.json"
    assert str(tc.path) in tc.problem
    remember_account(tc.cache)
    assert stat.S_IMODE(tc.path.stat().st_mode) == 0o600
    assert REFRESH_SECRET in tc.path.read_text()  # the one file allowed to hold tokens
    assert REFRESH_SECRET not in repr(tc)


def test_an_existing_file_with_wider_permissions_is_narrowed(tmp_path):
    path = tmp_path / "token_cache.json"
    path.write_text("{}")
    path.chmod(0o644)
    tc = open_token_cache(tmp_path, allow_plaintext=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o640)
    remember_account(tc.cache)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_restart_sees_the_account_kept_in_the_plain_file(tmp_path):
    first = open_token_cache(tmp_path, allow_plaintext=True)
    remember_account(first.cache)
    token_cache.forget_memory_caches()  # a new process
    second = open_token_cache(tmp_path, allow_plaintext=True)
    assert second.cache is not first.cache
    assert [a["username"] for a in second.cache.search(CT.ACCOUNT)] == ["operator@contoso.com"]


def test_the_encrypted_store_is_used_when_the_system_has_one(tmp_path, monkeypatch):
    from msal_extensions import FilePersistence

    class Encrypted(FilePersistence):
        is_encrypted = True

    monkeypatch.setattr("msal_extensions.build_encrypted_persistence", Encrypted)
    tc = open_token_cache(tmp_path, allow_plaintext=False)
    assert tc.kind == "encrypted" and tc.problem is None and tc.cache.is_encrypted


@pytest.mark.parametrize("value, allowed", [("1", True), ("true", True), ("0", False), ("", False)])
def test_plain_file_allowed_from_the_environment(value, allowed):
    assert allow_plaintext_from_env({"CAMPSYNC_ALLOW_PLAINTEXT_TOKEN_CACHE": value}) is allowed
    assert allow_plaintext_from_env({}) is False


def test_a_damaged_cache_file_means_signing_in_again_not_a_crash(tmp_path):
    (tmp_path / "token_cache.json").write_text('{"Account": {"x": ')
    (tmp_path / "token_cache.json").chmod(0o600)
    tc = open_token_cache(tmp_path, allow_plaintext=True)
    assert list(tc.cache.search(CT.ACCOUNT)) == []
    remember_account(tc.cache)
    token_cache.forget_memory_caches()
    again = open_token_cache(tmp_path, allow_plaintext=True)
    assert [a["username"] for a in again.cache.search(CT.ACCOUNT)] == ["operator@contoso.com"]
