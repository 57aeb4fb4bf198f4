"""`campsync worker` as a supervisor runs it: it sends what another process queued, says what it did on stdout,
stops within 10 s of SIGTERM with exit code 0 and hands back what it held, and refuses to start without an org."""

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from sqlmodel import Session, select

from campsync_gui.core import flows
from campsync_gui.core.applists import app_list_name
from campsync_gui.core.models import OutboxRow, Person
from campsync_gui.core.outbox import PENDING
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from support import connection_for, run_cli, until


def campaign_of(org):
    return sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                  key=lambda r: r["name"])[0]


@pytest.fixture
def home(org, tmp_path):
    home = tmp_path / "home"
    assert run_cli(["people", "pull"], home, org.env()).returncode == 0
    return home


def queue_a_drop(org, home, campaign_id: str, count: int, *, local: bool = False) -> list[int]:
    """What a window does when a person drops `count` leads (or people not yet in Dynamics: `local`) on a
    campaign, up to the queue (nothing sent)."""
    async def drop() -> list[int]:
        workspace = Workspace(open_store(home / "campsync.db"), connection=connection_for(org))
        try:
            with Session(workspace.db) as session:
                kind = Person.dynamics_type.is_(None) if local else Person.dynamics_type == "lead"
                ids = list(session.exec(select(Person.id).where(kind)
                                        .order_by(Person.id).limit(count)))
            workspace.connect()
            await workspace.check_readiness()
            plan = await workspace.plan(flows.ADD, campaign_id, ids)
            assert await workspace.confirm(plan, origin="drag-and-drop")
            return ids
        finally:
            await workspace.aclose()
    return asyncio.run(drop())


_started: list[subprocess.Popen] = []


@pytest.fixture(autouse=True)
def no_worker_left_running():
    yield
    while _started:
        worker = _started.pop()
        if worker.poll() is None:
            worker.kill()
            worker.wait()


def start_worker(org, home, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    env.update({**org.env(), "CAMPSYNC_HOME": str(home)})
    worker = subprocess.Popen([sys.executable, "-m", "campsync_gui", "worker", *args], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _started.append(worker)
    watchdog = threading.Timer(120, worker.kill)  # a worker that never stops must not hang the suite
    watchdog.daemon = True
    watchdog.start()
    started = worker.stdout.readline()
    assert "started" in started, started + worker.stderr.read()
    return worker, watchdog


def stop_worker(worker, watchdog) -> tuple[int, float, str, str]:
    asked = time.monotonic()
    worker.send_signal(signal.SIGTERM)
    out, err = worker.communicate(timeout=30)
    watchdog.cancel()
    return worker.returncode, time.monotonic() - asked, out, err


def members(org, campaign_id: str) -> set[str]:
    try:
        app_list = org.state.find_list(app_list_name("CampSync", "lead", campaign_id))
    except KeyError:  # the worker has not made CampSync's list yet
        return set()
    return org.state.members_of(app_list["listid"])


def test_the_worker_sends_what_another_process_queued_and_stops_cleanly_on_sigterm(org, home):
    campaign = campaign_of(org)
    worker, watchdog = start_worker(org, home, "--interval", "0.5")
    queue_a_drop(org, home, campaign["campaignid"], 5)  # queued by "a window", while the worker runs
    assert until(lambda: len(members(org, campaign["campaignid"])) == 5, timeout=60), "the worker sent the queued drop"
    assert until(lambda: not _rows(home, PENDING), timeout=60)
    code, seconds, out, err = stop_worker(worker, watchdog)
    assert code == 0 and seconds < 10, (code, seconds, err)
    assert "Dynamics confirmed 5 changes" in out
    assert out.rstrip().endswith("stopped"), out
    assert "Traceback" not in out + err


def test_sigterm_during_a_request_that_does_not_answer_exits_in_time_and_loses_nothing(org, home):
    """The org's plug-ins take minutes to create the new people's leads: SIGTERM still ends the worker within 10 s,
    its rows go back to the queue, and the next worker finishes them without creating anyone twice."""
    campaign = campaign_of(org)
    emails = [f"slow.worker{i}@example.org" for i in range(4)]
    with Session(open_store(home / "campsync.db")) as session:
        session.add_all(Person(first_name="Slow", last_name=f"Worker {i}", email=email, company="Contoso")
                        for i, email in enumerate(emails))
        session.commit()
    ids = queue_a_drop(org, home, campaign["campaignid"], 4, local=True)
    org.knobs.create_ms_per_record = 30_000  # two minutes for the four leads
    worker, watchdog = start_worker(org, home, "--interval", "0.5")
    # The new people are looked up by email (answered), then created: that request hangs. The org's log records
    # a request once answered, so the create cannot be seen there; the lookup can.
    assert until(lambda: any(r.path.endswith("$batch") for r in org.request_log), timeout=30), "no lookup seen"
    time.sleep(1.5)
    code, seconds, out, err = stop_worker(worker, watchdog)
    org.knobs.create_ms_per_record = 0
    assert code == 0 and seconds < 10, (code, seconds, out, err)
    assert "Traceback" not in out + err
    assert [row.id for row in _rows(home) if row.claimed_by] == [], "nothing is left held by the stopped worker"
    assert {row.person_id for row in _rows(home, PENDING)} == set(ids), "every queued row waits for the next worker"

    again = run_cli(["worker", "--once"], home, org.env())
    assert again.returncode == 0, again.stderr
    leads = [r for r in org.state.leads.values() if r["emailaddress1"] in emails]
    assert len(leads) == 4, "each person created once, even though the first worker's create may have gone through"
    assert members(org, campaign["campaignid"]) == {r["leadid"] for r in leads}
    events = json.loads(run_cli(["log", "--json"], home, org.env()).stdout)
    assert sorted(e["person_id"] for e in events) == sorted(ids), "each change confirmed once"


def test_the_worker_will_not_start_without_an_org(tmp_path):
    ran = run_cli(["worker", "--once"], tmp_path / "home")
    assert ran.returncode == 2
    assert "no org is configured for the worker" in ran.stderr and "Traceback" not in ran.stderr


def test_run_scheduler_is_kept_as_the_workers_former_name(org, home):
    campaign = campaign_of(org)
    queue_a_drop(org, home, campaign["campaignid"], 2)
    ran = run_cli(["run-scheduler", "--once"], home, org.env())
    assert ran.returncode == 0, ran.stderr
    assert "Dynamics confirmed 2 changes" in ran.stdout
    assert len(members(org, campaign["campaignid"])) == 2


def _rows(home, state: str | None = None) -> list[OutboxRow]:
    with Session(open_store(home / "campsync.db")) as session:
        query = select(OutboxRow)
        if state:
            query = query.where(OutboxRow.state == state)
        return list(session.exec(query))
