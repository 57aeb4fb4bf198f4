"""UpsertMultiple for leads in the sandbox org: rows named by id are updated or created with that id, all or none."""

import uuid

import pytest

from support import error_of

ACTION = "leads/Microsoft.Dynamics.CRM.UpsertMultiple"
LEAD = "Microsoft.Dynamics.CRM.lead"


def target(lead_id, i, by_reference=False, **extra):
    row = {"@odata.type": LEAD, "lastname": f"Upsert {i}", "emailaddress1": f"upsert{i}@example.org", **extra}
    if by_reference:
        row["@odata.id"] = f"leads({lead_id})"
    else:
        row["leadid"] = lead_id
    return row


def test_upsert_multiple_creates_new_ids_and_updates_existing_ones_answering_204(org, dv):
    ids = [str(uuid.uuid4()) for _ in range(3)]
    first = dv.post(ACTION, json={"Targets": [target(ids[0], 0), target(ids[1], 1, by_reference=True)]})
    assert first.status_code == 204 and first.content == b""
    assert org.state.leads[ids[0]]["lastname"] == "Upsert 0"
    assert org.state.leads[ids[1]]["emailaddress1"] == "upsert1@example.org"
    leads_before = len(org.state.leads)
    again = dv.post(ACTION, json={"Targets": [target(ids[0], 0, companyname="Fabrikam"), target(ids[2], 2)]})
    assert again.status_code == 204
    assert len(org.state.leads) == leads_before + 1, "a resend updates the existing lead instead of duplicating it"
    assert org.state.leads[ids[0]]["companyname"] == "Fabrikam"


def test_an_invalid_target_refuses_the_whole_upsert_and_changes_nothing(org, dv):
    existing, new = str(uuid.uuid4()), str(uuid.uuid4())
    assert dv.post(ACTION, json={"Targets": [target(existing, 0)]}).status_code == 204
    leads_before = len(org.state.leads)
    response = dv.post(ACTION, json={"Targets": [target(existing, 0, companyname="Changed"), target(new, 1),
                                                 target(str(uuid.uuid4()), 2, lastname=None)]})
    assert response.status_code == 400
    assert "'lastname' is required" in error_of(response)["message"]
    assert len(org.state.leads) == leads_before and new not in org.state.leads
    assert org.state.leads[existing].get("companyname") in (None, ""), "the update was rolled back"


def test_a_target_without_its_primary_key_is_refused_with_what_to_send(org, dv):
    response = dv.post(ACTION, json={"Targets": [{"@odata.type": LEAD, "lastname": "No id"}]})
    assert response.status_code == 400
    assert "needs its primary key" in error_of(response)["message"]


@pytest.mark.parametrize("action", ["CreateMultiple", "UpsertMultiple"])
def test_an_org_without_a_bulk_message_answers_404_for_it(org, dv, action):
    org.knobs.missing_actions.add(action)
    response = dv.post(f"leads/Microsoft.Dynamics.CRM.{action}",
                       json={"Targets": [target(str(uuid.uuid4()), 0)]})
    assert response.status_code == 404
