"""An application user's certificate for Entra ID (private_key_jwt): read, checked, and refused with one sentence
when it cannot work, before any request is sent.

The PEM file holds the certificate, and its private key unless the key is kept in the keyring. A key file that
others can read is refused, as ssh does: the key is as good as the secret it replaces."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from ..language import translate
from .errors import AuthError

_KEY_MARKERS = ("-----BEGIN PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----",
                "-----BEGIN ENCRYPTED PRIVATE KEY-----", "-----BEGIN EC PRIVATE KEY-----")
MAX_PEM_BYTES = 1_000_000  # a certificate with its chain is a few KB: a bigger file is the wrong file


class CertificateProblem(AuthError):
    """The certificate (or its key) cannot be used; the message says which and what to do."""

    def __init__(self, message: str):
        super().__init__(message, error="certificate")


def load_certificate(path: str | Path, key_pem: str | None = None, *, need_key: bool = True,
                     key_from_keyring: str | None = None) -> tuple[str, str, str]:
    """(certificate PEM, private key PEM, SHA-1 thumbprint in hex) of the certificate file at `path`; the key is
    `key_pem` when given (from the keyring), else the one in the same file, which must then be readable by its owner
    only. `need_key=False` (the key is about to move to the keyring) checks the certificate alone and returns the
    file's key, if any, unchecked for permissions. `key_from_keyring` is another name for `key_pem`."""
    key_pem = key_pem or key_from_keyring
    path = Path(path).expanduser()
    text = _read(path)
    blocks = _pem_blocks(text)
    certs = [b for b in blocks if b.startswith("-----BEGIN CERTIFICATE-----")]
    if not certs:
        raise CertificateProblem(translate("Certificates", "{file} holds no certificate (no '-----BEGIN "
                                                           "CERTIFICATE-----' block): export the certificate as PEM "
                                                           "(Base-64 encoded X.509).").format(file=path))
    try:
        cert = x509.load_pem_x509_certificate(certs[0].encode("ascii"))
    except ValueError as exc:
        raise CertificateProblem(translate("Certificates", "The certificate in {file} is damaged and cannot be read: "
                                                           "export it again as PEM.").format(file=path)) from exc
    now = datetime.now(timezone.utc)
    if cert.not_valid_after_utc < now:
        raise CertificateProblem(translate("Certificates", "The certificate in {file} expired on {date}: create a new "
                                                           "one and upload it to the app registration (Certificates & "
                                                           "secrets).").format(
            file=path, date=f"{cert.not_valid_after_utc:%Y-%m-%d}"))
    if cert.not_valid_before_utc > now:
        raise CertificateProblem(translate("Certificates", "The certificate in {file} is not valid before {date} UTC: "
                                                           "check this machine's clock.").format(
            file=path, date=f"{cert.not_valid_before_utc:%Y-%m-%d %H:%M}"))
    key_file: Path | None = None  # None: the key comes from the keyring
    if not key_pem:
        keys = [b for b in blocks if b.startswith(_KEY_MARKERS)]
        if not keys:
            if not need_key:
                return _cert_pem(cert), "", _thumbprint(cert)
            raise CertificateProblem(translate("Certificates", "{file} holds no private key: put the key (PEM, "
                                                               "unencrypted) in the same file, or save it in the "
                                                               "keyring with `campsync profile add … "
                                                               "--certificate`.").format(file=path))
        if need_key:
            _check_private(path)
        key_pem, key_file = keys[0], path
    key = _load_key(key_pem, key_file)
    if key.public_key().public_numbers() != cert.public_key().public_numbers():  # type: ignore[union-attr]
        raise CertificateProblem((translate("Certificates", "The key in the keyring does not belong to the certificate "
                                                            "in {file}: use the key the certificate was created with.")
                                  if key_file is None else
                                  translate("Certificates", "The key in {key_file} does not belong to the certificate "
                                                            "in {file}: use the key the certificate was created "
                                                            "with.")).format(file=path, key_file=key_file))
    return _cert_pem(cert), key_pem, _thumbprint(cert)


