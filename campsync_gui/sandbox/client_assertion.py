"""private_key_jwt: checks a client assertion (RFC 7523) as Entra does for an app's certificate credential.

The JWT's header names the certificate by thumbprint (x5t: SHA-1 with RS256, or x5t#S256 with PS256, which msal
uses when it is given the certificate); the signature must verify with that registered certificate; aud is the
token endpoint; iss and sub are the client id; exp has not passed.
"""

from __future__ import annotations

import base64
import binascii
import time
from typing import NamedTuple

import jwt

from .app_certificate import AppCertificate

JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
_SKEW = 300  # Entra allows five minutes of clock skew


class AssertionProblem(NamedTuple):
    code: int
    description: str


def check_assertion(
    assertion: str, *, certificate: AppCertificate | None, client_id: str, audiences: set[str]
) -> AssertionProblem | None:
    try:
        header = jwt.get_unverified_header(assertion)
    except jwt.PyJWTError:
        return AssertionProblem(50027, "JWT token is invalid or malformed.")
    thumbprint = str(header.get("x5t#S256") or header.get("x5t") or "(none)")
    known = certificate is not None and _thumbprint_bytes(thumbprint) in certificate.fingerprints
    if not known:
        return AssertionProblem(
            700027,
            "Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key "
            f"used by client: '{thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS "
            f"Graph to see configured keys for app Id '{client_id}'.]",
        )
    assert certificate is not None
    algorithm = header.get("alg")
    if algorithm not in ("RS256", "PS256"):
        return AssertionProblem(5002738, f"Invalid JWT token. '{algorithm}' is not a supported signature algorithm.")
    try:
        claims = jwt.decode(
            assertion,
            certificate.certificate.public_key(),  # type: ignore[arg-type]
            algorithms=[algorithm],
            options={"verify_aud": False, "verify_exp": False, "verify_iat": False, "verify_nbf": False},
        )
    except jwt.InvalidSignatureError:
        return AssertionProblem(
            700027,
            "Client assertion contains an invalid signature. [Reason - Key was found, but use of the key to verify "
            f"the signature failed., Thumbprint of key used by client: '{thumbprint}']",
        )
    except jwt.PyJWTError:
        return AssertionProblem(50027, "JWT token is invalid or malformed.")
    now = time.time()
    if not isinstance(claims.get("exp"), (int, float)) or claims["exp"] + _SKEW < now:
        return AssertionProblem(700024, "Client assertion is not within its valid time range.")
    if isinstance(claims.get("nbf"), (int, float)) and claims["nbf"] - _SKEW > now:
        return AssertionProblem(700024, "Client assertion is not within its valid time range.")
    if str(claims.get("aud", "")).rstrip("/").lower() not in audiences:
        return AssertionProblem(
            700021, f"Client assertion audience claim does not match Realm issuer. Review the documentation at "
            f"https://learn.microsoft.com/entra/identity-platform/certificate-credentials. Audience: "
            f"'{claims.get('aud')}'.")
    if str(claims.get("iss", "")).lower() != client_id or str(claims.get("sub", "")).lower() != client_id:
        return AssertionProblem(
            700023, "Client assertion contains an invalid issuer or subject: both must be the client id.")
    return None


def _thumbprint_bytes(text: str) -> bytes:
    # base64url as RFC 7515 says; msal pads it, and some clients send standard base64: all name the same bytes.
    try:
        return base64.b64decode(text.replace("-", "+").replace("_", "/") + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return b""
