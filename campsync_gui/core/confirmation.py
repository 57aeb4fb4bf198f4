"""Dynamics confirmed: each row's membership, trigger event and outcome are recorded in one transaction, then
published on the bus (outbox changes, then trigger events a slice at a time)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlmodel import Session, select, update

from ..dynamics.client import chunked
from ..language import translate
from .bulk_insert import insert_many
from .events import OUTBOX, TRIGGERS, Event, EventBus
from .flows import FLOW_ACTION
from .id_sets import among
from .models import CampaignRecord, Membership, OutboxRow, Person, TriggerEventRecord
from .outbox import DONE, RunReport
from .transactions import transaction
from .triggers import ADDED, TriggerEvent, append_events

PUBLISH_SLICE = 100  # trigger events per bus publish; the event loop runs between slices
# Confirmed rows recorded per transaction: a whole batch (about 50 ms of work), since the window runs the engine on
# its own thread (engine_thread.py); a hundred at a time cost a drop of 10,000 people a second in transactions.
CONFIRM_SLICE = 500


class Confirmation:
    def __init__(self, db: Engine, bus: EventBus, *, clock: Callable[[], float]):
        self.db = db
        self.bus = bus
        self.clock = clock

    async def confirm(self, campaign: CampaignRecord, rows: list[OutboxRow], people: dict[int, Person],
                      trigger: str, list_id: str, report: RunReport) -> None:
        """Dynamics confirmed these rows: record them a slice at a time, the event loop running in between.
        Each row's membership, trigger event and outcome share one transaction; a crash between slices leaves
        the rest "sent", and resending those to Dynamics changes nothing there."""
        for part in chunked(rows, CONFIRM_SLICE):
            await self._confirm_slice(campaign, part, people, trigger, list_id, report)

    async def _confirm_slice(self, campaign: CampaignRecord, rows: list[OutboxRow], people: dict[int, Person],
                             trigger: str, list_id: str, report: RunReport) -> None:
        if not rows:
            return
        now = self.clock()
        outcome = "added" if trigger == ADDED else "removed"
        confirmed = translate("Confirmation", "confirmed by Dynamics")
        ids = [r.id for r in rows]
        person_ids = [r.person_id for r in rows]

        # Bulk statements, not one ORM object per row: this runs on the window's thread once per batch.
        def write(session: Session) -> list[TriggerEvent]:
            session.exec(update(OutboxRow).where(among(OutboxRow.id, ids))
                         .values(state=DONE, outcome=outcome, reason=confirmed, done_at=now,
                                 last_error=None))
            already = set(session.exec(select(TriggerEventRecord.outbox_id)
                                       .where(among(TriggerEventRecord.outbox_id, ids))))
            if trigger == ADDED:
                insert_many(session, Membership.__table__,
                            [dict(person_id=row.person_id, campaign_id=campaign.id, list_id=list_id,
                                  source=FLOW_ACTION, added_at=now, origin=row.origin, request_id=row.request_id,
                                  actor=row.actor) for row in rows],
                            conflict=("person_id", "campaign_id", "list_id"),
                            update=("source", "added_at", "origin", "request_id", "actor"))
            else:
                session.exec(delete(Membership).where(among(Membership.person_id, person_ids),
                                                      Membership.campaign_id == campaign.id,
                                                      Membership.source == FLOW_ACTION))
            # depth and chain travel with the events so trigger campaigns can stop chains that feed themselves
            events = [TriggerEvent(trigger=trigger, person_id=row.person_id, email=people[row.person_id].email,
                                   campaign_id=campaign.id, campaign_name=campaign.name, origin=row.origin,
                                   request_id=row.request_id, outbox_id=row.id, at=now, actor=row.actor,
                                   depth=row.depth, chain=tuple(json.loads(row.chain)))
                      for row in rows if row.id not in already]
            return append_events(session, events)  # gives the events the ids the published events carry

        written = transaction(self.db, write)
        report.done += len(rows)
        for row in rows:
            row.state, row.outcome = DONE, outcome
        self.bus.publish(Event(OUTBOX, {"ids": ids, "state": DONE, "outcome": outcome}))
        for part in chunked(written, PUBLISH_SLICE):
            self.bus.publish(Event(TRIGGERS, {"events": part}))
            await asyncio.sleep(0)  # the log panel and trigger campaigns take their share; the window breathes

    def drop_membership(self, person_id: int, campaign_id: str, list_id: str) -> None:
        """Dynamics says CampSync's list is gone: so is the membership through it."""
        def write(session: Session):
            row = session.get(Membership, (person_id, campaign_id, list_id))
            if row is not None:
                session.delete(row)
        transaction(self.db, write)
