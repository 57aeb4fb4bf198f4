"""Team mode: the PostgreSQL server goes away while `campsync worker` runs (a restart for an upgrade, a network cut):
the worker says so, waits, and carries on once the server answers, sending what was queued meanwhile. Before, the
first pass that found the server gone ended the worker ("unexpected error", exit 1) until a supervisor restarted it."""

import asyncio
import os
import signal
import subprocess
import sys
import time

from sqlmodel import Session, select

from campsync_gui.core import flows
from campsync_gui.core.models import Person
from campsync_gui.core.store import open_store, upgrade_store
from campsync_gui.core.workspace import Workspace
from support import connection_for, run_cli, until
from test_cli_worker import campaign_of, members


def queue_adds(org, url: str, campaign_id: str, ids: list[int]) -> None:
    """What an operator's window does on a drop, up to the queue (the worker sends it)."""
    async def drop():
        workspace = Workspace(open_store(url), connection=connection_for(org))
        try:
            workspace.connect()
            await workspace.check_readiness()
            assert await workspace.confirm(await workspace.plan(flows.ADD, campaign_id, ids), origin="drag-and-drop")
        finally:
            await workspace.aclose()
            workspace.db.dispose()
    asyncio.run(drop())


def test_team_worker_waits_out_a_server_outage_and_sends_what_was_queued(org, pg_server, pg_url, tmp_path):
    upgrade_store(pg_url)
    env = {**org.env(), "CAMPSYNC_DATABASE_URL": pg_url}
    assert run_cli(["people", "pull"], tmp_path / "admin", env).returncode == 0
    with Session(open_store(pg_url)) as s:
        leads = list(s.exec(select(Person.id).where(Person.dynamics_type == "lead").order_by(Person.id).limit(6)))
    campaign = campaign_of(org)["campaignid"]
    worker_env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    worker_env.update({**env, "CAMPSYNC_HOME": str(tmp_path / "worker")})
    worker = subprocess.Popen([sys.executable, "-m", "campsync_gui", "worker", "--interval", "0.3"], env=worker_env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        queue_adds(org, pg_url, campaign, leads[:3])
        assert until(lambda: len(members(org, campaign)) == 3, timeout=60), "the worker sent the first drop"
        pg_server.down()
        time.sleep(2)  # several passes of the worker find the server gone
        assert worker.poll() is None, "the worker waits the outage out"
        pg_server.up()
        queue_adds(org, pg_url, campaign, leads[3:])
        assert until(lambda: len(members(org, campaign)) == 6, timeout=60), "and sends what was queued after it"
    finally:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
        out, err = worker.communicate(timeout=30)
    assert worker.returncode == 0, err
    assert "the team's store could not be reached" in err and "the store answers again" in out
    assert "Traceback" not in out + err and "s3cret" not in out + err  # no password either
