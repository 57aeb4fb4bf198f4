"""What an automation campaign is: its vocabulary (triggers, flow steps, rules), its JSON definition, validation.

A definition is plain JSON (exported and imported between machines):

    {"smart_list": {"filters": [...], "logic": "all"},          # see core/smartlists
     "triggers": [{"type": "added_to_microsoft_campaign", "campaign_ids": ["..."]}, ...],
     "flow": [{"step": "add_to_microsoft_campaign", "campaign_id": "..."},
              {"step": "wait", "seconds": 86400},
              {"step": "change_data_value", "field": "score", "value": "80"}],
     "qualification": {"rule": "once" | "every_time" | "every_n_days", "days": 7},
     "schedule": {"at": <epoch>, "repeat": null | "daily" | "weekly"},     # batch campaigns only
     "description": "what the campaign is for"}                              # optional, kept only when set
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..models import CampaignRecord
from ..smartlists import SmartListError, validate as validate_smart_list
from ..triggers import ADDED, REMOVED

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
KINDS = ("trigger", "batch")
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
    description: str = ""

    @classmethod
    def from_json(cls, text: str | dict) -> "Definition":
        data = json.loads(text) if isinstance(text, str) else dict(text)
        return cls(smart_list=data.get("smart_list") or {"filters": [], "logic": "all"},
                   triggers=list(data.get("triggers") or []), flow=list(data.get("flow") or []),
                   qualification=data.get("qualification") or {"rule": "once"}, schedule=data.get("schedule"),
                   description=str(data.get("description") or ""))

    def to_json(self) -> str:
        data = {"smart_list": self.smart_list, "triggers": self.triggers, "flow": self.flow,
                "qualification": self.qualification, "schedule": self.schedule}
        if self.description.strip():  # written only when set: definitions without one read as before
            data["description"] = self.description.strip()
        return json.dumps(data, ensure_ascii=False)


def validate(kind: str, definition: Definition, campaigns: dict[str, CampaignRecord]) -> list[str]:
    """Problems that stop the campaign from being activated, in words; [] when it can run."""
    problems: list[str] = []
    try:
        validate_smart_list(definition.smart_list)
    except SmartListError as exc:
        problems.append(f"Smart list: {exc}")
    if kind == "trigger":
        problems += _trigger_problems(definition, campaigns)
    if not definition.flow:
        problems.append("Flow: the flow is empty; add at least one step.")
    for number, step in enumerate(definition.flow, 1):
        problems += _step_problems(number, step, campaigns)
    rule = definition.qualification.get("rule")
    if rule not in RULES:
        problems.append(f"Qualification: unknown rule {rule!r}.")
    elif rule == "every_n_days" and not (isinstance(definition.qualification.get("days"), int)
                                         and definition.qualification["days"] > 0):
        problems.append("Qualification: 'once every N days' needs N ≥ 1.")
    return problems


def _trigger_problems(definition: Definition, campaigns: dict[str, CampaignRecord]) -> list[str]:
    problems = []
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
    return problems


def inactive_targets(definition: Definition, campaigns: dict[str, CampaignRecord]) -> list[str]:
    """The flow steps that add to or remove from a campaign inactive in Dynamics, in words (validate's lines)."""
    return [problem for number, step in enumerate(definition.flow, 1)
            if isinstance(step, dict) and step.get("step") in (ADD_STEP, REMOVE_STEP)
            and (target := campaigns.get(step.get("campaign_id") or "")) is not None and not target.active
            for problem in _step_problems(number, step, campaigns)]


def _step_problems(number: int, step: dict, campaigns: dict[str, CampaignRecord]) -> list[str]:
    name = step.get("step")
    if name not in STEP_LABELS:
        return [f"Flow step {number}: unknown step {name!r}."]
    if name in (ADD_STEP, REMOVE_STEP):
        campaign = campaigns.get(step.get("campaign_id") or "")
        if campaign is None:
            return [f"Flow step {number}: choose a Microsoft campaign that exists in the org."]
        if not campaign.active:
            return [f"Flow step {number}: campaign {campaign.name!r} is inactive in Dynamics."]
    elif name == CHANGE_STEP and step.get("field") not in CHANGEABLE_FIELDS:
        return [f"Flow step {number}: unknown field {step.get('field')!r} (one of {', '.join(CHANGEABLE_FIELDS)})."]
    elif name == CHANGE_STEP and step.get("field") == "score" and not _whole_number(step.get("value")):
        return [f"Flow step {number}: score must be a whole number, not {step.get('value')!r}."]
    elif name == WAIT_STEP and not (isinstance(step.get("seconds"), (int, float)) and step["seconds"] > 0):
        return [f"Flow step {number}: a wait needs a duration."]
    return []


def _whole_number(value: object) -> bool:
    try:
        int(str(value).strip())
    except ValueError:
        return False
    return True
