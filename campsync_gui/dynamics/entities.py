"""Plain records of the Dataverse rows CampSync works with, read from Web API JSON."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from ..language import translate
from .errors import MalformedResponse, clean_text

MemberType = Literal["lead", "contact"]

# A marketing list holds one member type only; Dataverse says which by createdfromcode.
CREATEDFROMCODE: dict[str, int] = {"account": 1, "contact": 2, "lead": 4}
ENTITY_SET: dict[str, str] = {"lead": "leads", "contact": "contacts"}
ID_FIELD: dict[str, str] = {"lead": "leadid", "contact": "contactid"}

CAMPAIGN_STATUS = {0: "Proposed", 1: "Ready To Launch", 2: "Launched", 3: "Completed", 4: "Canceled",
                   5: "Suspended", 6: "Inactive"}  # English: --json; a person reads campaign_status()


def campaign_status(code: int | None) -> str:
    """A campaign's status reason (CAMPAIGN_STATUS) in the person's language; '' for a code Dynamics did not say."""
    words = {0: translate("Campaigns", "Proposed"), 1: translate("Campaigns", "Ready To Launch"),
             2: translate("Campaigns", "Launched"), 3: translate("Campaigns", "Completed"),
             4: translate("Campaigns", "Canceled"), 5: translate("Campaigns", "Suspended"),
             6: translate("Campaigns", "Inactive")}
    return words.get(code, "") if code is not None else ""
FORMATTED = "@OData.Community.Display.V1.FormattedValue"
_INTEGER = re.compile(r"[+-]?[0-9]{1,18}")


# ---- reading fields: Dataverse's JSON types, a little leniency (numbers sent as strings), else a clear error ----

def _object(row: Any, what: str) -> dict:
    if not isinstance(row, dict):
        raise MalformedResponse(f"Dynamics sent {what} that is not a JSON object ({_shown(row)}).")
    return row


def _required_id(row: dict, key: str, what: str) -> str:
    value = row.get(key)
    if not isinstance(value, str) or not value.strip():
        raise MalformedResponse(f"Dynamics sent {what} without its id ({key} is {_shown(value)}).")
    return value


def _text(row: dict, key: str, what: str) -> str | None:
    value = row.get(key)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise MalformedResponse(f"Dynamics sent {what} whose {key} is not text ({_shown(value)}).")


def _integer(row: dict, key: str, what: str) -> int:
    value = row.get(key)
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
        return int(value)
    raise MalformedResponse(f"Dynamics sent {what} with an unreadable {key} ({_shown(value)}).")


def _flag(row: dict, key: str, what: str) -> bool:
    value = row.get(key)
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0", ""):
        return value.strip().lower() in ("true", "1")
    raise MalformedResponse(f"Dynamics sent {what} with an unreadable {key} ({_shown(value)}).")


def _shown(value: Any) -> str:
    if value is None:
        return "missing"
    kind = {dict: "an object", list: "a list", bool: "a boolean", str: "text"}.get(type(value), "a number")
    return f"{kind}: {clean_text(repr(value), 40)}"


@dataclass(frozen=True)
class Campaign:
    id: str
    name: str
    code: str | None
    statecode: int
    statuscode: int
    is_template: bool = False

    @property
    def active(self) -> bool:
        # statecode 1 (statuscode 6) is Inactive; every other status is a flavour of Active.
        return self.statecode == 0

    @property
    def status_label(self) -> str:
        return CAMPAIGN_STATUS.get(self.statuscode, str(self.statuscode))

    @classmethod
    def from_json(cls, row: dict) -> "Campaign":
        what = "a campaign"
        row = _object(row, what)
        return cls(id=_required_id(row, "campaignid", what), name=_text(row, "name", what) or "",
                   code=_text(row, "codename", what), statecode=_integer(row, "statecode", what),
                   statuscode=_integer(row, "statuscode", what), is_template=_flag(row, "istemplate", what))

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "code": self.code, "active": self.active,
                "state": "active" if self.active else "inactive", "status": self.status_label}


@dataclass(frozen=True)
class Person:
    kind: MemberType
    id: str
    first_name: str
    last_name: str
    email: str | None
    company: str | None
    job_title: str | None
    country: str | None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @classmethod
    def from_json(cls, kind: MemberType, row: dict) -> "Person":
        what = f"a {kind}"
        row = _object(row, what)
        company = _text(row, "companyname" if kind == "lead" else "_parentcustomerid_value" + FORMATTED, what)
        return cls(kind=kind, id=_required_id(row, ID_FIELD[kind], what), first_name=_text(row, "firstname", what)
                   or "", last_name=_text(row, "lastname", what) or "", email=_text(row, "emailaddress1", what),
                   company=company, job_title=_text(row, "jobtitle", what),
                   country=_text(row, "address1_country", what))


PERSON_SELECT: dict[str, str] = {
    "lead": "leadid,firstname,lastname,emailaddress1,companyname,jobtitle,address1_country",
    "contact": "contactid,firstname,lastname,emailaddress1,_parentcustomerid_value,jobtitle,address1_country",
}


@dataclass(frozen=True)
class MarketingList:
    id: str
    name: str
    createdfromcode: int
    is_dynamic: bool
    locked: bool
    active: bool

    @property
    def member_type(self) -> str:
        return {v: k for k, v in CREATEDFROMCODE.items()}.get(self.createdfromcode, "unknown")

    @classmethod
    def from_json(cls, row: dict) -> "MarketingList":
        what = "a marketing list"
        row = _object(row, what)
        return cls(id=_required_id(row, "listid", what), name=_text(row, "listname", what) or "",
                   createdfromcode=_integer(row, "createdfromcode", what), is_dynamic=_flag(row, "type", what),
                   locked=_flag(row, "lockstatus", what), active=_integer(row, "statecode", what) == 0)


LIST_SELECT = "listid,listname,createdfromcode,type,lockstatus,statecode"


@dataclass(frozen=True)
class Solution:
    unique_name: str
    friendly_name: str
    version: str

    def version_tuple(self) -> tuple[int, ...]:
        return version_tuple(self.version)


def version_tuple(text: str) -> tuple[int, ...]:
    """'5.0.2.1' → (5, 0, 2, 1); non-numeric parts count as 0 so a odd version never crashes a check."""
    parts = []
    for piece in str(text or "").strip().split("."):
        digits = "".join(ch for ch in piece if "0" <= ch <= "9")[:18]  # ASCII digits: int() refuses "²", "٣"
        parts.append(int(digits) if digits else 0)
    while len(parts) < 4:
        parts.append(0)
    return tuple(parts)
