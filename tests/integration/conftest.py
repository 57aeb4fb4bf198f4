"""Fixtures for driving the real client against the sandbox org over HTTPS."""

import httpx
import pytest

from campsync_gui.dynamics.connect import open_client
from campsync_gui.sandbox import client_ssl_context
from support import FAST_RETRY, connection_for

ODATA = {"OData-MaxVersion": "4.0", "OData-Version": "4.0", "Accept": "application/json"}


@pytest.fixture
def conn(org):
    return connection_for(org)


@pytest.fixture
async def client(conn):
    c = open_client(conn, retry=FAST_RETRY, timeout=10)
    yield c
    await c.aclose()


@pytest.fixture
def dv(org):
    """Plain httpx on {org}/api/data/v9.2/ with a valid token and the usual OData headers: the sandbox's Web API
    as any HTTP client sees it, without CampSync's client in between."""
    with httpx.Client(verify=client_ssl_context(org.ca_file), trust_env=False, timeout=10) as http:
        form = {"grant_type": "client_credentials", "client_id": org.client_id,
                "client_secret": org.client_secret, "scope": f"{org.url}/.default"}
        token = http.post(f"{org.url}/{org.tenant_id}/oauth2/v2.0/token", data=form).json()["access_token"]
        http.base_url = f"{org.url}/api/data/v9.2/"
        http.headers.update({**ODATA, "Authorization": f"Bearer {token}"})
        yield http

