"""The connection in use, shared by GUI and CLI: a stored profile, overridden by CAMPSYNC_* variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import urlparse

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from . import keychain
from .core.models import ConnectionProfile
from .dynamics.auth import DEFAULT_AUTHORITY_HOST

ENV_PROFILE_NAME = "environment"

# variable → profile field it overrides
ENV_FIELDS = {
    "CAMPSYNC_ORG_URL": "org_url",
    "CAMPSYNC_TENANT_ID": "tenant_id",
    "CAMPSYNC_CLIENT_ID": "client_id",
    "CAMPSYNC_AUTHORITY_HOST": "authority_host",
    "CAMPSYNC_CA_BUNDLE": "ca_bundle",
}


@dataclass
class Connection:
    """Everything needed to reach one org. `repr` never shows the secret."""

    name: str
    org_url: str = ""
    tenant_id: str = ""
    client_id: str = ""
    authority_host: str = DEFAULT_AUTHORITY_HOST
    ca_bundle: str | None = None
    environment: str = "production"
    client_secret: str | None = field(default=None, repr=False)
    secret_source: str | None = None  # "environment" / "keyring" / None
    overridden: list[str] = field(default_factory=list)

    def missing(self) -> list[str]:
        """Names of the settings still needed, as the user would set them."""
        need = []
        for var, attr in (("CAMPSYNC_ORG_URL", "org_url"), ("CAMPSYNC_TENANT_ID", "tenant_id"),
                          ("CAMPSYNC_CLIENT_ID", "client_id")):
            if not getattr(self, attr):
                need.append(var)
        if not self.client_secret:
            need.append("CAMPSYNC_CLIENT_SECRET")
        return need

    def url_problem(self) -> str | None:
        """A readable reason the org URL cannot work, or None."""
        parsed = urlparse(self.org_url)
        if parsed.scheme != "https":
            return f"The org URL must start with https:// (got {self.org_url!r})."
        if not parsed.hostname:
            return f"The org URL has no host name (got {self.org_url!r})."
        if parsed.path.strip("/"):
            return (f"The org URL must be the environment root, like https://yourorg.crm.dynamics.com "
                    f"(remove {parsed.path!r}).")
        return None


def stored_profiles(engine: Engine) -> list[ConnectionProfile]:
    with Session(engine) as session:
        return list(session.exec(select(ConnectionProfile).order_by(ConnectionProfile.name)))


def default_profile(engine: Engine, name: str | None = None) -> ConnectionProfile | None:
    with Session(engine) as session:
        if name:
            return session.get(ConnectionProfile, name)
        rows = list(session.exec(select(ConnectionProfile)))
    return next((p for p in rows if p.is_default), rows[0] if rows else None)


def resolve_connection(engine: Engine | None, name: str | None = None,
                       environ: dict[str, str] | None = None) -> Connection:
    """The connection to use: the named (or default) stored profile, with environment variables on top."""
    env = os.environ if environ is None else environ
    profile = default_profile(engine, name) if engine is not None else None
    if name and profile is None:
        raise LookupError(f"No connection profile named {name!r}. See: campsync profile list")
    conn = Connection(name=profile.name if profile else ENV_PROFILE_NAME)
    if profile:
        for attr in ("org_url", "tenant_id", "client_id", "authority_host", "ca_bundle", "environment"):
            setattr(conn, attr, getattr(profile, attr))
    for var, attr in ENV_FIELDS.items():
        value = env.get(var, "").strip()
        if value:
            setattr(conn, attr, value)
            conn.overridden.append(var)
    conn.org_url = conn.org_url.rstrip("/")
    secret = env.get("CAMPSYNC_CLIENT_SECRET", "")
    if secret:
        conn.client_secret, conn.secret_source = secret, "environment"
    elif profile:
        stored = keychain.get_secret(profile.name)
        if stored:
            conn.client_secret, conn.secret_source = stored, "keyring"
    if env.get("CAMPSYNC_ENVIRONMENT"):
        conn.environment = env["CAMPSYNC_ENVIRONMENT"]
    elif profile is None:
        # Unknown orgs are treated as production (the careful choice); a loopback org is a sandbox.
        host = urlparse(conn.org_url).hostname or ""
        conn.environment = "sandbox" if host in ("127.0.0.1", "localhost", "::1") else "production"
    return conn
