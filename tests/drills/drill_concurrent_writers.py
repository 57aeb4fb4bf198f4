"""Drill: several writers make the first adds to new campaigns at once, then remove half of the people (issue 13).

Four processes write at the same time: on store A, two `campsync add` loops and a `campsync run-scheduler` running
a batch campaign that adds its people to every campaign; on store B (a second operator), one more `campsync add`
loop. None of the campaigns has a CampSync list when they start, so every first add races to make it. Then each
writer removes half of its people from every campaign, again all at once (`campsync remove` loops).

Printed, each of which must be 0: campaigns with more than one CampSync list per member type (found in Dynamics by
CampSync's name, whatever the id), people reported "removed" who are still on one of the campaign's lists, people
lost (added, not removed, not on the campaign), duplicated list members, adds or removes that failed. The exit code
is non-zero when anything is off.

Run: `.venv/bin/python tests/drills/drill_concurrent_writers.py [--campaigns 20] [--people 5]` (`make drills`).
The sandbox org runs in this process (a thread); the writers are real `campsync` processes.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # drillkit

import drillkit as dk  # noqa: E402

from campsync_gui.core.applists import app_list_name  # noqa: E402
from campsync_gui.core.automation.library import EXPORT_FORMAT  # noqa: E402
from support import pulled_bench_store  # noqa: E402

LOOP_WRITERS = (("A", 1), ("A", 2), ("B", 4))  # (store, writer number) of the `campsync add` loops
SCHEDULER_WRITER = ("A", 3)  # the batch campaign run by `campsync run-scheduler --once` on store A
STEP_SECONDS = 3.0  # between the moments the loops start their command for the next campaign


@dataclass
class Outcome:
    campaigns: int
    people: int
    seconds_adding: float = 0.0
    seconds_removing: float = 0.0
    figures: dict[str, int] = field(default_factory=dict)
    lists_per_campaign: collections.Counter = field(default_factory=collections.Counter)
    removed_reported: int = 0
    problems: list[str] = field(default_factory=list)
    failure_reasons: collections.Counter = field(default_factory=collections.Counter)

    @property
    def ok(self) -> bool:
        return not any(self.figures.values()) and not self.problems


def writer_email(writer: int, index: int) -> str:
    return f"writer{writer}-{index:03d}@drill.example"


def seed(org, campaigns: int, people: int) -> list[str]:
    """New campaigns without lists, and each writer's people as leads already in Dynamics."""
    ids = [org.state.create("campaigns", {"name": f"Drill launch {i:02d}", "typecode": 1})["campaignid"]
           for i in range(campaigns)]
    for writer in (1, 2, 3, 4):
        for index in range(people):
            org.state.create("leads", {"firstname": f"Writer {writer}", "lastname": f"Person {index:03d}",
                                       "emailaddress1": writer_email(writer, index)})
    return ids


def batch_campaign(campaign_ids: list[str], action_step: str, writer: int, people: list[str]) -> dict:
    """The scheduler's batch campaign: its people, one flow step per campaign, due now."""
    return {"name": f"Drill writer {writer} {action_step}", "kind": "batch", "active": True, "definition": {
        "smart_list": {"filters": [{"kind": "field", "field": "email", "op": "in_list", "value": people}],
                       "logic": "all"},
        "triggers": [], "flow": [{"step": action_step, "campaign_id": cid} for cid in campaign_ids],
        "qualification": {"rule": "every_time"}, "schedule": {"at": time.time() - 1, "repeat": None}}}


def loop_script(action: str, campaign_ids: list[str], people_file: Path, results: Path, start_at: float) -> str:
    """A shell loop of `campsync ACTION` over the campaigns, each answer (JSON) appended to `results`. Every loop
    starts its command for campaign i at the same moment (start_at + i × STEP_SECONDS, or as soon as its previous
    command ends), so the writers' first adds to a campaign meet, as the window's and a script's would."""
    python = sys.executable
    lines = []
    for i, cid in enumerate(campaign_ids):
        lines.append(f'"{python}" -c "import time; time.sleep(max(0, {start_at + i * STEP_SECONDS} - time.time()))"')
        lines.append(f'"{python}" -m campsync_gui {action} --campaign {cid} --people-file "{people_file}" --json '
                     f'>> "{results}" 2>> "{results}.err"; echo >> "{results}"')
    return "\n".join(lines)


