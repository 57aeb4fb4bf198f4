"""Planning a flow action (core/flows.py): what Add to / Remove from Microsoft Campaign will do for each person, and
why — the words the preview, the command line and the drop target show before anything is sent."""

from types import SimpleNamespace

import pytest

from campsync_gui.core import flows
from campsync_gui.core.flows import (ADD, BLOCKED, CRM, FLOW_ACTION, REMOVE, SKIP, WILL_ADD, WILL_CREATE_AND_ADD,
                                     WILL_REMOVE, Readiness, blocked_reason, missing_data, plan)
from campsync_gui.core.models import CampaignRecord, Membership, Person

CAMPAIGN = CampaignRecord(id="c-spring", name="Spring Launch", statecode=0)
READY = Readiness()


def lead(person_id: int, **values) -> Person:
    defaults = dict(first_name="Ada", last_name=f"Lead{person_id}", email=f"lead{person_id}@example.com",
                    dynamics_type="lead", dynamics_id=f"lead-{person_id}")
    return Person(id=person_id, **{**defaults, **values})


def contact(person_id: int) -> Person:
    return Person(id=person_id, first_name="Bob", last_name=f"Contact{person_id}",
                  email=f"contact{person_id}@example.com", dynamics_type="contact", dynamics_id=f"contact-{person_id}")


def local(person_id: int, **values) -> Person:
    defaults = dict(first_name="Cleo", last_name=f"Local{person_id}", email=f"local{person_id}@example.com")
    return Person(id=person_id, **{**defaults, **values})


def member(person: Person, source: str, list_id: str = "list-1") -> Membership:
    return Membership(person_id=person.id, campaign_id=CAMPAIGN.id, list_id=list_id, source=source)


def only(result: flows.Plan) -> flows.PlanItem:
    assert len(result.items) == 1
    return result.items[0]


# ---- add ---------------------------------------------------------------------------------------------------------

def test_people_already_in_dynamics_will_be_added_as_the_lead_or_contact_they_are():
    result = plan([lead(1), contact(2)], CAMPAIGN, ADD, readiness=READY)
    assert [(item.outcome, item.reason) for item in result.items] == [(WILL_ADD, "add as lead"),
                                                                      (WILL_ADD, "add as contact")]
    assert [item.runnable for item in result.items] == [True, True]


def test_a_person_only_known_locally_is_created_as_a_lead_first_then_added():
    item = only(plan([local(3)], CAMPAIGN, ADD, readiness=READY))
    assert item.outcome == WILL_CREATE_AND_ADD and item.runnable
    assert "lead is created first" in item.reason


def test_a_person_with_a_dynamics_type_but_no_dynamics_id_is_still_created_first():
    item = only(plan([local(4, dynamics_type="lead")], CAMPAIGN, ADD, readiness=READY))
    assert item.outcome == WILL_CREATE_AND_ADD


@pytest.mark.parametrize("values, missing", [
    (dict(email=None), "no email address"),
    (dict(email=""), "no email address"),
    (dict(first_name="", last_name=""), "no name"),
])
def test_a_local_person_who_cannot_become_a_lead_is_blocked_saying_what_is_missing(values, missing):
    person = local(5, **values)
    assert missing in missing_data(person)
    item = only(plan([person], CAMPAIGN, ADD, readiness=READY))
    assert (item.outcome, item.runnable) == (BLOCKED, False)
    assert item.reason == missing_data(person)


def test_a_first_name_alone_or_a_last_name_alone_is_enough_to_create_a_lead():
    assert missing_data(local(6, first_name="", last_name="Solo")) is None
    assert missing_data(local(7, first_name="Solo", last_name="")) is None


def test_missing_data_does_not_stop_people_already_in_dynamics():
    item = only(plan([lead(8, email=None)], CAMPAIGN, ADD, readiness=READY))
    assert item.outcome == WILL_ADD


def test_someone_campsync_already_added_is_skipped_on_add():
    person = lead(9)
    item = only(plan([person], CAMPAIGN, ADD, readiness=READY, memberships={9: [member(person, FLOW_ACTION)]}))
    assert (item.outcome, item.runnable) == (SKIP, False)
    assert "already a member" in item.reason and "CampSync" in item.reason


def test_a_member_only_through_a_crm_list_is_still_added_and_told_about_that_list():
    person = lead(10)
    item = only(plan([person], CAMPAIGN, ADD, readiness=READY, memberships={10: [member(person, CRM)]}))
    assert item.outcome == WILL_ADD
    assert item.reason.startswith("add as lead") and "CRM list" in item.reason


# ---- remove ------------------------------------------------------------------------------------------------------

def test_someone_campsync_added_will_be_removed_also_when_a_crm_list_holds_them_too():
    only_campsync, both = lead(11), lead(111)
    memberships = {11: [member(only_campsync, FLOW_ACTION)],
                   111: [member(both, CRM, "crm-list"), member(both, FLOW_ACTION)]}
    result = plan([only_campsync, both], CAMPAIGN, REMOVE, readiness=READY, memberships=memberships)
    assert [(item.outcome, item.runnable) for item in result.items] == [(WILL_REMOVE, True)] * 2
    assert all("added by CampSync" in item.reason for item in result.items)


def test_a_member_only_through_a_crm_list_is_not_removed_and_the_reason_says_so():
    person = lead(12)
    item = only(plan([person], CAMPAIGN, REMOVE, readiness=READY, memberships={12: [member(person, CRM)]}))
    assert (item.outcome, item.runnable) == (SKIP, False)
    assert "outside CampSync" in item.reason and "CRM list" in item.reason


