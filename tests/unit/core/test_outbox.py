"""The outbox (core/outbox.py): the durable to-do list of flow actions and the states a row moves through —
what an operator sees in the Queue tab and what a crashed or second worker finds — and the queue as people read it
(core/queue.py)."""

import json
import os
import socket
import subprocess
import sys

import pytest
from sqlmodel import Session, select, update

from campsync_gui.core import flows, outbox as outbox_module, queue
from campsync_gui.core.events import OUTBOX, EventBus
from campsync_gui.core.models import CampaignRecord, FlowRequest, Membership, OutboxRow, Person
from campsync_gui.core.outbox import (CANCELLED, CLAIM_LEASE_SECONDS, CLAIMED, DONE, FAILED, MAX_ATTEMPTS, PENDING,
                                      SENT, STAGED, Outbox, RunReport)
from campsync_gui.core.store import open_store

HOST = socket.gethostname()
START = 1_800_000_000.0


class Clock:
    def __init__(self, now: float = START):
        self.now = now

    def __call__(self) -> float:
        return self.now


def worker(pid: int, token: str, host: str = HOST) -> str:
    return f"{host}:{pid}:{token}"  # the shape new_worker_id() gives


@pytest.fixture(scope="module")
def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped): a worker killed on this host."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


class World:
    def __init__(self, db):
        self.db = db
        self.clock = Clock()
        self.bus = EventBus()
        self.published = []
        self.bus.subscribe(self.published.append)
        self.me = worker(os.getpid(), "me000001")
        self.outbox = self.outbox_of(self.me)
        with Session(db) as session:
            session.add(CampaignRecord(id="c-spring", name="Spring Launch", statecode=0))
            session.commit()

    def outbox_of(self, worker_id: str) -> Outbox:
        return Outbox(self.db, worker_id=worker_id, clock=self.clock, bus=self.bus)

    def people(self, count: int, **values) -> list[Person]:
        with Session(self.db) as session:
            start = len(list(session.exec(select(Person.id))))
            made = [Person(**{**dict(first_name="Ada", last_name=f"Lead{start + i}", email=f"p{start + i}@example.com",
                                     dynamics_type="lead", dynamics_id=f"lead-{start + i}"), **values})
                    for i in range(count)]
            session.add_all(made)
            session.commit()
            for person in made:
                session.refresh(person)
        return made

    def campaign(self, campaign_id: str = "c-spring") -> CampaignRecord:
        with Session(self.db) as session:
            return session.get(CampaignRecord, campaign_id)

    def plan(self, people, action=flows.ADD, campaign_id="c-spring", **kwargs) -> flows.Plan:
        return flows.plan(people, self.campaign(campaign_id), action, readiness=flows.Readiness(), **kwargs)

    def queued(self, count: int, **kwargs) -> tuple[str, list[OutboxRow]]:
        request_id = self.outbox.enqueue(self.plan(self.people(count)), origin="cli", **kwargs)
        return request_id, self.outbox.rows_of(request_id)

    def rows(self) -> list[OutboxRow]:
        with Session(self.db) as session:
            return list(session.exec(select(OutboxRow).order_by(OutboxRow.id)))

    def row(self, row_id: int) -> OutboxRow:
        with Session(self.db) as session:
            return session.get(OutboxRow, row_id)

    def set(self, rows, **values) -> None:
        """Arrange rows in a state (as another worker or an earlier run left them)."""
        with Session(self.db) as session:
            session.exec(update(OutboxRow).where(OutboxRow.id.in_([r.id for r in rows])).values(**values))
            session.commit()

    def states(self) -> dict[int, str]:
        return {row.id: row.state for row in self.rows()}


@pytest.fixture
def world(tmp_path):
    db = open_store(tmp_path / "x.db")
    yield World(db)
    db.dispose()


def drive_until_first_slice(coroutine):
    """Run an enqueue_in_slices coroutine until it yields to the event loop after its first slice."""
    coroutine.send(None)


