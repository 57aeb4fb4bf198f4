"""`campsync automation list | run | export | import | activate | deactivate` (the scheduler runs in `campsync
worker`)."""

from __future__ import annotations

import asyncio
import signal

from ..core.automation import AutomationError
from ..core.automation.library import LibraryError
from ..core.smartlists import SmartListError
from ..language import plural, translate
from .common import Context, UserError, changes, emit_json, failed, json_flag, say, shown


def cmd_list(ctx: Context) -> int:
    library = ctx.workspace.automations
    data = [{"name": c.name, "kind": c.kind, "active": c.active,
             "problems": library.stored_problems(c)}
            for c in sorted(library.campaigns(), key=lambda c: c.name)]
    if ctx.args.json:
        emit_json(data)
    elif not data:
        say(translate("Cli", "No automation campaigns yet (create them in the window, or campsync automation "
                             "import FILE)."))
    else:
        for item in data:
            state = translate("Cli", "active") if item["active"] else translate("Cli", "inactive")
            kind = _kind_word(item["kind"])
            say(f"{shown(item['name']):<32} {kind:<8} {state:<9} "
                f"{'; '.join(item['problems']) if item['problems'] else ''}")
    return 0


def _kind_word(kind: str) -> str:
    """A campaign's kind (as --json gives it) as a person reads it."""
    return {"trigger": translate("Cli", "trigger"), "batch": translate("Cli", "batch")}.get(kind, kind)


def cmd_export(ctx: Context) -> int:
    count = ctx.workspace.automations.export(ctx.args.file)
    say(translate("Cli", "Exported {campaigns} to {file}.").format(campaigns=plural(
        count, translate("Cli", "{n} automation campaign"), translate("Cli", "{n} automation campaigns")),
        file=ctx.args.file))
    return 0


def cmd_import(ctx: Context) -> int:
    messages = ctx.workspace.automations.import_(ctx.args.file)
    say("\n".join(messages) or translate("Cli", "Nothing to import."))
    return 0


def _set_active(ctx: Context, active: bool) -> int:
    library = ctx.workspace.automations
    campaign = _named(ctx)
    try:
        library.set_active(campaign.id, active)
    except LibraryError as exc:
        if exc.problems:
            raise UserError(translate("Cli", "Cannot activate {campaign}: {problems}").format(
                campaign=repr(campaign.name), problems="; ".join(exc.problems))) from exc
        raise
    say((translate("Cli", "{campaign} is now active.") if active else
         translate("Cli", "{campaign} is now inactive.")).format(campaign=repr(campaign.name)))
    return 0


def _named(ctx: Context):
    try:
        return ctx.workspace.automations.named(ctx.args.name)
    except LookupError as exc:
        raise UserError(str(exc)) from exc


def _cannot_run(campaign, exc: Exception) -> UserError:
    return UserError(translate("Cli", "{campaign} cannot run: {problem} (see: campsync automation list)")
                     .format(campaign=repr(campaign.name), problem=exc))


def _runnable(campaign, run):
    """What `run()` answers; a stored definition this version cannot run (a smart list over its bounds, saved by an
    older version) is the person's to fix, said in one line."""
    try:
        return run()
    except (SmartListError, AutomationError) as exc:
        raise _cannot_run(campaign, exc) from exc


async def _runnable_async(campaign, awaitable):
    try:
        return await awaitable
    except (SmartListError, AutomationError) as exc:
        raise _cannot_run(campaign, exc) from exc


async def cmd_run(ctx: Context) -> int:
    workspace = ctx.workspace
    campaign = _named(ctx)
    await workspace.refresh_campaigns()
    await workspace.check_readiness()
    if ctx.args.dry_run:
        count = _runnable(campaign, lambda: workspace.batch_preview(campaign.id))
        if ctx.args.json:
            emit_json({"campaign": campaign.name, "qualified": count})
        else:
            say(translate("Cli", "{people} for {campaign} now (nothing was run).").format(people=plural(
                count, translate("Cli", "{n} person qualifies"), translate("Cli", "{n} people qualify")),
                campaign=repr(campaign.name)))
        return 0
    asyncio.get_running_loop().add_signal_handler(signal.SIGINT, workspace.stop_running)  # Ctrl+C: abort the rest
    report = await _runnable_async(campaign, workspace.run_batch(campaign.id))
    sync = await workspace.run_queue()
    if ctx.args.json:
        emit_json({**report.to_dict(), "sync": sync.to_dict()})
    else:
        processed = (translate("Cli", "{processed} of {qualified} qualified people processed (aborted)")
                     if report.aborted else
                     translate("Cli", "{processed} of {qualified} qualified people processed")).format(
            processed=report.processed, qualified=report.qualified)
        say(translate("Cli", "{campaign}: {processed}; Dynamics confirmed {changes}, {failed} "
                             "failed, {pending} still queued.").format(
            campaign=shown(campaign.name), processed=processed, changes=changes(sync.done), failed=sync.failed,
            pending=sync.left_pending))
    if sync.failed:
        return failed(ctx, "sync_failed", f"{sync.failed} flow action(s) failed (see: campsync queue)")
    return 0


def add_commands(sub) -> None:
    auto = sub.add_parser("automation", help=translate("Cli", "trigger and batch campaigns"))
    asub = auto.add_subparsers(dest="automation_action", required=True, metavar="ACTION",
                               help=translate("Cli", "what to do"))
    lst = asub.add_parser("list", help=translate("Cli", "list automation campaigns and what stops them from running"))
    json_flag(lst)
    lst.set_defaults(func=cmd_list)
    run = asub.add_parser("run", help=translate("Cli", "run a batch campaign now"))
    run.add_argument("name", help=translate("Cli", "the batch campaign's name"))
    run.add_argument("--dry-run", action="store_true", help=translate("Cli", "only count who qualifies"))
    json_flag(run)
    run.set_defaults(func=cmd_run)
    exp = asub.add_parser("export", help=translate("Cli", "write every definition to a JSON file"))
    exp.add_argument("file", help=translate("Cli", "the JSON file to write"))
    exp.set_defaults(func=cmd_export)
    imp = asub.add_parser("import", help=translate("Cli", "read definitions from a JSON file (merged by name)"))
    imp.add_argument("file", help=translate("Cli", "a JSON file written by automation export"))
    imp.set_defaults(func=cmd_import)
    for action, active, help_text in (("activate", True, translate("Cli", "activate a campaign")),
                                      ("deactivate", False, translate("Cli", "deactivate a campaign"))):
        p = asub.add_parser(action, help=help_text)
        p.add_argument("name", help=translate("Cli", "the automation campaign's name"))
        p.set_defaults(func=lambda ctx, a=active: _set_active(ctx, a))
