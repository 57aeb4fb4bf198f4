"""Fixtures for driving the real client against the sandbox org over HTTPS."""

import pytest

from campsync_gui.dynamics.connect import open_client
from support import FAST_RETRY, connection_for


@pytest.fixture
def conn(org):
    return connection_for(org)


@pytest.fixture
async def client(conn):
    c = open_client(conn, retry=FAST_RETRY, timeout=10)
    yield c
    await c.aclose()
