"""What every command shares: the user error, output (text, JSON and errors), and the context (paths, the
workspace).

Every line a command prints goes through `say`, which writes control characters and bidirectional overrides as
visible `\\uXXXX` escapes: a name such as `Eve\\x1b]0;PWNED\\x07`, in a store written before imports and pulls
dropped them, cannot retitle the terminal or hide lines. In JSON the escape is JSON's own, so the document stays
valid and means the same. Values shown in columns go through `shown` first, which drops them (and turns a line
break into a space, so a value cannot start a line of its own).
"""

from __future__ import annotations

import argparse
import json
import sys

from ..builtin_org import SANDBOX_NAME, start_builtin_org
from ..core.clean_text import clean_line, escape_for_terminal
from ..core.connections import Connection, is_configured
from ..core.events import PROBLEM, Event
from ..core.store import open_store
from ..core.store_url import resolve_store_url
from ..core.workspace import Workspace
from ..language import plural, translate
from ..logs import setup_logging
from ..paths import AppPaths


def demo_notice() -> str:
    """Said once, on stderr, when a command starts the demo org (a function: in the language of the command's run)."""
    return translate("Cli", "Using the built-in demo org (no connection configured; see `campsync profile add`).")


class UserError(Exception):
    """A problem the user can fix; printed as one line, no traceback, exit code 2."""


class Context:
    """What a command works with: its arguments, the app's folders, and the workspace on the local store (whose
    connection to the org is resolved, and opened, only when the command needs it)."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.paths = AppPaths.resolve().ensure()
        setup_logging(self.paths.log_dir)
        db = open_store(resolve_store_url(self.paths))  # CAMPSYNC_DATABASE_URL, config.toml, or the local file
        profile = getattr(args, "profile", None)
        # Nothing configured at all: the built-in demo org, the window's. Configured but incomplete, or a profile
        # named: that connection, whose first use says what is wrong with it (NotConnected), never the demo org.
        self.workspace = (Workspace(db, profile=profile, home=self.paths.home) if profile or is_configured(db)
                          else DemoOrgWorkspace(db, self.paths))
        # Problems the core reports while a command runs (a sync that stops, a failing listener) go to stderr.
        self.workspace.bus.subscribe(_print_problem)

    @property
    def as_json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def close(self) -> None:
        """After the command (and the workspace's aclose): stop the demo org if this command started it."""
        if isinstance(self.workspace, DemoOrgWorkspace):
            self.workspace.stop_demo_org()


class DemoOrgWorkspace(Workspace):
    """The workspace when no connection is configured: the built-in demo org, started the first time the command
    needs the org (reading the queue or the log does not), on the state file the window uses."""

    def __init__(self, db, paths: AppPaths):
        super().__init__(db, home=paths.home)
        self._paths = paths
        self.demo_org = None

    @property
    def scope(self) -> str:
        # Settings and the sync engine need only the connection's name: no org is started for them.
        return SANDBOX_NAME

    @property
    def connection(self) -> Connection:
        if self.demo_org is None:
            self.demo_org, self._connection = start_builtin_org(self._paths)
            say(demo_notice(), file=sys.stderr, flush=True)
        return super().connection

    def stop_demo_org(self) -> None:
        if self.demo_org is not None:
            self.demo_org.stop()  # also saves its records for the next command, or the window
            self.demo_org = None


def _print_problem(event: Event) -> None:
    if event.kind == PROBLEM:
        say(translate("Cli", "problem: {message}").format(message=event.data.get("message", "")), file=sys.stderr,
            flush=True)


def say(*values: object, sep: str = " ", end: str = "\n", file=None, flush: bool = False) -> None:
    """print(), for every line a command writes: nothing a terminal would act on reaches it (see the docstring)."""
    print(escape_for_terminal(sep.join(str(value) for value in values)), end=end, file=file, flush=flush)


def shown(value: object) -> str:
    """A value for a column of text output: '' for None, control characters dropped, line breaks as spaces."""
    return "" if value is None else clean_line(str(value))


def json_text(data: object, **dumps_options) -> str:
    """JSON as the commands print it (ensure_ascii=False: names stay readable); say() escapes what remains."""
    return json.dumps(data, ensure_ascii=False, **dumps_options)


def emit_json(data: object) -> None:
    say(json_text(data, indent=2))


def print_error(code: str, message: str, *, as_json: bool) -> None:
    """An error on stderr: `campsync: message`, or with --json one line `{"error": {"code", "message"}}` (the last
    line of stderr, so a script finds it after any notice or problem printed before)."""
    if as_json:
        say(json_text({"error": {"code": code, "message": message}}), file=sys.stderr, flush=True)
    else:
        say(f"campsync: {message}", file=sys.stderr, flush=True)


def failed(ctx: Context, code: str, message: str) -> int:
    """Exit code 1 for a command whose answer (already printed) reports a failure. With --json, the error object
    too, so that scripts find one on stderr for every non-zero exit; people have read the failure in the answer.
    `message` goes only into JSON, so it is English and not marked for translation."""
    if ctx.as_json:
        print_error(code, message, as_json=True)
    return 1


def json_flag(parser: argparse.ArgumentParser, help_text: str | None = None) -> None:
    parser.add_argument("--json", action="store_true",
                        help=help_text or translate("Cli", "print the answer as JSON (errors: one JSON object on "
                                                           "stderr)"))


def fired_text(ran: int, confirmed: int | None) -> str:
    """'2 trigger campaign runs; Dynamics confirmed 3 changes', or '' when nothing ran."""
    if not ran:
        return ""
    runs = plural(ran, translate("Cli", "{n} trigger campaign run"), translate("Cli", "{n} trigger campaign runs"))
    if confirmed is None:
        return runs
    return translate("Cli", "{runs}; Dynamics confirmed {changes}").format(runs=runs, changes=changes(confirmed))


def changes(count: int) -> str:
    """'1 change', '3 changes' (what Dynamics confirmed)."""
    return plural(count, translate("Cli", "{n} change"), translate("Cli", "{n} changes"))


async def send_what_triggers_queued(ctx: Context, ran: int) -> str:
    """After trigger campaigns ran: send what they queued to Dynamics; the sentence to print ('' if none ran)."""
    if not ran:
        return ""
    workspace = ctx.workspace
    report = await workspace.run_queue() if workspace.pending_count() else None
    return fired_text(ran, report.done if report else None)
