"""What a person is told about an import of people from a CSV file: the result box lists the errors and the
warnings under a summary worded for one or many, refusals and problems get the warning icon, and the status bar
ends with the outcome instead of "Importing…"."""

import asyncio
import time

import pytest
from PySide6.QtWidgets import QMessageBox

from campsync_gui.core.people_import import ImportReport, RowError
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.paths import AppPaths
from campsync_gui.ui.ask import tell, warn
from campsync_gui.ui.main_window import MainWindow
from campsync_gui.ui.session import AppSession
from support import connection_for

CP1252_HEADER = "first name,last name,email\n"


@pytest.fixture
def window(org, qtbot, qloop, tmp_path):
    paths = AppPaths(tmp_path / "home").ensure()
    session = AppSession(Workspace(open_store(paths.db_file), connection=connection_for(org)), paths)
    win = MainWindow(session)
    qtbot.addWidget(win)
    yield win
    qloop.run_until_complete(session.close())


def run_import(window, qloop, path):
    task = window.import_csv(str(path))
    qloop.run_until_complete(asyncio.wait([task], timeout=60))
    assert task.done()
    return task


def no_email_file(tmp_path):
    """One good row in Windows-1252 (ë is not UTF-8) and one row without an email: one error, one warning."""
    path = tmp_path / "no_email.csv"
    path.write_bytes((CP1252_HEADER + "Zoë,Müller,zoe@example.com\nNo,Email,\n").encode("cp1252"))
    return path


# ---- the result box ------------------------------------------------------------------------------

def test_an_import_with_one_error_and_one_encoding_warning_lists_both_in_singular(window, qloop, tmp_path):
    run_import(window, qloop, no_email_file(tmp_path))
    box = window.import_result
    assert box.isVisible(), "shown without blocking"
    assert box.text() == "1 created, 0 updated, 0 unchanged, 1 skipped (1 error, 1 warning)"
    details = box.informativeText()
    assert "Errors:\nRow 3: email is missing" in details
    assert "Warnings:\nThe file is not valid UTF-8; it was read as Windows-1252 (cp1252)" in details
    assert box.icon() == QMessageBox.Icon.Warning, "a summary with errors is not good news"
    box.close()


def test_a_clean_import_is_information_and_says_people_in_plural(window, qloop, tmp_path):
    path = tmp_path / "clean.csv"
    path.write_text(CP1252_HEADER + "Ada,Lovelace,ada@example.com\nAlan,Turing,alan@example.com\n", encoding="utf-8")
    run_import(window, qloop, path)
    assert window.import_result.text() == "2 created, 0 updated, 0 unchanged, 0 skipped (0 errors, 0 warnings)"
    assert window.import_result.informativeText() == ""
    assert window.import_result.icon() == QMessageBox.Icon.Information
    assert window.statusBar().currentMessage() == "Imported 2 people from clean.csv"
    window.import_result.close()


def test_a_refused_file_gets_the_warning_icon_and_says_why(window, qloop, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    run_import(window, qloop, path)
    box = window.import_result
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text().startswith("Nothing imported: The file is empty")
    assert window.statusBar().currentMessage().startswith("Nothing imported from empty.csv: The file is empty")
    box.close()


# ---- the status bar ------------------------------------------------------------------------------

def test_the_status_bar_shows_the_outcome_not_importing_once_the_import_is_over(window, qloop, tmp_path):
    statuses = []
    window.statusBar().messageChanged.connect(statuses.append)
    run_import(window, qloop, no_email_file(tmp_path))
    assert "Importing people from no_email.csv…" in statuses, "said while it ran"
    shown = window.statusBar().currentMessage()
    assert not shown.startswith("Importing")
    assert shown == "Imported 1 person from no_email.csv; 1 error, 1 warning"
    window.import_result.close()


def test_a_failed_import_clears_importing_and_shows_why(window, qloop, tmp_path, monkeypatch):
    async def broken_import(_path):
        raise OSError("the disk went away")

    monkeypatch.setattr(window.workspace, "import_people", broken_import)
    statuses = []
    window.statusBar().messageChanged.connect(statuses.append)
    task = window.import_csv(str(tmp_path / "people.csv"))
    qloop.run_until_complete(asyncio.wait([task]))
    assert statuses[0] == "Importing people from people.csv…"
    shown = window.statusBar().currentMessage()
    assert not shown.startswith("Importing") and "the disk went away" in shown
    assert getattr(window, "import_result", None) is None, "no result box for an import that did not run"


# ---- the report's words (Qt-free) ----------------------------------------------------------------

def test_the_report_words_one_and_many():
    one = ImportReport(created=1, skipped=1, errors=[RowError(3, "email is missing")], warnings=["w"])
    assert one.summary() == "1 created, 0 updated, 0 unchanged, 1 skipped (1 error, 1 warning)"
    assert one.outcome("x.csv") == "Imported 1 person from x.csv; 1 error, 1 warning"
    many = ImportReport(created=10, updated=2, unchanged=3, warnings=["a", "b"])
    assert many.summary() == "10 created, 2 updated, 3 unchanged, 0 skipped (0 errors, 2 warnings)"
    assert many.outcome("x.csv") == "Imported 12 people from x.csv (3 already up to date); 2 warnings"


def test_the_detail_lines_name_rows_and_stop_at_the_limit():
    report = ImportReport(errors=[RowError(row, "email is missing") for row in range(2, 30)],
                          warnings=["row 4: same email as row 2 (a@example.com); merged into one person",
                                    "The file is not valid UTF-8; it was read as Windows-1252 (cp1252)."])
    lines = report.detail_lines(limit=3)
    assert lines == ["Errors:", "Row 2: email is missing", "Row 3: email is missing", "Row 4: email is missing",
                     "... and 25 more", "",
                     "Warnings:", "Row 4: same email as row 2 (a@example.com); merged into one person",
                     "The file is not valid UTF-8; it was read as Windows-1252 (cp1252)."]


# ---- ui/ask.py -------------------------------------------------------------------------------------

def test_warn_shows_a_warning_box_without_blocking_and_tell_an_information_box(qtbot):
    started = time.monotonic()
    box = warn(None, "Import people", "Nothing imported", details="Row 2: email is missing")
    assert time.monotonic() - started < 2 and box.isVisible()
    assert box.icon() == QMessageBox.Icon.Warning and box.informativeText() == "Row 2: email is missing"
    box.close()
    info = tell(None, "Import people", "2 created")
    assert info.icon() == QMessageBox.Icon.Information and info.isVisible()
    info.close()
