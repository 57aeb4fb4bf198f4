"""Alembic migrations of the local store, carried inside the package (wheel and PyInstaller bundle alike).

`store.open_store` brings every file to `HEAD` through `upgrade()`; no alembic.ini is involved.

To add a revision after changing models.py (writes `versions/NNNN_<slug>.py`, numbered after the head;
review it, then run the store tests: test_migrations compares the migrated schema with models.py):

    .venv/bin/python -m campsync_gui.core.migrations revision --autogenerate -m "what changes"

Any other Alembic command works the same way (`check`: do models.py and the revisions agree? `history`,
`heads`...), against a scratch store at head unless `--db PATH` names a store file.

Revisions 0001-0005 are CampSync's schema versions 1-4 from before Alembic. CampSync then ran
`create_all()` on every open, so an old file may already hold tables of a later version: those revisions
create each table, column and index only if it is missing (`table_exists` and friends). Revisions written
later only ever run on files Alembic has kept, and need no such guards.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from ...language import translate

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

MIGRATIONS_DIR = Path(__file__).parent  # in a PyInstaller bundle: the data files build.spec adds
VERSIONS_DIR = MIGRATIONS_DIR / "versions"

# The newest revision this CampSync knows: version files are named after their revision id, NNNN_slug.py,
# in order (test_migrations checks both), so the last name is the head. Reading it costs a directory
# listing, not an Alembic import: open_store compares it with the file's revision on every start.
HEAD: str | None = max((p.stem for p in VERSIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.py")), default=None)

# The schemainfo.version of files written before Alembic → the revision that reproduces that version.
PRE_ALEMBIC_REVISIONS = {
    1: "0001_settings_and_profiles",
    2: "0002_people_campaigns_outbox",
    3: "0003_automation_outbox_chain",
    4: "0004_activity_type_at_index",
}
# What revision 0006 writes into schemainfo: higher than any CampSync before Alembic knows, so those
# refuse a file they cannot read ("written by a newer CampSync") instead of using it as a version-4 file.
ALEMBIC_SCHEMAINFO_VERSION = 5


def known_revisions() -> set[str]:
    """Every revision this CampSync has a version file for (read off the file names, without importing Alembic)."""
    return {p.stem for p in VERSIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.py")}


class NewerStoreError(RuntimeError):
    """The store file was written by a newer CampSync, whose schema this one does not know."""


def config(connection: Connection | None = None, url: str | None = None) -> Config:
    """Alembic's configuration, built in code: run on `connection` (already in a transaction), or on `url`."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("file_template", "%%(rev)s")  # versions/<revision id>.py, so HEAD can be read off
    if url is not None:
        cfg.set_main_option("sqlalchemy.url", url)
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def upgrade(connection: Connection) -> None:
    """Bring the store on `connection` to HEAD, inside the caller's transaction (which holds the write lock).

    A file without Alembic's version table is new (empty) or from before Alembic: its schemainfo version
    says which revision it is at. A revision or version this CampSync does not know is refused."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = config(connection)
    known = {script.revision for script in ScriptDirectory.from_config(cfg).walk_revisions()}
    current = MigrationContext.configure(connection).get_current_heads()
    for revision in current:
        if revision not in known:
            raise newer_store_error(schema_revision(revision))
    if not current:
        version = _pre_alembic_version(connection)
        if version is not None:
            if version not in PRE_ALEMBIC_REVISIONS:
                raise newer_store_error(translate("Migrations", "schema {version}").format(version=version))
            command.stamp(cfg, PRE_ALEMBIC_REVISIONS[version])
    command.upgrade(cfg, "head")


def schema_revision(revision: str) -> str:
    return translate("Migrations", "schema revision {revision}").format(revision=revision)


def newer_store_error(what: str) -> NewerStoreError:
    return NewerStoreError(translate("Migrations", "This database was written by a newer CampSync ({what}, this "
                                                   "version knows up to {head}). Update CampSync.").format(
        what=what, head=HEAD))


def _pre_alembic_version(connection: Connection) -> int | None:
    """schemainfo's version, or None for a new file. A schemainfo without its row (the old code stopped
    between making the tables and writing it) counts as version 1: the guarded revisions add what is missing."""
    if not sa.inspect(connection).has_table("schemainfo"):
        return None
    version = connection.exec_driver_sql("SELECT version FROM schemainfo WHERE id = 1").scalar()
    return 1 if version is None else int(version)


# ---- guards for the revisions of the versions before Alembic (0001-0005) -----------------------------------

def table_exists(name: str) -> bool:
    from alembic import op

    return sa.inspect(op.get_bind()).has_table(name)


def column_exists(table: str, column: str) -> bool:
    from alembic import op

    return any(c["name"] == column for c in sa.inspect(op.get_bind()).get_columns(table))


def index_exists(table: str, index: str) -> bool:
    from alembic import op

    return any(i["name"] == index for i in sa.inspect(op.get_bind()).get_indexes(table))
