"""Keeping the org's tables in a JSON file (org-state.json) between runs, and reading them back."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from ..paths import ENFORCED, PRIVATE_FILE, make_private_folder
from .tables import STORED_SETS, OrgTables, index_members

log = logging.getLogger(__name__)
STATE_FORMAT = 1  # of the saved file


def dump(seed: int, tables: OrgTables) -> str:
    """The file's text; the caller holds the state's lock, so the tables cannot change halfway."""
    data = {"format": STATE_FORMAT, "seed": seed, "tables": tables.rows,
            "campaign_lists": tables.campaign_lists, "prerequisite_id": tables.prerequisite_id,
            "version": tables.version}
    return json.dumps(data, separators=(",", ":"))


def write(path: Path, text: str) -> None:
    """Replace the file atomically: a crash mid-write leaves the previous run's records in place."""
    path = Path(path)
    make_private_folder(path.parent, tighten_existing=False)  # a new folder is private; a chosen one is left be
    partial = path.with_name(path.name + ".partial")
    # The org's people (names, emails): readable by the owner only, whatever the umask; the rename keeps the mode.
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    try:
        if ENFORCED:
            os.fchmod(fd, PRIVATE_FILE)
        handle = open(fd, "w", encoding="utf-8")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        handle.write(text)
        handle.flush()
        # On disk before the rename: after a power cut the name must not point at an empty file.
        os.fsync(handle.fileno())
    os.replace(partial, path)
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder, and NTFS journals renames."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the file's own fsync still happened
    finally:
        os.close(fd)


def read(path: Path, seed: int) -> OrgTables | None:
    """What `dump` wrote, if it was saved from the same seed; None (and the seeded data stays) otherwise."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("format") != STATE_FORMAT or data.get("seed") != seed:
            log.warning("sandbox state in %s is from another seed or format: starting from the seed", path)
            return None
        rows = {name: dict(data["tables"][name]) for name in STORED_SETS}
        members = index_members(rows["lists"], rows["listmembers"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("sandbox state in %s is unreadable (%s): starting from the seed", path, exc)
        return None
    return OrgTables(
        rows=rows,
        campaign_lists={k: list(v) for k, v in data["campaign_lists"].items()},
        prerequisite_id=data["prerequisite_id"],
        version=int(data["version"]),
        members=members,
    )
