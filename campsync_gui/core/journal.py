"""Undo: reverse the last flow action for exactly the people it changed, through the engine."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from . import flows, origins
from .models import FlowRequest, OutboxRow


@dataclass(frozen=True)
class UndoStep:
    request_id: str          # the request to reverse
    action: str              # the reversing action: remove what was added, add back what was removed
    campaign_id: str
    person_ids: list[int]

    def describe(self, campaign_name: str) -> str:
        verb = "remove" if self.action == flows.REMOVE else "add back"
        return f"Undo: {verb} {len(self.person_ids)} {'person' if len(self.person_ids) == 1 else 'people'} " \
               f"({campaign_name})"


def next_undo(db: Engine, undoable: tuple[str, ...] = origins.UNDOABLE) -> UndoStep | None:
    """The newest operator action not yet undone that changed someone; None when there is nothing to undo."""
    with Session(db) as session:
        requests = session.exec(select(FlowRequest).where(FlowRequest.undone_by.is_(None),
                                                          FlowRequest.undo_of.is_(None))
                                .order_by(FlowRequest.created_at.desc()))
        for request in requests:
            if request.origin not in undoable:
                continue
            done = "added" if request.action == flows.ADD else "removed"
            people = list(session.exec(select(OutboxRow.person_id).where(
                OutboxRow.request_id == request.request_id, OutboxRow.outcome == done)))
            if people:
                reverse = flows.REMOVE if request.action == flows.ADD else flows.ADD
                return UndoStep(request.request_id, reverse, request.campaign_id, sorted(people))
    return None


def mark_undone(db: Engine, request_id: str, undo_request_id: str) -> None:
    with Session(db) as session:
        request = session.get(FlowRequest, request_id)
        if request is not None:
            request.undone_by = undo_request_id
            session.add(request)
        undo = session.get(FlowRequest, undo_request_id)
        if undo is not None:
            undo.undo_of = request_id
            session.add(undo)
        session.commit()
