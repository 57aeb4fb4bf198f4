"""TLS for the org and the authority: the system's CAs (certifi's where the system has none), and an optional extra
CA file that is trusted only for the hosts of the connection it belongs to.

An extra CA (`CAMPSYNC_CA_BUNDLE`, or a profile's CA file) is the sandbox's, or a test org's: trusting it for every
host would let a shell that once sourced `sandbox.env` trust that CA for a real org, and for Microsoft's sign-in.
So it applies to the connection's own origins (the org URL's and the authority's host and port), and never to
Microsoft's public hosts (login.microsoftonline.com, *.dynamics.com, …), which get the system trust store only."""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import certifi
import httpx

from ..language import translate

# Domains of Microsoft's clouds (sign-in and Dataverse): an extra CA is never trusted for them. A network that
# inspects TLS on its way to Microsoft installs its CA in the system's trust store, which is used for every host.
MICROSOFT_DOMAINS = (
    "microsoftonline.com", "microsoftonline.us", "microsoftonline.de", "microsoftonline.cn", "chinacloudapi.cn",
    "windows.net", "microsoft.com", "microsoft.us", "dynamics.com", "dynamics.cn", "microsoftdynamics.us",
    "microsoftdynamics.de", "appsplatform.us", "powerapps.com", "powerplatform.com",
)


def is_microsoft_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == domain or host.endswith("." + domain) for domain in MICROSOFT_DOMAINS)


def make_ssl_context(ca_bundle: str | Path | None = None) -> ssl.SSLContext:
    """A verifying client context: the system's CAs (certifi's where the system gave none), plus `ca_bundle` if
    given (for every host it is used with: callers pick it per host through `ConnectionTrust`)."""
    ctx = ssl.create_default_context()
    # certifi covers machines whose OpenSSL has no usable default store (frozen builds, some Windows setups). Loaded
    # beside a store that has CAs, it cost 30 ms per context, twice before a command's first request.
    if not ctx.cert_store_stats()["x509_ca"]:
        ctx.load_verify_locations(certifi.where())
    if ca_bundle:
        path = Path(ca_bundle).expanduser()
        if not path.is_file():
            raise FileNotFoundError(translate("Tls", "CA bundle not found: {path} (check CAMPSYNC_CA_BUNDLE)").format(
                path=path))
        ctx.load_verify_locations(str(path))
    return ctx


Origin = tuple[str, int]  # (host, port), lower-case host


def origin_of(url: str) -> Origin | None:
    """(host, port) of an https URL (port 443 when not given); None when it has no host."""
    parts = urlsplit(url.strip())
    if not parts.hostname:
        return None
    try:
        port = parts.port or 443
    except ValueError:
        return None
    return parts.hostname.lower(), port


def origin_text(origin: Origin) -> str:
    host, port = origin
    shown = f"[{host}]" if ":" in host else host
    return shown if port == 443 else f"{shown}:{port}"


@dataclass(frozen=True)
class ConnectionTrust:
    """What one connection trusts: `system` everywhere; `extended` (system + the extra CA) on `origins` only."""

    system: ssl.SSLContext
    extended: ssl.SSLContext | None = None
    ca_bundle: str | None = None
    origins: frozenset[Origin] = frozenset()
    refused: tuple[Origin, ...] = field(default=())  # the connection's Microsoft hosts: system trust only

    def context_for(self, url_or_origin: str | Origin) -> ssl.SSLContext:
        origin = origin_of(url_or_origin) if isinstance(url_or_origin, str) else url_or_origin
        if self.extended is not None and origin in self.origins:
            return self.extended
        return self.system

    def uses_extra_ca(self, url_or_origin: str | Origin) -> bool:
        return self.context_for(url_or_origin) is not self.system

    def describe(self) -> str:
        """One line for the doctor: the extra CA and where it is trusted ('' when there is none)."""
        if not self.ca_bundle:
            return ""
        where = ", ".join(origin_text(o) for o in sorted(self.origins)) or translate("Tls", "no host")
        if self.refused:
            return translate("Tls", "extra CA {file} trusted for {hosts} (not for {microsoft}: Microsoft's hosts are "
                                    "checked against the system's CAs only)").format(
                file=self.ca_bundle, hosts=where, microsoft=", ".join(origin_text(o) for o in self.refused))
        return translate("Tls", "extra CA {file} trusted for {hosts}").format(file=self.ca_bundle, hosts=where)

    def sync_client_options(self) -> dict:
        """httpx.Client keyword arguments: the system context by default, the extended one mounted on the
        connection's origins. trust_env=False: a machine-wide SSL_CERT_FILE/REQUESTS_CA_BUNDLE must not decide."""
        mounts = {}
        if self.extended is not None:
            for host, port in self.origins:
                shown = f"[{host}]" if ":" in host else host
                mounts[f"https://{shown}:{port}"] = httpx.HTTPTransport(verify=self.extended)
        return {"verify": self.system, "trust_env": False, "mounts": mounts}


def connection_trust(conn) -> ConnectionTrust:
    """The trust of a connection (anything with org_url, authority_host and ca_bundle). Raises FileNotFoundError
    or ssl.SSLError for a CA file that cannot be used."""
    system = make_ssl_context()
    ca_bundle = (getattr(conn, "ca_bundle", None) or "").strip() or None
    if ca_bundle is None:
        return ConnectionTrust(system)
    extended = make_ssl_context(ca_bundle)
    origins, refused = set(), []
    for url in (getattr(conn, "org_url", "") or "", getattr(conn, "authority_host", "") or ""):
        origin = origin_of(url)
        if origin is None or urlsplit(url.strip()).scheme.lower() != "https":
            continue
        if is_microsoft_host(origin[0]):
            if origin not in refused:
                refused.append(origin)
        else:
            origins.add(origin)
    return ConnectionTrust(system, extended, str(Path(ca_bundle).expanduser()), frozenset(origins), tuple(refused))
