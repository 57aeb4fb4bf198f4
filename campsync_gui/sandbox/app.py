"""Assembles the ASGI app: request log, then the dop hint, then body caps, then faults, then autosave (with a state
file), then the routes ($batch among them, which sends each of its operations through the routes again)."""

from __future__ import annotations

import re
import time
from typing import Any, Callable
from urllib.parse import unquote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .api import Api
from .api_batch import BatchEndpoint
from .auth import Entra
from .autosave import AutosaveMiddleware, StateKeeper
from .context import API_ROOT, BATCH_PARTS_KEY, RequestRecord, SandboxContext
from .device_login import VERIFICATION_PATH, DeviceLogin
from .errors import SEGMENT_NOT_FOUND, envelope
from .faults import DROPPED_KEY, FaultMiddleware
from .limits import BodyLimitMiddleware
from .signin_page import SignInPage

_TOKEN_PATH = re.compile(r"^/[^/]+/oauth2/v2\.0/token$")
_API_METHODS = ["GET", "POST", "PATCH", "DELETE", "PUT"]


class RequestLogMiddleware:
    """Records API and token requests with their final status, for tests that count calls or retries."""

    def __init__(self, app: Callable[..., Any], ctx: SandboxContext) -> None:
        self.app = app
        self.ctx = ctx

    async def __call__(self, scope: dict[str, Any], receive: Callable, send: Callable) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not (path.startswith("/api/") or _TOKEN_PATH.match(path)):
            await self.app(scope, receive, send)
            return
        arrived = time.monotonic()
        query = scope.get("query_string", b"").decode("latin-1")
        full_path = f"{path}?{unquote(query)}" if query else path
        recorded = False

        def record(status: int) -> None:
            nonlocal recorded
            recorded = True
            dropped = bool(scope.get(DROPPED_KEY))
            self.ctx.log.add(RequestRecord(arrived, scope["method"], full_path, 0 if dropped else status, dropped,
                                           scope.get(BATCH_PARTS_KEY, ())))

        async def capture(message: dict[str, Any]) -> None:
            # Logged before the response leaves: a client that has its answer must find it in the log.
            if message["type"] == "http.response.start" and not recorded:
                record(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            if not recorded:
                record(500)  # the app failed before answering; uvicorn sends a 500


class DopHintMiddleware:
    """`x-ms-dop-hint` (the recommended number of requests in parallel) on every Web API answer, as Dataverse sends
    it: errors, refusals and throttled answers included. The `dop_hint` knob sets it; None sends none."""

    def __init__(self, app: Callable[..., Any], ctx: SandboxContext) -> None:
        self.app = app
        self.ctx = ctx

    async def __call__(self, scope: dict[str, Any], receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or not scope.get("path", "").startswith("/api/data/"):
            await self.app(scope, receive, send)
            return

        async def hinted(message: dict[str, Any]) -> None:
            hint = self.ctx.knobs.dop_hint
            if message["type"] == "http.response.start" and hint is not None:
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-ms-dop-hint"]
                message = {**message, "headers": headers + [(b"x-ms-dop-hint", str(hint).encode())]}
            await send(message)

        await self.app(scope, receive, hinted)


async def _unknown_api_version(request: Request) -> Response:
    segment = request.url.path.removeprefix("/api/").split("/")[0:2]
    return Response(
        envelope(SEGMENT_NOT_FOUND, f"Resource not found for the segment '{'/'.join(segment)}'."),
        status_code=404,
        media_type="application/json",
    )


def build_app(ctx: SandboxContext, keeper: StateKeeper | None = None) -> Callable[..., Any]:
    entra = Entra(ctx)
    api = Api(ctx, entra)
    batch = BatchEndpoint(ctx, entra)
    signin = SignInPage(entra)
    device = DeviceLogin(entra)
    routes = [
        Route("/{tenant}/v2.0/.well-known/openid-configuration", entra.discovery, methods=["GET"]),
        Route("/{tenant}/discovery/v2.0/keys", entra.keys, methods=["GET"]),
        Route("/{tenant}/oauth2/v2.0/token", entra.token, methods=["GET", "POST"]),
        Route("/{tenant}/oauth2/v2.0/authorize", signin.authorize, methods=["GET"]),
        Route("/{tenant}/login", signin.login, methods=["POST"]),
        Route("/{tenant}/oauth2/v2.0/devicecode", device.devicecode, methods=["GET", "POST"]),
        Route(VERIFICATION_PATH, device.page, methods=["GET", "POST"]),
        Route(API_ROOT + "/$batch", batch.endpoint, methods=_API_METHODS),
        Route(API_ROOT, api.endpoint, methods=_API_METHODS),
        Route(API_ROOT + "/{rest:path}", api.endpoint, methods=_API_METHODS),
        Route("/api/{rest:path}", _unknown_api_version, methods=_API_METHODS),
    ]
    app: Callable[..., Any] = Starlette(routes=routes)
    batch.inner = app  # each operation of a $batch goes through the routes as a request of its own
    if keeper is not None:
        # Innermost: faults refuse requests before they can take the file lock, and an answer the fault knob
        # loses was still saved, as Dataverse had committed it.
        app = AutosaveMiddleware(app, keeper)
    # Body caps outside the faults and the file lock: an oversized request is refused (and logged) before it
    # counts against the throttle or waits for another process's save.
    return RequestLogMiddleware(DopHintMiddleware(BodyLimitMiddleware(FaultMiddleware(app, ctx.faults)), ctx), ctx)
