"""The doctor's judgements on what an org offers, without an org: action names from CSDL, privileges, DOP hint."""

import pytest

from campsync_gui.dynamics.capabilities import (NEEDS, action_names, assess_actions, assess_dop_hint,
                                                assess_privileges)
from campsync_gui.dynamics.errors import MalformedResponse

CSDL = b"""<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="Microsoft.Dynamics.CRM" Alias="mscrm" xmlns="http://docs.oasis-open.org/odata/ns/edm">
<Action Name="AddListMembersList"><Parameter Name="List" Type="mscrm.list"/></Action>
<Action Name="CreateMultiple" IsBound="true"><Parameter Name="entityset" Type="Collection(mscrm.crmbaseentity)"/>
</Action>
<Function Name="RemoveMemberList"><ReturnType Type="Edm.Boolean"/></Function>
<EntityContainer Name="System"><ActionImport Name="AddListMembersList" Action="mscrm.AddListMembersList"/>
</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>"""


def test_only_action_elements_count():
    # A Function or an ActionImport of the same name is not the action.
    assert action_names(CSDL) == {"AddListMembersList", "CreateMultiple"}


def test_a_document_that_is_not_xml_is_a_malformed_response():
    with pytest.raises(MalformedResponse, match="not valid XML"):
        action_names(b"<html><body>Sign in</body>")


def test_missing_upsert_multiple_alone_changes_no_path():
    detail, status, fix = assess_actions({"AddListMembersList", "RemoveMemberList", "CreateMultiple"})
    assert status == "ok" and fix == "" and "UpsertMultiple MISSING" in detail


def test_every_need_held_at_organization_level_passes():
    detail, status, _fix = assess_privileges({need.privilege: "Global" for need in NEEDS})
    assert status == "ok" and f"all {len(NEEDS)} privileges" in detail


def test_reading_people_only_at_user_level_warns():
    held = {need.privilege: "Global" for need in NEEDS}
    held.update(prvReadLead="Basic", prvCreateList="Basic")  # creating at user level is fine: the lists are its own
    detail, status, fix = assess_privileges(held)
    assert status == "warn" and "prvReadLead only at user level" in detail and "prvCreateList" not in detail
    assert "usually Salesperson" in fix


def test_dop_hint_is_information_never_a_failure():
    assert assess_dop_hint("8")[:2] == ("the org recommends up to 8 requests in parallel (x-ms-dop-hint: 8)", "ok")
    assert assess_dop_hint("many")[1] == "ok" and assess_dop_hint(None)[1] == "ok"
