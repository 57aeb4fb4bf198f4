"""A person signs in with their own account through msal's public client, against the sandbox's sign-in page,
device-code page and token endpoint; then tokens come silently, across restarts, until a sign-in is needed again."""

import asyncio
import stat
import threading
import time
from dataclasses import dataclass, field

import pytest

from campsync_gui.dynamics import token_cache
from campsync_gui.dynamics.auth import CertificateCredential, MsalConfidentialProvider
from campsync_gui.dynamics.certificates import load_certificate
from campsync_gui.dynamics.connect import open_client
from campsync_gui.dynamics.errors import AuthError, SignInCancelled, SignInRequired
from campsync_gui.dynamics.signin import UserSignIn
from campsync_gui.dynamics.tls import connection_trust
from campsync_gui.dynamics.token_cache import open_token_cache
from campsync_gui.sandbox import client_ssl_context
from campsync_gui.sandbox.signin_robot import approve_device_code, deny_robot, sign_in_robot

from support import FAST_RETRY, connection_for

DOMAIN = "campsyncsandbox.onmicrosoft.com"
OPERATOR, READER, MFA = f"operator@{DOMAIN}", f"reader@{DOMAIN}", f"mfa@{DOMAIN}"


@pytest.fixture(autouse=True)
def fresh_process():
    token_cache.forget_memory_caches()
    yield
    token_cache.forget_memory_caches()


def robot(org, username=OPERATOR, **kw):
    return sign_in_robot(username, verify=client_ssl_context(org.ca_file), **kw)


def plain_cache(home):
    return open_token_cache(home, allow_plaintext=True)


def signin_for(org, cache, browser=None, **kw):
    env = org.env()
    return UserSignIn(client_id=env["CAMPSYNC_CLIENT_ID"], tenant_id=env["CAMPSYNC_TENANT_ID"],
                      authority_host=env["CAMPSYNC_AUTHORITY_HOST"], resource=env["CAMPSYNC_ORG_URL"],
                      trust=connection_trust(connection_for(org)), cache=cache, browser=browser, **kw)


async def approved_on_the_page(org, signin, code, username):
    """Wait for the device-code sign-in while `username` approves the code on the sandbox's page, as on a phone."""
    approver = threading.Thread(target=approve_device_code, args=(org.url, code.user_code, username),
                                kwargs={"verify": client_ssl_context(org.ca_file)})
    approver.start()
    try:
        return await asyncio.wait_for(signin.finish_device_code(code), timeout=30)
    finally:
        approver.join(10)


async def signed_in(org, home, username=OPERATOR):
    signin = signin_for(org, plain_cache(home), robot(org, username))
    await signin.sign_in_browser()
    return signin


async def test_browser_sign_in_then_a_restart_signs_in_silently(org, tmp_path):
    signin = signin_for(org, plain_cache(tmp_path), robot(org))
    assert signin.account() is None
    user = await signin.sign_in_browser()
    assert user.username == OPERATOR and user.name == "Olivia Operator" and user.object_id
    assert signin.account() == user and signin.last_method == "browser"
    assert await signin.get_token()
    signin.close()
    cache_file = tmp_path / "token_cache.json"
    assert stat.S_IMODE(cache_file.stat().st_mode) == 0o600

    token_cache.forget_memory_caches()  # a new process: only the file remains
    again = signin_for(org, plain_cache(tmp_path), browser=None)
    assert again.account().username == OPERATOR and again.last_method == "browser"
    assert await again.get_token()  # no browser given, none on this machine: silent or nothing
    again.close()


async def test_expired_access_token_is_refreshed_silently(org, tmp_path):
    signin = await signed_in(org, tmp_path)
    org.set_knobs(token_ttl=1)
    first = await signin.get_token(force_refresh=True)
    await asyncio.sleep(1.2)
    second = await signin.get_token()
    assert second and second != first


async def test_a_revoked_refresh_token_asks_to_sign_in_again(org, tmp_path):
    signin = await signed_in(org, tmp_path)
    org.set_knobs(refresh_revoked=True)
    with pytest.raises(SignInRequired) as caught:
        await signin.get_token(force_refresh=True)
    assert "sign in again" in caught.value.message and "campsync login" in caught.value.message


