"""Importing people from a CSV file: encoding and delimiter found, columns matched by their usual names, each
row checked, people merged by email into the store. Every refusal says what to do.

The file is streamed (csv module over the open file), so a file of any size is read in constant memory, and
written one transaction per 1000 rows: a crash mid-import leaves whole batches only. A row is bounded before the
csv module parses it (csv_limits: at most MAX_ROW_CHARS characters and MAX_ROW_CELLS cells), and values lose the
control characters a terminal would act on (clean_text) before they are stored.
"""

from __future__ import annotations

import codecs
import csv
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from ..language import number
from . import people_import_words as words
from .clean_text import clean_line, has_unsafe
from .csv_limits import MAX_ROW_CELLS, BoundedLines, RowTooWide, too_many_cells
from .folded_text import with_folded_person
from .models import Person
from .people import normalise_email

BATCH_ROWS = 1000
MAX_VALUE_LENGTH = 200
PERSON_TYPES = ("lead", "contact")
DELIMITERS = (",", ";", "\t")
MAX_HEADER_CHARS = 1 << 16  # a header row longer than this is not a header: the file is not a CSV of people
MAX_WARNINGS_PER_KIND = 50  # beyond this, one "... and N more" line: the list stays readable on a 1M-row file

# canonical field -> header spellings, compared after lower-casing and dropping spaces and underscores
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "fullname"),
    "first_name": ("first", "first name", "firstname"),
    "last_name": ("last", "last name", "lastname", "surname"),
    "email": ("email", "e-mail", "email address", "e-mail address", "emailaddress1"),
    "company": ("company", "company name", "account", "account name"),
    "job_title": ("job title", "title", "jobtitle"),
    "country": ("country",),
    "score": ("score",),
    "type": ("type",),
}
_TEXT_FIELDS = ("first_name", "last_name", "company", "job_title", "country")
_FORMULA_START = ("=", "+", "-", "@")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _header_key(text: str) -> str:
    return re.sub(r"[\s_]+", "", (text or "").strip().lstrip("\ufeff").lower())


_ALIAS_INDEX = {_header_key(alias): canonical for canonical, aliases in COLUMN_ALIASES.items() for alias in aliases}


# ---- emails ------------------------------------------------------------------------------------

def is_valid_email(text: str | None) -> bool:
    """A simple check: exactly one @, something before it, a dot inside the domain, no whitespace and no control
    character."""
    if not text or has_unsafe(text):
        return False
    if not _EMAIL.fullmatch(text):
        return False
    domain = text.rsplit("@", 1)[1]
    return not (domain.startswith(".") or domain.endswith(".") or ".." in domain)


def looks_like_formula(value: str) -> bool:
    """A value a spreadsheet would evaluate (=, +, -, @ first) and that is not a plain number."""
    return bool(value) and value[0] in _FORMULA_START and not _NUMBER.fullmatch(value)


# ---- report ------------------------------------------------------------------------------------

