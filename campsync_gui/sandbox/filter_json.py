"""The PropertyValues array of Microsoft.Dynamics.CRM.In(...) and its siblings, read as Dataverse reads it: as JSON.

Outside the array a string literal is OData (`'o''neil'`); inside it the values are JSON, read by a lenient JSON
reader that also takes single-quoted strings (`['a','b']` works) with backslash escapes. So a doubled `''` inside
the array ends one string and starts another without a comma, which Dataverse answers 400 "Invalid JSON. A comma
character ',' was expected in scope 'Array'…", and a value holding `'` must be written `"o'neil"`. The sandbox
answers the same, so a client that quotes the array the OData way fails here as it would on a real org.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import SandboxError, bad_request

_ESCAPES = {'"': '"', "'": "'", "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_WORDS = {"true": True, "false": False, "null": None}
_SPACE = " \t\r\n"


def invalid_json(detail: str) -> SandboxError:
    return bad_request(f"Invalid JSON. {detail}")


def scan_array(text: str, start: int) -> tuple[list[Any], int]:
    """Read the JSON array that opens at text[start] ('['); returns its values and the position after ']'."""
    pos = _skip(text, start + 1)
    values: list[Any] = []
    if pos < len(text) and text[pos] == "]":
        return values, pos + 1
    while True:
        if pos >= len(text):
            raise _unclosed()
        if text[pos] == ",":
            raise invalid_json("An unexpected comma was found in scope 'Array'. A comma is only valid between "
                               "properties of an object or between elements of an array.")
        value, pos = _value(text, pos)
        values.append(value)
        pos = _skip(text, pos)
        if pos >= len(text):
            raise _unclosed()
        if text[pos] == "]":
            return values, pos + 1
        if text[pos] != ",":
            raise invalid_json("A comma character ',' was expected in scope 'Array'. Every two elements in an "
                               "array and properties of an object must be separated by commas.")
        pos = _skip(text, pos + 1)
        if pos < len(text) and text[pos] == "]":
            raise invalid_json("An unexpected comma was found in scope 'Array'. A comma is only valid between "
                               "properties of an object or between elements of an array.")


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _SPACE:
        pos += 1
    return pos


def _unclosed() -> SandboxError:
    return invalid_json("Unexpected end of input was found in JSON content. Not all object and array scopes "
                        "were closed.")


def _value(text: str, pos: int) -> tuple[Any, int]:
    char = text[pos]
    if char in "\"'":
        return _string(text, pos)
    if char in "[{":
        raise bad_request("PropertyValues must be a list of literals.")
    number = _NUMBER.match(text, pos)
    if number:
        literal = number.group()
        value = int(literal) if re.fullmatch(r"-?\d+", literal) else float(literal)
        return value, number.end()
    word = re.match(r"[A-Za-z_]\w*", text[pos:])
    if word and word.group() in _WORDS:
        return _WORDS[word.group()], pos + word.end()
    bad = re.match(r"[^,\]\s]*", text[pos:])
    raise invalid_json(f"Unrecognized JSON value '{bad.group() if bad else char}' in an array.")


def _string(text: str, pos: int) -> tuple[str, int]:
    quote = text[pos]
    out: list[str] = []
    i = pos + 1
    while i < len(text):
        char = text[i]
        if char == quote:
            return join_surrogates("".join(out)), i + 1
        if char != "\\":
            out.append(char)
            i += 1
            continue
        if i + 1 >= len(text):
            break
        code = text[i + 1]
        if code == "u":
            digits = text[i + 2:i + 6]
            if not re.fullmatch(r"[0-9a-fA-F]{4}", digits):
                raise invalid_json(f"An unrecognized escape sequence '\\u{digits}' was found in a JSON string "
                                   "value.")
            out.append(chr(int(digits, 16)))
            i += 6
            continue
        if code not in _ESCAPES:
            raise invalid_json(f"An unrecognized escape sequence '\\{code}' was found in a JSON string value.")
        out.append(_ESCAPES[code])
        i += 2
    raise invalid_json("Unexpected end of input reached while processing a JSON string value.")


def join_surrogates(value: str) -> str:
    """`\\ud83d\\ude00` (how JSON writes an emoji in ASCII) as the one character it stands for."""
    try:
        return value.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:
        raise invalid_json("A JSON string holds an unpaired surrogate escape.") from None
