"""Planning a flow action: for each person, what Add to / Remove from Microsoft Campaign will do, and why.

Pure: no I/O. The GUI preview, the CLI and the engine all show and run exactly this plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from ..language import translate
from .models import CampaignRecord, Membership, Person

ADD = "add"
REMOVE = "remove"

# Where a campaign membership comes from: CampSync's own list (its flow actions) or any other list in Dynamics.
FLOW_ACTION = "flow_action"
CRM = "crm"

# Outcomes of planning
WILL_ADD = "will_add"
WILL_CREATE_AND_ADD = "will_create_and_add"
WILL_REMOVE = "will_remove"
SKIP = "skip"
BLOCKED = "blocked"

RUNNABLE = (WILL_ADD, WILL_CREATE_AND_ADD, WILL_REMOVE)
# English, as --json answers and stored results carry them; a person reads outcome_label().
LABELS = {WILL_ADD: "will add", WILL_CREATE_AND_ADD: "will create in Dynamics, then add",
          WILL_REMOVE: "will remove", SKIP: "skip", BLOCKED: "blocked"}


def outcome_label(outcome: str) -> str:
    """LABELS[outcome] in the person's language, for the preview and the command line's plan."""
    words = {WILL_ADD: translate("Flows", "will add"),
             WILL_CREATE_AND_ADD: translate("Flows", "will create in Dynamics, then add"),
             WILL_REMOVE: translate("Flows", "will remove"), SKIP: translate("Flows", "skip"),
             BLOCKED: translate("Flows", "blocked")}
    return words.get(outcome, outcome)


@dataclass(frozen=True)
class Readiness:
    """What the org and the settings allow, checked before any person is looked at."""

    sync_enabled: bool = True
    prerequisite_problem: str | None = None  # None when the prerequisite solution is installed and recent
    privilege_problem: str | None = None  # the signed-in person lacks a privilege flow actions need


@dataclass(frozen=True)
class PlanItem:
    person: Person
    outcome: str
    reason: str = ""

    @property
    def runnable(self) -> bool:
        return self.outcome in RUNNABLE

    def to_dict(self) -> dict:
        return {"person_id": self.person.id, "email": self.person.email, "name": self.person.name,
                "plan": self.outcome, "label": LABELS[self.outcome], "reason": self.reason}


@dataclass
class Plan:
    action: str
    campaign_id: str
    campaign_name: str
    items: list[PlanItem] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        result = {key: 0 for key in LABELS}
        for item in self.items:
            result[item.outcome] += 1
        return result

    @property
    def runnable(self) -> list[PlanItem]:
        return [item for item in self.items if item.runnable]

    def has_runnable(self) -> bool:
        """Whether anyone would change: stops at the first one (listing 200,000 people to learn it took 15 ms)."""
        return any(item.outcome in RUNNABLE for item in self.items)


def plan(people: Iterable[Person], campaign: CampaignRecord | None, action: str, *,
         readiness: Readiness, memberships: Mapping[int, list[Membership]] | None = None,
         queued: set[int] | frozenset[int] = frozenset(), campaign_ref: str = "") -> Plan:
    """Plan `action` ("add"/"remove") on `campaign` for `people`.

    `memberships`: person id → that person's memberships of this campaign (app list and CRM lists).
    `queued`: ids of people who already have this action waiting in the outbox for this campaign.
    """
    if action not in (ADD, REMOVE):
        raise ValueError(f"action must be 'add' or 'remove', not {action!r}")
    memberships = memberships or {}
    name = campaign.name if campaign else campaign_ref
    result = Plan(action=action, campaign_id=campaign.id if campaign else campaign_ref, campaign_name=name)
    blocked = blocked_reason(campaign, readiness, campaign_ref)
    seen: set[int] = set()
    for person in people:
        if person.id in seen:
            continue
        seen.add(person.id)
        if blocked:
            result.items.append(PlanItem(person, BLOCKED, blocked))
            continue
        if person.id in queued:
            result.items.append(PlanItem(person, SKIP, translate("Flows", "already queued to be added") if action == ADD
                                         else translate("Flows", "already queued to be removed")))
            continue
        rows = memberships.get(person.id, [])
        if action == ADD:
            result.items.append(_plan_add(person, rows))
        else:
            result.items.append(_plan_remove(person, rows))
    return result


class CampaignLike(Protocol):
    name: str
    active: bool


def blocked_reason(campaign: CampaignLike | None, readiness: Readiness, ref: str = "") -> str | None:
    """Why no flow action can run on this campaign now, or None: one rule for the plan (the preview and the
    command line) and for the window's drop target, which refuses a drop at once with this reason."""
    if not readiness.sync_enabled:
        return translate("Flows", "campaign sync is disabled for this connection (an admin can enable it: Admin → "
                                  "Settings)")
    if readiness.prerequisite_problem:
        return readiness.prerequisite_problem
    if readiness.privilege_problem:
        return readiness.privilege_problem
    if campaign is None:
        return translate("Flows", "campaign {campaign} does not exist in Dynamics (deleted, or not refreshed yet)"
                         ).format(campaign=repr(ref))
    if not campaign.active:
        return translate("Flows", "campaign {campaign} is inactive in Dynamics").format(campaign=repr(campaign.name))
    return None


def _plan_add(person: Person, rows: list[Membership]) -> PlanItem:
    if any(row.source == FLOW_ACTION for row in rows):
        return PlanItem(person, SKIP, translate("Flows", "already a member (added by CampSync)"))
    if person.dynamics_id and person.dynamics_type == "lead":
        return PlanItem(person, WILL_ADD, translate("Flows", "add as lead (also on a CRM list of this campaign)")
                        if rows else translate("Flows", "add as lead"))
    if person.dynamics_id and person.dynamics_type == "contact":
        return PlanItem(person, WILL_ADD, translate("Flows", "add as contact (also on a CRM list of this campaign)")
                        if rows else translate("Flows", "add as contact"))
    problem = missing_data(person)
    if problem:
        return PlanItem(person, BLOCKED, problem)
    return PlanItem(person, WILL_CREATE_AND_ADD, translate("Flows", "not in Dynamics yet: a lead is created first"))


def _plan_remove(person: Person, rows: list[Membership]) -> PlanItem:
    if any(row.source == FLOW_ACTION for row in rows):
        return PlanItem(person, WILL_REMOVE, translate("Flows", "added by CampSync"))
    if rows:
        return PlanItem(person, SKIP, translate("Flows", "added outside CampSync (a CRM list); CampSync removes only "
                                                         "people its flow actions added"))
    return PlanItem(person, SKIP, translate("Flows", "not a member of this campaign"))


def missing_data(person: Person) -> str | None:
    """Why a local-only person cannot be created as a Dynamics lead, or None."""
    if not person.email:
        return translate("Flows", "no email address: cannot create the lead in Dynamics")
    if not (person.last_name or person.first_name):
        return translate("Flows", "no name: Dynamics needs a last name to create a lead")
    return None
