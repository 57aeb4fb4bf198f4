"""`campsync`: the command line for admins and scripts (parser and entry points). `campsync-gui` (or `campsync gui`)
opens the window. Exit codes: 0 done, 1 a Dynamics or sync failure, 2 a user error, 130 interrupted."""

from __future__ import annotations

import argparse
import asyncio
import inspect
import sys
from collections.abc import Sequence

from ..core.automation.library import LibraryError
from ..core.workspace import NotConnected
from ..dynamics.errors import DynamicsError
from . import automation, flow, log, org, people, profiles, queue
from .common import Context, UserError


def cmd_sandbox(args: argparse.Namespace) -> int:
    from ..sandbox import cli as sandbox_cli

    return sandbox_cli.run(args)


def cmd_gui(_args: argparse.Namespace | None = None) -> int:
    from ..ui.app import run_app  # the window's libraries load only when the window is asked for

    return run_app()


def build_parser() -> argparse.ArgumentParser:
    from ..sandbox import cli as sandbox_cli

    parser = argparse.ArgumentParser(
        prog="campsync",
        description="CampSync: add and remove people to Dynamics 365 campaigns; admin and scripting commands.")
    parser.add_argument("--profile", help="connection profile to use (default: the default profile; "
                                          "CAMPSYNC_* variables override its fields)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser("gui", help="open the window").set_defaults(raw=cmd_gui)
    sandbox = sub.add_parser("sandbox", help="run the built-in sandbox Dynamics org over HTTPS")
    sandbox_cli.add_arguments(sandbox)
    sandbox.set_defaults(raw=cmd_sandbox)
    for group in (org, profiles, flow, queue, log, people, automation):
        group.add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    raw = getattr(args, "raw", None)
    try:
        if raw is not None:
            return raw(args)
        ctx = Context(args)
        result = args.func(ctx)
        return asyncio.run(_finish(ctx, result)) if inspect.isawaitable(result) else result
    except (UserError, NotConnected, LibraryError, LookupError) as exc:
        print(f"campsync: {exc}", file=sys.stderr)
        return 2
    except DynamicsError as exc:
        print(f"campsync: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


async def _finish(ctx: Context, command) -> int:
    """Run an async command to its end, then close the org's client (the batch in flight is let finish)."""
    try:
        return await command
    finally:
        await ctx.workspace.aclose()


def gui_main() -> int:
    return cmd_gui()


if __name__ == "__main__":
    sys.exit(main())
