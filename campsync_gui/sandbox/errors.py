"""The Dataverse error envelope and the codes the sandbox answers with."""

from __future__ import annotations

import json

from .schema import EntityDef

# Codes seen in real Dataverse answers (see reference/dataverse-web-api.md and Microsoft's troubleshooting pages).
NOT_FOUND = "0x80040217"  # ObjectDoesNotExist
PRIVILEGE_DENIED = "0x80040220"
THROTTLED = "0x80072322"
UNEXPECTED = "0x80040216"
INVALID_ARGUMENT = "0x80040203"
DUPLICATE_RECORD = "0x80040237"
CONCURRENCY_MISMATCH = "0x80060882"
ODATA_ERROR = "0x80060888"  # the code Dataverse puts on most OData-level request errors
SEGMENT_NOT_FOUND = "0x8006088a"
# Real Dataverse answers 401 with an empty body; the sandbox adds an envelope so clients can show a reason.
UNAUTHORIZED = "0x80040204"
METHOD_NOT_SUPPORTED = "0x80040800"


class SandboxError(Exception):
    """An error the API answers with the envelope; raised from anywhere below the dispatcher."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})

    def body(self) -> bytes:
        return envelope(self.code, self.message)


def envelope(code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message}}).encode()


def bad_request(message: str, code: str = ODATA_ERROR) -> SandboxError:
    return SandboxError(400, code, message)


def not_found(logical_name: str, record_id: str) -> SandboxError:
    return SandboxError(404, NOT_FOUND, f"{logical_name} With Id = {record_id} Does Not Exist")


def unknown_property(name: str, entity: EntityDef) -> SandboxError:
    return bad_request(f"Could not find a property named '{name}' on type '{entity.type_name}'.")
