"""A secret kept "for this session only" (no keyring here): the app's connection reads it until the process ends,
removing the profile forgets it, and an environment secret still wins as it does over the keyring."""

import pytest

from campsync_gui.core import keychain
from campsync_gui.core.connections import ProfileFields, Profiles, resolve_connection
from campsync_gui.core.store import open_store


@pytest.fixture
def profiles(tmp_path):
    engine = open_store(tmp_path / "store.db")
    yield Profiles(engine)
    keychain.forget_session_secrets()  # it lives as long as the process: not into the next test
    engine.dispose()


def test_a_secret_kept_for_the_session_is_the_connections_secret_until_the_profile_goes(no_keyring, profiles):
    profiles.save(ProfileFields(name="prod", org_url="https://contoso.crm.dynamics.com", tenant_id="t-1",
                                client_id="c-1"), secret="typed-s3cret")
    assert resolve_connection(profiles.db, environ={}).client_secret is None, "no keyring: nothing stored"
    keychain.keep_for_session("prod", "typed-s3cret")
    conn = resolve_connection(profiles.db, environ={})
    assert (conn.client_secret, conn.secret_source, conn.missing()) == ("typed-s3cret", "this session only", [])
    assert profiles.has_secret("prod")
    env = resolve_connection(profiles.db, environ={"CAMPSYNC_CLIENT_SECRET": "from-env"})
    assert (env.client_secret, env.secret_source) == ("from-env", "environment")
    profiles.remove("prod")
    assert keychain.get_secret("prod") is None and not keychain.kept_for_session("prod")


def test_a_secret_the_keyring_takes_later_replaces_the_session_copy(memory_keyring):
    keychain.keep_for_session("prod", "old-session-secret")
    try:
        keychain.set_secret("prod", "keyring-secret")
        assert keychain.get_secret("prod") == "keyring-secret" and not keychain.kept_for_session("prod")
    finally:
        keychain.forget_session_secrets()
