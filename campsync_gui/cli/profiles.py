"""`campsync profile list | add | remove | use`: the stored connections (secrets go to the keyring)."""

from __future__ import annotations

import getpass
import os
import sys

from ..core import keychain
from ..core.connections import ProfileFields
from ..dynamics.auth import DEFAULT_AUTHORITY_HOST
from ..dynamics.certificates import CertificateProblem, load_certificate, private_key_pem
from ..language import translate
from .common import Context, UserError, emit_json, json_flag, say


def cmd_list(ctx: Context) -> int:
    profiles = ctx.workspace.profiles
    default = profiles.default_name()
    data = [{"name": p.name, "org_url": p.org_url, "tenant_id": p.tenant_id, "client_id": p.client_id,
             "environment": p.environment, "default": p.name == default,
             "secret_stored": profiles.has_secret(p.name), "certificate_file": p.certificate_file,
             "sign_in": ("certificate" if p.certificate_file else "secret" if profiles.has_secret(p.name)
                         else "user")} for p in profiles.list()]
    if ctx.args.json:
        emit_json(data)
    elif not data:
        say(translate("Cli", "No connection profiles yet. Add one with: campsync profile add NAME --org-url ... "))
    else:
        for p in data:
            mark = "*" if p["default"] else " "
            secret = {"certificate": translate("Cli", "certificate {file}").format(file=p["certificate_file"]),
                      "secret": translate("Cli", "secret in keyring"),
                      "user": translate("Cli", "people sign in (campsync login)")}[p["sign_in"]]
            environment = {"sandbox": translate("Cli", "sandbox"), "test": translate("Cli", "test"),
                           "production": translate("Cli", "production")}.get(p["environment"], p["environment"])
            say(f"{mark} {p['name']:<16} {environment:<10} {p['org_url']}  ({secret})")
    return 0


def cmd_add(ctx: Context) -> int:
    args = ctx.args
    fields = ProfileFields(name=args.name, org_url=args.org_url.rstrip("/"), tenant_id=args.tenant_id,
                           client_id=args.client_id, authority_host=args.authority_host, ca_bundle=args.ca_bundle,
                           environment=args.environment,
                           certificate_file=_certificate(args))
    if args.secret_stdin:
        secret = sys.stdin.readline().strip()
    elif args.ask_secret:
        secret = getpass.getpass(translate("Cli", "Client secret (input hidden): ")).strip()
    else:
        secret = ""
    try:
        saved = ctx.workspace.profiles.save(fields, secret=secret, make_default=args.default)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    message = translate("Cli", "Saved connection {name}.").format(name=repr(args.name))
    if saved.secret_saved:
        message += " " + translate("Cli", "The secret is in the system keyring.")
    elif saved.secret_problem:
        message += f" {saved.secret_problem}"
    if fields.certificate_file:
        message += " " + _keep_key(args.name, fields.certificate_file, args.key_in_keyring)
    elif not secret:
        message += " " + translate("Cli", "People sign in with their own account: run `campsync login` (or "
                                          "`campsync login --device-code`).")
    say(message)
    return 0


def _certificate(args) -> str | None:
    """The certificate file, checked now (readable, a certificate, a key only its owner can read) so a mistake is
    said when the profile is added, not at the first flow action."""
    if not args.certificate:
        return None
    path = os.path.abspath(os.path.expanduser(args.certificate))
    try:
        load_certificate(path, key_pem=None, need_key=not args.key_in_keyring)
    except CertificateProblem as exc:
        raise UserError(str(exc)) from exc
    return path


def _keep_key(name: str, path: str, to_keyring: bool) -> str:
    if not to_keyring:
        return translate("Cli", "The certificate's private key stays in {file} (readable by you only).").format(
            file=path)
    try:
        keychain.set_certificate_key(name, private_key_pem(path))
    except (RuntimeError, CertificateProblem) as exc:
        raise UserError(str(exc)) from exc
    return translate("Cli", "The certificate's private key is in the system keyring now; {file} needs to hold the "
                            "certificate only (you may remove the key from it).").format(file=path)


def cmd_remove(ctx: Context) -> int:
    default = ctx.workspace.profiles.remove(ctx.args.name)
    removed = translate("Cli", "Removed connection {name}.").format(name=repr(ctx.args.name))
    say(removed + (" " + translate("Cli", "The default connection is now {name}.").format(name=repr(default))
                   if default else ""))
    return 0


def cmd_use(ctx: Context) -> int:
    ctx.workspace.profiles.make_default(ctx.args.name)
    say(translate("Cli", "Connection {name} is now the default.").format(name=repr(ctx.args.name)))
    return 0


def add_commands(sub) -> None:
    profile = sub.add_parser("profile", help=translate("Cli", "manage connection profiles (secrets go to the "
                                                               "keyring)"))
    psub = profile.add_subparsers(dest="profile_action", required=True, metavar="ACTION",
                                  help=translate("Cli", "what to do"))
    plist = psub.add_parser("list", help=translate("Cli", "list profiles"))
    json_flag(plist)
    plist.set_defaults(func=cmd_list)
    padd = psub.add_parser("add", help=translate("Cli", "add or update a profile"))
    padd.add_argument("name", help=translate("Cli", "a name for this connection, e.g. contoso-prod"))
    padd.add_argument("--org-url", required=True, help=translate("Cli", "e.g. https://yourorg.crm.dynamics.com"))
    padd.add_argument("--tenant-id", required=True, help=translate("Cli", "the Entra ID directory (tenant) id"))
    padd.add_argument("--client-id", required=True,
                      help=translate("Cli", "the application (client) id of the app registration"))
    padd.add_argument("--authority-host", default=DEFAULT_AUTHORITY_HOST,
                      help=translate("Cli", "where tokens come from (default {host})").format(
                          host=DEFAULT_AUTHORITY_HOST))
    padd.add_argument("--ca-bundle", default=None, help=translate("Cli", "extra CA certificate file to trust"))
    padd.add_argument("--environment", choices=["sandbox", "test", "production"], default="production",
                      help=translate("Cli", "the kind of org (default production, where the window asks before "
                                            "risky flow actions)"))
    padd.add_argument("--default", action="store_true", help=translate("Cli", "make it the default profile"))
    secret = padd.add_mutually_exclusive_group()
    secret.add_argument("--secret-stdin", action="store_true",
                        help=translate("Cli", "read the client secret from standard input"))
    secret.add_argument("--ask-secret", action="store_true", help=translate("Cli", "prompt for the client secret"))
    secret.add_argument("--certificate", metavar="PEM", default=None,
                        help=translate("Cli", "sign in as the application with this certificate (PEM: certificate "
                                              "and private key; the key file must be readable by you only)"))
    padd.add_argument("--key-in-keyring", action="store_true",
                      help=translate("Cli", "with --certificate: keep its private key in the system keyring "
                                            "instead of the file"))
    padd.set_defaults(func=cmd_add)
    for action, command, help_text in (("remove", cmd_remove, translate("Cli", "remove a profile")),
                                       ("use", cmd_use, translate("Cli", "use a profile"))):
        p = psub.add_parser(action, help=help_text)
        p.add_argument("name", help=translate("Cli", "the profile's name (see: campsync profile list)"))
        p.set_defaults(func=command)
