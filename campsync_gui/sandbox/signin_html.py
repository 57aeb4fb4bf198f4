"""The HTML of the sandbox's sign-in pages: plain forms with labelled fields, no script needed, everything echoed
escaped. Shared by the authorize page, the one-time code page and the device login page."""

from __future__ import annotations

from html import escape

from starlette.responses import HTMLResponse

from .users import MFA_CODE, PASSWORD, DemoUser

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}"
    "label{display:block;margin-top:.8rem}input[type=text],input[type=password]{width:100%;padding:.4rem}"
    "button{margin-top:1rem;margin-right:.5rem;padding:.4rem 1rem}.error{color:#a80000;font-weight:600}"
    "table{border-collapse:collapse;margin-top:.5rem}td{padding:.1rem .6rem .1rem 0}.hint{color:#555}"
)
# Pages are answered with these headers: no caching of a page holding a flow id, and no framing (clickjacking).
_HEADERS = {
    "Cache-Control": "no-store, no-cache",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action *; "
                               "script-src 'unsafe-inline'",
    "Referrer-Policy": "no-referrer",
}


def page(title: str, body: str, status: int = 200) -> HTMLResponse:
    html = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{_STYLE}</style></head><body><h1>{escape(title)}</h1>{body}</body></html>")
    return HTMLResponse(html, status_code=status, headers=_HEADERS)


def hidden(name: str, value: str) -> str:
    return f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">'


def error_line(message: str) -> str:
    return f'<p class="error" role="alert">{escape(message)}</p>' if message else ""


def users_table(users: list[DemoUser]) -> str:
    rows = "".join(
        f"<tr><td>{escape(u.username)}</td><td>{escape(u.name)}</td><td>{escape(_about(u))}</td></tr>"
        for u in users
    )
    return (f'<p class="hint">Demo users of this sandbox tenant (password for all: <b>{escape(PASSWORD)}</b>):</p>'
            f"<table>{rows}</table>")


def _about(user: DemoUser) -> str:
    notes = [", ".join(user.roles)]
    if user.mfa:
        notes.append(f"asks a one-time code ({MFA_CODE})")
    if user.read_only:
        notes.append("read only: cannot create lists or add members")
    if user.disabled:
        notes.append("account disabled")
    return "; ".join(notes)


def credentials_form(action: str, fields: str, *, username: str, message: str, app_name: str,
                     users: list[DemoUser], cancel_label: str = "Cancel") -> str:
    return (
        f"<p>Sign in to <b>{escape(app_name)}</b> with your work account.</p>{error_line(message)}"
        f'<form method="post" action="{escape(action)}">{fields}'
        f'<label for="username">Email or username</label>'
        f'<input type="text" id="username" name="username" autocomplete="username" value="{escape(username)}">'
        f'<label for="password">Password</label>'
        f'<input type="password" id="password" name="password" autocomplete="current-password">'
        f'<button type="submit" name="action" value="sign_in">Sign in</button>'
        f'<button type="submit" name="action" value="cancel">{escape(cancel_label)}</button>'
        f"</form>{users_table(users)}"
    )


def mfa_form(action: str, fields: str, *, user: DemoUser, message: str) -> str:
    return (
        f"<p>{escape(user.username)}: approve the sign-in with the code from your authenticator app.</p>"
        f"{error_line(message)}"
        f'<form method="post" action="{escape(action)}">{fields}'
        f'<label for="otc">One-time code</label>'
        f'<input type="text" id="otc" name="otc" autocomplete="one-time-code" inputmode="numeric">'
        f'<button type="submit" name="action" value="verify">Verify</button>'
        f'<button type="submit" name="action" value="cancel">Cancel</button>'
        f'</form><p class="hint">The demo code is <b>{escape(MFA_CODE)}</b>.</p>'
    )


def form_post(redirect_uri: str, params: dict[str, str]) -> HTMLResponse:
    """response_mode=form_post: the answer goes back to the app as a form the browser posts to its redirect URI.

    A person's browser posts it at once (the one-line script); without scripts, the Continue button does."""
    fields = "".join(hidden(k, v) for k, v in params.items())
    body = (f'<form method="post" action="{escape(redirect_uri)}" id="answer">{fields}'
            f'<p>Returning to the application…</p><button type="submit">Continue</button></form>'
            "<script>document.getElementById('answer').submit()</script>")
    return page("Signing in", body)
