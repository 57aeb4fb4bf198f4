"""P1: a drop of N people onto one campaign, CampSync's engine against a naive client, same sandbox, same run.

Run: `.venv/bin/python tests/perf/bench_p1_drop.py [--people 10000] [--latency-ms 30] [--naive-sample 500] [--profile FILE]`
or `--naive-full` (a benchmark that prints figures, not a test). Two cases:

(a) the people already exist in Dynamics. Naive client: one AddMemberList per person. Engine: AddListMembersList
    in batches.
(b) none of the people exists in Dynamics (implied sync). Naive client: one POST leads per person, then one
    AddMemberList per person. Engine: lookups by email (a lead created before a crash is found, not created
    twice), CreateMultiple in batches of 1,000, then AddListMembersList in batches.

The naive client sends its requests one after the other, with the same httpx client stack. Its cost is linear
by construction, so by default it is timed on `--naive-sample` people (500) and scaled up; the scaling is
printed. `--naive-full` times it on every person (about 6 minutes for case (a) and 12 for case (b) at 10,000
people and 30 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/support.py
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_summary.py

from campsync_gui.core import flows  # noqa: E402
from campsync_gui.core.collector import settle_collector  # noqa: E402
from campsync_gui.core.models import Person  # noqa: E402
from campsync_gui.core.workspace import Workspace  # noqa: E402
from campsync_gui.dynamics.connect import open_client  # noqa: E402
from campsync_gui.sandbox import SandboxOrg  # noqa: E402
from bench_summary import record  # noqa: E402
from remote_sandbox import RemoteSandbox  # noqa: E402
from support import connection_for, pulled_bench_store, seed_bench_leads  # noqa: E402

TARGET_SPEEDUP = 250
TARGET_REQUESTS = {"a": 40, "b": 40}
TARGET_FLOOR_RATIO = 1.5  # the engine's wall time against the serial round-trip floor (requests × latency)


@dataclass
class Timing:
    seconds: float
    requests: int
    people: int
    scale: float = 1.0  # > 1 when timed on a sample and scaled up
    kinds: Counter | None = None

    @property
    def per_person(self) -> float:
        return self.requests / self.people


def request_kind(path: str) -> str:
    if path.endswith("/$batch"):
        return "$batch (lookups by email)"
    if "emailaddress1" in path:
        return "lookups by email"
    if path.endswith("CreateMultiple"):
        return "CreateMultiple"
    if path.endswith("AddListMembersList"):
        return "AddListMembersList"
    return "other"


class InProcessOrg:
    """The sandbox on a thread of this process (`--sandbox-in-process`), with RemoteSandbox's questions. Its request
    handling then competes with the engine for this process's interpreter, which a real org never does."""

    def __init__(self, folder: Path, *, leads: int):
        self.org = SandboxOrg(seed=7, data_dir=folder)
        self.leads = leads

    def __enter__(self) -> "InProcessOrg":
        self.org.__enter__()
        seed_bench_leads(self.org, self.leads)
        return self

    def __exit__(self, *exc) -> None:
        self.org.__exit__(*exc)

    def env(self) -> dict[str, str]:
        return self.org.env()

    def set_latency(self, ms: int) -> None:
        self.org.knobs.latency_ms = ms

    def log_length(self) -> int:
        return len(self.org.request_log)

    def api_log(self, since: int) -> list[tuple[str, int]]:
        return [(r.path, len(r.parts or ())) for r in self.org.request_log[since:] if "/api/data/" in r.path]

    def leads_with(self, email_prefix: str) -> int:
        return sum(1 for r in self.org.state.leads.values() if (r["emailaddress1"] or "").startswith(email_prefix))


async def engine_run(org, store, campaign_id: str, people: list[Person]) -> Timing:
    """The path both faces take through the application core: plan, confirm (queue), send."""
    client = open_client(connection_for(org))
    workspace = Workspace(store, connection=connection_for(org), client=client)
    try:
        await workspace.check_readiness()
        before, log_start = client.stats.requests, org.log_length()
        started = time.perf_counter()
        plan = await workspace.plan(flows.ADD, campaign_id, [p.id for p in people])
        await workspace.confirm(plan, origin="benchmark")
        report = await workspace.run_queue()
        elapsed = time.perf_counter() - started
        assert report.done == len(people), report.to_dict()
        log = org.api_log(log_start)
        kinds = Counter(request_kind(path) for path, _ in log)
        if any(parts for _, parts in log):  # a $batch is one request; the GETs it carried are counted apart
            kinds["GETs carried in those $batch"] = sum(parts for _, parts in log)
        return Timing(elapsed, client.stats.requests - before, len(people), kinds=kinds)
    finally:
        await workspace.aclose()


