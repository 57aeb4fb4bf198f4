"""Descriptions: a smart list in plain words, one line per filter ("Country is France") and its logic.

Shown next to each filter in the editor and as the count's tooltip.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from ...language import translate
from .parsed import ActivityFilter, FieldFilter, MembershipFilter, SmartList
from .parsing import validate
from .values import fold, parse_when
from .vocabulary import CHOICE, DATE, FIELD_KINDS, FIELD_LABELS, LIST_OPS, NUMBER, TEXT, TYPE_LABELS


def _quote(text: str) -> str:
    return f"'{text}'"


def field_label(name: str) -> str:
    """FIELD_LABELS[name] in the person's language (the constant stays English for the editor's data and JSON)."""
    labels = {"first_name": translate("SmartLists", "First name"), "last_name": translate("SmartLists", "Last name"),
              "name": translate("SmartLists", "Name"), "email": translate("SmartLists", "Email"),
              "company": translate("SmartLists", "Company"), "job_title": translate("SmartLists", "Job title"),
              "country": translate("SmartLists", "Country"), "score": translate("SmartLists", "Score"),
              "type": translate("SmartLists", "Type"), "created_at": translate("SmartLists", "Created")}
    return labels.get(name) or FIELD_LABELS.get(name, name)


def type_label(key: str) -> str:
    """TYPE_LABELS[key] in the person's language."""
    labels = {"lead": translate("SmartLists", "Lead"), "contact": translate("SmartLists", "Contact"),
              "local": translate("SmartLists", "Local only (not in Dynamics)")}
    return labels.get(key) or TYPE_LABELS.get(key, key)


def _when_words(value: Any) -> tuple[str, bool]:
    start, end = parse_when(value)
    if end is not None:
        return datetime.fromtimestamp(start, timezone.utc).strftime("%Y-%m-%d"), True
    moment = datetime.fromtimestamp(start, timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%S" if moment.second or moment.microsecond else "%Y-%m-%d %H:%M") \
        + " UTC", False


def _number_words(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _describe_field(flt: FieldFilter) -> str:
    label, kind, op, value = field_label(flt.field), FIELD_KINDS[flt.field], flt.op, flt.value
    if op == "is_empty" or (kind == TEXT and op == "equals" and not fold(value)):
        return translate("SmartLists", "{field} is empty").format(field=label)
    if op == "is_not_empty" or (kind == TEXT and op == "not_equals" and not fold(value)):
        return translate("SmartLists", "{field} is not empty").format(field=label)
    if kind == DATE:
        words, whole_day = _when_words(value)
        if op == "equals":
            text = (translate("SmartLists", "{field} on {when}") if whole_day
                    else translate("SmartLists", "{field} at {when}"))
        elif op == "not_equals":
            text = (translate("SmartLists", "{field} not on {when}") if whole_day
                    else translate("SmartLists", "{field} not at {when}"))
        else:
            text = {"greater_than": translate("SmartLists", "{field} after {when}"),
                    "less_than": translate("SmartLists", "{field} before {when}")}[op]
        return text.format(field=label, when=words)
    if kind == CHOICE:
        shown = [type_label(v) for v in (value if op in LIST_OPS else (value,))]
    elif kind == NUMBER:
        shown = [_number_words(v) for v in (value if op in LIST_OPS else (value,))]
    else:
        shown = list(value) if op in LIST_OPS else [value.strip()]
    one = {"equals": translate("SmartLists", "{field} is {value}"),
           "not_equals": translate("SmartLists", "{field} is not {value}"),
           "greater_than": translate("SmartLists", "{field} is greater than {value}"),
           "less_than": translate("SmartLists", "{field} is less than {value}")}
    quoted = {"contains": translate("SmartLists", "{field} contains {value}"),
              "not_contains": translate("SmartLists", "{field} does not contain {value}"),
              "starts_with": translate("SmartLists", "{field} starts with {value}")}
    if op in one:
        return one[op].format(field=label, value=shown[0])
    if op in quoted:
        return quoted[op].format(field=label, value=_quote(shown[0]))
    if kind == TEXT:
        shown = [v.strip() if fold(v) else translate("SmartLists", "(empty)") for v in shown]
    listed = ", ".join(shown)
    text = (translate("SmartLists", "{field} is any of {values}") if op == "in_list"
            else translate("SmartLists", "{field} is none of {values}"))
    return text.format(field=label, values=listed)


def _describe_activity(flt: ActivityFilter) -> str:
    activity = flt.type.replace("_", " ")
    words = [(translate("SmartLists", "Has {activity}") if flt.has
              else translate("SmartLists", "Has not {activity}")).format(activity=activity)]
    if flt.detail_contains is not None:
        words.append(translate("SmartLists", "containing {text}").format(text=_quote(flt.detail_contains.strip())))
    if flt.min_times > 1:
        words.append(translate("SmartLists", "at least {count} times").format(count=flt.min_times))
    if flt.within_days is not None:
        words.append(translate("SmartLists", "in the last day") if flt.within_days == 1
                     else translate("SmartLists", "in the last {count} days").format(count=flt.within_days))
    return " ".join(words)


def _describe_membership(flt: MembershipFilter, names: Mapping[str, str]) -> str:
    shown = ", ".join(f"{names[cid]} ({cid})" if names.get(cid) else cid for cid in flt.campaign_ids)
    text = (translate("SmartLists", "Member of Microsoft campaign (added by CampSync): {campaigns}") if flt.member
            else translate("SmartLists", "Not member of Microsoft campaign (added by CampSync): {campaigns}"))
    return text.format(campaigns=shown)


def describe(smart_list: SmartList | Mapping, *, campaign_names: Mapping[str, str] | None = None) -> list[str]:
    """One plain-language line per filter, in order ("Country is France", "Has visited web page ...")."""
    sl = validate(smart_list)
    lines = []
    for flt in sl.filters:
        if isinstance(flt, FieldFilter):
            lines.append(_describe_field(flt))
        elif isinstance(flt, ActivityFilter):
            lines.append(_describe_activity(flt))
        else:
            lines.append(_describe_membership(flt, campaign_names or {}))
    return lines


def describe_logic(smart_list: SmartList | Mapping) -> str:
    """The logic in words: "All filters", "Any filter", or "Filters 1 and (2 or 3)"."""
    sl = validate(smart_list)
    if not sl.filters:
        return translate("SmartLists", "No filters: everyone qualifies")
    if sl.logic == "all":
        return translate("SmartLists", "All filters")
    if sl.logic == "any":
        return translate("SmartLists", "Any filter")
    return translate("SmartLists", "Filters {logic}").format(logic=sl.logic)
