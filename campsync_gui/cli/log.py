"""`campsync log | verify-log`: the trigger events Added to / Removed from Microsoft Campaign, and their chain."""

from __future__ import annotations

import json
import time

from ..core.triggers import TriggerEvent
from .common import Context, emit_json, json_flag


def cmd_log(ctx: Context) -> int:
    events = ctx.workspace.recent_events(ctx.args.limit)
    if ctx.args.json and not ctx.args.follow:
        emit_json([event.to_dict() for event in events])
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
            for event in ctx.workspace.events_after(last):
                _print_event(event, ctx.args.json)
                last = event.id
    except KeyboardInterrupt:
        return 0


def _print_event(event: TriggerEvent, as_json: bool) -> None:
    data = event.to_dict()
    if as_json:
        print(json.dumps(data, ensure_ascii=False), flush=True)
    else:
        print(f"{data['time']}  {event.label:<32} {event.email or '':<38} {event.campaign_name}  ({event.origin})",
              flush=True)


def cmd_verify_log(ctx: Context) -> int:
    check = ctx.workspace.verify_log()
    if ctx.args.json:
        emit_json(check.to_dict())
    else:
        print(("OK: " if check.ok else "BROKEN: ") + check.message)
    return 0 if check.ok else 1


def add_commands(sub) -> None:
    lg = sub.add_parser("log", help="trigger events, newest last")
    lg.add_argument("--json", action="store_true", help="JSON array (JSON lines with --follow)")
    lg.add_argument("--follow", action="store_true", help="keep printing new events")
    lg.add_argument("--limit", type=int, help="only the newest N")
    lg.set_defaults(func=cmd_log)
    v = sub.add_parser("verify-log", help="check the trigger log's hash chain")
    json_flag(v)
    v.set_defaults(func=cmd_verify_log)
