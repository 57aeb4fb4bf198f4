"""Helpers shared by tests: a Connection for the sandbox org, and a quick retry policy."""

from campsync_gui.config import Connection
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
    full_env.update({"CAMPSYNC_HOME": str(home), **(env or {})})
    return subprocess.run([sys.executable, "-m", "campsync_gui", *args], env=full_env, input=stdin,
                          capture_output=True, text=True, timeout=timeout)
