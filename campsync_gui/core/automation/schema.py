"""The structure of an automation export file, checked whole before anything is stored.

`read_export(path)` reads a file written by `automation export` (or by hand, or by someone hostile) and returns
its campaigns, or raises `ExportFileError` whose `problems` are plain lines naming where each mistake is:

    campaigns[2].definition.flow[1].seconds: must be a finite number of seconds, more than 0 and at most 1 year

Paths count from 0, as in JSON. The checks, in order: the file's size (MAX_FILE_BYTES), UTF-8, how deeply its
brackets nest (MAX_NESTING: json's parser recurses, and 100,000 brackets would end in a RecursionError), JSON
itself, then every field's type and bounds (pydantic, strict: "80" is not a number, 1 is not true). What a
campaign means in this org (a campaign id it lacks, an unknown step from a newer version, a smart list filter on
an unknown field) is not checked here: such a campaign comes in inactive with the problems `validate` names.

Keys this version does not know are kept in triggers and steps and ignored elsewhere, as the format always has.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from ...language import translate
from ..smartlists import MAX_FILTERS
from .definitions import KINDS, MAX_WAIT_SECONDS, WAIT_STEP

EXPORT_FORMAT = "campsync-automation/1"

MAX_FILE_BYTES = 10 * 1024 * 1024  # an export of a thousand campaigns is well under 1 MB
MAX_NESTING = 32                    # brackets inside each other; an export needs 8
MAX_CAMPAIGNS = 1000                # campaigns in one file
MAX_NAME_CHARS = 200
MAX_TEXT_CHARS = 10_000             # any other text: a description, a value, a campaign id
MAX_TRIGGERS = 50                   # triggers of one campaign
MAX_STEPS = 100                     # flow steps of one campaign
MAX_IDS = 1000                      # campaign ids in one trigger
MAX_DAYS = 36_500                   # "once every N days"
LAST_EPOCH = 253_402_300_799.0      # 9999-12-31T23:59:59Z: the last moment a schedule can name
MAX_PROBLEMS_SHOWN = 20



def wait_words(value: Any) -> str:
    """What a wait's duration must be, and what `value` was instead."""
    return translate("AutomationFile", "must be a finite number of seconds, more than 0 and at most 1 year ({limit}), "
                                       "not {value}").format(limit=MAX_WAIT_SECONDS, value=_short(value))


class ExportFileError(ValueError):
    """A file that cannot be imported; `problems`: one plain line for each mistake found."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []


def _fail(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, message)


def _finite(value: Any) -> float | int:
    """A JSON number (never a bool or text) that is finite and fits a float."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail("number", translate("AutomationFile", "must be a number, not {what}").format(what=_what(value)))
    try:
        if not math.isfinite(value):
            raise _fail("finite", translate("AutomationFile", "must be a finite number, not {value}").format(
                value=repr(value)))
    except OverflowError:  # an integer too large for a float
        raise _fail("finite", translate("AutomationFile", "must be a number of a sensible size")) from None
    return value


def _seconds(value: Any) -> Any:
    if value is None:
        return None  # a draft's wait without a duration: validate() names it, the campaign comes in inactive
    try:
        number = _finite(value)
    except PydanticCustomError:
        raise _fail("wait", wait_words(value)) from None
    if not 0 < number <= MAX_WAIT_SECONDS:
        raise _fail("wait", wait_words(value))
    return value


def _scalar(value: Any) -> Any:
    """A step's or trigger's value: text, a finite number, true/false or null."""
    if value is None or isinstance(value, (str, bool)):
        if isinstance(value, str) and len(value) > MAX_TEXT_CHARS:
            raise _fail("too_long", _at_most_characters(MAX_TEXT_CHARS))
        return value
    if isinstance(value, (int, float)):
        return _finite(value)
    raise _fail("scalar", translate("AutomationFile", "must be text or a number, not {what}").format(
        what=_what(value)))


def _at_most_characters(limit: object) -> str:
    return translate("AutomationFile", "must be at most {limit} characters").format(limit=limit)


def _not_text(value: Any) -> str:
    return translate("AutomationFile", "must be text, not {what}").format(what=_what(value))


def _name(value: Any) -> str:
    if not isinstance(value, str):
        raise _fail("name", _not_text(value))
    if not value.strip():
        raise _fail("name", translate("AutomationFile", "must not be empty"))
    if len(value) > MAX_NAME_CHARS:
        raise _fail("name", _at_most_characters(MAX_NAME_CHARS))
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise _fail("name", translate("AutomationFile", "must not contain control characters"))
    return value


def _kind(value: Any) -> str | None:
    if value is None or value in KINDS:
        return value
    raise _fail("kind", translate("AutomationFile", "must be one of {known}, not {value}").format(
        known=", ".join(map(repr, KINDS)), value=_short(value)))


def _at(value: Any) -> Any:
    if value is None:
        return None
    number = _finite(value)
    if not 0 <= number <= LAST_EPOCH:
        raise _fail("at", translate("AutomationFile", "must be a time in epoch seconds between 1970 and 9999"))
    return value


