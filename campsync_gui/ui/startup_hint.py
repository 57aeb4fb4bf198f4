"""Which connection the window will open, known before the core is imported: the window's first frame shows it.

The window paints first and imports the core (SQLAlchemy, httpx, the panels) after, so its first frame cannot ask
the store which connection is the default. It reads a small hint instead: the connection this data folder opened
last time (written once the session is open), or, in a new data folder with no org named in the environment, the
built-in demo org that will start. Anything else is shown as "Connecting…" without a name until the session opens.
The hint only labels the first frame: the session's own connection replaces it a moment later, so a stale hint
(a profile renamed from the command line since) is never acted on."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from ..paths import PRIVATE_FILE, AppPaths, tighten_file
from .i18n import translate

log = logging.getLogger(__name__)

HINT_FILE = "last-connection.json"
# builtin_org.SANDBOX_NAME, repeated here because importing builtin_org imports the core (a test keeps them equal).
# A connection's name (data, equal to builtin_org's), not a sentence: never translated.
BUILTIN_SANDBOX_NAME = "Built-in sandbox"
# The variables that make a connection configured without a stored profile (core.connections.is_configured).
ORG_VARIABLES = ("CAMPSYNC_ORG_URL", "CAMPSYNC_TENANT_ID", "CAMPSYNC_CLIENT_ID")
# core.store_url's variable and file, repeated for the same reason: a store named there (a team's PostgreSQL) may
# hold connections already, so an empty data folder does not mean the demo org.
DATABASE_URL_ENV = "CAMPSYNC_DATABASE_URL"
CONFIG_FILE_NAME = "config.toml"


@dataclass(frozen=True)
class ExpectedConnection:
    name: str | None = None  # None: not known before the session opens
    environment: str | None = None  # production / test / sandbox: the colour of the status bar's connection
    builtin_sandbox: bool = False  # the demo org: its banner is shown from the first frame

    @property
    def label(self) -> str:
        return self.name or translate("ExpectedConnection", "your organisation")


def expected_connection(home: Path, environ: Mapping[str, str] | None = None) -> ExpectedConnection:
    env = os.environ if environ is None else environ
    org_in_environment = any(env.get(var, "").strip() for var in ORG_VARIABLES)
    hint = _read_hint(home / HINT_FILE)
    if hint is not None and not (hint.builtin_sandbox and org_in_environment):
        return hint
    store_named = bool(env.get(DATABASE_URL_ENV, "").strip()) or (home / CONFIG_FILE_NAME).exists()
    if not AppPaths(home).db_file.exists() and not org_in_environment and not store_named:  # nothing set up
        return ExpectedConnection(BUILTIN_SANDBOX_NAME, "sandbox", builtin_sandbox=True)
    return ExpectedConnection()


def remember_connection(home: Path, opened: ExpectedConnection) -> None:
    """Note the connection this data folder opened, for the next start's first frame (readable by its owner only,
    as everything in the data folder: it names the org)."""
    path = home / HINT_FILE
    try:
        if path.is_file() and _read_hint(path) == opened:
            return
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
        with os.fdopen(os.open(path, flags, PRIVATE_FILE), "w", encoding="utf-8") as out:
            json.dump(asdict(opened), out)
        tighten_file(path)  # also a file left by an older start with another mode
    except OSError as exc:  # only the next first frame loses its label: never worth stopping the window for
        log.warning("could not note the connection for the next start: %s", exc)


def _read_hint(path: Path) -> ExpectedConnection | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ExpectedConnection(name=str(data["name"]) if data.get("name") else None,
                                  environment=data.get("environment") or None,
                                  builtin_sandbox=bool(data.get("builtin_sandbox")))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # no hint yet, or a damaged one: the first frame says "Connecting…" without a name
