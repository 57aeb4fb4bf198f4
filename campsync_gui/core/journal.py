"""Undo and redo: reverse the operator's last flow action for exactly the people it changed, through the engine.

The journal is the `flowrequest` table (one row per request) with the outbox rows that say whom each request
changed, so undo and redo work the same after a restart. A request is undone by an undo request
(`undone_by` / `undo_of`); a redo is the undo of that undo. The changes one Ctrl+Z (or redo) makes together
form a group: a main request with the id the outbox gave it, and the others `<main>:<n>`.

What trigger campaigns did because of a request (drop on A → a trigger campaign adds the same people to B) is
not linked to it in the store: outbox rows of trigger campaigns carry the automation campaigns that led to them
(`chain`, first one first), not the request at the root. So the chain is found by its traces: rows of trigger
campaigns for the same people, made after the request's trigger event, by a chain whose first campaign listens
to that event, before a later event of the same kind could have started that campaign again. See `_chain`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import and_, func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select, update

from ..dynamics.client import chunked
from ..language import plural, translate
from . import flows, origins
from .automation.definitions import Definition
from .automation.runner import Happening, trigger_matches
from .models import AutomationCampaign, FlowRequest, OutboxRow, TriggerEventRecord
from .transactions import transaction

UNDO, REDO = "undo", "redo"
DONE = {flows.ADD: "added", flows.REMOVE: "removed"}
_TRIGGER_PREFIX = origins.trigger_campaign("")
_IN_CHUNK = 500  # ids per IN (...): SQLite limits the parameters of one statement


def reverse(action: str) -> str:
    return flows.REMOVE if action == flows.ADD else flows.ADD


def _people(count: int) -> str:
    return plural(count, translate("Journal", "{n} person"), translate("Journal", "{n} people"))


@dataclass(frozen=True)
class Change:
    """One reversal: `action` on `campaign_id` for `person_ids`, undoing the requests `reverses`."""

    action: str
    campaign_id: str
    person_ids: Sequence[int]  # a range of the right length when only counted (the menu's label)
    reverses: list[str]


@dataclass(frozen=True)
class ChainEffect:
    """What one trigger campaign did because of the request, in a preview's words."""

    automation: str   # the trigger campaign's name
    action: str       # what it did: add / remove
    campaign_id: str
    count: int        # people

    def describe(self, campaign_name: str) -> str:
        done = (translate("Journal", "Trigger campaign '{automation}' also added {count} of them to {campaign}")
                if self.action == flows.ADD else
                translate("Journal", "Trigger campaign '{automation}' also removed {count} of them from {campaign}"))
        return done.format(automation=self.automation, count=self.count, campaign=campaign_name)


@dataclass(frozen=True)
class UndoStep:
    """One Ctrl+Z (kind UNDO) or redo (REDO): its changes, the operator's own first, then the ones that came
    with it (the parts of an undone redo); and what trigger campaigns did because of it, reversed on request."""

    kind: str
    changes: list[Change]
    chain: list[Change] = field(default_factory=list)
    effects: list[ChainEffect] = field(default_factory=list)

    @property
    def request_id(self) -> str:
        """The request (group) this step reverses."""
        return self.changes[0].reverses[0]

    @property
    def action(self) -> str:
        return self.changes[0].action

    @property
    def campaign_id(self) -> str:
        return self.changes[0].campaign_id

    @property
    def person_ids(self) -> list[int]:
        return self.changes[0].person_ids

    def title(self, campaign_name: str) -> str:
        """What the step would do, as a menu says it: 'Undo add of 3 people to Spring Webinar'."""
        redone = self.action if self.kind == REDO else reverse(self.action)  # the operator's action, in words
        if self.kind == REDO:
            title = (translate("Journal", "Redo add of {people} to {campaign}") if redone == flows.ADD
                     else translate("Journal", "Redo removal of {people} from {campaign}"))
        else:
            title = (translate("Journal", "Undo add of {people} to {campaign}") if redone == flows.ADD
                     else translate("Journal", "Undo removal of {people} from {campaign}"))
        return title.format(people=_people(len(self.person_ids)), campaign=campaign_name)

    def describe(self, campaign_name: str) -> str:
        if self.kind == REDO:
            words = (translate("Journal", "Redo: remove {people} ({campaign})") if self.action == flows.REMOVE
                     else translate("Journal", "Redo: add back {people} ({campaign})"))
        else:
            words = (translate("Journal", "Undo: remove {people} ({campaign})") if self.action == flows.REMOVE
                     else translate("Journal", "Undo: add back {people} ({campaign})"))
        return words.format(people=_people(len(self.person_ids)), campaign=campaign_name)


