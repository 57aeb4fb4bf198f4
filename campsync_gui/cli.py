"""`campsync`: the command line for admins and scripts. `campsync-gui` (or `campsync gui`) opens the window."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
from collections.abc import Callable, Sequence

from sqlmodel import Session, select

from . import keychain
from .config import Connection, resolve_connection, stored_profiles
from .core.models import ConnectionProfile
from .core.settings import SyncSettings, forget_settings, load_settings, save_settings
from .core.store import open_store
from .dynamics.auth import DEFAULT_AUTHORITY_HOST
from .dynamics.errors import DynamicsError
from .logs import setup_logging
from .paths import AppPaths


class UserError(Exception):
    """A problem the user can fix; printed as one line, no traceback."""


class Context:
    """What every command needs: paths, the store, and the connection (resolved on first use)."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.paths = AppPaths.resolve().ensure()
        setup_logging(self.paths.log_dir)
        self.engine = open_store(self.paths.db_file)
        self._connection: Connection | None = None

    @property
    def connection(self) -> Connection:
        if self._connection is None:
            try:
                self._connection = resolve_connection(self.engine, getattr(self.args, "profile", None))
            except LookupError as exc:
                raise UserError(str(exc)) from exc
        return self._connection

    def settings(self) -> SyncSettings:
        return load_settings(self.engine, self.connection.name)

    def client(self):
        from .dynamics.connect import open_client

        conn = self.connection
        missing = conn.missing()
        if missing:
            raise UserError(f"Not connected: missing {', '.join(missing)}. Add a profile with "
                            "`campsync profile add`, or export the variables printed by `campsync sandbox`.")
        problem = conn.url_problem()
        if problem:
            raise UserError(problem)
        try:
            return open_client(conn)
        except FileNotFoundError as exc:
            raise UserError(str(exc)) from exc


def emit_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


# ---- commands ----------------------------------------------------------------------------------

def cmd_doctor(ctx: Context) -> int:
    from .dynamics.doctor import DoctorOptions, run_doctor

    settings = ctx.settings()
    options = DoctorOptions(campaign_sync_enabled=settings.campaign_sync_enabled,
                            prerequisite_solution=settings.prerequisite_solution,
                            prerequisite_min_version=settings.prerequisite_min_version)
    live = None if ctx.args.json else _print_check
    report = asyncio.run(run_doctor(ctx.connection, options, on_result=live))
    if ctx.args.json:
        emit_json(report.to_dict())
    else:
        failed = sum(r.status == "fail" for r in report.results)
        warned = sum(r.status == "warn" for r in report.results)
        print("\nAll checks passed." if report.ok and not warned else f"\n{failed} failed, {warned} warning(s).")
    return 0 if report.ok else 1


def _print_check(result) -> None:
    from .dynamics.doctor import ICON

    print(f"{ICON[result.status]} {result.title:<28} {result.status.upper():<4} {result.ms:>7.0f} ms  {result.detail}",
          flush=True)
    if result.fix and result.status in ("fail", "warn"):
        print(f"    fix: {result.fix}", flush=True)


def cmd_campaigns(ctx: Context) -> int:
    async def fetch():
        from .core.pull import refresh_campaigns
        from .dynamics.entities import Campaign

        async with ctx.client() as client:
            # Read from the org and keep the local cache current (names used by add/remove and automation).
            records = await refresh_campaigns(ctx.engine, client)
        return [Campaign(id=r.id, name=r.name, code=r.code, statecode=r.statecode, statuscode=r.statuscode)
                for r in records]

    campaigns = asyncio.run(fetch())
    if ctx.args.active:
        campaigns = [c for c in campaigns if c.active]
    if ctx.args.json:
        emit_json([c.to_dict() for c in campaigns])
        return 0
    if not campaigns:
        print("No campaigns in this org.")
        return 0
    width = max(len(c.name) for c in campaigns)
    print(f"{'NAME':<{width}}  {'STATE':<8}  {'STATUS':<15}  ID")
    for c in campaigns:
        print(f"{c.name:<{width}}  {'active' if c.active else 'inactive':<8}  {c.status_label:<15}  {c.id}")
    return 0


