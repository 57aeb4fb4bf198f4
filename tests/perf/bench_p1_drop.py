"""P1: a drop of N people onto one campaign, CampSync's engine against a naive client, same sandbox, same run.

Run: `.venv/bin/python tests/perf/bench_p1_drop.py [--people 10000] [--latency-ms 30] [--naive-sample N]`
(a benchmark that prints figures, not a test). Case (a) only for now: the people already exist in Dynamics.
The naive client sends one AddMemberList per person, sequentially, with the same httpx client stack.
`--naive-sample N` times the naive client on N people and scales up (its cost is linear by construction).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/support.py

from campsync_gui.core import flows  # noqa: E402
from campsync_gui.core.engine import SyncEngine  # noqa: E402
from campsync_gui.core.models import Person  # noqa: E402
from campsync_gui.dynamics.connect import open_client  # noqa: E402
from campsync_gui.sandbox import SandboxOrg  # noqa: E402
from support import connection_for, pulled_bench_store, seed_bench_leads  # noqa: E402


async def engine_run(org: SandboxOrg, store, campaign_id: str, people: list[Person]) -> tuple[float, int]:
    client = open_client(connection_for(org))
    try:
        engine = SyncEngine(store, client, scope="bench")
        await engine.check_prerequisite()
        before = client.stats.requests
        started = time.perf_counter()
        plan = engine.plan(people, engine.campaign_record(campaign_id), flows.ADD)
        engine.enqueue(plan, origin="benchmark")
        report = await engine.run()
        elapsed = time.perf_counter() - started
        assert report.done == len(people), report.to_dict()
        return elapsed, client.stats.requests - before
    finally:
        await client.aclose()


async def naive_run(org: SandboxOrg, list_id: str, dynamics_ids: list[str]) -> tuple[float, int]:
    client = open_client(connection_for(org))
    try:
        await client.whoami()  # sign in first, as the engine's client already is
        before = client.stats.requests
        started = time.perf_counter()
        for entity_id in dynamics_ids:
            await client.add_member(list_id, entity_id)
        return time.perf_counter() - started, client.stats.requests - before
    finally:
        await client.aclose()


async def main(people_count: int, latency_ms: int, naive_sample: int | None) -> None:
    folder = Path(tempfile.mkdtemp(prefix="campsync-bench-"))
    with SandboxOrg(seed=7, data_dir=folder / "sandbox") as org:
        seed_bench_leads(org, people_count)
        store, people, active = await pulled_bench_store(org, folder / "campsync.db")
        campaign_a, campaign_b = active[:2]
        setup = open_client(connection_for(org))
        naive_list = await setup.create_list("naive-benchmark-list", "lead")
        await setup.link_list(campaign_b.id, naive_list)
        await setup.aclose()
        org.knobs.latency_ms = latency_ms

        engine_seconds, engine_requests = await engine_run(org, store, campaign_a.id, people)
        sample = people if not naive_sample else people[:naive_sample]
        naive_seconds, naive_requests = await naive_run(org, naive_list, [p.dynamics_id for p in sample])
        scale = len(people) / len(sample)
        naive_seconds *= scale
        naive_requests = round(naive_requests * scale)

    n = len(people)
    print(f"P1 (a): {n:,} people already in Dynamics, sandbox latency {latency_ms} ms per request")
    print(f"{'':24}{'wall time':>12}{'requests':>12}{'req/person':>12}")
    print(f"{'CampSync engine':24}{engine_seconds:>11.2f}s{engine_requests:>12,}{engine_requests / n:>12.4f}")
    label = "naive client" + (f" (×{scale:g})" if scale != 1 else "")
    print(f"{label:24}{naive_seconds:>11.2f}s{naive_requests:>12,}{naive_requests / n:>12.4f}")
    print(f"speed-up: {naive_seconds / engine_seconds:.1f}× (target ≥ 50×); "
          f"requests: {engine_requests} (target ≤ 150)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--latency-ms", type=int, default=30)
    parser.add_argument("--naive-sample", type=int, default=None)
    args = parser.parse_args()
    asyncio.run(main(args.people, args.latency_ms, args.naive_sample))
