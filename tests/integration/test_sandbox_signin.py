"""People sign in to the sandbox tenant as Entra ID v2 signs them in, driven by real msal and by a robot that fills
the sandbox's sign-in pages over HTTP: authorization code + PKCE, device code, refresh tokens, MFA, consent, a
reader without write privileges, a disabled account, the Dataverse-samples client, and certificate credentials."""

import base64
import hashlib
import json
import os
import stat
import threading
import time
import webbrowser
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import jwt
import msal
import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from campsync_gui.sandbox import client_ssl_context
from campsync_gui.sandbox.signin_robot import approve_device_code, deny_robot, sign_in_robot

DOMAIN = "campsyncsandbox.onmicrosoft.com"
OPERATOR = f"operator@{DOMAIN}"
SAMPLES_CLIENT_ID = "51f81489-12ee-4a9e-aaae-a2591f45987d"
ODATA = {"OData-MaxVersion": "4.0", "OData-Version": "4.0", "Accept": "application/json"}


@pytest.fixture(autouse=True)
def no_system_browser(monkeypatch):
    # msal first tries the machine's browser; here the robot is the only browser, as on a machine without one.
    monkeypatch.setattr(webbrowser, "open", lambda *args, **kwargs: False)


@pytest.fixture
def ca(org):
    return org.env()["CAMPSYNC_CA_BUNDLE"]


@pytest.fixture
def http(ca):
    with httpx.Client(verify=client_ssl_context(ca), trust_env=False, timeout=15) as client:
        yield client


@pytest.fixture
def msal_http(ca):
    """msal's own HTTP client (requests) for the certificate flows: msal hands the client assertion over as bytes,
    which requests form-encodes as is (httpx would send the bytes' repr, b'...', which Entra refuses)."""
    with requests.Session() as session:
        session.verify = ca
        session.trust_env = False
        yield session


def public_app(org, http, client_id=None):
    return msal.PublicClientApplication(
        client_id or org.public_client_id, authority=f"{org.url}/{org.tenant_id}", instance_discovery=False,
        http_client=http)


def sign_in(org, http, ca, username, app=None, **robot_args):
    app = app or public_app(org, http)
    robot = sign_in_robot(username, verify=ca, **robot_args)
    result = app.acquire_token_interactive(scopes=[f"{org.url}/.default"], auth_uri_callback=robot, timeout=30)
    return app, result, robot


def api(org, http, token, path, method="GET", body=None):
    headers = dict(ODATA, Authorization=f"Bearer {token}")
    return http.request(method, f"{org.url}/api/data/v9.2/{path}", headers=headers, json=body)


def systemuser(org, http, token, username):
    users = api(org, http, token, "systemusers").json()["value"]
    return next(u for u in users if u["domainname"] == username)


def test_browser_sign_in_gives_the_operators_own_identity(org, http, ca):
    app, result, robot = sign_in(org, http, ca, OPERATOR)
    assert "access_token" in result, result.get("error_description")
    assert robot.wait() == "delivered"
    claims = result["id_token_claims"]
    assert (claims["preferred_username"], claims["name"], claims["tid"]) == (OPERATOR, "Olivia Operator",
                                                                            org.tenant_id)
    assert claims["iss"] == f"{org.url}/{org.tenant_id}/v2.0" and claims["aud"] == org.public_client_id
    [account] = app.get_accounts()
    assert account["username"] == OPERATOR
    assert account["home_account_id"] == f"{claims['oid']}.{org.tenant_id}"  # from client_info
    whoami = api(org, http, result["access_token"], "WhoAmI")
    assert whoami.status_code == 200
    me = systemuser(org, http, result["access_token"], OPERATOR)
    assert whoami.json()["UserId"] == me["systemuserid"] != org.identity.user_id
    assert me["fullname"] == "Olivia Operator" and me["azureactivedirectoryobjectid"] == claims["oid"]


def test_the_sign_in_page_is_plain_escaped_html_with_the_demo_users(org, http):
    query = {"client_id": org.public_client_id, "response_type": "code", "redirect_uri": "http://localhost:1234",
             "scope": f"{org.url}/.default openid", "login_hint": '"><script>alert(1)</script>', "state": "s"}
    page = http.get(f"{org.url}/{org.tenant_id}/oauth2/v2.0/authorize?{urlencode(query)}")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<script>alert(1)" not in page.text and "&lt;script&gt;alert(1)" in page.text
    for text in ('<label for="username">', '<label for="password">', OPERATOR, f"reader@{DOMAIN}", "demo",
                 'value="cancel"'):
        assert text in page.text


