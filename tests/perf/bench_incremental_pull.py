"""Incremental pulls: 200,000 people, a first (full) pull, then pulls read by change tracking, same sandbox, same run.

Run: `.venv/bin/python tests/perf/bench_incremental_pull.py [--people 200000] [--changes 100] [--latency-ms 0]`
(a benchmark that prints figures, not a test). First the reading alone, then four pulls of the people part of a pull
(leads, then contacts), all in the same run:

0. reading every lead and contact from the org without storing them: the floor of a full pull;
1. the first pull: no delta link kept, so every row is read (with change tracking asked for) and stored: the
   baseline of the incremental pulls, and within 2× the reading alone (a page is stored in bulk: issue 15);
2. a second pull with nothing changed in the org: one request per table read with change tracking is the target;
3. after `--changes` people changed in the org (half leads, half contacts): those rows and no others read;
4. a full pull again (delta links forgotten) with nothing new: every row read and compared, none written.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/support.py

from campsync_gui.core.delta_pull import save_delta_link  # noqa: E402
from campsync_gui.core.pull import PERSON_KINDS, pull_people  # noqa: E402
from campsync_gui.core.store import open_store  # noqa: E402
from campsync_gui.dynamics.change_tracking import iter_people_changes  # noqa: E402
from campsync_gui.dynamics.connect import open_client  # noqa: E402
from campsync_gui.sandbox import SandboxOrg  # noqa: E402
from bench_summary import record  # noqa: E402
from support import connection_for, seed_bench_leads  # noqa: E402

TABLES = ("leads", "contacts")
COMMAND = "tests/perf/bench_incremental_pull.py"
TARGET_STORE_RATIO = 2.0  # a full pull's time over the reading alone


async def timed_reading(client) -> tuple[float, int]:
    """Every lead and contact read as a full pull reads them (same pages, same parsing), none stored."""
    began, rows = time.perf_counter(), 0
    for kind in PERSON_KINDS:
        async for page in iter_people_changes(client, kind, page_size=5000):
            rows += len(page.people)
    return time.perf_counter() - began, rows


def requests_per_table(org: SandboxOrg, start: int) -> Counter:
    names = (r.path.split("?", 1)[0].rsplit("/", 1)[-1] for r in org.request_log[start:])
    return Counter(name for name in names if name in TABLES)


async def timed_pull(org: SandboxOrg, store, client) -> tuple[float, Counter, object]:
    start = len(org.request_log)
    began = time.perf_counter()
    report = await pull_people(store, client)
    return time.perf_counter() - began, requests_per_table(org, start), report


def rows_read(report) -> int:
    return sum(report.read.values())


def line(label: str, seconds: float, requests: Counter, report) -> str:
    how = ", ".join(f"{kind}s {'incremental' if on else 'full'}" for kind, on in report.incremental.items())
    per_table = ", ".join(f"{t} {requests.get(t, 0)}" for t in TABLES)
    return (f"{label:<34} {seconds:8.2f} s   requests: {per_table:<22} rows read: {rows_read(report):>7,}   "
            f"({how})")


async def main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        org = SandboxOrg(seed=42, data_dir=Path(tmp) / "sandbox", port=0)
        org.start()
        try:
            seeded = time.perf_counter()
            seed_bench_leads(org, args.people - len(org.state.leads) - len(org.state.contacts))
            total = len(org.state.leads) + len(org.state.contacts)
            print(f"{total:,} people in the sandbox ({len(org.state.leads):,} leads, {len(org.state.contacts):,} "
                  f"contacts), seeded in {time.perf_counter() - seeded:.1f} s; latency {args.latency_ms} ms")
            org.knobs.latency_ms = args.latency_ms
            store = open_store(Path(tmp) / "campsync.db")
            client = open_client(connection_for(org))
            try:
                read_s, read_rows = await timed_reading(client)
                print(f"{'reading alone (the floor)':<34} {read_s:8.2f} s   rows read: {read_rows:,}, none stored")
                full_s, full_req, full = await timed_pull(org, store, client)
                print(line("first pull (full, baseline)", full_s, full_req, full))
                same_s, same_req, same = await timed_pull(org, store, client)
                print(line("second pull, nothing changed", same_s, same_req, same))
                half = args.changes // 2
                for lead_id in list(org.state.leads)[:args.changes - half]:
                    org.state.update("leads", lead_id, {"jobtitle": "Changed for the benchmark"})
                for contact_id in list(org.state.contacts)[:half]:
                    org.state.update("contacts", contact_id, {"jobtitle": "Changed for the benchmark"})
                delta_s, delta_req, delta = await timed_pull(org, store, client)
                print(line(f"after {args.changes} changes", delta_s, delta_req, delta))
                for kind in PERSON_KINDS:
                    save_delta_link(store, client.org_url, kind, None)
                again_s, again_req, again = await timed_pull(org, store, client)
                print(line("full pull again, nothing new", again_s, again_req, again))
            finally:
                await client.aclose()
        finally:
            org.stop()
    tracked = sum(1 for on in same.incremental.values() if on)
    people = sum(full.created.values())
    ratio, again_ratio = full_s / read_s, again_s / read_s
    print()
    print(f"first pull: {people:,} people stored in {full_s:.2f} s = {ratio:.2f}× the reading alone "
          f"({read_s:.2f} s; target ≤ {TARGET_STORE_RATIO:g}×): storing took {max(full_s - read_s, 0):.2f} s, "
          f"{max(full_s - read_s, 0) / max(people, 1) * 1e6:.0f} µs a person")
    print(f"full pull again: {again_ratio:.2f}× the reading alone ({sum(again.unchanged.values()):,} unchanged)")
    print(f"second pull: {sum(same_req.values())} request(s) for {tracked} table(s) read with change tracking "
          f"(target: 1 per table); {same_s / full_s:.2%} of the full pull's time ({full_s / max(same_s, 1e-9):,.0f}× "
          f"faster)")
    print(f"after {args.changes} changes: {rows_read(delta):,} rows read (target: {args.changes}), "
          f"{delta.updated['lead'] + delta.updated['contact']} updated in the store; "
          f"{delta_s / full_s:.2%} of the full pull's time")
    record(f"Full pull of {people:,} people vs reading alone", f"{ratio:.2f}×", f"≤ {TARGET_STORE_RATIO:g}×",
           met=ratio <= TARGET_STORE_RATIO, command=COMMAND, detail=f"{full_s:.1f} s, reading {read_s:.1f} s")
    record("Incremental pull, nothing changed: requests", sum(same_req.values()), f"≤ {len(TABLES)} (1 per table)",
           met=sum(same_req.values()) <= len(TABLES), command=COMMAND)
    record(f"Incremental pull after {args.changes} changes: rows read", rows_read(delta), f"{args.changes}",
           met=rows_read(delta) == args.changes, command=COMMAND)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200_000)
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--latency-ms", type=int, default=0)
    asyncio.run(main(parser.parse_args()))
