"""`campsync verify-log`, `log --export` and `log-key` end to end (issue 13, finding 3): a fresh process, as a user's
shell runs it, on a store whose log was tampered with; and what verify-log says it can and cannot find."""

import json
import os

import pytest

from campsync_gui.core.store import open_store
from campsync_gui.core.transactions import transaction
from campsync_gui.core.triggers import ADDED, TriggerEvent, append_events
from support import run_cli


@pytest.fixture
def home(tmp_path, no_keyring):
    """A CampSync home with three trigger events; no keyring (as on this machine), so the key is the file beside the
    store that the command's own process finds too."""
    home = tmp_path / "home"
    db = open_store(home / "campsync.db")
    events = [TriggerEvent(trigger=ADDED, person_id=n, email=f"p{n}@example.com", campaign_id="c1",
                           campaign_name="Spring", origin="cli", request_id="r", outbox_id=n, at=1_700_000_000.0 + n)
              for n in (1, 2, 3)]
    transaction(db, lambda session: append_events(session, events))
    try:
        from campsync_gui.core.log_seal import flush
        flush()  # the head file is sealed on a thread of its own
    except ImportError:  # CampSync before issue 13
        pass
    db.dispose()
    return home


def sql(home, statement: str, *params) -> None:
    db = open_store(home / "campsync.db")
    with db.begin() as conn:
        conn.exec_driver_sql(statement, params)
    db.dispose()


def test_verify_log_finds_the_newest_event_removed_with_the_chain_head_updated(home):
    intact = run_cli(["verify-log", "--json"], home)
    assert intact.returncode == 0, intact.stderr
    answer = json.loads(intact.stdout)
    assert (answer["ok"], answer["count"], answer["keyed_events"]) == (True, 3, 3)
    assert "campsync.db.logkey" in answer["key_source"] and "no system keyring" in answer["key_source"]
    assert any("holds the log key" in line for line in answer["cannot_detect"])
    assert any("every event removed" in line for line in answer["detects"])

    sql(home, "DELETE FROM triggerevent WHERE id = 3")
    sql(home, "UPDATE chainhead SET seq = 2, last_hash = (SELECT hash FROM triggerevent WHERE id = 2)")

    broken = run_cli(["verify-log", "--json"], home)
    assert broken.returncode == 1
    answer = json.loads(broken.stdout)
    assert answer["ok"] is False and "head file records 3 events" in answer["message"]
    assert json.loads(broken.stderr.strip().splitlines()[-1])["error"]["code"] == "log_broken"
    text = run_cli(["verify-log"], home)
    assert text.returncode == 1 and text.stdout.startswith("BROKEN: the head file records 3 events")
    assert "It cannot find:" in text.stdout and "verify-log finds:" in text.stdout


def test_verify_log_finds_the_whole_log_and_chain_head_deleted(home):
    sql(home, "DELETE FROM triggerevent")
    sql(home, "DELETE FROM chainhead")
    result = run_cli(["verify-log"], home)
    assert result.returncode == 1 and "BROKEN" in result.stdout


def test_log_export_and_log_key_export(home, tmp_path):
    exported = run_cli(["log", "--export", str(tmp_path / "log.json"), "--json"], home)
    assert exported.returncode == 0, exported.stderr
    data = json.loads((tmp_path / "log.json").read_text())
    assert data["count"] == 3 and data["head_file"]["seq"] == 3 and data["head_file"]["mac"]

    shown = json.loads(run_cli(["log-key", "--json"], home).stdout)
    key = run_cli(["log-key", "--export", str(tmp_path / "team.key")], home)
    assert key.returncode == 0 and shown["key_id"] in key.stdout
    if os.name == "posix":
        assert (tmp_path / "team.key").stat().st_mode & 0o777 == 0o600
    again = run_cli(["log-key", "--export", str(tmp_path / "team.key"), "--json"], home)
    assert again.returncode == 2 and "exists already" in again.stderr

    # another node runs with the key the admin handed out
    other = tmp_path / "other"
    used = run_cli(["verify-log", "--json"], other, env={"CAMPSYNC_LOG_KEY_FILE": str(tmp_path / "team.key")})
    assert used.returncode == 0 and json.loads(used.stdout)["key_id"] == shown["key_id"]
