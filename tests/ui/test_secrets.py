"""A full session — CLI and window — leaves the client secret and access tokens in none of its files or output."""

from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.paths import AppPaths
from campsync_gui.ui.main_window import MainWindow
from campsync_gui.ui.session import AppSession
from support import connection_for, run_cli


def test_no_secret_or_token_in_the_db_logs_settings_exports_or_output(org, qloop, qtbot, tmp_path):
    home = tmp_path / "home"
    env = org.env()
    secret = env["CAMPSYNC_CLIENT_SECRET"]
    outputs = []

    def cli(*args, stdin=None):
        result = run_cli(list(args), home, env, stdin=stdin)
        outputs.append(result.stdout + result.stderr)
        return result

    csv = tmp_path / "people.csv"
    csv.write_text("name,email\nGrace Hopper,grace@example.org\n", encoding="utf-8")
    cli("people", "import", str(csv))
    cli("people", "pull")
    lead = next(iter(org.state.leads.values()))
    campaign = sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                      key=lambda r: r["name"])[0]
    cli("add", "--campaign", campaign["name"], "--person", lead["emailaddress1"], "--person", "grace@example.org")
    cli("log", "--json")
    cli("doctor", "--json")
    cli("doctor")
    cli("queue", "--all")
    cli("automation", "export", str(tmp_path / "automation.json"))
    cli("profile", "add", "prod", "--org-url", env["CAMPSYNC_ORG_URL"], "--tenant-id", env["CAMPSYNC_TENANT_ID"],
        "--client-id", env["CAMPSYNC_CLIENT_ID"], "--secret-stdin", stdin=secret + "\n")
    cli("profile", "list", "--json")
    cli("--profile", "prod", "campaigns")  # secret from the environment, never stored without a keyring

    # The window on the same home: a drop, the log exported, the layout saved to QSettings on close.
    paths = AppPaths(home).ensure()
    session = AppSession(Workspace(open_store(paths.db_file), connection=connection_for(org)), paths)
    win = MainWindow(session)
    qtbot.addWidget(win)
    qloop.run_until_complete(win.refresh(people=False))
    model = win.campaigns_panel.campaigns
    people = win.people_panel.model
    contact = next(pid for pid in people.matching_person_ids()
                   if people.person_at(people.row_for_person(pid)).type == "contact")
    mime = people.mimeData([people.index(people.row_for_person(contact), 0)])
    model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, model.index(model.row_of(campaign["campaignid"]), 0))
    qloop.run_until_complete(_confirm_and_finish(win))
    win.log_panel.flush()
    win.log_panel.export_csv(str(tmp_path / "log-export.csv"))
    win.close()
    qloop.run_until_complete(session.close())
    QSettings().sync()

    tokens = org.issued_tokens()
    assert tokens, "the session signed in"
    files = [p for p in list(home.rglob("*")) + list(tmp_path.rglob("*")) if p.is_file()]
    assert any(p.name == "campsync.db" for p in files) and any(p.suffix == ".log" for p in files)
    assert any(p.name == "log-export.csv" for p in files) and any("qsettings" in str(p) for p in files)
    leaks = []
    for path in files:
        data = Path(path).read_bytes()
        for needle in [secret] + tokens:
            if needle.encode() in data:
                leaks.append((str(path), needle[:6] + "…"))
    for text in outputs:
        for needle in [secret] + tokens:
            if needle in text:
                leaks.append(("CLI output", needle[:6] + "…"))
    assert leaks == []


async def _confirm_and_finish(win):
    import asyncio

    while win.controller.preview is None:
        await asyncio.sleep(0.02)
    win.controller.preview.accept()
    while not win.controller.is_idle() or win.workspace.pending_count():
        await asyncio.sleep(0.02)


