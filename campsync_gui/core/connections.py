"""Connections: the stored profiles (add, remove, make default) and the connection in use — a stored profile
overridden by CAMPSYNC_* variables. Secrets are never here: they live in the keyring (keychain.py)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from ..dynamics.auth import DEFAULT_AUTHORITY_HOST
from ..dynamics.connect import CERTIFICATE, SECRET, USER  # how a connection signs in (Connection.auth_method)
from ..language import translate
from . import keychain
from .models import ConnectionProfile
from .settings import forget_settings

log = logging.getLogger(__name__)

ENV_PROFILE_NAME = "environment"


class NotConnected(Exception):
    """There is no org to talk to: the connection is incomplete or wrong. The message says what to do."""

# variable → profile field it overrides
ENV_FIELDS = {
    "CAMPSYNC_ORG_URL": "org_url",
    "CAMPSYNC_TENANT_ID": "tenant_id",
    "CAMPSYNC_CLIENT_ID": "client_id",
    "CAMPSYNC_AUTHORITY_HOST": "authority_host",
    "CAMPSYNC_CA_BUNDLE": "ca_bundle",
    "CAMPSYNC_CLIENT_CERTIFICATE": "certificate_file",
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
    secret_source: str | None = None  # "environment" / "keyring" / "this session only" / None
    # An application user's certificate: a PEM file with the certificate (and its private key, unless the key is
    # in the keyring: certificate_key).
    certificate_file: str | None = None
    certificate_key: str | None = field(default=None, repr=False)
    overridden: list[str] = field(default_factory=list)
    # A person signing in (auth_method "user"): where the sign-in page opens (None: the system browser), whether
    # the connection signs in by itself when it needs a token (the built-in demo org's demo operator), where the
    # tokens are kept (a dynamics TokenCache, opened by the workspace), and whether they may only be kept in memory.
    browser: Callable[[str], None] | None = field(default=None, repr=False, compare=False)
    auto_sign_in: bool = False
    token_cache: Any = field(default=None, repr=False, compare=False)
    tokens_in_memory_only: bool = False

    @property
    def auth_method(self) -> str:
        """"certificate" or "secret" for an application user; "user" for a public client: a client id and neither
        a secret nor a certificate, where the person signs in with their own account."""
        if self.certificate_file:
            return CERTIFICATE
        if self.client_secret:
            return SECRET
        return USER

    def missing(self) -> list[str]:
        """Names of the settings still needed, as the user would set them. A secret is not one of them: without
        one (or a certificate) the person signs in as themselves."""
        need = []
        for var, attr in (("CAMPSYNC_ORG_URL", "org_url"), ("CAMPSYNC_TENANT_ID", "tenant_id"),
                          ("CAMPSYNC_CLIENT_ID", "client_id")):
            if not getattr(self, attr):
                need.append(var)
        return need

    def url_problem(self) -> str | None:
        """A readable reason the org URL cannot work, or None."""
        parsed = urlparse(self.org_url)
        if parsed.scheme != "https":
            return translate("Connections", "The org URL must start with https:// (got {url}).").format(
                url=repr(self.org_url))
        if not parsed.hostname:
            return translate("Connections", "The org URL has no host name (got {url}).").format(url=repr(self.org_url))
        if parsed.path.strip("/"):
            return translate("Connections", "The org URL must be the environment root, like "
                                            "https://yourorg.crm.dynamics.com (remove {path}).").format(
                path=repr(parsed.path))
        return None


def no_profile(name: str) -> str:
    """The message for a profile name that is not stored."""
    return translate("Connections", "No connection profile named {name}. See: campsync profile list").format(
        name=repr(name))


def stored_profiles(db: Engine) -> list[ConnectionProfile]:
    with Session(db) as session:
        return list(session.exec(select(ConnectionProfile).order_by(ConnectionProfile.name)))


def default_profile(db: Engine, name: str | None = None) -> ConnectionProfile | None:
    """The profile `name`, or the default one: the flagged profile, else the first by name."""
    with Session(db) as session:
        if name:
            return session.get(ConnectionProfile, name)
        rows = list(session.exec(select(ConnectionProfile).order_by(ConnectionProfile.name)))
    return next((p for p in rows if p.is_default), rows[0] if rows else None)


@dataclass(frozen=True)
class ProfileFields:
    """What a profile stores (never the secret); values as typed, trimmed by the caller."""

    name: str
    org_url: str
    tenant_id: str
    client_id: str
    authority_host: str = DEFAULT_AUTHORITY_HOST
    ca_bundle: str | None = None
    environment: str = "production"
    certificate_file: str | None = None  # an application user's certificate (PEM) instead of a secret


@dataclass(frozen=True)
class ProfileSaved:
    name: str
    is_default: bool
    secret_saved: bool = False
    secret_problem: str | None = None  # why a secret that was given is not in the keyring


class Profiles:
    """The stored connection profiles: one set of rules for the window's Connections dialog and `campsync profile`."""

    def __init__(self, db: Engine):
        self.db = db

    def list(self) -> list[ConnectionProfile]:
        return stored_profiles(self.db)

    def get(self, name: str) -> ConnectionProfile | None:
        with Session(self.db) as session:
            return session.get(ConnectionProfile, name)

    def default_name(self) -> str:
        """The profile used when none is named ('' when there is none)."""
        profile = default_profile(self.db)
        return profile.name if profile else ""

    @staticmethod
    def has_secret(name: str) -> bool:
        return keychain.get_secret(name) is not None

    def save(self, fields: ProfileFields, *, secret: str = "", make_default: bool = False) -> ProfileSaved:
        """Add or update a profile; a given secret goes to the keyring. The first profile becomes the default, and
        so does one saved with `make_default` (the others then stop being it)."""
        problem = Connection(name=fields.name, org_url=fields.org_url).url_problem()
        if problem:
            raise ValueError(problem)
        with Session(self.db) as session:
            rows = list(session.exec(select(ConnectionProfile)))
            row = next((p for p in rows if p.name == fields.name), None)
            if row is None:
                row = ConnectionProfile(name=fields.name, org_url="", tenant_id="", client_id="",
                                        is_default=not rows)
            row.org_url, row.tenant_id, row.client_id = fields.org_url.rstrip("/"), fields.tenant_id, fields.client_id
            row.authority_host, row.ca_bundle, row.environment = (fields.authority_host, fields.ca_bundle,
                                                                  fields.environment)
            row.certificate_file = fields.certificate_file
            if make_default:
                row.is_default = True
                for other in rows:
                    if other.name != fields.name and other.is_default:
                        other.is_default = False
                        session.add(other)
            session.add(row)
            session.commit()
            is_default = row.is_default
        log.info("saved connection profile %r (%s, %s)", fields.name, fields.environment, fields.org_url)
        if not secret:
            return ProfileSaved(fields.name, is_default)
        try:
            keychain.set_secret(fields.name, secret)
        except RuntimeError as exc:  # no keyring: the profile is saved all the same, the caller says so
            return ProfileSaved(fields.name, is_default, secret_problem=str(exc))
        return ProfileSaved(fields.name, is_default, secret_saved=True)

    def remove(self, name: str) -> str:
        """Remove a profile with its settings and keyring secret; returns the default afterwards ('' if none).

        The first remaining profile becomes the default explicitly when the default was removed, so every
        list of profiles (the dialog's, `campsync profile list`) marks the one that will be used."""
        with Session(self.db) as session:
            row = session.get(ConnectionProfile, name)
            if row is None:
                raise LookupError(no_profile(name))
            session.delete(row)
            session.commit()
            remaining = list(session.exec(select(ConnectionProfile).order_by(ConnectionProfile.name)))
            if remaining and not any(p.is_default for p in remaining):
                remaining[0].is_default = True
                session.add(remaining[0])
                session.commit()
        forget_settings(self.db, name)
        keychain.delete_secret(name)
        log.info("removed connection profile %r", name)
        return self.default_name()

    def make_default(self, name: str) -> None:
        with Session(self.db) as session:
            rows = list(session.exec(select(ConnectionProfile)))
            if not any(p.name == name for p in rows):
                raise LookupError(no_profile(name))
            for p in rows:
                p.is_default = p.name == name
                session.add(p)
            session.commit()