def start(args: list[str], org, home: Path, log: Path) -> subprocess.Popen:
    return dk.start_cli(args, org, home, log)


def start_loop(script: str, org, home: Path) -> subprocess.Popen:
    return subprocess.Popen(["sh", "-c", script], env=dk.cli_env(org, home), stdout=subprocess.DEVNULL,
                            stderr=subprocess.STDOUT)


def read_results(path: Path) -> list[dict]:
    """Every (email, outcome, reason) the CLI printed, over all its runs."""
    rows: list[dict] = []
    for chunk in path.read_text(encoding="utf-8").split("\n\n") if path.exists() else []:
        chunk = chunk.strip()
        if chunk:
            try:
                rows.extend(json.loads(chunk))
            except ValueError:
                rows.append({"email": "?", "outcome": "unreadable", "reason": chunk[:200]})
    return rows


async def prepare(org, folder: Path, campaigns: int, people: int):
    campaign_ids = seed(org, campaigns, people)
    homes = {"A": folder / "store-a", "B": folder / "store-b"}
    for home in homes.values():
        store, _, _ = await pulled_bench_store(org, home / "campsync.db")
        store.dispose()
    return campaign_ids, homes


def run_phase(org, folder: Path, campaign_ids: list[str], homes: dict[str, Path], people: int,
              action: str, share: slice) -> tuple[float, dict[int, list[dict]], list[str]]:
    """Every writer does `action` for its people (`share` of them) on every campaign, all writers at once."""
    started = time.perf_counter()
    processes: list[tuple[int, subprocess.Popen]] = []
    results: dict[int, Path] = {}
    problems: list[str] = []
    start_at = time.time() + 2.0
    for store, writer in LOOP_WRITERS:
        emails = [writer_email(writer, i) for i in range(people)][share]
        people_file = folder / f"{action}-writer{writer}.txt"
        people_file.write_text("\n".join(emails) + "\n", encoding="utf-8")
        results[writer] = folder / f"{action}-writer{writer}.json"
        processes.append((writer, start_loop(loop_script(action, campaign_ids, people_file, results[writer], start_at),
                                             org, homes[store])))
    store, writer = SCHEDULER_WRITER
    emails = [writer_email(writer, i) for i in range(people)][share]
    step = "add_to_microsoft_campaign" if action == "add" else "remove_from_microsoft_campaign"
    definition = folder / f"{action}-scheduler.json"
    definition.write_text(json.dumps({"format": EXPORT_FORMAT,
                                      "campaigns": [batch_campaign(campaign_ids, step, writer, emails)]}),
                          encoding="utf-8")
    imported = dk.run_cli(["automation", "import", str(definition)], homes[store], env=org.env())
    if imported.returncode != 0:
        problems.append(f"automation import failed: {imported.stderr[-400:]}")
    processes.append((writer, start(["run-scheduler", "--once"], org, homes[store], folder / "scheduler.log")))
    for writer, process in processes:
        if process.wait(timeout=1800) != 0:
            problems.append(f"writer {writer} ({action}) ended with exit code {process.returncode}")
    # Whatever a process left queued (it may have ended while another held the list), the stores finish now.
    for store, home in homes.items():
        retried = dk.run_cli(["retry"], home, env=org.env(), timeout=600)
        if retried.returncode != 0:
            problems.append(f"campsync retry on store {store}: exit {retried.returncode}: "
                            f"{(retried.stdout + retried.stderr)[-400:]}")
    outcomes = {writer: read_results(path) for writer, path in results.items()}
    return time.perf_counter() - started, outcomes, problems


def campsync_lists(org, campaign_id: str) -> list[dict]:
    """Every list in Dynamics with CampSync's name for this campaign (two of one member type: a duplicate)."""
    names = {app_list_name("CampSync", t, campaign_id).casefold() for t in ("lead", "contact")}
    return [row for row in org.state.lists.values() if row["listname"].casefold() in names]


def on_campaign(org, campaign_id: str) -> set[str]:
    """Everyone on any list linked to the campaign."""
    members: set[str] = set()
    for list_id in org.state.lists_of_campaign(campaign_id):
        members |= org.state.members_of(list_id)
    return members