def test_device_code_sign_in_completes_when_the_person_approves(org, http, ca):
    org.set_knobs(device_poll_interval=1)
    app = public_app(org, http)
    flow = app.initiate_device_flow(scopes=[f"{org.url}/.default"])
    assert flow["verification_uri"] == f"{org.url}/devicelogin" and flow["user_code"] in flow["message"]
    pending = http.post(f"{org.url}/{org.tenant_id}/oauth2/v2.0/token", data={
        "grant_type": "urn:ietf:params:oauth:grant-type:device_code", "client_id": org.public_client_id,
        "device_code": flow["device_code"]}).json()
    assert pending["error"] == "authorization_pending"
    approver = threading.Thread(target=approve_device_code,
                                args=(org.url, flow["user_code"], f"manager@{DOMAIN}"), kwargs={"verify": ca})
    approver.start()
    result = app.acquire_token_by_device_flow(flow)
    approver.join()
    assert result["id_token_claims"]["preferred_username"] == f"manager@{DOMAIN}"
    assert api(org, http, result["access_token"], "WhoAmI").json()["UserId"] == \
        systemuser(org, http, result["access_token"], f"manager@{DOMAIN}")["systemuserid"]


def test_device_code_declined_and_wrong_code(org, http, ca):
    app = public_app(org, http)
    flow = app.initiate_device_flow(scopes=[f"{org.url}/.default"])
    with pytest.raises(RuntimeError, match="didn't work"):
        approve_device_code(org.url, "NOTACODE1", OPERATOR, verify=ca)
    approve_device_code(org.url, flow["user_code"], OPERATOR, verify=ca, decline=True)
    result = app.acquire_token_by_device_flow(flow)
    assert result["error"] == "authorization_declined"


def test_silent_token_after_expiry_uses_the_refresh_token_once(org, http, ca):
    org.set_knobs(token_ttl=2)
    app, first, _ = sign_in(org, http, ca, OPERATOR)
    [old_refresh] = app.token_cache.search(msal.TokenCache.CredentialType.REFRESH_TOKEN)
    time.sleep(2.1)
    assert api(org, http, first["access_token"], "WhoAmI").status_code == 401
    org.clear_request_log()
    [account] = app.get_accounts()
    again = app.acquire_token_silent([f"{org.url}/.default"], account=account)
    assert again["access_token"] != first["access_token"]
    assert api(org, http, again["access_token"], "WhoAmI").status_code == 200
    assert sum(r.path.endswith("/oauth2/v2.0/token") for r in org.request_log) == 1
    # Rotation: the refresh token used is spent; the answer carried a new one.
    reuse = http.post(f"{org.url}/{org.tenant_id}/oauth2/v2.0/token", data={
        "grant_type": "refresh_token", "client_id": org.public_client_id, "refresh_token": old_refresh["secret"],
        "scope": f"{org.url}/.default offline_access"}).json()
    assert reuse["error"] == "invalid_grant"


def test_revoked_refresh_token_asks_for_a_new_sign_in(org, http, ca):
    app, _, _ = sign_in(org, http, ca, OPERATOR)
    org.set_knobs(refresh_revoked=True)
    [account] = app.get_accounts()
    result = app.acquire_token_silent_with_error([f"{org.url}/.default"], account=account, force_refresh=True)
    assert result["error"] == "invalid_grant" and "AADSTS50173" in result["error_description"]


def test_mfa_user_answers_the_code_page_and_the_policy_then_needs_a_fresh_sign_in(org, http, ca):
    app, result, robot = sign_in(org, http, ca, f"mfa@{DOMAIN}")
    assert result["id_token_claims"]["amr"] == ["pwd", "mfa"] and robot.page_messages == []
    org.set_knobs(mfa_required=True)
    [account] = app.get_accounts()
    refused = app.acquire_token_silent_with_error([f"{org.url}/.default"], account=account, force_refresh=True)
    assert refused["error"] == "interaction_required" and "AADSTS50076" in refused["error_description"]
    # Under the policy, even the operator answers the code page; that sign-in's refresh token then works.
    app, result, _ = sign_in(org, http, ca, OPERATOR)
    assert result["id_token_claims"]["amr"] == ["pwd", "mfa"]
    account = next(a for a in app.get_accounts() if a["username"] == OPERATOR)
    assert "access_token" in app.acquire_token_silent([f"{org.url}/.default"], account=account,
                                                      force_refresh=True)


