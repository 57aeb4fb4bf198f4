"""From here on Alembic keeps the schema; schemainfo stays, holding 5, so that a CampSync from before
Alembic (which knows versions up to 4) refuses the file as written by a newer CampSync instead of using it.

Revision ID: 0006_schemainfo_guard
Revises: 0005_list_names
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_schemainfo_guard"
down_revision = "0005_list_names"
branch_labels = None
depends_on = None

schemainfo = sa.table("schemainfo", sa.column("id", sa.Integer()), sa.column("version", sa.Integer()))


def upgrade() -> None:
    op.execute(schemainfo.delete())
    op.bulk_insert(schemainfo, [{"id": 1, "version": 5}])


def downgrade() -> None:
    op.execute(schemainfo.update().values(version=4))
