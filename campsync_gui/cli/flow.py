"""`campsync add | remove`: the flow actions Add to / Remove from Microsoft Campaign, for scripts."""

from __future__ import annotations

import asyncio
from pathlib import Path

from ..core import flows, keychain, origins
from ..core.workspace import FlowOutcome
from ..language import translate
from .common import Context, UserError, emit_json, failed, say, shown


def read_emails(args) -> list[str]:
    emails = list(args.person or [])
    if args.people_file:
        text = Path(args.people_file).read_text(encoding="utf-8-sig")
        emails += [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return emails


async def run_flow_action(ctx: Context, action: str) -> int:
    args = ctx.args
    workspace = ctx.workspace
    emails = read_emails(args)
    if not emails:
        raise UserError(translate("Cli", "Name at least one person: --person EMAIL (repeatable) or --people-file "
                                         "FILE."))
    if not args.dry_run:
        keychain.warm_up()  # the trigger log's key is read from the keyring: its discovery overlaps the org's answers
    # The org's campaigns and its readiness (prerequisite solution, privileges) are asked at once, in one round
    # trip; what went wrong is said in the order the two were asked one after the other before.
    refreshed, readiness = await asyncio.gather(workspace.refresh_campaigns(), workspace.check_readiness(),
                                                return_exceptions=True)
    if isinstance(refreshed, BaseException):
        raise refreshed
    campaign = workspace.find_campaign(args.campaign)
    if campaign is None:
        raise UserError(translate("Cli", "No campaign named or with id {campaign} in this org (templates are not "
                                         "offered). See: campsync campaigns").format(campaign=repr(args.campaign)))
    if isinstance(readiness, BaseException):
        raise readiness
    plan, unknown = workspace.plan_for_emails(action, campaign, emails)
    if not args.json:
        _print_plan(plan, unknown)
    if args.dry_run:
        if args.json:
            emit_json([_plan_json(item) for item in plan.items] + [_unknown_json(e) for e in unknown])
        return 0
    request_id = await workspace.confirm(plan, origin=origins.COMMAND_LINE)
    if request_id:
        await workspace.finish_request(request_id)
    rows = [_outcome_json(o) for o in workspace.outcomes(plan, request_id)] + [_unknown_json(e) for e in unknown]
    if args.json:
        emit_json(rows)
    else:
        _print_outcomes(rows, campaign.name, action)
    return _exit_code(ctx, rows)


def _exit_code(ctx: Context, rows: list[dict]) -> int:
    """0 when everyone was added, removed or skipped; 1 when anyone failed (sync_failed) or was blocked."""
    for outcome, code in (("failed", "sync_failed"), ("blocked", "blocked")):
        stuck = [r for r in rows if r["outcome"] == outcome]
        if stuck:
            return failed(ctx, code, f"{len(stuck)} of {len(rows)} {outcome}; first: "
                                     f"{stuck[0]['email'] or stuck[0]['name']}: {stuck[0]['reason']}")
    return 0


def _outcome_json(outcome: FlowOutcome) -> dict:
    return {"email": outcome.person.email, "name": outcome.person.name, "outcome": outcome.outcome,
            "reason": outcome.reason}


def _unknown_json(email: str) -> dict:
    return {"email": email, "name": "", "outcome": "blocked",
            "reason": translate("Cli", "unknown person: import them (campsync people import) or pull them from "
                                       "Dynamics first")}


def _plan_json(item: flows.PlanItem) -> dict:
    return {"email": item.person.email, "name": item.person.name, "outcome": item.outcome,
            "plan": flows.LABELS[item.outcome], "reason": item.reason}


def _print_plan(plan: flows.Plan, unknown: list[str]) -> None:
    heading = (translate("Cli", "Add to Microsoft Campaign {campaign} — plan:") if plan.action == flows.ADD else
               translate("Cli", "Remove from Microsoft Campaign {campaign} — plan:"))
    say(heading.format(campaign=repr(plan.campaign_name)))
    for item in plan.items:
        say(f"  {flows.outcome_label(item.outcome):<34} {shown(item.person.email or item.person.name):<40} "
            f"{shown(item.reason)}")
    for email in unknown:
        say(f"  {flows.outcome_label(flows.BLOCKED):<34} {email:<40} "
            + translate("Cli", "unknown person (import or pull first)"))
    counts = {k: v for k, v in plan.counts().items() if v}
    if unknown:
        counts[flows.BLOCKED] = counts.get(flows.BLOCKED, 0) + len(unknown)
    say("  " + ", ".join(f"{v} {flows.outcome_label(k)}" for k, v in counts.items()))


def _outcome_word(outcome: str) -> str:
    """An outcome of the JSON answer ("added", "skipped"…) as a person reads it."""
    words = {"added": translate("Cli", "added"), "removed": translate("Cli", "removed"),
             "skipped": translate("Cli", "skipped"), "blocked": translate("Cli", "blocked"),
             "failed": translate("Cli", "failed"), "cancelled": translate("Cli", "cancelled")}
    return words.get(outcome, outcome)


def _print_outcomes(rows: list[dict], campaign_name: str, action: str) -> None:
    heading = (translate("Cli", "Outcome (add to {campaign}):") if action == flows.ADD else
               translate("Cli", "Outcome (remove from {campaign}):"))
    say("\n" + heading.format(campaign=repr(campaign_name)))
    for row in rows:
        say(f"  {_outcome_word(row['outcome']):<8} {shown(row['email'] or row['name']):<40} {shown(row['reason'])}")
    totals: dict[str, int] = {}
    for row in rows:
        totals[row["outcome"]] = totals.get(row["outcome"], 0) + 1
    say("  " + ", ".join(f"{v} {_outcome_word(k)}" for k, v in sorted(totals.items())))


def add_commands(sub) -> None:
    for action, help_text in (
            (flows.ADD, translate("Cli", "Add to Microsoft Campaign: add people to a Dynamics campaign")),
            (flows.REMOVE, translate("Cli", "Remove from Microsoft Campaign (only people CampSync added)"))):
        p = sub.add_parser(action, help=help_text)
        p.add_argument("--campaign", required=True, help=translate("Cli", "campaign name or id"))
        p.add_argument("--person", action="append", metavar="EMAIL",
                       help=translate("Cli", "a person's email (repeatable)"))
        p.add_argument("--people-file", metavar="FILE", help=translate("Cli", "a file with one email per line"))
        p.add_argument("--dry-run", action="store_true", help=translate("Cli", "print the plan only"))
        p.add_argument("--json", action="store_true",
                       help=translate("Cli", "print a JSON array (email, outcome, reason)"))
        p.set_defaults(func=lambda ctx, a=action: run_flow_action(ctx, a))
