"""Team mode: two operators on one PostgreSQL store. Ctrl+Z undoes the operator's own last drop, never a
colleague's, even when the colleague's is newer; in one person's SQLite file undo stays anyone's."""

from sqlmodel import Session, select

from campsync_gui.core import flows, origins
from campsync_gui.core.connections import Connection
from campsync_gui.core.models import CampaignRecord, Person
from campsync_gui.core.outbox import RunReport
from campsync_gui.core.store import open_store, upgrade_store
from campsync_gui.core.triggers import ADDED
from campsync_gui.core.workspace import Workspace

ADA, BOB = "ada@example.org", "bob@example.org"


def operator(db, actor: str) -> Workspace:
    workspace = Workspace(db, connection=Connection(name="test", org_url="https://org.example", tenant_id="t",
                                                    client_id="app-1", client_secret="not-used"))
    workspace.actor = actor
    return workspace


def store_with_people(target):
    db = open_store(target)
    with Session(db) as session:
        session.add(CampaignRecord(id="c-spring", name="Spring Launch", statecode=0))
        session.add(CampaignRecord(id="c-fall", name="Fall Launch", statecode=0))
        for n in (1, 2, 3):
            session.add(Person(first_name="P", last_name=str(n), email=f"p{n}@example.org", dynamics_type="lead",
                               dynamics_id=f"lead-{n}"))
        session.commit()
        ids = list(session.exec(select(Person.id).order_by(Person.id)))
    return db, ids


async def drop(ws: Workspace, campaign_id: str, people: list[int]) -> str:
    """A drop Dynamics confirmed (what the engine records once the org answered; no org here)."""
    request_id = await ws.confirm(await ws.plan(flows.ADD, campaign_id, people), origin=origins.DRAG_AND_DROP)
    with Session(ws.db) as session:
        campaign = session.get(CampaignRecord, campaign_id)
        everyone = {p.id: p for p in session.exec(select(Person))}
    await ws.sync.confirmation.confirm(campaign, ws.sync.rows_of(request_id), everyone, ADDED, "list-1",
                                       RunReport())
    return request_id


async def test_team_undo_takes_the_operators_own_last_drop_never_a_colleagues(pg_url):
    upgrade_store(pg_url)
    db, (one, two, three) = store_with_people(pg_url)
    ada, bob = operator(db, ADA), operator(db, BOB)
    try:
        await drop(ada, "c-spring", [one, two])
        await drop(bob, "c-fall", [three])  # newer, and a colleague's

        assert ada.undo_titles() == ("Undo add of 2 people to Spring Launch", None)
        assert bob.undo_titles() == ("Undo add of 1 person to Fall Launch", None)
        undo = await ada.plan_undo()
        assert (undo.step.campaign_id, undo.step.person_ids) == ("c-spring", [one, two])
    finally:
        for ws in (ada, bob):
            await ws.aclose()
        db.dispose()


async def test_in_one_persons_file_undo_takes_the_last_drop_whoever_is_signed_in(tmp_path):
    db, (one, two, three) = store_with_people(tmp_path / "one.db")
    ada, bob = operator(db, ADA), operator(db, BOB)
    try:
        await drop(ada, "c-spring", [one, two])
        await drop(bob, "c-fall", [three])
        assert ada.undo_titles()[0] == "Undo add of 1 person to Fall Launch"
    finally:
        for ws in (ada, bob):
            await ws.aclose()
        db.dispose()
