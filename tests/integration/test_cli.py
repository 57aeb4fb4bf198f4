"""`campsync` as an admin uses it, in a subprocess, against the sandbox org."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from support import run_cli


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


def test_campaigns_json_lists_every_campaign_with_its_state(org, home):
    result = run_cli(["campaigns", "--json"], home, org.env())
    assert result.returncode == 0, result.stderr
    campaigns = json.loads(result.stdout)
    assert {c["id"] for c in campaigns} == {cid for cid, row in org.state.campaigns.items() if not row["istemplate"]}
    assert all({"id", "name", "active"} <= set(c) for c in campaigns)
    assert sorted(c["active"] for c in campaigns).count(False) == 2


def test_campaigns_table_for_people(org, home):
    result = run_cli(["campaigns"], home, org.env())
    assert result.returncode == 0
    assert "inactive" in result.stdout and "NAME" in result.stdout.splitlines()[0]


def test_doctor_passes_then_fails_when_sync_is_disabled(org, home):
    env = org.env()
    ok = run_cli(["doctor"], home, env)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "All checks passed." in ok.stdout
    assert run_cli(["sync", "disable"], home, env).returncode == 0
    status = json.loads(run_cli(["sync", "status", "--json"], home, env).stdout)
    assert status["campaign_sync_enabled"] is False
    broken = run_cli(["doctor", "--json"], home, env)
    assert broken.returncode == 1
    report = json.loads(broken.stdout)
    sync = next(c for c in report["checks"] if c["key"] == "sync")
    assert sync["status"] == "fail" and "disabled" in sync["detail"]
    for output in (ok.stdout, ok.stderr, broken.stdout, broken.stderr):
        assert env["CAMPSYNC_CLIENT_SECRET"] not in output


def test_wrong_secret_is_one_clear_line_not_a_traceback(org, home):
    env = {**org.env(), "CAMPSYNC_CLIENT_SECRET": "typo-secret"}
    result = run_cli(["campaigns"], home, env)
    assert result.returncode == 1
    assert "client secret is wrong" in result.stderr and "Traceback" not in result.stderr
    assert "typo-secret" not in result.stderr + result.stdout


def test_a_connection_configured_but_incomplete_says_what_is_missing(home):
    # (With nothing configured at all, the built-in demo org is used: test_cli_demo_org.py.)
    result = run_cli(["campaigns"], home, {"CAMPSYNC_TENANT_ID": "contoso-tenant"})
    assert result.returncode == 2
    assert "CAMPSYNC_ORG_URL" in result.stderr and "campsync profile add" in result.stderr
    assert "CAMPSYNC_TENANT_ID" not in result.stderr and "demo org" not in result.stderr


def test_profile_without_keyring_still_works_with_the_secret_in_the_environment(org, home):
    env = org.env()
    added = run_cli(["profile", "add", "sbx", "--org-url", env["CAMPSYNC_ORG_URL"],
                     "--tenant-id", env["CAMPSYNC_TENANT_ID"], "--client-id", env["CAMPSYNC_CLIENT_ID"],
                     "--authority-host", env["CAMPSYNC_AUTHORITY_HOST"], "--ca-bundle", env["CAMPSYNC_CA_BUNDLE"],
                     "--environment", "sandbox", "--secret-stdin"], home, stdin=env["CAMPSYNC_CLIENT_SECRET"] + "\n")
    assert added.returncode == 0
    assert "No system keyring" in added.stdout and "CAMPSYNC_CLIENT_SECRET" in added.stdout
    listed = json.loads(run_cli(["profile", "list", "--json"], home).stdout)
    assert listed[0]["name"] == "sbx" and listed[0]["default"] and not listed[0]["secret_stored"]
    db = (home / "campsync.db").read_bytes()
    assert env["CAMPSYNC_CLIENT_SECRET"].encode() not in db
    result = run_cli(["campaigns", "--json"], home, {"CAMPSYNC_CLIENT_SECRET": env["CAMPSYNC_CLIENT_SECRET"]})
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 9

    # Removing the profile forgets its settings too: a new "sbx" does not inherit "sync disabled".
    secret_env = {"CAMPSYNC_CLIENT_SECRET": env["CAMPSYNC_CLIENT_SECRET"]}
    assert run_cli(["sync", "disable"], home, secret_env).returncode == 0
    assert run_cli(["profile", "remove", "sbx"], home).returncode == 0
    assert run_cli(["profile", "add", "sbx", "--org-url", env["CAMPSYNC_ORG_URL"],
                    "--tenant-id", env["CAMPSYNC_TENANT_ID"], "--client-id", env["CAMPSYNC_CLIENT_ID"],
                    "--authority-host", env["CAMPSYNC_AUTHORITY_HOST"], "--ca-bundle", env["CAMPSYNC_CA_BUNDLE"]],
                   home).returncode == 0
    status = run_cli(["sync", "status"], home, secret_env)
    assert "enabled" in status.stdout.lower() and "disabled" not in status.stdout.lower(), status.stdout


def test_sandbox_command_prints_variables_that_other_commands_use(tmp_path):
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    env["CAMPSYNC_HOME"] = str(home)
    proc = subprocess.Popen([sys.executable, "-m", "campsync_gui", "sandbox", "--port", "0"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        printed = {}
        deadline = time.monotonic() + 60
        while len(printed) < 6 and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            key, _, value = line.strip().partition("=")
            printed[key] = value
        assert set(printed) == {"CAMPSYNC_ORG_URL", "CAMPSYNC_TENANT_ID", "CAMPSYNC_CLIENT_ID",
                                "CAMPSYNC_CLIENT_SECRET", "CAMPSYNC_AUTHORITY_HOST", "CAMPSYNC_CA_BUNDLE"}
        assert printed["CAMPSYNC_ORG_URL"].startswith("https://127.0.0.1:")
        result = run_cli(["campaigns", "--json"], tmp_path / "other-home", printed)
        assert result.returncode == 0, result.stderr
        assert len(json.loads(result.stdout)) == 9
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    assert proc.returncode == 0
