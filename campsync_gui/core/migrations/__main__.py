"""`python -m campsync_gui.core.migrations <alembic command>`: Alembic's command line, configured in code.

It runs against a scratch store brought to head (or the store file `--db` names); `revision` without
`--rev-id` numbers the new revision after the head: `0007_what_changes`."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from alembic.config import CommandLine

import sqlalchemy as sa

from . import HEAD, config, upgrade


def next_revision_id(message: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", message.lower()).strip("_") or "revision"
    return f"{int((HEAD or '0')[:4]) + 1:04d}_{slug}"[:32].rstrip("_")  # alembic_version holds 32 characters


def main(argv: list[str] | None = None) -> None:
    cli = CommandLine(prog="python -m campsync_gui.core.migrations")
    cli.parser.add_argument("--db", type=Path, help="the store file to run against (default: a scratch one at head)")
    options = cli.parser.parse_args(argv)
    if not hasattr(options, "cmd"):
        cli.parser.error("too few arguments")
    if options.cmd[0].__name__ == "revision" and options.rev_id is None:
        options.rev_id = next_revision_id(options.message or "")
    with tempfile.TemporaryDirectory() as scratch:
        db_file = options.db
        if db_file is None:
            db_file = Path(scratch) / "head.db"
            scratch_db = sa.create_engine(f"sqlite:///{db_file}")
            with scratch_db.begin() as conn:
                upgrade(conn)
            scratch_db.dispose()
        cfg = config(url=f"sqlite:///{db_file}")
        cfg.cmd_opts = options
        cli.run_cmd(cfg, options)


if __name__ == "__main__":
    main()
