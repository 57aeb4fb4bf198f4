"""Bounds on one row of a CSV file, checked on the raw text before the csv module splits it into cells.

The csv module builds the whole list of a row's cells before anyone can look at it: one 48 MB line of 16 million
empty cells took an import to 1.36 GB. Here the lines reach the csv reader through `BoundedLines`, which reads at
most MAX_ROW_CHARS characters of a row (a quoted cell may span lines: the whole row counts) and counts its
cells (delimiters outside quotes) as it goes. A row over either bound is not parsed at all: its line is read to
its end in small pieces and thrown away, and the reader gets `RowTooWide`, whose text is the reason the import
reports for that row. Memory stays bounded by MAX_ROW_CHARS whatever the file holds.
"""

from __future__ import annotations

from typing import TextIO

from ..language import number, translate

MAX_ROW_CHARS = 1 << 20  # 1,048,576 characters: a row of people is a few hundred; a wide CRM export a few thousand
MAX_ROW_CELLS = 1000  # cells (columns) in a row, the header's included: a full CRM export has a few hundred
_SKIP_CHUNK = 1 << 16


class RowTooWide(Exception):
    """A row over MAX_ROW_CHARS or MAX_ROW_CELLS; its text is the reason, as a row error continues it."""


def too_many_cells(limit: int = MAX_ROW_CELLS) -> str:
    return translate("PeopleImport", "has more than {limit} cells (a CSV of people has one column per field); the "
                                     "row was not read").format(limit=number(limit))


def too_long(limit: int = MAX_ROW_CHARS) -> str:
    return translate("PeopleImport", "is longer than {limit} characters; the row was not read").format(
        limit=number(limit))


class BoundedLines:
    """The lines of a text file opened with newline="", for csv.reader, each row checked before it is parsed.

    Call `start_row()` before asking the reader for each row. `line_num` is the number of lines of the file read
    so far (`line` at the start: the lines read before, such as the header).
    """

    def __init__(self, handle: TextIO, delimiter: str, *, line: int = 0, max_chars: int = MAX_ROW_CHARS,
                 max_cells: int = MAX_ROW_CELLS, quotechar: str = '"'):
        self.handle = handle
        self.delimiter = delimiter
        self.quotechar = quotechar
        self.line_num = line
        self.max_chars = max_chars
        self.max_cells = max_cells
        self.start_row()

    def start_row(self) -> None:
        self.chars = 0
        self.cells = 1
        self.quoted = False

    def __iter__(self) -> BoundedLines:
        return self

    def __next__(self) -> str:
        room = self.max_chars - self.chars
        line = self.handle.readline(room + 1)
        if not line:
            raise StopIteration
        self.line_num += 1
        if len(line) > room:
            self._skip_rest_of(line)
            raise RowTooWide(too_long(self.max_chars))
        self.chars += len(line)
        self.cells += self._delimiters(line)
        if self.cells > self.max_cells:
            raise RowTooWide(too_many_cells(self.max_cells))
        return line

    def _skip_rest_of(self, line: str) -> None:
        while line and not line.endswith(("\n", "\r")):
            line = self.handle.readline(_SKIP_CHUNK)

    def _delimiters(self, line: str) -> int:
        """Delimiters outside quoted cells (a doubled quote inside a cell flips twice: it changes nothing)."""
        quote = self.quotechar
        if quote not in line:
            return 0 if self.quoted else line.count(self.delimiter)
        count, start, quoted = 0, 0, self.quoted
        while True:
            end = line.find(quote, start)
            if not quoted:
                count += line.count(self.delimiter, start, len(line) if end < 0 else end)
            if end < 0:
                break
            quoted, start = not quoted, end + 1
        self.quoted = quoted
        return count


__all__ = ["MAX_ROW_CELLS", "MAX_ROW_CHARS", "BoundedLines", "RowTooWide", "too_long", "too_many_cells"]
