"""An application user's certificate is checked before any sign-in: each unusable file gets one sentence."""

from datetime import datetime, timedelta, timezone

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from campsync_gui.dynamics.certificates import CertificateProblem, load_certificate


def make_cert(key=None, *, days=365, starts_in_days=-1):
    key = key or rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "campsync-admin")])
    now = datetime.now(timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now + timedelta(days=starts_in_days)).not_valid_after(now + timedelta(days=days))
            .sign(key, hashes.SHA256()))
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
    return cert, cert.public_bytes(serialization.Encoding.PEM).decode(), key_pem


def write(path, text, mode=0o600):
    path.write_text(text)
    path.chmod(mode)
    return path


@pytest.fixture(scope="module")
def good():
    return make_cert()


def test_certificate_and_key_in_one_private_file(tmp_path, good):
    cert, cert_pem, key_pem = good
    path = write(tmp_path / "admin.pem", cert_pem + key_pem)
    got_cert, got_key, thumbprint = load_certificate(path)
    assert thumbprint == cert.fingerprint(hashes.SHA1()).hex().upper() and len(thumbprint) == 40
    assert "BEGIN CERTIFICATE" in got_cert and "PRIVATE KEY" in got_key


def test_key_readable_by_others_is_refused_with_the_chmod_to_run(tmp_path, good):
    _, cert_pem, key_pem = good
    path = write(tmp_path / "admin.pem", cert_pem + key_pem, 0o640)
    with pytest.raises(CertificateProblem) as caught:
        load_certificate(path)
    assert f"chmod 600 {path}" in str(caught.value) and "readable by other users" in str(caught.value)


def test_key_from_the_keyring_lets_the_certificate_file_be_public(tmp_path, good):
    _, cert_pem, key_pem = good
    path = write(tmp_path / "admin.crt", cert_pem, 0o644)
    assert load_certificate(path, key_pem)[1] == key_pem
    assert load_certificate(path, key_from_keyring=key_pem)[1] == key_pem


def test_garbage_pem(tmp_path):
    path = write(tmp_path / "admin.pem", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n")
    with pytest.raises(CertificateProblem, match="damaged"):
        load_certificate(path)
    write(path, "hello")
    with pytest.raises(CertificateProblem, match="holds no certificate"):
        load_certificate(path)


def test_garbage_key(tmp_path, good):
    _, cert_pem, _ = good
    path = write(tmp_path / "admin.pem", cert_pem + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
    with pytest.raises(CertificateProblem, match="not a readable PEM private key"):
        load_certificate(path)


def test_expired_certificate(tmp_path):
    _, cert_pem, key_pem = make_cert(days=-2, starts_in_days=-30)
    path = write(tmp_path / "old.pem", cert_pem + key_pem)
    with pytest.raises(CertificateProblem, match="expired on"):
        load_certificate(path)


def test_key_of_another_certificate(tmp_path, good):
    _, cert_pem, _ = good
    _, _, other_key = make_cert()
    path = write(tmp_path / "admin.pem", cert_pem + other_key)
    with pytest.raises(CertificateProblem, match="does not belong to the certificate"):
        load_certificate(path)


def test_not_an_rsa_key(tmp_path):
    _, cert_pem, key_pem = make_cert(ec.generate_private_key(ec.SECP256R1()))
    path = write(tmp_path / "ec.pem", cert_pem + key_pem)
    with pytest.raises(CertificateProblem, match="not an RSA key"):
        load_certificate(path)


def test_missing_file_and_missing_key(tmp_path, good):
    with pytest.raises(CertificateProblem, match="does not exist"):
        load_certificate(tmp_path / "nope.pem")
    path = write(tmp_path / "only-cert.pem", good[1])
    with pytest.raises(CertificateProblem, match="holds no private key"):
        load_certificate(path)


def test_a_key_moving_to_the_keyring_is_read_without_the_permission_check(tmp_path, good):
    from campsync_gui.dynamics.certificates import private_key_pem

    _, cert_pem, key_pem = good
    path = write(tmp_path / "admin.pem", cert_pem + key_pem, 0o644)
    assert load_certificate(path, need_key=False)[1] == key_pem
    assert private_key_pem(path) == key_pem
    with pytest.raises(CertificateProblem, match="no private key to move"):
        private_key_pem(write(tmp_path / "only.pem", cert_pem))
