"""The authorize endpoint: validates the app's request, shows the sign-in page (then the one-time code page for a
user who needs MFA), and sends the answer back to the app's redirect URI: a code, or an error.

As Entra does, problems with the client or its redirect URI are shown on the page (an unchecked redirect URI must
never receive anything); every later problem goes back to the app as `error` and `error_description`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from . import signin_html as html
from .signin_store import AuthCode, AuthRequest
from .users import MFA_CODE, PASSWORD, SAMPLES_CLIENT_ID, SAMPLES_REDIRECT_URI, DemoUser

if TYPE_CHECKING:
    from .auth import Entra

APP_NAME = "CampSync"
_LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "[::1]"}
_OIDC_SCOPES = {"openid", "profile", "offline_access", "email"}


def is_allowed_redirect(client_id: str, redirect_uri: str) -> bool:
    """The app's registration: loopback redirects on any port and path (RFC 8252); the samples client: its own."""
    if client_id == SAMPLES_CLIENT_ID:
        return redirect_uri.lower() == SAMPLES_REDIRECT_URI.lower()
    try:
        parts = urlsplit(redirect_uri)
        host = (parts.netloc.rsplit("@", 1)[-1]).lower()
        port_sep = host.rfind(":")
        if port_sep > host.rfind("]"):
            port = host[port_sep + 1:]
            host = host[:port_sep]
            if port and not port.isdigit():
                return False
    except ValueError:
        return False
    return parts.scheme == "http" and "@" not in parts.netloc and host in _LOOPBACK_HOSTS and not parts.fragment


def check_credentials(entra: Entra, request: Request, username: str, password: str) -> tuple[DemoUser | None, str, str]:
    """(the user, "", "") when the password is right; else (None, what the page says, the AADSTS text)."""
    user = entra.ctx.directory.by_username(username) if username.strip() else None
    if not username.strip():
        return None, "Enter a valid email address, phone number, or Skype name.", ""
    if user is None:
        return None, ("This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your "
                      "admin."), entra.error_text(
            request, 50034, f"The user account {username.strip()} does not exist in the "
            f"{entra.tenant_domain} directory. To sign into this application, the account must be added to the "
            "directory.")
    if password != PASSWORD:
        return None, ("Your account or password is incorrect. If you don't remember your password, reset it "
                      "now."), entra.error_text(request, 50126, "Error validating credentials due to invalid "
                                                "username or password.")
    if user.disabled:
        return None, "Your account has been locked. Contact your support person to unlock it, then try again.", \
            entra.error_text(request, 50057, "The user account is disabled. The account has been disabled by an "
                                              "administrator.")
    return user, "", ""


