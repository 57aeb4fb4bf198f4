"""Implied sync: people queued for a campaign who are not in Dynamics yet are found by email or created as leads.

Leads are created in batches (CreateMultiple) and linked in the store one transaction per batch. A batch that
Dynamics refuses is created again one person at a time, so only the people at fault fail.

Nobody is created twice: each person gets their lead id (person.new_lead_id) in the store before the first
request leaves, and every attempt sends that same id. A batch whose answer was lost or timed out may have been
applied, or may still be running in the org (plug-ins make creates slow, and the org commits at the end), so a
lookup by email can find nothing yet; it is sent again with the same ids instead, and Dynamics either refuses
what exists (duplicate key, then the client looks the ids up and creates the rest) or creates it once.

How many leads go in one request is learned from the org (batch_sizing.py): fewer after a slow, timed-out or lost
request, more again after quick ones, between the connection's settings create_batch_start and create_batch_max.
"""

from __future__ import annotations

import asyncio
import logging
import math
import uuid
from collections import defaultdict, deque
from collections.abc import Callable, Sequence

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from ..dynamics.client import DataverseClient
from ..dynamics.errors import BadRequest, ConnectionFailed, DuplicateRecord, DynamicsError
from ..language import translate
from . import flows
from .batch_sizing import BatchSizer
from .id_sets import among
from .models import OutboxRow, Person
from .outbox import FAILED, Outbox, RunReport
from .settings import SyncSettings
from .transactions import transaction

log = logging.getLogger(__name__)

CREATE_ATTEMPTS = 4  # a batch of new leads whose answer was lost: sent again with the same ids


