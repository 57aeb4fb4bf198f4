"""The words a smart-list definition is written in, and the error for a definition that misuses them.

Field names and their kinds, the ops each kind allows, the labels the editor shows, and SmartListError. Pure
constants: every other module of the package imports from here, and so does the smart-list editor.
"""

from __future__ import annotations

DAY_SECONDS = 86400.0
# Bounds checked before any SQL: a smart list is one SQL expression, and SQLite refuses an expression tree deeper
# than 1,000 ("Expression tree is too large"); 1,000 filters combined with "any" reached it.
MAX_FILTERS = 200          # filters in one smart list
MAX_LOGIC_TERMS = 400      # filter numbers written in one logic expression ("1 or 2 or ..."); a number may repeat
MAX_WITHIN_DAYS = 36_500   # an activity filter's "within the last N days": 100 years
MAX_MIN_TIMES = 1_000_000  # an activity filter's "at least N times"
FLOW_ACTION = "flow_action"

TEXT, NUMBER, DATE, CHOICE = "text", "number", "date", "choice"
FIELD_KINDS: dict[str, str] = {
    "first_name": TEXT, "last_name": TEXT, "name": TEXT, "email": TEXT, "company": TEXT, "job_title": TEXT,
    "country": TEXT, "score": NUMBER, "type": CHOICE, "created_at": DATE,
}
FIELD_LABELS: dict[str, str] = {
    "first_name": "First name", "last_name": "Last name", "name": "Name", "email": "Email", "company": "Company",
    "job_title": "Job title", "country": "Country", "score": "Score", "type": "Type", "created_at": "Created",
}
OPS = ("equals", "not_equals", "contains", "not_contains", "starts_with", "greater_than", "less_than",
       "in_list", "not_in_list", "is_empty", "is_not_empty")
OPS_BY_KIND: dict[str, tuple[str, ...]] = {
    TEXT: ("equals", "not_equals", "contains", "not_contains", "starts_with", "in_list", "not_in_list",
           "is_empty", "is_not_empty"),
    NUMBER: ("equals", "not_equals", "greater_than", "less_than", "in_list", "not_in_list"),
    DATE: ("equals", "not_equals", "greater_than", "less_than"),
    CHOICE: ("equals", "not_equals", "in_list", "not_in_list"),
}
KIND_WORDS = {TEXT: "a text field", NUMBER: "a number field", DATE: "a date field", CHOICE: "a choice field"}
PERSON_TYPES = ("lead", "contact", "local")
TYPE_LABELS = {"lead": "Lead", "contact": "Contact", "local": "Local only (not in Dynamics)"}
NO_VALUE_OPS = ("is_empty", "is_not_empty")
LIST_OPS = ("in_list", "not_in_list")
NEEDLE_OPS = ("contains", "not_contains", "starts_with")  # an empty needle would match everyone: refused


class SmartListError(ValueError):
    """A definition that cannot be used; the message says what to fix (and names the filter number)."""

    def __init__(self, message: str, filter_number: int | None = None):
        super().__init__(message)
        self.filter_number = filter_number