def count(org, campaign_ids: list[str], people: int, removed_outcomes: dict[int, list[dict]],
          added_outcomes: dict[int, list[dict]], outcome: Outcome) -> None:
    lead_of = {(row.get("emailaddress1") or "").lower(): lid for lid, row in org.state.leads.items()}
    figures = collections.Counter()
    removed_half = set(range(people)[: people // 2])
    for cid in campaign_ids:
        lists = campsync_lists(org, cid)
        per_type = collections.Counter(row["createdfromcode"] for row in lists)
        outcome.lists_per_campaign[len(lists)] += 1
        figures["campaigns with more than one CampSync list of a member type"] += any(n > 1 for n in per_type.values())
        members = on_campaign(org, cid)
        for writer in (1, 2, 3, 4):
            for index in range(people):
                lead = lead_of[writer_email(writer, index)]
                if index in removed_half:
                    figures["people removed but still on the campaign"] += lead in members
                else:
                    figures["people lost (added, kept, not on the campaign)"] += lead not in members
    # The CLI's own words: every "removed" it printed must be true in Dynamics.
    for writer, rows in removed_outcomes.items():
        outcome.removed_reported += sum(1 for r in rows if r.get("outcome") == "removed")
        figures["removals not done (failed or unreadable)"] += sum(1 for r in rows if r.get("outcome") in
                                                                     ("failed", "unreadable", "blocked"))
    for rows in added_outcomes.values():
        figures["adds not done (failed or unreadable)"] += sum(1 for r in rows if r.get("outcome") in
                                                               ("failed", "unreadable", "blocked"))
    for rows in [*added_outcomes.values(), *removed_outcomes.values()]:
        outcome.failure_reasons.update(f"{r.get('outcome')}: {str(r.get('reason'))[:160]}" for r in rows
                                       if r.get("outcome") in ("failed", "unreadable", "blocked"))
    pairs = collections.Counter((m["_listid_value"], m["_entityid_value"]) for m in org.state.listmembers.values())
    figures["duplicated list members"] = sum(n - 1 for n in pairs.values() if n > 1)
    outcome.figures = dict(figures)


async def drill(org, folder: Path, campaigns: int, people: int) -> Outcome:
    campaign_ids, homes = await prepare(org, folder, campaigns, people)
    outcome = Outcome(campaigns=campaigns, people=people)
    outcome.seconds_adding, added, problems = run_phase(org, folder, campaign_ids, homes, people, "add",
                                                        slice(None))
    outcome.problems += problems
    outcome.seconds_removing, removed, problems = run_phase(org, folder, campaign_ids, homes, people, "remove",
                                                            slice(0, people // 2))
    outcome.problems += problems
    count(org, campaign_ids, people, removed, added, outcome)
    return outcome


def report(outcome: Outcome) -> str:
    lines = [f"{outcome.campaigns} new campaigns, 4 writers (3 `campsync add`/`remove` loops and a scheduler, "
             f"2 stores), {outcome.people} people each",
             f"adding: {outcome.seconds_adding:.1f} s; removing half: {outcome.seconds_removing:.1f} s",
             "CampSync lists per campaign: " + ", ".join(f"{n} list(s): {c} campaign(s)"
                                                        for n, c in sorted(outcome.lists_per_campaign.items())),
             f"\"removed\" reported by the CLI: {outcome.removed_reported}"]
    lines += [f"{name}: {value}" for name, value in sorted(outcome.figures.items())]
    lines += [f"problem: {p}" for p in outcome.problems]
    lines += [f"{n} x {reason}" for reason, n in outcome.failure_reasons.most_common(5)]
    lines.append("OK" if outcome.ok else "NOT OK")
    return "\n".join(lines)


def main() -> int:
    import asyncio

    from campsync_gui.sandbox import SandboxOrg

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--campaigns", type=int, default=20)
    parser.add_argument("--people", type=int, default=5, help="people per writer")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="campsync-writers-") as tmp:
        folder = Path(tmp)
        with SandboxOrg(seed=11, data_dir=folder / "sandbox") as org:
            outcome = asyncio.run(drill(org, folder, args.campaigns, args.people))
    print(report(outcome))
    return 0 if outcome.ok else 1


if __name__ == "__main__":
    sys.exit(main())
