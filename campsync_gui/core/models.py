"""SQLModel tables of the local store (settings and connection profiles; the sync tables join them later)."""

from __future__ import annotations

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

from .folded_text import ACTIVITY_FOLDED, PERSON_FOLDED, default_for, keep_folded, name_default


def _actor():
    """Who did a flow action: the signed-in person's UPN, or "<client id> (application)" for a secret or certificate
    connection; "" when unknown (rows from before migration 0009, which gives them that default)."""
    return Field(default="", sa_column_kwargs={"server_default": ""})


def _folded(source: str | None, index: bool = False):
    """The folded copy of a text column (of the name with None), as smart lists compare it (see folded_text):
    filled on every INSERT from the row's own values, refolded on ORM updates; '' for rows SQL writes without it
    (migration 0010 filled the rows from before it). None on an object until it is written."""
    default = name_default if source is None else default_for(source)
    return Field(default=None, nullable=False, index=index, sa_column_kwargs={"default": default, "server_default": ""})


# Every person field a smart-list filter compares, country first (see Person.__table_args__).
SMARTLIST_INDEX_COLUMNS = ("folded_country", "dynamics_type", "score", "created_at", "folded_job_title",
                           "folded_company", "folded_name", "folded_email", "folded_first_name", "folded_last_name")


class SchemaInfo(SQLModel, table=True):
    """One row: the schema version of this database file, so an older file can be upgraded in place."""

    id: int = Field(default=1, primary_key=True)
    version: int


class Setting(SQLModel, table=True):
    """A setting a person sets, by scope: '' is app-wide, otherwise a connection profile's name."""

    scope: str = Field(default="", primary_key=True)
    key: str = Field(primary_key=True)
    value: str


class ConnectionProfile(SQLModel, table=True):
    """A Dynamics org to connect to. The client secret is NOT here: it lives in the keyring."""

    name: str = Field(primary_key=True)
    org_url: str
    tenant_id: str
    client_id: str
    authority_host: str = "https://login.microsoftonline.com"
    ca_bundle: str | None = None
    environment: str = "production"  # sandbox / test / production: drives confirmations and colours
    is_default: bool = False
    # An application user's certificate (PEM) for certificate credentials; its private key is in the keyring or
    # a file beside it, never here.
    certificate_file: str | None = None


# ---- people, campaigns and membership ----------------------------------------------------------

PERSON_NAME_LOWER = "lower(trim(ifnull(first_name, '') || ' ' || ifnull(last_name, '')))"  # Person.name lowered


