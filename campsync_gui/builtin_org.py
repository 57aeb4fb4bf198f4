"""The built-in demo org: the sandbox org with its demo data, which the window and the command line start when no
connection is configured. Both start it on one state file (`<data folder>/sandbox/org-state.json`), so what a
person does in the window is there for `campsync`, and the other way round: one demo org, two faces.

Here, beside paths.py, rather than in the sandbox package (which knows nothing of the app) or in a face (both
need it)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from .core.connections import Connection
from .paths import AppPaths, make_private_folder

if TYPE_CHECKING:
    from .sandbox import SandboxOrg

SANDBOX_NAME = "Built-in sandbox"  # the connection's name: the store keeps the demo org's settings under it
SEED = 42  # the demo data every new data folder starts from
DEMO_OPERATOR = "operator@campsyncsandbox.onmicrosoft.com"  # signed in by itself: `make run` stays zero-click


def state_file(paths: AppPaths) -> Path:
    return paths.sandbox_dir / "org-state.json"


def tls_folder(paths: AppPaths) -> Path:
    """This process's folder for the demo org's CA certificate. Each start makes a new CA: one shared ca.pem would be
    replaced by a `campsync` command starting its org while the window runs, and the window's next connection
    would then distrust its own org. Folders of processes that are gone are removed here."""
    runs = make_private_folder(paths.sandbox_dir / "tls")
    if runs.is_dir():
        for folder in runs.iterdir():
            if folder.name.isdigit() and int(folder.name) != os.getpid() and not _alive(int(folder.name)):
                shutil.rmtree(folder, ignore_errors=True)
    return runs / str(os.getpid())


def _alive(pid: int) -> bool:
    if os.name == "nt":
        return True  # os.kill there would end the process, not probe it: leave the folder
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but is not ours (PermissionError), or a platform without signal 0
        return True
    return True


def start_builtin_org(paths: AppPaths) -> tuple[SandboxOrg, Connection]:
    """Start the demo org on a free loopback port; returns it (the caller stops it) and the connection to it."""
    from .sandbox import SandboxOrg  # its server's libraries load only when a demo org is started

    # The demo org keeps its records between runs, as a real org does: lists and members made today are there
    # tomorrow, and undo after a restart has something to undo.
    org = SandboxOrg(seed=SEED, data_dir=tls_folder(paths), state_file=state_file(paths))
    org.start()
    return org, demo_operator_connection(org)


def demo_operator_connection(org: SandboxOrg, username: str = DEMO_OPERATOR) -> Connection:
    """The connection to a running demo org as a person signing in (a public client, as an operator's own would
    be), with the sandbox's sign-in robot in place of a browser: the demo operator is signed in without a click,
    through the same sign-in page and msal code a real sign-in takes. Tokens stay in memory: each start of the demo
    org is a new tenant session."""
    from .sandbox.signin_robot import sign_in_robot

    env = org.env()
    return Connection(
        name=SANDBOX_NAME, org_url=env["CAMPSYNC_ORG_URL"], tenant_id=env["CAMPSYNC_TENANT_ID"],
        client_id=env["CAMPSYNC_CLIENT_ID"], authority_host=env["CAMPSYNC_AUTHORITY_HOST"],
        ca_bundle=env["CAMPSYNC_CA_BUNDLE"], environment="sandbox",
        browser=sign_in_robot(username, verify=env["CAMPSYNC_CA_BUNDLE"]), auto_sign_in=True,
        tokens_in_memory_only=True)