def cmd_sync(ctx: Context) -> int:
    scope = ctx.connection.name
    settings = load_settings(ctx.engine, scope)
    refreshed = None
    if ctx.args.sync_action in ("enable", "disable"):
        was_enabled = settings.campaign_sync_enabled
        settings.campaign_sync_enabled = ctx.args.sync_action == "enable"
        save_settings(ctx.engine, settings, scope)
        if settings.campaign_sync_enabled and not was_enabled:
            # As in Marketo: turning campaign sync back on re-reads campaigns and CampSync's list links.
            refreshed = asyncio.run(_refresh_after_enable(ctx, settings))
    state = "enabled" if settings.campaign_sync_enabled else "disabled"
    if ctx.args.json:
        emit_json({"connection": scope, "campaign_sync_enabled": settings.campaign_sync_enabled,
                   "list_prefix": settings.list_prefix, "batch_size": settings.batch_size,
                   "prerequisite_solution": settings.prerequisite_solution,
                   "prerequisite_min_version": settings.prerequisite_min_version})
    else:
        print(f"Campaign sync is {state} for connection {scope!r}.")
        if refreshed:
            print(refreshed)
    return 0


async def _refresh_after_enable(ctx: Context, settings: SyncSettings) -> str:
    from .core.pull import refresh_campaigns, pull_memberships

    try:
        async with ctx.client() as client:
            campaigns = await refresh_campaigns(ctx.engine, client)
            await pull_memberships(ctx.engine, client, settings)
    except (DynamicsError, UserError) as exc:
        return f"Could not refresh from Dynamics now ({exc}); it will be refreshed on the next sync."
    return f"Refreshed {len(campaigns)} campaigns and CampSync's list links from Dynamics."


def cmd_profile(ctx: Context) -> int:
    action = ctx.args.profile_action
    if action == "list":
        rows = stored_profiles(ctx.engine)
        data = [{"name": p.name, "org_url": p.org_url, "tenant_id": p.tenant_id, "client_id": p.client_id,
                 "environment": p.environment, "default": p.is_default,
                 "secret_stored": keychain.get_secret(p.name) is not None} for p in rows]
        if ctx.args.json:
            emit_json(data)
        elif not data:
            print("No connection profiles yet. Add one with: campsync profile add NAME --org-url ... ")
        else:
            for p in data:
                mark = "*" if p["default"] else " "
                secret = "secret in keyring" if p["secret_stored"] else "no stored secret"
                print(f"{mark} {p['name']:<16} {p['environment']:<10} {p['org_url']}  ({secret})")
        return 0
    name = ctx.args.name
    with Session(ctx.engine) as session:
        existing = session.get(ConnectionProfile, name)
        if action == "add":
            profile = existing or ConnectionProfile(name=name, org_url="", tenant_id="", client_id="")
            profile.org_url = ctx.args.org_url.rstrip("/")
            profile.tenant_id = ctx.args.tenant_id
            profile.client_id = ctx.args.client_id
            profile.authority_host = ctx.args.authority_host
            profile.ca_bundle = ctx.args.ca_bundle
            profile.environment = ctx.args.environment
            check = Connection(name=name, org_url=profile.org_url)
            if check.url_problem():
                raise UserError(check.url_problem())
            others = session.exec(select(ConnectionProfile)).all()
            profile.is_default = ctx.args.default or not [p for p in others if p.name != name]
            if profile.is_default:
                for other in others:
                    if other.name != name and other.is_default:
                        other.is_default = False
                        session.add(other)
            session.add(profile)
            session.commit()
            if ctx.args.secret_stdin:
                secret = sys.stdin.readline().strip()
            elif ctx.args.ask_secret:
                secret = getpass.getpass("Client secret (input hidden): ").strip()
            else:
                secret = ""
            message = f"Saved connection {name!r}."
            if secret:
                try:
                    keychain.set_secret(name, secret)
                    message += " The secret is in the system keyring."
                except RuntimeError as exc:
                    message += f" {exc}"
            print(message)
            return 0
        if existing is None:
            raise UserError(f"No connection profile named {name!r}. See: campsync profile list")
        if action == "remove":
            session.delete(existing)
            session.commit()
            forget_settings(ctx.engine, name)
            keychain.delete_secret(name)
            print(f"Removed connection {name!r}.")
        elif action == "use":
            for other in session.exec(select(ConnectionProfile)).all():
                other.is_default = other.name == name
                session.add(other)
            session.commit()
            print(f"Connection {name!r} is now the default.")
    return 0