class Person(SQLModel, table=True):
    """A person CampSync knows: imported, pulled from Dynamics, or both. Email is the merge key."""

    # What smart-list filters need (migration 0010): every field a filter compares in one index, country first (the
    # usual "equals"), so a count never reads the wide rows; names scanned in an index of their own; a created date
    # or a type found in an index.
    # The people table's first page in name order (migration 0011): core.people_index.first_rows orders by exactly
    # this expression, so SQLite reads a million people's first page from the index instead of sorting them all.
    __table_args__ = (Index("ix_person_smartlist", *SMARTLIST_INDEX_COLUMNS),
                      Index("ix_person_folded_name", "folded_name"), Index("ix_person_created_at", "created_at"),
                      Index("ix_person_dynamics_type", "dynamics_type"),
                      Index("ix_person_name_lower", text(PERSON_NAME_LOWER)))

    id: int | None = Field(default=None, primary_key=True)
    first_name: str = ""
    last_name: str = ""
    email: str | None = Field(default=None, index=True, unique=True)  # stored lower-case
    company: str | None = None
    job_title: str | None = None
    country: str | None = None
    score: int = 0
    dynamics_type: str | None = None  # "lead" / "contact" / None (local only, not yet in Dynamics)
    dynamics_id: str | None = Field(default=None, index=True)
    # The leadid CampSync chose for creating this person in Dynamics, written before the create request leaves and
    # kept until the lead is linked: every attempt (after a timeout, a lost answer, a crash, a retried or requeued
    # row) sends this same id, so the org can make the lead only once. On the person, not the outbox row, because
    # creation is per person: two rows (two campaigns) share one lead, and a new row for the same person must not
    # mint a second id while a first request may still be running in the org.
    new_lead_id: str | None = None
    created_at: float = 0.0
    updated_at: float = 0.0
    # Smart lists compare these (migration 0010).
    folded_first_name: str | None = _folded("first_name")
    folded_last_name: str | None = _folded("last_name")
    folded_name: str | None = _folded(None)
    folded_email: str | None = _folded("email")
    folded_company: str | None = _folded("company")
    folded_job_title: str | None = _folded("job_title")
    folded_country: str | None = _folded("country")

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Activity(SQLModel, table=True):
    """Something a person did (visited a page, filled a form...): what smart lists filter on."""

    # Smart lists ask "this type, in the last N days, by whom, whose detail contains ...": one index answers all
    # four without reading the rows (migration 0010 added folded_detail to 0004's index: reading each activity's
    # row cost 150 ms for a month of page visits at 1,000,000 activities).
    __table_args__ = (Index("ix_activity_type_at_person_detail", "type", "at", "person_id", "folded_detail"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    type: str = Field(index=True)
    detail: str = ""
    at: float = 0.0
    folded_detail: str | None = _folded("detail")  # as smart lists compare it (see folded_text)


keep_folded(Person, PERSON_FOLDED, name=True)
keep_folded(Activity, ACTIVITY_FOLDED)


class CampaignRecord(SQLModel, table=True):
    """A Dynamics campaign as last read from the org (templates are never stored)."""

    __tablename__ = "campaign"
    id: str = Field(primary_key=True)  # the Dynamics campaignid
    name: str = ""
    code: str | None = None
    statecode: int = 0
    statuscode: int = 0
    refreshed_at: float = 0.0

    @property
    def active(self) -> bool:
        return self.statecode == 0


class AppList(SQLModel, table=True):
    """The app-owned static marketing list of one campaign and member type (`<prefix>-leads-<id>`)."""

    # One per campaign and member type, however many writers record it at once (migration 0008).
    __table_args__ = (Index("ux_applist_campaign_member_type", "campaign_id", "member_type", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    campaign_id: str = Field(index=True)
    member_type: str  # "lead" / "contact"
    name: str
    dynamics_list_id: str | None = None


class ListName(SQLModel, table=True):
    """The name of a Dynamics marketing list a campaign's members come through, as last read from the org
    (so the window can say which CRM list holds a member CampSync did not add)."""

    list_id: str = Field(primary_key=True)
    name: str
    member_type: str = ""


class Membership(SQLModel, table=True):
    """A person on a campaign: through CampSync's app list (`flow_action`) or any other list (`crm`)."""

    person_id: int = Field(foreign_key="person.id", primary_key=True)
    campaign_id: str = Field(primary_key=True, index=True)
    list_id: str = Field(primary_key=True)  # the Dynamics listid the membership comes through
    source: str = "flow_action"  # "flow_action" / "crm"
    added_at: float = 0.0
    origin: str = ""  # what added it: "drag-and-drop", "cli", "trigger campaign: <name>", "pull"
    request_id: str | None = None
    actor: str = _actor()  # who added it (see _actor)


class OutboxRow(SQLModel, table=True):
    """One flow action for one person, written before anything is sent; the worker's durable to-do list."""

    id: int | None = Field(default=None, primary_key=True)
    action: str  # "add" / "remove"
    campaign_id: str = Field(index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    state: str = Field(default="pending", index=True)  # pending/claimed/sent/done/skipped/failed/cancelled
    attempts: int = 0
    last_error: str | None = None
    outcome: str | None = None  # added / removed / skipped / blocked / failed, with `reason`
    reason: str | None = None
    idempotency_key: str = Field(unique=True)
    request_id: str = Field(index=True)  # groups the rows of one flow action (one drop, one CLI call)
    origin: str = ""
    actor: str = _actor()  # who asked for it (see _actor)
    depth: int = 0  # trigger-campaign chain depth, for loop protection
    chain: str = "[]"  # JSON ids of the trigger campaigns that led here, for the per-person cycle check
    claimed_by: str | None = None
    created_at: float = 0.0
    claimed_at: float | None = None
    sent_at: float | None = None
    done_at: float | None = None


class TriggerEventRecord(SQLModel, table=True):
    """Append-only log of Added to / Removed from Microsoft Campaign; each row chained to the one before.
    (core.triggers.TriggerEvent is the event itself, as the rest of the app handles it.)"""

    __tablename__ = "triggerevent"
    id: int | None = Field(default=None, primary_key=True)
    trigger: str  # "added_to_microsoft_campaign" / "removed_from_microsoft_campaign"
    person_id: int = Field(index=True)
    email: str | None = None
    campaign_id: str = Field(index=True)
    campaign_name: str = ""
    origin: str = ""
    request_id: str = ""
    outbox_id: int | None = Field(default=None, unique=True)  # one trigger per flow action, ever
    at: float = 0.0
    actor: str = _actor()  # who did the flow action (see _actor); in the keyed hash when not ""
    prev_hash: str = ""
    hash: str = ""


class ChainHead(SQLModel, table=True):
    """The newest trigger event's hash. Updating it first serialises writers, so the chain never forks."""

    id: int = Field(default=1, primary_key=True)
    seq: int = 0
    last_hash: str = ""


class FlowRequest(SQLModel, table=True):
    """One flow action as the operator asked for it (a drop, a CLI call): the journal that undo reads."""

    request_id: str = Field(primary_key=True)
    action: str
    campaign_id: str
    origin: str = ""
    actor: str = _actor()  # who asked for it, or undid (see _actor)
    created_at: float = 0.0
    undo_of: str | None = None      # set on the request that undid another
    undone_by: str | None = None    # set on a request once it has been undone


# ---- automation: trigger and batch campaigns ----------------------------------------------------

class AutomationCampaign(SQLModel, table=True):
    """A trigger or batch campaign: smart list + flow + qualification rule (+ schedule), stored as JSON."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    kind: str = "trigger"  # "trigger" / "batch"
    active: bool = False
    definition: str = "{}"  # JSON: smart_list, triggers, flow, qualification, schedule
    created_at: float = 0.0
    updated_at: float = 0.0


class AutomationResult(SQLModel, table=True):
    """What a campaign did for one person at one flow step (the Results tab, exportable)."""

    id: int | None = Field(default=None, primary_key=True)
    campaign_id: int = Field(index=True)
    run_id: str = Field(index=True)
    person_id: int = Field(index=True)
    step_index: int = -1  # -1: the qualification itself
    step: str = ""
    outcome: str = ""  # qualified / skipped / enqueued / changed / waiting / stopped / failed
    detail: str = ""
    at: float = 0.0
    actor: str = _actor()  # whose process ran the campaign (see _actor)


class Qualification(SQLModel, table=True):
    """When a person last ran through a campaign, for the once / every N days rules."""

    campaign_id: int = Field(primary_key=True)
    person_id: int = Field(primary_key=True)
    last_at: float = 0.0
    times: int = 0


class WaitingStep(SQLModel, table=True):
    """A flow paused by a Wait step; kept in the store so the wait survives a restart."""

    id: int | None = Field(default=None, primary_key=True)
    campaign_id: int = Field(index=True)
    person_id: int
    run_id: str
    next_step: int
    due_at: float = Field(index=True)
    depth: int = 0
    chain: str = "[]"  # JSON list of campaign ids already run in this chain (cycle check)


class HappeningClaim(SQLModel, table=True):
    """A happening more than one CampSync on a team's store can see (a value a pull found changed in Dynamics), and
    which node ran its trigger campaigns: the first to write the key does, the others find it taken. The key, not
    the machine, decides, so each qualifying event runs its flows once per team."""

    key: str = Field(primary_key=True)
    node: str = ""
    at: float = Field(default=0.0, index=True)  # old claims are deleted (see automation.claims)
