"""Drill: 10,000 people not yet in Dynamics added to one campaign on a slow org (plug-ins cost 40 ms per created
lead, so a 1,000-lead CreateMultiple takes 40 s), with lost answers and apply-then-504 on every kind of write.
Prints the people, leads in the org per email (duplicates: must be 0), people lost (queued, not on the campaign's
list at the end: must be 0), duplicated list links (must be 0), requests by kind and the wall time; the exit code
is non-zero when anything is off.

Run: `.venv/bin/python tests/drills/drill_slow_org.py [--people 10000] [--ms-per-record 40] [--every 4]
[--unheard-patience 2]` (a drill that prints figures; `make drills` runs it). The engine runs in this process as
the app runs it (the app's default client, retry policy, bulk timeout and batch sizes), against a fresh sandbox
org in a thread (no state file). Faults come from the sandbox's own knobs: just before a write leaves, the drill
sets `lose_answers` or `gateway_timeouts` to 1 for it, so the org carries the write out (or, for a slow create,
keeps at it) while the answer is lost (the connection drops) or replaced by a 504 after `--unheard-patience`
seconds (faults.UNHEARD_PATIENCE). Per kind of write (lead create, list create, list link, AddListMembersList) the
1st request's answer is lost, the 2nd is answered 504, then every `--every`-th request alternately one or the
other. A resend of a slow create therefore reaches the org while the first attempt is still running there.
After the engine ends, the drill waits for the org to finish every slow create still running before it counts.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import dataclasses
import re
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
from campsync_gui.core.settings import load_settings  # noqa: E402
from campsync_gui.dynamics.connect import open_client  # noqa: E402
from campsync_gui.sandbox import SandboxOrg, faults, slow_writes  # noqa: E402
from support import connection_for  # noqa: E402

SCOPE = "drill"
MAX_ENGINE_RUNS = 5
SETTLE_SECONDS = 600  # the longest the org may still be at a create after the engine ended

LEAD_CREATE = "lead create"
LIST_CREATE = "list create"
LIST_LINK = "list link"
ADD_MEMBERS = "AddListMembersList"
WRITE_KINDS = (LEAD_CREATE, LIST_CREATE, LIST_LINK, ADD_MEMBERS)
LOST, GATEWAY = "lost", "504"
_ENTITY_SET = re.compile(r"/api/data/v9\.2/([A-Za-z_]+)")


def kind_of(method: str, url: str) -> str:
    """The kind of a request, from its method and URL (or the path the sandbox logged)."""
    path = str(url).split("?", 1)[0]
    if method == "POST":
        if path.endswith("/leads") or path.endswith("leads/Microsoft.Dynamics.CRM.CreateMultiple"):
            return LEAD_CREATE + (" (CreateMultiple)" if path.endswith("CreateMultiple") else " (single)")
        if path.endswith("/lists"):
            return LIST_CREATE
        if path.endswith("campaignlist_association/$ref"):
            return LIST_LINK
        if path.endswith("AddListMembersList"):
            return ADD_MEMBERS
        return "other write (" + path.rsplit("/", 1)[-1] + ")"
    m = _ENTITY_SET.search(path)
    what = m.group(1) if m else path.rsplit("/", 1)[-1]
    if "campaignlist_association" in path:
        what = "campaign lists"
    return f"{method} {what}"


def write_kind(method: str, url: str) -> str | None:
    kind = kind_of(method, url)
    return next((k for k in WRITE_KINDS if kind.startswith(k)), None)


class FaultPlan:
    """Sets the sandbox's lose_answers / gateway_timeouts knob just before the writes the plan picks.

    The engine sends one request at a time, so the knob set for a write is the one that write meets on arrival.
    """

    def __init__(self, org, every: int) -> None:
        self.org = org
        self.every = max(1, every)
        self.sent: collections.Counter[str] = collections.Counter()
        self.injected: dict[str, collections.Counter[str]] = {k: collections.Counter() for k in WRITE_KINDS}
        self.undelivered = 0  # a knob set for a write that never reached the org (cleared again)
        self._alternate: collections.Counter[str] = collections.Counter()

    def pick(self, kind: str) -> str | None:
        self.sent[kind] += 1
        n = self.sent[kind]
        if n == 1:
            return LOST
        if n == 2:
            return GATEWAY
        if n % self.every == 0:
            self._alternate[kind] += 1
            return LOST if self._alternate[kind] % 2 else GATEWAY
        return None

    def wrap(self, client) -> None:
        real = client._http.request
        knobs = self.org.knobs

        async def request(method, url, **kw):
            kind = write_kind(method, str(url))
            fault = self.pick(kind) if kind else None
            if fault == LOST:
                knobs.lose_answers = 1
            elif fault == GATEWAY:
                knobs.gateway_timeouts = 1
            try:
                return await real(method, url, **kw)
            finally:
                if fault is not None:
                    left = knobs.lose_answers + knobs.gateway_timeouts
                    if left:  # the request failed before the org saw it: the fault did not happen
                        knobs.lose_answers = knobs.gateway_timeouts = 0
                        self.undelivered += 1
                    else:
                        self.injected[kind][fault] += 1

        client._http.request = request


@dataclasses.dataclass
class Outcome:
    code: int
    figures: dict[str, int]        # the drill's own three figures (must be 0)
    integrity: dict[str, int]      # drillkit's lost-and-duplicated figures, store and org (must be 0)
    injected: dict[str, dict[str, int]]
    requests: dict[str, int]
    seconds: float


def org_figures(org, world: dk.World) -> tuple[dict[str, int], collections.Counter]:
    """The drill's figures, read from the org alone: leads per email, people not on the campaign's list, links."""
    cid = world.campaign["campaignid"]
    wanted = set(world.emails)
    leads_of: dict[str, list[str]] = collections.defaultdict(list)
    for lead in org.state.leads.values():
        email = (lead.get("emailaddress1") or "").lower()
        if email in wanted:
            leads_of[email].append(str(lead["leadid"]).lower())
    per_email = collections.Counter(min(len(leads_of.get(email, [])), 3) for email in wanted)
    app_lists = {lst["listid"].lower(): lst for lst in dk.app_lists(org, cid)}
    links = [list_id.lower() for list_id in org.state.lists_of_campaign(cid) if list_id.lower() in app_lists]
    on_list: set[str] = set()
    for list_id in set(links):
        on_list |= {member.lower() for member in org.state.members_of(list_id)}
    lost = sum(1 for email in wanted if not any(lead_id in on_list for lead_id in leads_of.get(email, [])))
    # One link per member type between the campaign and CampSync's list: the same pair twice, or a second
    # CampSync list of that type linked too, is a duplicate.
    by_type = collections.Counter(app_lists[list_id]["createdfromcode"] for list_id in links)
    figures = {
        "duplicated leads (leads beyond one per email)": sum(len(ids) - 1 for ids in leads_of.values() if ids),
        "people lost (queued, not on the campaign's list)": lost,
        "duplicated list links (campaign ↔ CampSync's list)": sum(n - 1 for n in by_type.values() if n > 1),
    }
    return figures, per_email


def settle(timeout: float = SETTLE_SECONDS) -> float:
    """Wait until the org has applied every slow create still running; the seconds waited."""
    started = time.monotonic()
    while slow_writes.in_flight() and time.monotonic() - started < timeout:
        time.sleep(0.1)
    return time.monotonic() - started


async def drill(args) -> Outcome:
    folder = Path(tempfile.mkdtemp(prefix="campsync-drill-slow-org-"))
    patience = faults.UNHEARD_PATIENCE
    faults.UNHEARD_PATIENCE = args.unheard_patience
    try:
        with SandboxOrg(seed=7, data_dir=folder / "sandbox") as org:  # no state_file: a fresh org, kept nowhere
            setup_started = time.perf_counter()
            world = await dk.build_world(org, folder, args.people, local_only=args.people)
            setup = time.perf_counter() - setup_started
            settings = load_settings(world.store, SCOPE)
            org.knobs.create_ms_per_record = args.ms_per_record
            org.clear_request_log()
            client = open_client(connection_for(org))  # the app's timeouts, bulk timeout and retry policy
            plan = FaultPlan(org, args.every)
            plan.wrap(client)
            runs, reports = 0, []
            try:
                started = time.perf_counter()
                engine = SyncEngine(world.store, client, scope=SCOPE)
                await engine.check_prerequisite()
                with Session(world.store) as s:
                    wanted = set(world.emails)
                    people = [p for p in s.exec(select(Person).order_by(col(Person.id))) if p.email in wanted]
                engine.enqueue(engine.plan(people, engine.campaign_record(world.campaign["campaignid"]), flows.ADD),
                               origin="drill")
                while runs < MAX_ENGINE_RUNS:
                    # A request that exhausts its attempts ends a run with its rows pending; the next run (as after
                    # a restart) picks them up, sending the ids stored for the people, never new ones.
                    runs += 1
                    report = await engine.run()
                    reports.append(report)
                    if not report.left_pending:
                        break
                seconds = time.perf_counter() - started
            finally:
                await client.aclose()
            waited = await asyncio.to_thread(settle)
            still_running = slow_writes.in_flight()
            org.knobs.lose_answers = org.knobs.gateway_timeouts = 0
            figures, per_email = org_figures(org, world)
            integrity = dk.integrity(org, world, expect_members=True)
            log = dk.api_records(org.request_log)
            stats = dataclasses.asdict(client.stats)
    finally:
        faults.UNHEARD_PATIENCE = patience

    requests = collections.Counter(kind_of(r.method, r.path) for r in log)
    answers: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for r in log:
        answers[kind_of(r.method, r.path)]["dropped" if r.dropped else str(r.status)] += 1

    print(f"slow-org drill: {args.people:,} people not yet in Dynamics added to {world.campaign['name']!r}; the org "
          f"takes {args.ms_per_record} ms per created lead ({args.ms_per_record:g} s per 1,000); "
          f"client: the app's defaults (bulk timeout {client.bulk_timeout:g} s, batch size {settings.batch_size}); "
          f"faults per kind of write: 1st answer lost, 2nd answered 504, then every {args.every}th alternately; "
          f"a lost or 504'd answer comes {args.unheard_patience:g} s after the request; setup {setup:.1f}s")
    print("faults the org carried out (write applied or under way, answer lost / 504):")
    for kind in WRITE_KINDS:
        print(f"  {kind:<22} lost {plan.injected[kind][LOST]:>3}   504 {plan.injected[kind][GATEWAY]:>3}   "
              f"(of {plan.sent[kind]:,} sent)")
    if plan.undelivered:
        print(f"  {plan.undelivered} fault(s) set for a write that never reached the org (cleared)")
    print(f"requests by kind ({len(log):,} to the Web API; answers as the org sent them, 'dropped' = answer lost):")
    for kind, n in sorted(requests.items(), key=lambda kv: (-kv[1], kv[0])):
        shown = ", ".join(f"{status} × {count:,}" for status, count in sorted(answers[kind].items()))
        print(f"  {kind:<40}{n:>7,}   {shown}")
    print(f"client.stats: requests {stats['requests']:,}, retries {stats['retries']}, throttled {stats['throttled']}, "
          f"waited {stats['waited_seconds']:.1f}s" + (f", by kind {stats['retries_by_kind']}"
                                                     if stats.get("retries_by_kind") else ""))
    done = sum(r.done for r in reports)
    print(f"engine: {done:,} done of {len(people):,} in {runs} run(s); last run left {reports[-1].left_pending} "
          f"pending; problems: {sum(len(r.problems) for r in reports)}"
          + "".join(f"\n  {p}" for r in reports for p in r.problems[:5]))
    print(f"leads in the org per email: one {per_email[1]:,}, none {per_email[0]:,}, two {per_email[2]:,}, "
          f"three or more {per_email[3]:,}")
    bad = dk.print_figures(f"figures ({args.people:,} people):", figures)
    bad += dk.print_figures("lost and duplicated, store and org (drillkit):", integrity)
    print(f"wall time: {seconds:.1f}s for the add ({runs} engine run(s)); then {waited:.1f}s until the org had "
          f"finished every create still running; ideal without faults ≥ "
          f"{args.people * args.ms_per_record / 1000:.0f}s of plug-ins")
    issues = []
    if bad:
        issues.append(f"{bad} figure(s) not 0")
    if still_running:
        issues.append(f"{still_running} slow create(s) still running in the org after {SETTLE_SECONDS}s")
    if done != len(people) or reports[-1].left_pending:
        issues.append("not everything completed")
    missing = [k for k in WRITE_KINDS if not sum(plan.injected[k].values())]
    if missing:
        issues.append("no fault reached " + ", ".join(missing))
    code = dk.verdict(issues, folder)
    return Outcome(code=code, figures=figures, integrity=integrity,
                   injected={k: dict(v) for k, v in plan.injected.items()}, requests=dict(requests),
                   seconds=seconds)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000, help="people not yet in Dynamics (default 10,000)")
    parser.add_argument("--ms-per-record", type=int, default=40, help="the org's plug-in time per created lead")
    parser.add_argument("--every", type=int, default=4,
                        help="after the first two, every Nth write of each kind is faulted (lost / 504 in turn)")
    parser.add_argument("--unheard-patience", type=float, default=faults.UNHEARD_PATIENCE,
                        help="seconds before a lost answer or a 504 reaches the client (the org carries on)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    return asyncio.run(drill(parse_args(argv))).code


if __name__ == "__main__":
    sys.exit(main())
