"""What an org offers CampSync before the first sync: its actions, the signed-in user's privileges, its parallelism.

Read from the org as Dataverse documents them: the CSDL at `$metadata` (only Action names are used), the bound
function `systemusers(<id>)/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()` (privileges from the user's roles
and from its teams) and the `x-ms-dop-hint` response header. The doctor turns each into a step; the judgements
live here so they can be tested without an org.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.etree import ElementTree

from ..language import translate
from .client import NS, DataverseClient
from .errors import MalformedResponse

ADD_MANY, REMOVE_ONE, CREATE_MANY, UPSERT_MANY = ("AddListMembersList", "RemoveMemberList", "CreateMultiple",
                                                  "UpsertMultiple")
WATCHED_ACTIONS = (ADD_MANY, REMOVE_ONE, CREATE_MANY, UPSERT_MANY)


@dataclass(frozen=True)
class Job:
    """One kind of write, the action DataverseClient uses for it, and what it does where the org lacks it."""

    what: str
    action: str
    fallback: str  # "" when there is none: the job cannot be done without the action


# Mirrors DataverseClient and the engine: add_members sends AddListMembersList, and a batch it refuses is added
# one person at a time with AddMemberList (the engine's fallback); remove_member tries RemoveMemberList and,
# answered "no such action", reads the listmember row and deletes it (on every removal: the client does not
# remember); create_leads tries CreateMultiple once per client, then POSTs each lead. Update with the client.
JOBS = (
    Job("add members", ADD_MANY, "AddListMembersList refused for each batch, then one AddMemberList per person"),
    Job("remove members", REMOVE_ONE, "RemoveMemberList refused, then the listmember row looked up and "
                                      "DELETE listmembers(<id>): 3 requests per person instead of 1"),
    Job("create leads", CREATE_MANY, "one POST leads per lead instead of one CreateMultiple per batch"),
)
ACTION_FIXES = {  # English, as they were; the doctor says _action_fix()
    ADD_MANY: "Adds still work, one request per person, which is slow for large drops. AddListMembersList comes "
              "with the Marketing List table of Dynamics 365 Sales or Marketing: check that the environment has a "
              "Dynamics 365 app installed (a plain Dataverse environment has no marketing lists), or ask Microsoft "
              "support why the message is missing.",
    REMOVE_ONE: "Nothing is required: removals work through the slower path. Orgs created more recently expose "
                "RemoveMemberList as a Web API action.",
    CREATE_MANY: "Nothing is required: lead creation works through the slower path. Bulk operation messages come "
                 "with current Dataverse versions; large first syncs will take longer until the org has them.",
}


def _job_words(job: Job) -> tuple[str, str]:
    """(what, fallback) of a job in the person's language."""
    words = {
        ADD_MANY: (translate("Capabilities", "add members"),
                   translate("Capabilities", "AddListMembersList refused for each batch, then one AddMemberList per "
                                             "person")),
        REMOVE_ONE: (translate("Capabilities", "remove members"),
                     translate("Capabilities", "RemoveMemberList refused, then the listmember row looked up and "
                                               "DELETE listmembers(<id>): 3 requests per person instead of 1")),
        CREATE_MANY: (translate("Capabilities", "create leads"),
                      translate("Capabilities", "one POST leads per lead instead of one CreateMultiple per batch")),
    }
    return words.get(job.action, (job.what, job.fallback))


def _action_fix(action: str) -> str:
    """ACTION_FIXES[action] in the person's language."""
    words = {
        ADD_MANY: translate("Capabilities", "Adds still work, one request per person, which is slow for large drops. "
                                            "AddListMembersList comes with the Marketing List table of Dynamics 365 "
                                            "Sales or Marketing: check that the environment has a Dynamics 365 app "
                                            "installed (a plain Dataverse environment has no marketing lists), or "
                                            "ask Microsoft support why the message is missing."),
        REMOVE_ONE: translate("Capabilities", "Nothing is required: removals work through the slower path. Orgs "
                                              "created more recently expose RemoveMemberList as a Web API action."),
        CREATE_MANY: translate("Capabilities", "Nothing is required: lead creation works through the slower path. "
                                               "Bulk operation messages come with current Dataverse versions; large "
                                               "first syncs will take longer until the org has them."),
    }
    return words.get(action) or ACTION_FIXES[action]


