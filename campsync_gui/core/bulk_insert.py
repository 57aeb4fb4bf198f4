"""Many rows into one table in one driver call (executemany), on SQLite and PostgreSQL alike.

`session.execute(insert(table), rows)` has SQLAlchemy build and convert each row's parameters in Python: about a
tenth of the engine's local time in a 10,000-person drop, which writes 30,000 rows (queue, memberships, trigger
events). The rows here are plain dicts of plain values (numbers, text, None: no type conversion to do), so the
statement is written once per table and shape and the dicts go to the driver as they are, inside the caller's
transaction."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import Table, literal


def insert_many(session_or_connection: Any, table: Table, rows: list[dict], *, conflict: tuple[str, ...] = (),
                update: tuple[str, ...] = ()) -> None:
    """INSERT `rows` (dicts with the same keys) into `table`. With `conflict` (the columns of a unique key), a row
    whose key exists updates the `update` columns instead (nothing when `update` is empty): an upsert."""
    if not rows:
        return
    connection = (session_or_connection if hasattr(session_or_connection, "exec_driver_sql")
                  else session_or_connection.connection())  # a Session: its connection, in its transaction
    statement = _statement(connection.dialect, table, tuple(rows[0]), conflict, update)
    connection.exec_driver_sql(statement, rows)


@lru_cache(maxsize=64)
def _statement(dialect, table: Table, columns: tuple[str, ...], conflict: tuple[str, ...],
               update: tuple[str, ...]) -> str:
    quote = dialect.identifier_preparer.quote
    percent_style = dialect.paramstyle in ("pyformat", "format")
    if percent_style:
        values = [f"%({name})s" for name in columns]
    else:  # qmark / named: sqlite3 takes :name with a dict whatever its default style
        values = [f":{name}" for name in columns]
    names = list(columns)
    for column in table.columns:  # what SQLAlchemy's insert() would fill in: the model's defaults, as literals
        if column.name in columns or column.default is None:
            continue
        if not column.default.is_scalar:
            raise ValueError(f"insert_many: give {table.name}.{column.name} (its default is computed per row)")
        names.append(column.name)
        text = str(literal(column.default.arg, column.type).compile(dialect=dialect,
                                                                    compile_kwargs={"literal_binds": True}))
        values.append(text.replace("%", "%%") if percent_style else text)
    sql = f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in names)}) VALUES ({', '.join(values)})"
    if conflict:
        target = ", ".join(quote(c) for c in conflict)
        if update:
            sql += f" ON CONFLICT ({target}) DO UPDATE SET " + ", ".join(
                f"{quote(c)} = excluded.{quote(c)}" for c in update)
        else:
            sql += f" ON CONFLICT ({target}) DO NOTHING"
    return sql
