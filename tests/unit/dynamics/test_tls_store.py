"""Which CAs a CampSync connection trusts: the system's, and certifi's only on a machine whose system has none."""

import ssl

import certifi

from campsync_gui.dynamics.tls import make_ssl_context


def _cas(ctx: ssl.SSLContext) -> int:
    return ctx.cert_store_stats()["x509_ca"]


def test_a_machine_with_a_ca_store_trusts_that_store(monkeypatch, tmp_path):
    one_ca = tmp_path / "system.pem"
    one_ca.write_text(open(certifi.where(), encoding="ascii").read().split("-----END CERTIFICATE-----")[0]
                      + "-----END CERTIFICATE-----\n")
    monkeypatch.setenv("SSL_CERT_FILE", str(one_ca))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path / "no-such-dir"))
    assert _cas(make_ssl_context()) == 1, "the system's store, without certifi's on top"


def test_a_machine_without_a_ca_store_still_verifies_with_certifis(monkeypatch, tmp_path):
    empty = tmp_path / "empty.pem"
    empty.write_text("")
    monkeypatch.setenv("SSL_CERT_FILE", str(empty))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path / "no-such-dir"))
    bare = ssl.create_default_context()
    assert _cas(bare) == 0  # what the system gives here
    assert _cas(make_ssl_context()) > 100, "certifi's CAs stand in"