async def test_mfa_user_signs_in_with_the_second_step_and_a_refresh_under_an_mfa_policy_asks_again(org, tmp_path):
    signin = await signed_in(org, tmp_path, MFA)
    assert signin.account().username == MFA
    org.set_knobs(mfa_required=True)
    with pytest.raises(SignInRequired) as caught:
        await signin.get_token(force_refresh=True)
    assert "multi-factor" in caught.value.message and caught.value.aadsts == 50076


async def test_cancel_while_the_sign_in_page_is_open_ends_at_once(org, tmp_path):
    signin = signin_for(org, plain_cache(tmp_path), browser=lambda uri: None)  # a person who never finishes
    cancel = asyncio.Event()
    task = asyncio.ensure_future(signin.sign_in_browser(cancel=cancel))
    await asyncio.sleep(0.5)
    started = time.monotonic()
    cancel.set()
    with pytest.raises(SignInCancelled, match="cancelled"):
        await task
    assert time.monotonic() - started < 1.0
    # Nothing is left waiting: a sign-in right after works.
    signin.browser = robot(org)
    assert (await signin.sign_in_browser()).username == OPERATOR


async def test_cancel_on_the_sign_in_page(org, tmp_path):
    signin = signin_for(org, plain_cache(tmp_path), deny_robot(verify=client_ssl_context(org.ca_file)))
    with pytest.raises(SignInCancelled):
        await signin.sign_in_browser()
    assert signin.account() is None


async def test_device_code_approved_on_another_device(org, tmp_path):
    signin = signin_for(org, plain_cache(tmp_path))
    code = await signin.start_device_code()
    assert code.user_code in code.message and code.verification_uri == f"{org.url}/devicelogin"
    assert code.expires_at > time.time()
    user = await approved_on_the_page(org, signin, code, READER)
    assert user.username == READER and signin.last_method == "device_code"
    assert await signin.get_token()


async def test_cancel_while_waiting_for_the_device_code(org, tmp_path):
    signin = signin_for(org, plain_cache(tmp_path))
    code = await signin.start_device_code()
    cancel = asyncio.Event()
    task = asyncio.ensure_future(signin.finish_device_code(code, cancel=cancel))
    await asyncio.sleep(0.3)
    started = time.monotonic()
    cancel.set()
    with pytest.raises(SignInCancelled):
        await task
    assert time.monotonic() - started < 1.0


async def test_sign_out_forgets_the_account(org, tmp_path):
    signin = await signed_in(org, tmp_path)
    assert signin.sign_out() == 1
    assert signin.account() is None and signin.last_method is None
    with pytest.raises(SignInRequired, match="campsync login"):
        await signin.get_token()
    token_cache.forget_memory_caches()
    assert signin_for(org, plain_cache(tmp_path)).account() is None  # gone from the file too


async def test_a_connection_that_signs_in_when_needed(org, tmp_path):
    signin = signin_for(org, plain_cache(tmp_path), robot(org), sign_in_when_needed=True)
    assert await signin.get_token()
    assert signin.account().username == OPERATOR


async def test_a_disabled_account_is_told_so(org, tmp_path):
    signin = signin_for(org, plain_cache(tmp_path), robot(org, f"disabled@{DOMAIN}"))
    with pytest.raises(AuthError, match="disabled"):
        await signin.sign_in_browser()


async def test_certificate_credential_gets_a_token(org):
    cert_pem, key_pem, thumbprint = load_certificate(org.certificate_file)
    env = org.env()
    credential = CertificateCredential(env["CAMPSYNC_TENANT_ID"], env["CAMPSYNC_CLIENT_ID"], cert_pem, key_pem,
                                       env["CAMPSYNC_AUTHORITY_HOST"], thumbprint=thumbprint)
    assert key_pem not in repr(credential)
    provider = MsalConfidentialProvider(credential, env["CAMPSYNC_ORG_URL"], connection_trust(connection_for(org)))
    try:
        assert await provider.get_token()
        assert thumbprint in provider.describe()
    finally:
        provider.close()


