"""The words of a CSV import of people (people_import.py), in the person's language: its summary, its refusals of a
file, the reasons a row is not read and its warnings. Functions, read when an import runs (`--json` runs in English).
Counts are written as the summary always wrote them, without grouping."""

from __future__ import annotations

from ..language import plural, translate


def counted(n: int, one: str, many: str) -> str:
    """`plural()` with the count as written (1000, not 1,000): the import's counts read like its summary's."""
    return plural(n, one.replace("{n}", "{{n}}"), many.replace("{n}", "{{n}}")).format(n=n)


def errors(n: int) -> str:
    return counted(n, translate("PeopleImport", "{n} error"), translate("PeopleImport", "{n} errors"))


def warnings(n: int) -> str:
    return counted(n, translate("PeopleImport", "{n} warning"), translate("PeopleImport", "{n} warnings"))


def row_error(row: int, reason: str) -> str:
    return translate("PeopleImport", "row {row}: {reason}").format(row=row, reason=reason)


def could_not_read() -> str:
    return translate("PeopleImport", "the file could not be read")


def summary(created: int, updated: int, unchanged: int, skipped: int, error_count: int, warning_count: int) -> str:
    text = translate("PeopleImport", "{created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped "
                                     "({errors}, {warnings})")
    return text.format(created=created, updated=updated, unchanged=unchanged, skipped=skipped,
                       errors=errors(error_count), warnings=warnings(warning_count))


def nothing_imported(reason: str) -> str:
    return translate("PeopleImport", "Nothing imported: {reason}").format(reason=reason)


def nothing_imported_from(name: str, reason: str) -> str:
    return translate("PeopleImport", "Nothing imported from {name}: {reason}").format(name=name, reason=reason)


def imported_from(count: int, name: str, unchanged: int, error_count: int, warning_count: int) -> str:
    """'Imported 3 people from a.csv (1 already up to date); 2 errors, 1 warning'."""
    people = counted(count, translate("PeopleImport", "{n} person"), translate("PeopleImport", "{n} people"))
    text = translate("PeopleImport", "Imported {people} from {name}").format(people=people, name=name)
    if unchanged:
        text = translate("PeopleImport", "{imported} ({count} already up to date)").format(imported=text,
                                                                                           count=unchanged)
    problems = [words(n) for n, words in ((error_count, errors), (warning_count, warnings)) if n]
    return text + ("; " + ", ".join(problems) if problems else "")


def errors_title() -> str:
    return translate("PeopleImport", "Errors:")


def warnings_title() -> str:
    return translate("PeopleImport", "Warnings:")


def and_more(n: int) -> str:
    return translate("PeopleImport", "... and {count} more").format(count=n)


# ---- the kinds of warnings counted past the first ones: "... and 12 more repeated columns" ------------------

def more_repeated_columns() -> str:
    return translate("PeopleImport", "... and {count} more repeated columns")


def more_merged_rows() -> str:
    return translate("PeopleImport", "... and {count} more rows merged with an earlier row")


def more_control_rows() -> str:
    return translate("PeopleImport", "... and {count} more rows with control characters removed")


def more_formula_rows() -> str:
    return translate("PeopleImport", "... and {count} more rows with formula-like values")


def more_type_rows() -> str:
    return translate("PeopleImport", "... and {count} more rows whose type differs from Dynamics")


# ---- the file ---------------------------------------------------------------------------------------------

def cannot_read_file(problem: object) -> str:
    return translate("PeopleImport", "The file cannot be read: {problem}.").format(problem=problem)


def read_as_cp1252() -> str:
    return translate("PeopleImport", "The file is not valid UTF-8; it was read as Windows-1252 (cp1252). Check "
                                     "accented characters, or save the file as UTF-8.")


def header_too_long(limit: str) -> str:
    return translate("PeopleImport", "The first line is longer than {limit} characters: it should be a header row "
                                     "naming the columns (email, name, ...). Is this a CSV file?").format(limit=limit)


def empty_file() -> str:
    return translate("PeopleImport", "The file is empty: it needs a header row with an email column and a name or "
                                     "last-name column.")


def too_many_columns(count: str, limit: str) -> str:
    return translate("PeopleImport", "The header row has {count} columns (at most {limit}): keep the columns of people "
                                     "(email, name, ...) and import that file.").format(count=count, limit=limit)


def column_repeats(title: str, first: str) -> str:
    text = translate("PeopleImport", "Column {title} repeats {first}; the first one is used.")
    return text.format(title=title, first=first)


