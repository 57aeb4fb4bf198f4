"""A page of people pulled from Dynamics is stored in bulk (a few statements for the page, not a few per person) with
exactly the result of merging the people one at a time, as CampSync did before issue 15: same rows (ids, values,
folded copies, stamps), same outcomes, same value changes for "Data value changes" trigger campaigns."""

import random

import pytest
from sqlalchemy import event
from sqlmodel import Session, select

from campsync_gui.core.models import Person
from campsync_gui.core.people import normalise_email, upsert_people_from_dynamics
from campsync_gui.core.store import open_store
from campsync_gui.dynamics.entities import Person as DynamicsPerson

FIELDS = ("first_name", "last_name", "company", "job_title", "country")


def one_at_a_time(session: Session, person: DynamicsPerson, now: float, changes: list) -> str:
    """The merge rules as upsert_from_dynamics applied them before issue 15, one ORM person at a time: the
    reference the bulk path must match."""
    dynamics_id = person.id.lower()
    email = normalise_email(person.email)
    stored = session.exec(select(Person).where(Person.dynamics_id == dynamics_id)).first()
    conflict = False
    if stored is None and email:
        by_email = session.exec(select(Person).where(Person.email == email)).first()
        if by_email is not None and by_email.dynamics_id and by_email.dynamics_id != dynamics_id:
            conflict = True
        else:
            stored = by_email
    if stored is None:
        stored = Person(email=None if conflict else email, dynamics_type=person.kind, dynamics_id=dynamics_id,
                        created_at=now, updated_at=now)
        for name in FIELDS:
            setattr(stored, name, getattr(person, name) or ("" if name in ("first_name", "last_name") else None))
        session.add(stored)
        session.flush()
        return "email_conflict" if conflict else "created"
    changed = False
    for name in FIELDS:
        value = getattr(person, name)
        if value and getattr(stored, name) != value:
            setattr(stored, name, value)
            changed = True
            changes.append((stored.id, name, value))
    if stored.dynamics_id != dynamics_id or stored.dynamics_type != person.kind:
        stored.dynamics_id, stored.dynamics_type = dynamics_id, person.kind
        changed = True
    outcome = "updated"
    if email and stored.email != email:
        if session.exec(select(Person).where(Person.email == email)).first() is None:
            stored.email = email
            changed = True
        else:
            outcome = "email_conflict"
    if changed:
        stored.updated_at = now
        session.add(stored)
        session.flush()
    elif outcome == "updated":
        outcome = "unchanged"
    return outcome


def seeded_store(path, rng: random.Random):
    """People imported from a file (no Dynamics id, some without email) and people pulled before (leads and
    contacts, one Dynamics id held twice as an older store may), with a local score and a pending new_lead_id."""
    db = open_store(path)
    with Session(db) as session:
        for n in range(40):
            linked = n % 3 != 0
            session.add(Person(
                first_name=rng.choice(["Ada", "José", "", "Zoë"]), last_name=f"Stored{n}",
                email=None if n % 7 == 0 else f"p{n}@example.com", company=rng.choice([None, "Acme", "Café"]),
                job_title=rng.choice([None, "CTO"]), country=rng.choice([None, "France", "Côte d'Ivoire"]),
                score=n, new_lead_id=f"nl-{n}" if n % 5 == 0 else None, created_at=1.0, updated_at=1.0,
                dynamics_type=rng.choice(["lead", "contact"]) if linked else None,
                dynamics_id=(f"id-{n % 30}" if linked else None)))
        session.commit()
    return db


def random_page(rng: random.Random) -> list[DynamicsPerson]:
    """New, changed, unchanged and conflicting records mixed, with emails moving between people, the same
    record twice, letter case and spaces the store normalises."""
    page = []
    for _ in range(rng.randint(1, 60)):
        n = rng.randrange(60)
        record_id = rng.choice([f"id-{n}", f"ID-{n}", f"new-{rng.randrange(15)}"])
        email = rng.choice([None, "", f"p{rng.randrange(50)}@example.com", f" P{rng.randrange(50)}@Example.COM ",
                            f"fresh{rng.randrange(10)}@example.com"])
        page.append(DynamicsPerson(
            kind=rng.choice(["lead", "contact"]), id=record_id, first_name=rng.choice(["", "Ada", "Jösé", "Zoë"]),
            last_name=rng.choice(["", f"Stored{n}", "Other"]), email=email,
            company=rng.choice([None, "", "Acme", "ACMÉ"]), job_title=rng.choice([None, "CTO", "Chief"]),
            country=rng.choice([None, "France", "Côte d'Ivoire", "Iceland"])))
    return page


def everyone(db) -> list[dict]:
    with Session(db) as session:
        return [p.model_dump() for p in session.exec(select(Person).order_by(Person.id))]


@pytest.mark.parametrize("seed", range(40))
def test_a_page_stored_in_bulk_is_stored_as_one_person_at_a_time_stored_it(tmp_path, seed):
    rng = random.Random(seed)
    bulk_db = seeded_store(tmp_path / "bulk.db", rng)
    reference_db = seeded_store(tmp_path / "reference.db", random.Random(seed))  # the same people
    bulk_outcomes, bulk_changes, reference_outcomes, reference_changes = [], [], [], []
    for page_number in range(3):  # later pages see what earlier ones stored
        page = random_page(rng)
        now = 100.0 + page_number
        with bulk_db.begin() as connection:
            bulk_outcomes += upsert_people_from_dynamics(connection, page, now, bulk_changes)
        with Session(reference_db) as session:
            reference_outcomes += [one_at_a_time(session, person, now, reference_changes) for person in page]
            session.commit()
    assert bulk_outcomes == reference_outcomes
    assert [change[:3] for change in bulk_changes] == reference_changes
    assert everyone(bulk_db) == everyone(reference_db)