async def test_open_client_with_a_certificate_connection(org):
    conn = connection_for(org, client_secret=None, certificate_file=str(org.certificate_file))
    client = open_client(conn, retry=FAST_RETRY, timeout=10)
    try:
        assert (await client.whoami())["UserId"]
    finally:
        await client.aclose()


@dataclass
class UserConnection:
    """A connection as the core hands it over, for a person signing in (the fields open_client reads)."""

    org_url: str
    tenant_id: str
    client_id: str
    authority_host: str
    ca_bundle: str
    token_cache: object
    browser: object = None
    auto_sign_in: bool = False
    client_secret: str | None = None
    auth_method: str = "user"
    name: str = field(default="user-test")


def user_connection(org, cache, **kw):
    env = org.env()
    return UserConnection(env["CAMPSYNC_ORG_URL"], env["CAMPSYNC_TENANT_ID"], env["CAMPSYNC_CLIENT_ID"],
                          env["CAMPSYNC_AUTHORITY_HOST"], env["CAMPSYNC_CA_BUNDLE"], cache, **kw)


async def test_open_client_on_a_user_connection_acts_as_that_person(org, tmp_path, client):
    app_user = (await client.whoami())["UserId"]
    await signed_in(org, tmp_path)
    person = open_client(user_connection(org, plain_cache(tmp_path)), retry=FAST_RETRY, timeout=10)
    try:
        assert (await person.whoami())["UserId"] not in ("", None, app_user)
    finally:
        await person.aclose()


async def test_open_client_on_a_user_connection_without_sign_in_says_to_sign_in(org, tmp_path):
    person = open_client(user_connection(org, plain_cache(tmp_path)), retry=FAST_RETRY, timeout=10)
    try:
        with pytest.raises(SignInRequired, match="campsync login"):
            await person.whoami()
    finally:
        await person.aclose()


async def test_missing_consent_is_explained(org, tmp_path):
    signin = await signed_in(org, tmp_path)
    org.set_knobs(consent_required=True)
    with pytest.raises(SignInRequired) as caught:
        await signin.get_token(force_refresh=True)
    assert "consent" in caught.value.message and caught.value.aadsts == 65001


async def test_the_dataverse_samples_client_id_signs_in_with_a_device_code(org, tmp_path):
    env = org.env()
    signin = UserSignIn(client_id="51f81489-12ee-4a9e-aaae-a2591f45987d", tenant_id=env["CAMPSYNC_TENANT_ID"],
                        authority_host=env["CAMPSYNC_AUTHORITY_HOST"], resource=env["CAMPSYNC_ORG_URL"],
                        trust=connection_trust(connection_for(org)), cache=plain_cache(tmp_path))
    code = await signin.start_device_code()
    user = await approved_on_the_page(org, signin, code, OPERATOR)
    assert user.username == OPERATOR and await signin.get_token()


async def test_a_cancelled_task_stops_listening_for_the_answer(org, tmp_path):
    """Ctrl+C, or the window closing, cancels the task: nothing keeps waiting on the loopback port afterwards
    (a process would otherwise hang at exit for as long as a sign-in may take)."""
    import socket
    from urllib.parse import parse_qs, urlsplit

    pages = []
    signin = signin_for(org, plain_cache(tmp_path), browser=pages.append)
    task = asyncio.ensure_future(signin.sign_in_browser())
    await asyncio.sleep(0.5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    port = urlsplit(parse_qs(urlsplit(pages[0]).query)["redirect_uri"][0]).port
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                break
        await asyncio.sleep(0.1)
    else:
        pytest.fail(f"still listening on {port}")


async def test_a_sign_in_page_never_answered_ends_with_a_clear_message_at_its_time_limit(org, tmp_path):
    signin = signin_for(org, plain_cache(tmp_path), browser=lambda _uri: None)  # the person never finishes
    signin.SIGN_IN_WAIT = 1.0
    started = time.monotonic()
    with pytest.raises(AuthError) as caught:
        await signin.sign_in_browser()
    assert time.monotonic() - started < 10
    assert "in time" in caught.value.message and not isinstance(caught.value, SignInCancelled)
    assert signin.account() is None
    signin.close()
