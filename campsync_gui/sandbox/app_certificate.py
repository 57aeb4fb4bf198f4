"""The app registration's certificate credential: a key pair and self-signed certificate made at every start.

The certificate and its private key go to `<data_dir>/app-certificate.pem` (mode 0600): a client configured with
that file signs in as the application with a private_key_jwt client assertion instead of the secret. The token
endpoint knows the certificate by its thumbprints (x5t: SHA-1, x5t#S256: SHA-256), as Entra does.
"""

from __future__ import annotations

import datetime
import os
import tempfile
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

CERTIFICATE_FILENAME = "app-certificate.pem"


@dataclass(frozen=True)
class AppCertificate:
    path: Path
    certificate: x509.Certificate
    sha1_hex: str  # upper-case hex, as the Azure portal shows a thumbprint

    @property
    def fingerprints(self) -> tuple[bytes, bytes]:
        """SHA-1 (what x5t names) and SHA-256 (x5t#S256)."""
        return (self.certificate.fingerprint(hashes.SHA1()),  # noqa: S303 - the x5t header is SHA-1
                self.certificate.fingerprint(hashes.SHA256()))

    def __repr__(self) -> str:
        return f"<AppCertificate {self.sha1_hex}>"


def make_in_background(make, *args) -> Future:
    """`make(*args)` on a thread of its own; its Future (the result, or the exception it raised)."""
    job: Future = Future()

    def run() -> None:
        try:
            job.set_result(make(*args))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for the result
            job.set_exception(exc)

    threading.Thread(target=run, name="sandbox-app-certificate", daemon=True).start()
    return job


def make_app_certificate(data_dir: Path, client_id: str) -> AppCertificate:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"CampSync Sandbox app {client_id}")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    pem = certificate.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    path = data_dir / CERTIFICATE_FILENAME
    _write_private(path, pem)
    return AppCertificate(path, certificate, certificate.fingerprint(hashes.SHA1()).hex().upper())  # noqa: S303


def _write_private(path: Path, data: bytes) -> None:
    # Atomic and 0600 from the first byte (mkstemp): the private key is never readable by others, even briefly.
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
