"""Team mode: one keyed trigger log for the team. The first node to write makes the key; a node without it (or with
another key) is refused before it writes, in one sentence that says how to import the team's key; once imported,
its events join the same chain, and `verify-log` passes from any node holding the key and finds a changed event."""

import json
import secrets

import psycopg

from campsync_gui.core import log_key
from campsync_gui.core.store import upgrade_store
from campsync_gui.core.triggers import ADDED
from support import run_cli
from test_cli_flow import campaign_named

URL_ENV = "CAMPSYNC_DATABASE_URL"


def test_team_trigger_log_is_keyed_with_one_team_key_and_checked_from_any_node(pg_url, org, tmp_path):
    upgrade_store(pg_url)
    env = {**org.env(), URL_ENV: pg_url}

    def cli(node: str, *args: str):
        return run_cli(list(args), tmp_path / node, env)

    assert cli("admin", "people", "pull").returncode == 0
    campaign = campaign_named(org)["campaignid"]
    leads = lead_emails(org)

    first = cli("ann", "add", "--campaign", campaign, "--person", leads[0], "--json")
    assert first.returncode == 0, first.stderr
    refused = cli("bob", "add", "--campaign", campaign, "--person", leads[1], "--json")
    assert refused.returncode == 2
    error = json.loads(refused.stderr.strip().splitlines()[-1])["error"]["message"]
    assert "this node does not have the key" in error and "campsync log-key --import FILE" in error
    assert "Traceback" not in refused.stderr

    key_file = tmp_path / "team.key"
    assert cli("ann", "log-key", "--export", str(key_file)).returncode == 0
    imported = cli("bob", "log-key", "--import", str(key_file), "--json")
    assert imported.returncode == 0, imported.stderr
    assert cli("bob", "add", "--campaign", campaign, "--person", leads[2], "--json").returncode == 0

    other = tmp_path / "other.key"
    log_key.write_key_file(other, secrets.token_bytes(32))
    assert cli("cy", "log-key", "--import", str(other)).returncode == 0
    wrong = cli("cy", "add", "--campaign", campaign, "--person", leads[3], "--json")
    assert wrong.returncode == 2 and "is not the one the team's trigger log is keyed with" in wrong.stderr

    for node in ("ann", "bob"):
        checked = json.loads(cli(node, "verify-log", "--json").stdout)
        assert checked["ok"], checked["message"]
        assert checked["keyed_events"] == checked["count"] >= 2, "every event keyed with the one team key"
    shown = json.loads(cli("bob", "log", "--json").stdout)
    assert {e["email"] for e in shown} >= {leads[0], leads[2]}

    with psycopg.connect(pg_url.replace("postgresql+psycopg", "postgresql"), autocommit=True) as conn:
        conn.execute("UPDATE triggerevent SET email = 'mallory@example.org' WHERE id = "
                     "(SELECT min(id) FROM triggerevent)")
    broken = cli("bob", "verify-log", "--json")
    assert broken.returncode == 1 and not json.loads(broken.stdout)["ok"]


def keyed_team(pg_url, org, tmp_path) -> tuple[dict, str]:
    """A team's store whose nodes all hold the team's key through CAMPSYNC_LOG_KEY_FILE, with the org's people
    pulled: the environment every node runs with, and a campaign to add to."""
    upgrade_store(pg_url)
    key_file = tmp_path / "team.key"
    log_key.write_key_file(key_file, secrets.token_bytes(32))
    env = {**org.env(), URL_ENV: pg_url, log_key.KEY_FILE_ENV: str(key_file)}
    assert run_cli(["people", "pull"], tmp_path / "admin", env).returncode == 0
    return env, campaign_named(org)["campaignid"]


def lead_emails(org) -> list[str]:
    return sorted(r["emailaddress1"] for r in org.state.leads.values() if r["emailaddress1"])


def test_team_log_follow_shows_a_colleagues_events_as_they_are_written(pg_url, org, tmp_path):
    """`campsync log --follow --json` on the team's store, left running: a colleague's add on another node shows up
    in it (the store's notification wakes it; it also looks every half second)."""
    import os
    import queue
    import subprocess
    import sys
    import threading

    env, campaign = keyed_team(pg_url, org, tmp_path)
    lead = lead_emails(org)[0]

    follower_env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    follower_env.update({"CAMPSYNC_HOME": str(tmp_path / "bob"), **env})
    follower = subprocess.Popen([sys.executable, "-m", "campsync_gui", "log", "--follow", "--json"],
                                env=follower_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in follower.stdout], daemon=True).start()
    try:
        added = run_cli(["add", "--campaign", campaign, "--person", lead, "--json"], tmp_path / "ann", env)
        assert added.returncode == 0, added.stderr
        shown = json.loads(lines.get(timeout=30))
        assert (shown["email"], shown["trigger"]) == (lead, ADDED)
    finally:
        follower.terminate()
        follower.wait(10)
    assert "Traceback" not in follower.stderr.read()


def test_team_nodes_given_the_key_file_write_and_verify_without_an_alarm(pg_url, org, tmp_path):
    """Every node holds the team's key through CAMPSYNC_LOG_KEY_FILE (the worker set-up of docs/team-mode.md): a
    node's first event after others wrote is its first, not a sign that its head file was removed."""
    env, campaign = keyed_team(pg_url, org, tmp_path)
    leads = lead_emails(org)
    for node, lead in (("ann", leads[0]), ("bob", leads[1]), ("ann", leads[2])):
        added = run_cli(["add", "--campaign", campaign, "--person", lead, "--json"], tmp_path / node, env)
        assert added.returncode == 0, added.stderr
        assert "head file" not in added.stderr, added.stderr
    for node in ("ann", "bob", "cy"):  # cy holds the key but never wrote: no head file of its own, nothing wrong
        checked = json.loads(run_cli(["verify-log", "--json"], tmp_path / node, env).stdout)
        assert checked["ok"], checked["message"]
    assert any("has not written to the team's log yet" in note for note in checked["notes"])
