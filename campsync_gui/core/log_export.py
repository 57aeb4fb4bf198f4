"""The trigger log taken out of the store: an export with its hashes and signed head, and the log key handed between
the nodes of a team (`campsync log --export`, `campsync log-key --export | --import`)."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select, update

from ..language import translate
from . import log_key, log_seal, triggers
from .models import ChainHead, TriggerEventRecord
from .transactions import transaction

EXPORT_FORMAT = "campsync-log-export-1"


def _db_path(db: Engine) -> Path:
    path = triggers.store_path(db)
    if path is None:
        raise log_key.LogKeyError(translate("LogExport", "this store is in memory: it has no log key"))
    return path


def export_log(db: Engine, path: Path | str) -> dict:
    """Write every event with its hashes, the chain head in the store and the signed head file to `path` (JSON,
    readable by its owner only: it holds names and emails). Keep it: it pins the log as it was, which a later copy
    of the store and head file put back together cannot change. Returns a summary."""
    db_path = triggers.store_path(db)
    log_seal.flush()
    with Session(db) as session:
        head = session.get(ChainHead, 1)
        rows = [triggers.TriggerEvent.of_record(row)
                for row in session.exec(select(TriggerEventRecord).order_by(TriggerEventRecord.id))]
    head_file = None
    if db_path is not None:
        try:
            head_file = json.loads(log_seal.head_path(db_path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            head_file = None
    data = {"format": EXPORT_FORMAT, "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "count": len(rows),
            "chain_head": {"seq": head.seq if head else 0, "last_hash": head.last_hash if head else ""},
            "head_file": head_file,
            "events": [{**event.to_dict(), "prev_hash": event.prev_hash, "hash": event.hash} for event in rows]}
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
    return {"file": str(path), "count": len(rows), "head_file": head_file}


def key_info(db: Engine) -> dict:
    """Where this store's log key is, and its id (never the key)."""
    db_path = _db_path(db)
    key = log_key.find_key(db_path)
    return {"key_id": key.key_id if key else None, "key_source": key.source if key else None,
            "looked_in": log_key.places(db_path), "head_file": str(log_seal.head_path(db_path))}


def _with_key(db: Engine, secret: bytes | None) -> log_key.LogKey:
    """Inside the store's write lock: keep `secret` as the store's key (or make one), and seal the head file for
    the events already there, as the first keyed write would."""
    db_path = _db_path(db)

    def work(session: Session) -> log_key.LogKey:
        session.exec(update(ChainHead).where(ChainHead.id == 1).values(seq=ChainHead.seq))  # the write lock
        head = session.get(ChainHead, 1)
        if secret is not None and log_key.find_key(db_path) is None:
            key, made_now = log_key.store_key(db_path, secret), True
        else:
            key, made_now = log_seal.key_for_writing(db_path)
        seq, last_hash = (head.seq, head.last_hash) if head else (0, "")
        log_seal.before_append(session, db_path, key, made_now, seq, last_hash,
                               lambda event_id: session.exec(select(TriggerEventRecord.hash)
                                                             .where(TriggerEventRecord.id == event_id)).first())
        return key

    return transaction(db, work)


def export_key(db: Engine, path: Path | str) -> dict:
    """Write this store's log key (made now if it has none) to a new file, mode 0600: what a team's admin hands
    to every node (`campsync log-key --import FILE`, or CAMPSYNC_LOG_KEY_FILE=FILE)."""
    key = _with_key(db, None)
    log_key.write_key_file(Path(path), key.secret)
    return {"file": str(path), "key_id": key.key_id, "key_source": key.source}


def import_key(db: Engine, path: Path | str) -> dict:
    """Make the key in `path` this store's log key. Refused when the store already has another key (its keyed
    events could no longer be checked) or when CAMPSYNC_LOG_KEY_FILE names the key."""
    db_path = _db_path(db)
    if log_key.env_key_file() is not None:
        raise log_key.LogKeyError(translate("LogExport", "{variable} is set: the file it names is this store's log "
                                                         "key; unset it to import a key").format(
            variable=log_key.KEY_FILE_ENV))
    secret = log_key.read_key_file(Path(path))
    current = log_key.find_key(db_path)
    if current is not None and current.secret != secret:
        raise log_key.LogKeyError(translate("LogExport", "this store already has a log key (id {id}, in {source}); "
                                                         "its events are signed with it, so another key cannot "
                                                         "replace it").format(id=current.key_id, source=current.source))
    key = _with_key(db, secret)
    return {"file": str(path), "key_id": key.key_id, "key_source": key.source}
