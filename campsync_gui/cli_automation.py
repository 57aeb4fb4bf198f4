"""`campsync automation list|run|export|import|activate|deactivate` and `campsync run-scheduler`."""

from __future__ import annotations

import asyncio
import json
import signal
import time
from pathlib import Path

from sqlmodel import Session, select

from .core.automation import AutomationRunner, Definition, validate
from .core.models import AutomationCampaign, CampaignRecord

EXPORT_FORMAT = "campsync-automation/1"


def _campaign_named(ctx, name: str) -> AutomationCampaign:
    from .cli import UserError

    with Session(ctx.engine) as session:
        row = session.exec(select(AutomationCampaign).where(AutomationCampaign.name == name)).first()
    if row is None:
        raise UserError(f"No automation campaign named {name!r}. See: campsync automation list")
    return row


def _known_campaigns(engine) -> dict[str, CampaignRecord]:
    with Session(engine) as session:
        return {c.id: c for c in session.exec(select(CampaignRecord))}


def cmd_list(ctx) -> int:
    from .cli import emit_json

    with Session(ctx.engine) as session:
        rows = list(session.exec(select(AutomationCampaign).order_by(AutomationCampaign.name)))
    known = _known_campaigns(ctx.engine)
    data = [{"name": r.name, "kind": r.kind, "active": r.active,
             "problems": validate(r.kind, Definition.from_json(r.definition), known)} for r in rows]
    if ctx.args.json:
        emit_json(data)
    elif not data:
        print("No automation campaigns yet (create them in the window, or campsync automation import FILE).")
    else:
        for item in data:
            state = "active" if item["active"] else "inactive"
            print(f"{item['name']:<32} {item['kind']:<8} {state:<9} "
                  f"{'; '.join(item['problems']) if item['problems'] else ''}")
    return 0


def cmd_export(ctx) -> int:
    with Session(ctx.engine) as session:
        rows = list(session.exec(select(AutomationCampaign).order_by(AutomationCampaign.name)))
    data = {"format": EXPORT_FORMAT, "campaigns": [
        {"name": r.name, "kind": r.kind, "active": r.active, "definition": json.loads(r.definition)} for r in rows]}
    Path(ctx.args.file).write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"Exported {len(rows)} automation campaign(s) to {ctx.args.file}.")
    return 0


