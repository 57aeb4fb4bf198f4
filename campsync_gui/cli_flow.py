"""`campsync add|remove|queue|retry|log|verify-log`: flow actions and their trigger log from the command line."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

from sqlmodel import Session, col, select

from .core import flows
from .dynamics.client import chunked
from .core.engine import OPEN_STATES, SyncEngine
from .core.models import OutboxRow, Person, TriggerEvent
from .core.triggers import TRIGGER_LABELS, event_to_dict, verify_chain

OUTCOME_OF_PLAN = {flows.SKIP: "skipped", flows.BLOCKED: "blocked"}


def _engine_with_automation(ctx, client) -> SyncEngine:
    """An engine whose confirmations also run the active trigger campaigns, as in the window."""
    from .core.automation import AutomationRunner

    engine = SyncEngine(ctx.engine, client, scope=ctx.connection.name)
    engine.automation = AutomationRunner(ctx.engine, engine.bus, engine)
    return engine


def read_emails(args) -> list[str]:
    emails = list(args.person or [])
    if args.people_file:
        text = Path(args.people_file).read_text(encoding="utf-8-sig")
        emails += [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return emails


async def run_flow_action(ctx, action: str) -> int:
    from .core.pull import refresh_campaigns
    from .cli import UserError, emit_json

    args = ctx.args
    emails = read_emails(args)
    if not emails:
        raise UserError("Name at least one person: --person EMAIL (repeatable) or --people-file FILE.")
    async with ctx.client() as client:
        engine = _engine_with_automation(ctx, client)
        await refresh_campaigns(ctx.engine, client)
        campaign = engine.find_campaign(args.campaign)
        if campaign is None:
            raise UserError(f"No campaign named or with id {args.campaign!r} in this org "
                            "(templates are not offered). See: campsync campaigns")
        await engine.check_prerequisite()
        people, unknown = _people_by_email(ctx.engine, emails)
        plan = engine.plan(people, campaign, action)
        if not args.json:
            _print_plan(plan, unknown)
        if args.dry_run:
            if args.json:
                emit_json([_plan_json(item) for item in plan.items] + [_unknown_json(e) for e in unknown])
            return 0
        outcomes: dict[int, tuple[str, str]] = {}
        for item in plan.items:
            if not item.runnable:
                outcomes[item.person.id] = (OUTCOME_OF_PLAN[item.outcome], item.reason)
        if plan.runnable:
            origin = "cli"
            request_id = engine.enqueue(plan, origin=origin)
            report = await engine.run()
            for row in engine.rows_of(request_id):
                if row.outcome:
                    outcomes[row.person_id] = (row.outcome, row.reason or "")
                else:
                    outcomes[row.person_id] = ("failed", f"not finished: {row.last_error or 'still queued'}"
                                                         " (campsync retry continues it)")
            if report.problems and not args.json:
                for problem in report.problems:
                    print(f"problem: {problem}", file=sys.stderr)
    rows = []
    for item in plan.items:
        outcome, reason = outcomes[item.person.id]
        rows.append({"email": item.person.email, "name": item.person.name, "outcome": outcome, "reason": reason})
    rows += [_unknown_json(e) for e in unknown]
    if args.json:
        emit_json(rows)
    else:
        _print_outcomes(rows, campaign.name, action)
    return 1 if any(r["outcome"] in ("failed", "blocked") for r in rows) else 0


def _people_by_email(engine, emails: list[str]) -> tuple[list[Person], list[str]]:
    wanted = [e.strip().lower() for e in emails]
    with Session(engine) as session:
        found = {p.email: p for chunk in chunked(sorted(set(wanted)), 500)
                 for p in session.exec(select(Person).where(col(Person.email).in_(chunk)))}
    ordered, unknown, seen = [], [], set()
    for email in wanted:
        if email in seen:
            continue
        seen.add(email)
        if email in found:
            ordered.append(found[email])
        else:
            unknown.append(email)
    return ordered, unknown


def _unknown_json(email: str) -> dict:
    return {"email": email, "name": "", "outcome": "blocked",
            "reason": "unknown person: import them (campsync people import) or pull them from Dynamics first"}


def _plan_json(item: flows.PlanItem) -> dict:
    return {"email": item.person.email, "name": item.person.name, "outcome": item.outcome,
            "plan": flows.LABELS[item.outcome], "reason": item.reason}


def _print_plan(plan: flows.Plan, unknown: list[str]) -> None:
    verb = "Add to" if plan.action == flows.ADD else "Remove from"
    print(f"{verb} Microsoft Campaign {plan.campaign_name!r} — plan:")
    for item in plan.items:
        print(f"  {flows.LABELS[item.outcome]:<34} {item.person.email or item.person.name:<40} {item.reason}")
    for email in unknown:
        print(f"  {'blocked':<34} {email:<40} unknown person (import or pull first)")
    counts = {flows.LABELS[k]: v for k, v in plan.counts().items() if v}
    if unknown:
        counts["blocked"] = counts.get("blocked", 0) + len(unknown)
    print("  " + ", ".join(f"{v} {k}" for k, v in counts.items()))


def _print_outcomes(rows: list[dict], campaign_name: str, action: str) -> None:
    print(f"\nOutcome ({'add to' if action == flows.ADD else 'remove from'} {campaign_name!r}):")
    for row in rows:
        print(f"  {row['outcome']:<8} {row['email'] or row['name']:<40} {row['reason']}")
    totals: dict[str, int] = {}
    for row in rows:
        totals[row["outcome"]] = totals.get(row["outcome"], 0) + 1
    print("  " + ", ".join(f"{v} {k}" for k, v in sorted(totals.items())))


def cmd_queue(ctx) -> int:
    from .cli import emit_json

    states = None if ctx.args.all else OPEN_STATES + ("failed",)
    with Session(ctx.engine) as session:
        query = select(OutboxRow, Person).where(OutboxRow.person_id == Person.id).order_by(OutboxRow.id)
        if states:
            query = query.where(col(OutboxRow.state).in_(states))
        rows = list(session.exec(query))
    data = [{"id": row.id, "action": row.action, "campaign_id": row.campaign_id, "email": person.email,
             "state": row.state, "attempts": row.attempts, "error": row.last_error, "outcome": row.outcome,
             "reason": row.reason, "request_id": row.request_id, "origin": row.origin} for row, person in rows]
    if ctx.args.json:
        emit_json(data)
        return 0
    if not data:
        print("The queue is empty: nothing pending or failed.")
        return 0
    for item in data:
        detail = item["error"] or item["reason"] or ""
        print(f"#{item['id']:<6} {item['state']:<9} {item['action']:<6} {item['email'] or '':<38} {detail}")
    return 0


async def cmd_retry(ctx) -> int:
    from .cli import emit_json

    async with ctx.client() as client:
        engine = _engine_with_automation(ctx, client)
        requeued = engine.retry_failed()
        report = await engine.run()
    data = {"requeued": requeued, **report.to_dict()}
    if ctx.args.json:
        emit_json(data)
    else:
        print(f"Re-queued {requeued} failed action(s); done {report.done}, failed {report.failed}, "
              f"blocked {report.blocked}, skipped {report.skipped}, still pending {report.left_pending}.")
        for problem in report.problems:
            print(f"problem: {problem}", file=sys.stderr)
    return 0 if not report.failed and not report.left_pending else 1


def cmd_cancel(ctx) -> int:
    engine = SyncEngine(ctx.engine, None, scope=ctx.connection.name)
    count = engine.cancel(ids=ctx.args.ids or None, request_id=ctx.args.request)
    print(f"Cancelled {count} queued action(s).")
    return 0


def _events_after(engine, last_id: int, limit: int | None = None) -> list[TriggerEvent]:
    with Session(engine) as session:
        query = select(TriggerEvent).where(TriggerEvent.id > last_id).order_by(TriggerEvent.id)
        return list(session.exec(query))[-limit:] if limit else list(session.exec(query))


def cmd_log(ctx) -> int:
    from .cli import emit_json

    events = _events_after(ctx.engine, 0, ctx.args.limit)
    if ctx.args.json and not ctx.args.follow:
        emit_json([event_to_dict(e) for e in events])
        return 0
    last = 0
    for event in events:
        _print_event(event, ctx.args.json)
        last = event.id
    if not ctx.args.follow:
        if not events:
            print("No trigger events yet.")
        return 0
    try:
        while True:  # other processes write the store; poll it, cheaply, by id
            time.sleep(0.5)
            for event in _events_after(ctx.engine, last):
                _print_event(event, ctx.args.json)
                last = event.id
    except KeyboardInterrupt:
        return 0


def _print_event(event: TriggerEvent, as_json: bool) -> None:
    data = event_to_dict(event)
    if as_json:
        print(json.dumps(data, ensure_ascii=False), flush=True)
    else:
        print(f"{data['time']}  {TRIGGER_LABELS[event.trigger]:<32} {event.email or '':<38} "
              f"{event.campaign_name}  ({event.origin})", flush=True)


def cmd_verify_log(ctx) -> int:
    from .cli import emit_json

    check = verify_chain(ctx.engine)
    if ctx.args.json:
        emit_json(check.to_dict())
    else:
        print(("OK: " if check.ok else "BROKEN: ") + check.message)
    return 0 if check.ok else 1


def add_flow_commands(sub, run_async) -> None:
    """Register the flow-action commands on the `campsync` parser."""
    for action, help_text in (("add", "Add to Microsoft Campaign: add people to a Dynamics campaign"),
                              ("remove", "Remove from Microsoft Campaign (only people CampSync added)")):
        p = sub.add_parser(action, help=help_text)
        p.add_argument("--campaign", required=True, help="campaign name or id")
        p.add_argument("--person", action="append", metavar="EMAIL", help="a person's email (repeatable)")
        p.add_argument("--people-file", metavar="FILE", help="a file with one email per line")
        p.add_argument("--dry-run", action="store_true", help="print the plan only")
        p.add_argument("--json", action="store_true", help="print a JSON array (email, outcome, reason)")
        p.set_defaults(func=run_async(lambda ctx, a=action: run_flow_action(ctx, a)))
    q = sub.add_parser("queue", help="pending and failed flow actions")
    q.add_argument("--all", action="store_true", help="include finished rows")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_queue)
    r = sub.add_parser("retry", help="retry failed actions and finish any left pending")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=run_async(cmd_retry))
    c = sub.add_parser("cancel", help="cancel pending or failed actions")
    c.add_argument("ids", nargs="*", type=int, help="queue row ids (default: all pending and failed)")
    c.add_argument("--request", help="only the rows of this request id")
    c.set_defaults(func=cmd_cancel)
    lg = sub.add_parser("log", help="trigger events, newest last")
    lg.add_argument("--json", action="store_true", help="JSON array (JSON lines with --follow)")
    lg.add_argument("--follow", action="store_true", help="keep printing new events")
    lg.add_argument("--limit", type=int, help="only the newest N")
    lg.set_defaults(func=cmd_log)
    v = sub.add_parser("verify-log", help="check the trigger log's hash chain")
    v.add_argument("--json", action="store_true")
    v.set_defaults(func=cmd_verify_log)


def run_async_command(coro_fn):
    def runner(ctx):
        return asyncio.run(coro_fn(ctx))
    return runner