@dataclass
class RowError:
    row: int  # as a spreadsheet shows it: the header is row 1
    reason: str

    def __str__(self) -> str:
        return words.row_error(self.row, self.reason)


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unchanged: int = 0  # rows whose email matched a person they did not change (e.g. a file imported twice)
    aborted: bool = False  # the file could not be imported at all (no header, missing columns): nothing written
    encoding: str = "utf-8"
    delimiter: str = ","
    columns: dict[str, str] = field(default_factory=dict)  # canonical field -> header as written in the file
    formula_rows: list[int] = field(default_factory=list)
    rows: int = 0  # data rows read, blank ones excluded
    # (person id, field, new value) for every value the file changed on an existing person: what fires
    # "Data value changes" trigger campaigns. Not in to_dict: a large file makes it long.
    changes: list[tuple[int, str, object]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.aborted

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("changes")
        data["errors"] = [{"row": e.row, "reason": e.reason} for e in self.errors]
        return data

    @property
    def row_errors(self) -> list:
        """The errors to list under the summary (a refused file's reason is the summary itself)."""
        return self.errors[1:] if self.aborted else self.errors

    @property
    def imported(self) -> int:
        """People the file created or changed (rows that matched a person without changing it are not counted)."""
        return self.created + self.updated

    @property
    def refusal(self) -> str:
        """Why nothing was imported (empty unless aborted)."""
        if not self.aborted:
            return ""
        return self.errors[0].reason if self.errors else words.could_not_read()

    def summary(self) -> str:
        if self.aborted:
            return words.nothing_imported(self.refusal)
        return words.summary(self.created, self.updated, self.unchanged, self.skipped, len(self.errors),
                             len(self.warnings))

    def outcome(self, name: str) -> str:
        """One line for a status bar once the import of the file `name` is over."""
        if self.aborted:
            return words.nothing_imported_from(name, self.refusal)
        return words.imported_from(self.imported, name, self.unchanged, len(self.row_errors), len(self.warnings))

    def detail_lines(self, limit: int = 20) -> list[str]:
        """The errors, then the warnings, each list cut at `limit` lines with a count of the rest: what a
        person reads under the summary. Rows are named as a spreadsheet numbers them."""
        lines: list[str] = []
        for title, items in ((words.errors_title(), [str(e) for e in self.row_errors]),
                             (words.warnings_title(), self.warnings)):
            if not items:
                continue
            if lines:
                lines.append("")
            lines.append(title)
            lines.extend(_capitalised(item) for item in items[:limit])
            if len(items) > limit:
                lines.append(words.and_more(len(items) - limit))
        return lines


def _capitalised(line: str) -> str:
    # "row 4: ..." reads as the start of a line in a list: "Row 4: ..."
    return line[:1].upper() + line[1:]


class _Warnings:
    """Collects warnings by kind, keeping the first MAX_WARNINGS_PER_KIND of each and counting the rest."""

    def __init__(self, report: ImportReport):
        self.report = report
        self.counts: dict[str, int] = {}
        self.overflow: dict[str, Callable[[], str]] = {}

    def add(self, kind: str, text: str, more: Callable[[], str]) -> None:
        """`more`: the words for the ones past the first (a template with {count}), asked only when needed."""
        n = self.counts.get(kind, 0) + 1
        self.counts[kind] = n
        if n <= MAX_WARNINGS_PER_KIND:
            self.report.warnings.append(text)
        else:
            self.overflow[kind] = more

    def finish(self) -> None:
        for kind, more in self.overflow.items():
            self.report.warnings.append(more().format(count=self.counts[kind] - MAX_WARNINGS_PER_KIND))


# ---- CSV import --------------------------------------------------------------------------------

def import_csv(db: Engine, path: Path | str, *, now: Callable[[], float] = time.time) -> ImportReport:
    """Import people from a CSV file, merging by email into the store. See ImportReport for the outcome."""
    path = Path(path)
    report = ImportReport()
    warnings = _Warnings(report)

    try:
        report.encoding = _detect_encoding(path)
    except _NotText as exc:
        return _abort(report, str(exc))
    except OSError as exc:
        return _abort(report, words.cannot_read_file(exc.strerror or exc))
    errors_mode = "strict"
    if report.encoding == "cp1252":
        errors_mode = "replace"  # cp1252 leaves five bytes undefined; never fail on them, show them as U+FFFD
        report.warnings.append(words.read_as_cp1252())

    with open(path, encoding=report.encoding, errors=errors_mode, newline="") as handle:
        header_line = handle.readline(MAX_HEADER_CHARS + 1)
        if len(header_line) > MAX_HEADER_CHARS:
            return _abort(report, words.header_too_long(number(MAX_HEADER_CHARS)))
        if not header_line.strip():
            return _abort(report, words.empty_file())
        report.delimiter = _pick_delimiter(header_line)
        header = next(csv.reader([header_line], delimiter=report.delimiter))
        if len(header) > MAX_ROW_CELLS:
            return _abort(report, words.too_many_columns(number(len(header)), number(MAX_ROW_CELLS)))
        columns: dict[str, int] = {}
        for index, title in enumerate(header):
            canonical = _ALIAS_INDEX.get(_header_key(title))
            if canonical and canonical not in columns:
                columns[canonical] = index
                report.columns[canonical] = clean_line(title.strip().lstrip("\ufeff"))
            elif canonical:
                warnings.add("dup-col", words.column_repeats(repr(title.strip()), repr(report.columns[canonical])),
                             words.more_repeated_columns)
        no_email, no_name = "email" not in columns, "name" not in columns and "last_name" not in columns
        if no_email or no_name:
            found = ", ".join(repr(h.strip().lstrip("\ufeff")) for h in header if h.strip()) or words.no_columns()
            if len(found) > 300:
                found = found[:300] + words.more_columns(len(header))
            return _abort(report, words.needs_columns(no_email, no_name, found))

        lines = BoundedLines(handle, report.delimiter, line=1)  # the header was line 1
        reader = csv.reader(lines, delimiter=report.delimiter)
        batch: list[tuple[int, dict[str, str]]] = []
        first_rows: dict[str, int] = {}  # email -> first row it appeared on, for duplicate warnings
        for row_number, cells, span in _numbered(reader, lines, start=2):
            if isinstance(cells, (csv.Error, RowTooWide)):
                report.rows += 1
                report.skipped += 1
                report.errors.append(RowError(row_number, _csv_error_reason(cells)))
                continue
            if not any(cell.strip() for cell in cells):
                continue  # blank line: not a row of data
            report.rows += 1
            values, reason = _read_row(cells, header, columns, row_number, report, warnings)
            if reason is not None and span[1] > span[0] and len(cells) != len(header) \
                    and any("\n" in cell or "\r" in cell for cell in cells):
                # A quote that is never closed swallows the lines after it into one cell: say which lines.
                reason = words.unclosed_quote(reason, span[0], span[1])
            if reason is not None:
                report.skipped += 1
                report.errors.append(RowError(row_number, reason))
                continue
            email = values["email"]
            if email in first_rows:
                warnings.add("dup-row", words.duplicate_row(row_number, first_rows[email], email),
                             words.more_merged_rows)
            else:
                first_rows[email] = row_number
            batch.append((row_number, values))
            if len(batch) >= BATCH_ROWS:
                _write_batch(db, batch, now(), report, warnings)
                batch = []
        if batch:
            _write_batch(db, batch, now(), report, warnings)
    warnings.finish()
    return report


def _numbered(reader, lines: BoundedLines, start: int) \
        -> Iterator[tuple[int, list[str] | csv.Error | RowTooWide, tuple[int, int]]]:
    """(row number, cells or the error of an unreadable record, (first line, last line) in the file).

    Records, not lines: a quoted cell may span lines, and a spreadsheet still shows that record as one row.
    `lines` feeds the reader and counts the file's lines (the header's included).
    """
    number = start
    while True:
        lines.start_row()
        first = lines.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        # A cell over the csv module's field size limit, a row over the bounds of csv_limits: the reader goes
        # on after it, at the next line.
        except (csv.Error, RowTooWide) as exc:
            cells = exc
        if not isinstance(cells, Exception) and len(cells) > lines.max_cells:  # quotes miscounted (a stray ")
            cells = RowTooWide(too_many_cells(lines.max_cells))
        yield number, cells, (first, lines.line_num)
        number += 1


def _csv_error_reason(exc: csv.Error | RowTooWide) -> str:
    if isinstance(exc, RowTooWide):
        return str(exc)
    if "field larger than field limit" in str(exc):
        return words.cell_too_long(number(csv.field_size_limit()))
    return words.not_csv(exc)


class _NotText(Exception):
    """The file is not a text CSV file; the message says what it is and what to do."""


def _abort(report: ImportReport, reason: str) -> ImportReport:
    report.aborted = True
    report.errors.append(RowError(1, reason))
    return report


# A file's first bytes → what it is, in words (a function: read when a file is refused, in the person's language)
_MAGIC = (
    (b"PK\x03\x04", words.workbook),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", words.old_workbook),
    (b"%PDF-", words.pdf),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0c")


def _detect_encoding(path: Path) -> str:
    """The text encoding of the file, checked over the whole file in chunks (constant memory).

    UTF-16 with a BOM (Excel's "Unicode Text") or without one (NULs in every other byte); utf-8-sig when the
    whole file decodes as UTF-8 (with or without BOM); else cp1252. Raises _NotText for spreadsheets, PDFs
    and other binary files, with a message that says so.
    """
    with open(path, "rb") as raw:
        head = raw.read(1 << 16)
    encoding = _utf16_in(head)
    if encoding is None:
        for magic, message in _MAGIC:
            if head.startswith(magic):
                raise _NotText(message())
        if sum(head.count(b) for b in _CONTROL_BYTES) > len(head) // 100 + 1:  # text has next to none; binary ~11 %
            raise _NotText(words.binary())
    decoder = codecs.getincrementaldecoder(encoding or "utf-8")()
    try:
        with open(path, "rb") as raw:
            while chunk := raw.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        if encoding:
            raise _NotText(words.bad_utf16(exc.reason)) from exc
        return "cp1252"
    return encoding or "utf-8-sig"


def _utf16_in(head: bytes) -> str | None:
    """'utf-16' for a UTF-16 BOM; 'utf-16-le'/'utf-16-be' when the NULs of ASCII text in UTF-16 show; else None."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not head.startswith(codecs.BOM_UTF32_LE):
        return "utf-16"
    sample = head[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    odd_nul = sample[1::2].count(0)
    even_nul = sample[0::2].count(0)
    if odd_nul >= pairs * 0.6 and even_nul <= pairs * 0.05:
        return "utf-16-le"
    if even_nul >= pairs * 0.6 and odd_nul <= pairs * 0.05:
        return "utf-16-be"
    return None


def _pick_delimiter(header_line: str) -> str:
    """The delimiter among , ; tab that splits the header into the most known columns (then the most cells)."""
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        cells = next(csv.reader([header_line], delimiter=delimiter), [])
        known = sum(1 for c in cells if _header_key(c) in _ALIAS_INDEX)
        score = (known, len(cells))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_row(cells: list[str], header: list[str], columns: dict[str, int], row_number: int,
              report: ImportReport, warnings: _Warnings) -> tuple[dict[str, str], str | None]:
    if len(cells) != len(header):
        # Trailing empty cells are what spreadsheets write for blank columns; only real content counts.
        extra = cells[len(header):]
        if len(cells) < len(header) or any(c.strip() for c in extra):
            return {}, words.cells_differ(len(cells), len(header))
    values: dict[str, str] = {}
    for canonical, index in columns.items():
        value = cells[index].strip() if index < len(cells) else ""
        if len(value) > MAX_VALUE_LENGTH:
            return {}, words.value_too_long(repr(report.columns[canonical]), len(value), MAX_VALUE_LENGTH)
        values[canonical] = value
    raw_email = values.get("email", "")
    if not raw_email:
        return {}, words.email_missing()
    if has_unsafe(raw_email):
        return {}, words.email_control(repr(raw_email))
    unsafe = [canonical for canonical, value in values.items() if has_unsafe(value)]
    for canonical in unsafe:  # a terminal would act on them (retitle it, hide lines): dropped, and said so
        values[canonical] = clean_line(values[canonical])
    flagged = [report.columns[c] for c, v in values.items() if looks_like_formula(v)]
    email = normalise_email(raw_email)
    if not is_valid_email(email):
        return {}, words.email_invalid(repr(raw_email))
    values["email"] = email
    score = values.get("score", "")
    if score:
        parsed = _parse_score(score)
        if parsed is None:
            return {}, words.score_invalid(repr(score))
        values["score"] = str(parsed)
    kind = values.get("type", "").lower()
    if kind and kind not in PERSON_TYPES:
        return {}, words.type_invalid(repr(values["type"]))
    values["type"] = kind
    name = values.pop("name", "")
    if name:
        first, last = split_name(name)
        values.setdefault("first_name", "")
        values.setdefault("last_name", "")
        values["first_name"] = values["first_name"] or first
        values["last_name"] = values["last_name"] or last
    if unsafe:
        warnings.add("control", words.control_removed(row_number, ", ".join(report.columns[c] for c in unsafe)),
                     words.more_control_rows)
    if flagged:
        report.formula_rows.append(row_number)
        warnings.add("formula", words.formula_like(row_number, ", ".join(flagged)), words.more_formula_rows)
    return values, None


def _parse_score(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        number = float(text)  # "85.0" is what a spreadsheet writes for a whole number
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def split_name(name: str) -> tuple[str, str]:
    """'Ada Lovelace' → ('Ada', 'Lovelace'); 'Lovelace, Ada' → ('Ada', 'Lovelace'); 'Cher' → ('', 'Cher').

    Everything after the first word is the last name, so 'Ana van der Berg' keeps 'van der Berg' together.
    """
    name = " ".join(name.split())
    if "," in name:
        last, _, first = name.partition(",")
        return first.strip(), last.strip()
    first, _, last = name.partition(" ")
    return (first, last) if last else ("", first)


def _write_batch(db: Engine, batch: list[tuple[int, dict[str, str]]], stamp: float,
                 report: ImportReport, warnings: _Warnings) -> None:
    """One transaction: merge every row of the batch by email into existing people, create the rest.

    New people are inserted with one executemany (building ORM objects costs more than the insert itself).
    """
    with Session(db) as session:
        emails = list({values["email"] for _, values in batch})
        known: dict[str, object] = {p.email: p for p in session.exec(select(Person).where(Person.email.in_(emails)))}
        new: dict[str, SimpleNamespace] = {}
        for row_number, values in batch:
            email = values["email"]
            person = known.get(email)
            if person is None:
                person = SimpleNamespace(email=email, first_name="", last_name="", company=None, job_title=None,
                                         country=None, score=0, dynamics_type=None, dynamics_id=None,
                                         created_at=stamp, updated_at=stamp)
                _apply(person, values, row_number, warnings)
                known[email] = new[email] = person
                report.created += 1
            elif changed := _apply(person, values, row_number, warnings):
                person.updated_at = stamp
                report.updated += 1
                if person.email not in new:  # a person this file creates is being created, not changed
                    report.changes.extend((person.id, name, getattr(person, name)) for name in changed)
            else:
                report.unchanged += 1
        if new:
            session.execute(insert(Person), [with_folded_person(vars(p)) for p in new.values()])
        session.commit()


def _apply(person: Person | SimpleNamespace, values: dict[str, str], row_number: int,
           warnings: _Warnings) -> list[str]:
    """Non-empty incoming values update the person; empty ones never erase. Returns the fields changed."""
    changed: list[str] = []
    for name in _TEXT_FIELDS:
        value = values.get(name, "")
        if value and getattr(person, name) != value:
            setattr(person, name, value)
            changed.append(name)
    score = values.get("score", "")
    if score and person.score != int(score):
        person.score = int(score)
        changed.append("score")
    kind = values.get("type", "")
    if kind and person.dynamics_type != kind:
        if person.dynamics_id:
            # The org decides what a person pulled from it is; the file cannot turn a lead into a contact.
            warnings.add("type", words.type_differs(row_number, person.email, person.dynamics_type, repr(kind)),
                         words.more_type_rows)
        else:
            person.dynamics_type = kind
            changed.append("dynamics_type")
    return changed