def drive_to_the_end(coroutine):
    while True:
        try:
            coroutine.send(None)
        except StopIteration as finished:
            return finished.value


# ---- enqueueing ----------------------------------------------------------------------------------------------------

def test_enqueue_writes_one_pending_row_per_runnable_person_and_records_the_request(world):
    runnable = world.people(2)
    already = world.people(1)[0]
    no_email = world.people(1, email=None, dynamics_id=None, dynamics_type=None)[0]
    memberships = {already.id: [Membership(person_id=already.id, campaign_id="c-spring", list_id="l",
                                           source=flows.FLOW_ACTION)]}
    plan = world.plan(runnable + [already, no_email], memberships=memberships)
    assert len(plan.items) == 4 and len(plan.runnable) == 2

    request_id = world.outbox.enqueue(plan, origin="drag-and-drop", depth=2, chain=[7, 9])

    rows = world.rows()
    assert [row.person_id for row in rows] == [p.id for p in runnable]
    for row in rows:
        assert (row.state, row.action, row.campaign_id, row.request_id) == (PENDING, "add", "c-spring", request_id)
        assert (row.origin, row.created_at, row.claimed_by, row.attempts) == ("drag-and-drop", START, None, 0)
        assert (row.depth, json.loads(row.chain)) == (2, [7, 9])
    assert len({row.idempotency_key for row in rows}) == 2
    with Session(world.db) as session:
        request = session.get(FlowRequest, request_id)
    assert (request.action, request.campaign_id, request.origin, request.created_at) == \
        ("add", "c-spring", "drag-and-drop", START)
    told = [event.data for event in world.published if event.kind == OUTBOX]
    assert told == [{"request_id": request_id, "state": PENDING, "count": 2}]


def test_a_request_id_given_by_the_caller_is_the_one_used(world):
    request_id = world.outbox.enqueue(world.plan(world.people(1)), origin="cli", request_id="undo-0001")
    assert request_id == "undo-0001"
    assert [row.request_id for row in world.rows()] == ["undo-0001"]


def test_rows_enqueued_in_slices_stay_out_of_every_workers_reach_until_the_whole_request_is_queued(world):
    plan = world.plan(world.people(3))
    other = world.outbox_of(worker(os.getpid(), "other001"))
    enqueueing = world.outbox.enqueue_in_slices(plan, origin="drag-and-drop", slice_size=1)

    drive_until_first_slice(enqueueing)
    assert len(world.rows()) == 1  # the first slice is written...
    assert other.claim() == [] and world.outbox.claim() == []  # ...but nobody may take it yet
    with Session(world.db) as session:
        assert session.exec(select(FlowRequest)).all() == []

    request_id = drive_to_the_end(enqueueing)
    claimed = other.claim()
    assert [row.person_id for row in claimed] == [item.person.id for item in plan.items]
    assert {row.request_id for row in claimed} == {request_id}
    with Session(world.db) as session:
        assert session.get(FlowRequest, request_id).origin == "drag-and-drop"


async def test_enqueue_in_slices_gives_the_same_rows_as_enqueue(world):
    request_id = await world.outbox.enqueue_in_slices(world.plan(world.people(5)), origin="cli", slice_size=2)
    rows = world.rows()
    assert len(rows) == 5
    assert {(row.state, row.claimed_by, row.request_id) for row in rows} == {(PENDING, None, request_id)}


# ---- claiming --------------------------------------------------------------------------------------------------

