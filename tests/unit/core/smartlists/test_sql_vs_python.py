"""The SQL path (`count` / `members`) agrees with the Python path (`matches`) on a generated population."""

import random

from smartlists_support import DAY, EXAMPLE, FRANCE, HIGH, LEAD, MARKETING, NOW, field, history, one, ts
from sqlalchemy import insert

from campsync_gui.core import smartlists as sl
from campsync_gui.core.models import Activity, Membership, Person
from campsync_gui.core.store import open_store

FIRSTS = ["Zoë", "ZOE", "zoe", "José", "Jose", "Søren", "Chloé", "Ada", "", "  ", "Ægir", "İlker", "ﬁona", "Łukasz",
          "Straße", "strasse", "Émile", "O'Brien", "\u00a0Ana\u00a0", "日本"]
LASTS = ["Müller", "Muller", "MÜLLER", "García", "Garcia", "", "Nguyễn", "Dubois", "Ångström", "Kowalski", " Smith "]
COMPANIES = [None, "", "   ", "Acme", "ACME corp", "Ünïcode Ltd", "Société Générale", "Straße GmbH", "acmé"]
TITLES = [None, "", "Head of Marketing", "marketing analyst", "Ingénieur marketing", "CTO", "Directeur Général",
          "MARKETİNG lead", "Buyer"]
COUNTRIES = [None, "", " ", "France", "france ", "FRANCE", "Spain", "España", "Espana", "Côte d'Ivoire",
             "Cote d'Ivoire", "Deutschland", "Österreich", "Osterreich"]
TYPES = ["lead", "contact", None, ""]
DETAILS = ["/pricing", "/Pricing/enterprise", "/prícing", "/PRICING", "/blog", "", "Café menu", "cafe",
           "Formulaire « Contact »", "日本語"]
ACT_TYPES = ["visited_web_page", "filled_out_form", "opened_email"]
CAMPAIGNS = ["c1", "c2", "c3"]
DAY0 = ts("2024-01-31T00:00:00")


def generate_population(db, size=2000, seed=11):
    rng = random.Random(seed)
    people, activities, memberships = [], [], []
    for pid in range(1, size + 1):
        created = rng.choice([0.0, DAY0, DAY0 + DAY, DAY0 - 1, DAY0 + DAY - 1, DAY0 + 36000,
                              DAY0 + rng.uniform(-60, 60) * DAY])
        people.append(dict(id=pid, first_name=rng.choice(FIRSTS), last_name=rng.choice(LASTS),
                           email=rng.choice([None, f"p{pid}@example.com", f"Zoë.{pid}@exämple.com"]),
                           company=rng.choice(COMPANIES), job_title=rng.choice(TITLES),
                           country=rng.choice(COUNTRIES), score=rng.choice([0, 49, 50, 51, 100, rng.randint(0, 100)]),
                           dynamics_type=rng.choice(TYPES), created_at=created))
        for _ in range(rng.choice([0, 0, 1, 2, 3, 5])):
            at = rng.choice([NOW - 30 * DAY, NOW - 30 * DAY - 1, NOW - 30 * DAY + 1, NOW, NOW + 1, NOW - 7 * DAY,
                             NOW - 7 * DAY - 0.5, NOW - rng.uniform(0, 90) * DAY])
            activities.append(dict(person_id=pid, type=rng.choice(ACT_TYPES), detail=rng.choice(DETAILS), at=at))
        for campaign in CAMPAIGNS:
            if rng.random() < 0.25:
                memberships.append(dict(person_id=pid, campaign_id=campaign, list_id=f"app-{campaign}",
                                        source="flow_action"))
            if rng.random() < 0.25:
                memberships.append(dict(person_id=pid, campaign_id=campaign, list_id=f"other-{campaign}",
                                        source="crm"))
    with db.begin() as conn:
        conn.execute(insert(Person.__table__), people)
        conn.execute(insert(Activity.__table__), activities)
        conn.execute(insert(Membership.__table__), memberships)