async def org_actions(client: DataverseClient) -> set[str]:
    """Names of the actions the org's $metadata declares."""
    # CSDL is XML; asking for JSON is not what Dataverse serves for $metadata.
    response = await client.request("GET", "$metadata", headers={"Accept": "application/xml"})
    return action_names(response.content)


def action_names(csdl: bytes) -> set[str]:
    """Action names of a CSDL document; a real org's runs to megabytes, so elements are dropped as read."""
    names: set[str] = set()
    try:
        for _event, element in ElementTree.iterparse(io.BytesIO(csdl), events=("end",)):
            if element.tag.rsplit("}", 1)[-1] == "Action" and element.get("Name"):
                names.add(element.get("Name") or "")
            if element.tag.rsplit("}", 1)[-1] in ("Action", "Function", "EntityType", "ComplexType"):
                element.clear()
    except ElementTree.ParseError as exc:
        raise MalformedResponse(f"Dynamics sent a $metadata document that is not valid XML ({exc}).") from exc
    return names


def assess_actions(present: set[str]) -> tuple[str, str, str]:
    """(detail, status, fix): which watched actions exist and which path each job will take."""
    found = ", ".join((translate("Capabilities", "{action} present") if name in present
                       else translate("Capabilities", "{action} MISSING")).format(action=name)
                      for name in WATCHED_ACTIONS)
    paths, status, fixes = [], "ok", []
    for job in JOBS:
        what, fallback = _job_words(job)
        if job.action in present:
            paths.append(f"{what}: {job.action}")
        elif not job.fallback:
            paths.append(translate("Capabilities", "{job}: impossible (no {action})").format(job=what,
                                                                                            action=job.action))
            status = "fail"
            fixes.append(_action_fix(job.action))
        else:
            paths.append(f"{what}: {fallback}")
            status = "warn" if status == "ok" else status
            fixes.append(translate("Capabilities", "{action} is missing, so CampSync uses the slower path ({job}: "
                                                   "{fallback}). {fix}").format(action=job.action, job=what,
                                                                                fallback=fallback,
                                                                                fix=_action_fix(job.action)))
    # UpsertMultiple is reported so an admin knows, but this version of CampSync does not send it.
    detail = translate("Capabilities", "{found} (UpsertMultiple not used by this version); will use — "
                                       "{paths}").format(found=found, paths="; ".join(paths))
    return detail, status, " ".join(fixes)


@dataclass(frozen=True)
class Need:
    privilege: str
    why: str
    role: str  # the out-of-the-box role that usually grants it


_MARKETING = "Marketing Professional – Business or Marketing Manager"
NEEDS = (
    Need("prvCreateList", "create CampSync's marketing lists", _MARKETING),
    Need("prvAppendList", "add members to the lists and link them to campaigns", _MARKETING),
    Need("prvAppendToList", "link the lists to campaigns", _MARKETING),
    Need("prvAppendToCampaign", "link the lists to campaigns", _MARKETING),
    Need("prvReadList", "read the lists and their members", _MARKETING),
    Need("prvReadCampaign", "read campaigns", _MARKETING),
    Need("prvCreateLead", "create leads for people not yet in Dynamics", "Salesperson"),
    Need("prvReadLead", "find leads by email", "Salesperson"),
    Need("prvReadContact", "find contacts by email", "Salesperson"),
)
# Privileges on records others own (campaigns, people): held at user level only ("Basic") they cover too little.
# The lists are CampSync's own, so user level is enough for those.
_OTHERS_RECORDS = {"prvAppendToCampaign", "prvReadCampaign", "prvReadLead", "prvReadContact"}
# RolePrivilege.Depth: user-owned records only, the business unit, its children, the whole organization.
_DEPTHS = ("Basic", "Local", "Deep", "Global")


async def user_privileges(client: DataverseClient, user_id: str) -> dict[str, str]:
    """Privilege name → depth ("Basic" … "Global") for the user; the deepest wins where roles overlap."""
    data = await client.get_json(f"systemusers({user_id})/{NS}RetrieveUserPrivileges()")
    rows = data.get("RolePrivileges")
    if not isinstance(rows, list):
        raise MalformedResponse(translate("Capabilities", "Dynamics answered RetrieveUserPrivileges without a "
                                                          "RolePrivileges list."))
    held: dict[str, str] = {}
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("PrivilegeName"), str):
            continue
        depth = row.get("Depth")
        depth = _DEPTHS[depth] if isinstance(depth, int) and 0 <= depth < len(_DEPTHS) else str(depth or "")
        name = row["PrivilegeName"]
        if _rank(depth) >= _rank(held.get(name, "")):
            held[name] = depth
    return held