def private_key_pem(path: str | Path) -> str:
    """The private key in the certificate file at `path` (checked against its certificate), to keep it in the
    keyring instead."""
    _, key_pem, _ = load_certificate(path, need_key=False)
    if not key_pem:
        raise CertificateProblem(translate("Certificates", "{file} holds no private key to move to the keyring: give "
                                                           "the file with the certificate and its key.").format(
            file=Path(path).expanduser()))
    return key_pem


def _thumbprint(cert: x509.Certificate) -> str:
    return cert.fingerprint(hashes.SHA1()).hex().upper()  # what the app registration shows and x5t carries


def _cert_pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_PEM_BYTES:
            raise CertificateProblem(translate("Certificates", "{file} is too big to be a certificate file (over 1 "
                                                               "MB): check the path.").format(file=path))
        return path.read_text(encoding="ascii", errors="replace")
    except FileNotFoundError as exc:
        raise CertificateProblem(translate("Certificates", "The certificate file {file} does not exist: check the "
                                                           "path.").format(file=path)) from exc
    except IsADirectoryError as exc:
        raise CertificateProblem(translate("Certificates", "{file} is a folder, not a certificate file: give the PEM "
                                                           "file's path.").format(file=path)) from exc
    except PermissionError as exc:
        raise CertificateProblem(translate("Certificates", "The certificate file {file} cannot be read by this user: "
                                                           "check its owner and permissions.").format(file=path)) \
            from exc


def _check_private(path: Path) -> None:
    if os.name != "posix":  # Windows ACLs are not mode bits; the profile folder is the user's own
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise CertificateProblem(translate("Certificates", "The private key in {file} is readable by other users (mode "
                                                           "{mode}): run `chmod 600 {file}`.").format(
            file=path, mode=f"{mode:03o}"))


def _load_key(key_pem: str, key_file: Path | None):
    """The private key; `key_file`: the file it was read from (None: the keyring), for the messages."""
    try:
        key = serialization.load_pem_private_key(key_pem.encode("ascii", "replace"), password=None)
    except TypeError as exc:  # encrypted with a passphrase
        raise CertificateProblem(_key_words(
            key_file, translate("Certificates", "The key in the keyring is protected by a passphrase: export it "
                                                "without one (`openssl pkey -in key.pem -out plain.pem`) and keep "
                                                "that file chmod 600."),
            translate("Certificates", "The key in {key_file} is protected by a passphrase: export it without one "
                                      "(`openssl pkey -in key.pem -out plain.pem`) and keep that file chmod "
                                      "600."))) from exc
    except (ValueError, UnicodeError) as exc:
        raise CertificateProblem(_key_words(
            key_file, translate("Certificates", "The key in the keyring is not a readable PEM private key: export it "
                                                "again."),
            translate("Certificates", "The key in {key_file} is not a readable PEM private key: export it "
                                      "again."))) from exc
    if not isinstance(key, rsa.RSAPrivateKey):
        raise CertificateProblem(_key_words(
            key_file, translate("Certificates", "The key in the keyring is not an RSA key: Entra ID certificate "
                                                "credentials need an RSA key (2048 bits or more)."),
            translate("Certificates", "The key in {key_file} is not an RSA key: Entra ID certificate credentials "
                                      "need an RSA key (2048 bits or more).")))
    return key


def _key_words(key_file: Path | None, in_keyring: str, in_file: str) -> str:
    """The sentence about the key kept in the keyring, or the one about the key in `key_file`."""
    return in_keyring if key_file is None else in_file.format(key_file=key_file)


def _pem_blocks(text: str) -> list[str]:
    blocks, current = [], []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("-----BEGIN "):
            current = [line]
        elif current:
            current.append(line)
            if line.startswith("-----END "):
                blocks.append("\n".join(current) + "\n")
                current = []
    return blocks
