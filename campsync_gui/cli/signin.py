"""`campsync login [--device-code] | logout | whoami`: a person signs in with their own work account.

A connection with a client id and no secret or certificate signs a person in. `login` opens the browser where
there is one (authorization code with PKCE, back to a loopback port), `login --device-code` prints the
authority's message with the code and waits until the person has approved it elsewhere. The tokens go to the
token cache (encrypted, or memory only, or the plain file the person allowed), never anywhere else.
"""

from __future__ import annotations

import sys
import webbrowser

from ..dynamics.errors import BrowserUnavailable, SignInRequired
from ..dynamics.signin_errors import not_signed_in
from ..language import plural, translate
from .common import Context, UserError, emit_json, json_flag, say



def no_browser() -> str:
    return translate("Cli", "No web browser is available here to sign in with: run `campsync login --device-code` "
                            "and approve the code on any device.")



def _ensure_user_connection(ctx: Context) -> None:
    workspace = ctx.workspace
    if not workspace.is_user_sign_in:
        conn = workspace.connection
        raise UserError(translate("Cli", "Connection {name} signs in as an application ({method}): there is nobody "
                                         "to sign in. A connection with a client id and no secret or certificate "
                                         "signs a person in.").format(name=repr(conn.name),
                                                                      method=workspace.sign_in_method))


def _storage_notice(ctx: Context) -> None:
    if ctx.args.allow_plaintext_cache:
        ctx.workspace.allow_plaintext_token_cache()
    kind, problem = ctx.workspace.token_storage()
    if problem:
        say(problem, file=sys.stderr, flush=True)


async def cmd_login(ctx: Context) -> int:
    _ensure_user_connection(ctx)
    _storage_notice(ctx)
    workspace = ctx.workspace
    if ctx.args.device_code:
        code = await workspace.start_device_sign_in()
        # The authority's own message (where to go, which code): on stderr with --json, so stdout stays one answer.
        say(code.message, file=sys.stderr if ctx.as_json else None, flush=True)
        user = await workspace.finish_device_sign_in(code)
    else:
        if not _browser_available():
            raise UserError(no_browser())
        say(translate("Cli", "Opening the sign-in page in your browser; waiting for you to sign in…"),
            file=sys.stderr if ctx.as_json else None, flush=True)
        try:
            user = await workspace.sign_in_browser()
        except BrowserUnavailable as exc:
            raise UserError(no_browser()) from exc
    if ctx.as_json:
        emit_json(_whoami(ctx, user))
    else:
        kind, _problem = workspace.token_storage()
        say(translate("Cli", "Signed in as {user} to {org} ({kept}).").format(
            user=user.username, org=workspace.connection.org_url, kept=_tokens_kept(kind)))
    return 0


def _tokens_kept(kind: str) -> str:
    if kind == "encrypted":
        return translate("Cli", "tokens kept encrypted")
    if kind == "plain file":
        return translate("Cli", "tokens kept in plain file")
    return translate("Cli", "tokens kept {how}").format(how=kind)


def cmd_logout(ctx: Context) -> int:
    workspace = ctx.workspace
    removed = workspace.sign_out() if workspace.is_user_sign_in else 0
    if ctx.as_json:
        emit_json({"signed_out": removed, "profile": workspace.scope})
    elif removed:
        say(translate("Cli", "Signed out of connection {name}: {accounts} removed from the token cache.")
            .format(name=repr(workspace.scope), accounts=plural(removed, translate("Cli", "{n} account"),
                                                                translate("Cli", "{n} accounts"))))
    else:
        say(translate("Cli", "Nobody was signed in to connection {name}.").format(name=repr(workspace.scope)))
    return 0


def cmd_whoami(ctx: Context) -> int:
    workspace = ctx.workspace
    user = workspace.account() if workspace.is_user_sign_in else None
    if workspace.is_user_sign_in and user is None:
        raise SignInRequired(not_signed_in(), error="no_account")
    data = _whoami(ctx, user)
    if ctx.as_json:
        emit_json(data)
    else:
        say(translate("Cli", "{user} ({method}) on {org}, tenant {tenant}, connection {name}").format(
            user=data["username"], method=data["method"].replace("_", " "), org=data["org_url"],
            tenant=data["tenant_id"], name=repr(data["profile"])))
    return 0


def _whoami(ctx: Context, user) -> dict:
    """`user`: the signed-in person; None for an application user, whose identity is its app registration."""
    workspace = ctx.workspace
    conn = workspace.connection
    # With --json the language is English (cli.main): "(application)" stays the value scripts know.
    application = translate("Cli", "{client_id} (application)").format(client_id=conn.client_id)
    return {"username": user.username if user else application,
            "tenant_id": (user.tenant_id if user else "") or conn.tenant_id, "org_url": conn.org_url,
            "method": workspace.sign_in_method, "profile": workspace.scope}


def _browser_available() -> bool:
    try:
        webbrowser.get()
    except webbrowser.Error:
        return False
    return True


def add_commands(sub) -> None:
    login = sub.add_parser("login", help=translate("Cli", "sign in with your own work account (browser, or "
                                                          "--device-code)"))
    login.add_argument("--device-code", action="store_true",
                       help=translate("Cli", "sign in on another device: prints a code and where to type it, then "
                                             "waits"))
    login.add_argument("--allow-plaintext-cache", action="store_true",
                       help=translate("Cli", "where nothing can encrypt the token cache, keep it in <data "
                                             "folder>/token_cache.json (readable by you only) so you stay signed "
                                             "in; otherwise tokens are kept in memory"))
    json_flag(login)
    login.set_defaults(func=cmd_login)
    logout = sub.add_parser("logout", help=translate("Cli", "sign out: remove this connection's accounts from the "
                                                            "token cache"))
    json_flag(logout)
    logout.set_defaults(func=cmd_logout)
    whoami = sub.add_parser("whoami", help=translate("Cli", "who is signed in to this connection, and how"))
    json_flag(whoami, translate("Cli", "print {username, tenant_id, org_url, method, profile} as JSON"))
    whoami.set_defaults(func=cmd_whoami)
