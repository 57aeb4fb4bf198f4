"""What the fault drills share: the drill's org and store, running `campsync` as a killable process, and the
counting of lost and duplicated things (in Dynamics and in the store).

Not a test module (pytest collects test_*.py only) and no conftest: importing it has no side effects beyond
putting tests/ on sys.path for tests/support.py.
"""

from __future__ import annotations

import collections
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))  # tests/support.py

from sqlmodel import Session, select  # noqa: E402

from campsync_gui.core.applists import app_list_name  # noqa: E402
from campsync_gui.core.models import Membership, OutboxRow, Person, TriggerEventRecord  # noqa: E402
from campsync_gui.core.triggers import ADDED, REMOVED  # noqa: E402
from support import pulled_bench_store, run_cli, seed_bench_leads  # noqa: E402

LOCAL_PREFIX = "local.only"  # people in the store only: the add creates each as a lead first (implied sync)
MEMBER_TYPES = ("lead", "contact")


# ---- the drill's org and store -------------------------------------------------------------------

@dataclass
class World:
    store: object                   # the SQLAlchemy engine of the store the CLI uses (home/campsync.db)
    home: Path                      # CAMPSYNC_HOME of the CLI processes
    campaign: dict                  # the sandbox's campaign row the drill adds to
    emails: list[str]               # every person of the drill: the local-only ones first, then the pulled
    local_emails: list[str] = field(default_factory=list)


async def build_world(org, folder: Path, people: int, local_only: int, campaign_index: int = 0) -> World:
    """`people - local_only` leads in the org, pulled into a store; `local_only` more people in the store only."""
    in_dynamics = people - local_only
    seed_bench_leads(org, in_dynamics)
    home = folder / "home"
    store, pulled, active = await pulled_bench_store(org, home / "campsync.db")
    assert len(pulled) == in_dynamics, f"pulled {len(pulled)} bench leads, expected {in_dynamics}"
    local = [f"{LOCAL_PREFIX}{i:05d}@example.org" for i in range(local_only)]
    with Session(store) as s:
        for i, email in enumerate(local):
            s.add(Person(first_name="Local", last_name=f"Only {i:05d}", email=email))
        s.commit()
    campaign = org.state.get("campaigns", active[campaign_index].id)
    # Local-only people first: the run creates their leads before it makes the list and adds in batches.
    return World(store=store, home=home, campaign=campaign, emails=local + [p.email for p in pulled],
                 local_emails=local)