@dataclass
class UndoPlan:
    """A step with the plan of each change, as the preview shows them (`chain_plans`: one per `step.chain`)."""

    step: UndoStep
    plans: list[flows.Plan]
    chain_plans: list[flows.Plan]
    effects: list[str]  # the chain in words, one line per trigger campaign and campaign

    @property
    def plan(self) -> flows.Plan:
        return self.plans[0]

    @property
    def title(self) -> str:
        return self.step.title(self.plan.campaign_name)

    def runnable(self, *, chain: bool) -> list[flows.PlanItem]:
        return [item for plan in self.plans + (self.chain_plans if chain else []) for item in plan.runnable]

    def __iter__(self):
        """`step, plan = await workspace.plan_undo()`, as callers wrote it before redo and chains."""
        return iter((self.step, self.plan))


# ---- finding the step ----------------------------------------------------------------------------------

def own_only(db: Engine, actor: str) -> str | None:
    """Whose actions undo and redo may reverse: on a team's store (a database server) the operator's own, never a
    colleague's; in one person's file anyone's (a person signed in as someone else since still undoes the drop)."""
    return None if db.dialect.name == "sqlite" else actor


def _operator(*extra: str) -> tuple[str, ...]:
    return tuple(origins.UNDOABLE) + extra


def _mains(session: Session, origins_: tuple[str, ...], *, undone: bool | None = None, actor: str | None = None):
    """Main requests of these origins, newest first (group members `<main>:<n>` left out); only `actor`'s when
    given (a team's store: an operator undoes their own drops, never a colleague's)."""
    query = select(FlowRequest).where(col(FlowRequest.origin).in_(origins_),
                                      ~col(FlowRequest.request_id).contains(":"))
    if actor is not None:
        query = query.where(FlowRequest.actor == actor)
    if undone is False:
        query = query.where(col(FlowRequest.undone_by).is_(None))
    return session.exec(query.order_by(col(FlowRequest.created_at).desc()))


def _group(session: Session, main: FlowRequest) -> list[FlowRequest]:
    """The main request and the members made with it that are not undone yet."""
    members = session.exec(select(FlowRequest).where(
        col(FlowRequest.request_id).startswith(main.request_id + ":", autoescape=True),
        col(FlowRequest.undone_by).is_(None)).order_by(FlowRequest.request_id))
    return [main, *members]


def _changed(session: Session, request: FlowRequest, *, ids: bool = True) -> Sequence[int]:
    """Whom the request changed, as Dynamics confirmed it. Without `ids`, how many only (as a range of that length):
    the Undo menu's label, read after every sync, needs no more, and 10,000 ids read for it stalled the window."""
    changed = and_(OutboxRow.request_id == request.request_id, OutboxRow.outcome == DONE[request.action])
    if not ids:
        return range(session.exec(select(func.count()).select_from(OutboxRow).where(changed)).one())
    return sorted(session.exec(select(OutboxRow.person_id).where(changed)))


