"""Who did each flow action (`actor`: the signed-in person's UPN, or "<client id> (application)") on the flow request,
its outbox rows, the trigger event, the membership and automation results; and a connection profile's certificate.

`actor` is NOT NULL with the server default '': rows written before it keep "" (unknown), and trigger events
written before it still verify (the keyed hash includes the actor only when it is not ""). `certificate_file` is
nullable: existing profiles use a client secret or sign a person in.

Revision ID: 0009_actor_and_certificate
Revises: 0008_app_list_unique
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_actor_and_certificate"
down_revision = "0008_app_list_unique"
branch_labels = None
depends_on = None

ACTOR_TABLES = ("flowrequest", "outboxrow", "triggerevent", "membership", "automationresult")


def upgrade() -> None:
    # batch mode: on SQLite, adding a column is a plain ALTER TABLE; dropping one (downgrade) rebuilds the table.
    # server_default fills the existing rows (SQLite and PostgreSQL alike), so NOT NULL holds at once.
    for table in ACTOR_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("actor", sa.String(), nullable=False, server_default=""))
    with op.batch_alter_table("connectionprofile", schema=None) as batch_op:
        batch_op.add_column(sa.Column("certificate_file", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("connectionprofile", schema=None) as batch_op:
        batch_op.drop_column("certificate_file")
    for table in reversed(ACTOR_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("actor")
