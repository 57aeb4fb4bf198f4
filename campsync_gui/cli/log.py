"""`campsync log | verify-log | log-key`: the trigger events Added to / Removed from Microsoft Campaign, and their
chain and its key."""

from __future__ import annotations

import argparse
import re
import threading
from datetime import datetime, timedelta

from ..core import log_export, log_key, team_watch
from ..core.triggers import TriggerEvent, cannot_detect, detects, trigger_label
from ..language import number, translate
from .common import Context, UserError, emit_json, failed, json_flag, json_text, say, shown

FOLLOW_POLL_S = 0.5  # `log --follow` looks for new events this often when nothing wakes it sooner



def since_formats() -> str:
    """What --since takes, for its help and its error (the words `today` and `yesterday` stay English: typed)."""
    return translate("Cli", "an age (30m, 12h, 7d, 2w), a date (2026-05-01), a date and time (2026-05-01T14:30, "
                            "local time unless it ends in Z or +02:00), today or yesterday")

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
        raise argparse.ArgumentTypeError(translate("Cli", "{text} is not a time: give {formats}").format(
            text=repr(text), formats=since_formats())) from None
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
            say(translate("Cli", "No trigger events yet.") if since is None else
                translate("Cli", "No trigger events since then."))
        return 0
    # Other processes write the store. On a team's PostgreSQL its notifications (core.team_watch) wake this at once;
    # on a SQLite file, and between notifications as a safety net, it looks every half second (cheaply, by id).
    heard = threading.Event()
    watch = team_watch.watch(ctx.workspace.db, lambda table: heard.set() if table != "outboxrow" else None)
    try:
        while True:
            heard.wait(FOLLOW_POLL_S)
            heard.clear()
            for event in ctx.workspace.events_after(last):
                _print_event(event, ctx.args.json)
                last = event.id
    except KeyboardInterrupt:
        return 0
    finally:
        if watch is not None:
            watch.stop()


def _last_id(ctx: Context) -> int:
    # With nothing printed (none since then), --follow starts after the newest event, not from the first one.
    newest = ctx.workspace.recent_events(1)
    return newest[-1].id if newest else 0


def _print_event(event: TriggerEvent, as_json: bool) -> None:
    data = event.to_dict()
    if as_json:
        say(json_text(data), flush=True)
    else:
        # Events from before actors were recorded: no one. The origin is a stored value (as --json gives it).
        origin = (translate("Cli", "({origin} by {actor})").format(origin=event.origin, actor=shown(event.actor))
                  if event.actor else f"({event.origin})")
        label = trigger_label(event.trigger)
        say(f"{data['time']}  {label:<32} {shown(event.email):<38} {shown(event.campaign_name)}  {origin}", flush=True)


def cmd_verify_log(ctx: Context) -> int:
    check = ctx.workspace.verify_log()
    if ctx.args.json:
        emit_json(check.to_dict())
    else:
        say((translate("Cli", "OK: {message}") if check.ok else translate("Cli", "BROKEN: {message}")).format(
            message=check.message))
        if check.key_id:
            say("  " + translate("Cli", "log key: id {key_id}, in {where}").format(key_id=check.key_id,
                                                                                  where=check.key_source))
        for note in check.notes:
            say("  " + translate("Cli", "note: {note}").format(note=note))
        say(translate("Cli", "verify-log finds:"))
        for line in detects():
            say(f"  - {line}")
        say(translate("Cli", "It cannot find:"))
        for line in cannot_detect():
            say(f"  - {line}")
    return 0 if check.ok else failed(ctx, "log_broken", check.message)


def cmd_log_export(ctx: Context) -> int:
    summary = log_export.export_log(ctx.workspace.db, ctx.args.export)
    if ctx.args.json:
        emit_json(summary)
    else:
        head = summary["head_file"]
        exported = translate("Cli", "Exported {count} trigger events with their hashes to {file}").format(
            count=number(summary["count"]), file=summary["file"])
        say(exported + (translate("Cli", "; head: {seq} events, newest hash {hash}").format(
            seq=head["seq"], hash=head["last_hash"]) if head else translate("Cli", "; no signed head file yet")))
    return 0


def cmd_log_key(ctx: Context) -> int:
    db = ctx.workspace.db
    try:
        if ctx.args.export:
            info = log_export.export_key(db, ctx.args.export)
            text = translate("Cli", "Log key (id {key_id}) written to {file} (mode 0600). Hand it to every node of "
                                    "the team: `campsync log-key --import FILE`, or CAMPSYNC_LOG_KEY_FILE=FILE."
                             ).format(key_id=info["key_id"], file=info["file"])
        elif ctx.args.import_file:
            info = log_export.import_key(db, ctx.args.import_file)
            text = translate("Cli", "This store's log key is now the one in {file} (id {key_id}), kept in {where}."
                             ).format(file=info["file"], key_id=info["key_id"], where=info["key_source"])
        else:
            info = log_export.key_info(db)
            text = (translate("Cli", "Log key: id {key_id}, in {where}.").format(key_id=info["key_id"],
                                                                               where=info["key_source"])
                    if info["key_id"] else
                    translate("Cli", "No log key yet (looked in {where}): one is made on the first write.").format(
                        where=info["looked_in"]))
    except FileExistsError as exc:
        raise UserError(translate("Cli", "{file} exists already: give a new file name").format(file=exc.filename)
                        ) from None
    except (log_key.LogKeyError, OSError) as exc:
        raise UserError(str(exc)) from None
    if ctx.args.json:
        emit_json(info)
    else:
        say(text)
    return 0


def add_commands(sub) -> None:
    lg = sub.add_parser("log", help=translate("Cli", "trigger events, newest last"))
    lg.add_argument("--json", action="store_true", help=translate("Cli", "JSON array (JSON lines with --follow)"))
    lg.add_argument("--follow", action="store_true", help=translate("Cli", "keep printing new events"))
    lg.add_argument("--limit", type=int, metavar="N", help=translate("Cli", "only the newest N"))
    lg.add_argument("--since", type=since_time, metavar="WHEN",
                    help=translate("Cli", "only events since WHEN: {formats}").format(formats=since_formats()))
    lg.add_argument("--export", metavar="FILE", help=translate("Cli", "write every event with its hashes and the "
                                                                      "signed head to FILE (JSON); keep it to "
                                                                      "compare the log with later"))
    lg.set_defaults(func=lambda ctx: cmd_log_export(ctx) if ctx.args.export else cmd_log(ctx))
    v = sub.add_parser("verify-log", help=translate("Cli", "check the trigger log's hash chain"))
    json_flag(v)
    v.set_defaults(func=cmd_verify_log)
    k = sub.add_parser("log-key", help=translate("Cli", "the trigger log's key: where it is, or hand it to the nodes "
                                                        "of a team"))
    which = k.add_mutually_exclusive_group()
    which.add_argument("--export", metavar="FILE", help=translate("Cli", "write the log key to a new FILE (mode 0600)"))
    which.add_argument("--import", dest="import_file", metavar="FILE",
                       help=translate("Cli", "make the key in FILE this store's"))
    json_flag(k)
    k.set_defaults(func=cmd_log_key)
