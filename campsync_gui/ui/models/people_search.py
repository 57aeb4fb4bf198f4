"""Searching the people table: folding text for case- and accent-insensitive matching, reading search terms, and
the 0/1 row masks the filter combines. Qt-free and store-free: plain strings and bytes."""

from __future__ import annotations

import re
import unicodedata
from itertools import compress
from operator import itemgetter

# Accents are ignored, so "jose" finds "José" and "muller" finds "Müller". Text that fits Latin-1 (most Western
# names) is folded by one bytes.translate (~0.3 µs a string); anything else by NFKD without combining marks
# (~1.7 µs). Building the 200,000 search strings of a mostly accented list stays well under 0.1 s.
_MARKS = re.compile("[\u0300-\u036f]+")


def _strip_marks(text: str) -> str:
    return _MARKS.sub("", unicodedata.normalize("NFKD", text))


def _latin1_table() -> bytes:
    table = bytearray(range(256))
    for code in range(0xA0, 0x100):
        bare = _strip_marks(chr(code)).casefold()
        if len(bare) == 1 and ord(bare) < 0x100:
            table[code] = ord(bare)
    return bytes(table)


_LATIN1 = _latin1_table()


def fold(value: str) -> str:
    """Case- and accent-insensitive form used on both sides of a search."""
    value = value.casefold()
    if value.isascii():
        return value
    try:
        return value.encode("latin-1").translate(_LATIN1).decode("latin-1")
    except UnicodeEncodeError:
        return _strip_marks(value)


_TERM = re.compile(r'"([^"]*)"?|(\S+)')  # an unclosed quote runs to the end: '"acme lt' while typing


def search_terms(text: str) -> tuple[str, ...]:
    """'Ada "acme ltd"' → ('ada', 'acme ltd'): folded words and quoted phrases, each once."""
    found = (phrase.strip() or word for phrase, word in _TERM.findall(fold(text)))
    return tuple(dict.fromkeys(term for term in found if term))


def search_texts(rows: list[tuple], position: int) -> list[str]:
    """The search text of each row (column `position`), folded. The store lowered them already, ASCII only: only
    the rows that are not ASCII are folded here."""
    return fold_all(list(map(itemgetter(position), rows)))


def fold_all(search: list[str]) -> list[str]:
    """Search texts lowered by the store (ASCII only), folded in place: only those that are not ASCII change."""
    for i in compress(range(len(search)), map(not_ascii, search)):
        search[i] = fold(search[i])
    return search


def search_text(value: str) -> str:
    """One row's search text as `search_texts` gives it."""
    return value if value.isascii() else fold(value)


def not_ascii(value: str) -> bool:
    return not value.isascii()


def and_masks(a: bytes | bytearray, b: bytes | bytearray) -> bytes:
    """Masks hold 0/1 per row; AND-ing them as two big integers runs in C (≈0.3 ms for 200,000 rows)."""
    n = len(a)
    return (int.from_bytes(a, "little") & int.from_bytes(b, "little")).to_bytes(n, "little")
