"""Alembic's environment for the store: runs the revisions on the connection open_store hands over (inside
its transaction), or, for the developer command (`python -m campsync_gui.core.migrations`), on a URL."""

import sqlalchemy as sa
from alembic import context
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString

from campsync_gui.core import models  # noqa: F401  (fills SQLModel.metadata: what autogenerate compares with)

config = context.config


def render_item(type_, obj, autogen_context):
    # SQLModel's str columns are AutoString, a VARCHAR: write them as sa.String in revisions.
    if type_ == "type" and isinstance(obj, AutoString):
        return f"sa.String({obj.length})" if obj.length else "sa.String()"
    return False


def run_migrations(connection) -> None:
    context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True,
                      render_item=render_item)
    with context.begin_transaction():  # no-op when open_store's transaction is already open
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("No --sql (offline) mode: revisions 0001-0005 look at the file before changing it.")
elif (connection := config.attributes.get("connection")) is not None:
    run_migrations(connection)
else:
    db = sa.create_engine(config.get_main_option("sqlalchemy.url"))
    try:
        with db.connect() as conn:
            run_migrations(conn)
            conn.commit()
    finally:
        db.dispose()
