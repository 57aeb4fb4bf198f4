"""The trigger log (core/triggers.py): Added to / Removed from Microsoft Campaign events, appended to a log chained by
hashes so an edited, removed or inserted row is found (`campsync log --verify`), and read back the way the log panel,
`campsync log --json` and `--follow` read it."""

import json
from datetime import datetime, timezone

import pytest
from sqlmodel import Session, select

from campsync_gui.core.log_key import find_key
from campsync_gui.core.models import ChainHead, TriggerEventRecord
from campsync_gui.core.store import open_store
from campsync_gui.core.transactions import transaction
from campsync_gui.core.triggers import ADDED, REMOVED, TriggerEvent, after, append_events, event_hash, keyed_hash, \
    recent, verify_chain

START = 1_700_000_000.25


@pytest.fixture
def db(tmp_path):
    engine = open_store(tmp_path / "x.db")
    yield engine
    engine.dispose()


def event(n: int, trigger: str = ADDED) -> TriggerEvent:
    return TriggerEvent(trigger=trigger, person_id=n, email=f"p{n}@example.com", campaign_id="c-spring",
                        campaign_name="Spring Launch", origin="drag-and-drop", request_id=f"req{n // 10}",
                        outbox_id=n, at=START + n)


def write(db, *events: TriggerEvent) -> list[TriggerEvent]:
    return transaction(db, lambda session: append_events(session, list(events)))


def stored(db) -> list[TriggerEventRecord]:
    with Session(db) as session:
        return list(session.exec(select(TriggerEventRecord).order_by(TriggerEventRecord.id)))


def sql(db, statement: str, *params) -> None:
    with db.begin() as conn:
        conn.exec_driver_sql(statement, params)


# ---- appending ---------------------------------------------------------------------------------------------------

def test_appended_events_get_increasing_ids_in_the_order_given(db):
    written = write(db, event(3), event(1), event(2))
    assert [e.person_id for e in written] == [3, 1, 2]
    ids = [e.id for e in written]
    assert ids == sorted(ids) and len(set(ids)) == 3
    assert [(row.id, row.person_id) for row in stored(db)] == list(zip(ids, [3, 1, 2]))


def test_each_event_is_chained_to_the_one_before_it_across_appends(db):
    first = write(db, event(1), event(2))
    second = write(db, event(3))
    chain = first + second
    assert chain[0].prev_hash == ""
    for before, this in zip(chain, chain[1:]):
        assert this.prev_hash == before.hash
    # keyed with the store's log key (issue 13), over the event's position too
    hasher = find_key(db.url.database).hasher()
    for position, e in enumerate(chain, start=1):
        assert e.hash == keyed_hash(hasher, e.prev_hash, position, e) != event_hash(e.prev_hash, e)
    assert [(row.prev_hash, row.hash) for row in stored(db)] == [(e.prev_hash, e.hash) for e in chain]
    with Session(db) as session:
        assert session.get(ChainHead, 1).last_hash == chain[-1].hash


def test_appending_nothing_writes_nothing(db):
    assert write(db) == []
    assert stored(db) == []
    assert verify_chain(db).ok


def test_the_hash_covers_what_the_event_says():
    base = event(1)
    assert event_hash("", base) != event_hash("", event(1, trigger=REMOVED))
    assert event_hash("", base) != event_hash("x", base)
    assert event_hash("", base) == event_hash("", event(1))


# ---- verifying the chain -----------------------------------------------------------------------------------------

def test_an_untouched_log_is_intact(db):
    write(db, event(1), event(2))
    write(db, event(3))
    check = verify_chain(db)
    assert (check.ok, check.count, check.first_bad_id) == (True, 3, None)
    assert "intact" in check.message
    data = check.to_dict()
    assert {name: data[name] for name in ("ok", "count", "message", "first_bad_id")} == \
        {"ok": True, "count": 3, "message": check.message, "first_bad_id": None}
    assert (data["keyed_events"], data["unkeyed_events"]) == (3, 0)
    assert data["detects"] and data["cannot_detect"]  # verify-log says what it can and cannot find (issue 13)


def test_an_empty_log_is_intact(db):
    assert (verify_chain(db).ok, verify_chain(db).count) == (True, 0)


def test_an_edited_event_is_named(db):
    ids = [e.id for e in write(db, event(1), event(2), event(3))]
    sql(db, "UPDATE triggerevent SET email = 'someone.else@example.com' WHERE id = ?", ids[1])
    check = verify_chain(db)
    assert (check.ok, check.first_bad_id) == (False, ids[1])
    assert f"event {ids[1]}" in check.message and "changed" in check.message