class ImpliedSync:
    def __init__(self, db: Engine, client: DataverseClient | None, outbox: Outbox, *,
                 clock: Callable[[], float], stopping: Callable[[], bool]):
        self.db = db
        self.client = client
        self.outbox = outbox
        self.clock = clock
        self.stopping = stopping  # asked between batches: a cancel or a quit ends the work after the request
        # One per engine, and the engine lives as long as its workspace: the pace learned holds for the session.
        self.sizer = BatchSizer(start=SyncSettings.create_batch_start, maximum=SyncSettings.create_batch_max,
                                clock=clock)
        # The connection's settings, read at each run so a change in Settings applies to the next batch; set by
        # the workspace (an engine built on its own keeps the defaults).
        self.settings_source: Callable[[], SyncSettings] | None = None

    @property
    def create_batch(self) -> int:
        """The most leads one CreateMultiple request may carry (the sizer's ceiling)."""
        return self.sizer.maximum

    @create_batch.setter
    def create_batch(self, size: int) -> None:
        """Batches of `size` from the first one (as before sizing was learned), fewer only when the org is slow."""
        self.sizer.configure(start=size, maximum=size)

    @property
    def batch_now(self) -> int:
        """The size the next CreateMultiple request will have, as learned so far (for display)."""
        return self.sizer.size

    async def ensure_in_dynamics(self, rows: list[OutboxRow], people: dict[int, Person],
                                 report: RunReport, *, parallel: int = 1) -> list[OutboxRow]:
        """Find people by email in Dynamics, create the rest as leads (up to `parallel` requests at once). Returns
        the rows ready to add."""
        missing = [r for r in rows if not people[r.person_id].dynamics_id]
        if not missing:
            return rows
        emails = {people[r.person_id].email for r in missing if people[r.person_id].email}
        rows_of: dict[int, list[OutboxRow]] = defaultdict(list)  # a person queued twice is created once
        for row in missing:
            rows_of[row.person_id].append(row)
        # A lead created just before a crash must be found, not created twice: look up by email first (one round
        # trip, leads first). Meanwhile, on a helper thread, whoever may have to be created gets a lead id (0.2 s of
        # store work for 10,000): an id given to someone the lookup then finds is simply never used.
        problems = {person_id: flows.missing_data(people[person_id]) for person_id in rows_of}
        lookup = asyncio.ensure_future(self.client.find_people_by_email(("lead", "contact"), emails))
        try:
            await asyncio.to_thread(self._choose_lead_ids, [p for p in rows_of if not problems[p]], people)
        except BaseException:
            lookup.cancel()
            raise
        found = await lookup
        ready = [r for r in rows if people[r.person_id].dynamics_id]
        links: list[tuple[Person, str, str]] = []
        to_create: list[int] = []
        for person_id, person_rows in rows_of.items():
            person = people[person_id]
            match = found.get((person.email or "").lower())
            if match is not None:
                links.append((person, match.kind, match.id))
                ready.extend(person_rows)
                continue
            problem = problems[person_id]
            if problem:
                self.outbox.finish(person_rows, FAILED, "blocked", problem, report)
                continue
            to_create.append(person_id)
        self._link_people(links)
        if self.settings_source is not None:
            settings = self.settings_source()
            self.sizer.configure(start=settings.create_batch_start, maximum=settings.create_batch_max)
        await self._create_all(to_create, people, rows_of, report, ready, parallel)
        return ready

    async def _create_all(self, to_create: list[int], people: dict[int, Person], rows_of: dict[int, list[OutboxRow]],
                          report: RunReport, ready: list[OutboxRow], parallel: int) -> None:
        """CreateMultiple for everyone in `to_create`, a batch at a time per place: one place until the batch size
        has grown to its maximum (each answer teaches the sizer; small batches in parallel would only cost more
        requests), then up to `parallel` (Microsoft's advice for bulk operations: parallel requests, up to the
        org's degree-of-parallelism hint). Each person carries the lead id chosen above, so no batch can create
        anyone twice, whichever order they are answered in. The first failure stops new batches and is raised once
        the batches in flight have been answered (and their people linked)."""
        waiting = deque(to_create)
        failure: BaseException | None = None

        async def next_batch() -> None:
            nonlocal failure
            # Taken one batch at a time: what the last answer taught the sizer applies to the next batch.
            batch = [waiting.popleft() for _ in range(min(self.sizer.size, len(waiting)))]
            try:
                created, put_back = await self._create_leads(batch, people, rows_of, report)
            except Exception as exc:  # noqa: BLE001 - raised below, once the batches in flight are answered
                failure = failure or exc
                return
            waiting.extendleft(reversed(put_back))
            for person_id in created:
                ready.extend(rows_of[person_id])

        def more() -> bool:
            return bool(waiting) and failure is None and not self.stopping()

        async def place() -> None:
            while more():
                await next_batch()

        while more() and self.sizer.size < self.sizer.maximum:
            await next_batch()
        if more():
            await asyncio.gather(*(place() for _ in range(min(parallel, math.ceil(len(waiting) / self.sizer.size)))))
        if failure is not None:
            raise failure
        # The rows left (a stop between batches) stay claimed: the run hands them back to the queue as it ends.

    async def _create_leads(self, person_ids: list[int], people: dict[int, Person],
                            rows_of: dict[int, list[OutboxRow]], report: RunReport) -> tuple[list[int], list[int]]:
        """One CreateMultiple for these people, linked in one transaction; returns the ids of the people created,
        and those put back for a later batch (a resend after a timeout carries no more than the smaller size)."""
        done: list[int] = []
        put_back: list[int] = []
        for attempt in range(1, CREATE_ATTEMPTS + 1):
            records = [_lead_record(people[person_id]) for person_id in person_ids]
            began = self.sizer.began()
            try:
                new_ids = await self.client.create_leads(records, chunk=len(records))
            except DynamicsError as exc:
                if isinstance(exc, (BadRequest, DuplicateRecord)):
                    log.info("Dynamics refused a batch of %d new leads (%s); creating them one by one",
                             len(records), exc.message)
                    return done + await self._create_leads_one_by_one(person_ids, people, rows_of, report), put_back
                unsure = isinstance(exc, ConnectionFailed) or exc.retryable
                if unsure:
                    # A timeout, a 504 or a lost answer: the org may be struggling with the size; the next batch is
                    # smaller. (This resend keeps its people: they carry their ids, so it cannot create anyone twice.)
                    self.sizer.failed(began, timeout=getattr(self.client, "bulk_timeout", None),
                                      waited_out=exc.waited_out)
                if not unsure or attempt == CREATE_ATTEMPTS:
                    raise  # the ids stay on the people: the next run sends them again, never new ones
                # The answer was lost, not necessarily the work, which may even still be running: never look up by
                # email and create "the missing" under new ids. The ids that exist are linked; the rest are sent
                # again with the same ids, which cannot make anyone twice.
                log.info("creating %d leads failed (%s); looking their ids up, then sending the rest again",
                         len(records), exc.message)
                await asyncio.sleep(self.client.retry.backoff(attempt))
                there = await self.client.existing_lead_ids([people[p].new_lead_id for p in person_ids])
                found = [p for p in person_ids if (people[p].new_lead_id or "").lower() in there]
                self._link_people([(people[p], "lead", (people[p].new_lead_id or "").lower()) for p in found])
                done += found
                linked = set(found)
                person_ids = [p for p in person_ids if p not in linked]
                # A batch that was waited out is resent no bigger than the size just learned; the others follow in
                # later batches, with their ids, so a part still running at the org is refused there, not made twice.
                person_ids, put_back = person_ids[:self.sizer.size], person_ids[self.sizer.size:] + put_back
                if not person_ids:
                    return done, put_back
                continue
            self.sizer.succeeded(began, count=len(records), timeout=getattr(self.client, "bulk_timeout", None))
            self._link_people([(people[p], "lead", new_id) for p, new_id in zip(person_ids, new_ids)])
            return done + list(person_ids), put_back
        return done, put_back

    async def _create_leads_one_by_one(self, person_ids: list[int], people: dict[int, Person],
                                       rows_of: dict[int, list[OutboxRow]], report: RunReport) -> list[int]:
        """After a refused batch: one create per person, so only the people Dynamics refuses fail, with its reason."""
        # An org without CreateMultiple creates one lead at a time, so part of the batch may be in Dynamics
        # already: look again rather than create anyone twice.
        found = await self.client.find_people_by_email("lead", [people[p].email for p in person_ids])
        links: list[tuple[Person, str, str]] = []
        created: list[int] = []
        try:
            for person_id in person_ids:
                if self.stopping():
                    break
                person = people[person_id]
                match = found.get((person.email or "").lower())
                if match is not None:
                    links.append((person, match.kind, match.id))
                    created.append(person_id)
                    continue
                try:
                    new_id = await self.client.create_lead(**_lead_record(person))
                except DynamicsError as exc:
                    if not (isinstance(exc, (BadRequest, DuplicateRecord))):
                        raise
                    self.outbox.finish(rows_of[person_id], FAILED, "failed",
                                       translate("ImpliedSync", "could not create the lead: {problem}").format(
                                           problem=exc.message), report)
                    continue
                links.append((person, "lead", new_id))
                created.append(person_id)
        finally:
            self._link_people(links)  # what was created is linked, even when an error ends the batch
        return created

    def _choose_lead_ids(self, person_ids: Sequence[int], people: dict[int, Person]) -> None:
        """Give each person to create their lead id, stored before any request leaves; a person who has one (an
        earlier attempt may have been applied, or may still be running) keeps it."""
        fresh = [people[p] for p in person_ids if not people[p].new_lead_id]
        if not fresh:
            return
        table = Person.__table__
        # Only where none is stored yet, then read back: if another worker chose an id for the same person
        # meanwhile (team mode), both send that one, and the org makes one lead.
        statement = (table.update().where(table.c.id == bindparam("person_id"), table.c.new_lead_id.is_(None))
                     .values(new_lead_id=bindparam("lead_id")))
        params = [{"person_id": person.id, "lead_id": str(uuid.uuid4())} for person in fresh]

        def write(session: Session) -> dict[int, str]:
            connection = session.connection()
            connection.execute(statement, params)
            stored = select(table.c.id, table.c.new_lead_id).where(among(table.c.id, [p.id for p in fresh]))
            return {person_id: lead_id for person_id, lead_id in connection.execute(stored)}
        chosen = transaction(self.db, write)
        for person in fresh:
            person.new_lead_id = chosen[person.id]

    def _link_people(self, links: Sequence[tuple[Person, str, str]]) -> None:
        """Record the Dynamics type and id of many people in one transaction."""
        if not links:
            return
        now = self.clock()
        for person, kind, dynamics_id in links:
            person.dynamics_type, person.dynamics_id, person.new_lead_id = kind, dynamics_id, None
        table = Person.__table__
        # Linked: the chosen id has served (or another lead was found by email), so it is cleared.
        statement = (table.update().where(table.c.id == bindparam("person_id"))
                     .values(dynamics_type=bindparam("kind"), dynamics_id=bindparam("new_id"), new_lead_id=None,
                             updated_at=now))
        params = [{"person_id": person.id, "kind": kind, "new_id": dynamics_id} for person, kind, dynamics_id in links]

        def write(session: Session):
            session.connection().execute(statement, params)
        transaction(self.db, write)


def _lead_record(person: Person) -> dict:
    """create_lead's arguments for a person CampSync creates in Dynamics (implied sync)."""
    return dict(last_name=person.last_name or person.first_name,
                first_name=person.first_name if person.last_name else "", email=person.email,
                company=person.company, job_title=person.job_title, country=person.country,
                lead_id=person.new_lead_id)

