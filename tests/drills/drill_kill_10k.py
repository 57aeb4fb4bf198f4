"""Drill: `kill -9` a real `campsync` process at random points of a 10,000-person sync, restart it each time
until the queue is empty; then remove them all the same way. Prints kills, runs, time, and what was lost or
duplicated (all must be 0); the exit code is non-zero when anything is.

Run: `.venv/bin/python tests/drills/drill_kill_10k.py [--people 10000] [--seed N]` (a drill that prints
figures; `make drills` runs it). The sandbox org runs in this process (a thread), so the drill can watch its
request log and aim kills at the stages that matter: planning and enqueueing, lead creation (people not yet in
Dynamics), CampSync's list creation, a batch in flight, and the confirmation write (Dynamics has confirmed a
batch, the store has not recorded it yet). After each kill the drill waits for requests still in flight to
land, then reads both sides to say where the kill hit. A restart is `campsync retry` (finish what is queued);
while nothing was queued yet it is the original `campsync add`/`remove` again.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # drillkit

import drillkit as dk  # noqa: E402

from sqlmodel import Session, select  # noqa: E402

from campsync_gui.core.outbox import OPEN_STATES  # noqa: E402
from campsync_gui.core.models import OutboxRow  # noqa: E402
from campsync_gui.sandbox import SandboxOrg  # noqa: E402

POLL = 0.004
LEAD_CREATE = re.compile(r"/api/data/v9\.2/leads(/Microsoft\.Dynamics\.CRM\.CreateMultiple)?$")


def is_lead_create(r) -> bool:
    return r.method == "POST" and bool(LEAD_CREATE.search(r.path))


def is_list_create(r) -> bool:
    return r.method == "POST" and (r.path.endswith("/lists") or r.path.endswith("campaignlist_association/$ref"))


def is_add_batch(r) -> bool:
    return r.method == "POST" and r.path.endswith("AddListMembersList")


def is_remove(r) -> bool:
    return ((r.method == "POST" and "RemoveMember" in r.path) or r.path.endswith("RemoveListMembersList")
            or (r.method == "DELETE" and "/listmembers(" in r.path))


@dataclass
class Target:
    """Where to aim a kill: after the k-th answered request matching `match` (or the run's start), wait a
    random delay in `delay` seconds, then SIGKILL."""

    name: str
    match: object  # callable(record) -> bool, or None: count from the start of the run
    k: int
    delay: tuple[float, float]


@dataclass
class Kill:
    run: int
    target: str
    seconds: float       # into the run
    stage: str           # where it hit, read from both sides afterwards
    done: int            # rows of the action done (confirmed) after the kill


def open_rows(world: dk.World, action: str) -> tuple[int, int, int]:
    """(rows of this action at all, open ones, failed ones) for the drill's campaign."""
    cid = world.campaign["campaignid"]
    with Session(world.store) as s:
        states = list(s.exec(select(OutboxRow.state).where(OutboxRow.campaign_id == cid,
                                                           OutboxRow.action == action)))
    return len(states), sum(st in OPEN_STATES for st in states), sum(st == "failed" for st in states)


def pick_target(rng: random.Random, action: str, run: int, snap: dk.Snapshot, world: dk.World,
                latency: float, batch_gap: float, aimed: set[str]) -> Target:
    if run == 1:
        # The first run spends its first seconds planning and enqueueing 10,000 rows: sometimes hit that.
        return Target("random (early)", None, 0, (0.5, 2.0))
    if action == "add":
        # Stages a run passes once: aim at each while it is still ahead (at most once each).
        if snap.local_linked < len(world.local_emails) and "lead creation" not in aimed:
            return Target("lead creation", is_lead_create, 1, (0.0, 0.02))
        if not snap.list_in_store and "list creation" not in aimed:
            return Target("list creation", is_list_create, 1, (0.0, 3 * latency + 0.02))
    choices: list[Target] = [Target("random", None, 0, (0.3, 4.0) if action == "add" else (0.5, 10.0))]
    if action == "add":
        k = rng.randint(1, 3)
        choices.append(Target("batched adds", is_add_batch, k, (0.0, batch_gap)))
        choices.append(Target("confirmation write", is_add_batch, k, (0.0, 0.03)))
    else:
        choices.append(Target("removals", is_remove, rng.randint(1, 1500), (0.0, 0.05)))
        choices.append(Target("confirmation write", is_remove, rng.randint(1, 1500), (0.0, 0.004)))
    return rng.choice(choices)


def watch_and_kill(proc, org, mark: int, target: Target, rng: random.Random) -> tuple[float, int] | None:
    """Watch the sandbox's answers to this run; kill when the target says. (seconds into the run, log index at
    the kill) or None when the process finished first."""
    started = time.monotonic()
    seen, hits = mark, 0
    kill_at = started + rng.uniform(*target.delay) if target.match is None else None
    while True:
        if proc.poll() is not None:
            return None
        now = time.monotonic()
        if kill_at is not None and now >= kill_at:
            index = len(org.request_log)
            dk.kill_process(proc)
            return now - started, index
        if kill_at is None:
            log = org.request_log
            for record in log[seen:]:
                if record.path.startswith("/api/") and target.match(record):
                    hits += 1
                    if hits >= target.k:
                        kill_at = time.monotonic() + rng.uniform(*target.delay)
                        break
            seen = len(log)
            if kill_at is not None:
                continue
        time.sleep(POLL if kill_at is None else min(POLL, max(0.0, kill_at - time.monotonic())))


def classify(action: str, before: dk.Snapshot, after: dk.Snapshot, landed: list, total: int) -> str:
    """Where a kill hit, from the store and Dynamics after it, and the requests answered after the kill."""
    if before.rows_by_state == {} and after.rows_by_state == {}:
        return "planning / enqueue (nothing queued yet)"
    if after.rows_by_state and set(after.rows_by_state) == {"done"} and not landed:
        return "after the last confirmation (printing the outcome)"
    main_request = (is_add_batch, "batch") if action == "add" else (is_remove, "removal")
    for match, what in (main_request, (is_lead_create, "lead creation"), (is_list_create, "list creation")):
        answered = [r for r in landed if match(r)]
        if answered:
            applied = any(200 <= r.status < 300 for r in answered)
            return (f"{what} in flight: " + ("Dynamics applied it after the kill" if applied
                                             else "the server dropped it with the client"))
    if action == "add":
        if after.local_leads_in_dynamics > after.local_linked:
            return "leads created in Dynamics, not yet recorded in the store"
        if after.list_in_dynamics and not (after.list_linked and after.list_in_store):
            return "list creation (list made, not yet linked/recorded)"
        if after.members > after.done_rows:
            return "confirmation write (Dynamics confirmed a batch, store not yet)"
    else:
        removed = total - after.members
        if removed > after.done_rows:
            return "confirmation write (Dynamics removed, store not yet)"
    if after.sent_rows:
        return "rows marked sent, request not yet received by Dynamics"
    if action == "add" and not after.list_in_store:
        return "before the list was made (campaign check, lookups, lead creation)"
    return "between steps (claim, lookups, campaign check)"


def drive(org, world: dk.World, action: str, people_file: Path, rng: random.Random, max_kills: int,
          latency: float, output: Path) -> tuple[list[Kill], int]:
    """Run `campsync ACTION`, killing it up to `max_kills` times, restarting until nothing is left open."""
    first = [action, "--campaign", world.campaign["campaignid"], "--people-file", str(people_file), "--json"]
    kills: list[Kill] = []
    runs = 0
    batch_gap = 0.6
    total = len(world.emails)
    while True:
        queued, still_open, failed = open_rows(world, action)
        if runs and queued and not still_open and not failed:
            break  # done: every row of this action finished
        if runs > max_kills + 5:
            print(f"  giving up after {runs} runs: {still_open} rows still open, {failed} failed")
            break
        command = first if not queued else ["retry", "--json"]
        runs += 1
        mark = len(org.request_log)
        before = dk.snapshot(org, world, action)
        proc = dk.start_cli(command, org, world.home, output)
        try:
            if len(kills) >= max_kills:
                proc.wait(timeout=900)  # enough kills: let this run finish
                continue
            target = pick_target(rng, action, runs, before, world, latency, batch_gap, {k.target for k in kills})
            hit = watch_and_kill(proc, org, mark, target, rng)
        finally:
            dk.kill_process(proc)  # no-op when it has ended; never leaves a child behind (timeout, Ctrl+C)
        if hit is None:
            continue
        batches = [r.at for r in org.request_log[mark:] if is_add_batch(r)]
        if len(batches) >= 3:  # the time from one batch's answer to the next: confirmation write + request
            batch_gap = max(b - a for a, b in zip(batches[1:], batches[2:]))
        seconds, index = hit
        time.sleep(latency + 0.3)  # requests in flight at the kill still land in Dynamics: let them
        landed = [r for r in org.request_log[index:] if r.path.startswith("/api/")]
        after = dk.snapshot(org, world, action)
        stage = classify(action, before, after, landed, total)
        kills.append(Kill(runs, target.name, seconds, stage, after.done_rows))
        print(f"  kill {len(kills):>2}  run {runs:>2}  {' '.join(command[:1])}  aimed at {target.name:<22} "
              f"+{seconds:6.2f}s  hit: {stage}; {after.done_rows:,} done", flush=True)
    return kills, runs


async def build(org, folder: Path, args) -> dk.World:
    return await dk.build_world(org, folder, args.people, args.local_only)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000, help="people in the sync (default 10,000)")
    parser.add_argument("--local-only", type=int, default=100,
                        help="of them, people not yet in Dynamics (created as leads by the sync)")
    parser.add_argument("--seed", type=int, default=20261126, help="kill points and sandbox seed")
    parser.add_argument("--kills", type=int, default=10, help="kills during the adds")
    parser.add_argument("--remove-kills", type=int, default=6, help="kills during the removals")
    parser.add_argument("--latency-ms", type=int, default=100, help="sandbox latency during the adds")
    parser.add_argument("--remove-latency-ms", type=int, default=0,
                        help="sandbox latency during the removals (one request per person)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="campsync-drill-kill-"))
    output = folder / "campsync-output.log"
    started = time.perf_counter()
    with SandboxOrg(seed=7, data_dir=folder / "sandbox") as org:
        world = asyncio.run(build(org, folder, args))
        setup = time.perf_counter() - started
        people_file = folder / "people.txt"
        people_file.write_text("\n".join(world.emails), encoding="utf-8")
        print(f"kill -9 drill: {args.people:,} people ({args.local_only} not yet in Dynamics) → campaign "
              f"{world.campaign['name']!r}; sandbox latency {args.latency_ms} ms; setup {setup:.1f}s; "
              f"files in {folder}", flush=True)

        print("Add to Microsoft Campaign, killed and restarted:")
        org.knobs.latency_ms = args.latency_ms
        t = time.perf_counter()
        add_kills, add_runs = drive(org, world, "add", people_file, rng, args.kills, args.latency_ms / 1000, output)
        add_seconds = time.perf_counter() - t
        add_figures = dk.integrity(org, world, expect_members=True)
        bad = dk.print_figures(f"after the adds ({len(add_kills)} kills, {add_runs} runs, {add_seconds:.1f}s):",
                               add_figures)

        print(f"Remove from Microsoft Campaign (all {args.people:,}), killed and restarted; "
              f"sandbox latency {args.remove_latency_ms} ms:")
        org.knobs.latency_ms = args.remove_latency_ms
        t = time.perf_counter()
        rm_kills, rm_runs = drive(org, world, "remove", people_file, rng, args.remove_kills,
                                  args.remove_latency_ms / 1000, output)
        rm_seconds = time.perf_counter() - t
        rm_figures = dk.integrity(org, world, expect_members=False)
        bad += dk.print_figures(f"after the removals ({len(rm_kills)} kills, {rm_runs} runs, {rm_seconds:.1f}s):",
                                rm_figures)

        org.knobs.latency_ms = 0
        queue_rc, queue = dk.cli_json(["queue"], org, world.home)
        chain_rc, chain = dk.cli_json(["verify-log"], org, world.home)
    total = time.perf_counter() - started

    kills = add_kills + rm_kills
    stages = collections.Counter(k.stage for k in kills)
    lost = sum(v for k, v in {**add_figures, **rm_figures}.items()
               if k.startswith(("lost", "members left", "people without", "missing", "add rows", "remove rows")))
    dup_members = add_figures["duplicated members in Dynamics"] + rm_figures["duplicated members in Dynamics"]
    dup_leads = max(add_figures["duplicated leads in Dynamics"], rm_figures["duplicated leads in Dynamics"])
    dup_events = max(figures[name] for figures in (add_figures, rm_figures)
                     for name in ("duplicated trigger events (per outbox row)",
                                  "duplicated trigger events (per person+campaign+trigger)"))
    queue_left = len(queue) if isinstance(queue, list) else -1
    print("where the kills hit:")
    for stage, n in stages.most_common():
        print(f"  {n:>3} × {stage}")
    print("summary:")
    print(f"  kills {len(kills)} ({len(add_kills)} adding, {len(rm_kills)} removing); runs {add_runs + rm_runs}; "
          f"total time {total:.1f}s (setup {setup:.1f}s, adds {add_seconds:.1f}s, removals {rm_seconds:.1f}s)")
    print(f"  lost {lost}; duplicated members {dup_members}; duplicated leads {dup_leads}; "
          f"duplicated trigger events {dup_events}")
    print(f"  `campsync queue`: {queue_left} open or failed rows (exit {queue_rc}); "
          f"`campsync verify-log`: {chain.get('message', chain)} (exit {chain_rc})")
    problems = []
    if bad:
        problems.append(f"{bad} figure(s) not 0")
    if chain_rc != 0 or not chain.get("ok"):
        problems.append("hash chain broken")
    if queue_left != 0:
        problems.append("queue not empty")
    if not add_kills or not rm_kills:
        problems.append("the drill did not kill in both phases")
    return dk.verdict(problems, folder)


if __name__ == "__main__":
    sys.exit(main())
