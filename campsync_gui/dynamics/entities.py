"""Plain records of the Dataverse rows CampSync works with, read from Web API JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MemberType = Literal["lead", "contact"]

# A marketing list holds one member type only; Dataverse says which by createdfromcode.
CREATEDFROMCODE: dict[str, int] = {"account": 1, "contact": 2, "lead": 4}
ENTITY_SET: dict[str, str] = {"lead": "leads", "contact": "contacts"}
ID_FIELD: dict[str, str] = {"lead": "leadid", "contact": "contactid"}

CAMPAIGN_STATUS = {0: "Proposed", 1: "Ready To Launch", 2: "Launched", 3: "Completed", 4: "Canceled",
                   5: "Suspended", 6: "Inactive"}
FORMATTED = "@OData.Community.Display.V1.FormattedValue"


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
        return cls(id=row["campaignid"], name=row.get("name") or "", code=row.get("codename"),
                   statecode=int(row.get("statecode") or 0), statuscode=int(row.get("statuscode") or 0),
                   is_template=bool(row.get("istemplate")))

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
        company = row.get("companyname") if kind == "lead" else row.get("_parentcustomerid_value" + FORMATTED)
        return cls(kind=kind, id=row[ID_FIELD[kind]], first_name=row.get("firstname") or "",
                   last_name=row.get("lastname") or "", email=row.get("emailaddress1"), company=company,
                   job_title=row.get("jobtitle"), country=row.get("address1_country"))


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
        return cls(id=row["listid"], name=row.get("listname") or "", createdfromcode=int(row.get("createdfromcode") or 0),
                   is_dynamic=bool(row.get("type")), locked=bool(row.get("lockstatus")),
                   active=int(row.get("statecode") or 0) == 0)


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
    for piece in (text or "").strip().split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    while len(parts) < 4:
        parts.append(0)
    return tuple(parts)
