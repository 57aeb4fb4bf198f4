"""One row per campaign and member type in app_list: a unique index, so two writers sharing a store (the window and
`campsync`, two commands at once) cannot record two "CampSync lists" for one campaign.

Older stores may hold such doubles; the newest row of each pair is kept (the last one recorded), the others go.

Revision ID: 0008_app_list_unique
Revises: 0007_person_new_lead_id
"""

from alembic import op

revision = "0008_app_list_unique"
down_revision = "0007_person_new_lead_id"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM applist WHERE id NOT IN "
               "(SELECT MAX(id) FROM applist GROUP BY campaign_id, member_type)")
    op.create_index("ux_applist_campaign_member_type", "applist", ["campaign_id", "member_type"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_applist_campaign_member_type", table_name="applist")
