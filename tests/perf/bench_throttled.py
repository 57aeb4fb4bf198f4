"""P1 under throttling: the engine's drop of N people with the sandbox's service-protection limit switched on.

Run: `.venv/bin/python tests/perf/bench_throttled.py [--people 10000] [--latency-ms 30] [--throttle 3/2]`
(a benchmark that prints figures, not a test). Same setup as bench_p1_drop.py. The ideal is the same run
unthrottled, measured in this process first (on another campaign of the same org, so both runs add the same
people to a fresh pair of lists). Prints the 429s seen by the server and by the client, checks from the
client's own record of its attempts that nothing left between a 429's answer and the end of its Retry-After
(neither the refused request nor another batch in flight), and the time against the ideal.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/support.py
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_summary.py

from campsync_gui.core import flows  # noqa: E402
from campsync_gui.core.engine import SyncEngine  # noqa: E402
from campsync_gui.core.models import Person  # noqa: E402
from campsync_gui.dynamics.connect import open_client  # noqa: E402
from campsync_gui.sandbox import SandboxOrg  # noqa: E402
from answer_log import early_requests, record_answers  # noqa: E402
from bench_summary import record  # noqa: E402
from support import connection_for, pulled_bench_store, seed_bench_leads  # noqa: E402


async def engine_run(org: SandboxOrg, store, campaign_id: str, people: list[Person]) -> dict:
    client = open_client(connection_for(org))
    waits: list[tuple[float, float]] = []  # (monotonic when the client started waiting, seconds)
    real_sleep = client._sleep

    async def recording_sleep(seconds: float) -> None:
        waits.append((time.monotonic(), seconds))
        await real_sleep(seconds)

    client._sleep = recording_sleep
    answers = record_answers(client)
    try:
        engine = SyncEngine(store, client, scope="bench")
        await engine.check_prerequisite()
        before_requests, before_throttled = client.stats.requests, client.stats.throttled
        org.clear_request_log()
        started_mono = time.monotonic()
        started = time.perf_counter()
        plan = engine.plan(people, engine.campaign_record(campaign_id), flows.ADD)
        engine.enqueue(plan, origin="benchmark")
        report = await engine.run()
        elapsed = time.perf_counter() - started
        assert report.done == len(people), report.to_dict()
        return {"seconds": elapsed, "requests": client.stats.requests - before_requests,
                "throttled": client.stats.throttled - before_throttled, "waits": waits,
                "waited": sum(w for _, w in waits), "log": org.request_log, "started": started_mono,
                "answers": answers}
    finally:
        await client.aclose()


def check_retry_after(log, waits, answers) -> tuple[int, list[str]]:
    """Each 429 against its Retry-After: once the client has heard it, none of its requests (the refused one, or
    another batch in flight) leaves before that long has passed (answer_log.early_requests). Returns (number of 429s,
    violations)."""
    throttled = [r for r in log if r.path.startswith("/api/") and r.status == 429]
    problems = []
    if len(throttled) != len(waits):
        problems.append(f"{len(throttled)} 429s in the log but the client waited {len(waits)} times")
    return len(throttled), problems + early_requests(answers)


async def main(people_count: int, latency_ms: int, throttle: tuple[int, float]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="campsync-bench-"))
    with SandboxOrg(seed=7, data_dir=folder / "sandbox") as org:
        seed_bench_leads(org, people_count)
        store, people, active = await pulled_bench_store(org, folder / "campsync.db")
        campaign_a, campaign_b = active[:2]
        org.knobs.latency_ms = latency_ms

        ideal = await engine_run(org, store, campaign_a.id, people)
        org.knobs.throttle = throttle
        hit = await engine_run(org, store, campaign_b.id, people)
        org.knobs.throttle = None

    n = len(people)
    api = [r for r in hit["log"] if r.path.startswith("/api/")]
    server_429 = sum(1 for r in api if r.status == 429)
    checked, problems = check_retry_after(hit["log"], hit["waits"], hit["answers"])
    limit, window = throttle
    print(f"Throttled P1: {n:,} people already in Dynamics, latency {latency_ms} ms, "
          f"throttle {limit} requests / {window:g} s (sliding window)")
    print(f"{'':24}{'wall time':>12}{'requests':>12}{'429s':>8}{'waited':>10}")
    print(f"{'unthrottled (ideal)':24}{ideal['seconds']:>11.2f}s{ideal['requests']:>12,}"
          f"{ideal['throttled']:>8}{ideal['waited']:>9.2f}s")
    print(f"{'throttled':24}{hit['seconds']:>11.2f}s{hit['requests']:>12,}{hit['throttled']:>8}{hit['waited']:>9.2f}s")
    print(f"429s: {server_429} in the sandbox request log ({len(api)} API requests logged), "
          f"{hit['throttled']} counted by client.stats.throttled")
    print(f"Retry-After kept: {checked - len([p for p in problems if p.startswith('429 #')])} of {checked} "
          f"429s: no request of the client left between the 429's answer and its Retry-After"
          + ("" if not problems else f"; {len(problems)} problem(s):"))
    for p in problems[:20]:
        print("  " + p)
    if hit["waits"]:
        print("Retry-After values waited (s): " + ", ".join(f"{w:g}" for _, w in hit["waits"]))
    print(f"throttled / ideal: {hit['seconds'] / ideal['seconds']:.2f}× "
          f"(+{hit['seconds'] - ideal['seconds']:.2f}s, of which {hit['waited']:.2f}s waiting on Retry-After)")
    if server_429 < 3:
        print(f"note: only {server_429} 429s; pick a tighter --throttle to exercise the retries")
    early = len([p for p in problems if p.startswith('429 #')])
    record("Throttled P1 (a): retries before Retry-After", early, "0", met=early == 0,
           command="tests/perf/bench_throttled.py",
           detail=f"{server_429} × 429; {hit['seconds']:.1f} s against {ideal['seconds']:.1f} s unthrottled")


def _throttle(text: str) -> tuple[int, float]:
    n, _, seconds = text.partition("/")
    return int(n), float(seconds or 1)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--latency-ms", type=int, default=30)
    parser.add_argument("--throttle", type=_throttle, default=(3, 2.0), metavar="N/SECONDS")
    args = parser.parse_args()
    asyncio.run(main(args.people, args.latency_ms, args.throttle))
