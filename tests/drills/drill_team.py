"""Drill: a team on one PostgreSQL store. Three `campsync worker` processes, two operators (each a CampSync home of
its own, running `campsync add` / `remove` as their windows' drops do: plan, queue, send, wait for the answer) and two
real CampSync windows (offscreen, open through the adds and removes: window_probe.py) share one throwaway PostgreSQL
server and one sandbox org.

1. Adds: 30,000 flow actions across 3 campaigns (10,000 people each), sent by whichever process claims them; one
   worker is `kill -9`ed twice mid-sync (and started again, as a supervisor would).
2. Removes of one campaign's 10,000, with the PostgreSQL server restarted in the middle: workers wait it out and
   carry on.
3. Throughput: 10,000 queued adds drained by one worker, then another 10,000 by four, against the org with 30 ms
   per request and Dataverse's service protection limit (6,000 requests per 5 minutes): the figures side by side.

Printed: what was lost or duplicated (all must be 0: members in Dynamics, rows, trigger events, the log's chain),
each operator's and each window's view of the log (complete), and the throughput figures. Exit code non-zero when
anything is lost or duplicated. Run: `.venv/bin/python tests/drills/drill_team.py [--people 10000] [--seed N]` (`make drills`).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import random
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # drillkit

import drillkit as dk  # noqa: E402

from sqlalchemy import func  # noqa: E402
from sqlmodel import Session, select  # noqa: E402

from campsync_gui.core import flows, log_key  # noqa: E402
from campsync_gui.core.models import OutboxRow, Person, TriggerEventRecord  # noqa: E402
from campsync_gui.core.outbox import OPEN_STATES  # noqa: E402
from campsync_gui.core.store import open_store  # noqa: E402
from campsync_gui.core.triggers import ADDED, REMOVED  # noqa: E402
from campsync_gui.core.workspace import Workspace  # noqa: E402
from campsync_gui.sandbox import SandboxOrg  # noqa: E402
from pg_server import PostgresServer  # noqa: E402
from support import connection_for, run_cli, seed_bench_leads  # noqa: E402

URL_ENV = "CAMPSYNC_DATABASE_URL"


class Team:
    """The org, the team's store and the processes of the drill."""

    def __init__(self, org: SandboxOrg, url: str, folder: Path):
        self.org, self.url, self.folder = org, url, folder
        self.key = folder / "team.key"
        log_key.write_key_file(self.key, secrets.token_bytes(32))
        self.cli(["db", "upgrade"])
        self.store = open_store(url)
        self.workers: dict[int, subprocess.Popen] = {}
        self.exits: list[tuple[str, int]] = []

    def env(self, home: Path) -> dict[str, str]:
        # every node holds the team's trigger log key (docs/team-mode.md)
        return {**dk.cli_env(self.org, home), URL_ENV: self.url, log_key.KEY_FILE_ENV: str(self.key)}

    def start(self, args: list[str], home: str) -> subprocess.Popen:
        out = open(self.folder / f"{home}.out", "a", encoding="utf-8")
        try:
            out.write(f"\n$ campsync {' '.join(args)}\n")
            out.flush()
            return subprocess.Popen([sys.executable, "-m", "campsync_gui", *args], env=self.env(self.folder / home),
                                    stdout=out, stderr=subprocess.STDOUT, text=True)
        finally:
            out.close()

    def cli(self, args: list[str], home: str = "admin", timeout: float = 300) -> subprocess.CompletedProcess:
        done = run_cli(args, self.folder / home, env={**self.org.env(), URL_ENV: self.url,
                                                      log_key.KEY_FILE_ENV: str(self.key)}, timeout=timeout)
        if done.returncode != 0:
            raise SystemExit(f"campsync {' '.join(args)} exited {done.returncode}: {done.stderr[-2000:]}")
        return done

    def start_window(self, name: str, expect: int) -> subprocess.Popen:
        """A real window (window_probe.py) on the team's store, open until `stop_windows`."""
        out = open(self.folder / f"{name}.out", "a", encoding="utf-8")
        try:
            return subprocess.Popen([sys.executable, str(Path(__file__).with_name("window_probe.py")),
                                     "--out", str(self.folder / f"{name}.json"), "--stop-file",
                                     str(self.folder / "windows.stop"), "--expect", str(expect)],
                                    env=self.env(self.folder / name), stdout=out, stderr=subprocess.STDOUT, text=True)
        finally:
            out.close()

    def stop_windows(self, windows: dict[str, subprocess.Popen]) -> dict[str, collections.Counter]:
        """Ask each window for what its log panel shows, then let it close as a person closes it."""
        (self.folder / "windows.stop").touch()
        shown = {}
        for name, proc in windows.items():
            try:
                self.exits.append((f"window {name}", proc.wait(180)))
            except subprocess.TimeoutExpired:
                dk.kill_process(proc)
                self.exits.append((f"window {name} (did not close within 180 s)", 124))
            answer = self.folder / f"{name}.json"
            if answer.exists():
                data = json.loads(answer.read_text(encoding="utf-8"))
                shown[name] = collections.Counter({(t, c): n for t, c, n in data["events"]})
        return shown

    def start_worker(self, n: int) -> None:
        self.workers[n] = self.start(["worker", "--interval", "0.5"], f"worker{n}")

    def stop_workers(self) -> None:
        for n, proc in list(self.workers.items()):
            if proc.poll() is None:
                proc.terminate()
        for n, proc in list(self.workers.items()):
            try:
                self.exits.append((f"worker{n}", proc.wait(30)))
            except subprocess.TimeoutExpired:
                dk.kill_process(proc)
                self.exits.append((f"worker{n} (did not stop within 30 s of SIGTERM)", -9))
        self.workers.clear()

    def open_rows(self) -> int:
        with Session(self.store) as s:
            return s.exec(select(func.count()).select_from(OutboxRow)
                          .where(OutboxRow.state.in_(OPEN_STATES))).one()

    def answered(self, path_end: str) -> int:
        """Requests to paths ending so that the org has answered with success so far."""
        log = self.org.request_log
        return sum(1 for r in log if r.path.endswith(path_end) and 200 <= r.status < 300)

    def wait_drained(self, timeout: float) -> float:
        started = time.monotonic()
        while self.open_rows():
            if time.monotonic() - started > timeout:
                raise SystemExit(f"the queue did not drain within {timeout:.0f} s ({self.open_rows()} rows open); "
                                 f"files kept in {self.folder}")
            time.sleep(0.2)
        return time.monotonic() - started