def test_removing_someone_who_is_not_a_member_is_skipped():
    item = only(plan([lead(13)], CAMPAIGN, REMOVE, readiness=READY))
    assert item.outcome == SKIP
    assert "not a member" in item.reason


def test_memberships_of_other_people_do_not_count_for_this_one():
    other = lead(99)
    item = only(plan([lead(14)], CAMPAIGN, REMOVE, readiness=READY, memberships={99: [member(other, FLOW_ACTION)]}))
    assert item.outcome == SKIP and "not a member" in item.reason


# ---- already queued ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("action, words", [(ADD, "already queued to be added"),
                                           (REMOVE, "already queued to be removed")])
def test_someone_with_the_same_action_already_queued_is_skipped(action, words):
    person = lead(15)
    memberships = {15: [member(person, FLOW_ACTION)]} if action == REMOVE else {}
    result = plan([person, lead(16)], CAMPAIGN, action, readiness=READY, memberships=memberships, queued={15})
    assert (result.items[0].outcome, result.items[0].reason) == (SKIP, words)
    assert "queued" not in result.items[1].reason  # only the person with a queued action


# ---- readiness: nothing runs --------------------------------------------------------------------------------------

def test_when_campaign_sync_is_disabled_everyone_is_blocked_with_where_to_enable_it():
    readiness = Readiness(sync_enabled=False, prerequisite_problem="solution missing")
    result = plan([lead(17), local(18)], CAMPAIGN, ADD, readiness=readiness)
    assert {item.outcome for item in result.items} == {BLOCKED}
    assert all("campaign sync is disabled" in item.reason and "Settings" in item.reason for item in result.items)
    assert result.runnable == []


def test_a_prerequisite_problem_blocks_everyone_with_that_problem_as_the_reason():
    problem = "the prerequisite solution 'CampSyncCore' is not installed in the org"
    result = plan([lead(19), contact(20)], CAMPAIGN, REMOVE, readiness=Readiness(prerequisite_problem=problem))
    assert [(item.outcome, item.reason) for item in result.items] == [(BLOCKED, problem)] * 2


def test_a_campaign_missing_from_the_store_blocks_everyone_naming_the_campaign_asked_for():
    result = plan([lead(21)], None, ADD, readiness=READY, campaign_ref="c-gone")
    item = only(result)
    assert item.outcome == BLOCKED
    assert "'c-gone'" in item.reason and "does not exist" in item.reason
    assert (result.campaign_id, result.campaign_name) == ("c-gone", "c-gone")


def test_an_inactive_campaign_blocks_everyone_naming_it():
    inactive = CampaignRecord(id="c-old", name="Old Campaign", statecode=1)
    result = plan([lead(22)], inactive, ADD, readiness=READY)
    assert only(result).outcome == BLOCKED
    assert "'Old Campaign'" in only(result).reason and "inactive" in only(result).reason


def test_a_blocked_campaign_blocks_even_people_who_would_otherwise_be_skipped():
    person = lead(23)
    result = plan([person], None, ADD, readiness=READY, memberships={23: [member(person, FLOW_ACTION)]},
                  queued={23}, campaign_ref="c-gone")
    assert only(result).outcome == BLOCKED


def test_blocked_reason_is_none_when_the_campaign_is_ready_and_gives_the_first_problem_otherwise():
    assert blocked_reason(CAMPAIGN, READY) is None
    drop_target = SimpleNamespace(name="Drop Target", active=False)  # what the window's drop target hands in
    assert "'Drop Target'" in blocked_reason(drop_target, READY)
    assert "sync is disabled" in blocked_reason(drop_target, Readiness(sync_enabled=False))
    assert blocked_reason(drop_target, Readiness(prerequisite_problem="too old")) == "too old"
    assert "'c-x'" in blocked_reason(None, READY, "c-x")


# ---- the plan as a whole -----------------------------------------------------------------------------------------

def test_a_person_listed_twice_is_planned_once_in_the_order_first_given():
    first, second = lead(24), contact(25)
    result = plan([first, second, first, second, first], CAMPAIGN, ADD, readiness=READY)
    assert [item.person.id for item in result.items] == [24, 25]


def test_counts_give_every_outcome_including_the_ones_nobody_has():
    crm_member, campsync_member = lead(26), lead(27)
    memberships = {26: [member(crm_member, CRM)], 27: [member(campsync_member, FLOW_ACTION)]}
    people = [lead(28), crm_member, campsync_member, local(29), local(30, email=None), lead(31)]
    result = plan(people, CAMPAIGN, ADD, readiness=READY, memberships=memberships, queued={31})
    counts = result.counts()
    assert set(counts) == set(flows.LABELS)
    assert counts == {WILL_ADD: 2, WILL_CREATE_AND_ADD: 1, WILL_REMOVE: 0, SKIP: 2, BLOCKED: 1}
    assert sum(counts.values()) == len(result.items)
    assert [item.person.id for item in result.runnable] == [28, 26, 29]


def test_the_plan_names_the_campaign_and_each_item_reads_as_words_for_the_preview():
    result = plan([lead(32)], CAMPAIGN, ADD, readiness=READY)
    assert (result.action, result.campaign_id, result.campaign_name) == (ADD, "c-spring", "Spring Launch")
    row = result.items[0].to_dict()
    assert row == {"person_id": 32, "email": "lead32@example.com", "name": "Ada Lead32", "plan": WILL_ADD,
                   "label": "will add", "reason": "add as lead"}


def test_an_action_other_than_add_or_remove_is_refused():
    with pytest.raises(ValueError, match="'move'"):
        plan([lead(33)], CAMPAIGN, "move", readiness=READY)
