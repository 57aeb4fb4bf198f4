"""What the window is connected to: the workspace on the configured org, or on the built-in demo org (a sandbox org
with sample data, kept between runs and shared with `campsync`) when no connection is configured at all."""

from __future__ import annotations

from dataclasses import dataclass

from ..builtin_org import SANDBOX_NAME, start_builtin_org
from ..core import keychain, team_presence
from ..core.connections import Connection, is_configured, resolve_connection
from ..core.store import open_store
from ..core.store_url import resolve_store_url
from ..core.workspace import Workspace
from ..paths import AppPaths
from .i18n import translate

__all__ = ["SANDBOX_NAME", "AppSession", "connection_problem", "open_session"]


@dataclass
class AppSession:
    workspace: Workspace
    paths: AppPaths
    sandbox: object | None = None  # the SandboxOrg this process started, if any
    # Why the configured connection cannot work yet, in words for the window's banner; None when it can.
    connection_problem: str | None = None

    def __post_init__(self) -> None:
        keychain.warm_up()  # off the event loop, long before the first trigger event needs the log key

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


def connection_problem(connection: Connection) -> str | None:
    """Why `connection` cannot reach its org yet, and where to fix it; None when nothing is missing."""
    missing = connection.missing()
    if missing:
        return translate("AppSession", "Connection {name} is incomplete: missing {settings}. Open Admin → "
                                       "Connections to finish it.").format(name=repr(connection.name),
                                                                           settings=", ".join(missing))
    problem = connection.url_problem()
    if problem:
        return translate("AppSession", "Connection {name} cannot be used: {problem} Open Admin → Connections to fix "
                                       "it.").format(name=repr(connection.name), problem=problem)
    return None


def open_session(paths: AppPaths | None = None) -> AppSession:
    """Connect as configured. With nothing configured, start the built-in demo org. A connection configured but
    incomplete (a profile whose secret is not in the keyring) is opened all the same, with `connection_problem`
    saying what is missing: the person is shown their connection is unfinished, not given demo data in its place."""
    paths = (paths or AppPaths.resolve()).ensure()
    team_presence.announce_as("window")  # colleagues on a team's store see this process as a window
    db = open_store(resolve_store_url(paths))  # CAMPSYNC_DATABASE_URL, config.toml, or the local file
    if not is_configured(db):
        org, connection = start_builtin_org(paths)
        return AppSession(Workspace(db, connection=connection, home=paths.home), paths, sandbox=org)
    connection = resolve_connection(db)
    return AppSession(Workspace(db, connection=connection, home=paths.home), paths,
                      connection_problem=connection_problem(connection))
