"""People in the local store: read for the people table and the command line, looked up by email, and
upserted when pulled from Dynamics. (Importing a CSV file is people_import.py.)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import bindparam, func, insert, or_, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql.dml import Update
from sqlmodel import Session, select

from ..dynamics import entities
from ..dynamics.client import chunked
from ..language import translate
from .folded_text import FOLDED_NAME, NAME_PARTS, PERSON_FOLDED, fold, fold_name, with_folded_person
from .id_sets import among
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
_PERSON = Person.__table__
# What the merge rules read of a stored person, and what writing a pulled one sets (with the folded copies).
_STORED_COLUMNS = ("id", "email", "dynamics_id", "dynamics_type", "updated_at") + _DYNAMICS_FIELDS
_WRITTEN = _DYNAMICS_FIELDS + ("email", "dynamics_id", "dynamics_type", "updated_at")
_LOOKUP_CHUNK = 900  # bound parameters per lookup query, well under SQLite's limit


def upsert_from_dynamics(session: Session, person: entities.Person, now: float,
                         changes: list[tuple[int, str, object, str]] | None = None) -> str:
    """One person read from the org, stored in the session's transaction (not committed): see
    upsert_people_from_dynamics. Returns what happened."""
    session.flush()  # what the session holds unwritten is part of the store the rules read
    outcome = upsert_people_from_dynamics(session.connection(), [person], now, changes)[0]
    session.expire_all()  # people the session loaded are read again: the write went around it
    return outcome


def upsert_people_from_dynamics(connection: Connection, people: Sequence[entities.Person], now: float,
                                changes: list[tuple[int, str, object, str]] | None = None) -> list[str]:
    """Store leads or contacts read from the org (a page), each matched by Dynamics id, then by email, in the
    connection's transaction (not committed), and say what happened to each, in order: created / updated /
    unchanged / email_conflict.

    Non-empty Dynamics values overwrite the store (the org is the truth for people pulled from it); empty ones
    do not erase what the store has, and the local score and new_lead_id are never touched.
    `email_conflict`: the email belongs to another stored person already linked to a different Dynamics record
    (a lead and a contact with one email); this record is then stored without an email, so both stay visible.
    `changes` collects (person id, field, new value, change_key) for each value the org changed on a stored person.

    The people are merged one after the other, exactly as one at a time would, but against rows read once for
    the whole page and written back in bulk: a person at a time cost 3.7 ms (740 s for 200,000 leads).
    """
    return _PageUpsert(connection, now, changes).run(people)


def change_key(stored: dict, name: str, value: object) -> str:
    """What names one value a pull found changed, the same on every node that finds it: the person, the field, the
    stored row's last write (updated_at, as this pull read it) and the new value. Two nodes pulling at once read
    the same row and make the same key (their trigger campaigns run once: automation.claims); a later change, even
    back to the same value, follows another write and gets another key."""
    return f"pull:{stored['id']}:{name}:{stored['updated_at']!r}:{value!r}"


class _PageUpsert:
    """The merge rules applied to a page in memory: stored rows are plain dicts, read in a few queries; rows the
    page creates or changes are kept for two bulk statements (an executemany UPDATE, then an INSERT)."""

    def __init__(self, connection: Connection, now: float, changes: list[tuple[int, str, object, str]] | None):
        self.connection, self.now, self.changes = connection, now, changes
        self.by_dynamics_id: dict[str, dict] = {}
        self.by_email: dict[str, dict] = {}  # who holds each email of the page, as the page goes on
        self.to_update: dict[int, tuple[dict, tuple[str, ...]]] = {}  # id → (row, columns changed), in order
        self.to_insert: list[dict] = []
        self.pending: set[int] = set()  # id() of each row waiting in to_update or to_insert

    def run(self, people: Sequence[entities.Person]) -> list[str]:
        self._read_stored(people)
        outcomes = [self._upsert(person) for person in people]
        self._write(need_ids=False)
        return outcomes

    def _read_stored(self, people: Sequence[entities.Person]) -> None:
        by_id: dict[int, dict] = {}
        dynamics_ids = sorted({person.id.lower() for person in people})
        emails = sorted({email for person in people if (email := normalise_email(person.email))})
        for key, wanted in (("dynamics_id", dynamics_ids), ("email", emails)):
            for chunk in chunked(wanted, _LOOKUP_CHUNK):
                # Plain SQL: SQLAlchemy's expanding IN cost a third of this read.
                marks = ", ".join(("?" if self.connection.dialect.paramstyle == "qmark" else "%s",) * len(chunk))
                found = self.connection.exec_driver_sql(
                    f"SELECT {', '.join(_STORED_COLUMNS)} FROM {_PERSON.name} WHERE {key} IN ({marks}) ORDER BY id",
                    tuple(chunk)).all()
                for values in found:
                    row = by_id.get(values[0]) or by_id.setdefault(values[0], dict(zip(_STORED_COLUMNS, values)))
                    # Lowest id first, as a lookup of one value finds it (Dynamics ids are not unique).
                    if row["dynamics_id"] is not None:
                        self.by_dynamics_id.setdefault(row["dynamics_id"], row)
                    if row["email"] is not None:
                        self.by_email[row["email"]] = row

    def _upsert(self, person: entities.Person) -> str:
        dynamics_id = person.id.lower()
        email = normalise_email(person.email)
        stored = self.by_dynamics_id.get(dynamics_id)
        conflict = False
        if stored is None and email:
            by_email = self.by_email.get(email)
            if by_email is not None and by_email["dynamics_id"] and by_email["dynamics_id"] != dynamics_id:
                conflict = True
            else:
                stored = by_email
        if stored is None:
            self._create(person, dynamics_id, None if conflict else email)
            return "email_conflict" if conflict else "created"
        if id(stored) in self.pending:
            # A row this page already wrote, met again (a record twice in a page): write what is pending first,
            # so each statement's rows hold one change each, in order, and a new row has its id for `changes`.
            self._write(need_ids=True)

        changed: list[str] = []  # the columns this person changes
        for name in _DYNAMICS_FIELDS:
            value = getattr(person, name)
            if value and stored[name] != value:
                stored[name] = value
                changed.append(name)
                if self.changes is not None:
                    self.changes.append((stored["id"], name, value, change_key(stored, name, value)))
        if stored["dynamics_id"] != dynamics_id or stored["dynamics_type"] != person.kind:
            stored["dynamics_id"], stored["dynamics_type"] = dynamics_id, person.kind
            self.by_dynamics_id.setdefault(dynamics_id, stored)
            changed += ["dynamics_id", "dynamics_type"]
        outcome = "updated"
        if email and stored["email"] != email:
            if self.by_email.get(email) is None:
                self._move_email(stored, email)
                changed.append("email")
            else:
                outcome = "email_conflict"  # the email moved onto another stored person: keep ours as it is
        if changed:
            stored["updated_at"] = self.now
            self.to_update[stored["id"]] = (stored, tuple(changed))
            self.pending.add(id(stored))
        elif outcome == "updated":
            outcome = "unchanged"
        return outcome

    def _create(self, person: entities.Person, dynamics_id: str, email: str | None) -> None:
        row = {"id": None, "email": email, "dynamics_id": dynamics_id, "dynamics_type": person.kind,
               "updated_at": self.now}
        for name in _DYNAMICS_FIELDS:
            row[name] = getattr(person, name) or ("" if name in ("first_name", "last_name") else None)
        self.by_dynamics_id.setdefault(dynamics_id, row)
        if email:
            self.by_email[email] = row
        self.to_insert.append(row)
        self.pending.add(id(row))

    def _move_email(self, row: dict, email: str) -> None:
        old = row["email"]
        if old is not None and self.by_email.get(old) is row:
            del self.by_email[old]  # free again for a later person of the page
        row["email"] = email
        self.by_email[email] = row

    def _write(self, *, need_ids: bool) -> None:
        """Updates first: a person created by the page may take an email a stored one gave up in it."""
        if self.to_update:
            # One executemany per set of columns changed (a pull's changes mostly share one or two): setting only
            # those keeps SQLite from rewriting the indexes of the others, which tripled the time of an update.
            # Emails are unique: a person taking an email another gave up in this page is written after them, so
            # rows changing an email keep their order (a new statement whenever the set of columns changes).
            groups: dict[tuple[str, ...], list[dict]] = {}
            in_order: list[tuple[tuple[str, ...], list[dict]]] = []
            for row, columns in self.to_update.values():
                if "email" not in columns:
                    groups.setdefault(columns, []).append(_update_values(row, columns))
                elif in_order and in_order[-1][0] == columns:
                    in_order[-1][1].append(_update_values(row, columns))
                else:
                    in_order.append((columns, [_update_values(row, columns)]))
            for columns, values in [*groups.items(), *in_order]:
                self.connection.execute(_update_statement(columns), values)
        if self.to_insert:
            values = [with_folded_person({**{name: row[name] for name in _WRITTEN}, "score": 0, "new_lead_id": None,
                                          "created_at": row["updated_at"]}) for row in self.to_insert]
            if need_ids:
                statement = insert(_PERSON).returning(_PERSON.c.id, sort_by_parameter_order=True)
                for row, (new_id,) in zip(self.to_insert, self.connection.execute(statement, values)):
                    row["id"] = new_id
            else:
                self.connection.execute(insert(_PERSON), values)
        self.to_update, self.to_insert = {}, []
        self.pending.clear()


@lru_cache(maxsize=256)
def _update_statement(columns: tuple[str, ...]) -> Update:
    """UPDATE of these columns, their folded copies and updated_at, by id, for an executemany (_update_values)."""
    return (update(_PERSON).where(_PERSON.c.id == bindparam("row_id"))
            .values({name: bindparam(f"new_{name}") for name in _set_columns(columns)}))


def _set_columns(columns: tuple[str, ...]) -> list[str]:
    """A Core UPDATE does not refold (folded_text): it sets the folded copy of each source it changes itself."""
    names = list(columns) + [PERSON_FOLDED[name] for name in columns if name in PERSON_FOLDED]
    if any(name in NAME_PARTS for name in columns):
        names.append(FOLDED_NAME)
    return names + ["updated_at"]


def _update_values(row: dict, columns: tuple[str, ...]) -> dict:
    values = {"row_id": row["id"], "new_updated_at": row["updated_at"]}
    for name in columns:
        values[f"new_{name}"] = row[name]
        if name in PERSON_FOLDED:
            values[f"new_{PERSON_FOLDED[name]}"] = fold(row[name])
    if any(name in NAME_PARTS for name in columns):
        values[f"new_{FOLDED_NAME}"] = fold_name(row["first_name"], row["last_name"])
    return values


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
            raise LookupError(translate("People", "No person with email {email}: import or pull them first.").format(
                email=repr(address)))
        session.add(Activity(person_id=person.id, type=activity_type, detail=detail or "", at=at))
        session.commit()
        return person.id


def by_email(db: Engine, emails: list[str]) -> tuple[list[PersonRef], list[str]]:
    """The people with these emails, each once, in the order given; and the emails nobody has."""
    wanted = [e.strip().lower() for e in emails]
    with db.connect() as connection:
        found = {row[3]: PersonRef(*row)
                 for row in connection.execute(select(*_REF_COLUMNS).where(among(Person.email, set(wanted))))}
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
        for row in connection.execute(select(*_REF_COLUMNS).where(among(Person.id, set(ids)))):
            result[row[0]] = PersonRef(*row)
    return result


# ---- the people table: 200,000 rows as plain tuples ---------------------------------------------

# The columns of a people table row, in order. The last one is the search text: the searchable fields joined by
# U+001F (so a term cannot match across two fields) and lower-cased by SQLite, which does it in C; SQLite lowers
# ASCII only, so the window folds the rows that are not ASCII itself.
TABLE_COLUMNS = ("id", "name", "email", "company", "type", "dynamics_id", "score", "country", "job_title", "search")


def _table_sql(where: str = "", dialect: str = "sqlite") -> str:
    ifnull, char = ("coalesce", "chr") if dialect == "postgresql" else ("ifnull", "char")  # PostgreSQL's words
    name = f"trim({ifnull}(first_name, '') || ' ' || {ifnull}(last_name, ''))"  # as Person.name
    fields = [name] + [f"{ifnull}({c}, '')" for c in ("email", "company", "job_title", "country")]
    search = f" || {char}(31) || ".join(fields)
    return (f"SELECT id, {name}, email, company, dynamics_type, dynamics_id, {ifnull}(score, 0), country, job_title, "
            f"lower({search}) FROM {Person.__tablename__} {where} ORDER BY id")


_TABLE_SQL = _table_sql()


def table_rows(db: Engine) -> list[tuple]:
    """Every person as a TABLE_COLUMNS tuple, by id."""
    with db.connect() as conn:
        # The pooled connection's DB-API cursor hands back plain tuples, kept as they are: going through
        # Result/Row costs ~25% more time for 200,000 rows, and Row objects weigh more than tuples.
        cursor = conn.connection.cursor()
        try:
            cursor.execute(_TABLE_SQL if conn.dialect.name == "sqlite" else _table_sql(dialect=conn.dialect.name))
            return cursor.fetchall()
        finally:
            cursor.close()


def table_rows_for(db: Engine, ids: list[int]) -> dict[int, tuple]:
    """These people (those still in the store) as TABLE_COLUMNS tuples, by id."""
    found: dict[int, tuple] = {}
    with db.connect() as conn:
        for chunk in chunked(sorted(set(ids)), 500):  # SQLite caps the number of bound parameters
            marks = ", ".join(f":p{k}" for k in range(len(chunk)))
            statement = text(_table_sql(f"WHERE id IN ({marks})", conn.dialect.name))
            for row in conn.execute(statement, {f"p{k}": pid for k, pid in enumerate(chunk)}):
                found[row[0]] = tuple(row)
    return found
