"""Trigger events Added to / Removed from Microsoft Campaign: one typed event, from the engine's confirmation to the
log panel, the automation runner and the exports, and the append-only log they are kept in, chained by hashes."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select, update

from ..language import plural, translate
from . import log_key, log_seal, team_log
from .bulk_insert import insert_many
from .log_seal import KEYED_PREFIX
from .models import ChainHead, TriggerEventRecord

ADDED = "added_to_microsoft_campaign"
REMOVED = "removed_from_microsoft_campaign"
TRIGGER_LABELS = {ADDED: "Added to Microsoft Campaign", REMOVED: "Removed from Microsoft Campaign"}  # --json: English


def trigger_label(trigger: str) -> str:
    """The trigger's name for a person to read, in their language (Marketo's French names in French)."""
    if trigger == ADDED:
        return translate("Triggers", "Added to Microsoft Campaign")
    if trigger == REMOVED:
        return translate("Triggers", "Removed from Microsoft Campaign")
    return trigger

_COLUMNS = [c.name for c in TriggerEventRecord.__table__.columns]
_STORED = [name for name in _COLUMNS if name != "id"]


@dataclass(slots=True)
class TriggerEvent:
    """One confirmed Added to / Removed from Microsoft Campaign. A plain record, not an ORM object: a confirmed
    batch makes hundreds, and building ORM objects cost more than writing them."""

    trigger: str  # ADDED / REMOVED
    person_id: int
    email: str | None
    campaign_id: str
    campaign_name: str
    origin: str
    request_id: str
    outbox_id: int | None
    at: float  # epoch seconds
    # Who did the flow action: the signed-in person's UPN, or "<client id> (application)"; "" when unknown
    # (events from before CampSync recorded it).
    actor: str = ""
    prev_hash: str = ""
    hash: str = ""
    id: int | None = None
    # Not stored: the chain of trigger campaigns that led here, so a campaign that feeds itself is stopped.
    depth: int = 0
    chain: tuple[int, ...] = ()

    @property
    def label(self) -> str:
        return TRIGGER_LABELS.get(self.trigger, self.trigger)

    @property
    def time(self) -> datetime:
        return datetime.fromtimestamp(self.at, tz=timezone.utc)

    def to_dict(self) -> dict:
        """The event as `campsync log --json` and exports give it: stable English keys (scripts rely on them)."""
        return {"id": self.id, "trigger": self.trigger, "trigger_label": self.label, "person_id": self.person_id,
                "email": self.email, "campaign_id": self.campaign_id, "campaign": self.campaign_name,
                "origin": self.origin, "request_id": self.request_id,
                "time": self.time.isoformat(timespec="milliseconds"), "actor": self.actor}

    @classmethod
    def of_record(cls, row: TriggerEventRecord) -> "TriggerEvent":
        return cls(**{name: getattr(row, name) for name in _STORED}, id=row.id)


# json.dumps with a non-default option builds a new encoder on every call; one encoder, same text, for 10,000 hashes
# per drop.
_payload_json = json.JSONEncoder(ensure_ascii=False).encode


def event_hash(prev_hash: str, event: TriggerEvent) -> str:
    """The unkeyed hash of events written before the log was keyed (CampSync before issue 13): anyone can recompute
    it, so it only finds careless edits. Kept to check those older events."""
    payload = [prev_hash, event.trigger, event.person_id, event.email, event.campaign_id, event.campaign_name,
               event.origin, event.request_id, event.outbox_id, repr(float(event.at)), *_actor(event)]
    return hashlib.sha256(_payload_json(payload).encode("utf-8")).hexdigest()


def keyed_hash(hasher, prev_hash: str, seq: int, event: TriggerEvent) -> str:
    """An event's hash keyed with the log key (HMAC-SHA256; `hasher` = LogKey.hasher()): over the hash before it,
    its position in the log (1 = first) and what it says. Without the key it cannot be recomputed."""
    payload = [prev_hash, seq, event.trigger, event.person_id, event.email, event.campaign_id, event.campaign_name,
               event.origin, event.request_id, event.outbox_id, repr(float(event.at)), *_actor(event)]
    mac = hasher.copy()
    mac.update(_payload_json(payload).encode("utf-8"))
    return KEYED_PREFIX + mac.hexdigest()


def _actor(event) -> list[str]:
    """The actor's part of a hashed payload: nothing when unknown, so every event written before CampSync recorded
    actors hashes (and verifies) exactly as it did; otherwise the actor, so changing who did it breaks the chain."""
    return [event.actor] if event.actor else []


def store_path(bind) -> Path | None:
    """The store's file (where its key and head file are named after), None for a store in memory. A team's store on
    a server has no file: its key and head file are this node's, named after the server (team_log.anchor)."""
    url = getattr(bind, "url", None)
    if getattr(getattr(bind, "dialect", None), "name", "sqlite") != "sqlite":
        return team_log.anchor(url) if url is not None else None
    database = getattr(url, "database", None)
    return Path(database) if database and database != ":memory:" else None


