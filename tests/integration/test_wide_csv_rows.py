"""Issue 13, finding 6: one row of 16 million cells (a 48 MB file) took an import to 1.36 GB, because the csv
module builds a row's whole list of cells before anything looks at it. A row is now bounded before it is parsed
(csv_limits: MAX_ROW_CHARS characters, MAX_ROW_CELLS cells): a row over a bound is refused with its row number,
the other rows are imported, memory stays bounded, and no traceback is shown.
"""

import tracemalloc

from sqlmodel import Session, select

from campsync_gui.core.models import Person
from campsync_gui.core.people_import import import_csv
from campsync_gui.core.store import open_store
from campsync_gui.paths import AppPaths
from support import run_cli

# The bounds of campsync_gui/core/csv_limits.py, written out: the messages below are what a person reads.
MAX_ROW_CELLS = 1000
MAX_ROW_CHARS = 1_048_576
HEADER = "name,email,company\n"
TOO_MANY_CELLS = (f"has more than {MAX_ROW_CELLS:,} cells (a CSV of people has one column per field); "
                  "the row was not read")
TOO_LONG = f"is longer than {MAX_ROW_CHARS:,} characters; the row was not read"


def emails(db_file) -> set[str]:
    with Session(open_store(db_file)) as session:
        return {p.email for p in session.exec(select(Person))}


def test_rows_over_the_bounds_are_refused_with_their_row_numbers_and_the_rest_imported(tmp_path):
    home = tmp_path / "home"
    path = tmp_path / "wide.csv"
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEADER + "Ada Lovelace,ada@example.org,Engines\n")
        out.write("x," * 300_000 + "x\n")  # row 3: 300,001 cells in 600 KB, under the length bound
        out.write("Grace Hopper,grace@example.org,Navy\n")
        out.write("Long Cell,long@example.org," + "y" * (MAX_ROW_CHARS + 10) + "\n")  # row 5: one line over 1 MB
        out.write("Alan Turing,alan@example.org,Bletchley\n")
    imported = run_cli(["people", "import", str(path)], home)
    assert imported.returncode == 0, imported.stderr
    assert imported.stderr == "", "no traceback, no problem line"
    assert imported.stdout.splitlines() == [
        "3 created, 0 updated, 0 unchanged, 2 skipped (2 errors, 0 warnings)",
        f"  row 3: {TOO_MANY_CELLS}",
        f"  row 5: {TOO_LONG}",
    ]
    assert emails(AppPaths(home).db_file) == {"ada@example.org", "grace@example.org", "alan@example.org"}


def test_row_numbers_stay_right_after_a_refused_row_spanning_quoted_lines(tmp_path):
    db = open_store(tmp_path / "campsync.db")
    path = tmp_path / "quoted.csv"
    # Row 3 is one record over three lines (quoted line breaks) with 1,500 cells; row 4 has no email.
    wide = ",".join(['"a\nb"'] * 2 + ["c"] * 1_500)
    path.write_text(HEADER + "Ada Lovelace,ada@example.org,Engines\n" + wide + "\nNo Email,,\n"
                    + "Grace Hopper,grace@example.org,Navy\n", encoding="utf-8")
    report = import_csv(db, path)
    assert [(e.row, e.reason) for e in report.errors] == [(3, TOO_MANY_CELLS), (4, "email is missing")]
    assert report.created == 2


def test_delimiters_inside_quoted_cells_are_not_cells(tmp_path):
    db = open_store(tmp_path / "campsync.db")
    path = tmp_path / "commas.csv"
    notes = '"' + "a, " * 5_000 + 'and ""more"", still one cell"'  # 5,000 commas inside one quoted cell
    path.write_text(f"name,email,notes\nAda Lovelace,ada@example.org,{notes}\n", encoding="utf-8")
    report = import_csv(db, path)
    assert (report.created, report.errors) == (1, [])


def test_a_header_wider_than_the_bound_refuses_the_file(tmp_path):
    home = tmp_path / "home"
    path = tmp_path / "header.csv"
    columns = ["name", "email"] + [f"extra {i}" for i in range(MAX_ROW_CELLS)]
    path.write_text(",".join(columns) + "\nAda Lovelace,ada@example.org" + "," * MAX_ROW_CELLS + "\n",
                    encoding="utf-8")
    imported = run_cli(["people", "import", str(path)], home)
    assert imported.returncode == 1
    assert imported.stdout.splitlines()[0] == (
        f"Nothing imported: The header row has {MAX_ROW_CELLS + 2:,} columns (at most {MAX_ROW_CELLS:,}): keep the "
        "columns of people (email, name, ...) and import that file.")
    assert not emails(AppPaths(home).db_file)


def test_a_4_mb_row_of_1_4_million_cells_is_refused_in_bounded_memory(tmp_path):
    """The issue's file, scaled down: before, this row alone took ~95 MB of Python objects (1.36 GB at 48 MB)."""
    db = open_store(tmp_path / "campsync.db")
    path = tmp_path / "huge_row.csv"
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEADER + "Ada Lovelace,ada@example.org,Engines\n")
        out.write("ab," * 1_400_000 + "end\n")  # 4.2 MB, 1.4 million distinct cell strings once parsed
        out.write("Grace Hopper,grace@example.org,Navy\n")
    tracemalloc.start()
    try:
        report = import_csv(db, path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 12 * 2**20, f"peak {peak / 2**20:.1f} MiB: a row is bounded by MAX_ROW_CHARS, not by the file"
    assert [(e.row, e.reason) for e in report.errors] == [(3, TOO_LONG)]
    assert report.created == 2
