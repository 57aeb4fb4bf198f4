"""What the window is connected to: the workspace on a configured org, or on the built-in sandbox org started for a
first run (a demo org with sample data, kept between runs)."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.connections import Connection, resolve_connection
from ..core.store import open_store
from ..core.workspace import Workspace
from ..paths import AppPaths

SANDBOX_NAME = "Built-in sandbox"


@dataclass
class AppSession:
    workspace: Workspace
    paths: AppPaths
    sandbox: object | None = None  # the SandboxOrg this process started, if any

    @property
    def connection(self) -> Connection:
        return self.workspace.connection

    @property
    def is_builtin_sandbox(self) -> bool:
        return self.sandbox is not None

    async def close(self) -> None:
        """Close the workspace (a batch in flight finishes), then stop the demo org if this process runs it."""
        await self.workspace.aclose()
        if self.sandbox is not None:
            self.sandbox.stop()
            self.sandbox = None


def open_session(paths: AppPaths | None = None) -> AppSession:
    """Connect as configured; with nothing configured, start the sandbox org with its demo data."""
    paths = (paths or AppPaths.resolve()).ensure()
    db = open_store(paths.db_file)
    connection = resolve_connection(db)
    if not connection.missing():
        return AppSession(Workspace(db, connection=connection), paths)
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
    return AppSession(Workspace(db, connection=sandbox_conn), paths, sandbox=org)
