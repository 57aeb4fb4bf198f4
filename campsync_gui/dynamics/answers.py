"""Reading Dataverse's answers: a body that must be a JSON object, and the id of a row just created (from the
OData-EntityId header, or the body when the client asked for the row back)."""

from __future__ import annotations

import re

import httpx

from ..language import translate
from .errors import MalformedResponse, clean_text


def json_object(response: httpx.Response) -> dict:
    """The response body as a JSON object; MalformedResponse (readable, retryable) for anything else."""
    call = f"{response.request.method} {clean_text(response.request.url.path, 120)}"
    try:
        data = response.json()
    except (ValueError, RecursionError) as exc:  # ValueError covers JSONDecodeError and UnicodeDecodeError
        raise MalformedResponse(translate("Answers", "Dynamics sent a response that is not valid JSON (HTTP {status}, "
                                                     "{size} bytes) for {call}").format(
            status=response.status_code, size=len(response.content), call=call), status=response.status_code) from exc
    if not isinstance(data, dict):
        raise MalformedResponse(translate("Answers", "Dynamics sent JSON of an unexpected shape (expected an object, "
                                                     "got {type}; HTTP {status}) for {call}").format(
            type=type(data).__name__, status=response.status_code, call=call), status=response.status_code)
    return data


GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def created_id(response: httpx.Response) -> str:
    # Without Prefer: return=representation, Dataverse answers 204 and names the new row in OData-EntityId.
    entity_url = response.headers.get("OData-EntityId", "")
    if "(" in entity_url and entity_url.endswith(")"):
        candidate = entity_url[entity_url.rindex("(") + 1:-1]
        if GUID.fullmatch(candidate):
            return candidate
    if response.content:
        data = json_object(response)
        for key, value in data.items():
            if key.endswith("id") and isinstance(value, str) and GUID.fullmatch(value):
                return value
    raise MalformedResponse(translate("Answers", "Dynamics created the row but did not say its id (no usable "
                                                 "OData-EntityId header)."), status=response.status_code)
