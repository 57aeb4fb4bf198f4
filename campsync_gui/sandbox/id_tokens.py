"""Id tokens and client_info, shaped as Entra ID v2 issues them.

The id token is a JWT that msal only decodes (it came straight from the token endpoint over TLS, which OpenID
Connect accepts in place of a signature check); it is left unsigned (alg "none") since the tenant publishes no
signing keys. client_info is what msal builds the account's home_account_id from: base64url {"uid", "utid"}.
"""

from __future__ import annotations

import base64
import json
import time
import uuid

from .users import DemoUser

ID_TOKEN_TTL = 3600


def _b64url_json(value: dict) -> str:
    raw = json.dumps(value, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def issuer(authority_host: str, tenant_id: str) -> str:
    return f"{authority_host}/{tenant_id}/v2.0"


def make_id_token(
    *, authority_host: str, tenant_id: str, client_id: str, user: DemoUser, nonce: str | None, mfa: bool
) -> str:
    now = int(time.time())
    claims = {
        "aud": client_id,
        "iss": issuer(authority_host, tenant_id),
        "iat": now,
        "nbf": now,
        "exp": now + ID_TOKEN_TTL,
        "name": user.name,
        "oid": user.oid,
        "preferred_username": user.username,
        # Entra's sub is pairwise: the same user has a different sub in each app.
        "sub": str(uuid.uuid5(uuid.UUID(user.oid), client_id.lower())),
        "tid": tenant_id,
        "amr": ["pwd", "mfa"] if mfa else ["pwd"],
        "ver": "2.0",
    }
    if nonce:
        claims["nonce"] = nonce
    return f"{_b64url_json({'typ': 'JWT', 'alg': 'none'})}.{_b64url_json(claims)}."


def client_info(user: DemoUser, tenant_id: str) -> str:
    return _b64url_json({"uid": user.oid, "utid": tenant_id})
