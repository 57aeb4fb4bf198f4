"""The sandbox's demo data: reproducible for a seed, realistic in shape, and changed only through the rules."""

import pytest

from campsync_gui.sandbox.errors import SandboxError
from campsync_gui.sandbox.seed import build, make_identity
from campsync_gui.sandbox.state import State


def test_same_seed_same_org_other_seed_other_org():
    assert build(42) == build(42)
    assert make_identity(42) == make_identity(42)
    other = build(7)
    assert set(other.leads).isdisjoint(build(42).leads)
    assert make_identity(7).tenant_id != make_identity(42).tenant_id


def test_seed_has_the_campaigns_people_and_lists_the_demo_needs():
    data = build(42)
    campaigns = list(data.campaigns.values())
    active = [c for c in campaigns if c["statecode"] == 0 and not c["istemplate"]]
    inactive = [c for c in campaigns if c["statecode"] == 1]
    assert len(active) == 7 and {c["statuscode"] for c in active} == {0, 1, 2, 3}
    assert len(inactive) == 2 and all(c["statuscode"] == 6 for c in inactive)
    assert sum(c["istemplate"] for c in campaigns) == 1
    assert len(data.leads) == 300 and len(data.contacts) == 200 and len(data.accounts) == 25
    emails = [r["emailaddress1"] for r in [*data.leads.values(), *data.contacts.values()]]
    assert len(set(emails)) == len(emails)
    assert {r["_parentcustomerid_value"] for r in data.contacts.values()} <= set(data.accounts)
    assert len({r["lastname"] for r in data.leads.values()}) > 50, "varied names"


def test_state_rules_hold_for_python_callers_too():
    state = State(42)
    lists = list(state.lists)
    with pytest.raises(TypeError):
        state.leads[next(iter(state.leads))]["lastname"] = "changed"  # snapshots are read-only
    member = next(iter(state.members_of(lists[0])))
    state.lock_list(lists[0])
    with pytest.raises(SandboxError, match="locked"):
        state.remove_member(lists[0], member)
    state.lock_list(lists[0], locked=False)
    assert state.remove_member(lists[0], member) and member not in state.members_of(lists[0])
    assert state.lists[lists[0]]["membercount"] == len(state.members_of(lists[0]))
    campaign = state.find_campaign("spring webinar series 2026")
    state.set_campaign_state(campaign["campaignid"], active=False)
    row = state.campaigns[campaign["campaignid"]]
    assert (row["statecode"], row["statuscode"]) == (1, 6)
    linked = state.lists_of_campaign(campaign["campaignid"])
    state.delete_list(linked[0])
    assert state.lists_of_campaign(campaign["campaignid"]) == linked[1:] and state.members_of(linked[0]) == set()
