"""Helpers shared by tests: a Connection for the sandbox org, and a quick retry policy."""

from campsync_gui.core.connections import Connection
from campsync_gui.dynamics.client import RetryPolicy

# Quick retries keep the suite fast; the policy's shape (backoff, Retry-After, limits) is what is tested.
FAST_RETRY = RetryPolicy(max_attempts=6, base_delay=0.02, max_delay=0.1)


def connection_for(org, **overrides) -> Connection:
    env = org.env()
    conn = Connection(name="sandbox-test", org_url=env["CAMPSYNC_ORG_URL"], tenant_id=env["CAMPSYNC_TENANT_ID"],
                      client_id=env["CAMPSYNC_CLIENT_ID"], client_secret=env["CAMPSYNC_CLIENT_SECRET"],
                      authority_host=env["CAMPSYNC_AUTHORITY_HOST"], ca_bundle=env["CAMPSYNC_CA_BUNDLE"],
                      environment="sandbox", secret_source="environment")
    for key, value in overrides.items():
        setattr(conn, key, value)
    return conn


def run_cli(args, home, env=None, stdin=None, timeout=120):
    """Run `campsync ARGS` in a fresh process with its own CAMPSYNC_HOME, as a user's shell would."""
    import os
    import subprocess
    import sys

    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    # English unless a test asks for another language: the tests read the English words, whatever this machine's locale.
    full_env.update({"CAMPSYNC_HOME": str(home), "CAMPSYNC_LANGUAGE": "en", **(env or {})})
    return subprocess.run([sys.executable, "-m", "campsync_gui", *args], env=full_env, input=stdin,
                          capture_output=True, text=True, timeout=timeout)


def seed_bench_leads(org, count):
    """Add `count` leads named "Person 00000"… to the sandbox org (the benchmarks' people)."""
    for i in range(count):
        org.state.create("leads", {"firstname": "Bench", "lastname": f"Person {i:05d}",
                                   "emailaddress1": f"bench{i:05d}@example.org"})


async def pulled_bench_store(org, db_file):
    """A store that has pulled the org's campaigns and people; returns it, its bench leads, the active campaigns."""
    from sqlmodel import Session, select

    from campsync_gui.core.models import Person
    from campsync_gui.core.pull import pull_people, refresh_campaigns
    from campsync_gui.core.store import open_store
    from campsync_gui.dynamics.connect import open_client

    store = open_store(db_file)
    client = open_client(connection_for(org))
    try:
        await refresh_campaigns(store, client)
        await pull_people(store, client)
        active = [c for c in await client.campaigns() if c.active]
    finally:
        await client.aclose()
    with Session(store) as s:
        people = list(s.exec(select(Person).where(Person.last_name.startswith("Person "))))
    return store, people, active


def error_of(response):
    """The Dataverse error envelope's {"code", "message"}, checking the envelope has exactly that shape."""
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    return body["error"]


def until(condition, timeout: float = 30.0, step: float = 0.05) -> bool:
    """Wait until `condition()` is true (another process or thread is doing the work); False after `timeout`."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False
