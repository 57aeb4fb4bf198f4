"""Schema version 4: index activity (type, at, person_id) for smart lists' activity filters.

Revision ID: 0004_activity_type_at_index
Revises: 0003_automation_outbox_chain
"""

from alembic import op

from campsync_gui.core.migrations import index_exists

revision = "0004_activity_type_at_index"
down_revision = "0003_automation_outbox_chain"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not index_exists("activity", "ix_activity_type_at_person"):
        op.create_index("ix_activity_type_at_person", "activity", ["type", "at", "person_id"])


def downgrade() -> None:
    op.drop_index("ix_activity_type_at_person", table_name="activity")