def test_claim_takes_only_pending_rows_oldest_first_and_marks_them_as_this_workers(world):
    _, rows = world.queued(6)
    pending_a, failed, done, cancelled, held_elsewhere, pending_b = rows
    world.set([failed], state=FAILED)
    world.set([done], state=DONE)
    world.set([cancelled], state=CANCELLED)
    world.set([held_elsewhere], state=CLAIMED, claimed_by=worker(os.getpid(), "other001"), claimed_at=START)
    world.clock.now = START + 30

    claimed = world.outbox.claim()

    assert [row.id for row in claimed] == [pending_a.id, pending_b.id]
    for row in claimed:
        stored = world.row(row.id)
        assert (stored.state, stored.claimed_by, stored.claimed_at) == (CLAIMED, world.me, START + 30)
    assert world.states() == {pending_a.id: CLAIMED, failed.id: FAILED, done.id: DONE, cancelled.id: CANCELLED,
                              held_elsewhere.id: CLAIMED, pending_b.id: CLAIMED}
    assert world.row(held_elsewhere.id).claimed_by.endswith("other001")
    assert world.outbox_of(worker(os.getpid(), "third001")).claim() == []  # nothing left for a second worker


def test_claim_takes_at_most_one_batch(world, monkeypatch):
    monkeypatch.setattr(outbox_module, "CLAIM_BATCH", 2)
    _, rows = world.queued(3)
    assert [row.id for row in world.outbox.claim()] == [rows[0].id, rows[1].id]
    assert world.row(rows[2].id).state == PENDING


def test_mine_lists_the_rows_this_worker_holds(world):
    _, rows = world.queued(3)
    claimed = world.outbox.claim()
    world.outbox.mark_sent(claimed[:1])
    world.outbox.finish(claimed[2:], DONE, "added", "confirmed", RunReport())
    assert sorted(row.id for row in world.outbox.mine()) == [rows[0].id, rows[1].id]
    assert world.outbox_of(worker(os.getpid(), "other001")).mine() == []


def test_release_hands_unfinished_rows_back_to_the_queue(world):
    _, rows = world.queued(2)
    claimed = world.outbox.claim()
    world.outbox.mark_sent(claimed[:1])
    world.outbox.release(claimed)
    assert {(r.state, r.claimed_by) for r in world.rows()} == {(PENDING, None)}
    assert len(world.outbox_of(worker(os.getpid(), "other001")).claim()) == 2


# ---- outcomes ------------------------------------------------------------------------------------------------

def test_mark_sent_records_the_moment_and_counts_the_attempt(world):
    world.queued(2)
    claimed = world.outbox.claim()
    world.clock.now = START + 5
    world.outbox.mark_sent(claimed)
    world.clock.now = START + 9
    world.outbox.mark_sent(claimed)
    for row in claimed:
        stored = world.row(row.id)
        assert (stored.state, stored.sent_at, stored.attempts) == (SENT, START + 9, 2)
        assert row.state == SENT  # the caller's copies follow


@pytest.mark.parametrize("state, outcome, counted", [(FAILED, "blocked", "blocked"), (DONE, "skipped", "skipped"),
                                                     (FAILED, "failed", "failed")])
def test_finish_ends_rows_with_the_reason_counts_them_and_tells_the_window(world, state, outcome, counted):
    world.queued(2)
    claimed = world.outbox.claim()
    report = RunReport()
    world.clock.now = START + 60
    world.outbox.finish(claimed, state, outcome, "campaign 'Spring Launch' became inactive", report)
    for row in claimed:
        stored = world.row(row.id)
        assert (stored.state, stored.outcome, stored.reason, stored.done_at) == \
            (state, outcome, "campaign 'Spring Launch' became inactive", START + 60)
        assert stored.last_error == (stored.reason if state == FAILED else None)
    assert getattr(report, counted) == 2
    assert sum(getattr(report, name) for name in ("blocked", "skipped", "failed", "done")) == 2
    told = world.published[-1]
    assert (told.kind, told.data["ids"], told.data["state"], told.data["outcome"]) == \
        (OUTBOX, [row.id for row in claimed], state, outcome)


