"""Quit → restart, and `kill -9` → restart, of the real window on the built-in demo org: the org's members, the
members table, the log and undo are as they were. The demo org used to save itself only at a clean shutdown."""

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from campsync_gui.core import flows
from campsync_gui.paths import AppPaths
from campsync_gui.ui.session import open_session

SCRIPT = Path(__file__).parent / "scripts" / "operate_and_wait.py"


def _operate(home: Path, mode: str) -> tuple[str, list[int]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    env.update(CAMPSYNC_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    app = subprocess.Popen([sys.executable, str(SCRIPT), mode], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    try:
        line = app.stdout.readline()
        assert line.startswith("CONFIRMED"), f"the app did not get its add confirmed: {line!r} {app.stderr.read()}"
        if mode == "wait":
            os.kill(app.pid, signal.SIGKILL)
        app.wait(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
    stderr = app.stderr.read()
    assert "Traceback" not in stderr, stderr
    _, campaign_id, *people = line.split()
    return campaign_id, [int(p) for p in people]


@pytest.mark.parametrize("mode", ["quit", "wait"], ids=["quit", "kill-9"])
def test_after_a_restart_the_demo_org_the_members_the_log_and_undo_are_as_they_were(tmp_path, monkeypatch, mode):
    for var in ("CAMPSYNC_ORG_URL", "CAMPSYNC_TENANT_ID", "CAMPSYNC_CLIENT_ID", "CAMPSYNC_CLIENT_SECRET"):
        monkeypatch.delenv(var, raising=False)
    home = tmp_path / "home"
    campaign_id, people = _operate(home, mode)

    session = open_session(AppPaths(home))
    try:
        workspace = session.workspace
        # The demo org itself still has them: a fresh pull reads the members back from it.
        asyncio.run(_pull(workspace))
        members = {m.person_id for m in workspace.campaign_members(campaign_id) if m.flow_action}
        assert members == set(people)
        added = [e for e in workspace.recent_events() if e.campaign_id == campaign_id]
        assert len(added) == 3
        step, plan = asyncio.run(workspace.plan_undo())
        assert step.campaign_id == campaign_id
        assert sorted(item.person.id for item in plan.items if item.outcome == flows.WILL_REMOVE) == sorted(people)
    finally:
        asyncio.run(session.close())


async def _pull(workspace):
    await workspace.pull(people=False)
    await workspace.aclose()
