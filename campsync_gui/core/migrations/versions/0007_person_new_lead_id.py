"""The leadid CampSync chose for a person it creates in Dynamics, kept until the lead is linked (person.new_lead_id).

Written before the create request leaves, so that every attempt (after a timeout, a lost answer, a crash) sends
the same id and the org can make the lead only once. A nullable column: existing people need no value.

Revision ID: 0007_person_new_lead_id
Revises: 0006_schemainfo_guard
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_person_new_lead_id"
down_revision = "0006_schemainfo_guard"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch mode: on SQLite, adding a column is a plain ALTER TABLE; dropping one (downgrade) rebuilds the table.
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("new_lead_id", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("new_lead_id")
