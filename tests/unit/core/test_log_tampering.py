"""Issue 13, finding 3: the trigger log resists rewriting. Each tampering here said "chain intact" before: deleting
the newest event and updating the chain head to match; deleting every event and the head; editing events and
recomputing the hashes with the public function; a chain head whose count is wrong; a head file that does not match.
The log is now keyed (HMAC, the key outside the store) and its head is also recorded, signed, in "<store>.loghead".

Only the old public API is imported at the top, so that these tests run (and fail) against CampSync before the fix.
"""

import json
import os
from pathlib import Path

import pytest
from sqlmodel import Session, select

from campsync_gui.core.models import TriggerEventRecord
from campsync_gui.core.store import open_store
from campsync_gui.core.transactions import transaction
from campsync_gui.core.triggers import ADDED, TriggerEvent, append_events, event_hash, verify_chain

START = 1_700_000_000.25


@pytest.fixture
def db_file(tmp_path):
    return tmp_path / "campsync.db"


@pytest.fixture
def db(db_file):
    engine = open_store(db_file)
    yield engine
    engine.dispose()


def event(n: int) -> TriggerEvent:
    return TriggerEvent(trigger=ADDED, person_id=n, email=f"p{n}@example.com", campaign_id="c-spring",
                        campaign_name="Spring Launch", origin="drag-and-drop", request_id=f"req{n}", outbox_id=n,
                        at=START + n)


def write(db, *numbers: int) -> list[TriggerEvent]:
    written = transaction(db, lambda session: append_events(session, [event(n) for n in numbers]))
    settle()
    return written


def settle() -> None:
    """Wait for the head file this process is sealing on its own thread (nothing to wait for before issue 13)."""
    try:
        from campsync_gui.core.log_seal import flush
    except ImportError:
        return
    flush()


def rows(db) -> list[TriggerEventRecord]:
    with Session(db) as session:
        return list(session.exec(select(TriggerEventRecord).order_by(TriggerEventRecord.id)))


def sql(db, statement: str, *params) -> None:
    with db.begin() as conn:
        conn.exec_driver_sql(statement, params)


def head_file(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + ".loghead")


def rehash_from(db, first_id: int) -> None:
    """What someone who can write the store (but holds no key) can do: recompute every hash from `first_id` on with
    the public function, and the chain head to match."""
    prev = ""
    for row in rows(db):
        if row.id >= first_id:
            sql(db, "UPDATE triggerevent SET prev_hash = ?, hash = ? WHERE id = ?", prev, event_hash(prev, row), row.id)
            prev = event_hash(prev, row)
        else:
            prev = row.hash
    sql(db, "UPDATE chainhead SET last_hash = ?, seq = (SELECT count(*) FROM triggerevent)", prev)


# ---- the three tamperings of the issue ----------------------------------------------------------------------------

def test_deleting_the_newest_event_and_updating_the_chain_head_is_found(db):
    written = write(db, 1, 2, 3)
    sql(db, "DELETE FROM triggerevent WHERE id = ?", written[-1].id)
    sql(db, "UPDATE chainhead SET seq = 2, last_hash = ?", written[1].hash)
    check = verify_chain(db)
    assert not check.ok
    assert "head file records 3 events" in check.message and "newest events were removed" in check.message


def test_deleting_every_event_and_the_chain_head_is_found(db):
    write(db, 1, 2)
    write(db, 3)
    sql(db, "DELETE FROM triggerevent")
    sql(db, "DELETE FROM chainhead")
    check = verify_chain(db)
    assert not check.ok and check.count == 0
    assert "head file records 3 events" in check.message


def test_events_edited_and_rehashed_with_the_public_function_are_found(db):
    written = write(db, 1, 2, 3, 4)
    sql(db, "UPDATE triggerevent SET email = 'someone.else@example.com' WHERE id = ?", written[1].id)
    rehash_from(db, written[1].id)
    check = verify_chain(db)
    assert not check.ok
    assert check.first_bad_id == written[1].id
    assert "changed after it was written" in check.message


