"""Build a DataverseClient from a connection's settings (the one place that wires TLS, msal and httpx)."""

from __future__ import annotations

from typing import Protocol

from .auth import ClientSecretCredential, MsalClientSecretProvider
from .client import DataverseClient, RetryPolicy
from .tls import make_ssl_context


class ConnectionSettings(Protocol):
    org_url: str
    tenant_id: str
    client_id: str
    client_secret: str | None
    authority_host: str
    ca_bundle: str | None


def open_client(conn: ConnectionSettings, *, retry: RetryPolicy | None = None, timeout: float = 30.0) -> DataverseClient:
    ssl_context = make_ssl_context(conn.ca_bundle)
    credential = ClientSecretCredential(conn.tenant_id, conn.client_id, conn.client_secret or "", conn.authority_host)
    tokens = MsalClientSecretProvider(credential, conn.org_url, ssl_context, timeout=timeout)
    return DataverseClient(conn.org_url, tokens, ssl_context=ssl_context, retry=retry, timeout=timeout)
