"""Text from outside (a CSV file, the org) made safe to store and to show: no character a terminal acts on.

A name such as `Eve\\x1b]0;PWNED\\x07` would retitle the terminal of whoever lists the people, and `\\x1b[2K`, a
carriage return or a right-to-left override can hide or reorder what is printed. These characters have no place
in a name, an email, a company or a campaign name, so they are dropped where such values enter the store (CSV
import, pull) and escaped where values leave for a terminal (the command line's output), because a store written
by an older version may still hold them.

Unsafe: every C0 control (tab and line breaks included: the fields are single-line), DEL, every C1 control
(U+0080-U+009F; a terminal may read U+009B as the start of an escape sequence), and the bidirectional embeddings,
overrides and isolates (U+202A-U+202E, U+2066-U+2069), which make a terminal or a window show text in another
order than it is stored. Everything else is kept: accents, CJK, emoji (with their joiners and variation
selectors), and the plain left-to-right / right-to-left marks that right-to-left names need.
"""

from __future__ import annotations

import re

UNSAFE_CHARS = "\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{UNSAFE_CHARS}]")
# In a single-line field these separate words: they become one space rather than gluing the words together.
_BREAKS = re.compile("[\t\n\x0b\x0c\r\x1c-\x1f\x85\u2028\u2029]+")
_SPACES = re.compile(" {2,}")
# What a terminal may be shown: line feeds and tabs (the printers' own layout), nothing else that is unsafe.
_UNSAFE_FOR_OUTPUT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def has_unsafe(text: str | None) -> bool:
    """Whether `text` holds a control character or a bidirectional override (see the module's docstring)."""
    return bool(text) and _UNSAFE.search(text) is not None


def clean_line(text: str | None) -> str | None:
    """A single-line value without unsafe characters: line breaks and tabs become one space, the others are
    dropped, and if anything was changed the spaces are tidied (runs made single, ends trimmed). Text without
    unsafe characters comes back as it is; None stays None."""
    if not text or _UNSAFE.search(text) is None and _BREAKS.search(text) is None:
        return text
    return _SPACES.sub(" ", _UNSAFE.sub("", _BREAKS.sub(" ", text))).strip()


def escape_for_terminal(text: str) -> str:
    """`text` with every unsafe character except line feed and tab written as a visible `\\uXXXX` escape.

    Used on all output of the command line. Inside JSON, where such characters can only stand in strings, the
    escape is JSON's own: the document stays valid and means the same (json.dumps with ensure_ascii=False leaves
    DEL, C1 controls and bidirectional overrides raw). In plain text, the person sees that the value held one.
    """
    if _UNSAFE_FOR_OUTPUT.search(text) is None:
        return text
    return _UNSAFE_FOR_OUTPUT.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


__all__ = ["UNSAFE_CHARS", "clean_line", "escape_for_terminal", "has_unsafe"]
