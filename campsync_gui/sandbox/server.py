"""SandboxOrg: the sandbox served by uvicorn over HTTPS from a background thread."""

from __future__ import annotations

import dataclasses
import errno
import logging
import socket
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn

from ..paths import AppPaths
from .app import build_app
from .autosave import StateKeeper
from .certs import make_server_tls
from .context import RequestRecord, SandboxContext
from .faults import Faults
from .knobs import Knobs
from .app_certificate import make_app_certificate, make_in_background
from .seed import Identity, make_identity
from .state import State
from .tokens import TokenStore, make_client_secret
from .users import Directory, make_users

START_TIMEOUT = 15.0


class PortInUseError(OSError):
    """The requested port is taken; the message says which."""


class _QuietDrops(logging.Filter):
    # The fail-rate knob drops connections on purpose; uvicorn reports each one as an app error.
    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != "ASGI callable returned without completing response."


logging.getLogger("uvicorn.error").addFilter(_QuietDrops())
log = logging.getLogger(__name__)


class SandboxOrg:
    """A local Dataverse org plus its Entra tenant, on https://127.0.0.1:<port>."""

    def __init__(
        self,
        seed: int = 42,
        knobs: Knobs | None = None,
        data_dir: Path | None = None,
        port: int = 0,
        client_secret: str | None = None,
        host: str = "127.0.0.1",
        state_file: Path | None = None,
    ) -> None:
        self.seed = seed
        # Where the org's records are kept between runs (the app's built-in sandbox); None: fresh each run.
        self.state_file = Path(state_file) if state_file is not None else None
        # Absolute, because CAMPSYNC_CA_BUNDLE is handed to processes that may run from another folder.
        folder = Path(data_dir).expanduser() if data_dir is not None else AppPaths.resolve().sandbox_dir
        self.data_dir = folder.absolute()
        self.host = host
        self.requested_port = port
        knobs = knobs if knobs is not None else Knobs()
        identity = make_identity(seed)
        self._ctx = SandboxContext(
            identity=identity,
            knobs=knobs,
            state=State(seed, knobs),
            tokens=TokenStore(),
            faults=Faults(knobs),
            client_secret=client_secret or make_client_secret(),
            directory=Directory(make_users(identity)),
        )
        # Saves each change as it is made and follows other processes serving the same file.
        self._keeper: StateKeeper | None = None
        if self.state_file is not None:
            self._keeper = StateKeeper(self._ctx.state, self.state_file)
            self._keeper.load()
        self.port: int | None = None
        self.ca_file: Path = self.data_dir / "ca.pem"
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self._thread_error: BaseException | None = None

    # ------------------------------------------------------------------ identity and settings

    @property
    def url(self) -> str:
        if self.port is None:
            raise RuntimeError("the sandbox org is not started: call start() first")
        return self._ctx.url

    @property
    def authority_host(self) -> str:
        return self.url

    @property
    def tenant_id(self) -> str:
        return self._ctx.identity.tenant_id

    @property
    def client_id(self) -> str:
        return self._ctx.identity.client_id

    @property
    def client_secret(self) -> str:
        return self._ctx.client_secret

    @property
    def public_client_id(self) -> str:
        """The app registration allows public client flows too: the same id signs people in."""
        return self._ctx.identity.client_id

    @property
    def demo_users(self) -> list[str]:
        """The UPNs of the tenant's demo users (password `demo`); the first is the demo operator."""
        return self._ctx.directory.usernames

    @property
    def certificate_file(self) -> Path:
        """The app's certificate and its private key (PEM, mode 0600), made at start."""
        if self._ctx.certificate is None:
            raise RuntimeError("the sandbox org is not started: call start() first")
        return self._ctx.certificate.path

    @property
    def certificate_thumbprint(self) -> str:
        """SHA-1 thumbprint (hex, upper case) of the app's registered certificate."""
        if self._ctx.certificate is None:
            raise RuntimeError("the sandbox org is not started: call start() first")
        return self._ctx.certificate.sha1_hex

    def set_knobs(self, **changes: Any) -> None:
        """Change some knobs by name (`org.set_knobs(mfa_required=True)`); reset() restores the defaults."""
        for name, value in changes.items():
            if not hasattr(self._ctx.knobs, name):
                raise AttributeError(f"the sandbox has no knob named {name!r}")
            setattr(self._ctx.knobs, name, value)

    @property
    def identity(self) -> Identity:
        """The seed's fixed ids: tenant, client, and the WhoAmI user, business unit and organization."""
        return self._ctx.identity

    @property
    def knobs(self) -> Knobs:
        return self._ctx.knobs

    @knobs.setter
    def knobs(self, value: Knobs) -> None:
        # Copied into the live object: the state and the fault middleware hold references to it.
        for f in dataclasses.fields(Knobs):
            setattr(self._ctx.knobs, f.name, getattr(value, f.name))

    @property
    def state(self) -> State:
        return self._ctx.state

    @property
    def request_log(self) -> list[RequestRecord]:
        return self._ctx.log.snapshot()

    def clear_request_log(self) -> None:
        self._ctx.log.clear()

    def env(self) -> dict[str, str]:
        return {
            "CAMPSYNC_ORG_URL": self.url,
            "CAMPSYNC_TENANT_ID": self.tenant_id,
            "CAMPSYNC_CLIENT_ID": self.client_id,
            "CAMPSYNC_CLIENT_SECRET": self.client_secret,
            "CAMPSYNC_AUTHORITY_HOST": self.authority_host,
            "CAMPSYNC_CA_BUNDLE": str(self.ca_file),
        }

    # ------------------------------------------------------------------ control

    def reset(self, seed: int | None = None) -> None:
        """Seeded data again, default knobs, no tokens, an empty request log and throttle window.

        The tenant, client id and secret stay: they belong to the instance, so a configured client keeps working.
        """
        if seed is not None:
            self.seed = seed
        self._ctx.knobs.restore_defaults()
        self._ctx.state.load(self.seed)
        self._ctx.tokens.clear()
        self._ctx.signins.clear()
        self._ctx.faults.reset()
        self._ctx.log.clear()

    def issued_tokens(self) -> list[str]:
        return self._ctx.tokens.issued()

    def revoke_tokens(self) -> None:
        self._ctx.tokens.revoke_all()

    def start(self) -> "SandboxOrg":
        if self._thread is not None:
            raise RuntimeError("the sandbox org is already running")
        sock = self._bind()
        self.port = sock.getsockname()[1]
        self._ctx.url = f"https://{self.host}:{self.port}"
        try:
            tls = make_server_tls(self.data_dir)
            # A new key pair on every start, like the CA: nothing left from an earlier run signs in.
            self._ctx.certificate_job = make_in_background(make_app_certificate, self.data_dir, self.client_id)
        except BaseException:
            sock.close()
            raise
        self.ca_file = tls.ca_file
        config = uvicorn.Config(
            build_app(self._ctx, self._keeper),
            http="h11",
            ws="none",
            lifespan="off",
            loop="asyncio",
            log_config=None,
            access_log=False,
            ssl_context_factory=lambda _config, _default: tls.server_context,
            timeout_graceful_shutdown=2,
            timeout_keep_alive=15,
        )
        self._server = uvicorn.Server(config)
        self._socket = sock
        self._thread_error = None
        self._thread = threading.Thread(target=self._serve, name=f"sandbox-org-{self.port}", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not self._server.started:
            if not self._thread.is_alive():
                error = self._thread_error
                self._cleanup()
                raise RuntimeError(f"the sandbox org failed to start: {error!r}") from error
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"the sandbox org did not start within {START_TIMEOUT:.0f} s")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is not None:
            server.should_exit = True
            # Let requests in flight finish, then stop waiting for idle keep-alive connections: their TLS
            # close handshake waits on the client, which may never read again (uvicorn would wait it out).
            deadline = time.monotonic() + 3
            while thread is not None and thread.is_alive() and time.monotonic() < deadline:
                if not server.server_state.tasks:
                    break
                time.sleep(0.02)
            server.force_exit = True
        if thread is not None:
            thread.join(timeout=10)
        self._cleanup()
        self.save()

    def save(self) -> None:
        """Keep the org's records in `state_file` (if any) for the next run.

        Requests save their own changes as they go; this also keeps changes made on `state` directly.
        """
        if self._keeper is not None:
            try:
                self._keeper.save()
            except OSError:
                log.exception("could not save the sandbox org's records to %s", self.state_file)

    def __enter__(self) -> "SandboxOrg":
        return self.start() if self._thread is None else self

    def __exit__(self, *exc_info: Any) -> None:
        self.stop()

    # ------------------------------------------------------------------ internals

    def _bind(self) -> socket.socket:
        # Bound here rather than by uvicorn: the port is known before serving, and a busy port is a plain
        # exception in the caller's thread instead of a sys.exit() inside the server thread.
        # proto=IPPROTO_TCP matters: asyncio only disables Nagle on accepted sockets whose proto says TCP, and
        # without that every small response waits ~40 ms for a delayed ACK.
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self.requested_port))
        except OSError as exc:
            sock.close()
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                reason = "already in use" if exc.errno == errno.EADDRINUSE else "not available to this user"
                raise PortInUseError(exc.errno, f"port {self.requested_port} on {self.host} is {reason}") from exc
            raise
        return sock

    def _serve(self) -> None:
        assert self._server is not None and self._socket is not None
        try:
            self._server.run(sockets=[self._socket])
        except BaseException as exc:  # surfaced by start(); a thread has nowhere else to report it
            self._thread_error = exc

    def _cleanup(self) -> None:
        if self._socket is not None:
            self._socket.close()
        self._socket = None
        self._server = None
        self._thread = None

    def __repr__(self) -> str:
        where = self._ctx.url or "not started"
        return f"<SandboxOrg seed={self.seed} {where}>"
