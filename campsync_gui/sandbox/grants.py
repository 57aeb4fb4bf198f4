"""The token endpoint's grants: client authentication (secret or certificate assertion), authorization code with
PKCE, refresh token (rotated on every use), device code polling, and the answer a signed-in user gets.

Error answers follow Entra ID v2: `error` from OAuth 2.0 and an AADSTS code in `error_description`.
"""

from __future__ import annotations

import base64
import hashlib
import math
import secrets
import time
from typing import Any, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .client_assertion import JWT_BEARER, check_assertion
from .id_tokens import client_info, make_id_token
from .tokens import RefreshGrant
from .users import SAMPLES_CLIENT_ID, DemoUser

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
_PUBLIC_GRANTS = {"authorization_code", "refresh_token", DEVICE_GRANT}
_OIDC_SCOPES = {"openid", "profile", "offline_access", "email"}

Handler = Callable[[Request, str, str, dict[str, str]], Response]


class Grants:
    # `entra` is the auth.Entra that owns this object (its error shape, client checks, answers); typed loosely
    # because auth imports this module and the import graph must stay free of cycles.
    def __init__(self, entra: Any) -> None:
        self.entra = entra
        self.ctx = entra.ctx
        self.handlers: dict[str, Handler] = {
            "client_credentials": entra.client_credentials,
            "authorization_code": self.authorization_code,
            "refresh_token": self.refresh_token,
            DEVICE_GRANT: self.device_code,
        }

    # ------------------------------------------------------------------ who is asking

    def authenticate_client(
        self, request: Request, tenant: str, client_id: str, grant_type: str, secret: str | None,
        form: dict[str, str],
    ) -> JSONResponse | None:
        """None when the client may use this grant: a public flow needs no credential (the app allows public
        client flows), client credentials need the secret or a certificate assertion."""
        error = self.entra.error
        assertion_type = form.get("client_assertion_type", "")
        assertion = form.get("client_assertion", "")
        if client_id == SAMPLES_CLIENT_ID:
            if grant_type in _PUBLIC_GRANTS and not (secret or assertion or assertion_type):
                return None
            # A public client: it has no secret or certificate in this tenant.
            return error(request, 401, "invalid_client", 7000215 if secret else 7000218,
                         f"The application '{client_id}' is a public client in this tenant: it has no client secret "
                         "or certificate, and signs users in with the device code flow only.")
        if assertion or assertion_type:
            if assertion_type != JWT_BEARER:
                return error(request, 401, "invalid_client", 50027 if assertion_type else 900144,
                             f"The client_assertion_type must be '{JWT_BEARER}'.")
            if not assertion:
                return self.entra.missing(request, "client_assertion")
            problem = check_assertion(assertion, certificate=self.ctx.certificate, client_id=client_id,
                                      audiences=self._token_endpoints(tenant))
            if problem is not None:
                return error(request, 401, "invalid_client", problem.code, problem.description)
            return None
        if secret or grant_type not in _PUBLIC_GRANTS:
            return self.entra.check_secret(request, secret)
        return None

    def _token_endpoints(self, tenant: str) -> set[str]:
        # An assertion may name the token endpoint with the tenant id or its domain, as the client's authority did.
        return {f"{self.ctx.url}/{t}/oauth2/v2.0/token".lower()
                for t in (tenant, self.ctx.identity.tenant_id, self.entra.tenant_domain)}

    # ------------------------------------------------------------------ grants

    def authorization_code(self, request: Request, tenant: str, client_id: str, form: dict[str, str]) -> Response:
        error = self.entra.error
        for name in ("code", "redirect_uri"):
            if not form.get(name):
                return self.entra.missing(request, name)
        code = self.ctx.signins.redeem_code(form["code"])
        if code is None:
            return error(request, 400, "invalid_grant", 70008,
                         "The provided authorization code or refresh token has expired due to inactivity, or was "
                         "already redeemed. Send a new interactive authorization request for this user and "
                         "resource.")
        if code.client_id != client_id:
            return error(request, 400, "invalid_grant", 70000,
                         "The provided value for the 'code' parameter is not valid. The code was issued to a "
                         "different client.")
        if form["redirect_uri"] != code.redirect_uri:
            return error(request, 400, "invalid_grant", 500117,
                         "The reply uri specified in the request does not match the one used to obtain the "
                         "authorization code.")
        if code.code_challenge:
            verifier = form.get("code_verifier", "")
            if not verifier:
                return self.entra.missing(request, "code_verifier")
            if not _pkce_matches(verifier, code.code_challenge, code.code_challenge_method or "plain"):
                return error(request, 400, "invalid_grant", 501481,
                             "The Code_Verifier does not match the code_challenge supplied in the authorization "
                             "request.")
        user = self.ctx.directory.by_oid(code.user_oid)
        assert user is not None  # codes are only made for demo users
        return self.user_tokens(request, client_id, user, code.scope, form, nonce=code.nonce,
                                mfa_under_policy=code.mfa_under_policy)

    def refresh_token(self, request: Request, tenant: str, client_id: str, form: dict[str, str]) -> Response:
        error = self.entra.error
        value = form.get("refresh_token", "")
        if not value:
            return self.entra.missing(request, "refresh_token")
        if self.ctx.knobs.refresh_revoked:
            return error(request, 400, "invalid_grant", 50173,
                         "The provided grant has expired due to it being revoked, a fresh auth token is needed. The "
                         "user might have changed or reset their password.", suberror="bad_token")
        status, grant = self.ctx.tokens.refresh_grant(value)
        if status == "unknown" or grant is None:
            return error(request, 400, "invalid_grant", 9002313,
                         "Invalid request. Request is malformed or invalid. The refresh token is not valid: it "
                         "was already used (refresh tokens are replaced on each use) or never issued here.")
        if status == "expired":
            return error(request, 400, "invalid_grant", 700082,
                         "The refresh token has expired due to inactivity. The token was issued on "
                         f"{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(grant.issued_at))} and was inactive "
                         "for 90.00:00:00.", suberror="bad_token")
        if grant.client_id != client_id:
            return error(request, 400, "invalid_grant", 70000,
                         "The provided value for the 'refresh_token' parameter is not valid. The refresh token was "
                         "issued to a different client.")
        user = self.ctx.directory.by_oid(grant.user_oid)
        assert user is not None
        refusal = self.user_refusal(request, user, grant.mfa_under_policy, on_refresh=True)
        if refusal is not None:
            return refusal
        scope = form.get("scope") or grant.scope
        if not self.ctx.tokens.consume_refresh(value):
            return error(request, 400, "invalid_grant", 9002313,
                         "Invalid request. Request is malformed or invalid. The refresh token was already used.")
        return self.user_tokens(request, client_id, user, scope, form, nonce=None,
                                mfa_under_policy=grant.mfa_under_policy, check_policy=False)

    def device_code(self, request: Request, tenant: str, client_id: str, form: dict[str, str]) -> Response:
        error = self.entra.error
        value = form.get("device_code", "")
        if not value:
            return self.entra.missing(request, "device_code")
        record = self.ctx.signins.device(value)
        if record is None or record.client_id != client_id or record.status == "redeemed":
            return error(request, 400, "invalid_grant", 70000,
                         "The provided value for the input parameter 'device_code' is not valid.")
        if time.time() >= record.expires_at and record.status == "pending":
            return error(request, 400, "expired_token", 70019,
                         "Verification code expired. The person did not sign in on the verification page in time.")
        if record.status == "declined":
            return error(request, 400, "authorization_declined", 65004,
                         "User declined to consent to access the app.")
        if record.status == "pending":
            return error(request, 400, "authorization_pending", 70016,
                         "OAuth 2.0 device flow error. Authorization is pending. Continue polling.")
        record.status = "redeemed"
        user = self.ctx.directory.by_oid(record.user_oid or "")
        assert user is not None
        return self.user_tokens(request, client_id, user, record.scope, form, nonce=None,
                                mfa_under_policy=record.mfa_under_policy)

    # ------------------------------------------------------------------ the answer

    def user_refusal(
        self, request: Request, user: DemoUser, mfa_under_policy: bool, *, on_refresh: bool
    ) -> JSONResponse | None:
        """The tenant's policies, checked whenever tokens are given to a user."""
        error = self.entra.error
        if user.disabled:
            return error(request, 400, "invalid_grant", 50057,
                         "The user account is disabled. The account has been disabled by an administrator.")
        if self.ctx.knobs.consent_required:
            return error(request, 400, "invalid_grant", 65001, self.consent_text(), suberror="consent_required")
        if on_refresh and self.ctx.knobs.mfa_required and not mfa_under_policy:
            return error(request, 400, "interaction_required", 50076,
                         "Due to a configuration change made by your administrator, or because you moved to a new "
                         "location, you must use multi-factor authentication to access "
                         f"'{self.ctx.url}'.", suberror="basic_action")
        return None

    def consent_text(self) -> str:
        return (f"The user or administrator has not consented to use the application with ID "
                f"'{self.ctx.identity.client_id}' named 'CampSync'. Send an interactive authorization request for "
                "this user and resource.")

    def user_tokens(
        self, request: Request, client_id: str, user: DemoUser, scope: str, form: dict[str, str], *,
        nonce: str | None, mfa_under_policy: bool, check_policy: bool = True,
    ) -> Response:
        if check_policy:
            refusal = self.user_refusal(request, user, mfa_under_policy, on_refresh=False)
            if refusal is not None:
                return refusal
        problem = self.user_scope_problem(request, scope)
        if problem is not None:
            return problem
        ctx = self.ctx
        ttl = max(0.0, float(ctx.knobs.token_ttl))
        expires_in = math.ceil(ttl)
        words = scope.split()
        body: dict[str, object] = {
            "token_type": "Bearer",
            "scope": f"{ctx.url}/user_impersonation {ctx.url}/.default",
            "expires_in": expires_in,
            "ext_expires_in": expires_in,
            "access_token": ctx.tokens.issue(client_id, ttl, user_oid=user.oid),
        }
        if "offline_access" in words:
            body["refresh_token"] = ctx.tokens.issue_refresh(RefreshGrant(
                client_id=client_id, user_oid=user.oid, scope=scope, mfa_under_policy=mfa_under_policy,
                issued_at=time.time()))
        if "openid" in words:
            body["id_token"] = make_id_token(
                authority_host=ctx.url, tenant_id=ctx.identity.tenant_id, client_id=client_id, user=user,
                nonce=nonce, mfa=user.mfa or mfa_under_policy)
        if form.get("client_info") == "1":
            body["client_info"] = client_info(user, ctx.identity.tenant_id)
        return self.entra.token_answer(body)

    def user_scope_problem(self, request: Request, scope: str) -> JSONResponse | None:
        """A user's token is for this org: `<org>/.default` or `<org>/user_impersonation`, plus OpenID scopes."""
        org = self.ctx.url.lower()
        resources = [s for s in scope.split() if s not in _OIDC_SCOPES]
        if not resources:
            return self.entra.error(request, 400, "invalid_scope", 70011,
                                    f"The provided value for the input parameter 'scope' is not valid. The scope "
                                    f"'{scope}' names no resource: ask for '{self.ctx.url}/.default'.")
        for item in resources:
            resource, _, permission = item.rpartition("/")
            if resource.rstrip("/").lower() != org or permission not in (".default", "user_impersonation"):
                return self.entra.error(request, 400, "invalid_scope", 65005,
                                        f"The application 'CampSync' asked for scope '{item}' that doesn't exist "
                                        f"on the resource. Ask for '{self.ctx.url}/.default'.")
        return None


def _pkce_matches(verifier: str, challenge: str, method: str) -> bool:
    if method == "S256":
        digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
        expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    else:
        expected = verifier
    return secrets.compare_digest(expected, challenge)
