"""The device code flow's two ends: the devicecode endpoint a client asks for a code, and the /devicelogin page
where the person types that code and signs in (on any device). The client's polls are answered by grants.py:
authorization_pending until then, authorization_declined after Cancel, expired_token after 15 minutes."""

from __future__ import annotations

import secrets
import time
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from . import signin_html as html
from .signin_page import APP_NAME, check_credentials
from .signin_store import DeviceCode
from .users import MFA_CODE

if TYPE_CHECKING:
    from .auth import Entra

VERIFICATION_PATH = "/devicelogin"
_BAD_CODE = "That code didn't work. Check the code and try again."


class DeviceLogin:
    def __init__(self, entra: Entra) -> None:
        self.entra = entra
        self.ctx = entra.ctx

    @property
    def verification_uri(self) -> str:
        return f"{self.ctx.url}{VERIFICATION_PATH}"

    # ------------------------------------------------------------------ POST /{tenant}/oauth2/v2.0/devicecode

    async def devicecode(self, request: Request) -> Response:
        entra = self.entra
        tenant = request.path_params["tenant"]
        form = await entra.posted_form(request, tenant)
        if isinstance(form, Response):
            return form
        client_id = form.get("client_id", "").lower()
        if not client_id:
            return entra.missing(request, "client_id")
        if not entra.known_client(client_id):
            return entra.unknown_client(request, client_id)
        scope = form.get("scope", "")
        if "openid" not in scope.split():  # Entra adds the OpenID scopes a user sign-in always has
            scope = f"{scope} openid profile offline_access".strip()
        problem = entra.grants.user_scope_problem(request, scope)
        if problem is not None:
            return problem
        ttl = max(1.0, float(self.ctx.knobs.device_code_ttl))
        device_code, record = self.ctx.signins.start_device(client_id, scope, ttl)
        return JSONResponse(
            {
                "user_code": record.user_code,
                "device_code": device_code,
                "verification_uri": self.verification_uri,
                "expires_in": int(ttl),
                "interval": self.ctx.knobs.device_poll_interval,
                "message": f"To sign in, use a web browser to open the page {self.verification_uri} and enter "
                           f"the code {record.user_code} to authenticate.",
            },
            headers={"Cache-Control": "no-store, no-cache"},
        )

    # ------------------------------------------------------------------ GET and POST /devicelogin

    async def page(self, request: Request) -> Response:
        if request.method == "GET":
            return self._code_page(request.query_params.get("otc", ""), "", "")
        form = await self.entra.read_form(request)
        user_code = form.get("user_code", "")
        record = self.ctx.signins.device_by_user_code(user_code)
        if record is None or record.status != "pending" or time.time() >= record.expires_at:
            return self._code_page(user_code, form.get("username", ""), _BAD_CODE)
        if form.get("action") == "cancel":
            record.status = "declined"
            return html.page("Sign in canceled", f"<p>You declined to sign in to {APP_NAME} on the other "
                                                 "device. You may now close this window.</p>")
        if form.get("ticket"):  # the one-time code page
            if not secrets.compare_digest(form["ticket"], record.mfa_ticket or "-"):
                return self._code_page(user_code, "", _BAD_CODE)
            user = self.ctx.directory.by_oid(record.mfa_user_oid or "")
            assert user is not None
            if form.get("otc", "").strip() != MFA_CODE:
                return html.page("Approve sign in request", html.mfa_form(
                    VERIFICATION_PATH, html.hidden("user_code", record.user_code) + html.hidden("ticket",
                                                                                               record.mfa_ticket),
                    user=user, message="That code didn't work. Check the code and try again."))
            return self._approved(record, user.oid, mfa_done=True)
        user, message, _aadsts = check_credentials(self.entra, request, form.get("username", ""),
                                                   form.get("password", ""))
        if user is None:
            return self._code_page(record.user_code, form.get("username", ""), message)
        if user.mfa or self.ctx.knobs.mfa_required:
            record.mfa_ticket = secrets.token_urlsafe(24)
            record.mfa_user_oid = user.oid
            fields = html.hidden("user_code", record.user_code) + html.hidden("ticket", record.mfa_ticket)
            return html.page("Approve sign in request", html.mfa_form(VERIFICATION_PATH, fields, user=user,
                                                                      message=""))
        return self._approved(record, user.oid, mfa_done=False)

    def _approved(self, record: DeviceCode, user_oid: str, *, mfa_done: bool) -> Response:
        record.user_oid = user_oid
        record.mfa_under_policy = mfa_done and self.ctx.knobs.mfa_required
        record.status = "approved"
        return html.page("You're signed in", f"<p>You have signed in to the {APP_NAME} application on your "
                                             "device. You may now close this window.</p>")

    def _code_page(self, user_code: str, username: str, message: str) -> Response:
        fields = (f'<label for="user_code">Code</label><input type="text" id="user_code" name="user_code" '
                  f'value="{html.escape(user_code)}" autocomplete="off">')
        body = html.credentials_form(VERIFICATION_PATH, fields, username=username, message=message,
                                     app_name=f"{APP_NAME} on your other device", users=self.ctx.directory.users)
        return html.page("Enter code", body, status=400 if message else 200)
