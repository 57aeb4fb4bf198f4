"""Smart lists count from plain columns and indexes: folded copies of the text they filter on
(person.folded_first_name, folded_last_name, folded_name, folded_email, folded_company, folded_job_title,
folded_country; activity.folded_detail), filled here for the existing rows; person indexes for the filters (every
compared field in one, country first; the folded name; created_at; dynamics_type); and 0004's activity index
widened with folded_detail, so an activity filter is answered from the index alone.

The copies are NOT NULL with the server default '' (so ADD COLUMN needs no table rebuild); the rows are then folded
by core.folded_text.fold, the definition every later write uses. On SQLite one UPDATE a table does it (ASCII text
in SQL, the rest through fold registered as a function): 200,000 people and 1,000,000 activities in ~10 s.
Elsewhere the rows are read and written back in batches.

Revision ID: 0010_smartlist_indexes
Revises: 0009_actor_and_certificate
"""

import functools

import sqlalchemy as sa
from alembic import op

from campsync_gui.core.folded_text import fold, fold_name

revision = "0010_smartlist_indexes"
down_revision = "0009_actor_and_certificate"
branch_labels = None
depends_on = None

# table → (source column → folded copy); written out here, as this revision made them
FOLDED = {
    "person": {"first_name": "folded_first_name", "last_name": "folded_last_name", "email": "folded_email",
               "company": "folded_company", "job_title": "folded_job_title", "country": "folded_country"},
    "activity": {"detail": "folded_detail"},
}
NAME = "folded_name"  # person: both name parts folded, joined by a space when both are there
PERSON_INDEXES = {
    "ix_person_smartlist": ["folded_country", "dynamics_type", "score", "created_at", "folded_job_title",
                            "folded_company", "folded_name", "folded_email", "folded_first_name", "folded_last_name"],
    "ix_person_folded_name": ["folded_name"], "ix_person_created_at": ["created_at"],
    "ix_person_dynamics_type": ["dynamics_type"],
}
BATCH = 20_000
_SQL_FOLD = "campsync_migration_fold"
_ASCII_WHITESPACE = "".join(chr(i) for i in range(128) if chr(i).isspace())  # what str.strip() strips in ASCII


def upgrade() -> None:
    for table, pairs in FOLDED.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for folded in (*pairs.values(), NAME) if table == "person" else pairs.values():
                batch_op.add_column(sa.Column(folded, sa.String(), nullable=False, server_default=""))
    bind = op.get_bind()
    for table, pairs in FOLDED.items():
        if bind.dialect.name == "sqlite":
            fill_sqlite(bind, table, pairs)
        else:
            fill_in_batches(bind, table, pairs)
    for name, columns in PERSON_INDEXES.items():
        op.create_index(name, "person", columns)
    op.drop_index("ix_activity_type_at_person", table_name="activity")
    op.create_index("ix_activity_type_at_person_detail", "activity", ["type", "at", "person_id", "folded_detail"])


def downgrade() -> None:
    op.drop_index("ix_activity_type_at_person_detail", table_name="activity")
    op.create_index("ix_activity_type_at_person", "activity", ["type", "at", "person_id"])
    for name in reversed(PERSON_INDEXES):
        op.drop_index(name, table_name="person")
    for table, pairs in reversed(FOLDED.items()):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for folded in (NAME, *reversed(pairs.values())) if table == "person" else pairs.values():
                batch_op.drop_column(folded)


def fill_sqlite(bind: sa.engine.Connection, table: str, pairs: dict[str, str]) -> None:
    """One UPDATE a table: ASCII text lower-cased and trimmed by SQLite (fold's own fast path), the rest folded in
    Python (each distinct value once)."""
    bind.connection.driver_connection.create_function(_SQL_FOLD, 1, functools.lru_cache(maxsize=65536)(fold),
                                                      deterministic=True)
    whitespace = "'" + _ASCII_WHITESPACE + "'"

    def folded(source: str) -> str:
        return (f"CASE WHEN {source} IS NULL THEN '' "
                f"WHEN length({source}) = length(CAST({source} AS BLOB)) THEN trim(lower({source}), {whitespace}) "
                f"ELSE {_SQL_FOLD}({source}) END")

    sets = [f"{copy} = {folded(source)}" for source, copy in pairs.items()]
    if table == "person":  # the parts are folded, so stripped: trim() only drops the space next to an empty one
        sets.append(f"{NAME} = trim({folded('first_name')} || ' ' || {folded('last_name')})")
    bind.exec_driver_sql(f"UPDATE {table} SET {', '.join(sets)}")


def fill_in_batches(bind: sa.engine.Connection, table: str, pairs: dict[str, str]) -> None:
    """Any database: read BATCH rows at a time by id, fold them in Python (person: the name too), write them back."""
    copies = {**pairs, **({"": NAME} if table == "person" else {})}  # source → copy; the name has no one source
    sources = list(pairs)
    rows = sa.table(table, sa.column("id"), *(sa.column(name) for name in (*sources, *copies.values())))
    read = sa.select(rows.c.id, *(rows.c[source] for source in sources)).order_by(rows.c.id).limit(BATCH)
    write = (rows.update().where(rows.c.id == sa.bindparam("row_id"))
             .values({folded: sa.bindparam(f"new_{folded}") for folded in copies.values()}))

    def folded_row(row: sa.Row) -> dict:
        values = dict(zip(sources, row[1:]))
        out = {"row_id": row[0], **{f"new_{pairs[source]}": fold(value) for source, value in values.items()}}
        if table == "person":
            out[f"new_{NAME}"] = fold_name(values["first_name"], values["last_name"])
        return out

    last = None
    while True:
        batch = bind.execute(read if last is None else read.where(rows.c.id > last)).all()
        if not batch:
            return
        bind.execute(write, [folded_row(row) for row in batch])
        last = batch[-1][0]
