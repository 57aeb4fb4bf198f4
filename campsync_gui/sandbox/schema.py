"""The entity types the sandbox org knows: columns with their Edm types, what is writable, labels."""

from __future__ import annotations

from dataclasses import dataclass, field

GUID = "Edm.Guid"
STRING = "Edm.String"
INT = "Edm.Int32"
BOOL = "Edm.Boolean"
DATETIME = "Edm.DateTimeOffset"
DATE = "Edm.Date"

_STATE_ACTIVE = {0: "Active", 1: "Inactive"}
_YES_NO = {False: "No", True: "Yes"}


@dataclass(frozen=True)
class Lookup:
    target: str  # entity set holding the referenced row, or "" when polymorphic (listmember entityid)
    target_logical: str
    navigation: str  # the single-valued navigation property behind the _x_value column


@dataclass(frozen=True)
class EntityDef:
    set_name: str
    logical: str
    key: str
    otc: int  # object type code, quoted in PrivilegeDenied messages as Dataverse does
    privilege: str  # "Campaign" as in prvReadCampaign
    fields: dict[str, str]
    creatable: frozenset[str] = frozenset()
    updatable: frozenset[str] = frozenset()
    required: tuple[str, ...] = ()
    labels: dict[str, dict] = field(default_factory=dict)
    lookups: dict[str, Lookup] = field(default_factory=dict)
    # Navigation properties settable on create with "<nav>@odata.bind": "/<set>(<id>)".
    binds: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def type_name(self) -> str:
        return f"Microsoft.Dynamics.CRM.{self.logical}"


CAMPAIGNS = EntityDef(
    set_name="campaigns",
    logical="campaign",
    key="campaignid",
    otc=4400,
    privilege="Campaign",
    fields={
        "campaignid": GUID,
        "name": STRING,
        "codename": STRING,
        "typecode": INT,
        "statecode": INT,
        "statuscode": INT,
        "istemplate": BOOL,
        "description": STRING,
        "proposedstart": DATE,
        "proposedend": DATE,
        "createdon": DATETIME,
        "modifiedon": DATETIME,
    },
    creatable=frozenset(
        {"campaignid", "name", "typecode", "istemplate", "description", "proposedstart", "proposedend"}
    ),
    updatable=frozenset({"name", "typecode", "statecode", "statuscode", "description", "proposedstart", "proposedend"}),
    required=("name",),
    labels={
        "typecode": {1: "Advertisement", 2: "Direct Marketing", 3: "Event", 4: "Co-branding", 5: "Other"},
        "statecode": _STATE_ACTIVE,
        "statuscode": {
            0: "Proposed",
            1: "Ready To Launch",
            2: "Launched",
            3: "Completed",
            4: "Canceled",
            5: "Suspended",
            6: "Inactive",
        },
        "istemplate": _YES_NO,
    },
)

LEADS = EntityDef(
    set_name="leads",
    logical="lead",
    key="leadid",
    otc=4,
    privilege="Lead",
    fields={
        "leadid": GUID,
        "firstname": STRING,
        "lastname": STRING,
        "fullname": STRING,
        "emailaddress1": STRING,
        "companyname": STRING,
        "jobtitle": STRING,
        "subject": STRING,
        "address1_country": STRING,
        "statecode": INT,
        "statuscode": INT,
        "createdon": DATETIME,
        "modifiedon": DATETIME,
    },
    creatable=frozenset(
        {"leadid", "firstname", "lastname", "emailaddress1", "companyname", "jobtitle", "subject", "address1_country"}
    ),
    updatable=frozenset(
        {
            "firstname",
            "lastname",
            "emailaddress1",
            "companyname",
            "jobtitle",
            "subject",
            "address1_country",
            "statecode",
            "statuscode",
        }
    ),
    required=("lastname",),
    labels={
        "statecode": {0: "Open", 1: "Qualified", 2: "Disqualified"},
        "statuscode": {
            1: "New",
            2: "Contacted",
            3: "Qualified",
            4: "Lost",
            5: "Cannot Contact",
            6: "No Longer Interested",
            7: "Canceled",
        },
    },
)

