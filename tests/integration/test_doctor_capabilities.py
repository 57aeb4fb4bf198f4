"""The doctor checks what an admin needs before the first sync: the org's actions (from $metadata), the signed-in
identity's privileges (RetrieveUserPrivileges) and the recommended parallelism (x-ms-dop-hint); and the sandbox
serves each as Dataverse does."""

import json
from xml.etree import ElementTree

from campsync_gui.dynamics.capabilities import action_names
from campsync_gui.dynamics.doctor import run_doctor

from support import run_cli
from test_engine import world  # noqa: F401  (fixture)

EDM = "{http://docs.oasis-open.org/odata/ns/edm}"
FN = "Microsoft.Dynamics.CRM.RetrieveUserPrivileges()"


def by_key(report):
    return {r.key: r for r in report.results}


# ---- the sandbox serves what the doctor reads ---------------------------------------------------------------

def test_sandbox_metadata_is_csdl_xml_declaring_the_org_actions(org, dv):
    response = dv.get("$metadata", headers={"Accept": "application/xml"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == "{http://docs.oasis-open.org/odata/ns/edmx}Edmx" and root.get("Version") == "4.0"
    actions = {a.get("Name"): a for a in root.iter(f"{EDM}Action")}
    assert {"AddListMembersList", "RemoveMemberList", "CreateMultiple", "UpsertMultiple"} <= set(actions)
    assert actions["RemoveMemberList"].get("IsBound") == "true"
    imports = {i.get("Name") for i in root.iter(f"{EDM}ActionImport")}
    assert "AddListMembersList" in imports and "RemoveMemberList" not in imports  # unbound ones only
    sets = {s.get("Name") for s in root.iter(f"{EDM}EntitySet")}
    assert {"leads", "contacts", "lists", "campaigns", "systemusers"} <= sets
    # As Dataverse, the document comes as XML to a client that asks for JSON too.
    assert dv.get("$metadata").content == response.content


def test_sandbox_metadata_leaves_out_the_actions_the_org_lacks(org, dv):
    org.knobs.missing_actions = {"RemoveMemberList", "CreateMultiple", "UpsertMultiple", "AddListMembersList"}
    names = action_names(dv.get("$metadata").content)
    assert "AddMemberList" in names
    assert not names & org.knobs.missing_actions
    # And the org answers a call to the missing unbound action as Dataverse answers an unknown segment.
    answer = dv.post("AddListMembersList", json={"List": {}, "Members": []})
    assert answer.status_code == 404 and "Resource not found for the segment" in answer.json()["error"]["message"]


def test_sandbox_retrieve_user_privileges_for_the_signed_in_user(org, dv):
    user = dv.get("WhoAmI").json()["UserId"]
    body = dv.get(f"systemusers({user})/{FN}").json()
    assert body["@odata.context"].endswith("$metadata#Microsoft.Dynamics.CRM.RetrieveUserPrivilegesResponse")
    rows = body["RolePrivileges"]
    assert all(set(row) == {"Depth", "PrivilegeId", "BusinessUnitId", "PrivilegeName"} for row in rows)
    names = {row["PrivilegeName"] for row in rows}
    assert {"prvCreateList", "prvAppendList", "prvAppendToList", "prvAppendToCampaign", "prvCreateLead"} <= names
    org.knobs.missing_privileges = {"prvCreateLead"}
    org.knobs.denied = {"contacts"}
    names = {row["PrivilegeName"] for row in dv.get(f"systemusers({user})/{FN}").json()["RolePrivileges"]}
    assert "prvCreateLead" not in names and "prvReadLead" in names
    assert not any(name.endswith("Contact") for name in names)  # a denied table: no privilege on it at all
    other = dv.get(f"systemusers(11111111-2222-3333-4444-555555555555)/{FN}")
    assert other.status_code == 404 and "Does Not Exist" in other.json()["error"]["message"]


def test_sandbox_sends_the_dop_hint_on_api_answers(org, dv):
    assert dv.get("WhoAmI").headers["x-ms-dop-hint"] == "8"
    assert dv.get("leads(11111111-2222-3333-4444-555555555555)").headers["x-ms-dop-hint"] == "8"  # errors too
    org.knobs.dop_hint = None
    assert "x-ms-dop-hint" not in dv.get("WhoAmI").headers


# ---- the doctor -------------------------------------------------------------------------------------------

async def test_doctor_reports_the_four_actions_and_the_paths_campsync_will_use(org, conn):
    report = await run_doctor(conn)
    check = by_key(report)["capabilities"]
    assert check.status == "ok", report.to_text()
    for action in ("AddListMembersList", "RemoveMemberList", "CreateMultiple", "UpsertMultiple"):
        assert f"{action} present" in check.detail
    for path in ("add members: AddListMembersList", "remove members: RemoveMemberList",
                 "create leads: CreateMultiple"):
        assert path in check.detail


async def test_org_without_remove_member_list_or_create_multiple_warns_and_names_the_slower_path(org, conn):
    org.knobs.missing_actions = {"RemoveMemberList", "CreateMultiple"}
    report = await run_doctor(conn)
    check = by_key(report)["capabilities"]
    assert check.status == "warn" and report.ok, report.to_text()
    assert "RemoveMemberList MISSING" in check.detail and "CreateMultiple MISSING" in check.detail
    assert "DELETE listmembers(<id>)" in check.detail and "one POST leads per lead" in check.detail
    assert "add members: AddListMembersList" in check.detail
    assert "slower path" in check.fix and "DELETE listmembers" in check.fix


async def test_the_removal_path_named_is_what_the_client_does(org, client, conn):
    """The doctor's "3 requests per person" is the client's behaviour on such an org, checked here."""
    org.knobs.missing_actions = {"RemoveMemberList"}
    assert "3 requests per person" in by_key(await run_doctor(conn))["capabilities"].detail
    list_id = await client.create_list("doctor-path", "lead")
    lead = next(iter(org.state.leads))
    await client.add_members(list_id, "lead", [lead])
    before = len(org.request_log)
    await client.remove_member(list_id, lead)
    calls = [(r.method, r.path.split("?")[0].rsplit("/", 1)[-1].split("(")[0]) for r in org.request_log[before:]]
    assert calls == [("POST", "Microsoft.Dynamics.CRM.RemoveMemberList"), ("GET", "listmembers"),
                     ("DELETE", "listmembers")]


async def test_org_without_add_list_members_list_warns_and_names_the_one_by_one_path_the_engine_takes(org, conn):
    """The doctor said "add members: impossible" while a sync added everyone one at a time: it says what happens."""
    org.knobs.missing_actions = {"AddListMembersList"}
    report = await run_doctor(conn)
    check = by_key(report)["capabilities"]
    assert check.status == "warn" and report.ok
    assert "AddListMembersList MISSING" in check.detail
    assert "add members: AddListMembersList refused for each batch, then one AddMemberList per person" in check.detail
    assert "Dynamics 365" in check.fix and "marketing lists" in check.fix and "one request per person" in check.fix


async def test_missing_privileges_fail_naming_the_privilege_and_the_role_that_usually_grants_it(org, conn):
    org.knobs.missing_privileges = {"prvAppendToCampaign", "prvCreateLead"}
    report = await run_doctor(conn)
    check = by_key(report)["privileges"]
    assert check.status == "fail" and not report.ok, report.to_text()
    assert "prvAppendToCampaign (to link the lists to campaigns; usually granted by Marketing Professional – " \
           "Business or Marketing Manager)" in check.detail
    assert "prvCreateLead (to create leads for people not yet in Dynamics; usually granted by Salesperson)" \
           in check.detail
    assert "prvAppendToCampaign, prvCreateLead" in check.fix and "usually" in check.fix
    assert "Salesperson" in check.fix and "Application users" in check.fix
    assert by_key(report)["access"].status == "ok"  # reading works: only the writes would be refused


async def test_a_table_the_user_cannot_touch_shows_as_missing_privileges(org, conn):
    org.knobs.denied = {"leads"}
    check = by_key(await run_doctor(conn))["privileges"]
    assert check.status == "fail" and "prvCreateLead" in check.detail and "prvReadLead" in check.detail


async def test_healthy_org_holds_every_privilege(org, conn):
    check = by_key(await run_doctor(conn))["privileges"]
    assert check.status == "ok" and "prvCreateList" in check.detail and "prvAppendToCampaign" in check.detail


async def test_dop_hint_is_reported_when_present(org, conn):
    org.knobs.dop_hint = 12
    check = by_key(await run_doctor(conn))["parallelism"]
    assert check.status == "ok" and "up to 12 requests in parallel" in check.detail
    org.knobs.dop_hint = None
    check = by_key(await run_doctor(conn))["parallelism"]
    assert check.status == "ok" and "no x-ms-dop-hint" in check.detail


def test_doctor_json_lists_the_capability_and_privilege_checks_with_status_and_fix(org, tmp_path):
    org.knobs.missing_privileges = {"prvCreateList"}
    org.knobs.missing_actions = {"CreateMultiple"}
    result = run_cli(["doctor", "--json"], tmp_path / "home", org.env())
    assert result.returncode == 1, result.stderr
    checks = {c["key"]: c for c in json.loads(result.stdout)["checks"]}
    assert {"capabilities", "privileges", "parallelism"} <= set(checks)
    assert checks["capabilities"]["status"] == "warn" and "one POST leads per lead" in checks["capabilities"]["fix"]
    assert checks["privileges"]["status"] == "fail" and "prvCreateList" in checks["privileges"]["fix"]
    assert "Marketing Professional" in checks["privileges"]["fix"]
    assert checks["parallelism"]["status"] == "ok" and "x-ms-dop-hint: 8" in checks["parallelism"]["detail"]
    assert all({"status", "fix", "detail"} <= set(c) for c in checks.values())


async def test_without_add_list_members_list_a_sync_still_adds_everyone_one_request_per_person(org, world):
    """What the doctor's warning promises: the batch is refused, then each person is added with AddMemberList."""
    from campsync_gui.core import flows
    from test_engine import active_campaign, app_list_members, do, people_where

    org.knobs.missing_actions = {"AddListMembersList"}
    cid = active_campaign(org)["campaignid"]
    leads = people_where(world, dynamics_type="lead")[:3]
    before = len(org.request_log)
    _plan, _request_id, report = await do(world, leads, cid, flows.ADD)
    assert (report.done, report.failed) == (3, 0)
    assert app_list_members(org, cid, "lead")[1] == {p.dynamics_id for p in leads}
    singles = [r for r in org.request_log[before:] if r.method == "POST" and "AddMemberList" in r.path]
    assert len(singles) == 3
