"""The $filter lexer: the tokens of Dataverse's filter syntax, and the cursor a parser walks them with."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .errors import SandboxError, bad_request
from .filter_json import scan_array

_TOKEN_SPEC = [
    ("WS", r"\s+"),
    ("STRING", r"'(?:[^']|'')*'"),
    ("GUID", r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])"),
    ("DATETIME", r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})?(?![\w:])"),
    ("DATE", r"\d{4}-\d{2}-\d{2}(?![\w:-])"),
    ("NUMBER", r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])"),
    ("IDENT", r"[A-Za-z_][\w.]*"),
    ("LPAREN", r"\("),
    ("RPAREN", r"\)"),
    ("LBRACKET", r"\["),
    ("RBRACKET", r"\]"),
    ("COMMA", r","),
    ("EQUALS", r"="),
    ("SLASH", r"/"),
]
_TOKEN_RE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _TOKEN_SPEC))


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    pos: int
    # An ARRAY token's values: the PropertyValues array is JSON, read whole by filter_json (not OData tokens).
    values: tuple[Any, ...] = field(default=(), compare=False)


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN_RE.match(text, pos)
        if match is None:
            raise syntax_error(text, pos, f"character '{text[pos]}' is not valid")
        kind = match.lastgroup or ""
        if kind != "WS":
            tokens.append(Token(kind, match.group(), pos))
        pos = match.end()
        if _opens_property_values(tokens, text, pos):
            start = text.index("[", pos)
            values, pos = scan_array(text, start)
            tokens.append(Token("ARRAY", text[start:pos], start, tuple(values)))
    tokens.append(Token("END", "", len(text)))
    return tokens


def _opens_property_values(tokens: list[Token], text: str, pos: int) -> bool:
    """After `PropertyValues=`, with `[` next: the array that follows is JSON."""
    if len(tokens) < 2 or tokens[-1].kind != "EQUALS" or tokens[-2].text != "PropertyValues":
        return False
    return text[pos:].lstrip().startswith("[")


def syntax_error(text: str, pos: int, what: str = "") -> SandboxError:
    detail = f"{what} " if what else ""
    return bad_request(f"Syntax error: {detail}at position {pos} in '{text}'.")


class TokenCursor:
    """A position in the tokens of one $filter text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0

    def peek(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, kind: str) -> Token:
        tok = self.take()
        if tok.kind != kind:
            raise syntax_error(self.text, tok.pos, f"expected {kind.lower()} but found '{tok.text or 'end of text'}'")
        return tok

    def at_keyword(self, *words: str) -> bool:
        tok = self.peek()
        return tok.kind == "IDENT" and tok.text in words
