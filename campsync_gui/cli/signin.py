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
from ..dynamics.signin_errors import NOT_SIGNED_IN
from .common import Context, UserError, emit_json, json_flag, say

NO_BROWSER = ("No web browser is available here to sign in with: run `campsync login --device-code` and "
              "approve the code on any device.")


def _ensure_user_connection(ctx: Context) -> None:
    workspace = ctx.workspace
    if not workspace.is_user_sign_in:
        conn = workspace.connection
        raise UserError(f"Connection {conn.name!r} signs in as an application ({workspace.sign_in_method}): there "
                        "is nobody to sign in. A connection with a client id and no secret or certificate signs a "
                        "person in.")


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
            raise UserError(NO_BROWSER)
        say("Opening the sign-in page in your browser; waiting for you to sign in…",
            file=sys.stderr if ctx.as_json else None, flush=True)
        try:
            user = await workspace.sign_in_browser()
        except BrowserUnavailable as exc:
            raise UserError(NO_BROWSER) from exc
    if ctx.as_json:
        emit_json(_whoami(ctx, user))
    else:
        kind, _problem = workspace.token_storage()
        say(f"Signed in as {user.username} to {workspace.connection.org_url} "
            f"(tokens kept {'encrypted' if kind == 'encrypted' else 'in ' + kind if kind == 'plain file' else kind}).")
    return 0


def cmd_logout(ctx: Context) -> int:
    workspace = ctx.workspace
    removed = workspace.sign_out() if workspace.is_user_sign_in else 0
    if ctx.as_json:
        emit_json({"signed_out": removed, "profile": workspace.scope})
    elif removed:
        say(f"Signed out of connection {workspace.scope!r}: {removed} account(s) removed from the token cache.")
    else:
        say(f"Nobody was signed in to connection {workspace.scope!r}.")
    return 0


def cmd_whoami(ctx: Context) -> int:
    workspace = ctx.workspace
    user = workspace.account() if workspace.is_user_sign_in else None
    if workspace.is_user_sign_in and user is None:
        raise SignInRequired(NOT_SIGNED_IN, error="no_account")
    data = _whoami(ctx, user)
    if ctx.as_json:
        emit_json(data)
    else:
        say(f"{data['username']} ({data['method'].replace('_', ' ')}) on {data['org_url']}, tenant "
            f"{data['tenant_id']}, connection {data['profile']!r}")
    return 0


def _whoami(ctx: Context, user) -> dict:
    """`user`: the signed-in person; None for an application user, whose identity is its app registration."""
    workspace = ctx.workspace
    conn = workspace.connection
    return {"username": user.username if user else f"{conn.client_id} (application)",
            "tenant_id": (user.tenant_id if user else "") or conn.tenant_id, "org_url": conn.org_url,
            "method": workspace.sign_in_method, "profile": workspace.scope}


def _browser_available() -> bool:
    try:
        webbrowser.get()
    except webbrowser.Error:
        return False
    return True


def add_commands(sub) -> None:
    login = sub.add_parser("login", help="sign in with your own work account (browser, or --device-code)")
    login.add_argument("--device-code", action="store_true",
                       help="sign in on another device: prints a code and where to type it, then waits")
    login.add_argument("--allow-plaintext-cache", action="store_true",
                       help="where nothing can encrypt the token cache, keep it in <data folder>/token_cache.json "
                            "(readable by you only) so you stay signed in; otherwise tokens are kept in memory")
    json_flag(login)
    login.set_defaults(func=cmd_login)
    logout = sub.add_parser("logout", help="sign out: remove this connection's accounts from the token cache")
    json_flag(logout)
    logout.set_defaults(func=cmd_logout)
    whoami = sub.add_parser("whoami", help="who is signed in to this connection, and how")
    json_flag(whoami, "print {username, tenant_id, org_url, method, profile} as JSON")
    whoami.set_defaults(func=cmd_whoami)
