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

A Wait lasts more than 0 seconds and at most MAX_WAIT_SECONDS (1 year). `from_json` reads leniently (a stored
definition from an older version keeps loading, whatever it holds); `validate` names what cannot run, and the
runner fails such a step for that person alone. Export files are checked whole by `schema.read_export`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

from ...language import translate
from ..models import CampaignRecord
from ..smartlists import SmartListError, validate as validate_smart_list
from ..triggers import ADDED, REMOVED, trigger_label

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
MAX_WAIT_SECONDS = 365 * 86400  # a Wait lasts at most 1 year (longer, or Infinity, could not be scheduled)


def trigger_type_label(key: str) -> str:
    """TRIGGER_TYPES[key] in the person's language (the constant stays English: results' ids, --json)."""
    if key in (ADDED, REMOVED):
        return trigger_label(key)  # Marketo's names, from one place
    words = {PERSON_CREATED: translate("Automation", "Person is created"),
             DATA_VALUE_CHANGES: translate("Automation", "Data value changes"),
             ACTIVITY_LOGGED: translate("Automation", "Activity is logged")}
    return words.get(key) or TRIGGER_TYPES.get(key, key)


def step_label(name: str) -> str:
    """STEP_LABELS[name] in the person's language."""
    words = {ADD_STEP: translate("Automation", "Add to Microsoft Campaign"),
             REMOVE_STEP: translate("Automation", "Remove from Microsoft Campaign"),
             CHANGE_STEP: translate("Automation", "Change data value"), WAIT_STEP: translate("Automation", "Wait")}
    return words.get(name) or STEP_LABELS.get(name, name)


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
        """Read a definition as stored or exported, leniently (what cannot run is for `validate` to name);
        AutomationError when it is not a JSON object at all."""
        try:
            data = json.loads(text) if isinstance(text, str) else text
        except RecursionError:  # hand-edited: json's parser recurses into every bracket
            raise AutomationError(translate("Automation", "the definition is too deeply nested to read")) from None
        if not isinstance(data, dict):
            raise AutomationError(translate("Automation", "a definition must be a JSON object, not {type}").format(
                type=type(data).__name__))
        return cls(smart_list=data.get("smart_list") or {"filters": [], "logic": "all"},
                   triggers=_as_list(data.get("triggers")), flow=_as_list(data.get("flow")),
                   qualification=data.get("qualification") or {"rule": "once"}, schedule=data.get("schedule"),
                   description=str(data.get("description") or ""))

    def to_json(self) -> str:
        data = {"smart_list": self.smart_list, "triggers": self.triggers, "flow": self.flow,
                "qualification": self.qualification, "schedule": self.schedule}
        if self.description.strip():  # written only when set: definitions without one read as before
            data["description"] = self.description.strip()
        return json.dumps(data, ensure_ascii=False)


def _as_list(value: object) -> list:
    """A list as found; anything else (a hand-edited "flow": "wait") kept as one item for `validate` to name."""
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def wait_seconds(step: dict) -> float:
    """A Wait step's duration in seconds; AutomationError (in words) unless finite, above 0 and at most 1 year."""
    value = step.get("seconds")
    try:
        ok = not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(value) \
            and 0 < value <= MAX_WAIT_SECONDS
    except OverflowError:  # an integer too large for a float
        ok = False
    if not ok:
        if value is None:
            raise AutomationError(translate("Automation", "a wait needs a duration"))
        if isinstance(value, float) and not math.isfinite(value):  # as JSON writes it
            shown = "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
        else:
            shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        raise AutomationError(translate("Automation", "a wait must be a finite number of seconds, more than 0 and at "
                                                      "most 1 year ({limit}), not {value}").format(
            limit=MAX_WAIT_SECONDS, value=shown))
    return float(value)


def validate(kind: str, definition: Definition, campaigns: dict[str, CampaignRecord]) -> list[str]:
    """Problems that stop the campaign from being activated, in words; [] when it can run."""
    problems: list[str] = []
    try:
        validate_smart_list(definition.smart_list)
    except SmartListError as exc:
        problems.append(translate("Automation", "Smart list: {problem}").format(problem=exc))
    if kind == "trigger":
        problems += _trigger_problems(definition, campaigns)
    if not definition.flow:
        problems.append(translate("Automation", "Flow: the flow is empty; add at least one step."))
    for number, step in enumerate(definition.flow, 1):
        problems += _step_problems(number, step, campaigns)
    qualification = definition.qualification if isinstance(definition.qualification, dict) else {}
    rule = qualification.get("rule")
    if not isinstance(definition.qualification, dict):
        problems.append(translate("Automation", 'Qualification: must be an object such as {"rule": "once"}.'))
    elif not isinstance(rule, str) or rule not in RULES:
        problems.append(translate("Automation", "Qualification: unknown rule {rule}.").format(rule=repr(rule)))
    elif rule == "every_n_days" and not (isinstance(qualification.get("days"), int)
                                         and not isinstance(qualification["days"], bool)
                                         and qualification["days"] > 0):
        problems.append(translate("Automation", "Qualification: 'once every N days' needs N ≥ 1."))
    return problems


