"""TLS for the sandbox: a throwaway local CA (trustme) whose certificate clients are told to trust.

A new CA is made on every start and only its certificate goes to disk: no private key ever lands in the
data folder, and nothing a previous run left behind can be used to impersonate the sandbox later.
"""

from __future__ import annotations

import os
import ssl
import tempfile
from dataclasses import dataclass
from pathlib import Path

import trustme

from ..paths import make_private_folder

CA_FILENAME = "ca.pem"


@dataclass
class ServerTLS:
    ca_file: Path
    server_context: ssl.SSLContext


def make_server_tls(data_dir: Path, hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")) -> ServerTLS:
    ca = trustme.CA(organization_name="CampSync", organization_unit_name="CampSync Sandbox Local CA")
    leaf = ca.issue_cert(*hosts)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    leaf.configure_cert(context)
    context.set_alpn_protocols(["http/1.1"])
    make_private_folder(data_dir, tighten_existing=False)  # --data-dir may name a folder of the person's
    ca_file = data_dir / CA_FILENAME
    _write_atomically(ca_file, ca.cert_pem.bytes())
    return ServerTLS(ca_file=ca_file, server_context=context)


def client_ssl_context(ca_file: Path | str) -> ssl.SSLContext:
    """An SSLContext that trusts the sandbox CA and nothing else.

    Built explicitly because SSL_CERT_FILE / REQUESTS_CA_BUNDLE on a machine would otherwise decide.
    """
    return ssl.create_default_context(cafile=str(ca_file))


def _write_atomically(path: Path, data: bytes) -> None:
    # A client reading the bundle while a sandbox starts must never see half a file.
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp made it 0600 already; kept so: like every file in the app's folder, it is its owner's alone
        # (the clients that need it run as that owner).
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
