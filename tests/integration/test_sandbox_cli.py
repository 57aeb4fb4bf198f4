"""`campsync sandbox` in a subprocess: the lines it prints work, Ctrl+C stops it, a busy port is one clear line."""

import os
import signal
import socket
import subprocess
import sys

import httpx
import msal
import pytest

from campsync_gui.sandbox import client_ssl_context

KEYS = ["CAMPSYNC_ORG_URL", "CAMPSYNC_TENANT_ID", "CAMPSYNC_CLIENT_ID", "CAMPSYNC_CLIENT_SECRET",
        "CAMPSYNC_AUTHORITY_HOST", "CAMPSYNC_CA_BUNDLE"]


def sandbox(tmp_path, *args, **kwargs):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    env["CAMPSYNC_HOME"] = str(tmp_path / "home")
    return subprocess.Popen([sys.executable, "-m", "campsync_gui.sandbox", *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def test_prints_settings_that_work_and_stops_on_ctrl_c(tmp_path):
    env_file = tmp_path / "sandbox.env"
    proc = sandbox(tmp_path, "--port", "0", "--page-size", "7", "--env-file", str(env_file))
    try:
        lines = [proc.stdout.readline().rstrip("\n") for _ in KEYS]
        settings = dict(line.split("=", 1) for line in lines)
        assert list(settings) == KEYS
        assert env_file.read_text().splitlines() == lines
        assert oct(env_file.stat().st_mode & 0o777) == "0o600", "the env file holds a secret"
        assert settings["CAMPSYNC_CA_BUNDLE"].startswith(str(tmp_path / "home"))

        url = settings["CAMPSYNC_ORG_URL"]
        with httpx.Client(verify=client_ssl_context(settings["CAMPSYNC_CA_BUNDLE"]), trust_env=False) as http:
            app = msal.ConfidentialClientApplication(
                settings["CAMPSYNC_CLIENT_ID"], client_credential=settings["CAMPSYNC_CLIENT_SECRET"],
                authority=f"{settings['CAMPSYNC_AUTHORITY_HOST']}/{settings['CAMPSYNC_TENANT_ID']}",
                instance_discovery=False, http_client=http)
            token = app.acquire_token_for_client(scopes=[f"{url}/.default"])["access_token"]
            page = http.get(f"{url}/api/data/v9.2/leads", headers={
                "Authorization": f"Bearer {token}", "OData-MaxVersion": "4.0", "OData-Version": "4.0"}).json()
        assert len(page["value"]) == 7, "flags become knobs"

        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=15)
    finally:
        proc.kill()
    assert proc.returncode == 0
    assert out == "", "nothing but the settings on stdout"
    assert "Sandbox org running at" in err and "Traceback" not in err


def test_a_busy_port_is_one_clear_line_and_exit_code_2(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = sandbox(tmp_path, "--port", str(port))
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 2 and out == ""
    assert err.strip().splitlines() == [err.strip()] and f"port {port}" in err and "in use" in err


@pytest.mark.parametrize(("flag", "value", "reason"), [
    ("--throttle", "abc", "N/SECONDS"),
    ("--fail-rate", "1.5", "between 0 and 1"),
    ("--solution-version", "latest", "'none'"),
])
def test_bad_flag_values_are_explained(tmp_path, flag, value, reason):
    proc = sandbox(tmp_path, flag, value)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 2 and reason in err and flag in err


def test_commands_other_than_sandbox_do_not_load_the_sandbox_server():
    """Every `campsync` command builds a parser that knows `sandbox`'s options; the server's libraries (Starlette,
    uvicorn, trustme: a tenth of a second) load only when a sandbox is started."""
    code = ("import sys\nfrom campsync_gui.cli.main import build_parser\nbuild_parser().parse_args(['queue'])\n"
            "print(sorted({k.split('.')[0] for k in sys.modules} & {'starlette', 'uvicorn', 'trustme'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
