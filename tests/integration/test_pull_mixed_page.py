"""A full pull whose pages mix people new to the store, changed in the org, unchanged and conflicting (issue 15 stores
each page in bulk): the store, the counts, the value changes and the warnings are what the rules give."""

import pytest
from sqlmodel import Session, select

from campsync_gui.core.delta_pull import save_delta_link
from campsync_gui.core.models import Person
from campsync_gui.core.pull import PERSON_KINDS, pull_people
from campsync_gui.core.store import open_store


@pytest.fixture
def engine(tmp_path):
    return open_store(tmp_path / "store.db")


def by_dynamics_id(engine):
    with Session(engine) as session:
        return {p.dynamics_id: p for p in session.exec(select(Person))}


async def test_a_full_pull_of_new_changed_unchanged_and_conflicting_people(org, client, engine):
    await pull_people(engine, client, now=lambda: 1.0)
    stored = by_dynamics_id(engine)
    leads = [lead_id for lead_id in org.state.leads if org.state.leads[lead_id]["emailaddress1"]]
    changed, renamed, moving, unsafe_email = leads[:4]
    contact_id, contact = next((i, c) for i, c in org.state.contacts.items() if c["emailaddress1"])
    org.state.update("leads", changed, {"jobtitle": "Chief Merge Officer"})
    org.state.update("leads", renamed, {"firstname": "Eve\x1b]0;PWNED\x07"})
    org.state.update("leads", moving, {"emailaddress1": contact["emailaddress1"], "address1_country": "Iceland"})
    org.state.update("leads", unsafe_email, {"emailaddress1": "evil\x1b@example.com"})
    new = org.state.create("leads", {"firstname": "Nova", "lastname": "Lead", "emailaddress1": "Nova@Example.org "})
    twin = org.state.create("leads", {"lastname": "Twin", "emailaddress1": contact["emailaddress1"].upper()})
    for kind in PERSON_KINDS:  # read everything again, as a first pull does
        save_delta_link(engine, client.org_url, kind, None)

    report = await pull_people(engine, client, now=lambda: 2.0)

    leads_in_org = len(org.state.leads)
    assert report.incremental == {"lead": False, "contact": False}
    assert report.created == {"lead": 1, "contact": 0}
    assert report.updated == {"lead": 2, "contact": 0}
    assert report.email_conflicts == {"lead": 2, "contact": 0}
    assert report.unchanged == {"lead": leads_in_org - 5, "contact": len(org.state.contacts)}
    assert sorted(change[:3] for change in report.changes) == sorted([
        (stored[changed].id, "job_title", "Chief Merge Officer"),
        (stored[renamed].id, "first_name", "Eve]0;PWNED"),
        (stored[moving].id, "country", "Iceland")])
    after = by_dynamics_id(engine)
    assert after[changed].job_title == "Chief Merge Officer" and after[changed].updated_at == 2.0
    assert after[renamed].first_name == "Eve]0;PWNED"
    # The email is the contact's: the lead keeps its own and its other change; the contact keeps the email.
    assert (after[moving].email, after[moving].country) == (stored[moving].email, "Iceland")
    assert after[contact_id].email == contact["emailaddress1"]
    assert after[unsafe_email].email == stored[unsafe_email].email and after[unsafe_email].updated_at == 1.0
    assert (after[new["leadid"]].email, after[new["leadid"]].created_at) == ("nova@example.org", 2.0)
    assert after[twin["leadid"]].email is None and after[twin["leadid"]].last_name == "Twin"
    assert len(after) == leads_in_org + len(org.state.contacts)
    conflicts = [w for w in report.warnings if "already belongs to another Dynamics record" in w]
    email = contact["emailaddress1"]
    assert sorted(conflicts) == sorted(f"lead {lead_id}: email {sent} already belongs to another Dynamics record in "
                                       f"the store; stored without it"
                                       for lead_id, sent in ((moving, email), (twin["leadid"], email.upper())))
    assert any(w.startswith(f"lead {unsafe_email}: email ") and "holds control characters" in w
               for w in report.warnings)


async def test_a_store_in_memory_is_pulled_into_as_a_file_is(org, client):
    # Pages are written by a writer thread while the next is read; an in-memory store exists on one thread only.
    memory = open_store(":memory:")
    report = await pull_people(memory, client)
    assert report.created == {"lead": len(org.state.leads), "contact": len(org.state.contacts)}
    assert len(by_dynamics_id(memory)) == len(org.state.leads) + len(org.state.contacts)
