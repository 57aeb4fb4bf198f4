"""The doctor checks a person's sign-in as it checks an application user: silently, then their privileges."""

import pytest

from campsync_gui.dynamics import token_cache
from campsync_gui.dynamics.doctor import run_doctor
from campsync_gui.dynamics.signin import UserSignIn
from campsync_gui.dynamics.tls import connection_trust
from campsync_gui.dynamics.token_cache import open_token_cache
from campsync_gui.sandbox import client_ssl_context
from campsync_gui.sandbox.signin_robot import sign_in_robot

from support import connection_for

DOMAIN = "campsyncsandbox.onmicrosoft.com"


@pytest.fixture(autouse=True)
def fresh_process():
    token_cache.forget_memory_caches()
    yield
    token_cache.forget_memory_caches()


def user_conn(org, home):
    conn = connection_for(org, client_secret=None, secret_source=None)
    conn.token_cache = open_token_cache(home, allow_plaintext=True)
    return conn


async def sign_in(org, conn, username):
    signin = UserSignIn(client_id=conn.client_id, tenant_id=conn.tenant_id, authority_host=conn.authority_host,
                        resource=conn.org_url, trust=connection_trust(conn), cache=conn.token_cache,
                        browser=sign_in_robot(username, verify=client_ssl_context(org.ca_file)))
    try:
        await signin.sign_in_browser()
    finally:
        signin.close()


def by_key(report):
    return {r.key: r for r in report.results}


async def test_signed_in_operator_passes_with_their_name(org, tmp_path):
    conn = user_conn(org, tmp_path)
    await sign_in(org, conn, f"operator@{DOMAIN}")
    report = await run_doctor(conn)
    checks = by_key(report)
    assert checks["token"].status == "ok", report.to_text()
    assert f"signed in as operator@{DOMAIN} (browser sign-in)" in checks["token"].detail
    assert "a person signs in with their own account" in checks["config"].detail
    assert checks["privileges"].status == "ok", report.to_text()


async def test_reader_lacks_the_list_privileges(org, tmp_path):
    conn = user_conn(org, tmp_path)
    await sign_in(org, conn, f"reader@{DOMAIN}")
    report = await run_doctor(conn)
    checks = by_key(report)
    assert checks["token"].status == "ok" and f"reader@{DOMAIN}" in checks["token"].detail
    assert checks["privileges"].status == "fail", report.to_text()
    assert "prvCreateList" in checks["privileges"].detail + checks["privileges"].fix


async def test_not_signed_in_fails_the_token_step_and_says_how_to_sign_in(org, tmp_path):
    conn = user_conn(org, tmp_path)
    conn.auto_sign_in = True  # even a connection that signs in by itself: the doctor never opens a page
    report = await run_doctor(conn)
    checks = by_key(report)
    assert checks["token"].status == "fail"
    assert "not signed in" in checks["token"].detail and "campsync login" in checks["token"].detail
    assert "--device-code" in checks["token"].fix
    assert checks["whoami"].status == "skip" and checks["privileges"].status == "skip"


async def test_certificate_connection(org):
    conn = connection_for(org, client_secret=None, certificate_file=str(org.certificate_file))
    report = await run_doctor(conn)
    checks = by_key(report)
    assert checks["token"].status == "ok" and "certificate token (thumbprint" in checks["token"].detail
    assert f"certificate {org.certificate_file}" in checks["config"].detail
