"""The `store` fixture: a small population where every expected answer can be read off (keys a to e)."""

import pytest
from sqlmodel import Session
from smartlists_support import DAY, NOW, ts

from campsync_gui.core.models import Activity, Membership, Person
from campsync_gui.core.store import open_store

PEOPLE = {
    "a": dict(first_name="Zoë", last_name="Müller", email="zoe@example.com", company="Acme Corp",
              job_title="Head of Marketing", country="France", score=80, dynamics_type="lead",
              created_at=ts("2024-01-31T10:00:00")),
    "b": dict(first_name="José", last_name="García", email="jose@example.com", company="",
              job_title="Marketing Analyst", country="  FRANCE ", score=50, dynamics_type="contact",
              created_at=ts("2024-01-31T00:00:00")),
    "c": dict(first_name="Ada", last_name="Lovelace", email="ada@example.com", company=None,
              job_title="CTO", country="Spain", score=20, dynamics_type=None,
              created_at=ts("2024-02-01T00:00:00")),
    "d": dict(first_name="Chloé", last_name="Straße", email=None, company="   ",
              job_title=None, country=None, score=0, dynamics_type="lead",
              created_at=ts("2024-01-30T23:59:59")),
    "e": dict(first_name="", last_name="", email="blank@example.com", company="Ünïcode Ltd",
              job_title="Ingénieur MARKETING", country="Côte d'Ivoire", score=100, dynamics_type="",
              created_at=0.0),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = open_store(tmp_path_factory.mktemp("smart") / "smart.db")  # read-only for every test
    ids = {}
    with Session(db) as session:
        for key, values in PEOPLE.items():
            person = Person(**values)
            session.add(person)
            session.flush()
            ids[key] = person.id
        acts = [("a", "visited_web_page", "/pricing", NOW - 30 * DAY),          # exactly at the window's edge
                ("a", "visited_web_page", "/Pricing/enterprise", NOW - DAY),
                ("a", "visited_web_page", "/blog", NOW - 2 * DAY),
                ("b", "visited_web_page", "/pricing", NOW - 30 * DAY - 1),      # one second too old
                ("b", "visited_web_page", "/PRICING", NOW - 5 * DAY),
                ("c", "filled_out_form", "Contact us", NOW - DAY),
                ("d", "visited_web_page", "/prícing", NOW),                     # accented, at `now` itself
                ("e", "visited_web_page", "/pricing", NOW + 1)]                 # in the future
        for key, kind, detail, at in acts:
            session.add(Activity(person_id=ids[key], type=kind, detail=detail, at=at))
        for key, campaign, source in [("a", "c1", "flow_action"), ("b", "c1", "crm"), ("c", "c2", "flow_action"),
                                      ("d", "c3", "flow_action"), ("d", "c1", "crm")]:
            session.add(Membership(person_id=ids[key], campaign_id=campaign, list_id=f"list-{campaign}-{source}",
                                   source=source))
        session.commit()
    return db, ids