def append_events(session: Session, events: list[TriggerEvent]) -> list[TriggerEvent]:
    """Chain and add `events` inside the caller's transaction (which also writes what they report); the head file
    beside the store is sealed once that transaction commits."""
    if not events:
        return events
    # The UPDATE comes first: it takes SQLite's write lock, so no other writer can slip an event in
    # between reading the head and writing after it.
    result = session.exec(update(ChainHead).where(ChainHead.id == 1).values(seq=ChainHead.seq + len(events)))
    if result.rowcount == 0:
        session.add(ChainHead(id=1, seq=len(events), last_hash=""))
        session.flush()
    head = session.get(ChainHead, 1)
    session.refresh(head)
    seq = head.seq - len(events)  # events before these
    prev = head.last_hash
    db_path = store_path(session.get_bind())
    key = keyed_from = alarm = None
    if db_path is not None:
        team = session.get_bind().dialect.name != "sqlite"
        if team:
            team_log.check_key_before_append(session, db_path, seq, prev, keyed_hash)
        key, made_now = log_seal.key_for_writing(db_path)
        # A team node's head file records what this node has seen, so its first write finds none (its key was
        # checked against the newest event just above): that starts its head file, it is no sign of removal.
        keyed_from, alarm = log_seal.before_append(
            session, db_path, key, made_now or team, seq, prev,
            lambda event_id: session.exec(select(TriggerEventRecord.hash)
                                          .where(TriggerEventRecord.id == event_id)).first())
    hasher = key.hasher() if key is not None else None
    for position, event in enumerate(events, start=seq + 1):
        event.prev_hash = prev
        event.hash = keyed_hash(hasher, prev, position, event) if hasher else event_hash(prev, event)
        prev = event.hash
    # The events take the ids after the newest one: appends are serialised by the UPDATE above, so no other writer
    # can take them. One plain executemany, without the RETURNING that cost a third of a drop's confirmation.
    first_id = (session.exec(select(func.max(TriggerEventRecord.id))).one() or 0) + 1
    for new_id, event in enumerate(events, start=first_id):
        event.id = new_id
    insert_many(session, TriggerEventRecord.__table__,
                [{name: getattr(event, name) for name in _COLUMNS} for event in events])
    head.last_hash = prev
    session.add(head)
    if key is not None:
        log_seal.seal_after_commit(session, db_path, key, log_seal.Seal(
            head.seq, events[-1].id, prev, keyed_from, key.key_id, alarm))
    return events


def recent(db: Engine, limit: int | None = None) -> list[TriggerEvent]:
    """The newest `limit` events (all without a limit), oldest first."""
    query = select(TriggerEventRecord).order_by(TriggerEventRecord.id.desc())
    if limit:
        query = query.limit(limit)
    with Session(db) as session:
        return [TriggerEvent.of_record(row) for row in reversed(session.exec(query).all())]


def after(db: Engine, last_id: int) -> list[TriggerEvent]:
    """Events written after the event `last_id`, oldest first (what `campsync log --follow` polls)."""
    with Session(db) as session:
        rows = session.exec(select(TriggerEventRecord).where(TriggerEventRecord.id > last_id)
                            .order_by(TriggerEventRecord.id))
        return [TriggerEvent.of_record(row) for row in rows]


# What verify-log can and cannot find, said with every answer (and in the README, in the same words).
DETECTS = (
    "an event changed, inserted, removed or moved anywhere in the log",
    "the newest events removed, or every event removed, even when the chain head in the store was changed to match "
    "(the head file outside the store, signed with the log key, still records them)",
    "hashes recomputed after a change by anyone who does not hold the log key",
    "a head file that is missing, changed, or signed with another key",
)
CANNOT_DETECT = (
    "a rewrite by someone who holds the log key (who can read the keyring entry or the key file): they can sign "
    "changed events and a new head file",
    "the store and its head file put back together to an earlier copy, or both deleted (a restored backup looks "
    "like an intact, shorter log; a deleted one like a new store): compare with the head recorded in an earlier "
    "export (`campsync log --export`)",
    "with the key file beside the store (no system keyring), a change by anyone who can read the data folder",
    "a change to events written before the log was keyed (older CampSync versions) made before this version first "
    "wrote to the store: those events are checked as a plain hash chain",
    "events that were never written: CampSync stopped before recording what Dynamics confirmed",
)


