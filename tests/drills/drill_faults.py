"""Drill: a 10,000-person add while the sandbox answers 10 % of requests with a 503 or a dropped connection
and throttles hard (a storm of 429s with Retry-After). Everything must complete: prints requests, retries by
kind, whether any retry came before its Retry-After (none may), lost and duplicated things (all 0), and the
time against the same run without faults. The exit code is non-zero when anything is off.

Run: `.venv/bin/python tests/drills/drill_faults.py [--people 10000] [--fail-rate 0.1] [--throttle 4/1]
[--batch-size 100] [--seed N]` (a drill that prints figures; `make drills` runs it). The engine runs in this
process with the client's default retry policy, against the sandbox org in a thread. Both runs start from the
same fresh org and store (reset, seeded, pulled), so they do the same work: look up and create the people not
yet in Dynamics, make CampSync's list, add everyone in batches. The batch size is smaller than the default 500
so that the 10,000 adds take enough requests for a 10 % fault rate to show. Retries are counted from the
sandbox's request log (the client's `stats` has totals but no split by kind): a 429, a 503 or a dropped
connection followed by the same request again is a retry of that kind.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # drillkit

import drillkit as dk  # noqa: E402

from sqlmodel import Session, col, select  # noqa: E402

from campsync_gui.core import flows  # noqa: E402
from campsync_gui.core.engine import SyncEngine  # noqa: E402
from campsync_gui.core.models import Person  # noqa: E402
from campsync_gui.core.settings import load_settings, save_settings  # noqa: E402
from campsync_gui.dynamics.connect import open_client  # noqa: E402
from campsync_gui.sandbox import SandboxOrg  # noqa: E402
from answer_log import early_requests, record_answers  # noqa: E402
from support import connection_for  # noqa: E402

SCOPE = "drill"
MAX_ENGINE_RUNS = 5


async def add_everyone(org, folder: Path, args, faults: bool) -> dict:
    """Fresh org and store; then the engine adds every drill person to the campaign, with or without faults."""
    org.reset()
    world = await dk.build_world(org, folder, args.people, args.local_only)
    settings = load_settings(world.store, SCOPE)
    settings.batch_size = args.batch_size
    save_settings(world.store, settings, SCOPE)
    org.knobs.latency_ms = args.latency_ms
    if faults:
        org.knobs.fault_seed = args.seed
        org.knobs.fail_rate = args.fail_rate
        org.knobs.throttle = args.throttle
    org.clear_request_log()
    client = open_client(connection_for(org))
    answers = record_answers(client, lose_first_writes=faults and args.lose_first_writes)
    runs, reports = 0, []
    try:
        started = time.perf_counter()
        engine = SyncEngine(world.store, client, scope=SCOPE)
        await engine.check_prerequisite()
        with Session(world.store) as s:
            wanted = set(world.emails)
            people = [p for p in s.exec(select(Person).order_by(col(Person.id))) if p.email in wanted]
        plan = engine.plan(people, engine.campaign_record(world.campaign["campaignid"]), flows.ADD)
        engine.enqueue(plan, origin="drill")
        while runs < MAX_ENGINE_RUNS:
            # One run normally finishes everything; a request that exhausts its retries ends a run with the
            # rows kept pending, and the next run (as after a restart) picks them up.
            runs += 1
            report = await engine.run()
            reports.append(report)
            if not report.left_pending:
                break
        seconds = time.perf_counter() - started
    finally:
        await client.aclose()
        org.knobs.fail_rate, org.knobs.throttle, org.knobs.latency_ms = 0.0, None, 0
    return {"seconds": seconds, "runs": runs, "reports": reports, "stats": dataclasses.asdict(client.stats),
            "log": org.request_log, "answers": answers, "figures": dk.integrity(org, world, expect_members=True),
            "people": len(people), "world": world}


def retries_by_kind(log) -> tuple[dict[str, int], dict[str, int]]:
    """Faults by kind, and how many of each were followed by the same request again (a retry)."""
    api = dk.api_records(log)
    faults = {"429": 0, "503": 0, "dropped": 0, "other 5xx": 0}
    retried = dict.fromkeys(faults, 0)
    for i, r in enumerate(api):
        kind = ("dropped" if r.dropped else "429" if r.status == 429 else "503" if r.status == 503
                else "other 5xx" if r.status >= 500 else None)
        if kind is None:
            continue
        faults[kind] += 1
        if any((n.method, n.path) == (r.method, r.path) for n in api[i + 1:i + 50]):
            retried[kind] += 1
    return faults, retried


def check_retry_after(log, answers) -> tuple[int, list[str]]:
    """Every 429 against the Retry-After it carried: once its answer is in, the client sends nothing (the refused
    request nor any other of its requests in flight) before that long has passed (answer_log.early_requests); and
    every 429 the sandbox logged was seen by the client, with a Retry-After."""
    api = dk.api_records(log)
    refused = [r for r in api if r.status == 429]
    values = [a["retry_after"] for a in answers if a["status"] == 429]
    problems = []
    if len(refused) != len(values):
        problems.append(f"{len(refused)} 429s in the sandbox log, {len(values)} seen by the client")
    problems += [f"429 #{n} carried no Retry-After" for n, wait in enumerate(values, 1) if wait is None]
    problems += early_requests(answers)
    return len(refused), problems


def _throttle(text: str) -> tuple[int, float]:
    n, _, seconds = text.partition("/")
    return int(n), float(seconds or 1)


async def main(args) -> int:
    folder = Path(tempfile.mkdtemp(prefix="campsync-drill-faults-"))
    started = time.perf_counter()
    with SandboxOrg(seed=7, data_dir=folder / "sandbox") as org:
        ideal = await add_everyone(org, folder / "ideal", args, faults=False)
        hit = await add_everyone(org, folder / "faults", args, faults=True)
    total = time.perf_counter() - started

    limit, window = args.throttle
    print(f"fault drill: {args.people:,} people ({args.local_only} not yet in Dynamics) added to "
          f"{hit['world'].campaign['name']!r}; batch size {args.batch_size}; latency {args.latency_ms} ms; "
          f"faults: fail rate {args.fail_rate:.0%} (half 503, half dropped connections, seed {args.seed}) "
          f"+ throttle {limit} requests / {window:g} s (429 + Retry-After); client retry policy: the app's default")
    faults, retried = retries_by_kind(hit["log"])
    ideal_faults, _ = retries_by_kind(ideal["log"])
    checked, problems = check_retry_after(hit["log"], hit["answers"])
    stats = hit["stats"]
    print(f"{'':22}{'wall time':>11}{'requests':>10}{'429':>6}{'503':>6}{'dropped':>9}{'retries':>9}"
          f"{'waited':>9}{'engine runs':>13}")
    for name, run, fl in (("without faults", ideal, ideal_faults), ("with faults", hit, faults)):
        s = run["stats"]
        print(f"{name:22}{run['seconds']:>10.2f}s{len(dk.api_records(run['log'])):>10,}{fl['429']:>6}{fl['503']:>6}"
              f"{fl['dropped']:>9}{s['retries']:>9}{s['waited_seconds']:>8.1f}s{run['runs']:>13}")
    print(f"retries by kind (from the sandbox log: a fault followed by the same request): "
          f"429 → {retried['429']}, 503 → {retried['503']}, dropped → {retried['dropped']}"
          + (f", other 5xx → {retried['other 5xx']}" if faults["other 5xx"] else "")
          + f"; total {sum(retried.values())}")
    print(f"client.stats: requests {stats['requests']}, retries {stats['retries']}, throttled {stats['throttled']}, "
          f"token refreshes {stats['token_refreshes']}, waited {stats['waited_seconds']:.1f}s"
          + (f", by kind {stats['retries_by_kind']}" if stats.get("retries_by_kind") else ""))
    answers = hit["answers"]
    lost = [i for i, a in enumerate(answers) if a["status"] == "lost"]
    if lost:
        resent = [i for i in lost if any((b["method"], b["url"]) == (answers[i]["method"], answers[i]["url"])
                                         for b in answers[i + 1:])]
        print(f"lost answers (Dynamics applied the request, the client never heard): {len(lost)}; the same "
              f"request sent again after {len(resent)}: " + ", ".join(
                  answers[i]["url"].split("?")[0].rsplit("/", 1)[-1] + (" (sent again)" if i in resent else "")
                  for i in lost))
    kept = checked - sum(p.startswith("429 #") and "retried" in p for p in problems)
    print(f"Retry-After: {kept} of {checked} 429s kept (nothing sent between the answer and its Retry-After)"
          + ("" if not problems else f"; {len(problems)} problem(s):"))
    for p in problems[:20]:
        print("  " + p)
    report = hit["reports"][-1]
    done = sum(r.done for r in hit["reports"])
    print(f"engine: {done:,} done of {hit['people']:,} in {hit['runs']} run(s); last run left {report.left_pending} "
          f"pending; problems: {sum(len(r.problems) for r in hit['reports'])}"
          + "".join(f"\n  {p}" for r in hit["reports"] for p in r.problems[:5]))
    bad = dk.print_figures("lost and duplicated, after the run with faults:", hit["figures"])
    bad += dk.print_figures("same, after the run without faults:", ideal["figures"])
    print(f"time with faults / without: {hit['seconds'] / ideal['seconds']:.2f}× "
          f"({hit['seconds']:.1f}s vs {ideal['seconds']:.1f}s; of that, {stats['waited_seconds']:.1f}s waiting "
          f"on Retry-After and backoff); drill total {total:.1f}s")
    issues = []
    if bad:
        issues.append(f"{bad} figure(s) not 0")
    if problems:
        issues.append("Retry-After not kept")
    if done != hit["people"] or report.left_pending:
        issues.append("not everything completed")
    if faults["429"] < 5 or faults["503"] + faults["dropped"] < 3:
        issues.append("too few faults to call it a drill (tighten --throttle or raise --fail-rate)")
    return dk.verdict(issues, folder)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--local-only", type=int, default=100, help="of them, people not yet in Dynamics")
    parser.add_argument("--fail-rate", type=float, default=0.1)
    parser.add_argument("--throttle", type=_throttle, default=(4, 1.0), metavar="N/SECONDS")
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--latency-ms", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1, help="the sandbox's fault stream")
    parser.add_argument("--lose-first-writes", action="store_true",
                        help="also lose the first answer to each kind of POST after Dynamics applied it")
    sys.exit(asyncio.run(main(parser.parse_args())))
