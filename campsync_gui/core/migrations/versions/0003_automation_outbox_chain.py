"""Schema version 3: trigger and batch campaigns (definitions, results, qualifications, waiting steps) and
the outbox's trigger-campaign `chain`.

Also the undo journal (flowrequest): it arrived under version 2 without a version bump, so only version-3
files are sure to have it; it is made here if missing.

Revision ID: 0003_automation_outbox_chain
Revises: 0002_people_campaigns_outbox
"""

import sqlalchemy as sa
from alembic import op

from campsync_gui.core.migrations import column_exists, table_exists

revision = "0003_automation_outbox_chain"
down_revision = "0002_people_campaigns_outbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not table_exists("flowrequest"):
        op.create_table(
            "flowrequest",
            sa.Column("request_id", sa.String(), nullable=False),
            sa.Column("action", sa.String(), nullable=False),
            sa.Column("campaign_id", sa.String(), nullable=False),
            sa.Column("origin", sa.String(), nullable=False),
            sa.Column("created_at", sa.Float(), nullable=False),
            sa.Column("undo_of", sa.String(), nullable=True),
            sa.Column("undone_by", sa.String(), nullable=True),
            sa.PrimaryKeyConstraint("request_id"),
        )
    if not table_exists("automationcampaign"):
        op.create_table(
            "automationcampaign",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("name", sa.String(), nullable=False),
            sa.Column("kind", sa.String(), nullable=False),
            sa.Column("active", sa.Boolean(), nullable=False),
            sa.Column("definition", sa.String(), nullable=False),
            sa.Column("created_at", sa.Float(), nullable=False),
            sa.Column("updated_at", sa.Float(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("name"),
        )
    if not table_exists("automationresult"):
        op.create_table(
            "automationresult",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("campaign_id", sa.Integer(), nullable=False),
            sa.Column("run_id", sa.String(), nullable=False),
            sa.Column("person_id", sa.Integer(), nullable=False),
            sa.Column("step_index", sa.Integer(), nullable=False),
            sa.Column("step", sa.String(), nullable=False),
            sa.Column("outcome", sa.String(), nullable=False),
            sa.Column("detail", sa.String(), nullable=False),
            sa.Column("at", sa.Float(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_automationresult_person_id", "automationresult", ["person_id"])
        op.create_index("ix_automationresult_campaign_id", "automationresult", ["campaign_id"])
        op.create_index("ix_automationresult_run_id", "automationresult", ["run_id"])
    if not table_exists("qualification"):
        op.create_table(
            "qualification",
            sa.Column("campaign_id", sa.Integer(), nullable=False),
            sa.Column("person_id", sa.Integer(), nullable=False),
            sa.Column("last_at", sa.Float(), nullable=False),
            sa.Column("times", sa.Integer(), nullable=False),
            sa.PrimaryKeyConstraint("campaign_id", "person_id"),
        )
    if not table_exists("waitingstep"):
        op.create_table(
            "waitingstep",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("campaign_id", sa.Integer(), nullable=False),
            sa.Column("person_id", sa.Integer(), nullable=False),
            sa.Column("run_id", sa.String(), nullable=False),
            sa.Column("next_step", sa.Integer(), nullable=False),
            sa.Column("due_at", sa.Float(), nullable=False),
            sa.Column("depth", sa.Integer(), nullable=False),
            sa.Column("chain", sa.String(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_waitingstep_campaign_id", "waitingstep", ["campaign_id"])
        op.create_index("ix_waitingstep_due_at", "waitingstep", ["due_at"])
    if not column_exists("outboxrow", "chain"):
        # SQLite adds a NOT NULL column in place when it has a default: existing rows get '[]' (no chain).
        op.add_column("outboxrow", sa.Column("chain", sa.String(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("outboxrow") as batch:  # SQLite before 3.35 cannot drop a column in place
        batch.drop_column("chain")
    for table in ("waitingstep", "qualification", "automationresult", "automationcampaign", "flowrequest"):
        op.drop_table(table)
