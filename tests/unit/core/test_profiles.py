"""The rules of stored connection profiles, shared by the Connections dialog and `campsync profile`."""

import pytest

from campsync_gui.core import keychain
from campsync_gui.core.connections import ProfileFields, Profiles
from campsync_gui.core.settings import SyncSettings, load_settings, save_settings
from campsync_gui.core.store import open_store


@pytest.fixture
def db(tmp_path):
    engine = open_store(tmp_path / "store.db")
    yield engine
    engine.dispose()


@pytest.fixture
def profiles(db) -> Profiles:
    return Profiles(db)


def fields(name: str, url: str = "https://contoso.crm.dynamics.com", environment: str = "production"):
    return ProfileFields(name=name, org_url=url, tenant_id="t-1", client_id="c-1", environment=environment)


def defaults(profiles: Profiles) -> dict[str, bool]:
    return {p.name: p.is_default for p in profiles.list()}


def test_the_first_profile_is_the_default_and_the_next_ones_keep_theirs(profiles):
    saved = profiles.save(fields("beta"))
    assert saved.is_default and profiles.default_name() == "beta"
    assert not profiles.save(fields("alpha")).is_default
    assert defaults(profiles) == {"alpha": False, "beta": True}
    assert profiles.save(fields("beta", environment="test")).is_default, "saving the default again keeps it so"


def test_a_profile_saved_with_make_default_takes_the_flag_from_the_others(profiles):
    profiles.save(fields("alpha"))
    profiles.save(fields("beta"))
    saved = profiles.save(fields("gamma"), make_default=True)
    assert saved.is_default and profiles.default_name() == "gamma"
    assert defaults(profiles) == {"alpha": False, "beta": False, "gamma": True}
    profiles.make_default("beta")
    assert defaults(profiles) == {"alpha": False, "beta": True, "gamma": False}


def test_removing_the_default_makes_the_first_remaining_one_default(db, profiles):
    for name in ("gamma", "alpha", "beta"):
        profiles.save(fields(name), secret=f"{name}-secret")
    save_settings(db, SyncSettings(batch_size=77), "gamma")
    assert profiles.default_name() == "gamma"

    assert profiles.remove("gamma") == "alpha"
    assert defaults(profiles) == {"alpha": True, "beta": False}, "the new default is flagged, not only implied"
    assert keychain.get_secret("gamma") is None and load_settings(db, "gamma") == SyncSettings()
    assert profiles.remove("beta") == "alpha", "removing another one leaves the default alone"
    assert profiles.remove("alpha") == "" and profiles.list() == []
    with pytest.raises(LookupError, match="No connection profile named 'alpha'"):
        profiles.remove("alpha")


def test_a_secret_without_a_keyring_is_reported_and_the_profile_saved_all_the_same(no_keyring, profiles):
    saved = profiles.save(fields("alpha"), secret="s3cret")
    assert not saved.secret_saved and "CAMPSYNC_CLIENT_SECRET" in saved.secret_problem
    assert [p.name for p in profiles.list()] == ["alpha"] and not profiles.has_secret("alpha")


def test_a_secret_with_a_keyring_goes_there_and_nowhere_else(profiles):
    saved = profiles.save(fields("alpha"), secret="s3cret")
    assert saved.secret_saved and saved.secret_problem is None
    assert keychain.get_secret("alpha") == "s3cret" and profiles.has_secret("alpha")


@pytest.mark.parametrize("url, words", [("http://contoso.crm.dynamics.com", "must start with https://"),
                                        ("https://contoso.crm.dynamics.com/main.aspx", "environment root")])
def test_a_bad_org_url_is_refused_with_the_readable_message(profiles, url, words):
    with pytest.raises(ValueError, match=words):
        profiles.save(fields("alpha", url=url))
    assert profiles.list() == []
