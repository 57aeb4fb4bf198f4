"""Smart lists compare the folded copies every write keeps beside the text (core/folded_text): whichever way a person
or an activity is written (ORM, Core insert, CSV import, a pull from Dynamics, a change made later), counts still fold
accents and case exactly as the Python evaluation does."""

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from smartlists_support import NOW, field, one, python_members
from sqlalchemy import insert, text
from sqlmodel import Session, select

from campsync_gui.core import smartlists as sl
from campsync_gui.core.models import Activity, Person
from campsync_gui.core.people import upsert_from_dynamics
from campsync_gui.core.people_import import import_csv
from campsync_gui.core.store import open_store
from campsync_gui.dynamics.entities import Person as DynamicsPerson


def counts(db, *definitions):
    return [sl.count(db, definition, now=NOW) for definition in definitions]


NAME_MULLER = one(field("name", "contains", "MULLER"))
FIRST_JOSE = one(field("first_name", "equals", "jose"))
IVORY = one(field("country", "equals", "cote d'ivoire"))


def test_people_written_every_way_are_found_by_folded_name_and_country(tmp_path):
    db = open_store(tmp_path / "store.db")
    with Session(db) as session:  # the ORM
        session.add(Person(first_name="José", last_name="Müller", email="orm@example.com", country="Côte d'Ivoire"))
        session.commit()
    with db.begin() as conn:  # Core, many rows at once
        conn.execute(insert(Person.__table__), [
            dict(first_name="JOSÉ", last_name="MÜLLER", email="core1@example.com", country=" CÔTE D'IVOIRE ",
                 score=0, created_at=0, updated_at=0),
            dict(first_name="Ada", last_name="Lovelace", email="core2@example.com", country=None, score=0,
                 created_at=0, updated_at=0)])
    csv_file = tmp_path / "people.csv"
    csv_file.write_text("email,first name,last name,country\nimport@example.com,Jose,Muller,Cote d'Ivoire\n",
                        encoding="utf-8")
    assert import_csv(db, csv_file).created == 1
    with Session(db) as session:  # a pull from Dynamics
        upsert_from_dynamics(session, DynamicsPerson(kind="lead", id="A1", first_name="josé", last_name="müller",
                                                     email="pulled@example.com", company=None, job_title=None,
                                                     country="côte d'ivoire"), NOW)
        session.commit()
    assert counts(db, NAME_MULLER, FIRST_JOSE, IVORY) == [4, 4, 4]
    assert counts(db, one(field("name", "equals", "jose muller"))) == [4]
    assert counts(db, one(field("country", "is_empty"))) == [1]


def test_a_change_is_refolded_whoever_makes_it(tmp_path):
    db = open_store(tmp_path / "store.db")
    csv_file = tmp_path / "people.csv"
    csv_file.write_text("email,first name,last name,country\nada@example.com,Ada,Lovelace,France\n", encoding="utf-8")
    import_csv(db, csv_file)
    assert counts(db, NAME_MULLER, IVORY) == [0, 0]
    csv_file.write_text("email,last name,country\nada@example.com,Müller,Côte d'Ivoire\n", encoding="utf-8")
    assert import_csv(db, csv_file).updated == 1  # the file changes a stored person
    assert counts(db, NAME_MULLER, IVORY, one(field("name", "equals", "ada muller"))) == [1, 1, 1]
    with Session(db) as session:  # a pull renames her (only the first name: the last name is refolded as it was)
        upsert_from_dynamics(session, DynamicsPerson(kind="contact", id="C1", first_name="Zoë", last_name="",
                                                     email="ada@example.com", company="ACMÉ", job_title=None,
                                                     country=None), NOW)
        session.commit()
    assert counts(db, one(field("name", "equals", "ZOE MULLER")), one(field("company", "equals", "acme"))) == [1, 1]
    with Session(db) as session:  # a flow's Change step: an ORM update of one field
        person = session.exec(select(Person)).one()
        person.country = "España"
        session.add(person)
        session.commit()
    assert counts(db, IVORY, one(field("country", "equals", "ESPANA"))) == [0, 1]


def test_activity_details_are_folded_when_written(tmp_path):
    db = open_store(tmp_path / "store.db")
    with Session(db) as session:
        session.add(Person(first_name="A", last_name="B", email="a@example.com"))
        session.commit()
    with db.begin() as conn:
        conn.execute(insert(Activity.__table__), [
            dict(person_id=1, type="visited_web_page", detail="/PRÍCING", at=NOW),
            dict(person_id=1, type="visited_web_page", detail=" /Pricing ", at=NOW)])
    twice = one({"kind": "activity", "type": "visited_web_page", "detail_contains": "pricing", "min_times": 2})
    assert counts(db, twice) == [1]
    assert counts(db, one({"kind": "activity", "type": "visited_web_page", "has": False,
                           "detail_contains": "prícing", "min_times": 3})) == [1]