def cmd_import(ctx) -> int:
    from .cli import UserError

    try:
        data = json.loads(Path(ctx.args.file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"Cannot read {ctx.args.file}: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise UserError(f"{ctx.args.file} is not a CampSync automation export ({EXPORT_FORMAT}).")
    known = _known_campaigns(ctx.engine)
    now = time.time()
    messages = []
    with Session(ctx.engine) as session:
        for item in data.get("campaigns") or []:
            definition = Definition.from_json(item.get("definition") or {})
            kind = item.get("kind") if item.get("kind") in ("trigger", "batch") else "trigger"
            problems = validate(kind, definition, known)
            row = session.exec(select(AutomationCampaign).where(AutomationCampaign.name == item["name"])).first()
            row = row or AutomationCampaign(name=item["name"], created_at=now)
            row.kind, row.definition, row.updated_at = kind, definition.to_json(), now
            # A definition that cannot run here (say, a campaign this org lacks) comes in inactive.
            row.active = bool(item.get("active")) and not problems
            session.add(row)
            messages.append(f"{item['name']}: " + ("imported" + (" (active)" if row.active else "")
                                                    if not problems else "imported inactive — " + "; ".join(problems)))
        session.commit()
    print("\n".join(messages) or "Nothing to import.")
    return 0


def _set_active(ctx, active: bool) -> int:
    from .cli import UserError

    row = _campaign_named(ctx, ctx.args.name)
    if active:
        problems = validate(row.kind, Definition.from_json(row.definition), _known_campaigns(ctx.engine))
        if problems:
            raise UserError(f"Cannot activate {row.name!r}: " + "; ".join(problems))
    with Session(ctx.engine) as session:
        stored = session.get(AutomationCampaign, row.id)
        stored.active = active
        session.add(stored)
        session.commit()
    print(f"{row.name!r} is now {'active' if active else 'inactive'}.")
    return 0


async def cmd_run(ctx) -> int:
    from .cli import emit_json
    from .core.batch import preview, run_batch
    from .core.engine import SyncEngine
    from .core.pull import refresh_campaigns

    campaign = _campaign_named(ctx, ctx.args.name)
    async with ctx.client() as client:
        engine = SyncEngine(ctx.engine, client, scope=ctx.connection.name)
        runner = AutomationRunner(ctx.engine, engine.bus, engine)
        await refresh_campaigns(ctx.engine, client)
        await engine.check_prerequisite()
        if ctx.args.dry_run:
            count = preview(runner, campaign)
            if ctx.args.json:
                emit_json({"campaign": campaign.name, "qualified": count})
            else:
                print(f"{count} people qualify for {campaign.name!r} now (nothing was run).")
            return 0
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGINT, stop.set)  # Ctrl+C aborts the rest
        report = await run_batch(runner, campaign, stop=stop)
        sync = await engine.run(stop=stop)
    if ctx.args.json:
        emit_json({**report.to_dict(), "sync": sync.to_dict()})
    else:
        print(f"{campaign.name}: {report.processed} of {report.qualified} qualified people processed"
              + (" (aborted)" if report.aborted else "") + f"; Dynamics confirmed {sync.done} change(s), "
              f"{sync.failed} failed, {sync.left_pending} still queued.")
    return 0 if not sync.failed else 1


async def cmd_run_scheduler(ctx) -> int:
    """Runs scheduled batch campaigns and resumes waiting flows until Ctrl+C (or --once)."""
    from .core.batch import advance_schedule, due_batches, run_batch
    from .core.engine import SyncEngine

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with ctx.client() as client:
        engine = SyncEngine(ctx.engine, client, scope=ctx.connection.name)
        runner = AutomationRunner(ctx.engine, engine.bus, engine)
        print("Scheduler running: scheduled batch campaigns and waiting flows are carried out. Ctrl+C stops.",
              flush=True)
        while not stop.is_set():
            resumed = runner.resume_due()
            for campaign in due_batches(ctx.engine):
                report = await run_batch(runner, campaign, stop=stop)
                advance_schedule(ctx.engine, campaign)
                print(f"{time.strftime('%H:%M:%S')} ran {campaign.name!r}: {report.processed} people", flush=True)
            if resumed:
                print(f"{time.strftime('%H:%M:%S')} resumed {resumed} waiting flow(s)", flush=True)
            if engine.pending_count():
                await engine.run(stop=stop)
            if ctx.args.once:
                break
            try:
                await asyncio.wait_for(stop.wait(), timeout=ctx.args.interval)
            except asyncio.TimeoutError:
                pass
    return 0


def add_automation_commands(sub, run_async) -> None:
    auto = sub.add_parser("automation", help="trigger and batch campaigns")
    asub = auto.add_subparsers(dest="automation_action", required=True, metavar="ACTION")
    lst = asub.add_parser("list", help="list automation campaigns and what stops them from running")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_list)
    run = asub.add_parser("run", help="run a batch campaign now")
    run.add_argument("name")
    run.add_argument("--dry-run", action="store_true", help="only count who qualifies")
    run.add_argument("--json", action="store_true")
    run.set_defaults(func=run_async(cmd_run))
    exp = asub.add_parser("export", help="write every definition to a JSON file")
    exp.add_argument("file")
    exp.set_defaults(func=cmd_export)
    imp = asub.add_parser("import", help="read definitions from a JSON file (merged by name)")
    imp.add_argument("file")
    imp.set_defaults(func=cmd_import)
    for action, active in (("activate", True), ("deactivate", False)):
        p = asub.add_parser(action, help=f"{action} a campaign")
        p.add_argument("name")
        p.set_defaults(func=lambda ctx, a=active: _set_active(ctx, a))
    sched = sub.add_parser("run-scheduler", help="run scheduled batch campaigns and waiting flows until stopped")
    sched.add_argument("--interval", type=float, default=30.0, help="seconds between checks")
    sched.add_argument("--once", action="store_true", help="one pass, then exit")
    sched.set_defaults(func=run_async(cmd_run_scheduler))