def test_a_retryable_failure_puts_rows_back_for_any_worker_keeping_the_error_and_when_they_were_sent(world):
    _, rows = world.queued(1)
    claimed = world.outbox.claim()
    world.outbox.mark_sent(claimed)
    world.outbox.back_to_pending(claimed, "the org did not answer (timeout)")
    stored = world.row(rows[0].id)
    assert (stored.state, stored.claimed_by, stored.last_error, stored.sent_at) == \
        (PENDING, None, "the org did not answer (timeout)", START)
    assert [row.id for row in world.outbox_of(worker(os.getpid(), "other001")).claim()] == [rows[0].id]


def test_a_row_tried_max_attempts_times_gives_up_as_failed_with_the_reason(world):
    _, rows = world.queued(1)
    for attempt in range(1, MAX_ATTEMPTS + 1):
        claimed = world.outbox.claim()
        assert [row.id for row in claimed] == [rows[0].id], f"attempt {attempt} finds the row in the queue"
        world.outbox.mark_sent(claimed)
        world.outbox.back_to_pending(claimed, "HTTP 503 from the org")
        expected = FAILED if attempt == MAX_ATTEMPTS else PENDING
        assert world.row(rows[0].id).state == expected
    stored = world.row(rows[0].id)
    assert stored.outcome == "failed"
    assert f"gave up after {MAX_ATTEMPTS} attempts" in stored.reason and "HTTP 503 from the org" in stored.reason
    assert world.outbox.claim() == []


# ---- recovery after a crash -----------------------------------------------------------------------------------

def test_recover_frees_the_rows_of_a_dead_worker_on_this_host_and_keeps_when_they_were_sent(world, dead_pid):
    _, rows = world.queued(2)
    dead = worker(dead_pid, "dead0001")
    world.set(rows[:1], state=CLAIMED, claimed_by=dead, claimed_at=START)
    world.set(rows[1:], state=SENT, claimed_by=dead, claimed_at=START, sent_at=START + 1, attempts=1)
    world.clock.now = START + 60  # long before the lease ends: the pid tells the worker is gone

    assert world.outbox.recover() == 2

    assert {(r.state, r.claimed_by) for r in world.rows()} == {(PENDING, None)}
    assert world.row(rows[1].id).sent_at == START + 1  # the action may already be in Dynamics
    assert len(world.outbox.claim()) == 2


def test_recover_leaves_a_live_workers_fresh_claim_alone(world):
    _, rows = world.queued(1)
    alive_elsewhere = worker(os.getpid(), "other001")  # another workspace in a live process on this host
    world.set(rows, state=CLAIMED, claimed_by=alive_elsewhere, claimed_at=START)
    world.clock.now = START + CLAIM_LEASE_SECONDS - 1
    assert world.outbox.recover() == 0
    assert (world.row(rows[0].id).state, world.row(rows[0].id).claimed_by) == (CLAIMED, alive_elsewhere)


def test_recover_frees_rows_whose_lease_expired_whoever_held_them(world):
    _, rows = world.queued(3)
    other_host_old = worker(4242, "far00001", host=HOST + "-elsewhere")
    other_host_fresh = worker(4242, "far00002", host=HOST + "-elsewhere")
    alive_here_old = worker(os.getpid(), "other001")
    world.clock.now = START + CLAIM_LEASE_SECONDS + 10
    world.set(rows[:1], state=CLAIMED, claimed_by=other_host_old, claimed_at=START)
    world.set(rows[1:2], state=SENT, claimed_by=alive_here_old, claimed_at=START)
    world.set(rows[2:], state=CLAIMED, claimed_by=other_host_fresh, claimed_at=START + 20)

    assert world.outbox.recover() == 2

    assert world.states() == {rows[0].id: PENDING, rows[1].id: PENDING, rows[2].id: CLAIMED}


def test_recover_leaves_the_workers_own_rows_alone_even_past_the_lease(world):
    _, rows = world.queued(2)
    world.outbox.claim()
    world.clock.now = START + 10 * CLAIM_LEASE_SECONDS
    assert world.outbox.recover() == 0
    assert set(world.states().values()) == {CLAIMED}


