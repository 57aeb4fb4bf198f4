"""`campsync login / whoami / logout` as an operator uses them: a public client id, no secret anywhere, each command
its own process, the sandbox's device-login page approved as a person would on their phone."""

import json
import os
import re
import subprocess
import sys
import time

import pytest

from campsync_gui.sandbox.signin_robot import approve_device_code
from support import run_cli

OPERATOR = "operator@campsyncsandbox.onmicrosoft.com"


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


def public_env(org, **extra):
    """What an operator's shell has: the org, the tenant, the authority, the CA and a client id; no secret."""
    env = {k: v for k, v in org.env().items() if k != "CAMPSYNC_CLIENT_SECRET"}
    return {**env, **extra}


def device_login(org, home, env, username=OPERATOR, args=()):
    """Run `campsync login --device-code`, approve the printed code on the sandbox's page; (exit code, out, err)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    full_env.update({"CAMPSYNC_HOME": str(home), **env})
    process = subprocess.Popen([sys.executable, "-m", "campsync_gui", "login", "--device-code", *args],
                               env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = ""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = (process.stderr if "--json" in args else process.stdout).readline()
        first += line
        if "code" in line.lower() or not line:
            break
    match = re.search(r"enter the code ([A-Z0-9-]+)", first)
    assert match, first + process.stderr.read()
    approve_device_code(org.url, match.group(1), username, verify=env["CAMPSYNC_CA_BUNDLE"])
    out, err = process.communicate(timeout=60)
    return process.returncode, first + out, err


def test_signin_device_code_then_every_command_works_from_the_persisted_cache(org, home):
    org.knobs.token_ttl = 2  # access tokens expire between commands: the refresh token must be used
    env = public_env(org, CAMPSYNC_ALLOW_PLAINTEXT_TOKEN_CACHE="1")
    code, out, err = device_login(org, home, env)
    assert code == 0, out + err
    assert f"{org.url}/devicelogin" in out and "Signed in as " + OPERATOR in out
    time.sleep(2.5)
    campaigns = run_cli(["campaigns", "--json"], home, env)
    assert campaigns.returncode == 0, campaigns.stderr
    assert len(json.loads(campaigns.stdout)) == 9

    who = run_cli(["whoami", "--json"], home, env)
    assert who.returncode == 0, who.stderr
    assert json.loads(who.stdout) == {"username": OPERATOR, "tenant_id": env["CAMPSYNC_TENANT_ID"],
                                      "org_url": env["CAMPSYNC_ORG_URL"], "method": "device_code",
                                      "profile": "environment"}
    cache = home / "token_cache.json"
    assert cache.stat().st_mode & 0o777 == 0o600

    out = run_cli(["logout"], home, env)
    assert out.returncode == 0 and "Signed out" in out.stdout
    after = run_cli(["campaigns", "--json"], home, env)
    assert after.returncode == 2
    error = json.loads(after.stderr.strip().splitlines()[-1])["error"]
    assert error["code"] == "not_signed_in" and "campsync login" in error["message"]
    assert "demo org" not in after.stderr


def test_signin_flow_actions_are_recorded_in_the_operators_name(org, home):
    env = public_env(org, CAMPSYNC_ALLOW_PLAINTEXT_TOKEN_CACHE="1")
    assert device_login(org, home, env)[0] == 0
    assert run_cli(["people", "pull"], home, env).returncode == 0
    email = next(row["emailaddress1"] for row in org.state.leads.values() if row.get("emailaddress1"))
    added = run_cli(["add", "--campaign", "Spring Webinar Series 2026", "--person", email, "--json"], home, env)
    assert added.returncode == 0, added.stderr
    events = json.loads(run_cli(["log", "--json"], home, env).stdout)
    assert events and events[0]["actor"] == OPERATOR


def test_without_signin_a_public_client_never_uses_the_demo_org_or_an_app_token(org, home):
    env = public_env(org)
    result = run_cli(["campaigns"], home, env)
    assert result.returncode == 2
    assert "campsync login" in result.stderr and "--device-code" in result.stderr
    assert "demo org" not in result.stderr and "Traceback" not in result.stderr
    who = run_cli(["whoami", "--json"], home, env)
    assert who.returncode == 2 and "campsync login" in who.stderr


def test_signin_tokens_stay_in_memory_unless_a_plain_file_is_allowed(org, home):
    env = public_env(org)
    code, out, err = device_login(org, home, env)
    assert code == 0, out + err
    assert "memory" in err  # said plainly: nothing can encrypt the cache here, and no plain file was allowed
    assert not (home / "token_cache.json").exists()
    again = run_cli(["campaigns"], home, env)
    assert again.returncode == 2 and "campsync login" in again.stderr


def test_signin_with_a_secret_connection_says_there_is_nobody_to_sign_in(org, home):
    result = run_cli(["login"], home, org.env())
    assert result.returncode == 2 and "application" in result.stderr
    who = json.loads(run_cli(["whoami", "--json"], home, org.env()).stdout)
    assert who["method"] == "secret" and who["username"].endswith("(application)")
