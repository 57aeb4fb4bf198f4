"""A team's PostgreSQL store tells every CampSync connected to it that the queue or the trigger log changed: a
statement-level trigger on outboxrow and triggerevent sends NOTIFY campsync, '<table>' (delivered when the writing
transaction commits, by whichever node, CampSync version or tool wrote). Windows listen (core.team_watch) and show
colleagues' activity within a second. Nothing to do on SQLite: one person's file has no other listeners.

Revision ID: 0012_team_notify
Revises: 0011_people_table_name_index
"""

from alembic import op

revision = "0012_team_notify"
down_revision = "0011_people_table_name_index"
branch_labels = None
depends_on = None

CHANNEL = "campsync"  # core.team_watch.CHANNEL
TABLES = {"outboxrow": "INSERT OR UPDATE OR DELETE", "triggerevent": "INSERT"}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"""
        CREATE OR REPLACE FUNCTION campsync_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
            RETURN NULL;
        END $$""")
    for table, events in TABLES.items():
        op.execute(f"CREATE TRIGGER campsync_notify_{table} AFTER {events} ON {table} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION campsync_notify()")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS campsync_notify_{table} ON {table}")
    op.execute("DROP FUNCTION IF EXISTS campsync_notify()")