def random_filter(rng):
    kind = rng.choices(["field", "activity", "membership"], weights=[6, 3, 1])[0]
    if kind == "activity":
        out = {"kind": "activity", "type": rng.choice(ACT_TYPES), "has": rng.random() < 0.7}
        if rng.random() < 0.6:
            out["detail_contains"] = rng.choice(["pricing", "PRÍCING", "café", "enterprise", "contact", "日本"])
        if rng.random() < 0.6:
            out["within_days"] = rng.choice([1, 7, 30])
        if rng.random() < 0.4:
            out["min_times"] = rng.choice([2, 3])
        return out
    if kind == "membership":
        return {"kind": "membership", "member": rng.random() < 0.7,
                "campaign_ids": rng.sample(CAMPAIGNS, rng.randint(1, 2))}
    name = rng.choice(list(sl.FIELD_KINDS))
    op = rng.choice(sl.OPS_BY_KIND[sl.FIELD_KINDS[name]])
    texts = ["zoe", "MULLER", "france", "espana", "cote d'ivoire", "acme", "marketing", "strasse", "", "  ",
             "é", "fi", "ægir", "ilker", "日本", "zoe muller", "zoë.", "@example", "osterreich", "jose garcia"]
    if op in sl.NO_VALUE_OPS:
        return field(name, op)
    kind_of = sl.FIELD_KINDS[name]
    if kind_of == sl.TEXT:
        pool = [t for t in texts if sl.fold(t)] if op in sl.NEEDLE_OPS else texts
        value = rng.sample(pool, rng.randint(1, 3)) if op in sl.LIST_OPS else rng.choice(pool)
    elif kind_of == sl.NUMBER:
        value = rng.sample([0, 49, 50, 50.5, 51, 100], 2) if op in sl.LIST_OPS else rng.choice([0, 49.5, 50, 51])
    elif kind_of == sl.CHOICE:
        value = rng.sample(sl.PERSON_TYPES, rng.randint(1, 2)) if op in sl.LIST_OPS else rng.choice(sl.PERSON_TYPES)
    else:
        value = rng.choice(["2024-01-31", "2024-02-01", DAY0, DAY0 + 36000, "2024-01-31T10:00:00Z", 0])
    return field(name, op, value)


def random_logic(rng, count, depth=0):
    if depth >= 3 or rng.random() < 0.35:
        text = str(rng.randint(1, count))
    else:
        op = rng.choice(["and", "or", "AND", "Or"])
        text = f"({random_logic(rng, count, depth + 1)} {op} {random_logic(rng, count, depth + 1)})"
    return f"not {text}" if rng.random() < 0.25 else text


def test_sql_count_equals_python_matches_on_a_generated_population(tmp_path):
    db = open_store(tmp_path / "population.db")
    generate_population(db)
    people, acts, mems = history(db)
    assert len(people) == 2000
    rng = random.Random(5)
    definitions = [EXAMPLE, one(FRANCE, MARKETING, HIGH, LEAD, logic="not (1 and 2) or 3 and not 4")]
    for _ in range(120):
        filters = [random_filter(rng) for _ in range(rng.randint(1, 4))]
        logic = rng.choice(["all", "any", random_logic(rng, len(filters))])
        definitions.append({"filters": filters, "logic": logic})
    nonempty = set()
    for definition in definitions:
        smart = sl.validate(definition)
        want = [p.id for p in people if sl.matches(smart, p, activities=acts[p.id], memberships=mems[p.id], now=NOW)]
        got = sl.members(db, smart, now=NOW)
        assert got == want, (definition, sorted(set(got) ^ set(want))[:5])
        assert sl.count(db, smart, now=NOW) == len(want), definition
        nonempty.add(0 < len(want) < len(people))
    assert nonempty == {True, False}  # the generated lists are neither all trivial nor all empty