def needs_columns(email: bool, name: bool, found: str) -> str:
    """The file lacks an email column (`email`), a name column (`name`), or both; `found`: its columns."""
    if email and name:
        text = translate("PeopleImport", "The file needs an email column (email, e-mail, email address) and a name or "
                                         "last-name column (name, full name, last name, surname). Columns found: "
                                         "{found}.")
    elif email:
        text = translate("PeopleImport", "The file needs an email column (email, e-mail, email address). Columns "
                                         "found: {found}.")
    else:
        text = translate("PeopleImport", "The file needs a name or last-name column (name, full name, last name, "
                                         "surname). Columns found: {found}.")
    return text.format(found=found)


def no_columns() -> str:
    return translate("PeopleImport", "none")


def more_columns(count: int) -> str:
    return translate("PeopleImport", "... ({count} columns)").format(count=count)


def unclosed_quote(reason: str, first: int, last: int) -> str:
    text = translate("PeopleImport", '{reason}: a quote (") opened in this row is never closed, so lines '
                                     "{first}-{last} of the file were read as this one row")
    return text.format(reason=reason, first=first, last=last)


def cell_too_long(limit: str) -> str:
    return translate("PeopleImport", "has a cell longer than {limit} characters (or a quote that is never closed); the "
                                     "row was not read").format(limit=limit)


def not_csv(problem: object) -> str:
    text = translate("PeopleImport", "cannot be read as CSV ({problem}); the row was not read")
    return text.format(problem=problem)


def save_as_csv() -> str:
    return translate("PeopleImport", "In Excel use File > Save As > CSV UTF-8 (Comma delimited), then import that "
                                     "file.")


def workbook() -> str:
    text = translate("PeopleImport", "This is an Excel workbook (.xlsx) or another ZIP file, not a CSV file. "
                                     "{save_as}")
    return text.format(save_as=save_as_csv())


def old_workbook() -> str:
    return translate("PeopleImport", "This is an Excel 97-2003 workbook (.xls), not a CSV file. {save_as}").format(
        save_as=save_as_csv())


def pdf() -> str:
    return translate("PeopleImport", "This is a PDF document, not a CSV file. Export the people as CSV (UTF-8) and "
                                     "import that file.")


def binary() -> str:
    return translate("PeopleImport", "This is not a text CSV file: it contains binary data. Export or save the people "
                                     "as CSV (UTF-8) and import that file.")


def bad_utf16(problem: str) -> str:
    return translate("PeopleImport", "The file starts like UTF-16 text but is not valid UTF-16 ({problem}). Save it "
                                     "again as CSV UTF-8 and import that file.").format(problem=problem)


# ---- a row ------------------------------------------------------------------------------------------------

def cells_differ(cells: int, header: int) -> str:
    text = translate("PeopleImport", "has {cells} cells but the header has {header}")
    return text.format(cells=cells, header=header)


def value_too_long(column: str, length: int, limit: int) -> str:
    text = translate("PeopleImport", "{column} is {length} characters long (at most {limit})")
    return text.format(column=column, length=length, limit=limit)


def email_missing() -> str:
    return translate("PeopleImport", "email is missing")


def email_control(email: str) -> str:
    text = translate("PeopleImport", "email {email} holds control characters; it is not a valid address")
    return text.format(email=email)


def email_invalid(email: str) -> str:
    return translate("PeopleImport", "email {email} is not a valid address").format(email=email)


def score_invalid(score: str) -> str:
    return translate("PeopleImport", "score {score} is not a whole number").format(score=score)


def type_invalid(kind: str) -> str:
    text = translate("PeopleImport", "type {type} is not lead or contact (leave it empty for a local-only person)")
    return text.format(type=kind)


def duplicate_row(row: int, first: int, email: str) -> str:
    return translate("PeopleImport", "row {row}: same email as row {first} ({email}); merged into one person").format(
        row=row, first=first, email=email)


def control_removed(row: int, columns: str) -> str:
    return translate("PeopleImport", "row {row}: control characters (line breaks, tabs, terminal escapes) removed "
                                     "from {columns}").format(row=row, columns=columns)


def formula_like(row: int, columns: str) -> str:
    return translate("PeopleImport", "row {row}: {columns} begins like a spreadsheet formula; stored as text, exports "
                                     "will neutralise it").format(row=row, columns=columns)


def type_differs(row: int, email: str, kind: str, wanted: str) -> str:
    """A person pulled from Dynamics whose type the file would change: Dynamics decides."""
    if kind == "lead":
        text = translate("PeopleImport", "row {row}: {email} is a lead in Dynamics; type {type} ignored")
    elif kind == "contact":
        text = translate("PeopleImport", "row {row}: {email} is a contact in Dynamics; type {type} ignored")
    else:
        return f"row {row}: {email} is a {kind} in Dynamics; type {wanted} ignored"
    return text.format(row=row, email=email, type=wanted)