async def naive_add(org, list_id: str, dynamics_ids: list[str], total: int) -> Timing:
    """Case (a): one AddMemberList per person."""
    client = open_client(connection_for(org))
    try:
        await client.whoami()  # sign in first, as the engine's client already is
        before = client.stats.requests
        started = time.perf_counter()
        for entity_id in dynamics_ids:
            await client.add_member(list_id, entity_id)
        return _scaled(time.perf_counter() - started, client.stats.requests - before, len(dynamics_ids), total)
    finally:
        await client.aclose()


async def naive_create_and_add(org, list_id: str, people: list[Person], total: int) -> Timing:
    """Case (b): one POST leads per person, then one AddMemberList per person."""
    client = open_client(connection_for(org))
    try:
        await client.whoami()
        before = client.stats.requests
        started = time.perf_counter()
        for person in people:
            lead_id = await client.create_lead(last_name=person.last_name, first_name=person.first_name,
                                               email=person.email, company=person.company)
            await client.add_member(list_id, lead_id)
        return _scaled(time.perf_counter() - started, client.stats.requests - before, len(people), total)
    finally:
        await client.aclose()


def _scaled(seconds: float, requests: int, timed: int, total: int) -> Timing:
    scale = total / timed
    return Timing(seconds * scale, round(requests * scale), total, scale)


def add_local_people(store, count: int, prefix: str) -> list[Person]:
    """People imported into CampSync who are not in Dynamics (no Dynamics id)."""
    people = [Person(first_name="Bench", last_name=f"New {i:05d}", email=f"{prefix}{i:05d}@example.org",
                     company="Contoso") for i in range(count)]
    with Session(store, expire_on_commit=False) as session:
        session.add_all(people)
        session.commit()
    return people


def print_case(title: str, case: str, engine: Timing, naive: Timing, naive_timed: int, latency_ms: int,
               no_latency: Timing | None = None) -> None:
    print(f"\nP1 ({case}): {title}")
    print(f"  {'':34}{'wall time':>11}{'requests':>11}{'req/person':>12}")
    print(f"  {'CampSync engine':34}{engine.seconds:>10.2f}s{engine.requests:>11,}{engine.per_person:>12.4f}")
    if naive.scale != 1:
        label = f"naive client (SCALED ×{naive.scale:g} from {naive_timed:,})"
    else:
        label = "naive client (timed in full)"
    print(f"  {label:34}{naive.seconds:>10.2f}s{naive.requests:>11,}{naive.per_person:>12.4f}")
    if engine.kinds:
        print("  engine requests by kind: " + ", ".join(f"{kind} {count}" for kind, count in
                                                      sorted(engine.kinds.items(), key=lambda kv: -kv[1])))
    speedup = naive.seconds / engine.seconds
    target = TARGET_REQUESTS[case]
    print(f"  engine vs naive: {speedup:.1f}× faster (target ≥ {TARGET_SPEEDUP}×: "
          f"{'met' if speedup >= TARGET_SPEEDUP else 'MISSED'}), {naive.requests / engine.requests:.0f}× fewer "
          f"requests; engine requests {engine.requests} (target ≤ {target}: "
          f"{'met' if engine.requests <= target else 'MISSED'})")
    floor = engine.requests * latency_ms / 1000
    ratio = engine.seconds / floor if floor else float("inf")
    print(f"  serial round-trip floor {engine.requests} × {latency_ms} ms = {floor:.2f} s; engine / floor = "
          f"{ratio:.2f}× (target ≤ {TARGET_FLOOR_RATIO}×: {'met' if ratio <= TARGET_FLOOR_RATIO else 'MISSED'})")
    if no_latency is not None:
        print(f"  the same drop at 0 ms latency (another campaign): {no_latency.seconds:.2f} s, the work itself on this "
              f"machine (CampSync's store and the org's, on the same cores); at {latency_ms} ms the engine takes "
              f"{engine.seconds / no_latency.seconds:.2f}× that")
    command = "tests/perf/bench_p1_drop.py"
    record(f"P1 ({case}) requests", engine.requests, f"≤ {target}", met=engine.requests <= target, command=command)
    record(f"P1 ({case}) vs naive client", f"{speedup:.0f}×", f"≥ {TARGET_SPEEDUP}×", met=speedup >= TARGET_SPEEDUP,
           command=command, detail=f"engine {engine.seconds:.2f} s, naive {naive.seconds:.0f} s")
    work = f"; at 0 ms latency {no_latency.seconds:.2f} s" if no_latency is not None else ""
    record(f"P1 ({case}) vs round-trip floor", f"{ratio:.2f}×", f"≤ {TARGET_FLOOR_RATIO}×",
           met=ratio <= TARGET_FLOOR_RATIO if case == "a" else None, command=command,
           detail=f"floor {floor:.2f} s{work}")