def test_the_whole_log_rehashed_with_the_public_function_is_found(db):
    written = write(db, 1, 2, 3)
    sql(db, "UPDATE triggerevent SET campaign_name = 'Autumn' WHERE id = ?", written[2].id)
    rehash_from(db, written[0].id)  # every event now looks like one written before the log was keyed
    check = verify_chain(db)
    assert not check.ok
    assert "keyed" in check.message


def test_a_chain_head_whose_count_is_wrong_is_found(db):
    write(db, 1, 2)
    sql(db, "UPDATE chainhead SET seq = seq + 5")
    check = verify_chain(db)
    assert not check.ok and "counts 7 events but the log holds 2" in check.message


def test_truncating_then_writing_again_does_not_seal_the_damage_over(db):
    written = write(db, 1, 2, 3)
    sql(db, "DELETE FROM triggerevent WHERE id = ?", written[-1].id)
    sql(db, "UPDATE chainhead SET seq = 2, last_hash = ?", written[1].hash)
    write(db, 4)  # a legitimate write after the tampering: it chains onto the shortened log
    check = verify_chain(db)
    assert not check.ok
    assert "no longer held what the head file recorded" in check.message


# ---- the head file ------------------------------------------------------------------------------------------------

def test_the_head_file_is_written_with_every_transaction_owner_only_and_signed(db, db_file):
    written = write(db, 1, 2)
    data = json.loads(head_file(db_file).read_text())
    assert (data["seq"], data["last_id"], data["last_hash"]) == (2, written[-1].id, written[-1].hash)
    assert data["keyed_from"] == 1 and len(data["mac"]) == 64 and data["alarm"] is None
    if os.name == "posix":
        assert head_file(db_file).stat().st_mode & 0o777 == 0o600
    more = write(db, 3)
    assert json.loads(head_file(db_file).read_text())["last_hash"] == more[-1].hash


def test_the_head_file_is_sealed_once_per_transaction_not_per_event(db, monkeypatch):
    from campsync_gui.core import log_seal

    write(db, 1)  # the store's first keyed write also seals the empty log before it: once per store
    calls = []
    real = log_seal.write_head
    monkeypatch.setattr(log_seal, "write_head", lambda *args: calls.append(args[2].seq) or real(*args))
    write(db, *range(2, 502))
    assert calls == [501]
    write(db, 502, 503)
    assert calls == [501, 503]
    # transactions committed in quick succession: their seals may be written together, the newest last
    calls.clear()
    for n in range(504, 524):
        transaction(db, lambda session, n=n: append_events(session, [event(n)]))
    settle()
    assert 1 <= len(calls) <= 20 and calls[-1] == 523 and calls == sorted(calls)
    assert json.loads(head_file(db.url.database and Path(db.url.database)).read_text())["seq"] == 523


def test_a_head_file_edited_by_hand_is_found(db, db_file):
    write(db, 1, 2, 3)
    data = json.loads(head_file(db_file).read_text())
    data["seq"] = 2
    head_file(db_file).write_text(json.dumps(data))
    check = verify_chain(db)
    assert not check.ok and "changed after CampSync wrote it" in check.message


def test_a_deleted_head_file_is_found(db, db_file):
    write(db, 1, 2)
    head_file(db_file).unlink()
    check = verify_chain(db)
    assert not check.ok and "missing" in check.message


def test_a_head_file_of_another_store_is_found(tmp_path, db, db_file):
    write(db, 1, 2)
    other = open_store(tmp_path / "other.db")
    try:
        write(other, 1, 2)
    finally:
        other.dispose()
    head_file(db_file).write_bytes((tmp_path / "other.db.loghead").read_bytes())
    check = verify_chain(db)
    assert not check.ok and "signed with another log key" in check.message


def test_a_head_file_ahead_of_the_store_says_events_were_removed(db, db_file):
    write(db, 1, 2)
    older = head_file(db_file).read_bytes()
    write(db, 3)
    newer = head_file(db_file).read_bytes()
    assert older != newer
    assert verify_chain(db).ok
    # A head file one write behind the store (a process stopped between its commit and sealing) is accepted...
    head_file(db_file).write_bytes(older)
    check = verify_chain(db)
    assert check.ok and any("written after it was last updated" in note for note in check.notes)
    # ...and the next write brings it up to date.
    write(db, 4)
    assert json.loads(head_file(db_file).read_text())["seq"] == 4 and verify_chain(db).ok
    # A head file ahead of the store: events were removed, whatever the chain head in the store says.
    head_file(db_file).write_bytes(newer)
    sql(db, "DELETE FROM triggerevent WHERE id = (SELECT max(id) FROM triggerevent)")
    sql(db, "DELETE FROM triggerevent WHERE id = (SELECT max(id) FROM triggerevent)")
    sql(db, "UPDATE chainhead SET seq = 2, last_hash = (SELECT hash FROM triggerevent WHERE id = 2)")
    check = verify_chain(db)
    assert not check.ok and "head file records 3 events, the log holds 2" in check.message


