"""An extra CA (CAMPSYNC_CA_BUNDLE, a profile's CA file) is trusted only for the hosts of the connection it belongs
to, never for Microsoft's (issue 13, finding 9); the doctor says when one is in use and for which hosts.

The scene of the finding: a shell that once sourced the sandbox's `sandbox.env` still has CAMPSYNC_CA_BUNDLE set
when it is used for a real org. Here "the real org" and Microsoft's sign-in are local HTTPS servers whose
certificates that CA signed (what whoever holds such a CA could present); their names resolve to 127.0.0.1."""

import http.server
import socket
import ssl
import threading

import httpx
import pytest
import trustme

from campsync_gui.core.connections import resolve_connection
from campsync_gui.dynamics.connect import open_client
from campsync_gui.dynamics.doctor import run_doctor
from campsync_gui.dynamics.errors import UntrustedCertificate
from support import connection_for

MICROSOFT_NAMES = ("contoso.crm.dynamics.com", "login.microsoftonline.com")


class _Answer(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 — http.server's name
        body = b'{"value": []}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


def serve(ca, *names):
    """An HTTPS server on 127.0.0.1 presenting a certificate for `names` signed by `ca`; returns (server, port)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*names).configure_cert(context)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


@pytest.fixture
def extra_ca(tmp_path):
    ca = trustme.CA()
    path = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return ca, str(path)


@pytest.fixture
def microsoft_lookalike(extra_ca, monkeypatch):
    """Microsoft's names (any port) resolve to a local server whose certificate the extra CA signed."""
    ca, _ = extra_ca
    server, port = serve(ca, *MICROSOFT_NAMES)
    real = socket.getaddrinfo

    def resolve(host, service, *args, **kwargs):
        if isinstance(host, bytes):
            host = host.decode()
        if host in MICROSOFT_NAMES:
            return real("127.0.0.1", port, *args, **kwargs)
        return real(host, service, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    yield
    server.shutdown()


def real_org_in_a_shell_that_sourced_sandbox_env(ca_file):
    """A profile-less connection to a real org, with the sandbox's CAMPSYNC_CA_BUNDLE still in the environment."""
    return resolve_connection(None, environ={
        "CAMPSYNC_ORG_URL": "https://contoso.crm.dynamics.com",
        "CAMPSYNC_TENANT_ID": "11111111-2222-3333-4444-555555555555",
        "CAMPSYNC_CLIENT_ID": "66666666-7777-8888-9999-000000000000",
        "CAMPSYNC_CLIENT_SECRET": "a-real-secret", "CAMPSYNC_CA_BUNDLE": ca_file})


async def test_a_real_org_and_microsoft_sign_in_do_not_trust_the_sandbox_ca(extra_ca, microsoft_lookalike):
    _, ca_file = extra_ca
    conn = real_org_in_a_shell_that_sourced_sandbox_env(ca_file)
    client = open_client(conn, timeout=10)
    try:
        with pytest.raises(UntrustedCertificate) as refused:
            await client.whoami()
    finally:
        await client.aclose()
    assert refused.value.message == (
        "The TLS certificate of https://login.microsoftonline.com is not trusted (unable to get local issuer "
        "certificate). Microsoft's hosts are checked against the system's CAs only (CAMPSYNC_CA_BUNDLE is "
        "not used for them): if your organisation inspects TLS, install its CA in the system's trust store.")


async def test_the_doctor_refuses_the_sandbox_ca_for_a_real_org_and_says_so(extra_ca, microsoft_lookalike):
    _, ca_file = extra_ca
    report = await run_doctor(real_org_in_a_shell_that_sourced_sandbox_env(ca_file))
    checks = {r.key: r for r in report.results}
    assert checks["config"].status == "ok"
    assert checks["config"].detail.endswith(
        f"; extra CA {ca_file} trusted for no host (not for contoso.crm.dynamics.com, login.microsoftonline.com: "
        "Microsoft's hosts are checked against the system's CAs only)")
    assert checks["tls"].status == "fail"
    assert checks["tls"].detail.startswith("the certificate of contoso.crm.dynamics.com:443 is not trusted")
    assert "install its CA in the system's trust store" in checks["tls"].fix


async def test_the_doctor_names_the_extra_ca_and_the_hosts_it_is_trusted_for(org):
    conn = connection_for(org)
    report = await run_doctor(conn)
    checks = {r.key: r for r in report.results}
    host_port = org.url.removeprefix("https://")
    assert checks["config"].detail.endswith(f"; extra CA {conn.ca_bundle} trusted for {host_port}")
    assert checks["tls"].status == "ok" and checks["tls"].detail.endswith("trusted through the extra CA")


def test_a_host_that_is_not_the_profiles_gets_no_extra_trust(extra_ca):
    """Two servers signed by one CA: the profile's (127.0.0.1) is trusted through it, the other (localhost) is
    not, though its certificate is just as valid under that CA."""
    from campsync_gui.dynamics.tls import connection_trust

    ca, ca_file = extra_ca
    own, own_port = serve(ca, "127.0.0.1")
    other, other_port = serve(ca, "localhost")
    try:
        conn = resolve_connection(None, environ={"CAMPSYNC_ORG_URL": f"https://127.0.0.1:{own_port}",
                                                 "CAMPSYNC_AUTHORITY_HOST": f"https://127.0.0.1:{own_port}",
                                                 "CAMPSYNC_CA_BUNDLE": ca_file})
        with httpx.Client(**connection_trust(conn).sync_client_options()) as http:
            assert http.get(f"https://127.0.0.1:{own_port}/").status_code == 200
            with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
                http.get(f"https://localhost:{other_port}/")
    finally:
        own.shutdown()
        other.shutdown()