def _step(session: Session, kind: str, main: FlowRequest, *, chain: bool) -> UndoStep | None:
    """Without `chain` (the menu's label), each change's people are counted, not read."""
    group = _group(session, main)
    changes = [Change(reverse(r.action), r.campaign_id, _changed(session, r, ids=chain), [r.request_id])
               for r in group]
    if not any(change.person_ids for change in changes):
        return None
    chained, effects = _chain(session, group) if chain else ([], [])
    return UndoStep(kind, changes, chained, effects)


def next_undo(db: Engine, undoable: tuple[str, ...] | None = None, *, chain: bool = True,
              actor: str | None = None) -> UndoStep | None:
    """The newest operator action (or redo) not yet undone that changed someone; None when there is nothing to
    undo. `chain`: also find what trigger campaigns did because of it, and read whom each change changed (the label
    of the menu does without: it counts them). `actor`: that person's actions only."""
    with Session(db) as session:
        for request in _mains(session, undoable or _operator(origins.REDO), undone=False, actor=actor):
            step = _step(session, UNDO, request, chain=chain)
            if step is not None:
                return step
    return None


def next_redo(db: Engine, *, chain: bool = True, actor: str | None = None) -> UndoStep | None:
    """The last undo's changes again, or None: redo follows undo only, a new operator action ends it. Undos
    redone already and the redos after them are stepped over, so undo, undo, redo, redo walks back the stack."""
    with Session(db) as session:
        for request in _mains(session, _operator(origins.UNDO, origins.REDO), actor=actor):
            if request.origin == origins.REDO or (request.origin == origins.UNDO and request.undone_by):
                continue
            if request.origin != origins.UNDO:
                return None  # a new flow action since the last undo: nothing to redo
            return _step(session, REDO, request, chain=chain)
    return None


# ---- the chain: what trigger campaigns did because of a request -----------------------------------------

def _chain(session: Session, group: list[FlowRequest]) -> tuple[list[Change], list[ChainEffect]]:
    """Membership changes trigger campaigns made because of the group's requests, net per person and campaign.

    A row belongs to the chain of a root trigger event E (person p) when: it is a trigger campaign's confirmed
    change for p; the first campaign of its `chain` listens to E; it was made at or after E; and before the
    next event for p, not itself made by a trigger campaign, that this first campaign also listens to (that
    event could have started the campaign again: what follows is its chain, not this one). Changes undone
    already are left out. A chain that added then removed p leaves nothing to reverse."""
    ids = [r.request_id for r in group]
    roots = list(session.exec(select(TriggerEventRecord).where(col(TriggerEventRecord.request_id).in_(ids))
                              .order_by(TriggerEventRecord.id)))
    automations = _trigger_campaigns(session)
    if not roots or not automations:
        return [], []
    listening: dict[tuple[str, str], set[int]] = {}

    def listeners(trigger: str, campaign_id: str) -> set[int]:
        key = (trigger, campaign_id)
        if key not in listening:
            happening = Happening(trigger, 0, campaign_id=campaign_id)
            listening[key] = {aid for aid, triggers in automations.items()
                              if any(trigger_matches(t, happening) for t in triggers)}
        return listening[key]

    people = {e.person_id for e in roots}
    later: dict[int, list[TriggerEventRecord]] = defaultdict(list)  # root-like events after the first root
    for event in session.exec(select(TriggerEventRecord).where(
            TriggerEventRecord.id > roots[0].id, ~col(TriggerEventRecord.request_id).in_(ids),
            ~col(TriggerEventRecord.origin).startswith(_TRIGGER_PREFIX, autoescape=True))
            .order_by(TriggerEventRecord.id)):
        if event.person_id in people:
            later[event.person_id].append(event)
    windows: dict[int, list[tuple[float, float | None, set[int]]]] = defaultdict(list)
    for root in roots:
        first = listeners(root.trigger, root.campaign_id)
        if not first:
            continue
        end = next((e.at for e in later[root.person_id] if e.id > root.id
                    and first & listeners(e.trigger, e.campaign_id)), None)
        windows[root.person_id].append((root.at, end, first))
    if not windows:
        return [], []

    rows = [row for row in session.exec(select(OutboxRow).where(
                col(OutboxRow.origin).startswith(_TRIGGER_PREFIX, autoescape=True),
                col(OutboxRow.outcome).in_(list(DONE.values())), OutboxRow.depth >= 1,
                OutboxRow.created_at >= min(w[0] for ws in windows.values() for w in ws))
                .order_by(OutboxRow.id))
            if row.person_id in windows and _in_window(row, windows[row.person_id])]
    undone = _undone(session, {row.request_id for row in rows})
    per_target: dict[tuple[int, str], list[OutboxRow]] = defaultdict(list)
    for row in rows:
        if row.request_id not in undone:
            per_target[(row.person_id, row.campaign_id)].append(row)
    return _net(per_target)


