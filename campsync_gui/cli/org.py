"""`campsync doctor | campaigns | sync`: the org as an admin checks it."""

from __future__ import annotations

from ..dynamics.doctor import CheckResult, format_check
from ..dynamics.entities import Campaign
from ..language import translate
from .common import Context, emit_json, failed, json_flag, say, shown


async def cmd_doctor(ctx: Context) -> int:
    live = None if ctx.args.json else _print_check
    report = await ctx.workspace.test_connectivity(on_result=live)
    failing = [r for r in report.results if r.status == "fail"]
    if ctx.args.json:
        emit_json(report.to_dict())
    else:
        say("\n" + report.summary())
    if report.ok:
        return 0
    return failed(ctx, "checks_failed", "; ".join(f"{r.title}: {r.detail}" for r in failing) or "a check failed")


def _print_check(result: CheckResult) -> None:
    say("\n".join(format_check(result)), flush=True)


async def cmd_campaigns(ctx: Context) -> int:
    # Read from the org and keep the local cache current (names used by add/remove and automation).
    records = await ctx.workspace.refresh_campaigns()
    campaigns = [Campaign(id=r.id, name=r.name, code=r.code, statecode=r.statecode, statuscode=r.statuscode)
                 for r in records]
    if ctx.args.active:
        campaigns = [c for c in campaigns if c.active]
    if ctx.args.json:
        emit_json([c.to_dict() for c in campaigns])
        return 0
    if not campaigns:
        say(translate("Cli", "No campaigns in this org."))
        return 0
    width = max(len(shown(c.name)) for c in campaigns)
    say(f"{translate('Cli', 'NAME'):<{width}}  {translate('Cli', 'STATE'):<8}  {translate('Cli', 'STATUS'):<15}  "
        + translate("Cli", "ID"))
    active, inactive = translate("Cli", "active"), translate("Cli", "inactive")
    for c in campaigns:
        say(f"{shown(c.name):<{width}}  {active if c.active else inactive:<8}  {c.status_label:<15}  {c.id}")
    return 0


async def cmd_sync(ctx: Context) -> int:
    workspace = ctx.workspace
    settings = workspace.settings()
    refreshed = None
    if ctx.args.sync_action in ("enable", "disable"):
        settings.campaign_sync_enabled = ctx.args.sync_action == "enable"
        if workspace.save_settings(settings):
            refreshed = await workspace.refresh_after_enabling()
    if ctx.args.json:
        emit_json({"connection": workspace.scope, "campaign_sync_enabled": settings.campaign_sync_enabled,
                   "list_prefix": settings.list_prefix, "batch_size": settings.batch_size,
                   "prerequisite_solution": settings.prerequisite_solution,
                   "prerequisite_min_version": settings.prerequisite_min_version,
                   "create_batch_start": settings.create_batch_start, "create_batch_max": settings.create_batch_max,
                   "bulk_timeout_s": settings.bulk_timeout_s})
    else:
        state = (translate("Cli", "Campaign sync is enabled for connection {connection}.")
                 if settings.campaign_sync_enabled else
                 translate("Cli", "Campaign sync is disabled for connection {connection}."))
        say(state.format(connection=repr(workspace.scope)))
        say(translate("Cli", "Bulk requests: {start} new leads per request at first, at most {most}, each allowed "
                             "{seconds} s.").format(start=settings.create_batch_start,
                                                    most=settings.create_batch_max, seconds=settings.bulk_timeout_s))
        if refreshed:
            say(refreshed)
    return 0


def add_commands(sub) -> None:
    doctor = sub.add_parser("doctor", help=translate("Cli", "test connectivity to the org step by step"))
    json_flag(doctor, translate("Cli", "print the report as JSON"))
    doctor.set_defaults(func=cmd_doctor)

    campaigns = sub.add_parser("campaigns", help=translate("Cli", "list the org's campaigns with their state"))
    json_flag(campaigns, translate("Cli", "print a JSON array (id, name, active, ...)"))
    campaigns.add_argument("--active", action="store_true", help=translate("Cli", "only active campaigns"))
    campaigns.set_defaults(func=cmd_campaigns)

    sync = sub.add_parser("sync", help=translate("Cli", "turn campaign sync on or off for this connection, or show "
                                                       "it"))
    sync.add_argument("sync_action", choices=["enable", "disable", "status"],
                      help=translate("Cli", "enable (flow actions allowed; campaigns and list links re-read), "
                                            "disable, or status"))
    json_flag(sync)
    sync.set_defaults(func=cmd_sync)
