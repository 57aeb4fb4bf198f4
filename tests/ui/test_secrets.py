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
