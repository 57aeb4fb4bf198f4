"""Schema version 1, CampSync's first release: settings and connection profiles (and schemainfo).

Revision ID: 0001_settings_and_profiles
Revises:
"""

import sqlalchemy as sa
from alembic import op

from campsync_gui.core.migrations import table_exists

revision = "0001_settings_and_profiles"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not table_exists("schemainfo"):
        op.create_table(
            "schemainfo",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("version", sa.Integer(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
    if not table_exists("setting"):
        op.create_table(
            "setting",
            sa.Column("scope", sa.String(), nullable=False),
            sa.Column("key", sa.String(), nullable=False),
            sa.Column("value", sa.String(), nullable=False),
            sa.PrimaryKeyConstraint("scope", "key"),
        )
    if not table_exists("connectionprofile"):
        op.create_table(
            "connectionprofile",
            sa.Column("name", sa.String(), nullable=False),
            sa.Column("org_url", sa.String(), nullable=False),
            sa.Column("tenant_id", sa.String(), nullable=False),
            sa.Column("client_id", sa.String(), nullable=False),
            sa.Column("authority_host", sa.String(), nullable=False),
            sa.Column("ca_bundle", sa.String(), nullable=True),
            sa.Column("environment", sa.String(), nullable=False),
            sa.Column("is_default", sa.Boolean(), nullable=False),
            sa.PrimaryKeyConstraint("name"),
        )


def downgrade() -> None:
    op.drop_table("connectionprofile")
    op.drop_table("setting")
    op.drop_table("schemainfo")
