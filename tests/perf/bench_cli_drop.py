"""P1 from the command line: the drop as a script runs it, each `campsync` command in its own process, against the
sandbox org in its own process (as a real org is), with 30 ms added to every request.

Run: `.venv/bin/python tests/perf/bench_cli_drop.py [--people 10000] [--latency-ms 30] [--naive-sample 300]`
(a benchmark that prints figures, not a test).

(a) `campsync people pull` (not timed), then `campsync add --campaign … --people-file 10000.txt --json`: the people
    are in Dynamics already.
(b) `campsync people import new.csv`, then the same `add` of people who are not in Dynamics (created as leads).

Start-up is the median time of `campsync --help` in the same run; the floor is the requests the `add` sent times the
latency (what one-after-the-other round trips cost at the least). The naive client (one AddMemberList per person, or a
POST leads and an AddMemberList per person) is timed in this process on --naive-sample people against the same org
and scaled linearly.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/support.py
sys.path.insert(0, str(Path(__file__).resolve().parent))  # remote_sandbox.py

from campsync_gui.dynamics.connect import open_client  # noqa: E402
from bench_summary import record  # noqa: E402
from remote_sandbox import RemoteSandbox  # noqa: E402
from support import connection_for  # noqa: E402

TARGET_FLOOR_RATIO = 1.5


def campsync(args: list[str], env: dict[str, str], timeout: float = 900,
             profile: Path | None = None) -> tuple[float, subprocess.CompletedProcess]:
    """Run one `campsync` command in its own process; with `profile`, under cProfile (stats written there)."""
    python = [sys.executable, "-m", "cProfile", "-o", str(profile)] if profile else [sys.executable]
    started = time.perf_counter()
    done = subprocess.run([*python, "-m", "campsync_gui", *args], env=env, capture_output=True, text=True,
                          timeout=timeout)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"campsync {' '.join(args)} exited {done.returncode}: {done.stderr[-2000:]}")
    return elapsed, done


async def naive_seconds(org: RemoteSandbox, dynamics_ids: list[str], new_emails: list[str], sample: int) -> dict:
    """One request per person (a), or two (b), one after the other, on `sample` people; seconds per person."""
    client = open_client(connection_for(org))
    try:
        campaign = await client.campaign(org.active_campaign_id)
        list_id = await client.create_list(f"naive-cli-bench-{time.time():.0f}", "lead")
        await client.link_list(campaign.id, list_id)
        started = time.perf_counter()
        for entity_id in dynamics_ids[:sample]:
            await client.add_member(list_id, entity_id)
        per_a = (time.perf_counter() - started) / sample
        started = time.perf_counter()
        for email in new_emails[:sample]:
            lead_id = await client.create_lead(last_name="Naive", email="naive." + email)
            await client.add_member(list_id, lead_id)
        per_b = (time.perf_counter() - started) / sample
        return {"a": per_a, "b": per_b}
    finally:
        await client.aclose()


def print_case(case: str, title: str, wall: float, startup: float, requests: int, latency_ms: int,
               naive_per_person: float, people: int) -> dict:
    floor = requests * latency_ms / 1000
    net = wall - startup
    naive = naive_per_person * people
    ratio, speedup = net / floor if floor else float("inf"), naive / wall
    print(f"\nP1 ({case}) from the command line: {title}")
    print(f"  campsync add: {wall:.2f} s in its process, start-up {startup:.2f} s, so {net:.2f} s of work; "
          f"{requests} requests")
    print(f"  serial round-trip floor {requests} × {latency_ms} ms = {floor:.2f} s: work / floor = {ratio:.2f}× "
          f"(target ≤ {TARGET_FLOOR_RATIO}×: {'met' if ratio <= TARGET_FLOOR_RATIO else 'MISSED'})")
    print(f"  naive client (SCALED from the sample) {naive:.1f} s: {speedup:.0f}× faster, start-up included")
    command = "tests/perf/bench_cli_drop.py"
    record(f"P1 ({case}) from the CLI vs round-trip floor", f"{ratio:.2f}×", f"≤ {TARGET_FLOOR_RATIO}×",
           met=ratio <= TARGET_FLOOR_RATIO, command=command,
           detail=f"{net:.2f} s of work after {startup:.2f} s start-up, {requests} requests, floor {floor:.2f} s")
    record(f"P1 ({case}) from the CLI vs naive client", f"{speedup:.0f}×", "—", met=None, command=command,
           detail=f"{wall:.1f} s with start-up against {naive:.0f} s")
    return {"case": case, "wall_s": round(wall, 3), "startup_s": round(startup, 3), "requests": requests,
            "floor_s": round(floor, 3), "floor_ratio": round(ratio, 2), "naive_s": round(naive, 1),
            "speedup": round(speedup, 1)}


def no_latency_work(org: RemoteSandbox, env: dict[str, str], folder: Path, startup: float, latency_ms: int) -> None:
    """Case (a) again on another active campaign with no latency at all: the command's work itself on this machine
    (its store, its set-up, and the org's work on the same cores), the floor beneath the round-trip floor."""
    with sqlite3.connect(folder / "home" / "campsync.db") as db:
        other = db.execute("SELECT id FROM campaign WHERE statecode = 0 AND id != ? ORDER BY name LIMIT 1",
                           (org.active_campaign_id,)).fetchone()
    if other is None:
        return
    org.set_latency(0)
    try:
        wall, _ = campsync(["add", "--campaign", other[0], "--people-file", str(folder / "a.txt"), "--json"], env)
    finally:
        org.set_latency(latency_ms)
    print(f"  the same command at 0 ms latency (another campaign): {wall - startup:.2f} s of work, the command's work "
          f"itself on this machine (its store, set-up and output, and the org's work, on the same cores)")



def main(people: int, latency_ms: int, sample: int, profile: Path | None = None) -> list[dict]:
    folder = Path(tempfile.mkdtemp(prefix="campsync-cli-bench-"))
    with RemoteSandbox(folder / "sandbox", leads=people) as org:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
        env.update(org.env())
        env["CAMPSYNC_HOME"] = str(folder / "home")
        # Bytecode cached in a private folder, as an installed copy has it (pip compiles .pyc files when it installs;
        # this source tree may run with PYTHONDONTWRITEBYTECODE=1): the set-up commands below fill the cache.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        campsync(["people", "pull"], env)
        with sqlite3.connect(folder / "home" / "campsync.db") as db:
            rows = db.execute("SELECT email, dynamics_id FROM person WHERE email LIKE 'bench%' ORDER BY email").fetchall()
        emails, dynamics_ids = [e for e, _ in rows][:people], [d for _, d in rows][:people]
        (folder / "a.txt").write_text("\n".join(emails) + "\n")
        new_emails = [f"cli.new{i:05d}@example.org" for i in range(people)]
        (folder / "b.csv").write_text("email,first_name,last_name,company\n" + "".join(
            f"{e},Cli,New {i:05d},Contoso\n" for i, e in enumerate(new_emails)))
        campsync(["people", "import", str(folder / "b.csv")], env)
        (folder / "b.txt").write_text("\n".join(new_emails) + "\n")
        org.set_latency(latency_ms)
        startup = statistics.median(campsync(["--help"], env)[0] for _ in range(3))
        results = []
        naive = asyncio.run(naive_seconds(org, dynamics_ids, new_emails, sample))
        for case, file, title in (("a", "a.txt", f"{people:,} people already in Dynamics"),
                                  ("b", "b.txt", f"{people:,} people not in Dynamics (created as leads)")):
            before = org.api_requests()
            wall, done = campsync(["add", "--campaign", org.active_campaign_id, "--people-file", str(folder / file),
                                   "--json"], env, profile=profile / f"cli_add_{case}.prof" if profile else None)
            requests = org.api_requests() - before
            outcomes = json.loads(done.stdout)
            added = sum(1 for o in outcomes if o.get("outcome") == "added")
            assert added == people, f"{added} of {people} added: {done.stdout[:500]}"
            results.append(print_case(case, title, wall, startup, requests, latency_ms, naive[case], people))
            if case == "a" and latency_ms:
                no_latency_work(org, env, folder, startup, latency_ms)
    print(f"\n(start-up = median of 3 × `campsync --help`; naive client timed on {sample} people and scaled ×"
          f"{people / sample:g}; sandbox in its own process; bytecode cached as in an installed copy)")
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--latency-ms", type=int, default=30)
    parser.add_argument("--naive-sample", type=int, default=300)
    parser.add_argument("--profile", type=Path, metavar="DIR",
                        help="run each `campsync add` under cProfile, writing cli_add_a.prof / cli_add_b.prof to DIR "
                             "(the figures then include the profiler's cost)")
    args = parser.parse_args()
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    main(args.people, args.latency_ms, args.naive_sample, args.profile)