def _trigger_problems(definition: Definition, campaigns: dict[str, CampaignRecord]) -> list[str]:
    problems = []
    if not definition.triggers:
        problems.append(translate("Automation", "Smart list: a trigger campaign needs at least one trigger."))
    for number, trigger in enumerate(definition.triggers, 1):
        if not isinstance(trigger, dict):
            problems.append(translate("Automation", "Trigger {number}: must be an object, not {type}.").format(
                number=number, type=type(trigger).__name__))
            continue
        kind_of = trigger.get("type")
        if not isinstance(kind_of, str) or kind_of not in TRIGGER_TYPES:
            problems.append(translate("Automation", "Trigger {number}: unknown trigger {type}.").format(
                number=number, type=repr(kind_of)))
        if kind_of == DATA_VALUE_CHANGES and not (isinstance(trigger.get("field"), str)
                                                  and trigger["field"] in CHANGEABLE_FIELDS + ("email",)):
            problems.append(translate("Automation", "Trigger {number}: unknown field {field}.").format(
                number=number, field=repr(trigger.get("field"))))
        ids = trigger.get("campaign_ids") or []
        if not isinstance(ids, list) or not all(isinstance(cid, str) for cid in ids):
            problems.append(translate("Automation", "Trigger {number}: 'campaign_ids' must be a list of campaign "
                                                    "ids.").format(number=number))
            continue
        for cid in ids:
            if cid not in campaigns:
                problems.append(translate("Automation", "Trigger {number}: campaign {campaign} is not in the "
                                                        "org.").format(number=number, campaign=repr(cid)))
    return problems


def inactive_targets(definition: Definition, campaigns: dict[str, CampaignRecord]) -> list[str]:
    """The flow steps that add to or remove from a campaign inactive in Dynamics, in words (validate's lines)."""
    return [problem for number, step in enumerate(definition.flow, 1)
            if isinstance(step, dict) and step.get("step") in (ADD_STEP, REMOVE_STEP)
            and isinstance(step.get("campaign_id"), str)
            and (target := campaigns.get(step["campaign_id"])) is not None and not target.active
            for problem in _step_problems(number, step, campaigns)]


def _step_problems(number: int, step: dict, campaigns: dict[str, CampaignRecord]) -> list[str]:
    if not isinstance(step, dict):
        return [translate("Automation", "Flow step {number}: must be an object, not {type}.").format(
            number=number, type=type(step).__name__)]
    name = step.get("step")
    if not isinstance(name, str) or name not in STEP_LABELS:
        return [translate("Automation", "Flow step {number}: unknown step {step}.").format(number=number,
                                                                                          step=repr(name))]
    if name in (ADD_STEP, REMOVE_STEP):
        campaign_id = step.get("campaign_id")
        campaign = campaigns.get(campaign_id) if isinstance(campaign_id, str) else None
        if campaign is None:
            return [translate("Automation", "Flow step {number}: choose a Microsoft campaign that exists in the "
                                            "org.").format(number=number)]
        if not campaign.active:
            return [translate("Automation", "Flow step {number}: campaign {campaign} is inactive in "
                                            "Dynamics.").format(number=number, campaign=repr(campaign.name))]
    elif name == CHANGE_STEP and not (isinstance(step.get("field"), str) and step["field"] in CHANGEABLE_FIELDS):
        return [translate("Automation", "Flow step {number}: unknown field {field} (one of {known}).").format(
            number=number, field=repr(step.get("field")), known=", ".join(CHANGEABLE_FIELDS))]
    elif name == CHANGE_STEP and step.get("field") == "score" and not _whole_number(step.get("value")):
        return [translate("Automation", "Flow step {number}: score must be a whole number, not {value}.").format(
            number=number, value=repr(step.get("value")))]
    elif name == WAIT_STEP:
        try:
            wait_seconds(step)
        except AutomationError as exc:
            return [translate("Automation", "Flow step {number}: {problem}.").format(number=number, problem=exc)]
    return []


def _whole_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, (str, int)) or len(str(value)) > 18:
        return False  # more digits than a score can hold (SQLite's integers stop at 2**63)
    try:
        int(str(value).strip())
    except ValueError:
        return False
    return True
