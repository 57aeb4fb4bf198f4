"""Build a DataverseClient from a connection's settings (the one place that wires TLS, msal and httpx)."""

from __future__ import annotations

from typing import Protocol

from .auth import ClientSecretCredential, MsalClientSecretProvider
from .client import DataverseClient, RetryPolicy
from .tls import connection_trust


class ConnectionSettings(Protocol):
    org_url: str
    tenant_id: str
    client_id: str
    client_secret: str | None
    authority_host: str
    ca_bundle: str | None


def open_client(conn: ConnectionSettings, *, retry: RetryPolicy | None = None, timeout: float = 30.0) -> DataverseClient:
    # An extra CA is trusted on the connection's own hosts only (tls.py): the org client talks to the org's origin
    # alone (it follows no link elsewhere), so it gets that origin's context; msal gets one per host.
    trust = connection_trust(conn)
    credential = ClientSecretCredential(conn.tenant_id, conn.client_id, conn.client_secret or "", conn.authority_host)
    tokens = MsalClientSecretProvider(credential, conn.org_url, trust, timeout=timeout)
    return DataverseClient(conn.org_url, tokens, ssl_context=trust.context_for(conn.org_url), retry=retry,
                           timeout=timeout)
