"""The names of the Dynamics marketing lists members come through (listname).

It arrived under schema version 4 without a version bump, so a version-4 file may or may not have it.

Revision ID: 0005_list_names
Revises: 0004_activity_type_at_index
"""

import sqlalchemy as sa
from alembic import op

from campsync_gui.core.migrations import table_exists

revision = "0005_list_names"
down_revision = "0004_activity_type_at_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not table_exists("listname"):
        op.create_table(
            "listname",
            sa.Column("list_id", sa.String(), nullable=False),
            sa.Column("name", sa.String(), nullable=False),
            sa.Column("member_type", sa.String(), nullable=False),
            sa.PrimaryKeyConstraint("list_id"),
        )


def downgrade() -> None:
    op.drop_table("listname")
