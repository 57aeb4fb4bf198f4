"""Team mode: three workers on one PostgreSQL store, a daily batch campaign due. It runs once (the holder of the
scheduler's lease runs it), and the other workers say who runs the schedule."""

import json
import os
import secrets
import subprocess
import sys
import time

from campsync_gui.core import log_key
from support import run_cli
from test_cli_flow import campaign_named

URL_ENV = "CAMPSYNC_DATABASE_URL"


def test_team_a_daily_batch_campaign_runs_once_with_three_workers(pg_url, org, tmp_path):
    key = tmp_path / "team.key"  # every node holds the team's trigger log key, as docs/team-mode.md sets it up
    log_key.write_key_file(key, secrets.token_bytes(32))
    env = {**org.env(), URL_ENV: pg_url, log_key.KEY_FILE_ENV: str(key)}
    admin = tmp_path / "admin"
    assert run_cli(["db", "upgrade"], admin, env).returncode == 0
    assert run_cli(["people", "pull"], admin, env).returncode == 0
    target = campaign_named(org)
    definitions = tmp_path / "automation.json"
    definitions.write_text(json.dumps({"format": "campsync-automation/1", "campaigns": [{
        "name": "Canada push", "kind": "batch", "active": True, "definition": {
            "smart_list": {"filters": [{"kind": "field", "field": "country", "op": "equals", "value": "Canada"},
                                       {"kind": "field", "field": "type", "op": "equals", "value": "lead"}],
                           "logic": "all"},
            "flow": [{"step": "add_to_microsoft_campaign", "campaign_id": target["campaignid"]}],
            "qualification": {"rule": "every_time"},
            "schedule": {"at": time.time() - 60, "repeat": "daily"}}}]}), encoding="utf-8")
    imported = run_cli(["automation", "import", str(definitions)], admin, env)
    assert imported.returncode == 0, imported.stderr

    base = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    workers = [subprocess.Popen([sys.executable, "-m", "campsync_gui", "worker", "--once"],
                                env={**base, **env, "CAMPSYNC_HOME": str(tmp_path / f"node{i}")},
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(3)]
    outputs = [worker.communicate(timeout=180) for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0, 0], [err for _, err in outputs]

    ran = [out for out, _ in outputs if "ran batch campaign 'Canada push'" in out]
    assert len(ran) == 1, "the batch campaign ran on one worker only"
    canadians = {lead["leadid"] for lead in org.state.leads.values() if lead["address1_country"] == "Canada"}
    log = json.loads(run_cli(["log", "--json"], admin, env).stdout)
    assert len(log) == len(canadians) > 0, "each qualifying person added once"
    assert all("Traceback" not in out + err for out, err in outputs)