def active_campaigns(org) -> list[dict]:
    return sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                  key=lambda r: r["name"])


def world(team: Team, campaign: dict, emails: list[str]) -> dk.World:
    return dk.World(store=team.store, home=team.folder / "admin", campaign=campaign, emails=emails)


def log_counts(team: Team, home: str) -> collections.Counter:
    """What an operator's `campsync log --json` shows: events per (trigger, campaign)."""
    import json

    events = json.loads(team.cli(["log", "--json"], home).stdout)
    return collections.Counter((e["trigger"], e["campaign_id"]) for e in events)


def phase_adds(team: Team, campaigns: list[dict], emails_file: Path, emails: list[str], rng: random.Random,
               problems: list[str]) -> None:
    print(f"\n== 1. {len(campaigns) * len(emails):,} adds across {len(campaigns)} campaigns: 3 workers, 2 operators, "
          f"one worker kill -9ed twice")
    for n in range(3):
        team.start_worker(n)
    started = time.monotonic()
    operators = [team.start(["add", "--campaign", c["campaignid"], "--people-file", str(emails_file), "--json"],
                            home) for c, home in zip(campaigns, ("operator-a", "operator-b", "operator-a"))]
    expected_batches = len(campaigns) * len(emails) // 1000
    kills = []
    for share in sorted(rng.uniform(0.15, 0.7) for _ in range(2)):
        target = max(1, int(expected_batches * share))
        while team.answered("AddListMembersList") < target and any(p.poll() is None for p in operators):
            time.sleep(0.05)
        victim = team.workers[0]
        dk.kill_process(victim)
        kills.append(team.answered("AddListMembersList"))
        team.exits.append(("worker0 (kill -9)", victim.returncode))
        team.start_worker(0)  # the supervisor starts it again
    for proc in operators:
        proc.wait(600)
        team.exits.append(("operator add", proc.returncode))
    drained = team.wait_drained(600)
    print(f"  worker0 killed after {kills[0]} and {kills[1]} answered batches; everything confirmed "
          f"{time.monotonic() - started:.1f} s after the drops ({drained:.1f} s after the operators' commands ended)")
    for campaign in campaigns:
        figures = dk.integrity(team.org, world(team, campaign, emails), expect_members=True)
        bad = dk.print_figures(f"  campaign {campaign['name']!r}:", figures)
        if bad:
            problems.append(f"adds to {campaign['name']!r}: {bad} figure(s) not 0")