def test_an_older_seal_never_replaces_a_newer_one(db, db_file):
    from campsync_gui.core import log_key, log_seal

    write(db, 1, 2, 3)
    key = log_key.find_key(db_file)
    log_seal.write_head(db_file, key, log_seal.Seal(1, 1, "stale", 1, key.key_id))
    assert json.loads(head_file(db_file).read_text())["seq"] == 3


# ---- the key --------------------------------------------------------------------------------------------------------

def test_the_key_is_kept_in_the_keyring_not_in_the_store(db, db_file, memory_keyring):
    write(db, 1)
    entries = {user: value for (service, user), value in memory_keyring.store.items() if user.startswith("log-key:")}
    assert list(entries) == [f"log-key:{db_file.resolve()}"]
    secret = next(iter(entries.values())).split()[1]
    assert secret.encode() not in db_file.read_bytes()
    assert not db_file.with_name(db_file.name + ".logkey").exists()


def test_without_a_keyring_the_key_is_a_0600_file_beside_the_store(no_keyring, db, db_file, caplog):
    write(db, 1, 2)
    key_file = db_file.with_name(db_file.name + ".logkey")
    assert key_file.exists()
    if os.name == "posix":
        assert key_file.stat().st_mode & 0o777 == 0o600
    assert "no system keyring" in caplog.text
    assert verify_chain(db).ok


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_key_file_others_can_read_is_refused(tmp_path, db, monkeypatch):
    key_file = tmp_path / "team.key"
    key_file.write_text("campsync-log-key-1 " + "ab" * 32 + "\n")
    key_file.chmod(0o644)
    monkeypatch.setenv("CAMPSYNC_LOG_KEY_FILE", str(key_file))
    with pytest.raises(Exception, match="chmod 600"):
        write(db, 1)
    check = verify_chain(db)
    assert not check.ok and "chmod 600" in check.message


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_fallback_key_file_made_readable_by_others_is_refused(no_keyring, db, db_file):
    write(db, 1)
    db_file.with_name(db_file.name + ".logkey").chmod(0o640)
    from campsync_gui.core import log_key
    log_key.forget_cached()
    check = verify_chain(db)
    assert not check.ok and "can be read or changed by other users" in check.message


def test_two_stores_of_a_team_share_the_key_named_by_the_environment(tmp_path, monkeypatch):
    from campsync_gui.core import log_key

    monkeypatch.setenv("CAMPSYNC_LOG_KEY_FILE", str(tmp_path / "team.key"))
    a, b = open_store(tmp_path / "a.db"), open_store(tmp_path / "b.db")
    try:
        write(a, 1)  # the first write makes the key file (0600)
        write(b, 2)
        assert verify_chain(a).ok and verify_chain(b).ok
        assert verify_chain(a).key_id == verify_chain(b).key_id == log_key.find_key(tmp_path / "a.db").key_id
        assert "CAMPSYNC_LOG_KEY_FILE" in verify_chain(a).key_source
    finally:
        a.dispose()
        b.dispose()


def test_the_key_exported_from_one_store_is_imported_by_another(tmp_path):
    from campsync_gui.core import log_export, log_key

    admin, node = open_store(tmp_path / "admin.db"), open_store(tmp_path / "node.db")
    try:
        write(admin, 1)
        info = log_export.export_key(admin, tmp_path / "team.key")
        if os.name == "posix":
            assert (tmp_path / "team.key").stat().st_mode & 0o777 == 0o600
        assert log_export.import_key(node, tmp_path / "team.key")["key_id"] == info["key_id"]
        write(node, 2)
        assert verify_chain(node).ok and verify_chain(node).key_id == info["key_id"]
        with pytest.raises(FileExistsError):
            log_export.export_key(admin, tmp_path / "team.key")  # never overwrites a file
        third = open_store(tmp_path / "third.db")
        try:
            write(third, 3)  # a key of its own already signs its events: another cannot replace it
            with pytest.raises(log_key.LogKeyError, match="already has a log key"):
                log_export.import_key(third, tmp_path / "team.key")
        finally:
            third.dispose()
    finally:
        admin.dispose()
        node.dispose()


