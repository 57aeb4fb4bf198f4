"""`campsync`: the command line for admins and scripts (parser and entry points). `campsync-gui` (or `campsync gui`)
opens the window. Exit codes: 0 done, 1 a Dynamics or sync failure, 2 a user error, 130 interrupted, 141 the reader
of the output went away (`campsync log | head -1`). With --json, errors are one JSON object on stderr."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import inspect
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from .. import language
from ..core import team_presence
from ..core.automation.library import LibraryError
from ..core.collector import settle_collector
from ..core.store import STORE_OUTAGES, StoreError, outage_reason
from ..core.store_url import StoreUrlError
from ..core.workspace import NotConnected
from ..dynamics.errors import DynamicsError, SignInRequired
from ..logs import setup_logging
from ..language import translate
from ..paths import AppPaths
from . import automation, db, flow, log, org, people, profiles, queue, signin, worker
from .common import Context, UserError, print_error
from .parser import Parser

logger = logging.getLogger(__name__)

# What a shell reports for a program that SIGPIPE ended (128 + 13), as for git or cat in `… | head -1`: scripts
# with `set -o pipefail` see what they see for any other tool. Not 1, which here means a Dynamics or sync failure.
EXIT_BROKEN_PIPE = 141


def cmd_sandbox(args: argparse.Namespace) -> int:
    from ..sandbox import cli as sandbox_cli

    return sandbox_cli.run(args)


def cmd_gui(_args: argparse.Namespace | None = None) -> int:
    from ..ui.app import run_app  # the window's libraries load only when the window is asked for

    return run_app()


def build_parser() -> Parser:
    from ..sandbox import cli as sandbox_cli

    parser = Parser(
        prog="campsync",
        description=translate("Cli", "CampSync: add and remove people to Dynamics 365 campaigns; admin and "
                                     "scripting commands."))
    parser.add_argument("--profile", help=translate("Cli", "connection profile to use (default: the default "
                                                           "profile; CAMPSYNC_* variables override its fields)"))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", help=translate("Cli", "what to do"))
    sub.add_parser("gui", help=translate("Cli", "open the window")).set_defaults(raw=cmd_gui)
    sandbox = sub.add_parser("sandbox", help=translate("Cli", "run the built-in sandbox Dynamics org over HTTPS"))
    sandbox_cli.add_arguments(sandbox)
    sandbox.set_defaults(raw=cmd_sandbox)
    for group in (org, profiles, signin, flow, queue, log, people, automation, worker, db):
        group.add_commands(sub)
    return parser


def all_parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """The parser and every subcommand's parser below it."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from all_parsers(sub)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        code = _run(argv)
        sys.stdout.flush()  # here, not at exit: a reader that went away is noticed where it can be handled
        return code
    except BrokenPipeError:
        # The reader stopped reading (`campsync log --json | head -1`): end quietly, as the Python docs advise
        # (https://docs.python.org/3/library/signal.html#note-on-sigpipe); stdout goes to devnull so the
        # interpreter's last flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def _run(argv: list[str]) -> int:
    as_json = "--json" in argv
    if not as_json:
        return _command(argv, as_json=False)
    # --json answers are for scripts, which the README documents in English: their keys and values, and the error
    # messages on stderr, stay English whatever the person's language. Set before anything builds text (the parser's
    # help and errors, the plan's reasons, the doctor's details), so a message both printed and put into JSON is
    # English here. Put back after, for callers in the same process (tests, a window that ran a command).
    before = language.language()
    language.use_language("en")
    try:
        return _command(argv, as_json=True)
    finally:
        language.use_language(before)


def _command(argv: list[str], *, as_json: bool) -> int:
    parser = build_parser()
    for each in all_parsers(parser):
        each.json_errors = as_json
    args = parser.parse_args(argv)
    raw = getattr(args, "raw", None)
    ctx = None
    try:
        if raw is not None:
            return raw(args)
        settle_collector()
        team_presence.announce_as(getattr(args, "presence", "command"))  # before the store's first connection
        ctx = Context(args)
        result = args.func(ctx)
        return asyncio.run(_finish(ctx, result)) if inspect.isawaitable(result) else result
    except BrokenPipeError:
        raise
    except NotConnected as exc:
        print_error("not_connected", str(exc), as_json=as_json)
        return 2
    except SignInRequired as exc:  # a person must sign in first: theirs to do, never an application token instead
        print_error("not_signed_in", exc.message, as_json=as_json)
        return 2
    except (UserError, LibraryError, LookupError) as exc:
        print_error("user_error", str(exc), as_json=as_json)
        return 2
    except (StoreUrlError, StoreError) as exc:  # the store URL, or the store it names: the person's (admin's) to fix
        print_error("store_error", str(exc), as_json=as_json)
        return 2
    except DynamicsError as exc:
        print_error("dynamics_error", exc.message, as_json=as_json)
        return 1
    except OSError as exc:  # a file named on the command line, or the data folder: the person's to fix
        print_error("user_error", f"{exc.strerror}: {exc.filename}" if exc.filename and exc.strerror else str(exc),
                    as_json=as_json)
        return 2
    except KeyboardInterrupt:
        return 130
    except STORE_OUTAGES as exc:  # the store's server stopped answering mid-command
        print_error("store_error", translate(
            "Cli", "the store could not be read or written ({reason}). What was queued stays queued: run the command "
                   "again once the store answers (`campsync queue` shows what is left; a worker on a team's store "
                   "carries on by itself).").format(reason=outage_reason(exc)), as_json=as_json)
        return 1
    except Exception as exc:  # a bug: one line for the person, the traceback in the log file
        log_dir = _log_unexpected(exc, argv)
        print_error("internal_error", translate(
            "Cli", "unexpected error ({error}). The details are in the log file in {folder}.").format(
                error=f"{type(exc).__name__}: {exc}", folder=log_dir), as_json=as_json)
        return 1
    finally:
        if ctx is not None:
            ctx.close()


def _log_unexpected(exc: Exception, argv: list[str]) -> Path:
    log_dir = AppPaths.resolve().log_dir
    with contextlib.suppress(OSError):  # the error may be that the data folder cannot be written
        setup_logging(log_dir)  # already done unless the error came before the command's context
    # At INFO: the console handler shows WARNING and above, and would print the traceback to the person.
    logger.info("unexpected error in `campsync %s`", " ".join(argv[:2]), exc_info=exc)
    return log_dir


async def _finish(ctx: Context, command) -> int:
    """Run an async command to its end, then close the org's client (the batch in flight is let finish)."""
    try:
        return await command
    finally:
        await ctx.workspace.aclose()


if __name__ == "__main__":
    sys.exit(main())
