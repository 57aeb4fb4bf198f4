"""What every command shares: the user error, JSON output, and the context (paths, the workspace)."""

from __future__ import annotations

import argparse
import json
import sys

from ..core.events import PROBLEM, Event
from ..core.workspace import Workspace
from ..logs import setup_logging
from ..paths import AppPaths


class UserError(Exception):
    """A problem the user can fix; printed as one line, no traceback, exit code 2."""


class Context:
    """What a command works with: its arguments, the app's folders, and the workspace on the local store (whose
    connection to the org is resolved, and opened, only when the command needs it)."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.paths = AppPaths.resolve().ensure()
        setup_logging(self.paths.log_dir)
        self.workspace = Workspace.open(self.paths.db_file, profile=getattr(args, "profile", None))
        # Problems the core reports while a command runs (a sync that stops, a failing listener) go to stderr.
        self.workspace.bus.subscribe(_print_problem)


def _print_problem(event: Event) -> None:
    if event.kind == PROBLEM:
        print(f"problem: {event.data.get('message', '')}", file=sys.stderr, flush=True)


def emit_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def json_flag(parser: argparse.ArgumentParser, help_text: str | None = None) -> None:
    parser.add_argument("--json", action="store_true", **({"help": help_text} if help_text else {}))


def fired_text(ran: int, confirmed: int | None) -> str:
    """'2 trigger campaign run(s); Dynamics confirmed 3 change(s)', or '' when nothing ran."""
    if not ran:
        return ""
    return f"{ran} trigger campaign run(s)" + (f"; Dynamics confirmed {confirmed} change(s)"
                                               if confirmed is not None else "")


async def send_what_triggers_queued(ctx: Context, ran: int) -> str:
    """After trigger campaigns ran: send what they queued to Dynamics; the sentence to print ('' if none ran)."""
    if not ran:
        return ""
    workspace = ctx.workspace
    report = await workspace.run_queue() if workspace.pending_count() else None
    return fired_text(ran, report.done if report else None)
