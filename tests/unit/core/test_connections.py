"""The connection in use: stored profile, environment overrides, secret from keyring or environment."""

import pytest
from sqlmodel import Session

from campsync_gui.core import keychain
from campsync_gui.core.connections import resolve_connection
from campsync_gui.core.models import ConnectionProfile
from campsync_gui.core.store import open_store


@pytest.fixture
def engine(tmp_path):
    return open_store(tmp_path / "store.db")


def add_profile(engine, name="prod", default=True):
    with Session(engine) as s:
        s.add(ConnectionProfile(name=name, org_url="https://contoso.crm.dynamics.com", tenant_id="t-1",
                                client_id="c-1", environment="production", is_default=default))
        s.commit()


def test_nothing_configured_lists_what_is_missing(engine):
    conn = resolve_connection(engine, environ={})
    assert conn.missing() == ["CAMPSYNC_ORG_URL", "CAMPSYNC_TENANT_ID", "CAMPSYNC_CLIENT_ID"]


def test_a_client_id_without_secret_or_certificate_is_a_person_signing_in(engine, memory_keyring):
    add_profile(engine)
    conn = resolve_connection(engine, environ={})
    assert conn.missing() == [] and conn.auth_method == "user"
    keychain.set_secret("prod", "stored-secret")
    assert resolve_connection(engine, environ={}).auth_method == "secret"
    with_cert = resolve_connection(engine, environ={"CAMPSYNC_CLIENT_CERTIFICATE": "/keys/app.pem"})
    assert with_cert.auth_method == "certificate" and with_cert.certificate_file == "/keys/app.pem"
    assert "stored-secret" not in repr(with_cert)


def test_environment_overrides_the_stored_profile(engine, memory_keyring):
    add_profile(engine)
    keychain.set_secret("prod", "stored-secret")
    conn = resolve_connection(engine, environ={"CAMPSYNC_ORG_URL": "https://other.crm4.dynamics.com/"})
    assert conn.org_url == "https://other.crm4.dynamics.com"
    assert conn.tenant_id == "t-1" and conn.client_secret == "stored-secret" and conn.secret_source == "keyring"
    assert conn.overridden == ["CAMPSYNC_ORG_URL"]
    env_secret = resolve_connection(engine, environ={"CAMPSYNC_CLIENT_SECRET": "from-env"})
    assert env_secret.client_secret == "from-env" and env_secret.secret_source == "environment"


def test_secret_never_appears_in_repr(engine, memory_keyring):
    add_profile(engine)
    keychain.set_secret("prod", "s3cr3t-value")
    assert "s3cr3t-value" not in repr(resolve_connection(engine, environ={}))


def test_unknown_profile_name_is_a_clear_error(engine):
    with pytest.raises(LookupError, match="No connection profile named 'nope'"):
        resolve_connection(engine, "nope", environ={})


@pytest.mark.parametrize("url, fragment", [
    ("http://contoso.crm.dynamics.com", "https://"),
    ("https://contoso.crm.dynamics.com/api/data/v9.2", "environment root"),
])
def test_org_url_mistakes_are_explained(engine, url, fragment):
    conn = resolve_connection(engine, environ={"CAMPSYNC_ORG_URL": url})
    assert fragment in conn.url_problem()


def test_without_keyring_saving_a_secret_says_what_to_do(no_keyring):
    assert "CAMPSYNC_CLIENT_SECRET" in keychain.keyring_problem()
    with pytest.raises(RuntimeError, match="CAMPSYNC_CLIENT_SECRET"):
        keychain.set_secret("prod", "x")
    assert keychain.get_secret("prod") is None
