"""The Entra ID side: OpenID discovery, the token endpoint's front (which grant, which client), bearer checks.

Tokens are opaque random strings; only this server can judge them, which is all a Dataverse client needs. The
grants themselves are in grants.py, the sign-in page in signin_page.py, the device login in device_login.py.
"""

from __future__ import annotations

import base64
import binascii
import math
import secrets
import uuid
from datetime import datetime, timezone
from urllib.parse import parse_qsl, unquote

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .context import SandboxContext
from .errors import UNAUTHORIZED, SandboxError
from .grants import Grants
from .users import DOMAIN, SAMPLES_CLIENT_ID, DemoUser

# Scopes an OpenID client may add; they never name a resource.
_OIDC_SCOPES = {"openid", "profile", "offline_access", "email"}


def _timestamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ")


class Entra:
    """Starlette endpoints for /{tenant}/v2.0/.well-known/openid-configuration and /{tenant}/oauth2/v2.0/token."""

    def __init__(self, ctx: SandboxContext) -> None:
        self.ctx = ctx
        self.grants = Grants(self)

    # ------------------------------------------------------------------ helpers

    def known_tenant(self, tenant: str) -> bool:
        identity = self.ctx.identity
        return tenant.lower() in (identity.tenant_id, self.tenant_domain)

    @property
    def tenant_domain(self) -> str:
        return DOMAIN

    def known_client(self, client_id: str) -> bool:
        return client_id.lower() in (self.ctx.identity.client_id, SAMPLES_CLIENT_ID)

    def error_text(self, request: Request, code: int, description: str) -> str:
        """Entra's error_description: the AADSTS code, the sentence, then trace and correlation ids and the time."""
        correlation_id = request.headers.get("client-request-id") or str(uuid.uuid4())
        return _description(code, description, str(uuid.uuid4()), correlation_id, _timestamp())

    def error(
        self, request: Request, status: int, error: str, code: int, description: str, **extra: str
    ) -> JSONResponse:
        stamp = _timestamp()
        trace_id = str(uuid.uuid4())
        # Entra echoes the client's request id (msal sends one) as the correlation id.
        correlation_id = request.headers.get("client-request-id") or str(uuid.uuid4())
        body = {
            "error": error,
            "error_description": _description(code, description, trace_id, correlation_id, stamp),
            "error_codes": [code],
            "timestamp": stamp,
            "trace_id": trace_id,
            "correlation_id": correlation_id,
            "error_uri": f"{self.ctx.url}/error?code={code}",
            **extra,
        }
        return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store, no-cache"})

    # The grants, the sign-in page and the device login answer through these too, in the same shape.

    def unknown_client(self, request: Request, client_id: str) -> JSONResponse:
        return self.error(
            request,
            400,
            "unauthorized_client",
            700016,
            f"Application with identifier '{client_id}' was not found in the directory "
            f"'{self.ctx.identity.tenant_name}'. This can happen if the application has not been installed by the "
            "administrator of the tenant or consented to by any user in the tenant. You may have sent your "
            "authentication request to the wrong tenant.",
        )

    def missing(self, request: Request, name: str) -> JSONResponse:
        description = f"The request body must contain the following parameter: '{name}'."
        return self.error(request, 400, "invalid_request", 900144, description)

    def tenant_not_found(self, request: Request, tenant: str, error: str) -> JSONResponse:
        return self.error(
            request,
            400,
            error,
            90002,
            f"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into "
            "the correct cloud. Check with your subscription administrator, this may happen if there are no active "
            "subscriptions for the tenant.",
        )

    # ------------------------------------------------------------------ endpoints

    async def discovery(self, request: Request) -> Response:
        tenant = request.path_params["tenant"]
        if not self.known_tenant(tenant):
            return self.tenant_not_found(request, tenant, "invalid_tenant")
        tid = self.ctx.identity.tenant_id
        base = f"{self.ctx.url}/{tid}"
        return JSONResponse(
            {
                "token_endpoint": f"{base}/oauth2/v2.0/token",
                "token_endpoint_auth_methods_supported": [
                    "client_secret_post", "private_key_jwt", "client_secret_basic",
                ],
                "jwks_uri": f"{base}/discovery/v2.0/keys",
                "response_modes_supported": ["query", "fragment", "form_post"],
                "subject_types_supported": ["pairwise"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
                "scopes_supported": ["openid", "profile", "email", "offline_access"],
                "issuer": f"{base}/v2.0",
                "request_uri_parameter_supported": False,
                "userinfo_endpoint": f"{self.ctx.url}/oidc/userinfo",
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
                "http_logout_supported": True,
                "frontchannel_logout_supported": True,
                "end_session_endpoint": f"{base}/oauth2/v2.0/logout",
                "claims_supported": [
                    "sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name",
                    "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name",
                    "tid", "ver", "at_hash", "c_hash", "email",
                ],
                "kerberos_endpoint": f"{base}/kerberos",
                "tenant_region_scope": "EU",
                "cloud_instance_name": "microsoftonline.com",
                "cloud_graph_host_name": "graph.windows.net",
                "msgraph_host": "graph.microsoft.com",
                "rbac_url": "https://pas.windows.net",
            }
        )

    async def keys(self, request: Request) -> Response:
        tenant = request.path_params["tenant"]
        if not self.known_tenant(tenant):
            return self.tenant_not_found(request, tenant, "invalid_tenant")
        return JSONResponse({"keys": []})  # access tokens are opaque, so there is nothing to verify with

    async def token(self, request: Request) -> Response:
        tenant = request.path_params["tenant"]
        form = await self.posted_form(request, tenant)
        if isinstance(form, Response):
            return form
        basic_id, basic_secret = _basic_credentials(request.headers.get("authorization", ""))
        grant_type = form.get("grant_type", "")
        if not grant_type:
            return self.missing(request, "grant_type")
        handler = self.grants.handlers.get(grant_type)
        if handler is None:
            return self.error(
                request,
                400,
                "unsupported_grant_type",
                70003,
                f"The app requested an unsupported grant type '{grant_type}'. This sandbox tenant issues tokens "
                "with client_credentials, authorization_code, refresh_token and device_code grants.",
            )
        client_id = (form.get("client_id") or basic_id or "").lower()
        if not client_id:
            return self.missing(request, "client_id")
        if not self.known_client(client_id):
            return self.unknown_client(request, client_id)
        secret = form.get("client_secret") or basic_secret
        problem = self.grants.authenticate_client(request, tenant, client_id, grant_type, secret, form)
        if problem is not None:
            return problem
        return handler(request, tenant, client_id, form)

    async def posted_form(self, request: Request, tenant: str) -> dict[str, str] | Response:
        """The form an endpoint of the tenant was POSTed (token, devicecode), or Entra's refusal to answer."""
        if request.method != "POST":
            return self.error(request, 405, "invalid_request", 900561, "The endpoint only accepts POST requests.")
        if not self.known_tenant(tenant):
            return self.tenant_not_found(request, tenant, "invalid_request")
        return await self.read_form(request)

    async def read_form(self, request: Request) -> dict[str, str]:
        if not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
            return {}
        # The body limit middleware has capped the body already (64 KB outside the Web API).
        return dict(parse_qsl((await request.body()).decode("utf-8", "replace"), keep_blank_values=True))

    def token_answer(self, body: dict[str, object]) -> JSONResponse:
        return JSONResponse(body, headers={"Cache-Control": "no-store, no-cache", "Pragma": "no-cache"})

    def check_secret(self, request: Request, secret: str | None) -> JSONResponse | None:
        if not secret:
            return self.error(
                request,
                401,
                "invalid_client",
                7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
            )
        if not secrets.compare_digest(secret.encode(), self.ctx.client_secret.encode()):
            return self.error(
                request,
                401,
                "invalid_client",
                7000215,
                "Invalid client secret provided. Ensure the secret being sent in the request is the client secret "
                f"value, not the client secret ID, for a secret added to app '{self.ctx.identity.client_id}'.",
            )
        return None

    def client_credentials(self, request: Request, tenant: str, client_id: str, form: dict[str, str]) -> Response:
        scope_problem = self._check_scope(request, form.get("scope", ""), tenant)
        if scope_problem is not None:
            return scope_problem
        ttl = max(0.0, float(self.ctx.knobs.token_ttl))
        token = self.ctx.tokens.issue(client_id, ttl)
        expires_in = math.ceil(ttl)
        return self.token_answer(
            {"token_type": "Bearer", "expires_in": expires_in, "ext_expires_in": expires_in, "access_token": token}
        )

    def _check_scope(self, request: Request, scope: str, tenant: str) -> JSONResponse | None:
        if not scope.strip():
            return self.missing(request, "scope")
        org = self.ctx.url.lower()
        for item in scope.split():
            if item in _OIDC_SCOPES:
                continue
            resource, _, permission = item.rpartition("/")
            if resource.rstrip("/").lower() != org:
                return self.error(
                    request,
                    400,
                    "invalid_scope",
                    500011,
                    f"The resource principal named {resource or item} was not found in the tenant named "
                    f"{self.ctx.identity.tenant_name}. This can happen if the application has not been installed "
                    "by the administrator of the tenant or consented to by any user in the tenant. You might have "
                    "sent your authentication request to the wrong tenant.",
                )
            if permission != ".default":
                return self.error(
                    request,
                    400,
                    "invalid_scope",
                    1002012,
                    f"The provided value for scope {item} is not valid. Client credential flows must have a scope "
                    "value with /.default suffixed to the resource identifier (application ID URI).",
                )
            return None
        return self.error(
            request,
            400,
            "invalid_scope",
            70011,
            f"The provided request must include a 'scope' input parameter. The provided value for the input "
            f"parameter 'scope' is not valid. The scope {scope} is not valid.",
        )

    # ------------------------------------------------------------------ the API side

    def check_bearer(self, authorization: str | None) -> DemoUser | None:
        """The signed-in user (None: the application user) if the Authorization header carries a live token from
        this tenant; else raise a 401 SandboxError."""
        scheme, _, token = (authorization or "").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise self._unauthorized(None, "The request has no 'Authorization: Bearer <token>' header.")
        status, user_oid = self.ctx.tokens.lookup(token)
        if status == "valid":
            return self.ctx.directory.by_oid(user_oid) if user_oid else None
        message = {
            "unknown": "The access token is not valid for this organization (InvalidAuthTicket).",
            "expired": "The access token has expired (ExpiredAuthTicket). Acquire a new token.",
            "revoked": "The access token has been revoked (InvalidAuthTicket). Acquire a new token.",
        }[status]
        raise self._unauthorized("Error during token validation!", message)

    def _unauthorized(self, error_description: str | None, message: str) -> SandboxError:
        parts = []
        if error_description:
            parts.append(f'error="invalid_token", error_description="{error_description}"')
        parts.append(f"authorization_uri={self.ctx.url}/{self.ctx.identity.tenant_id}/oauth2/authorize")
        parts.append(f"resource_id={self.ctx.url}/")
        return SandboxError(401, UNAUTHORIZED, message, {"WWW-Authenticate": "Bearer " + ", ".join(parts)})


def _description(code: int, description: str, trace_id: str, correlation_id: str, stamp: str) -> str:
    """Entra's error_description: the AADSTS code, the sentence, then trace and correlation ids and the time."""
    return f"AADSTS{code}: {description} Trace ID: {trace_id} Correlation ID: {correlation_id} Timestamp: {stamp}"


def _basic_credentials(header: str) -> tuple[str, str]:
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return "", ""
    try:
        decoded = base64.b64decode(encoded.strip()).decode()
    except (binascii.Error, UnicodeDecodeError):
        return "", ""
    client_id, _, secret = decoded.partition(":")
    # RFC 6749 §2.3.1: both parts are form-encoded before being joined.
    return unquote(client_id.replace("+", " ")), unquote(secret.replace("+", " "))

