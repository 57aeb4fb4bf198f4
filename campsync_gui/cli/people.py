"""`campsync people import | pull | list | activity`: the people CampSync works on."""

from __future__ import annotations

from pathlib import Path

from ..language import translate
from .common import Context, UserError, emit_json, failed, json_flag, say, send_what_triggers_queued, shown


async def cmd_import(ctx: Context) -> int:
    path = Path(ctx.args.file)
    if not path.is_file():
        raise UserError(translate("Cli", "No such file: {file}").format(file=path))
    imported = await ctx.workspace.import_people(path)
    report = imported.report
    fired = await send_what_triggers_queued(ctx, imported.triggered)
    if ctx.args.json:
        emit_json(report.to_dict())
    else:
        say(report.summary() + (f"; {fired}" if fired else ""))
        for error in report.row_errors:
            say("  " + translate("Cli", "row {row}: {reason}").format(row=error.row, reason=error.reason))
        for warning in report.warnings:
            say("  " + translate("Cli", "warning: {warning}").format(warning=warning))
    return failed(ctx, "import_refused", report.summary()) if report.aborted else 0


async def cmd_pull(ctx: Context) -> int:
    pulled = await ctx.workspace.pull(people=True)
    people, members = pulled.people, pulled.memberships
    fired = await send_what_triggers_queued(ctx, pulled.triggered)
    if ctx.args.json:
        emit_json({"campaigns": len(pulled.campaigns), "people": people.to_dict(), "memberships": members.to_dict()})
        return 0
    say(translate("Cli", "Pulled {people} people from Dynamics: {new} new, {updated} updated ({leads} leads, "
                         "{contacts} contacts).").format(
        people=people.people, new=sum(people.created.values()), updated=sum(people.updated.values()),
        leads=people.created["lead"] + people.updated["lead"] + people.unchanged["lead"],
        contacts=people.created["contact"] + people.updated["contact"] + people.unchanged["contact"]))
    say(people.how_read())
    say(translate("Cli", "{campaigns} campaigns; {memberships} campaign memberships ({flow_action} added by "
                         "CampSync, {crm} from CRM lists).").format(
        campaigns=len(pulled.campaigns), memberships=members.memberships, flow_action=members.flow_action,
        crm=members.crm))
    if fired:
        say(translate("Cli", "Values changed in Dynamics: {fired}.").format(fired=fired))
    for warning in people.warnings + members.warnings:
        say("  " + translate("Cli", "warning: {warning}").format(warning=warning))
    return 0


def cmd_list(ctx: Context) -> int:
    people = ctx.workspace.list_people(search=ctx.args.search, limit=ctx.args.limit)
    data = [{"id": p.id, "name": p.name, "email": p.email, "company": p.company, "job_title": p.job_title,
             "country": p.country, "score": p.score, "type": p.dynamics_type or "local",
             "dynamics_id": p.dynamics_id} for p in people]
    if ctx.args.json:
        emit_json(data)
    elif not data:
        say(translate("Cli", "No people yet: campsync people import FILE.csv, or campsync people pull."))
    else:
        for p in data:
            say(f"{shown(p['name']):<28} {shown(p['email']):<40} {_type_word(p['type']):<8} {shown(p['company'])}")
    return 0


def _type_word(kind: str) -> str:
    """A person's type (lead, contact, local: as --json gives it) as a person reads it."""
    words = {"lead": translate("Cli", "lead"), "contact": translate("Cli", "contact"),
             "local": translate("Cli", "local")}
    return words.get(kind, kind)


async def cmd_activity(ctx: Context) -> int:
    """Log what a person did (behaviour for smart lists) and fire 'Activity is logged' trigger campaigns."""
    email = ctx.args.email.strip().lower()
    try:
        ran = await ctx.workspace.log_activity(email, ctx.args.type, ctx.args.detail or "")
    except LookupError as exc:
        raise UserError(str(exc)) from exc
    fired = await send_what_triggers_queued(ctx, ran)
    logged = translate("Cli", "Logged {type} for {email}.").format(type=repr(ctx.args.type), email=email)
    say(logged + (f" {fired}." if fired else ""))
    return 0


def add_commands(sub) -> None:
    people = sub.add_parser("people", help=translate("Cli", "import, pull and list people"))
    psub = people.add_subparsers(dest="people_action", required=True, metavar="ACTION",
                                 help=translate("Cli", "what to do"))
    imp = psub.add_parser("import", help=translate("Cli", "import people from a CSV file (merged by email)"))
    imp.add_argument("file", help=translate("Cli", "a CSV file with an email column"))
    json_flag(imp)
    imp.set_defaults(func=cmd_import)
    pull = psub.add_parser("pull", help=translate("Cli", "read leads, contacts and campaign members from Dynamics"))
    json_flag(pull)
    pull.set_defaults(func=cmd_pull)
    act = psub.add_parser("activity", help=translate("Cli", "log an activity (behaviour) for a person"))
    act.add_argument("email", help=translate("Cli", "the person's email"))
    act.add_argument("type", help=translate("Cli", "e.g. visited_web_page, filled_out_form, attended_webinar"))
    act.add_argument("--detail", help=translate("Cli", "e.g. the page or form name"))
    act.set_defaults(func=cmd_activity)
    lst = psub.add_parser("list", help=translate("Cli", "list people"))
    lst.add_argument("--search", help=translate("Cli", "match name, email or company"))
    lst.add_argument("--limit", type=int, metavar="N", help=translate("Cli", "only the first N"))
    json_flag(lst)
    lst.set_defaults(func=cmd_list)
