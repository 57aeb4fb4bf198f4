"""The runner of trigger campaigns: what happened comes in, qualifying people go through their campaign's flow.

Events reach the runner two ways: confirmed trigger events from the bus (after the engine's transaction), and
what the workspace reports (people created by an import, values changed, activities logged). They wait in an
inbox; the workspace drains it between sync runs, so a flow step never re-enters the engine from inside a
confirmation. Flow actions go back to the outbox through `FlowActions` (the sync engine), so they fire triggers
in turn; the runner itself never calls Dynamics.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import String, cast, literal
from sqlalchemy.engine import Engine
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, select

from ...language import translate
from .. import flows, origins
from ..events import TRIGGERS, Event, EventBus
from ..models import (Activity, AutomationCampaign, AutomationResult, CampaignRecord, Membership, Person,
                      Qualification, WaitingStep)
from ..smartlists import matches, validate as validate_smart_list
from ..triggers import ADDED, REMOVED, TriggerEvent
from .claims import HappeningClaims
from .definitions import (ACTIVITY_LOGGED, ADD_STEP, CHANGE_STEP, CHANGEABLE_FIELDS, DATA_VALUE_CHANGES, MAX_DEPTH,
                          PERSON_CREATED, REMOVE_STEP, WAIT_STEP, AutomationError, Definition, trigger_type_label,
                          wait_seconds)

log = logging.getLogger(__name__)

INBOX_SLICE = 200  # events handled between two turns of the event loop


@dataclass(frozen=True, slots=True)
class Happening:
    """Something a trigger may listen to, as the runner sees it. `depth` and `chain` come with flow actions
    of trigger campaigns, so a chain that feeds itself is stopped."""

    type: str                      # a key of TRIGGER_TYPES
    person_id: int
    campaign_id: str = ""          # Added to / Removed from Microsoft Campaign
    field: str = ""                # Data value changes
    new_value: object = None
    activity_type: str = ""        # Activity is logged
    detail: str = ""
    depth: int = 0
    chain: tuple[int, ...] = ()
    # Set when other nodes of a team may see the same happening (a value a pull found changed): whoever claims it
    # first runs its campaigns (claims.py).
    key: str = ""

    @classmethod
    def of_trigger_event(cls, event: TriggerEvent) -> "Happening":
        return cls(event.trigger, event.person_id, campaign_id=event.campaign_id, depth=event.depth,
                   chain=tuple(event.chain))


class FlowActions(Protocol):
    """What the runner needs of the sync engine: plan one person's flow action and put it in the outbox."""

    def campaign_record(self, campaign_id: str) -> CampaignRecord | None: ...

    def plan(self, people: list[Person], campaign: CampaignRecord | None, action: str, *,
             campaign_ref: str = "") -> flows.Plan: ...

    def enqueue(self, plan: flows.Plan, *, origin: str, request_id: str | None = None, depth: int = 0,
                chain: list[int] | None = None, actor: str = "") -> str: ...


def step_request_id(run_id: str, step_index: int) -> str:
    """The outbox request id of the flow action that step `step_index` of run `run_id` queues. Derived, not stored:
    the Results tab finds that step's outbox rows (and so Dynamics' answer) from the result row alone."""
    return f"auto-{run_id}-{step_index}"


def step_request_id_sql(run_id: ColumnElement, step_index: ColumnElement) -> ColumnElement:
    """`step_request_id` in SQL, for joining results to their outbox rows (the same text, built by the database)."""
    return literal("auto-", String) + run_id + literal("-", String) + cast(step_index, String)