def detects() -> list[str]:
    """DETECTS in the person's language (the constant stays English: --json and the README carry it)."""
    return [translate("Triggers", "an event changed, inserted, removed or moved anywhere in the log"),
            translate("Triggers", "the newest events removed, or every event removed, even when the chain head in "
                                  "the store was changed to match (the head file outside the store, signed with the "
                                  "log key, still records them)"),
            translate("Triggers", "hashes recomputed after a change by anyone who does not hold the log key"),
            translate("Triggers", "a head file that is missing, changed, or signed with another key")]


def cannot_detect() -> list[str]:
    """CANNOT_DETECT in the person's language."""
    return [translate("Triggers", "a rewrite by someone who holds the log key (who can read the keyring entry or the "
                                  "key file): they can sign changed events and a new head file"),
            translate("Triggers", "the store and its head file put back together to an earlier copy, or both "
                                  "deleted (a restored backup looks like an intact, shorter log; a deleted one like a "
                                  "new store): compare with the head recorded in an earlier export "
                                  "(`campsync log --export`)"),
            translate("Triggers", "with the key file beside the store (no system keyring), a change by anyone who "
                                  "can read the data folder"),
            translate("Triggers", "a change to events written before the log was keyed (older CampSync versions) made "
                                  "before this version first wrote to the store: those events are checked as a plain "
                                  "hash chain"),
            translate("Triggers", "events that were never written: CampSync stopped before recording what Dynamics "
                                  "confirmed")]


@dataclass
class ChainCheck:
    ok: bool
    count: int
    message: str
    first_bad_id: int | None = None
    keyed_events: int = 0      # checked with the log key
    unkeyed_events: int = 0    # written before the log was keyed: a plain hash chain
    key_id: str | None = None
    key_source: str | None = None
    head_file: str | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"ok": self.ok, "count": self.count, "message": self.message, "first_bad_id": self.first_bad_id,
                "keyed_events": self.keyed_events, "unkeyed_events": self.unkeyed_events, "key_id": self.key_id,
                "key_source": self.key_source, "head_file": self.head_file, "notes": list(self.notes),
                "detects": list(DETECTS), "cannot_detect": list(CANNOT_DETECT)}


def verify_chain(db: Engine) -> ChainCheck:
    """Recompute every hash in order (keyed ones with the log key), compare the count and the newest hash with the
    chain head in the store and with the signed head file outside it. Any edited, removed, inserted or re-hashed
    row, and events removed from the end, break the chain."""
    db_path = store_path(db)
    check = ChainCheck(False, 0, "")
    log_seal.flush()  # this process's own seals, still being written
    try:
        key = log_key.find_key(db_path) if db_path else None
    except log_key.LogKeyError as exc:
        check.message = translate("Triggers", "the log cannot be checked: {problem}").format(problem=exc)
        return check
    found = log_seal.read_head(db_path, key) if db_path else None
    if key is not None:
        check.key_id, check.key_source = key.key_id, key.source
    if db_path is not None:
        check.head_file = str(log_seal.head_path(db_path))
    want = found.seal.seq if found and found.seal else None
    at_want: str | None = None
    hasher = key.hasher() if key is not None else None
    prev = ""
    keyed_from = None

    def bad(message: str, first_bad_id: int | None = None) -> ChainCheck:
        check.message, check.first_bad_id = message, first_bad_id
        return check

    with Session(db) as session:
        for row in session.exec(select(TriggerEventRecord).order_by(TriggerEventRecord.id)):
            check.count += 1
            if row.prev_hash != prev:
                return bad(translate("Triggers", "event {id} does not follow the event before it (a row was removed "
                                                 "or inserted)").format(id=row.id), row.id)
            if row.hash.startswith(KEYED_PREFIX):
                keyed_from = keyed_from or check.count
                if hasher is None:
                    return bad(translate("Triggers", "event {id} and those after it are keyed, but the log key was not "
                                                     "found (looked in {places}): they cannot be checked").format(
                        id=row.id, places=log_key.places(db_path)), row.id)
                if not hmac.compare_digest(keyed_hash(hasher, prev, check.count, row), row.hash):
                    return bad(translate("Triggers", "event {id} was changed after it was written, or moved (its hash "
                                                     "does not match the log key)").format(id=row.id), row.id)
                check.keyed_events += 1
            elif keyed_from is not None:
                return bad(translate("Triggers", "event {id} was changed after it was written (it is not keyed, "
                                                 "though events before it are)").format(id=row.id), row.id)
            elif event_hash(prev, row) != row.hash:
                return bad(translate("Triggers", "event {id} was changed after it was written").format(id=row.id),
                           row.id)
            else:
                check.unkeyed_events += 1
            if check.count == want:
                at_want = row.hash
            prev = row.hash
        head = session.get(ChainHead, 1)
    count = check.count
    if head is not None and head.last_hash != prev:
        return bad(translate("Triggers", "the newest events were removed (the chain head is ahead of the log)"))
    if (head.seq if head is not None else 0) != count:
        return bad(translate("Triggers", "the chain head in the store counts {head} events but the log holds "
                                         "{count}: events were removed or added outside CampSync").format(
            head=head.seq if head else 0, count=count))
    if db_path is not None:
        problem = _head_file_problem(check, db_path, found, key, prev, at_want, keyed_from or count + 1,
                                     team=db.dialect.name != "sqlite")
        if problem:
            return bad(problem)
    if check.unkeyed_events:
        check.notes.append((translate("Triggers", "the first {count} events were written before the log was keyed: "
                                                  "they are checked as a plain hash chain, which anyone who could "
                                                  "write the store could recompute, up to the first keyed event")
                            if check.keyed_events else
                            translate("Triggers", "the first {count} events were written before the log was keyed: "
                                                  "they are checked as a plain hash chain, which anyone who could "
                                                  "write the store could recompute")).format(
            count=check.unkeyed_events))
    check.ok = True
    check.message = translate("Triggers", "{events}, chain intact").format(events=plural(
        count, translate("Triggers", "{n} trigger event"), translate("Triggers", "{n} trigger events")))
    return check


