"""Build a DataverseClient from a connection's settings (the one place that wires TLS, msal and httpx).

A connection signs in one of three ways (`conn.auth_method`): "secret" or "certificate" for an application user,
"user" for a person with their own account. Connection objects from before sign-in (no `auth_method`) are secret
ones."""

from __future__ import annotations

from typing import Protocol

from .auth import CertificateCredential, ClientSecretCredential, MsalConfidentialProvider, TokenProvider
from .certificates import load_certificate
from .client import DataverseClient, RetryPolicy
from .signin import UserSignIn
from .tls import ConnectionTrust, connection_trust
from .token_cache import memory_token_cache

# How a connection signs in (its auth_method), also the words `campsync whoami` uses for an application user.
SECRET, CERTIFICATE, USER = "secret", "certificate", "user"


class ConnectionSettings(Protocol):
    org_url: str
    tenant_id: str
    client_id: str
    client_secret: str | None
    authority_host: str
    ca_bundle: str | None


def auth_method(conn) -> str:
    return getattr(conn, "auth_method", None) or SECRET


def token_provider(conn, trust: ConnectionTrust, *, timeout: float = 30.0,
                   interactive: bool = True) -> TokenProvider:
    """The token provider for the connection's way of signing in. `interactive=False` (the doctor) never opens a
    sign-in page, even for a connection that signs in by itself."""
    method = auth_method(conn)
    if method == USER:
        cache = getattr(conn, "token_cache", None)
        if cache is None:  # a connection nobody gave a cache: this provider's own, in memory
            cache = memory_token_cache()
        return UserSignIn(client_id=conn.client_id, tenant_id=conn.tenant_id, authority_host=conn.authority_host,
                          resource=conn.org_url, trust=trust, cache=cache, browser=getattr(conn, "browser", None),
                          sign_in_when_needed=interactive and bool(getattr(conn, "auto_sign_in", False)),
                          timeout=timeout)
    if method == CERTIFICATE:
        cert_pem, key_pem, thumbprint = load_certificate(conn.certificate_file,
                                                         getattr(conn, "certificate_key", None))
        credential = CertificateCredential(conn.tenant_id, conn.client_id, cert_pem, key_pem, conn.authority_host,
                                           thumbprint=thumbprint)
        return MsalConfidentialProvider(credential, conn.org_url, trust, timeout=timeout)
    credential = ClientSecretCredential(conn.tenant_id, conn.client_id, conn.client_secret or "", conn.authority_host)
    return MsalConfidentialProvider(credential, conn.org_url, trust, timeout=timeout)


def open_client(conn: ConnectionSettings, *, retry: RetryPolicy | None = None, timeout: float = 30.0) -> DataverseClient:
    # An extra CA is trusted on the connection's own hosts only (tls.py): the org client talks to the org's origin
    # alone (it follows no link elsewhere), so it gets that origin's context; msal gets one per host.
    trust = connection_trust(conn)
    tokens = token_provider(conn, trust, timeout=timeout)
    return DataverseClient(conn.org_url, tokens, ssl_context=trust.context_for(conn.org_url), retry=retry,
                           timeout=timeout)
