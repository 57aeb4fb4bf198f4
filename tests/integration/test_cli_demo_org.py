"""`campsync` on a data folder with no connection: the built-in demo org, the same one the window starts
(`<data folder>/sandbox/org-state.json`), started only for commands that need an org and stopped after them.
A connection that is configured but incomplete is an error that says what is missing, never the demo org."""

import json
from pathlib import Path

import pytest

from campsync_gui.core.applists import app_list_name
from campsync_gui.sandbox import SandboxOrg
from support import run_cli

NOTICE = "built-in demo org"


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


def test_a_fresh_folder_lists_the_demo_orgs_campaigns_and_says_so(home):
    result = run_cli(["campaigns", "--json"], home)
    assert result.returncode == 0, result.stderr
    campaigns = json.loads(result.stdout)
    assert len(campaigns) == 9 and any(not c["active"] for c in campaigns)
    assert NOTICE in result.stderr and "campsync profile add" in result.stderr
    assert "Traceback" not in result.stderr
    assert (home / "sandbox" / "org-state.json").is_file(), "the demo org keeps its records where the window does"

    table = run_cli(["campaigns"], home)
    assert table.returncode == 0 and table.stdout.splitlines()[0].startswith("NAME")
    assert NOTICE not in table.stdout, "the notice goes to stderr: stdout stays the command's answer"


def test_only_a_folder_with_nothing_configured_gets_the_demo_org(home):
    assert run_cli(["campaigns"], home).returncode == 0  # nothing configured: the demo org

    # One variable set is a connection being configured: say what it still needs, do not swap in the demo org.
    partial = run_cli(["campaigns"], home, {"CAMPSYNC_ORG_URL": "https://contoso.crm.dynamics.com"})
    assert partial.returncode == 2
    for missing in ("CAMPSYNC_TENANT_ID", "CAMPSYNC_CLIENT_ID"):
        assert missing in partial.stderr
    assert NOTICE not in partial.stderr and partial.stdout == ""

    # A stored profile with a client id and no secret is a person signing in: until they do, the commands that need
    # the org say so; never the demo org.
    added = run_cli(["profile", "add", "contoso", "--org-url", "https://contoso.crm.dynamics.com",
                     "--tenant-id", "t", "--client-id", "c"], home)
    assert added.returncode == 0, added.stderr
    stored = run_cli(["campaigns"], home)
    assert stored.returncode == 2 and "campsync login" in stored.stderr
    assert "CAMPSYNC_ORG_URL" not in stored.stderr and NOTICE not in stored.stderr

    # Naming a profile that does not exist stays an error, with or without profiles.
    unknown = run_cli(["--profile", "nobody", "campaigns"], home)
    assert unknown.returncode == 2 and "No connection profile named 'nobody'" in unknown.stderr
    assert NOTICE not in unknown.stderr
    fresh = run_cli(["--profile", "nobody", "campaigns"], home.parent / "fresh")
    assert fresh.returncode == 2 and "No connection profile named 'nobody'" in fresh.stderr
    assert NOTICE not in fresh.stderr


def test_commands_that_need_no_org_do_not_start_it_and_share_its_settings(home):
    for args in (["queue", "--json"], ["log", "--json"], ["people", "list", "--json"], ["profile", "list", "--json"],
                 ["automation", "list", "--json"], ["verify-log", "--json"]):
        result = run_cli(args, home)
        assert result.returncode == 0, (args, result.stderr)
        assert NOTICE not in result.stderr, args
    # Settings are kept per connection: the demo org's are the window's, under the same name.
    status = run_cli(["sync", "status", "--json"], home)
    assert status.returncode == 0 and NOTICE not in status.stderr
    assert json.loads(status.stdout)["connection"] == "Built-in sandbox"
    assert not (home / "sandbox").exists(), "no org was started, so no certificate or state was written"


def test_an_add_made_on_the_demo_org_is_there_for_the_next_command(home):
    campaigns = json.loads(run_cli(["campaigns", "--json"], home).stdout)
    campaign = sorted((c for c in campaigns if c["active"]), key=lambda c: c["name"])[0]
    pulled = run_cli(["people", "pull", "--json"], home)
    assert pulled.returncode == 0, pulled.stderr
    lead = next(p for p in json.loads(run_cli(["people", "list", "--json"], home).stdout)
                if p["type"] == "lead" and p["email"])
    added = run_cli(["add", "--campaign", campaign["name"], "--person", lead["email"], "--json"], home)
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)[0]["outcome"] == "added"

    # Another process reads the demo org back from its state file and finds the member on CampSync's list.
    again = run_cli(["people", "pull", "--json"], home)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["memberships"]["flow_action"] == 1
    org = SandboxOrg(seed=42, data_dir=home / "sandbox", state_file=home / "sandbox" / "org-state.json")
    app_list = org.state.find_list(app_list_name("CampSync", "lead", campaign["id"]))
    assert app_list is not None and org.state.members_of(app_list["listid"]) == {lead["dynamics_id"]}


def test_a_command_on_the_demo_org_leaves_the_windows_certificate_alone(tmp_path):
    """The window's demo org and a `campsync` command's each have their own CA file: a command starting its org
    used to replace the one the running window trusts."""
    from campsync_gui.builtin_org import start_builtin_org
    from campsync_gui.paths import AppPaths

    home = tmp_path / "home"
    org, connection = start_builtin_org(AppPaths(home).ensure())
    try:
        before = Path(connection.ca_bundle).read_bytes()
        result = run_cli(["campaigns"], home)
        assert result.returncode == 0, result.stderr
        assert Path(connection.ca_bundle).read_bytes() == before
    finally:
        org.stop()


def test_the_window_and_a_command_share_one_demo_org_and_neither_overwrites_the_other(home):
    """While the window's demo org runs, `campsync add` (its own org process, same state file) adds someone; the
    window's org stopping afterwards must not write its older copy over that."""
    from campsync_gui.builtin_org import start_builtin_org
    from campsync_gui.paths import AppPaths

    window_org, _connection = start_builtin_org(AppPaths(home).ensure())
    try:
        campaigns = json.loads(run_cli(["campaigns", "--json"], home).stdout)
        campaign = sorted((c for c in campaigns if c["active"]), key=lambda c: c["name"])[0]
        assert run_cli(["people", "pull"], home).returncode == 0
        lead = next(p for p in json.loads(run_cli(["people", "list", "--json"], home).stdout)
                    if p["type"] == "lead" and p["email"])
        added = run_cli(["add", "--campaign", campaign["name"], "--person", lead["email"], "--json"], home)
        assert added.returncode == 0, added.stderr
    finally:
        window_org.stop()
    org = SandboxOrg(seed=42, data_dir=home / "sandbox", state_file=home / "sandbox" / "org-state.json")
    app_list = org.state.find_list(app_list_name("CampSync", "lead", campaign["id"]))
    assert app_list is not None and org.state.members_of(app_list["listid"]) == {lead["dynamics_id"]}