def test_without_the_key_keyed_events_cannot_be_checked(db, memory_keyring):
    write(db, 1, 2)
    memory_keyring.store.clear()
    from campsync_gui.core import log_key
    log_key.forget_cached()
    check = verify_chain(db)
    assert not check.ok and "log key was not found" in check.message
    # nor is a new key made behind the log's back (a locked keyring): writing is refused until the key is back
    with pytest.raises(log_key.LogKeyError, match="key was not found"):
        write(db, 3)
    assert len(rows(db)) == 2


# ---- a store written by an older CampSync ---------------------------------------------------------------------------

def legacy_events(db, *numbers: int) -> list[str]:
    """Events as CampSync wrote them before the log was keyed: the public hash, a chain head, no head file."""
    prev, hashes = "", []
    for n in numbers:
        e = event(n)
        e.prev_hash, e.hash = prev, event_hash(prev, e)
        sql(db, "INSERT INTO triggerevent (trigger, person_id, email, campaign_id, campaign_name, origin, request_id, "
                "outbox_id, at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            e.trigger, e.person_id, e.email, e.campaign_id, e.campaign_name, e.origin, e.request_id, e.outbox_id,
            e.at, e.prev_hash, e.hash)
        prev = e.hash
        hashes.append(prev)
    sql(db, "INSERT INTO chainhead (id, seq, last_hash) VALUES (1, ?, ?)", len(numbers), prev)
    return hashes


def test_an_older_store_is_checked_as_it_was_then_keyed_from_its_next_write(db, db_file, caplog):
    legacy_events(db, 1, 2, 3)
    before = verify_chain(db)
    assert before.ok and (before.unkeyed_events, before.keyed_events) == (3, 0)
    assert any("not keyed yet" in note for note in before.notes)
    write(db, 4, 5)
    assert "the 3 events written before this version are kept as they are" in caplog.text
    after = verify_chain(db)
    assert after.ok and (after.count, after.unkeyed_events, after.keyed_events) == (5, 3, 2)
    assert any("first 3 events were written before the log was keyed" in note for note in after.notes)
    assert json.loads(head_file(db_file).read_text())["keyed_from"] == 4


def test_older_events_rewritten_after_the_log_was_keyed_are_found(db):
    legacy_events(db, 1, 2, 3)
    write(db, 4)
    first = rows(db)[0]
    sql(db, "UPDATE triggerevent SET email = 'x@example.com' WHERE id = ?", first.id)
    # rehash only the unkeyed part: the first keyed event still names the old last hash before it
    prev = ""
    for row in rows(db)[:3]:
        sql(db, "UPDATE triggerevent SET prev_hash = ?, hash = ? WHERE id = ?", prev, event_hash(prev, row), row.id)
        prev = event_hash(prev, row)
    check = verify_chain(db)
    assert not check.ok and check.first_bad_id == rows(db)[3].id


# ---- exports --------------------------------------------------------------------------------------------------------

def test_the_export_carries_the_hashes_and_the_signed_head(db, tmp_path):
    from campsync_gui.core import log_export

    written = write(db, 1, 2)
    summary = log_export.export_log(db, tmp_path / "log.json")
    data = json.loads((tmp_path / "log.json").read_text())
    assert summary["count"] == data["count"] == 2
    assert [e["hash"] for e in data["events"]] == [e.hash for e in written]
    assert data["head_file"]["seq"] == 2 and data["head_file"]["last_hash"] == written[-1].hash
    assert data["head_file"]["mac"] and data["chain_head"] == {"seq": 2, "last_hash": written[-1].hash}
    if os.name == "posix":
        assert (tmp_path / "log.json").stat().st_mode & 0o777 == 0o600
