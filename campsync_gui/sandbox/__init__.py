"""A local Dynamics 365 org and its Entra ID tenant, served over HTTPS on loopback for first runs and tests.

    from campsync_gui.sandbox import SandboxOrg, Knobs
    with SandboxOrg(seed=42, knobs=Knobs(page_size=50)) as org:
        print(org.env())

Qt-free on purpose: the CLI, the tests and the GUI all start it the same way.
"""

from __future__ import annotations

import importlib

from .knobs import Knobs

# The server's libraries (Starlette, uvicorn, trustme) load when a sandbox is started, not whenever `campsync`
# builds its parser (every command knows the `sandbox` command's options): a tenth of a second of each start.
_LAZY = {"PortInUseError": ".server", "SandboxOrg": ".server", "RequestRecord": ".context",
         "client_ssl_context": ".certs"}

__all__ = ["Knobs", "PortInUseError", "RequestRecord", "SandboxOrg", "client_ssl_context"]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