def cmd_sandbox(ctx_args: argparse.Namespace) -> int:
    from .sandbox import cli as sandbox_cli

    return sandbox_cli.run(ctx_args)


def cmd_gui(_args: argparse.Namespace) -> int:
    from .ui.app import run_app

    return run_app()


# ---- parser ------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="campsync",
        description="CampSync: add and remove people to Dynamics 365 campaigns; admin and scripting commands.")
    parser.add_argument("--profile", help="connection profile to use (default: the default profile; "
                                          "CAMPSYNC_* variables override its fields)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("gui", help="open the window").set_defaults(raw=cmd_gui)

    sandbox = sub.add_parser("sandbox", help="run the built-in sandbox Dynamics org over HTTPS")
    from .sandbox import cli as sandbox_cli
    sandbox_cli.add_arguments(sandbox)
    sandbox.set_defaults(raw=cmd_sandbox)

    doctor = sub.add_parser("doctor", help="test connectivity to the org step by step")
    doctor.add_argument("--json", action="store_true", help="print the report as JSON")
    doctor.set_defaults(func=cmd_doctor)

    campaigns = sub.add_parser("campaigns", help="list the org's campaigns with their state")
    campaigns.add_argument("--json", action="store_true", help="print a JSON array (id, name, active, ...)")
    campaigns.add_argument("--active", action="store_true", help="only active campaigns")
    campaigns.set_defaults(func=cmd_campaigns)

    sync = sub.add_parser("sync", help="turn campaign sync on or off for this connection, or show it")
    sync.add_argument("sync_action", choices=["enable", "disable", "status"])
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(func=cmd_sync)

    profile = sub.add_parser("profile", help="manage connection profiles (secrets go to the keyring)")
    psub = profile.add_subparsers(dest="profile_action", required=True, metavar="ACTION")
    plist = psub.add_parser("list", help="list profiles")
    plist.add_argument("--json", action="store_true")
    padd = psub.add_parser("add", help="add or update a profile")
    padd.add_argument("name")
    padd.add_argument("--org-url", required=True, help="e.g. https://yourorg.crm.dynamics.com")
    padd.add_argument("--tenant-id", required=True)
    padd.add_argument("--client-id", required=True)
    padd.add_argument("--authority-host", default=DEFAULT_AUTHORITY_HOST)
    padd.add_argument("--ca-bundle", default=None, help="extra CA certificate file to trust")
    padd.add_argument("--environment", choices=["sandbox", "test", "production"], default="production")
    padd.add_argument("--default", action="store_true", help="make it the default profile")
    secret = padd.add_mutually_exclusive_group()
    secret.add_argument("--secret-stdin", action="store_true", help="read the client secret from standard input")
    secret.add_argument("--ask-secret", action="store_true", help="prompt for the client secret")
    for action in ("remove", "use"):
        p = psub.add_parser(action, help=f"{action} a profile")
        p.add_argument("name")
    profile.set_defaults(func=cmd_profile)

    from .cli_flow import add_flow_commands, run_async_command
    add_flow_commands(sub, run_async_command)
    from .cli_people import add_people_commands
    add_people_commands(sub, run_async_command)
    from .cli_automation import add_automation_commands
    add_automation_commands(sub, run_async_command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    raw: Callable[[argparse.Namespace], int] | None = getattr(args, "raw", None)
    try:
        if raw is not None:
            return raw(args)
        return args.func(Context(args))
    except UserError as exc:
        print(f"campsync: {exc}", file=sys.stderr)
        return 2
    except DynamicsError as exc:
        print(f"campsync: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def gui_main() -> int:
    return cmd_gui(argparse.Namespace())


if __name__ == "__main__":
    sys.exit(main())