def test_signin_refresh_tokens_and_the_token_cache_stay_in_token_cache_json(org, qloop, qtbot, tmp_path,
                                                                            monkeypatch, caplog, capfd):
    """A person signed in through the window (plain-file cache allowed: no keyring encryption here), then the CLI on
    the same data folder silently, refreshing: access and refresh tokens are in token_cache.json (0600) and nowhere
    else — no other file of the data folder, no QSettings, log, export or output."""
    import logging
    import os
    import stat

    from campsync_gui.sandbox.signin_robot import sign_in_robot
    from campsync_gui.ui.models.log import COL_BY

    from campsync_gui.logs import NOISY

    # Everything the app's logging lets through, even at DEBUG: the libraries it keeps at WARNING stay there.
    caplog.set_level(logging.DEBUG)
    for name in NOISY:
        caplog.set_level(logging.WARNING, logger=name)
    monkeypatch.setenv("CAMPSYNC_ALLOW_PLAINTEXT_TOKEN_CACHE", "1")
    org.knobs.token_ttl = 1  # under msal's 5 minutes: every token use is a refresh, rotating the refresh token
    home = tmp_path / "home"
    env = {k: v for k, v in org.env().items() if k != "CAMPSYNC_CLIENT_SECRET"}
    env["CAMPSYNC_ALLOW_PLAINTEXT_TOKEN_CACHE"] = "1"
    seen: set[str] = set()  # every token the org handed out: used-up refresh tokens leave its memory
    outputs = []

    def cli(*args):
        result = run_cli(list(args), home, env)
        outputs.append(result.stdout + result.stderr)
        seen.update(org.issued_tokens())
        return result

    operator = "operator@campsyncsandbox.onmicrosoft.com"
    paths = AppPaths(home).ensure()
    conn = connection_for(org, client_secret=None, secret_source=None,
                          browser=sign_in_robot(operator, verify=env["CAMPSYNC_CA_BUNDLE"]))
    session = AppSession(Workspace(open_store(paths.db_file), connection=conn), paths)
    win = MainWindow(session)
    qtbot.addWidget(win)
    qloop.run_until_complete(win.refresh(people=True))
    assert win.signin.button.text().endswith(operator)
    seen.update(org.issued_tokens())
    model = win.campaigns_panel.campaigns
    people = win.people_panel.model
    campaign = sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                      key=lambda r: r["name"])[0]
    lead = next(pid for pid in people.matching_person_ids()
                if people.person_at(people.row_for_person(pid)).type == "lead")
    mime = people.mimeData([people.index(people.row_for_person(lead), 0)])
    model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, model.index(model.row_of(campaign["campaignid"]), 0))
    qloop.run_until_complete(_confirm_and_finish(win))
    seen.update(org.issued_tokens())
    win.log_panel.flush()
    assert operator in [win.log_panel.model.index(r, COL_BY).data() for r in range(win.log_panel.model.rowCount())]
    win.log_panel.export_csv(str(tmp_path / "log-export.csv"))
    win.close()
    qloop.run_until_complete(session.close())
    QSettings().sync()

    cache_file = home / "token_cache.json"
    assert cache_file.is_file() and stat.S_IMODE(os.stat(cache_file).st_mode) == 0o600
    # The next process signs in silently from the cache, refreshing the expired token.
    assert cli("campaigns", "--json").returncode == 0
    assert cli("whoami", "--json").returncode == 0 and operator in outputs[-1]
    cli("log", "--json")
    cli("doctor", "--json")
    cli("log", "--export", str(tmp_path / "cli-log.csv"))
    held = cache_file.read_bytes()
    assert any(token.encode() in held for token in seen if token.startswith("1.A")), \
        "the refresh token is kept: in token_cache.json"
    assert stat.S_IMODE(os.stat(cache_file).st_mode) == 0o600
    assert cli("logout").returncode == 0

    refresh_tokens = [t for t in seen if t.startswith("1.A")]
    assert refresh_tokens and len(seen) > len(refresh_tokens), "access and refresh tokens were issued"
    files = [p for p in list(home.rglob("*")) + list(tmp_path.rglob("*"))
             if p.is_file() and p.resolve() != cache_file.resolve()]
    assert any(p.suffix == ".log" for p in files) and any("qsettings" in str(p) for p in files)
    leaks = []
    for path in files:
        data = Path(path).read_bytes()
        leaks += [(str(path), t[:6] + "…") for t in seen if t.encode() in data]
    captured = capfd.readouterr()
    logged = [(f"logger {r.name}", r.getMessage()) for r in caplog.records]
    for where, text in [("CLI output", o) for o in outputs] + logged + [("stdout/stderr", captured.out + captured.err)]:
        leaks += [(where, t[:6] + "…") for t in seen if t in text]
    assert leaks == []
