"""`campsync log | verify-log`: the trigger events Added to / Removed from Microsoft Campaign, and their chain."""

from __future__ import annotations

import argparse
import json
import re
import time
from datetime import datetime, timedelta

from ..core.triggers import TriggerEvent
from .common import Context, emit_json, failed, json_flag

SINCE_FORMATS = ("an age (30m, 12h, 7d, 2w), a date (2026-05-01), a date and time (2026-05-01T14:30, local time "
                 "unless it ends in Z or +02:00), today or yesterday")
_AGE = re.compile(r"(\d+)\s*([mhdw])")
_UNIT = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def since_time(text: str, now: datetime | None = None) -> float:
    """`--since WHEN` as epoch seconds; ArgumentTypeError (argparse shows it under the usage) when not a time."""
    now = now or datetime.now().astimezone()
    word = text.strip().lower()
    if word in ("today", "yesterday"):
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        return (midnight - timedelta(days=1 if word == "yesterday" else 0)).timestamp()
    age = _AGE.fullmatch(word)
    if age:
        return (now - timedelta(**{_UNIT[age.group(2)]: int(age.group(1))})).timestamp()
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time: give {SINCE_FORMATS}") from None
    return (when if when.tzinfo else when.astimezone()).timestamp()  # naive: the person's local time


def cmd_log(ctx: Context) -> int:
    since = ctx.args.since
    if since is None:
        events = ctx.workspace.recent_events(ctx.args.limit)
    else:
        events = [event for event in ctx.workspace.recent_events() if event.at >= since]
        events = events[-ctx.args.limit:] if ctx.args.limit else events
    if ctx.args.json and not ctx.args.follow:
        emit_json([event.to_dict() for event in events])
        return 0
    last = events[-1].id if events else _last_id(ctx)
    for event in events:
        _print_event(event, ctx.args.json)
    if not ctx.args.follow:
        if not events:
            print("No trigger events yet." if since is None else "No trigger events since then.")
        return 0
    try:
        while True:  # other processes write the store; poll it, cheaply, by id
            time.sleep(0.5)
            for event in ctx.workspace.events_after(last):
                _print_event(event, ctx.args.json)
                last = event.id
    except KeyboardInterrupt:
        return 0


def _last_id(ctx: Context) -> int:
    # With nothing printed (none since then), --follow starts after the newest event, not from the first one.
    newest = ctx.workspace.recent_events(1)
    return newest[-1].id if newest else 0


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
    return 0 if check.ok else failed(ctx, "log_broken", check.message)


def add_commands(sub) -> None:
    lg = sub.add_parser("log", help="trigger events, newest last")
    lg.add_argument("--json", action="store_true", help="JSON array (JSON lines with --follow)")
    lg.add_argument("--follow", action="store_true", help="keep printing new events")
    lg.add_argument("--limit", type=int, metavar="N", help="only the newest N")
    lg.add_argument("--since", type=since_time, metavar="WHEN", help=f"only events since WHEN: {SINCE_FORMATS}")
    lg.set_defaults(func=cmd_log)
    v = sub.add_parser("verify-log", help="check the trigger log's hash chain")
    json_flag(v)
    v.set_defaults(func=cmd_verify_log)
