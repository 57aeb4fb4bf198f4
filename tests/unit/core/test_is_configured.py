"""Whether a connection is configured at all, complete or not: what decides between it and the built-in demo org."""

import pytest

from campsync_gui.core.connections import ProfileFields, Profiles, is_configured
from campsync_gui.core.store import open_store


@pytest.fixture
def engine(tmp_path):
    return open_store(tmp_path / "store.db")


def test_nothing_stored_and_no_variable_is_not_configured(engine):
    assert not is_configured(engine, environ={})
    assert not is_configured(None, environ={})
    # Blank values are not a configuration; neither is a variable that names no org.
    assert not is_configured(engine, environ={"CAMPSYNC_ORG_URL": "  ", "CAMPSYNC_ENVIRONMENT": "sandbox",
                                              "CAMPSYNC_HOME": "/tmp/x"})


@pytest.mark.parametrize("var", ["CAMPSYNC_ORG_URL", "CAMPSYNC_TENANT_ID", "CAMPSYNC_CLIENT_ID"])
def test_one_variable_naming_the_org_is_a_configuration_even_incomplete(engine, var):
    assert is_configured(engine, environ={var: "something"})


def test_a_stored_profile_is_a_configuration_even_without_its_secret(engine, memory_keyring):
    Profiles(engine).save(ProfileFields(name="contoso", org_url="https://contoso.crm.dynamics.com",
                                        tenant_id="t", client_id="c"))
    assert is_configured(engine, environ={})