def test_has_not_counted_as_everyone_minus_the_subquery_agrees_with_python(tmp_path):
    # count() subtracts a negated activity or membership filter from the rest; members() probes it per person.
    db = open_store(tmp_path / "store.db")
    rng = random.Random(2)
    with db.begin() as conn:
        conn.execute(insert(Person.__table__), [
            dict(id=i, first_name=rng.choice(["Zoë", "Ada"]), last_name="X", email=f"p{i}@example.com",
                 country=rng.choice(["France", "Spain", None]), score=rng.randint(0, 100),
                 dynamics_type=rng.choice(["lead", "contact", None, ""]), created_at=0, updated_at=0)
            for i in range(1, 301)])
        conn.execute(insert(Activity.__table__), [
            dict(person_id=rng.randint(1, 300), type=rng.choice(["opened_email", "visited_web_page"]), detail="/x",
                 at=NOW - rng.uniform(0, 20) * 86400) for _ in range(400)])
    not_opened = {"kind": "activity", "type": "opened_email", "has": False, "within_days": 7}
    opened = dict(not_opened, has=True)
    for definition in [one(not_opened), one(opened, logic="not 1"), one(field("country", "equals", "france"),
                                                                        not_opened),
                       one(field("type", "equals", "local"), opened, logic="1 and not 2"),
                       one(field("type", "not_equals", "lead"), not_opened, field("first_name", "equals", "zoe"))]:
        want = python_members(db, definition, NOW)
        assert sl.members(db, definition, now=NOW) == want
        assert sl.count(db, definition, now=NOW) == len(want), definition


# ---- property: on any small store, SQL counts equal a straightforward Python evaluation ----------------------

TEXTS = st.one_of(st.none(), st.sampled_from(["José", "jose", "JOSE ", "Müller", "MULLER", "muller", "Côte d'Ivoire",
                                              "cote d'ivoire", " ", "", "Straße", "STRASSE", "Zoë", "ﬁ", "日本", "Ægir",
                                              "İlker", "\u00a0Ana\u00a0"]),
                  st.text(alphabet="aAeEéÉüÜ ßİı\u0301", max_size=5))
NEEDLES = st.sampled_from(["jose", "MÜLLER", "cote", "strasse", "zoe", "fi", "日本", "ægir", "ilker", "ana", "e", "É"])
PEOPLE = st.lists(st.fixed_dictionaries({
    "first_name": TEXTS.map(lambda t: t or ""), "last_name": TEXTS.map(lambda t: t or ""), "company": TEXTS,
    "job_title": TEXTS, "country": TEXTS, "dynamics_type": st.sampled_from(["lead", "contact", "", None])}),
    min_size=1, max_size=12)
TEXT_FIELDS = ["first_name", "last_name", "name", "company", "job_title", "country"]
FILTERS = st.one_of(
    st.builds(lambda f, op, v: field(f, op, v), st.sampled_from(TEXT_FIELDS),
              st.sampled_from(["equals", "not_equals", "contains", "not_contains", "starts_with"]), NEEDLES),
    st.builds(lambda f, op: field(f, op), st.sampled_from(TEXT_FIELDS),
              st.sampled_from(["is_empty", "is_not_empty"])),
    st.builds(lambda f, v: field(f, "in_list", v), st.sampled_from(TEXT_FIELDS),
              st.lists(NEEDLES, min_size=1, max_size=3)),
    st.builds(lambda v: field("type", "in_list", v),
              st.lists(st.sampled_from(["lead", "contact", "local"]), min_size=1, max_size=2, unique=True)))
EDITS = st.lists(st.tuples(st.integers(0, 11), st.sampled_from(["first_name", "last_name", "country", "company"]),
                           TEXTS), max_size=4)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=PEOPLE, edits=EDITS, filters=st.lists(FILTERS, min_size=1, max_size=3),
       logic=st.sampled_from(["all", "any", "not 1"]))
def test_counts_equal_the_python_evaluation_on_any_small_store(tmp_path_factory, people, edits, filters, logic):
    db = open_store(tmp_path_factory.mktemp("prop") / "store.db")
    with db.begin() as conn:
        conn.execute(insert(Person.__table__), [dict(p, score=0, created_at=0, updated_at=0) for p in people])
    with Session(db) as session:  # later changes through the ORM, as the Change step and the pull make them
        for index, name, value in edits:
            person = session.get(Person, index % len(people) + 1)
            setattr(person, name, value if value is not None or name not in ("first_name", "last_name") else "")
            session.add(person)
        session.commit()
    definition = {"filters": filters, "logic": logic}
    want = python_members(db, definition, NOW)
    assert sl.members(db, definition, now=NOW) == want
    assert sl.count(db, definition, now=NOW) == len(want)
    db.dispose()


def test_raw_sql_without_the_copies_leaves_them_empty_as_documented(tmp_path):
    # The one write path the copies cannot follow (nothing in CampSync writes people this way): documented in
    # folded_text, pinned here so a change to it is a decision.
    db = open_store(tmp_path / "store.db")
    with db.begin() as conn:
        conn.execute(text("INSERT INTO person (first_name, last_name, email, score, created_at, updated_at) "
                          "VALUES ('José', 'Müller', 'raw@example.com', 0, 0, 0)"))
        assert conn.execute(text("SELECT folded_name FROM person")).scalar_one() == ""