def trigger_matches(trigger: dict, happening: Happening) -> bool:
    if trigger.get("type") != happening.type:
        return False
    if happening.type in (ADDED, REMOVED):
        wanted = trigger.get("campaign_ids") or []
        return not wanted or happening.campaign_id in wanted  # constraint: campaign is any of
    if happening.type == DATA_VALUE_CHANGES:
        if trigger.get("field") != happening.field:
            return False
        new_value = "" if happening.new_value is None else happening.new_value  # a score of 0 is a value
        return trigger.get("new_value") in (None, "") or str(trigger["new_value"]).lower() == str(new_value).lower()
    if happening.type == ACTIVITY_LOGGED:
        return trigger.get("activity_type") in (None, "", happening.activity_type)
    return True


class AutomationRunner:
    def __init__(self, db: Engine, bus: EventBus, flow_actions: FlowActions, *,
                 clock: Callable[[], float] = time.time, actor: Callable[[], str] = lambda: "",
                 node: Callable[[], str] = lambda: ""):
        """`actor`: who this process acts as, asked at each step (a sign-in may come after the runner is built):
        the flow actions it queues and its results record them, not whoever set off the trigger. `node`: this
        process's name among the team's (the claims of happenings record it)."""
        self.db = db
        self.claims = HappeningClaims(db, node, clock=clock)
        self.flow_actions = flow_actions
        self.clock = clock
        self.actor = actor
        self._inbox: deque[Happening] = deque()
        self._warned: set[tuple[int | None, str]] = set()
        self._unsubscribe = bus.subscribe(self._on_bus)

    def close(self) -> None:
        self._unsubscribe()

    # ---- events in: noted now, handled when the workspace drains the inbox -------------------------

    def _on_bus(self, event: Event) -> None:
        if event.kind == TRIGGERS:
            self._inbox.extend(Happening.of_trigger_event(e) for e in event.data["events"])

    def note(self, happenings: Iterable[Happening]) -> None:
        self._inbox.extend(happenings)

    def people_created(self, person_ids: Iterable[int]) -> None:
        self.note(Happening(PERSON_CREATED, person_id) for person_id in person_ids)

    def data_values_changed(self, changes: Iterable[tuple]) -> None:
        """(person id, field, new value) for each value changed, e.g. by a CSV import; a pull adds a fourth item,
        the change's key, since every node of a team pulling at once sees the same change."""
        self.note(Happening(DATA_VALUE_CHANGES, change[0], field=change[1], new_value=change[2],
                            key=change[3] if len(change) > 3 else "")
                  for change in changes if change[1] in CHANGEABLE_FIELDS)

    def activity_logged(self, person_id: int, activity_type: str, detail: str = "") -> None:
        self.note([Happening(ACTIVITY_LOGGED, person_id, activity_type=activity_type, detail=detail)])

    def has_work(self) -> bool:
        return bool(self._inbox)

    async def drain(self) -> int:
        """Run the trigger campaigns of everything in the inbox (and of what their flows set off); returns how many
        campaign runs there were. The active campaigns are read once per slice, and events no campaign listens
        to cost nothing: a 10,000-person drop must not read the store 10,000 times for nothing."""
        ran = 0
        while self._inbox:
            batch = [self._inbox.popleft() for _ in range(min(INBOX_SLICE, len(self._inbox)))]
            campaigns = self._active_trigger_campaigns()
            if campaigns:
                ran += sum(self.handle(happening, campaigns) for happening in batch)
            if self._inbox:
                await asyncio.sleep(0)  # the window stays responsive while a long inbox drains
        return ran

    # ---- qualification -------------------------------------------------------------------------

    def handle(self, happening: Happening, campaigns: list[tuple[AutomationCampaign, Definition]]) -> int:
        """Run every active trigger campaign this happening qualifies the person for; returns how many ran.

        Each campaign runs on its own: one that fails (a definition saved by an older version with a value this
        one refuses, say) gets a "failed" result and a warning in the log, and the others still run."""
        listening = []
        for campaign, definition in campaigns:
            try:
                if any(trigger_matches(t, happening) for t in definition.triggers):
                    listening.append((campaign, definition))
            except Exception as exc:  # a trigger of the wrong shape: only this campaign is left out
                self._campaign_failed(campaign, None, happening.person_id, exc)
        if not listening or (happening.key and not self.claims.claim(happening.key)):
            return 0  # no campaign listens, or another node of the team runs them for this happening
        person = self._person(happening.person_id)
        if person is None:
            return 0
        ran = 0
        for campaign, definition in listening:
            run_id = uuid.uuid4().hex[:10]
            try:
                ran += self._run_campaign(campaign, definition, happening, person, run_id)
            except Exception as exc:
                self._campaign_failed(campaign, run_id, person.id, exc)
        return ran

    def _run_campaign(self, campaign: AutomationCampaign, definition: Definition, happening: Happening,
                      person: Person, run_id: str) -> int:
        """One campaign for one happening: 1 when its flow ran, else 0 (the reason is in its results)."""
        chain = list(happening.chain)
        if campaign.id in chain:
            self._result(campaign, run_id, person.id, -1, "", "stopped", translate(
                "AutomationRunner", "loop stopped: {name} already ran for this person in this chain ({chain})").format(
                name=repr(campaign.name), chain=" → ".join(map(str, chain + [campaign.id]))))
            return 0
        if happening.depth >= MAX_DEPTH:
            self._result(campaign, run_id, person.id, -1, "", "stopped", translate(
                "AutomationRunner", "loop stopped: {depth} trigger campaigns deep").format(depth=MAX_DEPTH))
            return 0
        activities, memberships = self._history(person.id)
        if not matches(validate_smart_list(definition.smart_list), person, activities=activities,
                       memberships=memberships, now=self.clock()):
            self._result(campaign, run_id, person.id, -1, "", "skipped",
                         translate("AutomationRunner", "the smart list filters do not match"))
            return 0
        allowed, why = self.qualifies(campaign, definition, person.id)
        if not allowed:
            self._result(campaign, run_id, person.id, -1, "", "skipped", why)
            return 0
        self._result(campaign, run_id, person.id, -1, "", "qualified", trigger_type_label(happening.type))
        self.run_flow(campaign, definition, person.id, run_id, 0, happening.depth + 1, chain + [campaign.id])
        return 1

    def _campaign_failed(self, campaign: AutomationCampaign, run_id: str | None, person_id: int,
                         exc: BaseException) -> None:
        """A campaign that could not run for a person: a warning (on the console of a command too), the traceback
        in the log file, and a "failed" result the Results tab shows."""
        self._warn_once(campaign, f"automation {campaign.name!r} could not run for person #{person_id}: "
                                  f"{type(exc).__name__}: {exc}", str(exc))
        log.info("automation %r failed", campaign.name, exc_info=exc)
        try:
            self._result(campaign, run_id or uuid.uuid4().hex[:10], person_id, -1, "", "failed",
                         translate("AutomationRunner", "the campaign could not run: {problem}").format(
                             problem=f"{type(exc).__name__}: {exc}"))
        except Exception:  # the store itself failing: the warning above is what is left
            log.info("could not record the failure of %r", campaign.name, exc_info=True)

    def qualification_problem(self, campaign: AutomationCampaign, definition: Definition,
                              person_id: int) -> str | None:
        """Why the qualification rule keeps this person out right now, or None. Reads only."""
        rule = definition.qualification.get("rule", "once")
        with Session(self.db) as session:
            record = session.get(Qualification, (campaign.id, person_id))
        if record is None or rule == "every_time":
            return None
        if rule == "once":
            return translate("AutomationRunner", "qualification rule: runs once per person, and this person already "
                                                 "ran")
        days = int(definition.qualification.get("days") or 1)
        elapsed = self.clock() - record.last_at
        if elapsed < days * 86400:
            return translate("AutomationRunner", "qualification rule: once every {days} days, last run {ago} days "
                                                 "ago").format(days=days, ago=f"{elapsed / 86400:.1f}")
        return None

    def qualifies(self, campaign: AutomationCampaign, definition: Definition, person_id: int) -> tuple[bool, str]:
        """Check the rule and, when the person qualifies, record this run for the next check."""
        problem = self.qualification_problem(campaign, definition, person_id)
        if problem:
            return False, problem
        with Session(self.db) as session:
            record = session.get(Qualification, (campaign.id, person_id)) or \
                Qualification(campaign_id=campaign.id, person_id=person_id)
            record.last_at, record.times = self.clock(), record.times + 1
            session.add(record)
            session.commit()
        return True, ""

    # ---- the flow ------------------------------------------------------------------------------

    def run_flow(self, campaign: AutomationCampaign, definition: Definition, person_id: int, run_id: str,
                 start: int, depth: int, chain: list[int]) -> None:
        """Run steps from `start`; a Wait stores where to carry on and returns."""
        for index in range(start, len(definition.flow)):
            step = definition.flow[index]
            name = step.get("step") if isinstance(step, dict) else None
            if name == WAIT_STEP:
                try:
                    due = self.clock() + wait_seconds(step)
                except AutomationError as exc:  # Infinity, 1e300, -5 in a definition saved by an older version
                    self._warn_once(campaign, f"automation {campaign.name!r}: flow step {index + 1}: {exc}",
                                    f"{index}: {exc}")
                    self._result(campaign, run_id, person_id, index, name, "failed", translate(
                        "AutomationRunner", "{problem}; the flow stops here for this person").format(problem=exc))
                    return
                with Session(self.db) as session:
                    session.add(WaitingStep(campaign_id=campaign.id, person_id=person_id, run_id=run_id,
                                            next_step=index + 1, due_at=due, depth=depth, chain=json.dumps(chain)))
                    session.commit()
                self._result(campaign, run_id, person_id, index, name, "waiting", translate(
                    "AutomationRunner", "until {when}").format(when=time.strftime("%Y-%m-%d %H:%M",
                                                                                  time.localtime(due))))
                return
            try:
                outcome, detail = self._run_step(campaign, step, person_id, depth, chain,
                                                 step_request_id(run_id, index))
            except Exception as exc:  # one person's failed step must not stop the others; Results shows it
                self._warn_once(campaign, f"automation {campaign.name!r}: flow step {index + 1} failed for person "
                                          f"#{person_id}: {exc}", f"{index}: {exc}")
                log.info("automation step failed", exc_info=exc)  # the traceback: in the log file only
                outcome, detail = "failed", str(exc)
            self._result(campaign, run_id, person_id, index, name, outcome, detail)

    def _run_step(self, campaign: AutomationCampaign, step: dict, person_id: int, depth: int,
                  chain: list[int], request_id: str) -> tuple[str, str]:
        name = step["step"]
        if name in (ADD_STEP, REMOVE_STEP):
            action = flows.ADD if name == ADD_STEP else flows.REMOVE
            target = self.flow_actions.campaign_record(step["campaign_id"])
            plan = self.flow_actions.plan([self._person(person_id)], target, action, campaign_ref=step["campaign_id"])
            item = plan.items[0]
            if not item.runnable:
                return ("skipped" if item.outcome == flows.SKIP else "blocked"), item.reason
            # Named for its kind ("Batch campaign …" in the log), under the step's own request id (see Results).
            self.flow_actions.enqueue(plan, origin=origins.automation_campaign(campaign.kind, campaign.name),
                                      request_id=request_id, depth=depth, chain=chain, actor=self.actor())
            return "enqueued", flows.outcome_label(item.outcome)
        if name == CHANGE_STEP:
            field_name, value = step["field"], step.get("value")
            with Session(self.db) as session:
                person = session.get(Person, person_id)
                old = getattr(person, field_name)
                new = int(value) if field_name == "score" else value
                if old == new:
                    return "skipped", translate("AutomationRunner", "{field} is already {value}").format(
                        field=field_name, value=repr(new))
                setattr(person, field_name, new)
                person.updated_at = self.clock()
                session.add(person)
                session.commit()
            # The change may fire further campaigns: noted, handled in this drain, deeper in the same chain.
            self.note([Happening(DATA_VALUE_CHANGES, person_id, field=field_name, new_value=new, depth=depth,
                                 chain=tuple(chain))])
            return "changed", f"{field_name}: {old!r} → {new!r}"
        raise AutomationError(translate("AutomationRunner", "unknown step {step}").format(step=repr(name)))

    def resume_due(self) -> int:
        """Carry on every flow whose Wait is over (called by the scheduler tick, also after a restart); returns
        how many were carried on (the waits of campaigns deactivated or deleted meanwhile end without a step)."""
        now = self.clock()
        with Session(self.db) as session:
            due = list(session.exec(select(WaitingStep).where(WaitingStep.due_at <= now)))
            for row in due:
                session.delete(row)
            session.commit()
        resumed = 0
        for row in due:
            campaign = self._campaign(row.campaign_id)
            if campaign is None or not campaign.active:
                continue
            try:  # one campaign whose stored definition cannot run must not keep the other flows waiting
                self.run_flow(campaign, Definition.from_json(campaign.definition), row.person_id, row.run_id,
                              row.next_step, row.depth, json.loads(row.chain))
            except Exception as exc:
                self._campaign_failed(campaign, row.run_id, row.person_id, exc)
                continue
            resumed += 1
        return resumed

    # ---- store helpers -------------------------------------------------------------------------

    def _active_trigger_campaigns(self) -> list[tuple[AutomationCampaign, Definition]]:
        with Session(self.db) as session:
            rows = list(session.exec(select(AutomationCampaign).where(AutomationCampaign.active == True,  # noqa: E712
                                                                      AutomationCampaign.kind == "trigger")
                                     .order_by(AutomationCampaign.id)))
        campaigns = []
        for row in rows:
            try:
                definition = Definition.from_json(row.definition)
                if not all(isinstance(trigger, dict) for trigger in definition.triggers):
                    raise AutomationError(translate("AutomationRunner", "its triggers are not objects"))
                campaigns.append((row, definition))
            except (ValueError, TypeError, RecursionError) as exc:  # hand-edited: the others still run
                self._warn_once(row, f"automation {row.name!r} is skipped: its stored definition cannot be read "
                                     f"({exc})", f"unreadable: {exc}")
        return campaigns

    def _warn_once(self, campaign: AutomationCampaign, message: str, key: str) -> None:
        """A warning (shown on a command's console too) the first time a campaign fails this way; the same failure
        for the next people goes to the log file only (each still has its "failed" result)."""
        if (campaign.id, key) in self._warned:
            log.info("%s", message)
        else:
            self._warned.add((campaign.id, key))
            log.warning("%s", message)

    def _campaign(self, campaign_id: int) -> AutomationCampaign | None:
        with Session(self.db) as session:
            return session.get(AutomationCampaign, campaign_id)

    def _person(self, person_id: int) -> Person | None:
        with Session(self.db) as session:
            return session.get(Person, person_id)

    def _history(self, person_id: int) -> tuple[list[Activity], list[Membership]]:
        with Session(self.db) as session:
            return (list(session.exec(select(Activity).where(Activity.person_id == person_id))),
                    list(session.exec(select(Membership).where(Membership.person_id == person_id))))

    def _result(self, campaign: AutomationCampaign, run_id: str, person_id: int, step_index: int, step: str,
                outcome: str, detail: str) -> None:
        with Session(self.db) as session:
            session.add(AutomationResult(campaign_id=campaign.id, run_id=run_id, person_id=person_id,
                                         step_index=step_index, step=step, outcome=outcome, detail=detail,
                                         at=self.clock(), actor=self.actor()))
            session.commit()
        if outcome == "stopped":
            log.warning("automation %s: %s", campaign.name, detail)
