"""The queue as people see it: flow actions still to do and failed ones, with their person and campaign, and the
counts per state (the window's Queue tab, `campsync queue`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from ..language import translate
from .models import CampaignRecord, OutboxRow, Person
from .outbox import CLAIMED, FAILED, OPEN_STATES, PENDING, SENT

SHOWN_STATES = (PENDING, CLAIMED, SENT, FAILED)


@dataclass(frozen=True, slots=True)
class QueueEntry:
    """One outbox row, with the person's email and the campaign's name resolved."""

    id: int
    action: str
    person_id: int
    email: str
    campaign_id: str
    campaign: str
    state: str  # pending / claimed / sent / failed
    attempts: int
    message: str  # last_error, else reason
    outcome: str
    request_id: str
    origin: str
    actor: str = ""  # who asked for it (UPN or "<client id> (application)"); "" for rows from before it was recorded


@dataclass(frozen=True)
class QueueSnapshot:
    entries: list[QueueEntry]
    counts: dict[str, int]  # "pending" / "running" / "failed" → rows in the store (not only those read)

    @property
    def truncated(self) -> bool:
        return len(self.entries) < sum(self.counts.values())


def snapshot(db: Engine, *, limit: int) -> QueueSnapshot:
    """The open and failed rows (one query joining Person and the campaign) and the counts per state. With more than
    `limit` rows, failed and running rows are kept first, then the oldest pending ones; entries are in id order."""
    priority = case((OutboxRow.state == FAILED, 0), (col(OutboxRow.state).in_((CLAIMED, SENT)), 1), else_=2)
    query = (select(OutboxRow.id, OutboxRow.action, OutboxRow.person_id, Person.email, OutboxRow.campaign_id,
                    CampaignRecord.name, OutboxRow.state, OutboxRow.attempts, OutboxRow.last_error, OutboxRow.reason,
                    OutboxRow.outcome, OutboxRow.request_id, OutboxRow.origin, OutboxRow.actor)
             .join(Person, Person.id == OutboxRow.person_id, isouter=True)
             .join(CampaignRecord, CampaignRecord.id == OutboxRow.campaign_id, isouter=True)
             .where(col(OutboxRow.state).in_(SHOWN_STATES))
             .order_by(priority, OutboxRow.id)
             .limit(limit))
    with Session(db) as session:
        counts = {"pending": 0, "running": 0, "failed": 0}
        for state, count in session.exec(select(OutboxRow.state, func.count()).where(
                col(OutboxRow.state).in_(SHOWN_STATES)).group_by(OutboxRow.state)):
            counts["running" if state in (CLAIMED, SENT) else state] += count
        no_email = translate("Queue", "person {id}")
        entries = [QueueEntry(id=id_, action=action, person_id=person_id, email=email or no_email.format(id=person_id),
                              campaign_id=campaign_id, campaign=name or campaign_id, state=state,
                              attempts=attempts or 0, message=last_error or reason or "", outcome=outcome or "",
                              request_id=request_id or "", origin=origin or "", actor=actor or "")
                   for (id_, action, person_id, email, campaign_id, name, state, attempts, last_error, reason,
                        outcome, request_id, origin, actor) in session.exec(query)]
    entries.sort(key=lambda entry: entry.id)
    return QueueSnapshot(entries, counts)


def failed_ids(db: Engine) -> list[int]:
    """Every failed outbox row, shown or not."""
    with Session(db) as session:
        return list(session.exec(select(OutboxRow.id).where(OutboxRow.state == FAILED).order_by(OutboxRow.id)))


def pending_person_ids(db: Engine) -> set[int]:
    """People with an action queued and not yet confirmed or failed."""
    with Session(db) as session:
        return set(session.exec(select(OutboxRow.person_id).distinct().where(col(OutboxRow.state).in_(OPEN_STATES))))


def rows(db: Engine, *, finished_too: bool = False) -> list[tuple[OutboxRow, Person]]:
    """Outbox rows with their person, by id: open and failed ones, or every one."""
    with Session(db) as session:
        query = select(OutboxRow, Person).where(OutboxRow.person_id == Person.id).order_by(OutboxRow.id)
        if not finished_too:
            query = query.where(col(OutboxRow.state).in_(OPEN_STATES + (FAILED,)))
        return list(session.exec(query))