def _head_file_problem(check: ChainCheck, db_path: Path, found, key, last_hash: str, at_want: str | None,
                       keyed_from: int, *, team: bool = False) -> str | None:
    """What the head file says against the log; `team`: a team's server store, where each node's head file records
    what that node has written and seen."""
    count = check.count
    if key is None:
        if found.missing:
            check.notes.append(translate("Triggers", "the log is not keyed yet (nothing written since this version): "
                                                     "without a log key and a head file, events removed from the end "
                                                     "cannot be found"))
            return None
        return translate("Triggers", "the log key was not found ({problem}; looked in {places})").format(
            problem=found.problem, places=log_key.places(db_path))
    seal = found.seal
    if seal is None:
        if found.missing and check.keyed_events == 0 and (count == 0 or log_key.env_key_file() is not None):
            check.notes.append(translate("Triggers", "no event has been written with the log key yet"))
            return None
        if found.missing and team:
            check.notes.append(translate("Triggers", "this node has not written to the team's log yet, so it keeps no "
                                                     "head file: every event's keyed hash was checked; events removed "
                                                     "from the end are found from the nodes that wrote them (their "
                                                     "head files)"))
            return None
        if found.missing:
            return translate("Triggers", "{problem}: it is written with every event once the log is keyed, so the log "
                                         "may have been emptied or replaced").format(problem=found.problem)
        return found.problem
    if seal.alarm:
        return seal.alarm
    if seal.keyed_from != keyed_from:
        return translate("Triggers", "the head file says events are keyed from event {head} on, the log from {log} "
                                     "on: keyed events were rewritten as older, unkeyed ones").format(
            head=seal.keyed_from, log=keyed_from)
    if seal.seq > count:
        return translate("Triggers", "the head file records {head} events, the log holds {count}: the newest events "
                                     "were removed (and the chain head in the store changed to match)").format(
            head=seal.seq, count=count)
    if seal.seq == count and seal.last_hash != last_hash:
        return translate("Triggers", "the newest event is not the one the head file records: events were replaced")
    if seal.seq < count:
        if at_want != seal.last_hash and not (seal.seq == 0 and seal.last_hash == ""):
            return translate("Triggers", "event {id} of the log is not the one the head file records: events were "
                                         "replaced").format(id=seal.seq)
        check.notes.append(translate("Triggers", "the head file records the first {head} events: the newest {newer} "
                                                 "were written after it was last updated (by another node of a team's "
                                                 "store, or after a CampSync process stopped in between); the next "
                                                 "write here updates it").format(head=seal.seq, newer=count - seal.seq))
    return None
