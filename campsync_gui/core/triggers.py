"""Trigger events Added to / Removed from Microsoft Campaign: one typed event, from the engine's confirmation to the
log panel, the automation runner and the exports, and the append-only log they are kept in, chained by hashes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, select, update

from .models import ChainHead, TriggerEventRecord

ADDED = "added_to_microsoft_campaign"
REMOVED = "removed_from_microsoft_campaign"
TRIGGER_LABELS = {ADDED: "Added to Microsoft Campaign", REMOVED: "Removed from Microsoft Campaign"}

_STORED = [c.name for c in TriggerEventRecord.__table__.columns if c.name != "id"]


@dataclass(slots=True)
class TriggerEvent:
    """One confirmed Added to / Removed from Microsoft Campaign. A plain record, not an ORM object: a confirmed
    batch makes hundreds, and building ORM objects cost more than writing them."""

    trigger: str  # ADDED / REMOVED
    person_id: int
    email: str | None
    campaign_id: str
    campaign_name: str
    origin: str
    request_id: str
    outbox_id: int | None
    at: float  # epoch seconds
    prev_hash: str = ""
    hash: str = ""
    id: int | None = None
    # Not stored: the chain of trigger campaigns that led here, so a campaign that feeds itself is stopped.
    depth: int = 0
    chain: tuple[int, ...] = ()

    @property
    def label(self) -> str:
        return TRIGGER_LABELS.get(self.trigger, self.trigger)

    @property
    def time(self) -> datetime:
        return datetime.fromtimestamp(self.at, tz=timezone.utc)

    def to_dict(self) -> dict:
        """The event as `campsync log --json` and exports give it: stable English keys (scripts rely on them)."""
        return {"id": self.id, "trigger": self.trigger, "trigger_label": self.label, "person_id": self.person_id,
                "email": self.email, "campaign_id": self.campaign_id, "campaign": self.campaign_name,
                "origin": self.origin, "request_id": self.request_id,
                "time": self.time.isoformat(timespec="milliseconds")}

    @classmethod
    def of_record(cls, row: TriggerEventRecord) -> "TriggerEvent":
        return cls(**{name: getattr(row, name) for name in _STORED}, id=row.id)


def event_hash(prev_hash: str, event: TriggerEvent) -> str:
    payload = [prev_hash, event.trigger, event.person_id, event.email, event.campaign_id, event.campaign_name,
               event.origin, event.request_id, event.outbox_id, repr(float(event.at))]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()


def append_events(session: Session, events: list[TriggerEvent]) -> list[TriggerEvent]:
    """Chain and add `events` inside the caller's transaction (which also writes what they report)."""
    if not events:
        return events
    # The UPDATE comes first: it takes SQLite's write lock, so no other writer can slip an event in
    # between reading the head and writing after it.
    result = session.exec(update(ChainHead).where(ChainHead.id == 1).values(seq=ChainHead.seq + len(events)))
    if result.rowcount == 0:
        session.add(ChainHead(id=1, seq=len(events), last_hash=""))
        session.flush()
    head = session.get(ChainHead, 1)
    session.refresh(head)
    prev = head.last_hash
    for event in events:
        event.prev_hash = prev
        event.hash = event_hash(prev, event)
        prev = event.hash
    # One bulk INSERT (RETURNING the new ids, in order) instead of one ORM flush per event.
    new_ids = session.execute(insert(TriggerEventRecord).returning(TriggerEventRecord.id, sort_by_parameter_order=True),
                              [{name: getattr(event, name) for name in _STORED} for event in events]).scalars()
    for event, new_id in zip(events, new_ids):
        event.id = new_id
    head.last_hash = prev
    session.add(head)
    return events


def recent(db: Engine, limit: int | None = None) -> list[TriggerEvent]:
    """The newest `limit` events (all without a limit), oldest first."""
    query = select(TriggerEventRecord).order_by(TriggerEventRecord.id.desc())
    if limit:
        query = query.limit(limit)
    with Session(db) as session:
        return [TriggerEvent.of_record(row) for row in reversed(session.exec(query).all())]


def after(db: Engine, last_id: int) -> list[TriggerEvent]:
    """Events written after the event `last_id`, oldest first (what `campsync log --follow` polls)."""
    with Session(db) as session:
        rows = session.exec(select(TriggerEventRecord).where(TriggerEventRecord.id > last_id)
                            .order_by(TriggerEventRecord.id))
        return [TriggerEvent.of_record(row) for row in rows]


@dataclass
class ChainCheck:
    ok: bool
    count: int
    message: str
    first_bad_id: int | None = None

    def to_dict(self) -> dict:
        return {"ok": self.ok, "count": self.count, "message": self.message, "first_bad_id": self.first_bad_id}


def verify_chain(db: Engine) -> ChainCheck:
    """Recompute every hash in order; any edited, removed or inserted row breaks the chain at that row."""
    prev = ""
    count = 0
    with Session(db) as session:
        for row in session.exec(select(TriggerEventRecord).order_by(TriggerEventRecord.id)):
            count += 1
            if row.prev_hash != prev:
                return ChainCheck(False, count, f"event {row.id} does not follow the event before it "
                                                f"(a row was removed or inserted)", row.id)
            if event_hash(prev, row) != row.hash:
                return ChainCheck(False, count, f"event {row.id} was changed after it was written", row.id)
            prev = row.hash
        head = session.get(ChainHead, 1)
    if head is not None and head.last_hash != prev:
        return ChainCheck(False, count, "the newest events were removed (the chain head is ahead of the log)")
    return ChainCheck(True, count, f"{count} trigger events, chain intact")
