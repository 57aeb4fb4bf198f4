"""Trigger events Added to / Removed from Microsoft Campaign: an append-only log chained by hashes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlalchemy import insert
from sqlmodel import Session, select, update

from .models import ChainHead, TriggerEvent

ADDED = "added_to_microsoft_campaign"
REMOVED = "removed_from_microsoft_campaign"
TRIGGER_LABELS = {ADDED: "Added to Microsoft Campaign", REMOVED: "Removed from Microsoft Campaign"}


@dataclass(slots=True)
class NewTriggerEvent:
    """A trigger event about to be appended: the TriggerEvent columns as a plain record (building 500
    ORM objects per confirmed batch cost more than writing them)."""

    trigger: str
    person_id: int
    email: str | None
    campaign_id: str
    campaign_name: str
    origin: str
    request_id: str
    outbox_id: int | None
    at: float
    prev_hash: str = ""
    hash: str = ""
    id: int | None = None


def event_hash(prev_hash: str, event: TriggerEvent | NewTriggerEvent) -> str:
    payload = [prev_hash, event.trigger, event.person_id, event.email, event.campaign_id, event.campaign_name,
               event.origin, event.request_id, event.outbox_id, repr(float(event.at))]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()


def append_events(session: Session, events: list[NewTriggerEvent]) -> list[NewTriggerEvent]:
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
    columns = [c.name for c in TriggerEvent.__table__.columns if c.name != "id"]
    new_ids = session.execute(insert(TriggerEvent).returning(TriggerEvent.id, sort_by_parameter_order=True),
                              [{name: getattr(event, name) for name in columns} for event in events]).scalars()
    for event, new_id in zip(events, new_ids):
        event.id = new_id
    head.last_hash = prev
    session.add(head)
    return events


@dataclass
class ChainCheck:
    ok: bool
    count: int
    message: str
    first_bad_id: int | None = None

    def to_dict(self) -> dict:
        return {"ok": self.ok, "count": self.count, "message": self.message, "first_bad_id": self.first_bad_id}


def verify_chain(engine: Engine) -> ChainCheck:
    """Recompute every hash in order; any edited, removed or inserted row breaks the chain at that row."""
    prev = ""
    count = 0
    with Session(engine) as session:
        for event in session.exec(select(TriggerEvent).order_by(TriggerEvent.id)):
            count += 1
            if event.prev_hash != prev:
                return ChainCheck(False, count, f"event {event.id} does not follow the event before it "
                                                f"(a row was removed or inserted)", event.id)
            if event_hash(prev, event) != event.hash:
                return ChainCheck(False, count, f"event {event.id} was changed after it was written", event.id)
            prev = event.hash
        head = session.get(ChainHead, 1)
    if head is not None and head.last_hash != prev:
        return ChainCheck(False, count, "the newest events were removed (the chain head is ahead of the log)")
    return ChainCheck(True, count, f"{count} trigger events, chain intact")


def event_to_dict(event: TriggerEvent | NewTriggerEvent) -> dict:
    from datetime import datetime, timezone

    return {"id": event.id, "trigger": event.trigger, "trigger_label": TRIGGER_LABELS.get(event.trigger, event.trigger),
            "person_id": event.person_id, "email": event.email, "campaign_id": event.campaign_id,
            "campaign": event.campaign_name, "origin": event.origin, "request_id": event.request_id,
            "time": datetime.fromtimestamp(event.at, tz=timezone.utc).isoformat(timespec="milliseconds")}
