"""`campsync profile list | add | remove | use`: the stored connections (secrets go to the keyring)."""

from __future__ import annotations

import getpass
import sys

from ..core.connections import ProfileFields
from ..dynamics.auth import DEFAULT_AUTHORITY_HOST
from .common import Context, UserError, emit_json, json_flag, say


def cmd_list(ctx: Context) -> int:
    profiles = ctx.workspace.profiles
    default = profiles.default_name()
    data = [{"name": p.name, "org_url": p.org_url, "tenant_id": p.tenant_id, "client_id": p.client_id,
             "environment": p.environment, "default": p.name == default,
             "secret_stored": profiles.has_secret(p.name)} for p in profiles.list()]
    if ctx.args.json:
        emit_json(data)
    elif not data:
        say("No connection profiles yet. Add one with: campsync profile add NAME --org-url ... ")
    else:
        for p in data:
            mark = "*" if p["default"] else " "
            secret = "secret in keyring" if p["secret_stored"] else "no stored secret"
            say(f"{mark} {p['name']:<16} {p['environment']:<10} {p['org_url']}  ({secret})")
    return 0


def cmd_add(ctx: Context) -> int:
    args = ctx.args
    fields = ProfileFields(name=args.name, org_url=args.org_url.rstrip("/"), tenant_id=args.tenant_id,
                           client_id=args.client_id, authority_host=args.authority_host, ca_bundle=args.ca_bundle,
                           environment=args.environment)
    if args.secret_stdin:
        secret = sys.stdin.readline().strip()
    elif args.ask_secret:
        secret = getpass.getpass("Client secret (input hidden): ").strip()
    else:
        secret = ""
    try:
        saved = ctx.workspace.profiles.save(fields, secret=secret, make_default=args.default)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    message = f"Saved connection {args.name!r}."
    if saved.secret_saved:
        message += " The secret is in the system keyring."
    elif saved.secret_problem:
        message += f" {saved.secret_problem}"
    say(message)
    return 0


def cmd_remove(ctx: Context) -> int:
    default = ctx.workspace.profiles.remove(ctx.args.name)
    say(f"Removed connection {ctx.args.name!r}." + (f" The default connection is now {default!r}."
                                                     if default else ""))
    return 0


def cmd_use(ctx: Context) -> int:
    ctx.workspace.profiles.make_default(ctx.args.name)
    say(f"Connection {ctx.args.name!r} is now the default.")
    return 0


def add_commands(sub) -> None:
    profile = sub.add_parser("profile", help="manage connection profiles (secrets go to the keyring)")
    psub = profile.add_subparsers(dest="profile_action", required=True, metavar="ACTION", help="what to do")
    plist = psub.add_parser("list", help="list profiles")
    json_flag(plist)
    plist.set_defaults(func=cmd_list)
    padd = psub.add_parser("add", help="add or update a profile")
    padd.add_argument("name", help="a name for this connection, e.g. contoso-prod")
    padd.add_argument("--org-url", required=True, help="e.g. https://yourorg.crm.dynamics.com")
    padd.add_argument("--tenant-id", required=True, help="the Entra ID directory (tenant) id")
    padd.add_argument("--client-id", required=True, help="the application (client) id of the app registration")
    padd.add_argument("--authority-host", default=DEFAULT_AUTHORITY_HOST,
                      help=f"where tokens come from (default {DEFAULT_AUTHORITY_HOST})")
    padd.add_argument("--ca-bundle", default=None, help="extra CA certificate file to trust")
    padd.add_argument("--environment", choices=["sandbox", "test", "production"], default="production",
                      help="the kind of org (default production, where the window asks before risky "
                           "flow actions)")
    padd.add_argument("--default", action="store_true", help="make it the default profile")
    secret = padd.add_mutually_exclusive_group()
    secret.add_argument("--secret-stdin", action="store_true", help="read the client secret from standard input")
    secret.add_argument("--ask-secret", action="store_true", help="prompt for the client secret")
    padd.set_defaults(func=cmd_add)
    for action, command in (("remove", cmd_remove), ("use", cmd_use)):
        p = psub.add_parser(action, help=f"{action} a profile")
        p.add_argument("name", help="the profile's name (see: campsync profile list)")
        p.set_defaults(func=command)