async def main(people_count: int, latency_ms: int, naive_sample: int | None, profile: Path | None = None,
               in_process: bool = False) -> None:
    folder = Path(tempfile.mkdtemp(prefix="campsync-bench-"))
    # The org in its own process by default, as a real org is (and as bench_cli_drop.py has it).
    sandbox = InProcessOrg if in_process else RemoteSandbox
    with sandbox(folder / "sandbox", leads=people_count) as org:
        store, people, active = await pulled_bench_store(org, folder / "campsync.db")
        # Case (b)'s people: the engine's are in CampSync's store; the naive client's are other people (same
        # shape), so that neither run finds leads the other created.
        new_people = add_local_people(store, people_count, "bench.new")
        naive_new = [Person(first_name="Naive", last_name=f"New {i:05d}", email=f"naive.new{i:05d}@example.org",
                            company="Contoso") for i in range(people_count)]
        campaign_a, campaign_b = active[:2]
        campaign_c = active[2] if len(active) > 2 else campaign_a
        campaign_d = active[3] if len(active) > 3 else None
        setup = open_client(connection_for(org))
        naive_lists = {}
        for case in ("a", "b"):
            naive_lists[case] = await setup.create_list(f"naive-benchmark-list-{case}", "lead")
            await setup.link_list(campaign_b.id, naive_lists[case])
        await setup.aclose()
        org.set_latency(latency_ms)
        timed = people_count if not naive_sample else min(naive_sample, people_count)
        settle_collector()  # as the command line and the worker do once started (the window has its own rules)

        profiler = cProfile.Profile() if profile else None
        if profiler:
            profiler.enable()
        engine_a = await engine_run(org, store, campaign_a.id, people)
        if profiler:
            profiler.disable()
            profiler.dump_stats(profile)
            print(f"profile of the engine's run in case (a) written to {profile} (the sandbox's thread is not in it; "
                  f"the figures below include the profiler's cost)")
        # The same drop with no latency at all, on another campaign: what the work itself costs on this machine
        # (CampSync's store and the org's own, on the same cores), the floor beneath the round-trip floor.
        engine_a0 = None
        if campaign_d is not None and latency_ms:
            org.set_latency(0)
            engine_a0 = await engine_run(org, store, campaign_d.id, people)
            org.set_latency(latency_ms)
        naive_a = await naive_add(org, naive_lists["a"], [p.dynamics_id for p in people[:timed]], people_count)
        engine_b = await engine_run(org, store, campaign_c.id, new_people)
        naive_b = await naive_create_and_add(org, naive_lists["b"], naive_new[:timed], people_count)
        created = org.leads_with("bench.new")
        assert created == people_count, f"{created} leads created for {people_count} new people"

    n = people_count
    where = "on a thread of this process" if in_process else "in its own process, as a real org is"
    print(f"P1: {n:,} people dropped on one campaign; sandbox latency {latency_ms} ms per request; the sandbox "
          f"{where}")
    if timed != n:
        print(f"NOTE: the naive client was timed on {timed:,} people and its figures SCALED ×{n / timed:g} "
              f"(linear by construction); --naive-full times it on all {n:,}.")
    print_case(f"{n:,} people already in Dynamics", "a", engine_a, naive_a, timed, latency_ms, engine_a0)
    print_case(f"{n:,} people not in Dynamics (created as leads, then added)", "b", engine_b, naive_b, timed,
               latency_ms)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--latency-ms", type=int, default=30)
    parser.add_argument("--naive-sample", type=int, default=500,
                        help="time the naive client on N people and scale up linearly (default 500)")
    parser.add_argument("--naive-full", action="store_true", help="time the naive client on every person")
    parser.add_argument("--profile", type=Path, metavar="FILE",
                        help="cProfile the engine's run of case (a) into FILE (read it with python -m pstats FILE)")
    parser.add_argument("--sandbox-in-process", action="store_true",
                        help="run the sandbox on a thread of this process (how this benchmark ran before issue 15)")
    args = parser.parse_args()
    asyncio.run(main(args.people, args.latency_ms, None if args.naive_full else args.naive_sample, args.profile,
                     args.sandbox_in_process))
