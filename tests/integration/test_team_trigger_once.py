"""Team mode: a "Data value changes" trigger campaign defined once, three nodes pulling from the org at the same
moment. Each finds the value changed in Dynamics (each read the person before the others wrote); the campaign's flow
runs once, whichever node wins the happening's key."""

import asyncio
import threading

from sqlmodel import Session, select

from campsync_gui.core import people as people_module
from campsync_gui.core.automation import ADD_STEP, DATA_VALUE_CHANGES, Definition
from campsync_gui.core.models import AutomationCampaign, AutomationResult, OutboxRow
from campsync_gui.core.store import open_store, upgrade_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.dynamics.connect import open_client


def define_campaign(db, target: str) -> None:
    with Session(db) as s:
        s.add(AutomationCampaign(name="New job title", kind="trigger", active=True, definition=Definition(
            triggers=[{"type": DATA_VALUE_CHANGES, "field": "job_title"}],
            flow=[{"step": ADD_STEP, "campaign_id": target}], qualification={"rule": "every_time"}).to_json()))
        s.commit()


def pull_on_a_node(url: str, conn, results: dict, name: str) -> None:
    async def pull():
        workspace = Workspace(open_store(url), connection=conn, client=open_client(conn))
        try:
            results[name] = await workspace.pull(people=True)
        finally:
            await workspace.aclose()
    asyncio.run(pull())


def test_team_a_value_changed_in_dynamics_runs_its_trigger_campaign_once_when_three_nodes_pull_at_once(
        pg_url, org, conn, monkeypatch):
    upgrade_store(pg_url)
    results: dict = {}
    pull_on_a_node(pg_url, conn, results, "first")  # everyone in the team's store
    target = sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                    key=lambda r: r["name"])[0]["campaignid"]
    db = open_store(pg_url)
    define_campaign(db, target)
    changed = [lead for lead in org.state.leads.values() if lead["emailaddress1"]][:3]
    for lead in changed:
        org.state.update("leads", lead["leadid"], {"jobtitle": "Head of Trials"})

    # Each node reads the stored people of its page, then waits for the others before writing: all find the change.
    all_read = threading.Barrier(3, timeout=60)
    write = people_module._PageUpsert._write

    def write_after_both_read(self, *, need_ids):
        if self.to_update and not need_ids:
            all_read.wait()
        return write(self, need_ids=need_ids)
    monkeypatch.setattr(people_module._PageUpsert, "_write", write_after_both_read)
    nodes = [threading.Thread(target=pull_on_a_node, args=(pg_url, conn, results, name)) for name in ("a", "b", "c")]
    for node in nodes:
        node.start()
    for node in nodes:
        node.join(120)

    assert all(results[name].people.updated["lead"] == 3 for name in "abc"), "every node saw the changes"
    assert sum(results[name].triggered for name in "abc") == 3, "each change ran the campaign once in the team"
    with Session(db) as s:
        qualified = s.exec(select(AutomationResult).where(AutomationResult.outcome == "qualified")).all()
        queued = s.exec(select(OutboxRow).where(OutboxRow.campaign_id == target)).all()
    assert len(qualified) == 3 and len({r.person_id for r in qualified}) == 3
    assert len(queued) == 3, "one flow action per changed person, not one per node"
    db.dispose()
