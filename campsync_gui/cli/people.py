"""`campsync people import | pull | list | activity`: the people CampSync works on."""

from __future__ import annotations

from pathlib import Path

from .common import Context, UserError, emit_json, failed, json_flag, say, send_what_triggers_queued, shown


async def cmd_import(ctx: Context) -> int:
    path = Path(ctx.args.file)
    if not path.is_file():
        raise UserError(f"No such file: {path}")
    imported = await ctx.workspace.import_people(path)
    report = imported.report
    fired = await send_what_triggers_queued(ctx, imported.triggered)
    if ctx.args.json:
        emit_json(report.to_dict())
    else:
        say(report.summary() + (f"; {fired}" if fired else ""))
        for error in report.row_errors:
            say(f"  row {error.row}: {error.reason}")
        for warning in report.warnings:
            say(f"  warning: {warning}")
    return failed(ctx, "import_refused", report.summary()) if report.aborted else 0


async def cmd_pull(ctx: Context) -> int:
    pulled = await ctx.workspace.pull(people=True)
    people, members = pulled.people, pulled.memberships
    fired = await send_what_triggers_queued(ctx, pulled.triggered)
    if ctx.args.json:
        emit_json({"campaigns": len(pulled.campaigns), "people": people.to_dict(), "memberships": members.to_dict()})
        return 0
    say(f"Pulled {people.people} people from Dynamics: "
        f"{sum(people.created.values())} new, {sum(people.updated.values())} updated "
        f"({people.created['lead'] + people.updated['lead'] + people.unchanged['lead']} leads, "
        f"{people.created['contact'] + people.updated['contact'] + people.unchanged['contact']} contacts).")
    say(people.how_read())
    say(f"{len(pulled.campaigns)} campaigns; {members.memberships} campaign memberships "
        f"({members.flow_action} added by CampSync, {members.crm} from CRM lists).")
    if fired:
        say(f"Values changed in Dynamics: {fired}.")
    for warning in people.warnings + members.warnings:
        say(f"  warning: {warning}")
    return 0


def cmd_list(ctx: Context) -> int:
    people = ctx.workspace.list_people(search=ctx.args.search, limit=ctx.args.limit)
    data = [{"id": p.id, "name": p.name, "email": p.email, "company": p.company, "job_title": p.job_title,
             "country": p.country, "score": p.score, "type": p.dynamics_type or "local",
             "dynamics_id": p.dynamics_id} for p in people]
    if ctx.args.json:
        emit_json(data)
    elif not data:
        say("No people yet: campsync people import FILE.csv, or campsync people pull.")
    else:
        for p in data:
            say(f"{shown(p['name']):<28} {shown(p['email']):<40} {p['type']:<8} {shown(p['company'])}")
    return 0


async def cmd_activity(ctx: Context) -> int:
    """Log what a person did (behaviour for smart lists) and fire 'Activity is logged' trigger campaigns."""
    email = ctx.args.email.strip().lower()
    try:
        ran = await ctx.workspace.log_activity(email, ctx.args.type, ctx.args.detail or "")
    except LookupError as exc:
        raise UserError(str(exc)) from exc
    fired = await send_what_triggers_queued(ctx, ran)
    say(f"Logged {ctx.args.type!r} for {email}." + (f" {fired}." if fired else ""))
    return 0


def add_commands(sub) -> None:
    people = sub.add_parser("people", help="import, pull and list people")
    psub = people.add_subparsers(dest="people_action", required=True, metavar="ACTION", help="what to do")
    imp = psub.add_parser("import", help="import people from a CSV file (merged by email)")
    imp.add_argument("file", help="a CSV file with an email column")
    json_flag(imp)
    imp.set_defaults(func=cmd_import)
    pull = psub.add_parser("pull", help="read leads, contacts and campaign members from Dynamics")
    json_flag(pull)
    pull.set_defaults(func=cmd_pull)
    act = psub.add_parser("activity", help="log an activity (behaviour) for a person")
    act.add_argument("email", help="the person's email")
    act.add_argument("type", help="e.g. visited_web_page, filled_out_form, attended_webinar")
    act.add_argument("--detail", help="e.g. the page or form name")
    act.set_defaults(func=cmd_activity)
    lst = psub.add_parser("list", help="list people")
    lst.add_argument("--search", help="match name, email or company")
    lst.add_argument("--limit", type=int, metavar="N", help="only the first N")
    json_flag(lst)
    lst.set_defaults(func=cmd_list)