def test_wrong_one_time_code_keeps_asking(org, http, ca):
    _, result, robot = sign_in(org, http, ca, f"mfa@{DOMAIN}", mfa_code="000000")
    assert result["error"] == "access_denied" and "AADSTS500121" in result["error_description"]
    assert robot.page_messages == ["That code didn't work. Check the code and try again."]


def test_consent_required_is_refused_with_65001(org, http, ca):
    org.set_knobs(consent_required=True)
    _, result, _ = sign_in(org, http, ca, OPERATOR)
    assert result["error"] == "consent_required" and "AADSTS65001" in result["error_description"]


def test_cancel_on_the_page_returns_access_denied(org, http, ca):
    app = public_app(org, http)
    result = app.acquire_token_interactive(scopes=[f"{org.url}/.default"], auth_uri_callback=deny_robot(verify=ca),
                                           timeout=30)
    assert result["error"] == "access_denied" and "AADSTS65004" in result["error_description"]
    assert app.get_accounts() == []


@pytest.mark.parametrize("username, code, page_says", [
    (f"disabled@{DOMAIN}", 50057, "locked"),
    (f"nobody@{DOMAIN}", 50034, "username may be incorrect"),
])
def test_disabled_and_unknown_users_are_refused_with_their_code(org, http, ca, username, code, page_says):
    _, result, robot = sign_in(org, http, ca, username)
    assert result["error"] == "access_denied" and f"AADSTS{code}" in result["error_description"]
    assert page_says in robot.page_messages[0]


def test_reader_reads_but_every_write_is_refused_with_the_privilege_named(org, http, ca):
    _, result, _ = sign_in(org, http, ca, f"reader@{DOMAIN}")
    token = result["access_token"]
    me = api(org, http, token, "WhoAmI").json()["UserId"]
    assert api(org, http, token, "campaigns?$top=1").status_code == 200
    privileges = {p["PrivilegeName"] for p in api(
        org, http, token, f"systemusers({me})/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()").json()[
        "RolePrivileges"]}
    assert "prvReadList" in privileges and "prvReadLead" in privileges
    assert not privileges & {"prvCreateList", "prvAppendList", "prvAppendToList", "prvAppendToCampaign",
                             "prvCreateLead"}
    list_id = api(org, http, token, "lists?$top=1").json()["value"][0]["listid"]
    lead_id = api(org, http, token, "leads?$top=1").json()["value"][0]["leadid"]
    campaign_id = api(org, http, token, "campaigns?$top=1").json()["value"][0]["campaignid"]
    lead_type = "Microsoft.Dynamics.CRM.lead"
    writes = [
        ("prvCreateList", "lists", {"listname": "Nope", "createdfromcode": 4}),
        ("prvCreateLead", "leads", {"lastname": "Nope"}),
        ("prvCreateLead", "leads/Microsoft.Dynamics.CRM.CreateMultiple",
         {"Targets": [{"@odata.type": lead_type, "lastname": "Nope"}]}),
        ("prvWriteList", f"lists({list_id})/Microsoft.Dynamics.CRM.AddMemberList", {"EntityId": lead_id}),
        ("prvWriteList", f"lists({list_id})/Microsoft.Dynamics.CRM.RemoveMemberList", {"EntityId": lead_id}),
        ("prvWriteList", "AddListMembersList",
         {"List": {"listid": list_id}, "Members": [{"@odata.type": lead_type, "leadid": lead_id}]}),
        ("prvAppendToCampaign", f"campaigns({campaign_id})/campaignlist_association/$ref",
         {"@odata.id": f"{org.url}/api/data/v9.2/lists({list_id})"}),
    ]
    for privilege, path, body in writes:
        answer = api(org, http, token, path, "POST", body)
        assert answer.status_code == 403, path
        error = answer.json()["error"]
        assert error["code"] == "0x80040220" and f"is missing {privilege} privilege" in error["message"], path
        assert f"Principal user (Id={me}," in error["message"]


