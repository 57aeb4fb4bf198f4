"""Rows a run of this process stopped holding mid-batch (the store went away under it: a team's PostgreSQL restarted)
are sent by its next run. `recover` hands back a dead worker's rows only; a live worker's waited for their 15-minute
lease, and the team drill found 8 removes still undone a minute after the restart."""

import asyncio

from sqlmodel import Session, select

from campsync_gui.core import flows
from campsync_gui.core.models import OutboxRow, Person
from campsync_gui.core.outbox import CLAIMED, SENT
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from support import connection_for


def active_campaign(org) -> str:
    return sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                  key=lambda r: r["name"])[0]["campaignid"]


def test_rows_this_worker_still_holds_after_a_run_stopped_mid_batch_are_sent_by_its_next_run(org, tmp_path):
    async def scenario():
        workspace = Workspace(open_store(tmp_path / "store.db"), connection=connection_for(org))
        try:
            await workspace.pull(people=True)
            with Session(workspace.db) as s:
                leads = list(s.exec(select(Person.id).where(Person.dynamics_type == "lead").order_by(Person.id)
                                    .limit(5)))
            plan = await workspace.plan(flows.ADD, active_campaign(org), leads)
            request = await workspace.confirm(plan, origin="drag-and-drop")
            outbox = workspace.sync.outbox
            held = outbox.claim()  # a run that claimed these, then stopped (the store went away mid-batch)
            outbox.mark_sent(held[:1])  # one of them may already be in Dynamics
            assert len(held) == 5 and len(outbox.mine()) == 5
            report = await workspace.run_queue()
            return workspace, request, report
        finally:
            await workspace.aclose()

    workspace, request, report = asyncio.run(scenario())
    assert report.done == 5 and report.left_pending == 0
    with Session(workspace.db) as s:
        rows = list(s.exec(select(OutboxRow).where(OutboxRow.request_id == request)))
    assert {r.outcome for r in rows} == {"added"} and not [r for r in rows if r.state in (CLAIMED, SENT)]
