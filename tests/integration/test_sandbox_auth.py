"""The sandbox's Entra tenant as msal and a Dataverse client meet it: discovery, tokens, errors, bearer checks."""

import time

import httpx
import msal
import pytest

from campsync_gui.sandbox import client_ssl_context

ODATA = {"OData-MaxVersion": "4.0", "OData-Version": "4.0", "Accept": "application/json"}


@pytest.fixture
def http(org):
    # The machine sets SSL_CERT_FILE and friends: trust exactly the sandbox CA, ignore the environment.
    with httpx.Client(verify=client_ssl_context(org.ca_file), trust_env=False, timeout=10) as client:
        yield client


def msal_app(org, http, *, secret=None, tenant=None):
    return msal.ConfidentialClientApplication(
        org.client_id,
        authority=f"{org.url}/{tenant or org.tenant_id}",
        client_credential=secret or org.client_secret,
        instance_discovery=False,
        http_client=http,
    )


def post_token(org, http, **overrides):
    form = {
        "grant_type": "client_credentials",
        "client_id": org.client_id,
        "client_secret": org.client_secret,
        "scope": f"{org.url}/.default",
    }
    tenant = overrides.pop("tenant", org.tenant_id)
    form.update(overrides)
    return http.post(f"{org.url}/{tenant}/oauth2/v2.0/token", data=form)


def whoami(org, http, token):
    headers = dict(ODATA)
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return http.get(f"{org.url}/api/data/v9.2/WhoAmI", headers=headers)


def test_msal_gets_a_token_that_the_web_api_accepts(org, http):
    result = msal_app(org, http).acquire_token_for_client(scopes=[f"{org.url}/.default"])
    assert result["token_type"] == "Bearer" and result["expires_in"] == 3600
    response = whoami(org, http, result["access_token"])
    assert response.status_code == 200
    assert response.json()["UserId"] == org.identity.user_id
    assert [r.path.endswith("/oauth2/v2.0/token") for r in org.request_log] == [True, False]


def test_discovery_document_sends_clients_back_to_this_server(org, http):
    config = http.get(f"{org.url}/{org.tenant_id}/v2.0/.well-known/openid-configuration").json()
    base = f"{org.url}/{org.tenant_id}"
    assert config["token_endpoint"] == f"{base}/oauth2/v2.0/token"
    assert config["issuer"] == f"{base}/v2.0"
    assert config["authorization_endpoint"].startswith(base) and config["device_authorization_endpoint"]
    assert http.get(config["jwks_uri"]).json() == {"keys": []}


def test_unknown_tenant_stops_msal_at_discovery(org, http):
    tenant = "00000000-0000-0000-0000-000000000000"
    response = http.get(f"{org.url}/{tenant}/v2.0/.well-known/openid-configuration")
    assert response.status_code == 400 and response.json()["error_codes"] == [90002]
    with pytest.raises(ValueError, match="double check your tenant"):
        msal_app(org, http, tenant=tenant)


@pytest.mark.parametrize(
    ("overrides", "status", "error", "code"),
    [
        ({"tenant": "contoso.onmicrosoft.com"}, 400, "invalid_request", 90002),
        ({"client_id": "11111111-2222-3333-4444-555555555555"}, 400, "unauthorized_client", 700016),
        ({"client_secret": "not-the-secret"}, 401, "invalid_client", 7000215),
        ({"scope": "https://contoso.crm.dynamics.com/.default"}, 400, "invalid_scope", 500011),
        ({"grant_type": "password"}, 400, "unsupported_grant_type", 70003),
    ],
    ids=["tenant", "client", "secret", "scope", "grant"],
)
def test_token_errors_come_in_entras_shape(org, http, overrides, status, error, code):
    response = post_token(org, http, **overrides)
    assert response.status_code == status
    body = response.json()
    assert set(body) >= {"error", "error_description", "error_codes", "timestamp", "trace_id", "correlation_id"}
    assert body["error"] == error and body["error_codes"] == [code]
    assert body["error_description"].startswith(f"AADSTS{code}: ")
    assert "access_token" not in body


def test_msal_surfaces_a_wrong_secret_as_invalid_client(org, http):
    result = msal_app(org, http, secret="typo").acquire_token_for_client(scopes=[f"{org.url}/.default"])
    assert result["error"] == "invalid_client"
    assert "AADSTS7000215" in result["error_description"]
    assert "Invalid client secret provided" in result["error_description"]


def test_token_lifetime_follows_the_knob(org, http):
    org.knobs.token_ttl = 90
    assert post_token(org, http).json()["expires_in"] == 90


def assert_rejected(response, reason):
    assert response.status_code == 401
    challenge = response.headers["WWW-Authenticate"]
    assert challenge.startswith("Bearer ") and "authorization_uri=" in challenge
    error = response.json()["error"]
    assert error["code"].startswith("0x") and reason in error["message"]


def test_api_refuses_missing_unknown_revoked_and_expired_tokens(org, http):
    assert_rejected(whoami(org, http, None), "Authorization")
    assert_rejected(whoami(org, http, "made-up-token"), "not valid")

    token = post_token(org, http).json()["access_token"]
    assert whoami(org, http, token).status_code == 200
    org.revoke_tokens()
    assert_rejected(whoami(org, http, token), "revoked")
    fresh = post_token(org, http).json()["access_token"]
    assert whoami(org, http, fresh).status_code == 200  # revocation is not a ban: new tokens work

    org.knobs.token_ttl = 0.5
    short = post_token(org, http).json()["access_token"]
    assert whoami(org, http, short).status_code == 200
    time.sleep(0.6)
    assert_rejected(whoami(org, http, short), "expired")


def test_reset_forgets_tokens_but_keeps_the_app_registration(org, http):
    token = post_token(org, http).json()["access_token"]
    secret, client_id = org.client_secret, org.client_id
    org.reset()
    assert_rejected(whoami(org, http, token), "not valid")
    assert (org.client_secret, org.client_id) == (secret, client_id)
    assert post_token(org, http).status_code == 200
