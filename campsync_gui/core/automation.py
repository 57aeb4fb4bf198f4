"""Trigger and batch campaigns: definitions, validation, and the runner that reacts to events.

A definition is plain JSON (exported and imported between machines):

    {"smart_list": {"filters": [...], "logic": "all"},          # see smartlists.py
     "triggers": [{"type": "added_to_microsoft_campaign", "campaign_ids": ["..."]}, ...],
     "flow": [{"step": "add_to_microsoft_campaign", "campaign_id": "..."},
              {"step": "wait", "seconds": 86400},
              {"step": "change_data_value", "field": "score", "value": "80"}],
     "qualification": {"rule": "once" | "every_time" | "every_n_days", "days": 7},
     "schedule": {"at": <epoch>, "repeat": null | "daily" | "weekly"}}      # batch campaigns only
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from . import flows
from .events import TRIGGERS, Event, EventBus
from .models import (Activity, AutomationCampaign, AutomationResult, CampaignRecord, Membership, Person,
                     Qualification, WaitingStep)
from .triggers import ADDED, REMOVED

log = logging.getLogger(__name__)

PERSON_CREATED = "person_created"
DATA_VALUE_CHANGES = "data_value_changes"
ACTIVITY_LOGGED = "activity_logged"
TRIGGER_TYPES = {
    ADDED: "Added to Microsoft Campaign",
    REMOVED: "Removed from Microsoft Campaign",
    PERSON_CREATED: "Person is created",
    DATA_VALUE_CHANGES: "Data value changes",
    ACTIVITY_LOGGED: "Activity is logged",
}
ADD_STEP, REMOVE_STEP, CHANGE_STEP, WAIT_STEP = ("add_to_microsoft_campaign", "remove_from_microsoft_campaign",
                                                  "change_data_value", "wait")
STEP_LABELS = {ADD_STEP: "Add to Microsoft Campaign", REMOVE_STEP: "Remove from Microsoft Campaign",
               CHANGE_STEP: "Change data value", WAIT_STEP: "Wait"}
RULES = ("once", "every_time", "every_n_days")
CHANGEABLE_FIELDS = ("first_name", "last_name", "company", "job_title", "country", "score")
MAX_DEPTH = 5  # a trigger campaign's flow action may fire further campaigns, this many levels deep at most


class AutomationError(ValueError):
    """A definition that cannot run; the message says what to fix."""


@dataclass
class Definition:
    smart_list: dict = field(default_factory=lambda: {"filters": [], "logic": "all"})
    triggers: list[dict] = field(default_factory=list)
    flow: list[dict] = field(default_factory=list)
    qualification: dict = field(default_factory=lambda: {"rule": "once"})
    schedule: dict | None = None

    @classmethod
    def from_json(cls, text: str | dict) -> "Definition":
        data = json.loads(text) if isinstance(text, str) else dict(text)
        return cls(smart_list=data.get("smart_list") or {"filters": [], "logic": "all"},
                   triggers=list(data.get("triggers") or []), flow=list(data.get("flow") or []),
                   qualification=data.get("qualification") or {"rule": "once"}, schedule=data.get("schedule"))

    def to_json(self) -> str:
        return json.dumps({"smart_list": self.smart_list, "triggers": self.triggers, "flow": self.flow,
                           "qualification": self.qualification, "schedule": self.schedule}, ensure_ascii=False)


def validate(kind: str, definition: Definition, campaigns: dict[str, CampaignRecord]) -> list[str]:
    """Problems that stop the campaign from being activated, in words; [] when it can run."""
    from .smartlists import SmartListError, validate as validate_smart_list

    problems: list[str] = []
    try:
        validate_smart_list(definition.smart_list)
    except SmartListError as exc:
        problems.append(f"Smart list: {exc}")
    if kind == "trigger":
        if not definition.triggers:
            problems.append("Smart list: a trigger campaign needs at least one trigger.")
        for number, trigger in enumerate(definition.triggers, 1):
            kind_of = trigger.get("type")
            if kind_of not in TRIGGER_TYPES:
                problems.append(f"Trigger {number}: unknown trigger {kind_of!r}.")
            if kind_of == DATA_VALUE_CHANGES and trigger.get("field") not in CHANGEABLE_FIELDS + ("email",):
                problems.append(f"Trigger {number}: unknown field {trigger.get('field')!r}.")
            for cid in trigger.get("campaign_ids") or []:
                if cid not in campaigns:
                    problems.append(f"Trigger {number}: campaign {cid!r} is not in the org.")
    if not definition.flow:
        problems.append("Flow: the flow is empty; add at least one step.")
    for number, step in enumerate(definition.flow, 1):
        name = step.get("step")
        if name not in STEP_LABELS:
            problems.append(f"Flow step {number}: unknown step {name!r}.")
        elif name in (ADD_STEP, REMOVE_STEP):
            campaign = campaigns.get(step.get("campaign_id") or "")
            if campaign is None:
                problems.append(f"Flow step {number}: choose a Microsoft campaign that exists in the org.")
            elif not campaign.active:
                problems.append(f"Flow step {number}: campaign {campaign.name!r} is inactive in Dynamics.")
        elif name == CHANGE_STEP and step.get("field") not in CHANGEABLE_FIELDS:
            problems.append(f"Flow step {number}: unknown field {step.get('field')!r} "
                            f"(one of {', '.join(CHANGEABLE_FIELDS)}).")
        elif name == WAIT_STEP and not (isinstance(step.get("seconds"), (int, float)) and step["seconds"] > 0):
            problems.append(f"Flow step {number}: a wait needs a duration.")
    rule = definition.qualification.get("rule")
    if rule not in RULES:
        problems.append(f"Qualification: unknown rule {rule!r}.")
    elif rule == "every_n_days" and not (isinstance(definition.qualification.get("days"), int)
                                         and definition.qualification["days"] > 0):
        problems.append("Qualification: 'once every N days' needs N ≥ 1.")
    return problems


def _trigger_matches(trigger: dict, event: dict) -> bool:
    if trigger.get("type") != event.get("type"):
        return False
    if event["type"] in (ADDED, REMOVED):
        wanted = trigger.get("campaign_ids") or []
        return not wanted or event.get("campaign_id") in wanted  # constraint: campaign is any of
    if event["type"] == DATA_VALUE_CHANGES:
        if trigger.get("field") != event.get("field"):
            return False
        return trigger.get("new_value") in (None, "") or str(trigger["new_value"]).lower() == \
            str(event.get("new_value") or "").lower()
    if event["type"] == ACTIVITY_LOGGED:
        return trigger.get("activity_type") in (None, "", event.get("activity_type"))
    return True


class AutomationRunner:
    """Listens to the event bus and runs the trigger campaigns whose trigger fired, through the engine.

    `enqueue` is the engine's planning + enqueue step (so flow actions fire triggers in turn); the runner
    never calls Dynamics itself.
    """

    def __init__(self, store: Engine, bus: EventBus, engine, *, clock: Callable[[], float] = time.time,
                 on_enqueued: Callable[[], None] | None = None):
        self.store = store
        self.bus = bus
        self.engine = engine
        self.clock = clock
        self.on_enqueued = on_enqueued
        self._unsubscribe = bus.subscribe(self._on_bus)

    def close(self) -> None:
        self._unsubscribe()

    # ---- events in ---------------------------------------------------------------------------

    def _on_bus(self, event: Event) -> None:
        if event.kind != TRIGGERS:
            return
        self.handle_many([{"type": data["trigger"], "person_id": data["person_id"],
                           "campaign_id": data["campaign_id"], "depth": int(data.get("depth") or 0),
                           "chain": data.get("chain") or [], "origin": data.get("origin", "")}
                          for data in event.data["events"]])

    def handle_many(self, events: list[dict]) -> int:
        """`handle` for a batch of events: the active trigger campaigns are read once, and events no campaign
        listens to cost nothing (a 10,000-person drop must not read the store 10,000 times for nothing)."""
        campaigns = self._active_trigger_campaigns()
        if not campaigns:
            return 0
        return sum(self.handle(event, campaigns=campaigns) for event in events)

    def person_created(self, person_id: int) -> int:
        return self.handle({"type": PERSON_CREATED, "person_id": person_id, "depth": 0})

    def people_created(self, person_ids: list[int]) -> int:
        """`person_created` for an import's thousands of new people at once."""
        return self.handle_many([{"type": PERSON_CREATED, "person_id": pid, "depth": 0} for pid in person_ids])

    def data_value_changed(self, person_id: int, field_name: str, new_value, depth: int = 0,
                           chain: list[int] | None = None) -> int:
        return self.handle({"type": DATA_VALUE_CHANGES, "person_id": person_id, "field": field_name,
                     "new_value": new_value, "depth": depth, "chain": chain or []})

    def data_values_changed(self, changes: list[tuple[int, str, object]]) -> int:
        """`data_value_changed` for many (person id, field, new value) at once, e.g. from a CSV import."""
        return self.handle_many([{"type": DATA_VALUE_CHANGES, "person_id": person_id, "field": name,
                                  "new_value": value, "depth": 0, "chain": []}
                                 for person_id, name, value in changes if name in CHANGEABLE_FIELDS])

    def activity_logged(self, person_id: int, activity_type: str, detail: str = "") -> int:
        return self.handle({"type": ACTIVITY_LOGGED, "person_id": person_id, "activity_type": activity_type,
                     "detail": detail, "depth": 0})

    # ---- qualification -------------------------------------------------------------------------

    def handle(self, event: dict, *, campaigns: list[tuple[AutomationCampaign, Definition]] | None = None) -> int:
        """Run every active trigger campaign this event qualifies the person for; returns how many ran."""
        from .smartlists import matches, validate as validate_smart_list

        ran = 0
        listening = [(campaign, definition)
                     for campaign, definition in (self._active_trigger_campaigns() if campaigns is None else campaigns)
                     if any(_trigger_matches(t, event) for t in definition.triggers)]
        person = self._person(event["person_id"]) if listening else None
        if person is None:
            return 0
        for campaign, definition in listening:
            run_id = uuid.uuid4().hex[:10]
            depth = int(event.get("depth") or 0)
            chain = list(event.get("chain") or [])
            if campaign.id in chain:
                self._result(campaign, run_id, person.id, -1, "", "stopped",
                             f"loop stopped: {campaign.name!r} already ran for this person in this chain "
                             f"({' → '.join(map(str, chain + [campaign.id]))})")
                continue
            if depth >= MAX_DEPTH:
                self._result(campaign, run_id, person.id, -1, "", "stopped",
                             f"loop stopped: {MAX_DEPTH} trigger campaigns deep")
                continue
            smart_list = validate_smart_list(definition.smart_list)
            activities, memberships = self._history(person.id)
            if not matches(smart_list, person, activities=activities, memberships=memberships, now=self.clock()):
                self._result(campaign, run_id, person.id, -1, "", "skipped", "the smart list filters do not match")
                continue
            allowed, why = self.qualifies(campaign, definition, person.id)
            if not allowed:
                self._result(campaign, run_id, person.id, -1, "", "skipped", why)
                continue
            self._result(campaign, run_id, person.id, -1, "", "qualified", TRIGGER_TYPES[event["type"]])
            self.run_flow(campaign, definition, person.id, run_id, 0, depth + 1, chain + [campaign.id])
            ran += 1
        return ran

    def qualification_problem(self, campaign: AutomationCampaign, definition: Definition,
                              person_id: int) -> str | None:
        """Why the qualification rule keeps this person out right now, or None. Reads only."""
        rule = definition.qualification.get("rule", "once")
        with Session(self.store) as session:
            record = session.get(Qualification, (campaign.id, person_id))
        if record is None or rule == "every_time":
            return None
        if rule == "once":
            return "qualification rule: runs once per person, and this person already ran"
        days = int(definition.qualification.get("days") or 1)
        elapsed = self.clock() - record.last_at
        if elapsed < days * 86400:
            return f"qualification rule: once every {days} days, last run {elapsed / 86400:.1f} days ago"
        return None

    def qualifies(self, campaign: AutomationCampaign, definition: Definition, person_id: int) -> tuple[bool, str]:
        """Check the rule and, when the person qualifies, record this run for the next check."""
        problem = self.qualification_problem(campaign, definition, person_id)
        if problem:
            return False, problem
        with Session(self.store) as session:
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
            name = step.get("step")
            if name == WAIT_STEP:
                due = self.clock() + float(step["seconds"])
                with Session(self.store) as session:
                    session.add(WaitingStep(campaign_id=campaign.id, person_id=person_id, run_id=run_id,
                                            next_step=index + 1, due_at=due, depth=depth, chain=json.dumps(chain)))
                    session.commit()
                self._result(campaign, run_id, person_id, index, name, "waiting",
                             f"until {time.strftime('%Y-%m-%d %H:%M', time.localtime(due))}")
                return
            try:
                outcome, detail = self._run_step(campaign, step, person_id, depth, chain)
            except Exception as exc:  # one person's failed step must not stop the others
                log.exception("automation step failed")
                outcome, detail = "failed", str(exc)
            self._result(campaign, run_id, person_id, index, name, outcome, detail)

    def _run_step(self, campaign: AutomationCampaign, step: dict, person_id: int, depth: int,
                  chain: list[int]) -> tuple[str, str]:
        name = step["step"]
        if name in (ADD_STEP, REMOVE_STEP):
            action = flows.ADD if name == ADD_STEP else flows.REMOVE
            person = self._person(person_id)
            target = self.engine.campaign_record(step["campaign_id"])
            plan = self.engine.plan([person], target, action, campaign_ref=step["campaign_id"])
            item = plan.items[0]
            if not item.runnable:
                return ("skipped" if item.outcome == flows.SKIP else "blocked"), item.reason
            self.engine.enqueue(plan, origin=f"trigger campaign: {campaign.name}", depth=depth,
                                chain=chain)
            if self.on_enqueued:
                self.on_enqueued()
            return "enqueued", flows.LABELS[item.outcome]
        if name == CHANGE_STEP:
            field_name, value = step["field"], step.get("value")
            with Session(self.store) as session:
                person = session.get(Person, person_id)
                old = getattr(person, field_name)
                new = int(value) if field_name == "score" else value
                if old == new:
                    return "skipped", f"{field_name} is already {new!r}"
                setattr(person, field_name, new)
                person.updated_at = self.clock()
                session.add(person)
                session.commit()
            self.data_value_changed(person_id, field_name, new, depth=depth, chain=chain)
            return "changed", f"{field_name}: {old!r} → {new!r}"
        raise AutomationError(f"unknown step {name!r}")

    def resume_due(self) -> int:
        """Carry on every flow whose Wait is over (called by the scheduler tick, also after a restart)."""
        now = self.clock()
        with Session(self.store) as session:
            due = list(session.exec(select(WaitingStep).where(WaitingStep.due_at <= now)))
            for row in due:
                session.delete(row)
            session.commit()
        for row in due:
            campaign = self._campaign(row.campaign_id)
            if campaign is None or not campaign.active:
                continue
            self.run_flow(campaign, Definition.from_json(campaign.definition), row.person_id, row.run_id,
                          row.next_step, row.depth, json.loads(row.chain))
        return len(due)

    # ---- store helpers -------------------------------------------------------------------------

    def _active_trigger_campaigns(self) -> list[tuple[AutomationCampaign, Definition]]:
        with Session(self.store) as session:
            rows = list(session.exec(select(AutomationCampaign).where(AutomationCampaign.active == True,  # noqa: E712
                                                                      AutomationCampaign.kind == "trigger")
                                     .order_by(AutomationCampaign.id)))
        return [(row, Definition.from_json(row.definition)) for row in rows]

    def _campaign(self, campaign_id: int) -> AutomationCampaign | None:
        with Session(self.store) as session:
            return session.get(AutomationCampaign, campaign_id)

    def _person(self, person_id: int) -> Person | None:
        with Session(self.store) as session:
            return session.get(Person, person_id)

    def _history(self, person_id: int) -> tuple[list[Activity], list[Membership]]:
        with Session(self.store) as session:
            return (list(session.exec(select(Activity).where(Activity.person_id == person_id))),
                    list(session.exec(select(Membership).where(Membership.person_id == person_id))))

    def _result(self, campaign: AutomationCampaign, run_id: str, person_id: int, step_index: int, step: str,
                outcome: str, detail: str) -> None:
        with Session(self.store) as session:
            session.add(AutomationResult(campaign_id=campaign.id, run_id=run_id, person_id=person_id,
                                         step_index=step_index, step=step, outcome=outcome, detail=detail,
                                         at=self.clock()))
            session.commit()
        if outcome == "stopped":
            log.warning("automation %s: %s", campaign.name, detail)
