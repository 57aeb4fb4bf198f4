"""Two CampSync processes sharing one store (the window and `campsync add`, a scheduler and a script): a command
reports what Dynamics did with its people even when the other process claimed their rows first, rather than
"failed: not finished: still queued" (seen in the concurrent-writers drill, issue 13)."""

import asyncio

from campsync_gui.core import flows, origins
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.dynamics.connect import open_client
from support import FAST_RETRY
from test_engine import active_campaign


async def test_a_command_waits_for_its_rows_another_process_claimed_and_reports_their_outcome(org, conn, tmp_path):
    path = tmp_path / "campsync.db"
    clients = [open_client(conn, retry=FAST_RETRY, timeout=10) for _ in range(2)]
    command = Workspace(open_store(path), connection=conn, client=clients[0])
    window = Workspace(open_store(path), connection=conn, client=clients[1])
    try:
        await command.refresh_campaigns()
        await command.pull()
        campaign = command.find_campaign(active_campaign(org)["campaignid"])
        plan = await command.plan(flows.ADD, campaign.id, await _lead_ids(command, 3))
        request_id = await command.confirm(plan, origin=origins.COMMAND_LINE)
        claimed = window.sync.outbox.claim()  # the window's worker takes them first
        assert {row.request_id for row in claimed} == {request_id}

        async def window_finishes_later():
            await asyncio.sleep(0.6)
            window.sync.outbox.release(claimed)  # e.g. it stops after its batch; the rows go back
            await window.run_queue()

        other = asyncio.ensure_future(window_finishes_later())
        await command.finish_request(request_id, poll=0.05)
        await other
        outcomes = command.outcomes(plan, request_id)
        assert [o.outcome for o in outcomes] == ["added"] * 3, [(o.outcome, o.reason) for o in outcomes]
    finally:
        for client in clients:
            await client.aclose()


async def _lead_ids(workspace, count):
    from sqlmodel import Session, select

    from campsync_gui.core.models import Person
    with Session(workspace.db) as s:
        return [p.id for p in s.exec(select(Person).where(Person.dynamics_type == "lead").order_by(Person.id))][:count]