def test_recover_deletes_the_staged_rows_of_an_enqueue_that_died_half_way(world, dead_pid):
    keep_id, kept = world.queued(1)
    crashed = world.outbox_of(worker(dead_pid, "dead0001"))
    enqueueing = crashed.enqueue_in_slices(world.plan(world.people(3)), origin="drag-and-drop", slice_size=1)
    drive_until_first_slice(enqueueing)
    enqueueing.close()  # the process died before the request was queued whole
    staged = [row for row in world.rows() if row.request_id != keep_id]
    assert len(staged) == 1 and staged[0].claimed_by.startswith(STAGED)

    world.outbox.recover()

    assert [row.id for row in world.rows()] == [kept[0].id]  # the request that was queued whole stays
    assert world.outbox.pending_count() == 1


def test_recover_deletes_staged_rows_left_longer_than_the_lease_but_not_an_enqueue_in_progress(world):
    other = world.outbox_of(worker(os.getpid(), "other001"))
    slow = other.enqueue_in_slices(world.plan(world.people(2)), origin="cli", slice_size=1)
    drive_until_first_slice(slow)
    world.clock.now = START + CLAIM_LEASE_SECONDS + 1
    fresh = other.enqueue_in_slices(world.plan(world.people(2)), origin="cli", slice_size=1)
    drive_until_first_slice(fresh)
    fresh_rows = [row.id for row in world.rows()][1:]

    world.outbox.recover()

    assert [row.id for row in world.rows()] == fresh_rows


def test_recover_leaves_the_workers_own_enqueue_in_progress_alone(world):
    enqueueing = world.outbox.enqueue_in_slices(world.plan(world.people(2)), origin="cli", slice_size=1)
    drive_until_first_slice(enqueueing)
    world.clock.now = START + 10 * CLAIM_LEASE_SECONDS
    world.outbox.recover()
    drive_to_the_end(enqueueing)
    assert len(world.outbox.claim()) == 2


# ---- queue management ------------------------------------------------------------------------------------------

def test_retry_failed_puts_failed_rows_back_with_a_fresh_count_of_attempts(world):
    _, rows = world.queued(3)
    world.set(rows[:2], state=FAILED, outcome="failed", reason="gave up", attempts=MAX_ATTEMPTS,
              claimed_by=world.me)
    world.set(rows[2:], state=DONE, outcome="added")

    assert world.outbox.retry_failed() == 2

    for row in rows[:2]:
        stored = world.row(row.id)
        assert (stored.state, stored.outcome, stored.reason, stored.attempts, stored.claimed_by) == \
            (PENDING, None, None, 0, None)
    assert world.row(rows[2].id).state == DONE


def test_retry_failed_by_ids_or_by_request_touches_only_those(world):
    first_request, first = world.queued(2)
    _, second = world.queued(2)
    world.set(first + second, state=FAILED, outcome="failed")

    assert world.outbox.retry_failed(ids=[first[0].id, second[1].id]) == 2
    assert world.states() == {first[0].id: PENDING, first[1].id: FAILED, second[0].id: FAILED,
                              second[1].id: PENDING}
    assert world.outbox.retry_failed(request_id=first_request) == 1
    assert world.states()[first[1].id] == PENDING and world.states()[second[0].id] == FAILED


def test_cancel_ends_only_pending_and_failed_rows_and_says_who_cancelled(world):
    _, rows = world.queued(5)
    pending, failed, claimed, sent, done = rows
    world.set([failed], state=FAILED)
    world.set([claimed], state=CLAIMED, claimed_by=world.me)
    world.set([sent], state=SENT, claimed_by=world.me)
    world.set([done], state=DONE)

    assert world.outbox.cancel() == 2

    assert world.states() == {pending.id: CANCELLED, failed.id: CANCELLED, claimed.id: CLAIMED, sent.id: SENT,
                              done.id: DONE}
    stored = world.row(pending.id)
    assert (stored.outcome, stored.reason) == ("cancelled", "cancelled by the user")


