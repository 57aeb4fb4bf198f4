"""One TLS configuration for the org and the authority: the system's CAs plus an optional extra CA file."""

from __future__ import annotations

import ssl
from pathlib import Path

import certifi


def make_ssl_context(ca_bundle: str | Path | None = None) -> ssl.SSLContext:
    """A verifying client context; `ca_bundle` adds a CA (the sandbox's, or a corporate proxy's)."""
    ctx = ssl.create_default_context()
    # certifi covers machines whose OpenSSL has no usable default store (frozen builds, some Windows setups).
    ctx.load_verify_locations(certifi.where())
    if ca_bundle:
        path = Path(ca_bundle).expanduser()
        if not path.is_file():
            raise FileNotFoundError(f"CA bundle not found: {path} (check CAMPSYNC_CA_BUNDLE)")
        ctx.load_verify_locations(str(path))
    return ctx