class SignInPage:
    def __init__(self, entra: Entra) -> None:
        self.entra = entra
        self.ctx = entra.ctx

    # ------------------------------------------------------------------ GET /{tenant}/oauth2/v2.0/authorize

    async def authorize(self, request: Request) -> Response:
        entra = self.entra
        tenant = request.path_params["tenant"]
        q = request.query_params
        if not entra.known_tenant(tenant):
            return self._error_page(request, 90002, f"Tenant '{tenant}' not found. Check to make sure you have "
                                                    "the correct tenant ID and are signing into the correct cloud.")
        client_id = q.get("client_id", "").lower()
        redirect_uri = q.get("redirect_uri", "")
        if not client_id:
            return self._error_page(request, 900144, "The request body must contain the following parameter: "
                                                     "'client_id'.")
        if not entra.known_client(client_id):
            return self._error_page(request, 700016, f"Application with identifier '{client_id}' was not found "
                                                     f"in the directory '{self.ctx.identity.tenant_name}'.")
        if not redirect_uri:
            return self._error_page(request, 900144, "The request body must contain the following parameter: "
                                                     "'redirect_uri'.")
        if not is_allowed_redirect(client_id, redirect_uri):
            return self._error_page(
                request, 50011,
                f"The redirect URI '{redirect_uri}' specified in the request does not match the redirect URIs "
                f"configured for the application '{client_id}'. Make sure the redirect URI sent in the request "
                "matches one added to your application in the Azure portal. Navigate to "
                "https://aka.ms/redirectUriMismatchError to learn more about how to fix this.")
        response_mode = q.get("response_mode", "query")
        auth = AuthRequest(
            tenant=tenant, client_id=client_id, redirect_uri=redirect_uri,
            response_mode="form_post" if response_mode == "form_post" else "query",
            scope=q.get("scope", ""), state=q.get("state"), nonce=q.get("nonce"),
            code_challenge=q.get("code_challenge"), code_challenge_method=q.get("code_challenge_method"),
            login_hint=q.get("login_hint", ""),
        )
        if q.get("response_type") != "code":
            return self._back(auth, "unsupported_response_type", entra.error_text(
                request, 700054, f"response_type '{q.get('response_type', '')}' is not enabled for the "
                                 "application. This tenant answers response_type=code."))
        scope_problem = self._scope_problem(auth.scope)
        if scope_problem:
            return self._back(auth, "invalid_scope", entra.error_text(request, 65005, scope_problem))
        if auth.code_challenge and (auth.code_challenge_method or "plain") not in ("S256", "plain"):
            return self._back(auth, "invalid_request", entra.error_text(
                request, 50148, "The code_challenge_method must be 'S256' or 'plain'."))
        if "none" in q.get("prompt", "").split():
            # No sign-in session is kept between requests: a silent request always needs the page.
            return self._back(auth, "login_required", entra.error_text(
                request, 50058, "A silent sign-in request was sent but no user is signed in."))
        flow = self.ctx.signins.start_page(auth)
        return self._credentials_page(auth, flow, auth.login_hint, "")

    # ------------------------------------------------------------------ POST /{tenant}/login (the page's form)

    async def login(self, request: Request) -> Response:
        form = await self.entra.read_form(request)
        flow = form.get("flow", "")
        auth = self.ctx.signins.page(flow) if flow else None
        if auth is None:
            return html.page("Sign in", html.error_line(
                "This sign-in page has expired or was already used. Go back to the application and sign in "
                "again."), status=400)
        action = form.get("action", "")
        if action == "cancel":
            self.ctx.signins.end_page(flow)
            return self._back(auth, "access_denied", auth.last_error or self.entra.error_text(
                request, 65004, "User declined to consent to access the app. The user cancelled the sign-in."))
        if auth.user_oid is not None:  # the password was right; this is the one-time code page
            user = self.ctx.directory.by_oid(auth.user_oid)
            assert user is not None
            if form.get("otc", "").strip() != MFA_CODE:
                auth.last_error = self.entra.error_text(request, 500121, "Authentication failed during strong "
                                                                         "authentication request.")
                return self._mfa_page(auth, flow, user, "That code didn't work. Check the code and try again.")
            return self._finish(request, auth, flow, user, mfa_done=True)
        user, message, aadsts = check_credentials(self.entra, request, form.get("username", ""),
                                                  form.get("password", ""))
        if user is None:
            auth.last_error = aadsts or auth.last_error
            return self._credentials_page(auth, flow, form.get("username", ""), message)
        if user.mfa or self.ctx.knobs.mfa_required:
            auth.user_oid = user.oid
            return self._mfa_page(auth, flow, user, "")
        return self._finish(request, auth, flow, user, mfa_done=False)

    # ------------------------------------------------------------------ answers

    def _finish(self, request: Request, auth: AuthRequest, flow: str, user: DemoUser, *, mfa_done: bool) -> Response:
        self.ctx.signins.end_page(flow)
        if self.ctx.knobs.consent_required:
            return self._back(auth, "consent_required", self.entra.error_text(
                request, 65001, self.entra.grants.consent_text()))
        code = self.ctx.signins.issue_code(AuthCode(
            client_id=auth.client_id, redirect_uri=auth.redirect_uri, scope=auth.scope, nonce=auth.nonce,
            code_challenge=auth.code_challenge, code_challenge_method=auth.code_challenge_method,
            user_oid=user.oid, mfa_under_policy=mfa_done and self.ctx.knobs.mfa_required,
        ))
        return self._back(auth, None, "", code=code)

    def _back(self, auth: AuthRequest, error: str | None, description: str, code: str | None = None) -> Response:
        """The answer to the app, at its (checked) redirect URI, in the response mode it asked for."""
        params: dict[str, str] = {"code": code} if code else {"error": error or "", "error_description": description}
        if auth.state is not None:
            params["state"] = auth.state
        if auth.response_mode == "form_post":
            return html.form_post(auth.redirect_uri, params)
        separator = "&" if "?" in auth.redirect_uri else "?"
        return RedirectResponse(auth.redirect_uri + separator + urlencode(params), status_code=302,
                                headers={"Cache-Control": "no-store"})

    def _credentials_page(self, auth: AuthRequest, flow: str, username: str, message: str) -> Response:
        body = html.credentials_form(
            f"/{auth.tenant}/login", html.hidden("flow", flow), username=username, message=message,
            app_name=APP_NAME, users=self.ctx.directory.users)
        return html.page("Sign in", body)

    def _mfa_page(self, auth: AuthRequest, flow: str, user: DemoUser, message: str) -> Response:
        return html.page("Approve sign in request",
                         html.mfa_form(f"/{auth.tenant}/login", html.hidden("flow", flow), user=user,
                                       message=message))

    def _error_page(self, request: Request, code: int, description: str) -> Response:
        text = self.entra.error_text(request, code, description)
        return html.page("Sorry, but we're having trouble signing you in.", html.error_line(text), status=400)

    def _scope_problem(self, scope: str) -> str:
        org = self.ctx.url.lower()
        resources = [s for s in scope.split() if s not in _OIDC_SCOPES]
        if not resources:
            return f"The scope '{scope}' names no resource: ask for '{self.ctx.url}/.default'."
        for item in resources:
            resource, _, permission = item.rpartition("/")
            if resource.rstrip("/").lower() != org or permission not in (".default", "user_impersonation"):
                return (f"The application '{APP_NAME}' asked for scope '{item}' that doesn't exist on the "
                        f"resource. Ask for '{self.ctx.url}/.default'.")
        return ""