def _trigger_campaigns(session: Session) -> dict[int, list[dict]]:
    """Each trigger campaign's triggers (a campaign deactivated since still counts: it ran then)."""
    result = {}
    for row in session.exec(select(AutomationCampaign).where(AutomationCampaign.kind == "trigger")):
        try:
            result[row.id] = Definition.from_json(row.definition).triggers
        except (ValueError, TypeError):  # a broken definition ran nothing
            continue
    return result


def _in_window(row: OutboxRow, windows: list[tuple[float, float | None, set[int]]]) -> bool:
    try:
        first = json.loads(row.chain)[0]
    except (ValueError, IndexError, TypeError):
        return False
    return any(start <= row.created_at and (end is None or row.created_at < end) and first in campaigns
               for start, end, campaigns in windows)


def _undone(session: Session, request_ids: set[str]) -> set[str]:
    found: set[str] = set()
    for part in chunked(sorted(request_ids), _IN_CHUNK):
        found.update(session.exec(select(FlowRequest.request_id).where(
            col(FlowRequest.request_id).in_(part), col(FlowRequest.undone_by).is_not(None))))
    return found


def _net(per_target: dict[tuple[int, str], list[OutboxRow]]) -> tuple[list[Change], list[ChainEffect]]:
    """One reversal per person and campaign whose state the chain changed: its first change says how it was,
    its last how it is (added then removed: as it was, nothing to reverse)."""
    people: dict[tuple[str, str], set[int]] = defaultdict(set)
    reversed_: dict[tuple[str, str], set[str]] = defaultdict(set)
    effects: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for (person_id, campaign_id), rows in per_target.items():
        first, last = rows[0], rows[-1]
        if first.action != last.action:
            continue
        key = (reverse(last.action), campaign_id)
        people[key].add(person_id)
        reversed_[key].update(row.request_id for row in rows)
        effects[(last.origin[len(_TRIGGER_PREFIX):], last.action, campaign_id)].add(person_id)
    changes = [Change(action, campaign_id, sorted(people[(action, campaign_id)]),
                      sorted(reversed_[(action, campaign_id)])) for action, campaign_id in sorted(people)]
    return changes, [ChainEffect(name, action, campaign_id, len(ids))
                     for (name, action, campaign_id), ids in sorted(effects.items())]


# ---- recording ---------------------------------------------------------------------------------------

def group_id(main: str, index: int) -> str:
    """The request id of the `index`-th change of a step whose first change got `main` (0: `main` itself)."""
    return main if index == 0 else f"{main}:{index}"


def mark_undone(db: Engine, request_id: str | list[str], undo_request_id: str) -> None:
    """The requests `request_id` (one or more) were reversed by the request `undo_request_id`."""
    request_ids = [request_id] if isinstance(request_id, str) else list(request_id)

    def write(session: Session) -> None:
        for part in chunked(request_ids, _IN_CHUNK):
            session.exec(update(FlowRequest).where(col(FlowRequest.request_id).in_(part))
                         .values(undone_by=undo_request_id))
        undo = session.get(FlowRequest, undo_request_id)
        if undo is not None and request_ids:
            undo.undo_of = request_ids[0]
            session.add(undo)

    transaction(db, write)
