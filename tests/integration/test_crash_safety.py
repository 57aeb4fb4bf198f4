"""kill -9 a real `campsync` process mid-sync, several times, then restart: every action ends exactly once."""

import os
import random
import signal
import subprocess
import sys

from sqlmodel import Session, select

from campsync_gui.core.applists import app_list_name
from campsync_gui.core.models import OutboxRow, Person, TriggerEventRecord
from campsync_gui.core.pull import pull_people, refresh_campaigns
from campsync_gui.core.settings import load_settings, save_settings
from campsync_gui.core.store import open_store
from campsync_gui.core.triggers import verify_chain

SCOPE = "environment"  # the connection name the CLI uses when configured by CAMPSYNC_* variables
LOCAL_ONLY = 40


def kill_repeatedly(first_command, home, org, rng, store, base=1.5):
    """Run `first_command`, then `retry` after each SIGKILL, until a run finishes; returns the kill points.

    As a person would: a command killed before it queued anything is run again (there is nothing to retry yet);
    once its request is in the queue, `retry` finishes it."""
    kills = []
    command = first_command
    queued = None
    for attempt in range(6):
        proc = start_cli(command, home, org)
        delay = base + attempt * 0.7 + rng.uniform(0, 0.6)  # later kills land deeper into the run
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            with Session(store) as s:
                done = len(s.exec(select(OutboxRow.id).where(OutboxRow.state == "done")).all())
                created = len(s.exec(select(Person.id).where(Person.email.startswith("local.only"),
                                                             Person.dynamics_id.is_not(None))).all())
                queued = s.exec(select(OutboxRow.id).where(OutboxRow.action == first_command[0])).first()
            kills.append((round(delay, 2), created, done))
        if queued is not None:
            command = ["retry", "--json"]  # after a crash, finishing what is queued is all that is left
    final = start_cli(["retry", "--json"], home, org)
    out, err = final.communicate(timeout=300)
    assert final.returncode == 0, out + err
    return kills


def start_cli(args, home, org):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    env.update(org.env())
    env["CAMPSYNC_HOME"] = str(home)
    return subprocess.Popen([sys.executable, "-m", "campsync_gui", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


async def test_kill_minus_nine_mid_sync_loses_and_duplicates_nothing(org, client, tmp_path):
    home = tmp_path / "home"
    store = open_store(home / "campsync.db")
    await refresh_campaigns(store, client)
    await pull_people(store, client)
    settings = load_settings(store, SCOPE)
    settings.batch_size = 8  # many small batches: more moments to be killed in
    # one at a time: with eight in flight the engine now finishes a retry before the drill's third kill lands
    settings.max_parallel_requests = 1
    save_settings(store, settings, SCOPE)
    with Session(store) as s:
        pulled = [p.email for p in s.exec(select(Person).order_by(Person.id))][:360]
        for i in range(LOCAL_ONLY):  # not in Dynamics yet: each is created as a lead, then added
            s.add(Person(first_name="Local", last_name=f"Only {i:02d}", email=f"local.only{i:02d}@example.org"))
        s.commit()
    emails = pulled + [f"local.only{i:02d}@example.org" for i in range(LOCAL_ONLY)]
    people_file = tmp_path / "people.txt"
    people_file.write_text("\n".join(emails), encoding="utf-8")
    campaign = sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                      key=lambda r: r["name"])[0]
    org.knobs.latency_ms = 80  # a run lasts a few seconds, so the kills land at different stages

    rng = random.Random(20261126)
    command = ["add", "--campaign", campaign["campaignid"], "--people-file", str(people_file), "--json"]
    kills = kill_repeatedly(command, home, org, rng, store)
    print(f"\nadd: killed {len(kills)} times at (seconds, leads created, actions done): {kills}")
    assert len(kills) >= 3, "the drill must really kill mid-sync"

    with Session(store) as s:
        people = {p.email: p for p in s.exec(select(Person))}
        rows = list(s.exec(select(OutboxRow)))
        events = list(s.exec(select(TriggerEventRecord)))
    expected = {people[e].dynamics_id for e in emails}
    members = set()
    for member_type in ("lead", "contact"):
        try:
            lst = org.state.find_list(app_list_name("CampSync", member_type, campaign["campaignid"]))
        except KeyError:
            continue
        members |= org.state.members_of(lst["listid"])
    pairs = [(m["_listid_value"], m["_entityid_value"]) for m in org.state.listmembers.values()]
    created = [lead for lead in org.state.leads.values() if lead["emailaddress1"].startswith("local.only")]
    lost = len(expected - members)
    duplicate_members = len(pairs) - len(set(pairs))
    duplicate_leads = len(created) - len({lead["emailaddress1"] for lead in created})
    duplicate_events = len(events) - len({e.person_id for e in events})
    print(f"lost {lost}, duplicated members {duplicate_members}, duplicated leads {duplicate_leads}, "
          f"duplicated trigger events {duplicate_events}")
    assert len(expected) == len(emails) and None not in expected
    assert members == expected and lost == 0
    assert duplicate_members == 0 and duplicate_leads == 0 and len(created) == LOCAL_ONLY
    assert len(rows) == len(emails) and {(r.state, r.outcome) for r in rows} == {("done", "added")}
    assert len(events) == len(emails) and duplicate_events == 0
    assert verify_chain(store).ok

    # Then take 150 of them off again, killed mid-way too: each removal ends exactly once.
    leaving = emails[:150]
    people_file.write_text("\n".join(leaving), encoding="utf-8")
    command = ["remove", "--campaign", campaign["campaignid"], "--people-file", str(people_file), "--json"]
    kills = kill_repeatedly(command, home, org, rng, store, base=1.2)
    print(f"remove: killed {len(kills)} times at (seconds, -, actions done): {kills}")
    assert kills, "the drill must really kill mid-removal"
    members = set()
    for member_type in ("lead", "contact"):
        lst = org.state.find_list(app_list_name("CampSync", member_type, campaign["campaignid"]))
        members |= org.state.members_of(lst["listid"])
    with Session(store) as s:
        removed_events = [e for e in s.exec(select(TriggerEventRecord)) if e.trigger == "removed_from_microsoft_campaign"]
        remove_rows = [r for r in s.exec(select(OutboxRow)) if r.action == "remove"]
    assert members == expected - {people[e].dynamics_id for e in leaving}
    assert len(remove_rows) == 150 and {(r.state, r.outcome) for r in remove_rows} == {("done", "removed")}
    assert len(removed_events) == 150 == len({e.person_id for e in removed_events})
    assert verify_chain(store).ok