def test_cancel_by_ids_or_by_request_touches_only_those(world):
    first_request, first = world.queued(2)
    _, second = world.queued(2)
    assert world.outbox.cancel(ids=[second[0].id]) == 1
    assert world.outbox.cancel(request_id=first_request) == 2
    assert world.states() == {first[0].id: CANCELLED, first[1].id: CANCELLED, second[0].id: CANCELLED,
                              second[1].id: PENDING}


def test_pending_count_counts_rows_still_to_be_confirmed(world):
    _, rows = world.queued(6)
    world.set(rows[1:2], state=CLAIMED)
    world.set(rows[2:3], state=SENT)
    world.set(rows[3:4], state=FAILED)
    world.set(rows[4:5], state=DONE)
    world.set(rows[5:6], state=CANCELLED)
    assert world.outbox.pending_count() == 3


def test_a_run_report_adds_up_the_engine_runs_of_one_queue_run():
    total = RunReport(done=3, failed=1, blocked=0, skipped=2, left_pending=40, requests=5, problems=["slow"])
    total.add(RunReport(done=10, failed=0, blocked=4, skipped=1, left_pending=7, requests=2, problems=["timeout"]))
    assert total.to_dict() == {"done": 13, "failed": 1, "blocked": 4, "skipped": 3, "left_pending": 7,
                               "requests": 7, "problems": ["slow", "timeout"]}


# ---- the queue as people see it (core/queue.py) -----------------------------------------------------------------

def test_a_truncated_snapshot_keeps_failed_and_running_rows_first_then_the_oldest_pending(world):
    _, rows = world.queued(8)
    world.set(rows[6:7], state=FAILED, last_error="HTTP 400: bad lead")
    world.set(rows[5:6], state=SENT)
    world.set(rows[7:8], state=CLAIMED)
    world.set(rows[0:1], state=DONE)

    shown = queue.snapshot(world.db, limit=4)

    assert [entry.id for entry in shown.entries] == [rows[1].id, rows[5].id, rows[6].id, rows[7].id]
    assert shown.counts == {"pending": 4, "running": 2, "failed": 1}
    assert shown.truncated


def test_a_snapshot_resolves_people_and_campaigns_and_shows_every_open_or_failed_row(world):
    _, rows = world.queued(2)
    people = world.people(1)
    with Session(world.db) as session:  # a row for a campaign the store no longer knows
        session.add(OutboxRow(action="remove", campaign_id="c-deleted", person_id=people[0].id, state=FAILED,
                              reason="the campaign was deleted", idempotency_key="k-deleted", request_id="r-x"))
        session.commit()
    world.set(rows[1:], state=CANCELLED)

    shown = queue.snapshot(world.db, limit=100)

    assert not shown.truncated
    by_id = {entry.id: entry for entry in shown.entries}
    assert set(by_id) == {rows[0].id, max(by_id)}
    first = by_id[rows[0].id]
    assert (first.email, first.campaign, first.state, first.action) == ("p0@example.com", "Spring Launch", PENDING,
                                                                        "add")
    deleted = by_id[max(by_id)]
    assert (deleted.campaign, deleted.message, deleted.state) == ("c-deleted", "the campaign was deleted", FAILED)


def test_pending_person_ids_are_the_people_with_an_action_not_yet_confirmed(world):
    _, rows = world.queued(5)
    world.set(rows[1:2], state=SENT)
    world.set(rows[2:3], state=FAILED)
    world.set(rows[3:4], state=DONE)
    world.set(rows[4:5], state=CANCELLED)
    assert queue.pending_person_ids(world.db) == {rows[0].person_id, rows[1].person_id}
