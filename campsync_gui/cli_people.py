"""`campsync people import|pull|list`: the people CampSync works on."""

from __future__ import annotations

from pathlib import Path

from .core import people as people_core


def cmd_people_import(ctx) -> int:
    from .cli import UserError, emit_json
    from .core.people import import_csv

    path = Path(ctx.args.file)
    if not path.is_file():
        raise UserError(f"No such file: {path}")
    before = people_core.max_person_id(ctx.engine)
    report = import_csv(ctx.engine, path)
    fired = ""
    created = people_core.new_person_ids(ctx.engine, before)
    from .core.automation import DATA_VALUE_CHANGES, PERSON_CREATED
    wanted = []  # what trigger campaigns listen to: people created, values changed
    if created and _has_active_trigger(ctx.engine, PERSON_CREATED):
        wanted.append(lambda runner: runner.people_created(list(created)))
    if report.changes and _has_active_trigger(ctx.engine, DATA_VALUE_CHANGES):
        wanted.append(lambda runner: runner.data_values_changed(report.changes))
    if wanted:
        import asyncio

        fired = asyncio.run(fire_triggers(ctx, lambda runner: sum(fire(runner) for fire in wanted)))
    if ctx.args.json:
        emit_json(report.to_dict())
    else:
        print(report.summary() + (f"; {fired}" if fired else ""))
        for error in report.row_errors:
            print(f"  row {error.row}: {error.reason}")
        for warning in report.warnings:
            print(f"  warning: {warning}")
    return 1 if report.aborted else 0


async def cmd_people_pull(ctx) -> int:
    from .cli import emit_json
    from .core.pull import pull_memberships, pull_people, refresh_campaigns

    async with ctx.client() as client:
        campaigns = await refresh_campaigns(ctx.engine, client)
        people = await pull_people(ctx.engine, client)
        members = await pull_memberships(ctx.engine, client, ctx.settings())
    from .core.automation import DATA_VALUE_CHANGES
    fired = ""
    if people.changes and _has_active_trigger(ctx.engine, DATA_VALUE_CHANGES):
        fired = await fire_triggers(ctx, lambda runner: runner.data_values_changed(people.changes))
    if ctx.args.json:
        emit_json({"campaigns": len(campaigns), "people": people.to_dict(), "memberships": members.to_dict()})
    else:
        print(f"Pulled {people.people} people from Dynamics: "
              f"{sum(people.created.values())} new, {sum(people.updated.values())} updated "
              f"({people.created['lead'] + people.updated['lead'] + people.unchanged['lead']} leads, "
              f"{people.created['contact'] + people.updated['contact'] + people.unchanged['contact']} contacts).")
        print(f"{len(campaigns)} campaigns; {members.memberships} campaign memberships "
              f"({members.flow_action} added by CampSync, {members.crm} from CRM lists).")
        if fired:
            print(f"Values changed in Dynamics: {fired}.")
        for warning in people.warnings + members.warnings:
            print(f"  warning: {warning}")
    return 0


def cmd_people_list(ctx) -> int:
    from .cli import emit_json
    from .core.people import list_people

    people = list_people(ctx.engine, search=ctx.args.search, limit=ctx.args.limit)
    data = [{"id": p.id, "name": p.name, "email": p.email, "company": p.company, "job_title": p.job_title,
             "country": p.country, "score": p.score, "type": p.dynamics_type or "local",
             "dynamics_id": p.dynamics_id} for p in people]
    if ctx.args.json:
        emit_json(data)
    elif not data:
        print("No people yet: campsync people import FILE.csv, or campsync people pull.")
    else:
        for p in data:
            print(f"{p['name']:<28} {p['email'] or '':<40} {p['type']:<8} {p['company'] or ''}")
    return 0


def add_people_commands(sub, run_async) -> None:
    people = sub.add_parser("people", help="import, pull and list people")
    psub = people.add_subparsers(dest="people_action", required=True, metavar="ACTION")
    imp = psub.add_parser("import", help="import people from a CSV file (merged by email)")
    imp.add_argument("file")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(func=cmd_people_import)
    pull = psub.add_parser("pull", help="read leads, contacts and campaign members from Dynamics")
    pull.add_argument("--json", action="store_true")
    pull.set_defaults(func=run_async(cmd_people_pull))
    act = psub.add_parser("activity", help="log an activity (behaviour) for a person")
    act.add_argument("email")
    act.add_argument("type", help="e.g. visited_web_page, filled_out_form, attended_webinar")
    act.add_argument("--detail", help="e.g. the page or form name")
    act.set_defaults(func=run_async(cmd_people_activity))
    lst = psub.add_parser("list", help="list people")
    lst.add_argument("--search", help="match name, email or company")
    lst.add_argument("--limit", type=int)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_people_list)


async def fire_triggers(ctx, fire) -> str:
    """Run the active trigger campaigns that `fire(runner)` sets off, and send what they queue to Dynamics."""
    from .cli_flow import _engine_with_automation

    async with ctx.client() as client:
        engine = _engine_with_automation(ctx, client)
        ran = fire(engine.automation)
        report = await engine.run() if engine.pending_count() else None
    if not ran:
        return ""
    return f"{ran} trigger campaign run(s)" + (f"; Dynamics confirmed {report.done} change(s)" if report else "")


def _has_active_trigger(engine, trigger_type: str) -> bool:
    from sqlmodel import Session, select

    from .core.automation import Definition
    from .core.models import AutomationCampaign

    with Session(engine) as session:
        rows = session.exec(select(AutomationCampaign).where(AutomationCampaign.active == True,  # noqa: E712
                                                             AutomationCampaign.kind == "trigger")).all()
    return any(t.get("type") == trigger_type for r in rows for t in Definition.from_json(r.definition).triggers)


async def cmd_people_activity(ctx) -> int:
    """Log what a person did (behaviour for smart lists) and fire 'Activity is logged' trigger campaigns."""
    import time

    from sqlmodel import Session, select

    from .cli import UserError
    from .core.automation import ACTIVITY_LOGGED
    from .core.models import Activity, Person

    email = ctx.args.email.strip().lower()
    with Session(ctx.engine) as session:
        person = session.exec(select(Person).where(Person.email == email)).first()
        if person is None:
            raise UserError(f"No person with email {email!r}: import or pull them first.")
        session.add(Activity(person_id=person.id, type=ctx.args.type, detail=ctx.args.detail or "", at=time.time()))
        session.commit()
        person_id = person.id
    message = f"Logged {ctx.args.type!r} for {email}."
    if _has_active_trigger(ctx.engine, ACTIVITY_LOGGED):
        fired = await fire_triggers(ctx, lambda runner: runner.activity_logged(person_id, ctx.args.type,
                                                                               ctx.args.detail or ""))
        message += f" {fired}." if fired else ""
    print(message)
    return 0
