"""The people table's first page in name order comes from an index: person.ix_person_name_lower holds each person's
name lowered exactly as core.people_index.first_rows orders by it (the SQL of Person.name, lowered by SQLite), so a
million people show their first page in name order without SQLite sorting them all (~1 s → a few ms).

Revision ID: 0011_people_table_name_index
Revises: 0010_smartlist_indexes
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_people_table_name_index"
down_revision = "0010_smartlist_indexes"
branch_labels = None
depends_on = None

# Written out here, as this revision made it (core.models.PERSON_NAME_LOWER is the same expression).
NAME_LOWER = "lower(trim(ifnull(first_name, '') || ' ' || ifnull(last_name, '')))"


def upgrade() -> None:
    # PostgreSQL has no ifnull(); coalesce() means the same there. SQLite keeps ifnull(): its planner uses the index
    # only for a query that writes the expression as the index does (core.people_index does).
    bind = op.get_bind()
    expression = NAME_LOWER if bind.dialect.name == "sqlite" else NAME_LOWER.replace("ifnull(", "coalesce(")
    op.create_index("ix_person_name_lower", "person", [sa.text(expression)])


def downgrade() -> None:
    op.drop_index("ix_person_name_lower", table_name="person")
