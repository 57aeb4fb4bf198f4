"""The shape of every Web API answer: JSON with OData-Version, 204 No Content, the error envelope, Prefer."""

from __future__ import annotations

import json
import re
from typing import Any, Mapping

from starlette.responses import Response

from .errors import SandboxError

JSON_TYPE = "application/json; odata.metadata=minimal"


def json_response(status: int, body: Any, headers: Mapping[str, str] | None = None) -> Response:
    return Response(
        json.dumps(body, ensure_ascii=False).encode(),
        status_code=status,
        media_type=JSON_TYPE,
        headers={"OData-Version": "4.0", **(headers or {})},
    )


def no_content(headers: Mapping[str, str] | None = None) -> Response:
    return Response(status_code=204, headers={"OData-Version": "4.0", **(headers or {})})


def error_response(err: SandboxError) -> Response:
    return Response(
        err.body(), status_code=err.status, media_type=JSON_TYPE, headers={"OData-Version": "4.0", **err.headers}
    )


def parse_prefer(values: list[str]) -> dict[str, str]:
    """Prefer header(s) as {name: value}; commas inside quoted values do not split."""
    prefs: dict[str, str] = {}
    for header in values:
        for item in re.findall(r'(?:[^,"]|"[^"]*")+', header):
            name, _, value = item.strip().partition("=")
            if name:
                prefs[name.strip().lower()] = value.strip().strip('"')
    return prefs
