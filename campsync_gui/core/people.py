"""People in the local store: read for the people table and the command line, looked up by email, and
upserted when pulled from Dynamics. (Importing a CSV file is people_import.py.)"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from ..dynamics import entities
from ..dynamics.client import chunked
from .models import Activity, Person


def normalise_email(text: str | None) -> str | None:
    """Stripped and lower-cased; None when empty. The store keeps emails in this form (the merge key)."""
    if text is None:
        return None
    value = str(text).strip().lower()
    return value or None


# ---- listing -----------------------------------------------------------------------------------

def list_people(db: Engine, *, search: str | None = None, limit: int | None = None) -> list[Person]:
    """People ordered by last name, first name; `search` matches name, email or company, ignoring case."""
    term = (search or "").strip()
    order = (func.lower(Person.last_name), func.lower(Person.first_name), Person.email, Person.id)
    with Session(db, expire_on_commit=False) as session:
        query = select(Person).order_by(*order)
        if not term:
            if limit is not None:
                query = query.limit(limit)
            return list(session.exec(query))
        if term.isascii():
            # SQLite's LIKE ignores case for ASCII letters, which is all an ASCII term needs.
            full_name = Person.first_name + " " + Person.last_name
            query = query.where(or_(*(column.icontains(term, autoescape=True) for column in
                                      (full_name, Person.email, Person.company))))
            if limit is not None:
                query = query.limit(limit)
            return list(session.exec(query))
        # Non-ASCII terms ("Ø", "ü"): SQLite cannot fold their case, Python can.
        needle = term.casefold()
        found: list[Person] = []
        for person in session.exec(query):
            haystack = " ".join(x for x in (person.name, person.email or "", person.company or "") if x)
            if needle in haystack.casefold():
                found.append(person)
                if limit is not None and len(found) >= limit:
                    break
        return found


# ---- people pulled from Dynamics ---------------------------------------------------------------

_DYNAMICS_FIELDS = ("first_name", "last_name", "company", "job_title", "country")


def upsert_from_dynamics(session: Session, person: entities.Person, now: float,
                         changes: list[tuple[int, str, object]] | None = None) -> tuple[Person, str]:
    """Store a lead or contact read from the org, matched by Dynamics id, then by email (not committed), and say
    what happened: created / updated / unchanged / email_conflict.

    Non-empty Dynamics values overwrite the store (the org is the truth for people pulled from it); empty ones
    do not erase what the store has, and the local score is never touched (Dynamics has no score here).
    `email_conflict`: the email belongs to another stored person already linked to a different Dynamics record
    (a lead and a contact with one email); this record is then stored without an email, so both stay visible.
    `changes` collects (person id, field, new value) for each value the org changed on a stored person.
    """
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
        for name in _DYNAMICS_FIELDS:
            setattr(stored, name, getattr(person, name) or ("" if name in ("first_name", "last_name") else None))
        session.add(stored)
        session.flush()
        return stored, "email_conflict" if conflict else "created"

    changed = False
    for name in _DYNAMICS_FIELDS:
        value = getattr(person, name)
        if value and getattr(stored, name) != value:
            setattr(stored, name, value)
            changed = True
            if changes is not None:
                changes.append((stored.id, name, value))
    if stored.dynamics_id != dynamics_id or stored.dynamics_type != person.kind:
        stored.dynamics_id, stored.dynamics_type = dynamics_id, person.kind
        changed = True
    outcome = "updated"
    if email and stored.email != email:
        owner = session.exec(select(Person).where(Person.email == email)).first()
        if owner is None:
            stored.email = email
            changed = True
        else:
            outcome = "email_conflict"  # the email moved onto another stored person: keep ours as it is
    if changed:
        stored.updated_at = now
        session.add(stored)
        session.flush()
    elif outcome == "updated":
        outcome = "unchanged"
    return stored, outcome


def max_person_id(db: Engine) -> int:
    """The highest person id so far: people created after it are the new ones (ids only grow)."""
    with Session(db) as session:
        return session.exec(select(func.max(Person.id))).one() or 0


def new_person_ids(db: Engine, before_max: int) -> list[int]:
    with Session(db) as session:
        return list(session.exec(select(Person.id).where(Person.id > before_max).order_by(Person.id)))


def count(db: Engine) -> int:
    with Session(db) as session:
        return session.exec(select(func.count()).select_from(Person)).one()


def log_activity(db: Engine, email: str, activity_type: str, detail: str, *, at: float) -> int:
    """Record what a person did; returns their id. LookupError (in words) when nobody has this email."""
    address = normalise_email(email) or ""
    with Session(db) as session:
        person = session.exec(select(Person).where(Person.email == address)).first()
        if person is None:
            raise LookupError(f"No person with email {address!r}: import or pull them first.")
        session.add(Activity(person_id=person.id, type=activity_type, detail=detail or "", at=at))
        session.commit()
        return person.id


def by_email(db: Engine, emails: list[str]) -> tuple[list[Person], list[str]]:
    """The people with these emails, each once, in the order given; and the emails nobody has."""
    wanted = [e.strip().lower() for e in emails]
    with Session(db) as session:
        found = {p.email: p for chunk in chunked(sorted(set(wanted)), 500)
                 for p in session.exec(select(Person).where(col(Person.email).in_(chunk)))}
    ordered, unknown, seen = [], [], set()
    for email in wanted:
        if email in seen:
            continue
        seen.add(email)
        if email in found:
            ordered.append(found[email])
        else:
            unknown.append(email)
    return ordered, unknown


@dataclass(slots=True)
class PersonRef:
    """What the engine needs of a person, read as a plain row: building 10,000 ORM objects cost the engine more
    than half a second per drop. Same attribute names as Person, so planning and syncing take either."""
    id: int
    first_name: str
    last_name: str
    email: str | None
    company: str | None
    job_title: str | None
    country: str | None
    dynamics_type: str | None
    dynamics_id: str | None
    new_lead_id: str | None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


_REF_COLUMNS = [getattr(Person, name) for name in PersonRef.__slots__]


def by_ids(db: Engine, ids: list[int]) -> dict[int, PersonRef]:
    result: dict[int, PersonRef] = {}
    with db.connect() as connection:
        for chunk in chunked(sorted(set(ids)), 500):
            for row in connection.execute(select(*_REF_COLUMNS).where(col(Person.id).in_(chunk))):
                result[row[0]] = PersonRef(*row)
    return result


# ---- the people table: 200,000 rows as plain tuples ---------------------------------------------

# The columns of a people table row, in order. The last one is the search text: the searchable fields joined by
# U+001F (so a term cannot match across two fields) and lower-cased by SQLite, which does it in C; SQLite lowers
# ASCII only, so the window folds the rows that are not ASCII itself.
TABLE_COLUMNS = ("id", "name", "email", "company", "type", "dynamics_id", "score", "country", "job_title", "search")


def _table_sql(where: str = "") -> str:
    name = "trim(ifnull(first_name, '') || ' ' || ifnull(last_name, ''))"  # as Person.name
    fields = [name] + [f"ifnull({c}, '')" for c in ("email", "company", "job_title", "country")]
    search = " || char(31) || ".join(fields)
    return (f"SELECT id, {name}, email, company, dynamics_type, dynamics_id, ifnull(score, 0), country, job_title, "
            f"lower({search}) FROM {Person.__tablename__} {where} ORDER BY id")


_TABLE_SQL = _table_sql()


def table_rows(db: Engine) -> list[tuple]:
    """Every person as a TABLE_COLUMNS tuple, by id."""
    with db.connect() as conn:
        # The pooled connection's DB-API cursor hands back plain tuples, kept as they are: going through
        # Result/Row costs ~25% more time for 200,000 rows, and Row objects weigh more than tuples.
        cursor = conn.connection.cursor()
        try:
            cursor.execute(_TABLE_SQL)
            return cursor.fetchall()
        finally:
            cursor.close()


def table_rows_for(db: Engine, ids: list[int]) -> dict[int, tuple]:
    """These people (those still in the store) as TABLE_COLUMNS tuples, by id."""
    found: dict[int, tuple] = {}
    with db.connect() as conn:
        for chunk in chunked(sorted(set(ids)), 500):  # SQLite caps the number of bound parameters
            marks = ", ".join(f":p{k}" for k in range(len(chunk)))
            statement = text(_table_sql(f"WHERE id IN ({marks})"))
            for row in conn.execute(statement, {f"p{k}": pid for k, pid in enumerate(chunk)}):
                found[row[0]] = tuple(row)
    return found
