"""A local Dynamics 365 org and its Entra ID tenant, served over HTTPS on loopback for first runs and tests.

    from campsync_gui.sandbox import SandboxOrg, Knobs
    with SandboxOrg(seed=42, knobs=Knobs(page_size=50)) as org:
        print(org.env())

Qt-free on purpose: the CLI, the tests and the GUI all start it the same way.
"""

from .certs import client_ssl_context
from .context import RequestRecord
from .knobs import Knobs
from .server import PortInUseError, SandboxOrg

__all__ = ["Knobs", "PortInUseError", "RequestRecord", "SandboxOrg", "client_ssl_context"]
