"""Schema version 2: people and their activity, campaigns, app lists, memberships, the outbox, the trigger
log and its chain head.

Version-1 files written by the first sync-engine builds already hold most of these tables (the models
defined them and create_all() made them), so each is made only if missing.

Revision ID: 0002_people_campaigns_outbox
Revises: 0001_settings_and_profiles
"""

import sqlalchemy as sa
from alembic import op

from campsync_gui.core.migrations import table_exists

revision = "0002_people_campaigns_outbox"
down_revision = "0001_settings_and_profiles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not table_exists("person"):
        op.create_table(
            "person",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("first_name", sa.String(), nullable=False),
            sa.Column("last_name", sa.String(), nullable=False),
            sa.Column("email", sa.String(), nullable=True),
            sa.Column("company", sa.String(), nullable=True),
            sa.Column("job_title", sa.String(), nullable=True),
            sa.Column("country", sa.String(), nullable=True),
            sa.Column("score", sa.Integer(), nullable=False),
            sa.Column("dynamics_type", sa.String(), nullable=True),
            sa.Column("dynamics_id", sa.String(), nullable=True),
            sa.Column("created_at", sa.Float(), nullable=False),
            sa.Column("updated_at", sa.Float(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_person_dynamics_id", "person", ["dynamics_id"])
        op.create_index("ix_person_email", "person", ["email"], unique=True)
    if not table_exists("campaign"):
        op.create_table(
            "campaign",
            sa.Column("id", sa.String(), nullable=False),
            sa.Column("name", sa.String(), nullable=False),
            sa.Column("code", sa.String(), nullable=True),
            sa.Column("statecode", sa.Integer(), nullable=False),
            sa.Column("statuscode", sa.Integer(), nullable=False),
            sa.Column("refreshed_at", sa.Float(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
    if not table_exists("applist"):
        op.create_table(
            "applist",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("campaign_id", sa.String(), nullable=False),
            sa.Column("member_type", sa.String(), nullable=False),
            sa.Column("name", sa.String(), nullable=False),
            sa.Column("dynamics_list_id", sa.String(), nullable=True),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_applist_campaign_id", "applist", ["campaign_id"])
    if not table_exists("triggerevent"):
        op.create_table(
            "triggerevent",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("trigger", sa.String(), nullable=False),
            sa.Column("person_id", sa.Integer(), nullable=False),
            sa.Column("email", sa.String(), nullable=True),
            sa.Column("campaign_id", sa.String(), nullable=False),
            sa.Column("campaign_name", sa.String(), nullable=False),
            sa.Column("origin", sa.String(), nullable=False),
            sa.Column("request_id", sa.String(), nullable=False),
            sa.Column("outbox_id", sa.Integer(), nullable=True),
            sa.Column("at", sa.Float(), nullable=False),
            sa.Column("prev_hash", sa.String(), nullable=False),
            sa.Column("hash", sa.String(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("outbox_id"),
        )
        op.create_index("ix_triggerevent_campaign_id", "triggerevent", ["campaign_id"])
        op.create_index("ix_triggerevent_person_id", "triggerevent", ["person_id"])
    if not table_exists("chainhead"):
        op.create_table(
            "chainhead",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("seq", sa.Integer(), nullable=False),
            sa.Column("last_hash", sa.String(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
    if not table_exists("activity"):
        op.create_table(
            "activity",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("person_id", sa.Integer(), nullable=False),
            sa.Column("type", sa.String(), nullable=False),
            sa.Column("detail", sa.String(), nullable=False),
            sa.Column("at", sa.Float(), nullable=False),
            sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_activity_person_id", "activity", ["person_id"])
        op.create_index("ix_activity_type", "activity", ["type"])
    if not table_exists("membership"):
        op.create_table(
            "membership",
            sa.Column("person_id", sa.Integer(), nullable=False),
            sa.Column("campaign_id", sa.String(), nullable=False),
            sa.Column("list_id", sa.String(), nullable=False),
            sa.Column("source", sa.String(), nullable=False),
            sa.Column("added_at", sa.Float(), nullable=False),
            sa.Column("origin", sa.String(), nullable=False),
            sa.Column("request_id", sa.String(), nullable=True),
            sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
            sa.PrimaryKeyConstraint("person_id", "campaign_id", "list_id"),
        )
        op.create_index("ix_membership_campaign_id", "membership", ["campaign_id"])
    if not table_exists("outboxrow"):
        op.create_table(  # without `chain`: revision 0003 adds it
            "outboxrow",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("action", sa.String(), nullable=False),
            sa.Column("campaign_id", sa.String(), nullable=False),
            sa.Column("person_id", sa.Integer(), nullable=False),
            sa.Column("state", sa.String(), nullable=False),
            sa.Column("attempts", sa.Integer(), nullable=False),
            sa.Column("last_error", sa.String(), nullable=True),
            sa.Column("outcome", sa.String(), nullable=True),
            sa.Column("reason", sa.String(), nullable=True),
            sa.Column("idempotency_key", sa.String(), nullable=False),
            sa.Column("request_id", sa.String(), nullable=False),
            sa.Column("origin", sa.String(), nullable=False),
            sa.Column("depth", sa.Integer(), nullable=False),
            sa.Column("claimed_by", sa.String(), nullable=True),
            sa.Column("created_at", sa.Float(), nullable=False),
            sa.Column("claimed_at", sa.Float(), nullable=True),
            sa.Column("sent_at", sa.Float(), nullable=True),
            sa.Column("done_at", sa.Float(), nullable=True),
            sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("idempotency_key"),
        )
        op.create_index("ix_outboxrow_person_id", "outboxrow", ["person_id"])
        op.create_index("ix_outboxrow_request_id", "outboxrow", ["request_id"])
        op.create_index("ix_outboxrow_campaign_id", "outboxrow", ["campaign_id"])
        op.create_index("ix_outboxrow_state", "outboxrow", ["state"])


def downgrade() -> None:
    for table in ("outboxrow", "membership", "activity", "chainhead", "triggerevent", "applist", "campaign",
                  "person"):
        op.drop_table(table)  # dropping a table drops its indexes
