"""Trigger and batch campaigns (Marketo's smart campaigns on Dynamics campaign membership).

definitions.py  the vocabulary, the JSON definition and its validation
runner.py       trigger campaigns: events in, qualification, flows (their flow actions go to the outbox)
batch.py        batch campaigns: who qualifies now, run now, schedules
scheduler.py    the tick that resumes waiting flows and runs due batch campaigns
library.py      the stored campaigns: create, save, delete, (de)activate, export/import, results
"""

from .definitions import (ACTIVITY_LOGGED, ADD_STEP, CHANGE_STEP, CHANGEABLE_FIELDS, DATA_VALUE_CHANGES, MAX_DEPTH,
                          PERSON_CREATED, REMOVE_STEP, RULES, STEP_LABELS, TRIGGER_TYPES, WAIT_STEP, AutomationError,
                          Definition, step_label, trigger_type_label, validate)

__all__ = ["ACTIVITY_LOGGED", "ADD_STEP", "CHANGE_STEP", "CHANGEABLE_FIELDS", "DATA_VALUE_CHANGES", "MAX_DEPTH",
           "PERSON_CREATED", "REMOVE_STEP", "RULES", "STEP_LABELS", "TRIGGER_TYPES", "WAIT_STEP", "AutomationError",
           "Definition", "step_label", "trigger_type_label", "validate"]