def test_operator_writes_where_the_reader_cannot(org, http, ca):
    _, result, _ = sign_in(org, http, ca, OPERATOR)
    created = api(org, http, result["access_token"], "leads", "POST", {"lastname": "Olivia's lead"})
    assert created.status_code == 204


def test_samples_client_signs_in_by_device_code_only(org, http, ca):
    org.set_knobs(device_poll_interval=1)
    app = public_app(org, http, client_id=SAMPLES_CLIENT_ID)
    flow = app.initiate_device_flow(scopes=[f"{org.url}/.default"])
    approve_device_code(org.url, flow["user_code"], OPERATOR, verify=ca)
    assert app.acquire_token_by_device_flow(flow)["id_token_claims"]["aud"] == SAMPLES_CLIENT_ID
    query = {"client_id": SAMPLES_CLIENT_ID, "response_type": "code", "redirect_uri": "http://localhost:5000",
             "scope": f"{org.url}/.default openid"}
    page = http.get(f"{org.url}/{org.tenant_id}/oauth2/v2.0/authorize?{urlencode(query)}")
    assert page.status_code == 400 and "AADSTS50011" in page.text and "<form" not in page.text


def test_pkce_verifier_and_single_use_codes_are_checked(org, http):
    verifier = "v" * 50
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    redirect = "http://127.0.0.1:9/callback"
    query = {"client_id": org.public_client_id, "response_type": "code", "redirect_uri": redirect, "state": "xyz",
             "scope": f"{org.url}/.default openid offline_access", "code_challenge": challenge,
             "code_challenge_method": "S256"}
    page = http.get(f"{org.url}/{org.tenant_id}/oauth2/v2.0/authorize?{urlencode(query)}")
    flow = page.text.split('name="flow" value="')[1].split('"')[0]
    answer = http.post(f"{org.url}/{org.tenant_id}/login",
                       data={"flow": flow, "username": OPERATOR, "password": "demo", "action": "sign_in"})
    assert answer.status_code == 302 and answer.headers["location"].startswith(redirect + "?")
    params = parse_qs(urlsplit(answer.headers["location"]).query)
    assert params["state"] == ["xyz"]
    token_url = f"{org.url}/{org.tenant_id}/oauth2/v2.0/token"
    form = {"grant_type": "authorization_code", "client_id": org.public_client_id, "code": params["code"][0],
            "redirect_uri": redirect, "code_verifier": "w" * 50}
    wrong = http.post(token_url, data=form).json()
    assert wrong["error"] == "invalid_grant" and "AADSTS501481" in wrong["error_description"]
    again = http.post(token_url, data=dict(form, code_verifier=verifier)).json()
    assert again["error"] == "invalid_grant" and again["error_codes"] == [70008]  # a code is good once


def test_app_certificate_file_is_private_and_signs_the_app_in(org, http, msal_http):
    path = org.certificate_file
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    pem = path.read_text()
    assert "BEGIN CERTIFICATE" in pem and "BEGIN PRIVATE KEY" in pem
    cert_pem = pem[:pem.index("-----BEGIN PRIVATE KEY")]
    key_pem = pem[pem.index("-----BEGIN PRIVATE KEY"):]
    for credential in ({"private_key": key_pem, "thumbprint": org.certificate_thumbprint},  # RS256, x5t
                       {"private_key": key_pem, "public_certificate": cert_pem}):  # PS256, x5t#S256
        app = msal.ConfidentialClientApplication(org.client_id, authority=f"{org.url}/{org.tenant_id}",
                                                 client_credential=credential, instance_discovery=False,
                                                 http_client=msal_http)
        result = app.acquire_token_for_client(scopes=[f"{org.url}/.default"])
        assert api(org, http, result["access_token"], "WhoAmI").json()["UserId"] == org.identity.user_id