def test_a_page_of_new_changed_unchanged_and_conflicting_people(tmp_path):
    db = open_store(tmp_path / "store.db")
    with Session(db) as session:
        session.add(Person(first_name="Ada", last_name="Lovelace", email="ada@example.com", score=50,
                           dynamics_type="contact", dynamics_id="c-1", created_at=1.0, updated_at=1.0))
        session.add(Person(first_name="Local", last_name="Only", email="local@example.com", score=7,
                           new_lead_id="nl-2", created_at=1.0, updated_at=1.0))
        session.add(Person(first_name="Same", last_name="Asever", email="same@example.com", dynamics_type="lead",
                           dynamics_id="l-3", created_at=1.0, updated_at=1.0))
        session.commit()
    page = [DynamicsPerson("contact", "C-1", "Ada", "King", "ada@example.com", None, "Countess", None),  # changed
            DynamicsPerson("lead", "l-2", "Loca", "", " LOCAL@example.com", None, None, "Iceland"),  # merged by email
            DynamicsPerson("lead", "l-3", "Same", "Asever", "same@example.com", None, None, None),  # unchanged
            DynamicsPerson("lead", "l-4", "Twin", "Lead", "ada@example.com", None, None, None),  # conflict
            DynamicsPerson("lead", "l-5", "New", "Person", "new@example.com", "Acme", None, None)]  # new
    changes = []
    with db.begin() as connection:
        outcomes = upsert_people_from_dynamics(connection, page, 9.0, changes)
    assert outcomes == ["updated", "updated", "unchanged", "email_conflict", "created"]
    assert [change[:3] for change in changes] == [(1, "last_name", "King"), (1, "job_title", "Countess"),
                                                  (2, "first_name", "Loca"), (2, "country", "Iceland")]
    # each change named by the row it changed as read (updated_at 1.0) and its new value: the same on any node
    assert [change[3] for change in changes] == ["pull:1:last_name:1.0:'King'", "pull:1:job_title:1.0:'Countess'",
                                                 "pull:2:first_name:1.0:'Loca'", "pull:2:country:1.0:'Iceland'"]
    rows = [(p["id"], p["first_name"], p["last_name"], p["email"], p["dynamics_type"], p["dynamics_id"], p["score"],
             p["new_lead_id"], p["country"], p["folded_name"], p["created_at"], p["updated_at"]) for p in everyone(db)]
    assert rows == [(1, "Ada", "King", "ada@example.com", "contact", "c-1", 50, None, None, "ada king", 1.0, 9.0),
                    (2, "Loca", "Only", "local@example.com", "lead", "l-2", 7, "nl-2", "Iceland", "loca only", 1.0,
                     9.0),
                    (3, "Same", "Asever", "same@example.com", "lead", "l-3", 0, None, None, "same asever", 1.0, 1.0),
                    (4, "Twin", "Lead", None, "lead", "l-4", 0, None, None, "twin lead", 9.0, 9.0),
                    (5, "New", "Person", "new@example.com", "lead", "l-5", 0, None, None, "new person", 9.0, 9.0)]


def test_an_email_given_up_in_a_page_can_be_taken_later_in_it(tmp_path):
    db = open_store(tmp_path / "store.db")
    with Session(db) as session:
        for n, email in enumerate(["zero@example.com", "a@example.com", "c@example.com"]):
            session.add(Person(last_name=f"P{n}", email=email, dynamics_type="lead", dynamics_id=f"id-{n}"))
        session.commit()
    page = [DynamicsPerson("lead", "id-0", "", "P0", "free@example.com", None, "CTO", None),
            DynamicsPerson("lead", "id-1", "", "P1", "b@example.com", None, None, None),  # gives up a@
            DynamicsPerson("lead", "id-2", "", "P2", "a@example.com", None, "CFO", None)]  # takes it
    with db.begin() as connection:
        assert upsert_people_from_dynamics(connection, page, 2.0, []) == ["updated"] * 3
    assert [(p["email"], p["folded_email"], p["job_title"]) for p in everyone(db)] == [
        ("free@example.com", "free@example.com", "CTO"), ("b@example.com", "b@example.com", None),
        ("a@example.com", "a@example.com", "CFO")]


def test_a_page_of_2000_people_takes_a_handful_of_statements_not_some_per_person(tmp_path):
    db = open_store(tmp_path / "store.db")
    statements = []
    event.listen(db, "before_cursor_execute", lambda *args: statements.append(args[2]))
    first = [DynamicsPerson("lead", f"id-{n}", "First", f"Last{n}", f"p{n}@example.com", None, None, None)
             for n in range(2000)]
    with db.begin() as connection:
        assert set(upsert_people_from_dynamics(connection, first, 1.0, [])) == {"created"}
    created = len(statements)
    statements.clear()
    again = [DynamicsPerson("lead", p.id, p.first_name, p.last_name, p.email, None, "CTO" if n % 2 else None, None)
             for n, p in enumerate(first)]
    with db.begin() as connection:
        assert sorted(set(upsert_people_from_dynamics(connection, again, 2.0, []))) == ["unchanged", "updated"]
    assert created <= 12 and len(statements) <= 12, (created, len(statements))
