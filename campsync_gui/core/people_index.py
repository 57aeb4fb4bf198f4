"""The people table's compact index: what the window needs of every person to filter, count and sort a million of
them, without one Python object per cell. The cells themselves are read a page at a time (people.table_rows_for).

Each column of a chunk of people comes back from SQLite as ONE string built by group_concat (SQLite does the work
in C, without holding the GIL) and is split in Python: no row tuples are built, so a million people cost ~200 MB
here instead of ~1 GB of tuples, and the window stays responsive while a thread reads them.

A team's PostgreSQL store gets the same queries in its own words (`_Sql`): coalesce for ifnull, chr for char,
string_agg … ORDER BY id for group_concat, booleans cast to integers. SQLite's SQL is exactly what it was.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import repeat
from operator import itemgetter
from typing import Callable, NamedTuple

from sqlalchemy.engine import Engine

from .models import PERSON_NAME_LOWER, Person


class _Sql(NamedTuple):
    """The words of one database for the SQL below."""

    ifnull: str
    char: str  # the character of a code point
    mark: str  # a positional parameter
    not_indexed: str  # SQLite: read the table itself, in rowid order
    concat: Callable[[str, str | None], str]  # (expression, separator SQL or None for a comma) → aggregate
    as_int: Callable[[str], str]  # a condition as 0 or 1
    name_lower: str  # the expression of the index ix_person_name_lower


def _group_concat(expression: str, separator: str | None) -> str:
    return f"group_concat({expression})" if separator is None else f"group_concat({expression}, {separator})"


_COMMA = "','"


def _string_agg(expression: str, separator: str | None) -> str:
    return f"string_agg(CAST({expression} AS text), {separator or _COMMA} ORDER BY id)"


SQLITE = _Sql("ifnull", "char", "?", " NOT INDEXED", _group_concat, lambda condition: condition, PERSON_NAME_LOWER)
POSTGRESQL = _Sql("coalesce", "chr", "%s", "", _string_agg, lambda condition: f"CAST({condition} AS integer)",
                  PERSON_NAME_LOWER.replace("ifnull(", "coalesce("))  # as migration 0011 made it there


def _sql(db: Engine) -> _Sql:
    return POSTGRESQL if db.dialect.name == "postgresql" else SQLITE

# One byte per person (the window's quick filters): bit 0 a lead, bit 1 a contact, bit 2 linked to a Dynamics
# record, bit 3 a score at or above the threshold asked for. The byte is 64 + bits, so the column is a printable
# ASCII string that group_concat can build.
FLAG_LEAD, FLAG_CONTACT, FLAG_IN_DYNAMICS, FLAG_HIGH_SCORE = 1, 2, 4, 8
FLAG_BASE = 64

_SEP = "\x1e"  # between people in a concatenated column (the record separator: not expected in names or emails)


def _name(sql: _Sql) -> str:
    return f"trim({sql.ifnull}(first_name, '') || ' ' || {sql.ifnull}(last_name, ''))"  # as Person.name


def _search(sql: _Sql) -> str:
    """As core.people's table rows build their search text: the searchable fields joined by U+001F, lowered
    (ASCII)."""
    return "lower(" + f" || {sql.char}(31) || ".join(
        [_name(sql)] + [f"{sql.ifnull}({c}, '')" for c in ("email", "company", "job_title", "country")]) + ")"


def _columns(sql: _Sql) -> dict[str, str]:
    return {"name": _name(sql), "email": "email", "company": "company", "country": "country",
            "score": f"{sql.ifnull}(score, 0)", "search": _search(sql)}


COLUMNS = _columns(SQLITE)  # the names table_column and first_rows take


class TableIndex(NamedTuple):
    """Every person, in id order: `ids` (ascending; a range when they are 1..n without gaps, as usual), `search`
    (the lowered search text of core.people's table rows), `flags` (one byte each, FLAG_*), `names` (the names
    lowered as the search text has them, to sort by name: their casefold() is the name's; None when not asked
    for)."""

    ids: Sequence[int]
    search: list[str]
    flags: bytes
    names: list[str] | None


def flags_of(dynamics_type: str | None, dynamics_id: str | None, score: int | None, high_score: int) -> int:
    """The flag byte of one person, as table_index computes it in SQL."""
    return (FLAG_BASE + (dynamics_type == "lead") * FLAG_LEAD + (dynamics_type == "contact") * FLAG_CONTACT
            + (dynamics_id is not None) * FLAG_IN_DYNAMICS + ((score or 0) >= high_score) * FLAG_HIGH_SCORE)


CHUNK = 100_000  # people read per query: each column of a chunk is one string of a few MB, never one of 70 MB


def table_index(db: Engine, *, high_score: int, with_names: bool = True,
                same_as: Sequence[str] | None = None) -> TableIndex:
    """The compact index of every person, read a chunk of ids at a time. With `with_names`, the names too (taken
    from the search texts, which begin with the name: cheaper than a second column from SQLite).
    `same_as`: the search texts read last time (by position); a text equal to the one at its position is replaced
    by that object, so reading a million people again holds one copy of the unchanged texts, not two."""
    sql = _sql(db)
    is_lead = sql.as_int(f"({sql.ifnull}(dynamics_type, '') = 'lead')")
    is_contact = sql.as_int(f"({sql.ifnull}(dynamics_type, '') = 'contact')")
    in_dynamics = sql.as_int("(dynamics_id IS NOT NULL)")
    high = sql.as_int(f"({sql.ifnull}(score, 0) >= {int(high_score)})")
    flags_sql = (f"{sql.char}({FLAG_BASE} + {is_lead} * {FLAG_LEAD} + {is_contact} * {FLAG_CONTACT}"
                 f" + {in_dynamics} * {FLAG_IN_DYNAMICS} + {high} * {FLAG_HIGH_SCORE})")
    search_sql = _search(sql)
    first, last, count = _one_row(db, f"SELECT min(id), max(id), count(*) FROM {Person.__tablename__}")
    dense = not count or last - first + 1 == count  # ids first..last without gaps (as usual): not read at all
    ids: Sequence[int] = range(first, last + 1) if count else range(0)
    if not dense:
        ids = array("q")
    search: list[str] = []
    names: list[str] | None = [] if with_names else None
    flags = bytearray()
    aggregates = (f"{'NULL' if dense else sql.concat('id', None)}, {sql.concat(search_sql, f'{sql.char}(30)')}, "
                  + sql.concat(flags_sql, "''"))
    for low, ids_text, search_text, flags_text, found in _chunks(db, aggregates, first, last):
        if not dense:
            ids.extend(map(int, ids_text.split(",")))  # type: ignore[union-attr]
        texts = _split(db, search_text, found, search_sql, low)
        held = same_as[len(search):len(search) + len(texts)] if same_as is not None else ()
        if len(held) == len(texts):  # (map stops at the shorter: only when every text has its counterpart)
            texts = list(map(_same_or_new, texts, held))
        if names is not None:  # the name is the search text up to its first field separator (U+001F)
            names.extend(map(itemgetter(0), map(str.partition, texts, repeat("\x1f"))))
        search.extend(texts)
        flags.extend(flags_text.encode("ascii"))
    return TableIndex(ids, search, bytes(flags), names)


def table_column(db: Engine, column: str) -> list:
    """One column of every person, in id order: "name", "email", "company", "country" (str; '' for none),
    "score" (int) or "search" (str)."""
    sql = _sql(db)
    expression = _columns(sql)[column]
    first, last, count = _one_row(db, f"SELECT min(id), max(id), count(*) FROM {Person.__tablename__}")
    values: list = []
    if column == "score":
        for _low, text, found in _chunks(db, sql.concat(expression, None), first, last):
            values.extend(map(int, text.split(",")))
        return values
    for low, text, found in _chunks(db, sql.concat(f"{sql.ifnull}({expression}, '')", f"{sql.char}(30)"), first,
                                    last):
        values.extend(_split(db, text, found, expression, low))
    return values


def _chunks(db: Engine, aggregates: str, first: int | None, last: int | None):
    """(first id of the chunk, *aggregates, people in it) for each non-empty chunk of ids, in id order. NOT INDEXED:
    each chunk is read from the table itself in rowid order (a covering index would hand the rows in its own
    order, and group_concat keeps the order the rows come in; PostgreSQL's string_agg is told the order)."""
    if first is None or last is None:
        return
    sql = _sql(db)
    with db.connect() as conn:
        cursor = conn.connection.cursor()
        try:
            for low in range(first, last + 1, CHUNK):
                cursor.execute(f"SELECT {aggregates}, count(*) FROM {Person.__tablename__}{sql.not_indexed} "
                               f"WHERE id BETWEEN {sql.mark} AND {sql.mark}", (low, low + CHUNK - 1))
                row = cursor.fetchone()
                if row[-1]:
                    yield (low, *row)
        finally:
            cursor.close()


def _same_or_new(new: str, old: str) -> str:
    return old if old == new else new


def _split(db: Engine, text: str | None, count: int, expression: str, low: int) -> list[str]:
    """A chunk's column split into its people; read row by row when someone's text holds the separator."""
    values = text.split(_SEP) if text is not None else []
    if len(values) == count:
        return values
    sql = _sql(db)
    with db.connect() as conn:
        cursor = conn.connection.cursor()
        try:
            cursor.execute(f"SELECT {sql.ifnull}({expression}, '') FROM {Person.__tablename__} "
                           f"WHERE id BETWEEN {sql.mark} AND {sql.mark} ORDER BY id", (low, low + CHUNK - 1))
            return [row[0] for row in cursor]
        finally:
            cursor.close()


def _one_row(db: Engine, sql: str) -> tuple:
    with db.connect() as conn:
        cursor = conn.connection.cursor()
        try:
            cursor.execute(sql)
            return cursor.fetchone()
        finally:
            cursor.close()


def first_rows(db: Engine, *, order_by: str | None, descending: bool, limit: int) -> list[tuple]:
    """The first `limit` people as core.people.TABLE_COLUMNS tuples, by `order_by` (a COLUMNS name, lowered for
    text; None: by id), ties by id: what the window shows while table_index is read."""
    # By name: the expression of the index ix_person_name_lower (migration 0011), so SQLite reads the first page
    # from it instead of sorting everyone.
    sql = _sql(db)
    columns = _columns(sql)
    key = "id" if order_by is None else (columns[order_by] if order_by == "score" else
                                         sql.name_lower if order_by == "name" else
                                         f"lower({sql.ifnull}({columns[order_by]}, ''))")
    direction = "DESC" if descending and order_by is not None else "ASC"
    with db.connect() as conn:
        cursor = conn.connection.cursor()
        try:
            cursor.execute(f"SELECT id, {columns['name']}, email, company, dynamics_type, dynamics_id, "
                           f"{columns['score']}, country, job_title, {columns['search']} "
                           f"FROM {Person.__tablename__} "
                           f"ORDER BY {key} {direction}, id LIMIT {int(limit)}")
            return cursor.fetchall()
        finally:
            cursor.close()