def phase_restart(team: Team, campaign: dict, emails_file: Path, emails: list[str], server: PostgresServer,
                  problems: list[str]) -> None:
    print(f"\n== 2. {len(emails):,} removes from {campaign['name']!r}, PostgreSQL restarted mid-sync")
    before = team.answered("RemoveMemberList")
    operator = team.start(["remove", "--campaign", campaign["campaignid"], "--people-file", str(emails_file),
                           "--json"], "operator-b")
    while team.answered("RemoveMemberList") - before < len(emails) // 4 and operator.poll() is None:
        time.sleep(0.05)
    removed_before = team.answered("RemoveMemberList") - before
    restarted = time.monotonic()
    server.restart()
    print(f"  server restarted in {time.monotonic() - restarted:.1f} s, after {removed_before:,} of {len(emails):,} "
          f"removes were answered")
    operator.wait(600)
    said = (team.folder / "operator-b.out").read_text(encoding="utf-8").strip().splitlines()[-1]
    print(f"  the operator's command: exit {operator.returncode}" + (
        f"; it said: {said[:300]}" if operator.returncode else ""))
    if "Traceback" in (team.folder / "operator-b.out").read_text(encoding="utf-8"):
        problems.append("a traceback was shown to the operator")
    drained = team.wait_drained(600)
    print(f"  everything confirmed {drained:.1f} s after the operator's command ended")
    figures = dk.integrity(team.org, world(team, campaign, emails), expect_members=False)
    bad = dk.print_figures(f"  campaign {campaign['name']!r}:", figures)
    if bad:
        problems.append(f"removes across the restart: {bad} figure(s) not 0")


async def queue_adds(team: Team, campaign: dict, person_ids: list[int]) -> None:
    """Queue adds as an operator's window does (plan, confirm), without sending them: the workers will."""
    workspace = Workspace(open_store(team.url), connection=connection_for(team.org))
    try:
        plan = await workspace.plan(flows.ADD, campaign["campaignid"], person_ids)
        await workspace.confirm(plan, origin="drill")
    finally:
        await workspace.aclose()
        workspace.db.dispose()


def phase_throughput(team: Team, campaigns: list[dict], person_ids: list[int], latency_ms: int,
                     throttle: tuple[int, float]) -> list[tuple[int, float, int, int]]:
    print(f"\n== 3. Throughput: {len(person_ids):,} queued adds, org at {latency_ms} ms per request, throttle "
          f"{throttle[0]} requests per {throttle[1]:g} s")
    team.org.knobs.latency_ms, team.org.knobs.throttle = latency_ms, throttle
    figures = []
    for workers, campaign in zip((1, 4), campaigns):
        for n in range(workers):
            team.start_worker(n)
        time.sleep(5)  # the workers started and idle: the figure is their sending, not their start-up
        asyncio.run(queue_adds(team, campaign, person_ids))  # an operator's drop, queued; the timing starts now
        log_start, queued_at = len(team.org.request_log), time.monotonic()
        seconds = team.wait_drained(900)
        team.stop_workers()
        log = list(team.org.request_log)[log_start:]
        api = [r for r in log if "/api/data/" in r.path]
        figures.append((workers, seconds, len(api), sum(1 for r in api if r.status == 429)))
        if api:  # where the time went: waiting before the first request, or between two
            times = [queued_at] + [r.at for r in api]
            gap, after = max((b - a, a - queued_at) for a, b in zip(times, times[1:]))
            print(f"  {workers} worker(s): first request {api[0].at - queued_at:.2f} s after the queueing, last "
                  f"{api[-1].at - queued_at:.2f} s; longest wait without a request {gap:.2f} s, from {after:.2f} s")
    team.org.knobs.latency_ms, team.org.knobs.throttle = 0, None
    print(f"  {'workers':>8}{'drain time':>12}{'requests':>10}{'429s':>7}{'adds/s':>9}")
    for workers, seconds, requests, throttled in figures:
        print(f"  {workers:>8}{seconds:>11.2f}s{requests:>10}{throttled:>7}{len(person_ids) / seconds:>9.0f}")
    ratio = figures[0][1] / figures[1][1]
    if figures[1][3]:
        why = "the org's throttle answered 429 and set the pace"
    else:
        why = ("the org's throttle was not reached: one worker already keeps as many batches of 1,000 in flight as "
               "the org's x-ms-dop-hint allows, and on this machine the workers, PostgreSQL, the org and the drill "
               "share 2 cores, so the per-row work of recording confirmations is the ceiling")
    print(f"  4 workers / 1 worker: {ratio:.2f}× the throughput ({why})")
    return figures