def test_certificate_assertions_with_another_key_or_expired_are_refused(org, http, msal_http):
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    app = msal.ConfidentialClientApplication(org.client_id, authority=f"{org.url}/{org.tenant_id}",
                                             client_credential={"private_key": other, "thumbprint": "AB" * 20},
                                             instance_discovery=False, http_client=msal_http)
    refused = app.acquire_token_for_client(scopes=[f"{org.url}/.default"])
    assert refused["error"] == "invalid_client" and "AADSTS700027" in refused["error_description"]
    assert "key was not found" in refused["error_description"].lower()
    # The registered thumbprint but the wrong key: the signature does not verify.
    pem = org.certificate_file.read_text()
    token_url = f"{org.url}/{org.tenant_id}/oauth2/v2.0/token"
    x5t = base64.urlsafe_b64encode(bytes.fromhex(org.certificate_thumbprint)).rstrip(b"=").decode()
    claims = {"aud": token_url, "iss": org.client_id, "sub": org.client_id, "exp": int(time.time()) + 600}
    forged = jwt.encode(claims, other, algorithm="RS256", headers={"x5t": x5t})
    expired = jwt.encode(dict(claims, exp=int(time.time()) - 3600), pem[pem.index("-----BEGIN PRIVATE KEY"):],
                         algorithm="RS256", headers={"x5t": x5t})
    for assertion, code in ((forged, 700027), (expired, 700024)):
        answer = http.post(token_url, data={
            "grant_type": "client_credentials", "client_id": org.client_id, "scope": f"{org.url}/.default",
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion": assertion})
        assert answer.status_code == 401 and answer.json()["error_codes"] == [code]


def test_public_grants_need_no_secret_but_client_credentials_still_do(org, http):
    answer = http.post(f"{org.url}/{org.tenant_id}/oauth2/v2.0/token", data={
        "grant_type": "client_credentials", "client_id": org.public_client_id, "scope": f"{org.url}/.default"})
    assert answer.status_code == 401 and answer.json()["error_codes"] == [7000218]
    samples = http.post(f"{org.url}/{org.tenant_id}/oauth2/v2.0/token", data={
        "grant_type": "client_credentials", "client_id": SAMPLES_CLIENT_ID, "client_secret": org.client_secret,
        "scope": f"{org.url}/.default"})
    assert samples.status_code == 401  # the app's secret is not the samples client's


def test_reset_forgets_sign_ins_and_one_robot_signs_in_again(org, http, ca):
    app, result, robot = sign_in(org, http, ca, OPERATOR)
    org.reset()
    [account] = app.get_accounts()
    assert api(org, http, result["access_token"], "WhoAmI").status_code == 401
    refused = app.acquire_token_silent_with_error([f"{org.url}/.default"], account=account, force_refresh=True)
    assert refused["error"] == "invalid_grant"
    # The built-in demo org keeps one robot per connection: it serves the next sign-in as well.
    again = app.acquire_token_interactive(scopes=[f"{org.url}/.default"], auth_uri_callback=robot, timeout=30)
    assert api(org, http, again["access_token"], "WhoAmI").status_code == 200 and robot.wait() == "delivered"
    assert json.loads(base64.urlsafe_b64decode(result["client_info"] + "==")) == {
        "uid": result["id_token_claims"]["oid"], "utid": org.tenant_id}


def test_device_code_expires_and_mfa_users_answer_the_code_page_there_too(org, http, ca):
    org.set_knobs(device_code_ttl=1)
    token_url = f"{org.url}/{org.tenant_id}/oauth2/v2.0/token"
    started = http.post(f"{org.url}/{org.tenant_id}/oauth2/v2.0/devicecode",
                        data={"client_id": org.public_client_id, "scope": f"{org.url}/.default"}).json()
    assert started["expires_in"] == 1
    time.sleep(1.1)
    with pytest.raises(RuntimeError, match="didn't work"):
        approve_device_code(org.url, started["user_code"], OPERATOR, verify=ca)
    expired = http.post(token_url, data={"grant_type": "urn:ietf:params:oauth:grant-type:device_code",
                                         "client_id": org.public_client_id,
                                         "device_code": started["device_code"]}).json()
    assert expired["error"] == "expired_token"
    org.set_knobs(device_code_ttl=900, device_poll_interval=1)
    app = public_app(org, http)
    flow = app.initiate_device_flow(scopes=[f"{org.url}/.default"])
    approve_device_code(org.url, flow["user_code"], f"mfa@{DOMAIN}", verify=ca)
    assert app.acquire_token_by_device_flow(flow)["id_token_claims"]["amr"] == ["pwd", "mfa"]


def test_sign_in_form_bodies_are_capped(org, http):
    answer = http.post(f"{org.url}/{org.tenant_id}/login", data={"flow": "x", "username": "a" * 100_000})
    assert answer.status_code == 413