def test_an_event_written_before_actors_were_recorded_still_verifies(db, tmp_path):
    # The keyed payload as CampSync wrote it before issue 14 (no actor): such events verify unchanged.
    written = write(db, event(1), event(2))
    hasher = find_key(tmp_path / "x.db").hasher()
    prev = ""
    for seq, e in enumerate(written, start=1):
        payload = [prev, seq, e.trigger, e.person_id, e.email, e.campaign_id, e.campaign_name, e.origin,
                   e.request_id, e.outbox_id, repr(float(e.at))]
        mac = hasher.copy()
        mac.update(json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        assert e.hash == "k1:" + mac.hexdigest()
        prev = e.hash
    assert (verify_chain(db).ok, stored(db)[0].actor) == (True, "")


def test_who_did_it_is_kept_and_changing_it_breaks_the_chain(db):
    ada = event(1)
    ada.actor = "ada@example.org"
    ids = [e.id for e in write(db, ada, event(2), event(3))]
    assert [e.actor for e in recent(db)] == ["ada@example.org", "", ""]
    assert verify_chain(db).ok
    sql(db, "UPDATE triggerevent SET actor = 'mallory@example.org' WHERE id = ?", ids[0])
    assert verify_chain(db).first_bad_id == ids[0]
    sql(db, "UPDATE triggerevent SET actor = '' WHERE id = ?", ids[0])  # "nobody knows who" is a change too
    assert verify_chain(db).first_bad_id == ids[0]
    sql(db, "UPDATE triggerevent SET actor = 'ada@example.org' WHERE id = ?", ids[0])
    assert verify_chain(db).ok
    sql(db, "UPDATE triggerevent SET actor = 'mallory@example.org' WHERE id = ?", ids[2])  # one without an actor
    check = verify_chain(db)
    assert (check.ok, check.first_bad_id) == (False, ids[2])


def test_an_edited_time_is_found_too(db):
    ids = [e.id for e in write(db, event(1), event(2))]
    sql(db, "UPDATE triggerevent SET at = at + 3600 WHERE id = ?", ids[0])
    assert verify_chain(db).first_bad_id == ids[0]


def test_an_event_removed_from_the_middle_names_the_event_after_the_gap(db):
    ids = [e.id for e in write(db, event(1), event(2), event(3))]
    sql(db, "DELETE FROM triggerevent WHERE id = ?", ids[1])
    check = verify_chain(db)
    assert (check.ok, check.first_bad_id) == (False, ids[2])
    assert "removed or inserted" in check.message


def test_an_event_inserted_in_the_middle_is_found_even_with_a_well_formed_hash(db):
    written = write(db, event(1), event(2), event(3))
    ids = [e.id for e in written]
    # make room after the first event, then slip in a forged one chained to it as append_events would (keyed with
    # the log key, as only its holder could)
    sql(db, "UPDATE triggerevent SET id = id + 100 WHERE id > ?", ids[0])
    sql(db, "UPDATE triggerevent SET id = id - 99 WHERE id > ?", ids[0] + 100)
    forged = event(99)
    forged.prev_hash = written[0].hash
    forged.hash = keyed_hash(find_key(db.url.database).hasher(), forged.prev_hash, 2, forged)
    sql(db, "INSERT INTO triggerevent (id, trigger, person_id, email, campaign_id, campaign_name, origin, request_id, "
            "outbox_id, at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ids[0] + 1, forged.trigger, forged.person_id, forged.email, forged.campaign_id, forged.campaign_name,
        forged.origin, forged.request_id, forged.outbox_id, forged.at, forged.prev_hash, forged.hash)

    check = verify_chain(db)

    assert not check.ok
    assert check.first_bad_id == ids[0] + 2  # the genuine second event no longer follows the one before it
    assert "removed or inserted" in check.message


def test_a_carelessly_inserted_event_is_named_itself(db):
    ids = [e.id for e in write(db, event(1))]
    sql(db, "INSERT INTO triggerevent (trigger, person_id, campaign_id, campaign_name, origin, request_id, at, "
            "prev_hash, hash) VALUES (?, 7, 'c-spring', '', '', '', 0, 'made-up', 'made-up')", ADDED)
    check = verify_chain(db)
    assert (check.ok, check.first_bad_id) == (False, ids[0] + 1)


def test_the_newest_events_removed_are_found_because_the_chain_head_is_ahead(db):
    ids = [e.id for e in write(db, event(1), event(2), event(3))]
    sql(db, "DELETE FROM triggerevent WHERE id = ?", ids[-1])
    check = verify_chain(db)
    assert (check.ok, check.count, check.first_bad_id) == (False, 2, None)
    assert "newest events were removed" in check.message


def test_a_log_emptied_entirely_is_not_intact(db):
    write(db, event(1))
    sql(db, "DELETE FROM triggerevent")
    assert not verify_chain(db).ok


# ---- reading -----------------------------------------------------------------------------------------------------

def test_to_dict_gives_exactly_the_keys_scripts_rely_on_with_an_iso_utc_time(db):
    written = write(db, event(1))[0]
    data = recent(db)[0].to_dict()
    assert list(data) == ["id", "trigger", "trigger_label", "person_id", "email", "campaign_id", "campaign",
                          "origin", "request_id", "time", "actor"]
    assert (data["id"], data["trigger"], data["trigger_label"], data["person_id"], data["email"]) == \
        (written.id, ADDED, "Added to Microsoft Campaign", 1, "p1@example.com")
    assert (data["campaign_id"], data["campaign"], data["origin"], data["request_id"]) == \
        ("c-spring", "Spring Launch", "drag-and-drop", "req0")
    when = datetime.fromisoformat(data["time"])
    assert when.utcoffset().total_seconds() == 0
    assert when == datetime.fromtimestamp(START + 1, tz=timezone.utc)
    assert event(2, trigger=REMOVED).to_dict()["trigger_label"] == "Removed from Microsoft Campaign"


def test_recent_gives_the_newest_events_oldest_first(db):
    written = write(db, *(event(n) for n in range(1, 6)))
    assert [e.id for e in recent(db, 3)] == [e.id for e in written[-3:]]
    assert [e.id for e in recent(db)] == [e.id for e in written]
    assert [e.hash for e in recent(db)] == [e.hash for e in written]


def test_after_gives_the_events_written_since_the_last_one_seen(db):
    first = write(db, event(1), event(2))
    later = write(db, event(3), event(4))
    assert [e.id for e in after(db, first[-1].id)] == [e.id for e in later]
    assert after(db, later[-1].id) == []
    assert [e.person_id for e in after(db, 0)] == [1, 2, 3, 4]
