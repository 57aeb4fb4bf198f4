"""What the window is connected to: a configured org, or the built-in sandbox started for a first run."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Connection, resolve_connection
from ..core.store import open_store
from ..paths import AppPaths

SANDBOX_NAME = "Built-in sandbox"


@dataclass
class AppSession:
    paths: AppPaths
    engine: object
    connection: Connection
    sandbox: object | None = None  # the SandboxOrg this process started, if any

    @property
    def is_builtin_sandbox(self) -> bool:
        return self.sandbox is not None

    def close(self) -> None:
        if self.sandbox is not None:
            self.sandbox.stop()
            self.sandbox = None


def open_session(paths: AppPaths | None = None) -> AppSession:
    """Connect as configured; with nothing configured, start the sandbox org with its demo data."""
    paths = (paths or AppPaths.resolve()).ensure()
    engine = open_store(paths.db_file)
    connection = resolve_connection(engine)
    if not connection.missing():
        return AppSession(paths, engine, connection)
    from ..sandbox import SandboxOrg

    # The demo org keeps its records between runs, as a real org does: lists and members made today are
    # there tomorrow, and undo after a restart has something to undo.
    org = SandboxOrg(seed=42, data_dir=paths.sandbox_dir, state_file=paths.sandbox_dir / "org-state.json")
    org.start()
    env = org.env()
    sandbox_conn = Connection(
        name=SANDBOX_NAME, org_url=env["CAMPSYNC_ORG_URL"], tenant_id=env["CAMPSYNC_TENANT_ID"],
        client_id=env["CAMPSYNC_CLIENT_ID"], authority_host=env["CAMPSYNC_AUTHORITY_HOST"],
        ca_bundle=env["CAMPSYNC_CA_BUNDLE"], environment="sandbox",
        client_secret=env["CAMPSYNC_CLIENT_SECRET"], secret_source="built-in sandbox")
    return AppSession(paths, engine, sandbox_conn, sandbox=org)
