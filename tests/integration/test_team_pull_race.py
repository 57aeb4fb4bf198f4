"""Team mode: a pull reads a campaign's members from the org while another node's sync confirms an add to it. The
sync's membership row lands between the pull's read of the store and its write; the pull keeps it and finishes (a
plain INSERT of the same row failed the whole pull: a window's "read from Dynamics" ended in a traceback in the team
drill)."""

import asyncio

from sqlmodel import Session, select

from campsync_gui.core import origins, pull
from campsync_gui.core.models import Membership
from campsync_gui.core.store import open_store, upgrade_store
from campsync_gui.core.workspace import Workspace


def test_team_a_membership_written_by_a_sync_during_a_pull_is_kept_and_the_pull_finishes(pg_url, org, conn,
                                                                                        monkeypatch):
    upgrade_store(pg_url)
    db = open_store(pg_url)

    async def pull_everything():
        workspace = Workspace(db, connection=conn)
        try:
            return await workspace.pull(people=True)
        finally:
            await workspace.aclose()

    asyncio.run(pull_everything())
    with Session(db) as s:
        member = s.exec(select(Membership).where(Membership.origin == origins.PULL)).first()
        s.delete(member)
        s.commit()
    raced = dict(person_id=member.person_id, campaign_id=member.campaign_id, list_id=member.list_id,
                 source=member.source)
    removed_since = pull._removed_since

    def a_sync_confirms_meanwhile(session, campaign_id, since):
        if campaign_id == raced["campaign_id"]:
            with Session(open_store(pg_url)) as other:  # another node: its own connection, committed at once
                other.add(Membership(**raced, added_at=since + 60, origin="drag-and-drop", actor="colleague"))
                other.commit()
        return removed_since(session, campaign_id, since)

    monkeypatch.setattr(pull, "_removed_since", a_sync_confirms_meanwhile)
    outcome = asyncio.run(pull_everything())
    assert outcome.memberships.memberships > 0
    with Session(db) as s:
        rows = list(s.exec(select(Membership).where(Membership.person_id == raced["person_id"],
                                                    Membership.campaign_id == raced["campaign_id"],
                                                    Membership.list_id == raced["list_id"])))
    assert [(r.origin, r.actor) for r in rows] == [("drag-and-drop", "colleague")], "the sync's newer row stays"
