"""The Dynamics campaigns as the store knows them: looked up by name or id, summed up with their member counts
(the campaigns table) and their members with where each came from (the members table)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from ..dynamics.entities import campaign_status
from ..language import translate
from .flows import FLOW_ACTION
from .models import CampaignRecord, ListName, Membership, Person


@dataclass(frozen=True)
class CampaignSummary:
    id: str
    name: str
    active: bool
    status: str
    flow_count: int  # members CampSync's flow actions added
    crm_count: int   # members that came through other lists


@dataclass(frozen=True)
class MemberSummary:
    person_id: int
    name: str
    email: str
    flow_action: bool  # added by CampSync (removable), else a CRM list's member (locked)
    added_at: float
    origin: str
    list_name: str = ""  # the CRM list a member CampSync did not add comes through, when known
    actor: str = ""  # who CampSync added them for (UPN or "<client id> (application)"); "" when unknown

    @property
    def locked_reason(self) -> str | None:
        if self.flow_action:
            return None
        if self.list_name:
            return translate("Campaigns", "added outside CampSync (the CRM list {list}): CampSync removes only people "
                                          "its flow actions added").format(list=repr(self.list_name))
        return translate("Campaigns", "added outside CampSync (a CRM list): CampSync removes only people its flow "
                                      "actions added")


def campaign_record(db: Engine, campaign_id: str) -> CampaignRecord | None:
    with Session(db) as session:
        return session.get(CampaignRecord, campaign_id)


def find_campaign(db: Engine, name_or_id: str) -> CampaignRecord | None:
    """A campaign by id (any case) or by its exact name (case ignored); None when none or several match."""
    with Session(db) as session:
        found = session.get(CampaignRecord, name_or_id.lower()) or session.get(CampaignRecord, name_or_id)
        if found is not None:
            return found
        matches = [c for c in session.exec(select(CampaignRecord)) if c.name.lower() == name_or_id.lower()]
    return matches[0] if len(matches) == 1 else None


def summaries(db: Engine) -> list[CampaignSummary]:
    """Every cached campaign, by name, with its member counts by source."""
    with Session(db) as session:
        campaigns = list(session.exec(select(CampaignRecord).order_by(CampaignRecord.name)))
        counts = {(cid, source): n for cid, source, n in session.exec(
            select(Membership.campaign_id, Membership.source, func.count()).group_by(
                Membership.campaign_id, Membership.source))}
    return [CampaignSummary(c.id, c.name, c.active, campaign_status(c.statuscode),
                            counts.get((c.id, FLOW_ACTION), 0), counts.get((c.id, "crm"), 0)) for c in campaigns]


def members(db: Engine, campaign_id: str) -> list[MemberSummary]:
    """A campaign's members, CampSync's first, then by name. A person on several of its lists shows once, as
    CampSync's member when one of the lists is CampSync's."""
    rows: dict[int, MemberSummary] = {}
    with Session(db) as session:
        for member, person, list_name in session.exec(
                select(Membership, Person, ListName.name)
                .join(Person, Membership.person_id == Person.id)
                .outerjoin(ListName, ListName.list_id == Membership.list_id)
                .where(Membership.campaign_id == campaign_id)):
            ours = member.source == FLOW_ACTION
            known = rows.get(person.id)
            if known is None or (ours and not known.flow_action):
                rows[person.id] = MemberSummary(person.id, person.name, person.email or "", ours,
                                                member.added_at or 0.0, member.origin or "",
                                                "" if ours else list_name or "", member.actor or "")
    return sorted(rows.values(), key=lambda r: (not r.flow_action, r.name.lower()))
