"""Issue 13, finding 6, in the window: a CSV row over the bounds (more than 1,000 cells, or longer than 1,048,576
characters) is listed under the import's summary with its row number, as the command line shows it; the other
rows are imported."""

from test_import_feedback import run_import, window  # noqa: F401 (fixture)


def test_the_window_names_the_rows_over_the_bounds(window, qloop, tmp_path):  # noqa: F811
    path = tmp_path / "wide.csv"
    with open(path, "w", encoding="utf-8") as out:
        out.write("name,email\nAda Lovelace,ada@example.org\n")
        out.write("x," * 300_000 + "x\n")  # row 3: 300,001 cells
        out.write("Long Cell,long@example.org" + "y" * 1_100_000 + "\n")  # row 4: over 1,048,576 characters
        out.write("Grace Hopper,grace@example.org\n")
    run_import(window, qloop, path)
    box = window.import_result
    assert box.text() == "2 created, 0 updated, 0 unchanged, 2 skipped (2 errors, 0 warnings)"
    assert box.informativeText() == (
        "Errors:\n"
        "Row 3: has more than 1,000 cells (a CSV of people has one column per field); the row was not read\n"
        "Row 4: is longer than 1,048,576 characters; the row was not read")
    box.close()
