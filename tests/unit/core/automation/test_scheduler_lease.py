"""Several nodes (windows, workers) ticking the scheduler of one store: one holder of the scheduler's lease does the
work, so a batch campaign runs once per schedule; a node that stops hands over at once, one that dies after the
lease runs out."""

from campsync_gui.core import leases
from campsync_gui.core.automation.scheduler import LEASE, Scheduler
from test_runner import ADD_TO_FALL, DAY, START, world  # noqa: F401 — world: test_runner's fixture, used here


def node(world, name: str) -> Scheduler:
    return Scheduler(world.db, world.runner, clock=world.clock, node=name)


async def test_a_daily_batch_campaign_runs_once_with_three_nodes_ticking(world):
    world.person(), world.person()
    world.campaign("Daily", [], ADD_TO_FALL, kind="batch", rule="every_time",
                   schedule={"at": START - 10, "repeat": "daily"})
    window, worker, other_window = node(world, "window"), node(world, "worker"), node(world, "window 2")

    ticks = [await each.tick() for each in (window, worker, other_window, worker, window)]

    assert sum(len(t.batches) for t in ticks) == 1, "the batch campaign ran once"
    assert len(world.added_to("c-fall")) == 2
    assert [t.runs_elsewhere for t in ticks] == ["", "window", "window", "window", ""]


async def test_a_node_that_stops_hands_the_schedule_over_at_once(world):
    world.person()
    window, worker = node(world, "window"), node(world, "worker")
    await window.tick()
    window.release()  # the window closes
    assert (await worker.tick()).runs_elsewhere == ""
    assert leases.current(world.db, LEASE).holder == "worker"


async def test_a_node_that_died_is_taken_over_once_its_lease_runs_out(world):
    world.person()
    world.campaign("Daily", [], ADD_TO_FALL, kind="batch", rule="every_time",
                   schedule={"at": START + DAY, "repeat": "daily"})
    crashed, worker = node(world, "crashed"), node(world, "worker")
    await crashed.tick()  # then never again, and never released
    world.clock.now = START + leases.LEASE_SECONDS - 1
    assert (await worker.tick()).runs_elsewhere == "crashed"
    world.clock.now = START + DAY  # the lease ran out long ago; the campaign is due
    tick = await worker.tick()
    assert tick.runs_elsewhere == "" and [b.campaign for b in tick.batches] == ["Daily"]


def test_an_unreadable_lease_row_is_a_free_lease_not_a_stuck_scheduler(world):
    from sqlmodel import Session

    from campsync_gui.core.models import Setting
    with Session(world.db) as session:
        session.add(Setting(scope=leases.LEASE_SCOPE, key=LEASE, value="not json"))
        session.commit()
    assert leases.take(world.db, LEASE, "worker", START).holder == "worker"