def _rank(depth: str) -> int:
    return _DEPTHS.index(depth) if depth in _DEPTHS else -1


def missing_needs(held: dict[str, str]) -> list[Need]:
    """The privileges CampSync's flow actions need that `held` (from user_privileges) lacks, in NEEDS order."""
    return [need for need in NEEDS if need.privilege not in held]


def _why(need: Need) -> str:
    """What CampSync needs the privilege for, in the person's language."""
    words = {"prvCreateList": translate("Capabilities", "create CampSync's marketing lists"),
             "prvAppendList": translate("Capabilities", "add members to the lists and link them to campaigns"),
             "prvAppendToList": translate("Capabilities", "link the lists to campaigns"),
             "prvAppendToCampaign": translate("Capabilities", "link the lists to campaigns"),
             "prvReadList": translate("Capabilities", "read the lists and their members"),
             "prvReadCampaign": translate("Capabilities", "read campaigns"),
             "prvCreateLead": translate("Capabilities", "create leads for people not yet in Dynamics"),
             "prvReadLead": translate("Capabilities", "find leads by email"),
             "prvReadContact": translate("Capabilities", "find contacts by email")}
    return words.get(need.privilege, need.why)


def assess_privileges(held: dict[str, str]) -> tuple[str, str, str]:
    """(detail, status, fix): a missing privilege fails; one held for the user's own records only warns."""
    missing = missing_needs(held)
    if missing:
        detail = translate("Capabilities", "missing {privileges}").format(privileges="; ".join(
            translate("Capabilities", "{privilege} (to {why}; usually granted by {role})").format(
                privilege=n.privilege, why=_why(n), role=n.role) for n in missing))
        roles = sorted({n.role for n in missing})
        fix = translate("Capabilities", "Give the application user a security role with {privileges} — usually "
                                        "{roles} — in the Power Platform admin center (Environment → Settings → "
                                        "Users + permissions → Application users → Manage roles).").format(
            privileges=", ".join(n.privilege for n in missing), roles=translate("Capabilities", " and ").join(roles))
        return detail, "fail", fix
    shallow = [need for need in NEEDS if need.privilege in _OTHERS_RECORDS and held[need.privilege] == "Basic"]
    if shallow:
        names = ", ".join(n.privilege for n in shallow)
        return (translate("Capabilities", "all {count} privileges held, but {privileges} only at user level (records "
                                          "it owns)").format(count=len(NEEDS), privileges=names), "warn",
                translate("Capabilities", "Give {privileges} at business-unit or organization level (usually {role} "
                                          "does); at user level CampSync sees and links only records the "
                                          "application user owns.").format(privileges=names, role=shallow[0].role))
    held_all = translate("Capabilities", "all {count} privileges CampSync's flow actions need are held "
                                         "({privileges})")
    return held_all.format(count=len(NEEDS), privileges=", ".join(n.privilege for n in NEEDS)), "ok", ""


async def dop_hint(client: DataverseClient) -> str | None:
    """The org's x-ms-dop-hint header (recommended parallel requests) on a WhoAmI answer, or None."""
    response = await client.request("GET", "WhoAmI")
    return response.headers.get("x-ms-dop-hint")


def assess_dop_hint(value: str | None) -> tuple[str, str, str]:
    # Informational: Microsoft recommends sending at most this many requests at once; never a failure.
    if value is None:
        return translate("Capabilities", "the org sent no x-ms-dop-hint header (no recommendation to report)"), \
            "ok", ""
    try:
        hint = int(value.strip())
    except ValueError:
        return translate("Capabilities", "the org sent an unreadable x-ms-dop-hint ({value})").format(
            value=repr(value[:40])), "ok", ""
    return translate("Capabilities", "the org recommends up to {count} requests in parallel (x-ms-dop-hint: "
                                     "{count})").format(count=hint), "ok", ""