CONTACTS = EntityDef(
    set_name="contacts",
    logical="contact",
    key="contactid",
    otc=2,
    privilege="Contact",
    fields={
        "contactid": GUID,
        "firstname": STRING,
        "lastname": STRING,
        "fullname": STRING,
        "emailaddress1": STRING,
        "jobtitle": STRING,
        "address1_country": STRING,
        "_parentcustomerid_value": GUID,
        "statecode": INT,
        "statuscode": INT,
        "createdon": DATETIME,
        "modifiedon": DATETIME,
    },
    creatable=frozenset({"contactid", "firstname", "lastname", "emailaddress1", "jobtitle", "address1_country"}),
    updatable=frozenset(
        {"firstname", "lastname", "emailaddress1", "jobtitle", "address1_country", "statecode", "statuscode"}
    ),
    required=("lastname",),
    labels={"statecode": _STATE_ACTIVE, "statuscode": {1: "Active", 2: "Inactive"}},
    lookups={
        "_parentcustomerid_value": Lookup("accounts", "account", "parentcustomerid_account"),
    },
    binds={"parentcustomerid_account": ("accounts", "_parentcustomerid_value")},
)

ACCOUNTS = EntityDef(
    set_name="accounts",
    logical="account",
    key="accountid",
    otc=1,
    privilege="Account",
    fields={
        "accountid": GUID,
        "name": STRING,
        "address1_country": STRING,
        "statecode": INT,
        "statuscode": INT,
        "createdon": DATETIME,
        "modifiedon": DATETIME,
    },
    creatable=frozenset({"accountid", "name", "address1_country"}),
    updatable=frozenset({"name", "address1_country", "statecode", "statuscode"}),
    required=("name",),
    labels={"statecode": _STATE_ACTIVE, "statuscode": {1: "Active", 2: "Inactive"}},
)

LISTS = EntityDef(
    set_name="lists",
    logical="list",
    key="listid",
    otc=4300,
    privilege="List",
    fields={
        "listid": GUID,
        "listname": STRING,
        "createdfromcode": INT,
        "type": BOOL,
        "lockstatus": BOOL,
        "statecode": INT,
        "statuscode": INT,
        "membercount": INT,
        "purpose": STRING,
        "description": STRING,
        "createdon": DATETIME,
        "modifiedon": DATETIME,
    },
    creatable=frozenset({"listid", "listname", "createdfromcode", "type", "lockstatus", "purpose", "description"}),
    updatable=frozenset({"listname", "lockstatus", "statecode", "statuscode", "purpose", "description"}),
    required=("listname", "createdfromcode"),
    labels={
        "createdfromcode": {1: "Account", 2: "Contact", 4: "Lead"},
        "type": {False: "Static", True: "Dynamic"},
        "lockstatus": {False: "Unlocked", True: "Locked"},
        "statecode": _STATE_ACTIVE,
        "statuscode": {0: "Active", 1: "Inactive"},
    },
)

LISTMEMBERS = EntityDef(
    set_name="listmembers",
    logical="listmember",
    key="listmemberid",
    otc=4301,
    privilege="List",
    fields={
        "listmemberid": GUID,
        "_listid_value": GUID,
        "_entityid_value": GUID,
        "entitytype": STRING,
        "createdon": DATETIME,
    },
    lookups={
        "_listid_value": Lookup("lists", "list", "listid"),
        "_entityid_value": Lookup("", "", "entityid"),
    },
)

SOLUTIONS = EntityDef(
    set_name="solutions",
    logical="solution",
    key="solutionid",
    otc=7100,
    privilege="Solution",
    fields={
        "solutionid": GUID,
        "uniquename": STRING,
        "friendlyname": STRING,
        "version": STRING,
        "ismanaged": BOOL,
        "isvisible": BOOL,
        "installedon": DATETIME,
    },
    labels={"ismanaged": _YES_NO, "isvisible": _YES_NO},
)

ENTITIES: dict[str, EntityDef] = {
    e.set_name: e for e in (CAMPAIGNS, LEADS, CONTACTS, ACCOUNTS, LISTS, LISTMEMBERS, SOLUTIONS)
}

# Marketing list member types: createdfromcode -> entity set.
MEMBER_SETS = {1: "accounts", 2: "contacts", 4: "leads"}
CODE_OF_SET = {v: k for k, v in MEMBER_SETS.items()}
