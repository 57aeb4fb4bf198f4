"""The keyed trigger log of a team's store. The events and the chain head are the team's, in the database; the log
key and the signed head file are each node's, in its own CAMPSYNC_HOME, named after the server and the database
(`anchor`). One key per team: the first node to write makes it, the others import it (`campsync log-key --export
FILE` there, `campsync log-key --import FILE` here, or CAMPSYNC_LOG_KEY_FILE). A node without the team's key, or with
another one, is refused before it writes, so it can never fork the chain into two keys. Each node's head file
records the log as that node last wrote it: behind when colleagues wrote since (fine), ahead of the store when
events it saw were removed (found by `verify-log` on that node)."""

from __future__ import annotations

import hmac
import re
from pathlib import Path

from sqlalchemy.engine import URL
from sqlmodel import Session, select

from ..language import translate
from ..paths import AppPaths
from . import log_key
from .log_seal import KEYED_PREFIX
from .models import TriggerEventRecord

TEAM_FOLDER = "team-stores"


def import_hint() -> str:
    """How a node gets the team's log key, in the person's language."""
    return translate("TeamLog", "export the team's key on a node that writes the log (`campsync log-key --export "
                                "FILE`) and import it here (`campsync log-key --import FILE`, or set "
                                "CAMPSYNC_LOG_KEY_FILE to it)")


def anchor(url: URL) -> Path:
    """Where this node's key file (without a keyring) and head file for the store at `url` are named after: not a
    database file, a name in this node's CAMPSYNC_HOME."""
    name = f"{url.host or 'localhost'}-{url.port or 5432}-{url.database or 'postgres'}"
    folder = AppPaths.resolve().home / TEAM_FOLDER
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder / (re.sub(r"[^A-Za-z0-9._-]", "_", name) + ".db")


def check_key_before_append(session: Session, db_path: Path, seq: int, last_hash: str, keyed_hash) -> None:
    """Refuse (LogKeyError) to append to a team's log that is keyed already when this node has no key, or a key
    that does not verify the newest event (another team's, or one made by mistake). `keyed_hash` is
    triggers.keyed_hash (passed in: triggers imports this module)."""
    if not last_hash.startswith(KEYED_PREFIX):
        return  # not keyed yet: this node's key (made now if need be) keys it from here on
    key = log_key.find_key(db_path)
    if key is None:
        raise log_key.LogKeyError(translate("TeamLog", "the team's trigger log is keyed, and this node does not have "
                                                       "the key, so nothing is recorded here until it does: "
                                                       "{hint}").format(hint=import_hint()))
    newest = session.exec(select(TriggerEventRecord).order_by(TriggerEventRecord.id.desc()).limit(1)).first()
    if newest is None or not hmac.compare_digest(keyed_hash(key.hasher(), newest.prev_hash, seq, newest),
                                                 newest.hash):
        raise log_key.LogKeyError(translate("TeamLog", "this node's log key ({id}, from {source}) is not the one the "
                                                       "team's trigger log is keyed with, so nothing is recorded here "
                                                       "until it is: {hint}").format(
            id=key.key_id, source=key.source, hint=import_hint()))