def cli_env(org, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    env.update(org.env())
    env["CAMPSYNC_HOME"] = str(home)
    return env


def start_cli(args: list[str], org, home: Path, output: Path) -> subprocess.Popen:
    """`campsync ARGS` as a separate process (so it can be SIGKILLed); its output goes to a file.

    A file rather than a pipe: 10,000 outcome rows would fill a pipe nobody reads while we wait to kill.
    """
    out = open(output, "a", encoding="utf-8")
    try:
        out.write(f"\n$ campsync {' '.join(args)}\n")
        out.flush()
        return subprocess.Popen([sys.executable, "-m", "campsync_gui", *args], env=cli_env(org, home),
                                stdout=out, stderr=subprocess.STDOUT, text=True)
    finally:
        out.close()  # the child holds its own copy of the descriptor


def cli_json(args: list[str], org, home: Path, timeout: float = 120):
    """Run a short `campsync … --json` command (queue, verify-log) to completion; (exit code, parsed JSON)."""
    done = run_cli([*args, "--json"], home, env=org.env(), timeout=timeout)
    try:
        data = json.loads(done.stdout)
    except ValueError:
        data = {"unparsed": (done.stdout + done.stderr)[-2000:]}
    return done.returncode, data


# ---- counting ----------------------------------------------------------------------------------

def app_lists(org, campaign_id: str, prefix: str = "CampSync") -> list[dict]:
    """Every list in Dynamics named as CampSync's lists of this campaign (more than one per type is a duplicate)."""
    names = {app_list_name(prefix, member_type, campaign_id).casefold() for member_type in MEMBER_TYPES}
    return [dict(row) for row in org.state.lists.values() if row["listname"].casefold() in names]


def app_members(org, campaign_id: str) -> set[str]:
    """Members of CampSync's lists of this campaign, all of them (duplicated lists included)."""
    members: set[str] = set()
    for lst in app_lists(org, campaign_id):
        members |= org.state.members_of(lst["listid"])
    return members


@dataclass
class Snapshot:
    """Where things stand, in Dynamics and in the store, for the drill's people and campaign."""

    rows_by_state: dict[str, int]
    sent_rows: int
    people_linked: int            # drill people with a Dynamics id in the store
    local_leads_in_dynamics: int  # leads in Dynamics with a local-only email (created by the run so far)
    local_linked: int             # local-only people whose Dynamics id the store has recorded
    members: int                  # the drill's people on CampSync's lists in Dynamics
    done_rows: int                # outbox rows of `action` done (confirmed) in the store
    list_in_dynamics: bool
    list_linked: bool
    list_in_store: bool


def snapshot(org, world: World, action: str) -> Snapshot:
    from campsync_gui.core.models import AppList

    cid = world.campaign["campaignid"]
    wanted = set(world.emails)
    local = set(world.local_emails)
    with Session(world.store) as s:
        rows = [(r.state, r.action) for r in s.exec(select(OutboxRow).where(OutboxRow.campaign_id == cid))]
        people = [p for p in s.exec(select(Person)) if p.email in wanted]
        applist = s.exec(select(AppList).where(AppList.campaign_id == cid)).all()
    ids = {p.dynamics_id for p in people if p.dynamics_id}
    lists = app_lists(org, cid)
    linked = set(org.state.lists_of_campaign(cid))
    by_state = collections.Counter(state for state, a in rows if a == action)
    return Snapshot(
        rows_by_state=dict(by_state), sent_rows=by_state.get("sent", 0),
        people_linked=len(ids),
        local_leads_in_dynamics=sum(1 for lead in org.state.leads.values() if lead.get("emailaddress1") in local),
        local_linked=sum(1 for p in people if p.email in local and p.dynamics_id),
        members=len(app_members(org, cid) & ids),
        done_rows=by_state.get("done", 0),
        list_in_dynamics=bool(lists), list_linked=any(lst["listid"] in linked for lst in lists),
        list_in_store=any(a.dynamics_list_id for a in applist))


def integrity(org, world: World, expect_members: bool) -> dict[str, int]:
    """Lost and duplicated things after a drill phase; every figure must be 0.

    expect_members: True after the adds (every drill person a member), False after the removals (none left).
    """
    cid = world.campaign["campaignid"]
    wanted = set(world.emails)
    with Session(world.store) as s:
        people = {p.email: p for p in s.exec(select(Person)) if p.email in wanted}
        rows = list(s.exec(select(OutboxRow).where(OutboxRow.campaign_id == cid)))
        events = list(s.exec(select(TriggerEventRecord).where(TriggerEventRecord.campaign_id == cid)))
        memberships = list(s.exec(select(Membership).where(Membership.campaign_id == cid,
                                                           Membership.source == "flow_action")))
    ids = {p.dynamics_id for p in people.values() if p.dynamics_id}
    members = app_members(org, cid)
    add_rows = [r for r in rows if r.action == "add"]
    remove_rows = [r for r in rows if r.action == "remove"]
    figures: dict[str, int] = {}
    figures["people without a Dynamics id"] = len(wanted) - len(ids)
    if expect_members:
        figures["lost members (should be on the list, are not)"] = len(ids - members)
        figures["add rows not done/added"] = sum(1 for r in add_rows if (r.state, r.outcome) != ("done", "added"))
        figures["missing Membership rows in the store"] = len(ids) - len({m.person_id for m in memberships})
    else:
        figures["members left (should be removed, are not)"] = len(members & ids)
        figures["remove rows not done/removed"] = sum(1 for r in remove_rows
                                                     if (r.state, r.outcome) != ("done", "removed"))
        figures["Membership rows left in the store"] = len(memberships)
    figures["add rows missing (people without one)"] = len(wanted) - len({r.person_id for r in add_rows})
    # Dynamics: a listmember row per (list, entity) at most; one lead per email.
    pairs = collections.Counter((m["_listid_value"], m["_entityid_value"]) for m in org.state.listmembers.values())
    figures["duplicated members in Dynamics"] = sum(n - 1 for n in pairs.values() if n > 1)
    names = collections.Counter(lst["listname"].casefold() for lst in app_lists(org, cid))
    figures["duplicated CampSync lists in Dynamics"] = sum(n - 1 for n in names.values() if n > 1)
    emails = collections.Counter((lead.get("emailaddress1") or "").lower() for lead in org.state.leads.values()
                                 if (lead.get("emailaddress1") or "").lower() in wanted)
    figures["duplicated leads in Dynamics"] = sum(n - 1 for n in emails.values() if n > 1)
    figures["duplicated add/remove rows (per person)"] = (
        sum(n - 1 for n in collections.Counter(r.person_id for r in add_rows).values() if n > 1)
        + sum(n - 1 for n in collections.Counter(r.person_id for r in remove_rows).values() if n > 1))
    # Trigger events: one per confirmed row, one per person + campaign + trigger, none missing.
    per_row = collections.Counter(e.outbox_id for e in events)
    per_person = collections.Counter((e.person_id, e.campaign_id, e.trigger) for e in events)
    figures["duplicated trigger events (per outbox row)"] = sum(n - 1 for n in per_row.values() if n > 1)
    figures["duplicated trigger events (per person+campaign+trigger)"] = sum(n - 1 for n in per_person.values()
                                                                             if n > 1)
    added_rows = {r.id for r in add_rows if r.outcome == "added"}
    removed_rows = {r.id for r in remove_rows if r.outcome == "removed"}
    figures["missing trigger events (confirmed rows without one)"] = (
        len(added_rows - {e.outbox_id for e in events if e.trigger == ADDED})
        + len(removed_rows - {e.outbox_id for e in events if e.trigger == REMOVED}))
    return figures


def print_figures(title: str, figures: dict[str, int]) -> int:
    """Print each figure; the number of non-zero ones."""
    print(title)
    bad = 0
    for name, value in figures.items():
        flag = "" if value == 0 else "   <-- must be 0"
        bad += value != 0
        print(f"  {name:<58}{value:>8,}{flag}")
    return bad


# ---- the sandbox's request log -----------------------------------------------------------------

def api_records(log) -> list:
    return sorted((r for r in log if r.path.startswith("/api/")), key=lambda r: r.at)


def kill_process(proc: subprocess.Popen) -> None:
    """SIGKILL one process we started, by its id, and reap it."""
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def verdict(problems: list[str], folder: Path) -> int:
    """Print the drill's result; its files are kept for a look when it failed. Returns the exit code."""
    print("RESULT: " + ("PASS" if not problems else f"FAIL: {'; '.join(problems)} (files kept in {folder})"))
    if not problems:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if not problems else 1