Text = Annotated[str, Field(strict=True, max_length=MAX_TEXT_CHARS)]
Seconds = Annotated[Any, BeforeValidator(_seconds)]
Scalar = Annotated[Any, BeforeValidator(_scalar)]


class _Part(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", hide_input_in_errors=True)


class _Open(_Part):
    """Triggers and steps keep the keys this version does not know (a newer version's settings)."""

    model_config = ConfigDict(extra="allow")


class SmartListPart(_Open):  # its unknown keys are for smartlists.validate to name (the campaign comes in inactive)
    filters: list[dict] | None = Field(None, max_length=MAX_FILTERS)
    logic: Text | None = None


class TriggerPart(_Open):
    type: Text
    campaign_ids: list[Text] | None = Field(None, max_length=MAX_IDS)
    field: Text | None = None
    new_value: Scalar = None
    activity_type: Text | None = None


class StepPart(_Open):
    step: Text
    campaign_id: Text | None = None
    field: Text | None = None
    value: Scalar = None
    seconds: Any = None  # checked below, for wait steps only (other steps never read it)


class QualificationPart(_Part):
    rule: Text | None = None
    days: Annotated[int, Field(ge=1, le=MAX_DAYS)] | None = None


class SchedulePart(_Part):
    at: Annotated[Any, BeforeValidator(_at)] = None
    repeat: Text | None = None


class DefinitionPart(_Part):
    smart_list: SmartListPart | None = None
    triggers: list[TriggerPart] | None = Field(None, max_length=MAX_TRIGGERS)
    flow: list[StepPart] | None = Field(None, max_length=MAX_STEPS)
    qualification: QualificationPart | None = None
    schedule: SchedulePart | None = None
    description: Text | None = None


class CampaignPart(_Part):
    name: Annotated[str, BeforeValidator(_name)]
    kind: Annotated[Any, BeforeValidator(_kind)] = None
    active: bool | None = None
    definition: DefinitionPart | None = None


class ExportPart(_Part):
    format: Any = None
    campaigns: list[CampaignPart] | None = Field(None, max_length=MAX_CAMPAIGNS)


@dataclass(frozen=True)
class ImportedCampaign:
    """One campaign of a checked file: its definition as the JSON object found there."""

    name: str
    kind: str
    active: bool
    definition: dict


def read_export(path: str | Path) -> list[ImportedCampaign]:
    """The campaigns of an export file, every field checked; ExportFileError (in words) when anything is wrong."""
    data = parse_json_file(path, MAX_FILE_BYTES, translate("AutomationFile", "an automation export"))
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise ExportFileError(translate("AutomationFile", "{file} is not a CampSync automation export "
                                                          "({format}).").format(file=path, format=EXPORT_FORMAT))
    problems = structure_problems(data)
    if problems:
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        raise ExportFileError(translate("AutomationFile", "{file} was not imported (nothing was changed); fix these "
                                                          "and import it again:").format(file=path) + "\n"
                              + "\n".join(f"• {line}" for line in shown)
                              + ("\n" + translate("AutomationFile", "… and {count} more").format(count=more)
                                 if more else ""), problems)
    campaigns = []
    for item in data.get("campaigns") or []:
        campaigns.append(ImportedCampaign(name=item["name"], kind=item.get("kind") or "trigger",
                                          active=bool(item.get("active")), definition=item.get("definition") or {}))
    return campaigns


def structure_problems(data: dict) -> list[str]:
    """Every mistake in a parsed export's structure, one line each (path: what is wrong); [] when sound."""
    try:
        ExportPart.model_validate(data)
        problems: list[str] = []
    except ValidationError as exc:
        problems = [f"{_path(error['loc'])}: {_words(error)}" for error in exc.errors()]
    problems += _wait_problems(data) + _duplicate_names(data)
    return sorted(set(problems), key=_natural)


def _wait_problems(data: dict) -> list[str]:
    """The duration of every wait step (other steps never read `seconds`)."""
    problems = []
    for c, item in enumerate(data.get("campaigns") or []):
        definition = item.get("definition") if isinstance(item, dict) else None
        flow = definition.get("flow") if isinstance(definition, dict) else None
        for s, step in enumerate(flow if isinstance(flow, list) else []):
            if isinstance(step, dict) and step.get("step") == WAIT_STEP:
                try:
                    _seconds(step.get("seconds"))
                except PydanticCustomError as exc:
                    problems.append(f"campaigns[{c}].definition.flow[{s}].seconds: {exc.message()}")
    return problems


def _duplicate_names(data: dict) -> list[str]:
    seen: dict[str, int] = {}
    problems = []
    for c, item in enumerate(data.get("campaigns") or []):
        name = item.get("name") if isinstance(item, dict) else None
        if isinstance(name, str):
            if name in seen:
                problems.append(f"campaigns[{c}].name: " + translate(
                    "AutomationFile", "{name} is also the name of {other}").format(name=_short(name),
                                                                                   other=f"campaigns[{seen[name]}]"))
            seen.setdefault(name, c)
    return problems


def parse_json_file(path: str | Path, max_bytes: int, what: str) -> Any:
    """A JSON file read with bounds: its size, UTF-8, its nesting; ExportFileError in words otherwise."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ExportFileError(translate("AutomationFile", "Cannot read {file}: {problem}").format(
            file=path, problem=exc.strerror or exc)) from exc
    if len(raw) > max_bytes:
        raise ExportFileError(translate("AutomationFile", "{file} is too large for {what} (more than {size} "
                                                          "MB).").format(file=path, what=what,
                                                                         size=max_bytes // (1024 * 1024)))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExportFileError(translate("AutomationFile", "{file} is not UTF-8 text (byte {byte}).").format(
            file=path, byte=exc.start + 1)) from exc
    if nesting_depth(text, MAX_NESTING) > MAX_NESTING:
        raise ExportFileError(translate("AutomationFile", "{file} is too deeply nested: brackets more than {limit} "
                                                          "levels inside each other ({what} needs far "
                                                          "fewer).").format(file=path, limit=MAX_NESTING, what=what))
    try:
        return json.loads(text)
    except RecursionError:  # not reached after the check above; kept so that no file ends in a traceback
        raise ExportFileError(translate("AutomationFile", "{file} is too deeply nested to read.").format(
            file=path)) from None
    except ValueError as exc:
        detail = translate("AutomationFile", "{problem} at line {line}, column {column}").format(
            problem=exc.msg, line=exc.lineno, column=exc.colno) if isinstance(exc, json.JSONDecodeError) \
            else str(exc)
        raise ExportFileError(translate("AutomationFile", "{file} is not valid JSON: {problem}.").format(
            file=path, problem=detail)) from None


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def nesting_depth(text: str, stop_above: int | None = None) -> int:
    """How deeply the brackets of JSON text nest (strings skipped), without recursing; stops counting once it
    passes `stop_above`."""
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):
        depth += 1 if match.group() in "[{" else -1
        if depth > deepest:
            deepest = depth
            if stop_above is not None and deepest > stop_above:
                break
    return deepest


def _type_words(kind: str) -> str | None:
    """What pydantic's error `kind` says the value must be, in the person's language; None for other kinds."""
    an_object = translate("AutomationFile", "must be an object")
    whole = translate("AutomationFile", "must be a whole number")
    return {"string_type": translate("AutomationFile", "must be text"),
            "list_type": translate("AutomationFile", "must be a list"), "dict_type": an_object,
            "model_type": an_object, "model_attributes_type": an_object,
            "bool_type": translate("AutomationFile", "must be true or false"), "int_type": whole,
            "float_type": translate("AutomationFile", "must be a number"),
            "finite_number": translate("AutomationFile", "must be a finite number"), "int_from_float": whole,
            }.get(kind)


def _words(error: dict) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "too_long":
        items = _items(str(error["loc"][-1]) if error["loc"] else "")
        if ctx.get("actual_length") is not None:
            return translate("AutomationFile", "must have at most {limit} {items}, not {count}").format(
                limit=ctx.get("max_length"), items=items, count=ctx["actual_length"])
        return translate("AutomationFile", "must have at most {limit} {items}").format(limit=ctx.get("max_length"),
                                                                                       items=items)
    if kind == "string_too_long":
        return _at_most_characters(ctx.get("max_length"))
    if kind in ("greater_than_equal", "less_than_equal"):
        return translate("AutomationFile", "must be a whole number from 1 to {limit}").format(limit=MAX_DAYS)
    if kind == "missing":
        return translate("AutomationFile", "is required")
    words = _type_words(kind)
    if words is not None:
        return translate("AutomationFile", "{rule}, not {what}").format(rule=words, what=_what(error.get("input")))
    return str(error["msg"]) if "msg" in error else translate("AutomationFile", "is not valid")


def _items(key: str) -> str:
    """What a list of the file holds, by its key ("flow": steps)."""
    return {"filters": translate("AutomationFile", "filters"), "flow": translate("AutomationFile", "steps"),
            "triggers": translate("AutomationFile", "triggers"), "campaigns": translate("AutomationFile", "campaigns"),
            "campaign_ids": translate("AutomationFile", "campaign ids")}.get(key) or translate("AutomationFile",
                                                                                              "items")


def _what(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return translate("AutomationFile", "text")
    if isinstance(value, (int, float)):
        return translate("AutomationFile", "a number")
    if isinstance(value, (list, tuple)):
        return translate("AutomationFile", "a list")
    if isinstance(value, dict):
        return translate("AutomationFile", "an object")
    return type(value).__name__


def _short(value: Any) -> str:
    if isinstance(value, float) and not math.isfinite(value):  # as the file wrote it
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or translate("AutomationFile", "the file")


def _natural(line: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", line)]
