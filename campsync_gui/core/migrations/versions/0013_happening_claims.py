"""Trigger campaigns run once per team: happeningclaim holds the key of each happening two nodes could both see (a
value changed in Dynamics, found by two pulls at once), claimed by the node that runs its trigger campaigns.

Revision ID: 0013_happening_claims
Revises: 0012_team_notify
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_happening_claims"
down_revision = "0012_team_notify"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "happeningclaim",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("node", sa.String(), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_happeningclaim_at", "happeningclaim", ["at"])


def downgrade() -> None:
    op.drop_index("ix_happeningclaim_at", table_name="happeningclaim")
    op.drop_table("happeningclaim")
