"""`campsync sandbox` takes a chosen client secret from a file or the environment, never needing it on the command
line, where every local user can read it (issue 13, finding 9)."""

import os
import signal
import subprocess
import sys

import httpx
import pytest

from campsync_gui.sandbox import client_ssl_context

KEYS = ["CAMPSYNC_ORG_URL", "CAMPSYNC_TENANT_ID", "CAMPSYNC_CLIENT_ID", "CAMPSYNC_CLIENT_SECRET",
        "CAMPSYNC_AUTHORITY_HOST", "CAMPSYNC_CA_BUNDLE"]
SECRET = "Xy78Q~chosen-sandbox-secret-0123456789abc"


def start(tmp_path, *args, env=None):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    full_env.update({"CAMPSYNC_HOME": str(tmp_path / "home"), **(env or {})})
    return subprocess.Popen([sys.executable, "-m", "campsync_gui", "sandbox", "--port", "0", *args], env=full_env,
                            text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def settings_of(proc):
    return dict(proc.stdout.readline().rstrip("\n").split("=", 1) for _ in KEYS)


def stop(proc):
    proc.send_signal(signal.SIGINT)
    try:
        return proc.communicate(timeout=15)
    finally:
        proc.kill()


def signs_in_with(settings, secret):
    with httpx.Client(verify=client_ssl_context(settings["CAMPSYNC_CA_BUNDLE"]), trust_env=False) as http:
        answer = http.post(f"{settings['CAMPSYNC_AUTHORITY_HOST']}/{settings['CAMPSYNC_TENANT_ID']}/oauth2/v2.0/token",
                           data={"grant_type": "client_credentials", "client_id": settings["CAMPSYNC_CLIENT_ID"],
                                 "client_secret": secret, "scope": f"{settings['CAMPSYNC_ORG_URL']}/.default"})
    return answer.status_code == 200


def command_line(proc):
    with open(f"/proc/{proc.pid}/cmdline", "rb") as handle:
        return handle.read().replace(b"\0", b" ").decode()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/<pid>/cmdline")
def test_a_secret_from_a_file_is_used_and_not_in_the_process_list(tmp_path):
    secret_file = tmp_path / "sandbox-secret"
    secret_file.write_text(SECRET + "\n")
    secret_file.chmod(0o600)
    proc = start(tmp_path, "--client-secret-file", str(secret_file))
    try:
        settings = settings_of(proc)
        assert SECRET not in command_line(proc), "other local users can read the command line"
        assert settings["CAMPSYNC_CLIENT_SECRET"] == SECRET
        assert signs_in_with(settings, SECRET)
    finally:
        _out, err = stop(proc)
    assert "warning" not in err and SECRET not in err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/<pid>/cmdline")
def test_a_secret_from_the_environment_is_used_and_not_in_the_process_list(tmp_path):
    proc = start(tmp_path, env={"CAMPSYNC_SANDBOX_CLIENT_SECRET": SECRET})
    try:
        settings = settings_of(proc)
        assert SECRET not in command_line(proc)
        assert settings["CAMPSYNC_CLIENT_SECRET"] == SECRET and signs_in_with(settings, SECRET)
    finally:
        stop(proc)


def test_a_secret_on_the_command_line_still_works_with_a_warning(tmp_path):
    proc = start(tmp_path, "--client-secret", SECRET)
    try:
        settings = settings_of(proc)
        assert settings["CAMPSYNC_CLIENT_SECRET"] == SECRET and signs_in_with(settings, SECRET)
    finally:
        _out, err = stop(proc)
    assert ("campsync sandbox: warning: --client-secret is visible to other local users in the process list; use "
            "--client-secret-file PATH or CAMPSYNC_SANDBOX_CLIENT_SECRET instead.") in err


@pytest.mark.parametrize("content", [None, "", "two\nlines"], ids=["missing", "empty", "two-lines"])
def test_an_unusable_secret_file_is_one_clear_line_and_exit_code_2(tmp_path, content):
    secret_file = tmp_path / "secret"
    if content is not None:
        secret_file.write_text(content)
    proc = start(tmp_path, "--client-secret-file", str(secret_file))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and out == ""
    expected = (f"campsync sandbox: cannot read the client secret file {secret_file}: No such file or directory"
                if content is None else
                f"campsync sandbox: {secret_file} does not hold a client secret: give a file with the secret on one "
                "line")
    assert err.strip() == expected
