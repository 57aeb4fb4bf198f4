"""The sandbox app registration's redirect URIs: loopback ones on any port and path for the app (RFC 8252), the
registered one only for the Dataverse-samples client; anything else is refused before a code is ever sent."""

import pytest

from campsync_gui.sandbox.signin_page import is_allowed_redirect
from campsync_gui.sandbox.users import SAMPLES_CLIENT_ID, SAMPLES_REDIRECT_URI

APP = "2c084dd2-51c9-4347-bf9e-f4a6957c393b"


@pytest.mark.parametrize("uri", [
    "http://localhost", "http://localhost:53125", "http://localhost:8400/callback", "http://127.0.0.1:0",
    "http://127.0.0.1:61000/a/b?x=1", "http://[::1]:5000",
])
def test_loopback_redirects_are_the_apps(uri):
    assert is_allowed_redirect(APP, uri)


@pytest.mark.parametrize("uri", [
    "https://localhost:5000", "http://localhost.evil.example", "http://evil.example/?to=localhost",
    "http://user@localhost:5000", "http://localhost:port", "http://localhost:5000/#frag", "app://whatever",
    "http://10.0.0.1:5000", "", "http://[::1",
])
def test_other_redirects_are_refused(uri):
    assert not is_allowed_redirect(APP, uri)


def test_the_samples_client_has_its_own_redirect_only():
    assert is_allowed_redirect(SAMPLES_CLIENT_ID, SAMPLES_REDIRECT_URI)
    assert not is_allowed_redirect(SAMPLES_CLIENT_ID, "http://localhost:5000")
