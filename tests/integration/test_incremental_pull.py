"""Incremental pulls: leads and contacts read by their changes since the last pull (Dataverse change tracking)."""

from collections import Counter

import pytest
from sqlmodel import Session, select

from campsync_gui.core.automation import ADD_STEP, DATA_VALUE_CHANGES, Definition
from campsync_gui.core.delta_pull import stored_delta_link
from campsync_gui.core.models import AutomationCampaign, Person
from campsync_gui.core.pull import pull_people
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace


@pytest.fixture
def engine(tmp_path):
    return open_store(tmp_path / "store.db")


def stored(engine):
    with Session(engine) as session:
        return {p.dynamics_id: p.model_dump(exclude={"id", "created_at", "updated_at"})
                for p in session.exec(select(Person))}


def people_requests(org, start):
    """API requests per people table since log position `start`."""
    tables = (r.path.split("?", 1)[0].rsplit("/", 1)[-1] for r in org.request_log[start:])
    return Counter(t for t in tables if t in ("leads", "contacts"))


async def test_incremental_pull_of_an_unchanged_org_sends_one_request_per_table_and_reads_nothing(
        org, client, engine):
    org.knobs.page_size = 100  # the first pull takes several pages per table
    first = await pull_people(engine, client)
    assert first.incremental == {"lead": False, "contact": False}
    assert people_requests(org, 0) == {"leads": 3, "contacts": 2}
    before, start = stored(engine), len(org.request_log)
    again = await pull_people(engine, client)
    assert again.incremental == {"lead": True, "contact": True}
    assert people_requests(org, start) == {"leads": 1, "contacts": 1}
    assert again.created == again.updated == again.read == {"lead": 0, "contact": 0}
    assert again.unchanged == {"lead": len(org.state.leads), "contact": len(org.state.contacts)}
    assert stored(engine) == before
    assert "leads by their changes since the last pull (0 new or changed)" in again.how_read()


async def test_incremental_pull_reads_the_100_people_changed_and_stores_them(org, client, engine):
    await pull_people(engine, client)
    changed = list(org.state.leads)[:60]
    for lead_id in changed:
        org.state.update("leads", lead_id, {"jobtitle": f"Title {lead_id[:4]}"})
    for contact_id in list(org.state.contacts)[:40]:
        org.state.update("contacts", contact_id, {"address1_country": "Iceland"})
    report = await pull_people(engine, client)
    assert report.incremental == {"lead": True, "contact": True}
    assert report.read == report.updated == {"lead": 60, "contact": 40}
    assert report.created == {"lead": 0, "contact": 0}
    people = stored(engine)
    assert all(people[i]["job_title"] == f"Title {i[:4]}" for i in changed)
    assert sum(p["country"] == "Iceland" for p in people.values() if p["dynamics_type"] == "contact") >= 40


async def test_incremental_pull_stores_a_lead_created_since_and_keeps_a_deleted_one_as_a_full_pull_does(
        org, client, engine, tmp_path):
    await pull_people(engine, client)
    new = org.state.create("leads", {"firstname": "Nova", "lastname": "Lead", "emailaddress1": "nova@example.org"})
    gone = next(iter(org.state.leads))
    org.state.delete("leads", gone)
    report = await pull_people(engine, client)
    assert report.incremental["lead"] and report.created["lead"] == 1 and report.deleted["lead"] == 1
    assert "1 deleted in Dynamics" in report.how_read()
    people = stored(engine)
    assert people[new["leadid"]]["email"] == "nova@example.org"
    # A full pull of the same org leaves a person it no longer finds in the store: so does the incremental one.
    full = open_store(tmp_path / "full.db")
    await pull_people(full, client)
    assert gone in people and set(stored(full)) == set(people) - {gone}


async def test_change_tracking_expired_token_falls_back_to_a_full_pull_with_the_same_result(
        org, client, engine, tmp_path):
    await pull_people(engine, client)
    org.state.update("leads", next(iter(org.state.leads)), {"jobtitle": "Reset-proof"})
    org.state.change_log.reset()  # the org no longer serves the tokens it handed out (as after 7 days)
    report = await pull_people(engine, client)
    assert report.incremental == {"lead": False, "contact": False}
    assert any("Please perform a full sync" in w for w in report.warnings), report.warnings
    reference = open_store(tmp_path / "reference.db")
    await pull_people(reference, client)
    assert stored(engine) == stored(reference)
    assert stored_delta_link(engine, client.org_url, "lead"), "the full pull keeps a new link for next time"
    assert (await pull_people(engine, client)).incremental == {"lead": True, "contact": True}


async def test_change_tracking_off_in_the_org_means_full_pulls_with_the_same_result(org, client, engine, tmp_path):
    org.knobs.change_tracking = {"contact"}
    first = await pull_people(engine, client)
    second = await pull_people(engine, client)
    assert first.incremental == {"lead": False, "contact": False}
    assert second.incremental == {"lead": False, "contact": True}
    assert stored_delta_link(engine, client.org_url, "lead") is None
    assert second.unchanged["lead"] == len(org.state.leads)
    reference = open_store(tmp_path / "reference.db")
    org.knobs.change_tracking = set()
    await pull_people(reference, client)
    assert stored(engine) == stored(reference)
    assert "leads in full" in second.how_read()


async def test_change_tracking_link_of_another_org_is_never_used(org, client, engine):
    await pull_people(engine, client)
    assert stored_delta_link(engine, client.org_url, "lead")
    assert stored_delta_link(engine, "https://other.crm.dynamics.com", "lead") is None
    org.reset()  # the sandbox seeded again: other data, its old tokens refused
    report = await pull_people(engine, client)
    assert report.incremental == {"lead": False, "contact": False}


async def test_incremental_pull_fires_data_value_changes_trigger_campaigns_from_the_delta(org, conn, client, tmp_path):
    workspace = Workspace(open_store(tmp_path / "campsync.db"), connection=conn, client=client)
    await workspace.pull(people=True)
    target = sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                    key=lambda r: r["name"])[0]["campaignid"]
    with Session(workspace.db) as s:
        s.add(AutomationCampaign(name="Moved to Canada", kind="trigger", active=True, definition=Definition(
            triggers=[{"type": DATA_VALUE_CHANGES, "field": "country", "new_value": "Canada"}],
            flow=[{"step": ADD_STEP, "campaign_id": target}], qualification={"rule": "once"}).to_json()))
        s.commit()
    lead = next(r for r in org.state.leads.values() if r["emailaddress1"] and r["address1_country"] != "Canada")
    org.state.update("leads", lead["leadid"], {"address1_country": "Canada"})
    pulled = await workspace.pull(people=True)
    assert pulled.people.incremental["lead"] and pulled.people.updated["lead"] == 1
    assert pulled.triggered == 1
    await workspace.run_queue()
    assert any(lead["leadid"] in org.state.members_of(mlist) for mlist in org.state.lists)


async def test_doctor_says_per_table_whether_change_tracking_gives_incremental_or_full_pulls(org, conn):
    from campsync_gui.dynamics.doctor import run_doctor

    def check(report):
        return next(r for r in report.results if r.key == "change_tracking")

    on = check(await run_doctor(conn))
    assert (on.status, on.detail) == ("ok", "leads: on — incremental pulls; contacts: on — incremental pulls")
    org.knobs.change_tracking = {"contact"}
    off = check(await run_doctor(conn))
    assert off.status == "warn" and off.detail.startswith("leads: off — full pulls;")
    assert "Track changes" in off.fix
