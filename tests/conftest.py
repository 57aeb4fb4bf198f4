"""Shared fixtures: one sandbox org for the whole session, reset before each test that asks for it."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import: UI tests run headless
# The tests read the English words, whatever this machine's locale; the French ones ask for French themselves.
os.environ["CAMPSYNC_LANGUAGE"] = "en"

import pytest

from campsync_gui.sandbox import SandboxOrg

# tests/keyring_fixtures.py: an in-memory keyring for every test. Only the root conftest may register plugins.
pytest_plugins = ["keyring_fixtures"]


@pytest.fixture(scope="session")
def sandbox_org(tmp_path_factory):
    org = SandboxOrg(seed=42, data_dir=tmp_path_factory.mktemp("sandbox"), port=0)
    org.start()
    yield org
    org.stop()


@pytest.fixture
def org(sandbox_org):
    """The session's sandbox org with fresh seed data and default knobs."""
    sandbox_org.reset()
    return sandbox_org


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL cluster for the team-mode tests (tests/pg_server.py). Missing binaries fail the tests
    that need it, never skip them: CI (root) installs them in `make test`."""
    from pg_server import PostgresNotInstalled, PostgresServer

    try:
        server = PostgresServer()
    except PostgresNotInstalled as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server):
    """The store URL (postgresql+psycopg://…, with its password) of a new, empty database on the session's server."""
    return pg_server.create_database()