def main(people: int, seed: int, latency_ms: int) -> int:
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="campsync-drill-team-"))
    problems: list[str] = []
    server = PostgresServer().start()
    org = SandboxOrg(seed=7, data_dir=folder / "sandbox")
    org.__enter__()
    team = None
    try:
        seed_bench_leads(org, people)
        url = server.create_database()
        team = Team(org, url, folder)
        team.cli(["people", "pull"], timeout=600)
        with Session(team.store) as s:
            pulled = s.exec(select(Person.id, Person.email).where(Person.email.startswith("bench"))
                            .order_by(Person.email)).all()
        emails = [email for _, email in pulled][:people]
        (folder / "people.txt").write_text("\n".join(emails) + "\n")
        campaigns = active_campaigns(org)
        if len(campaigns) < 5:
            raise SystemExit(f"the sandbox has {len(campaigns)} active campaigns; the drill needs 5")
        expected = collections.Counter()
        for c in campaigns[:3]:
            expected[(ADDED, c["campaignid"])] = len(emails)
        expected[(REMOVED, campaigns[2]["campaignid"])] = len(emails)
        windows = {name: team.start_window(name, sum(expected.values())) for name in ("window-a", "window-b")}
        started = time.monotonic()
        phase_adds(team, campaigns[:3], folder / "people.txt", emails, rng, problems)
        phase_restart(team, campaigns[2], folder / "people.txt", emails, server, problems)
        team.stop_workers()

        print("\n== The log, as each operator's window and commands read it")
        shown = {home: log_counts(team, home) for home in ("operator-a", "operator-b")}
        shown.update(team.stop_windows(windows))
        for name in ("operator-a", "operator-b", *windows):
            seen = shown.get(name)
            if seen is None:
                print(f"  {name}: said nothing (see {folder / name}.out)")
                problems.append(f"{name} did not say what its log shows")
                continue
            missing = sum((expected - seen).values())
            extra = sum((seen - expected).values())
            print(f"  {name}: {sum(seen.values()):,} events; missing {missing}, extra {extra}")
            if missing or extra:
                problems.append(f"{name}'s log: {missing} missing, {extra} extra")
        for name in windows:
            if "Traceback" in (folder / f"{name}.out").read_text(encoding="utf-8"):
                problems.append(f"a traceback in {name}'s terminal")
        checked = json.loads(run_cli(["verify-log", "--json"], folder / "operator-a",
                                     env={**org.env(), URL_ENV: url, log_key.KEY_FILE_ENV: str(team.key)}).stdout)
        print(f"  verify-log from operator-a: {'intact' if checked.get('ok') else 'BROKEN'} "
              f"({checked.get('count', 0):,} events)")
        if not checked.get("ok"):
            problems.append(f"verify-log: {checked.get('message')}")
        with Session(team.store) as s:
            per_row = collections.Counter(s.exec(select(TriggerEventRecord.outbox_id)).all())
        duplicated = sum(n - 1 for n in per_row.values() if n > 1)
        print(f"  trigger events recorded twice for one row: {duplicated}")
        if duplicated:
            problems.append(f"{duplicated} trigger events recorded twice")
        unexpected = [(who, code) for who, code in team.exits if code not in (0, -9) and "operator" not in who]
        if unexpected:
            problems.append(f"processes that ended badly: {unexpected}")
        print(f"\n  adds and removes above: {time.monotonic() - started:.1f} s")

        ids = [pid for pid, _ in pulled][:people]
        # Dataverse's documented service protection limit: 6,000 requests per user per 5 minutes.
        phase_throughput(team, campaigns[3:5], ids, latency_ms, (6000, 300.0))
        return dk.verdict(problems, folder)
    finally:
        if team is not None:
            team.stop_workers()
            team.store.dispose()
        org.__exit__(None, None, None)
        server.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--latency-ms", type=int, default=30)
    args = parser.parse_args()
    sys.exit(main(args.people, args.seed, args.latency_ms))