def is_configured(db: Engine | None, environ: dict[str, str] | None = None) -> bool:
    """Whether a connection has been set up at all, complete or not: a stored profile, or a variable naming an org.
    Only when nothing is do the faces start the built-in demo org: a connection that is half set up is reported as
    such, never silently replaced by demo data."""
    env = os.environ if environ is None else environ
    if any(env.get(var, "").strip() for var in ("CAMPSYNC_ORG_URL", "CAMPSYNC_TENANT_ID", "CAMPSYNC_CLIENT_ID")):
        return True
    return db is not None and default_profile(db) is not None


def resolve_connection(db: Engine | None, name: str | None = None,
                       environ: dict[str, str] | None = None) -> Connection:
    """The connection to use: the named (or default) stored profile, with environment variables on top."""
    env = os.environ if environ is None else environ
    profile = default_profile(db, name) if db is not None else None
    if name and profile is None:
        raise LookupError(no_profile(name))
    conn = Connection(name=profile.name if profile else ENV_PROFILE_NAME)
    if profile:
        for attr in ("org_url", "tenant_id", "client_id", "authority_host", "ca_bundle", "environment",
                     "certificate_file"):
            setattr(conn, attr, getattr(profile, attr, None) or getattr(conn, attr))
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
        if stored:  # from the keyring, or kept in memory for this session where the machine has none
            conn.client_secret = stored
            conn.secret_source = "this session only" if keychain.kept_for_session(profile.name) else "keyring"
    if conn.certificate_file and profile is not None:
        conn.certificate_key = keychain.get_certificate_key(profile.name)  # None: the key is in the PEM file
    if env.get("CAMPSYNC_ENVIRONMENT"):
        conn.environment = env["CAMPSYNC_ENVIRONMENT"]
    elif profile is None:
        # Unknown orgs are treated as production (the careful choice); a loopback org is a sandbox.
        host = urlparse(conn.org_url).hostname or ""
        conn.environment = "sandbox" if host in ("127.0.0.1", "localhost", "::1") else "production"
    return conn
