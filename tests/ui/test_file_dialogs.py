"""ui/file_dialogs.py: each purpose's dialog starts in the folder last used for it, else in Documents or home,
never in the program's folder. The native dialog is replaced by a stand-in that records where it was opened."""

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from campsync_gui.ui import file_dialogs
from campsync_gui.ui.file_dialogs import default_folder, get_open_path, get_save_path, start_folder


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path):
    QCoreApplication.setOrganizationName("CampSyncTests")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


class StandInDialog:
    """Answers the next open/save dialog with `answer` and records the folder (or proposed path) it was given."""

    def __init__(self, monkeypatch):
        self.opened_at: list[str] = []
        self.answer = ""
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(self._ask))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self._ask))

    def _ask(self, _parent, _caption, start, _filters):
        self.opened_at.append(start)
        return self.answer, ""


@pytest.fixture
def dialog(monkeypatch):
    return StandInDialog(monkeypatch)


def test_the_first_dialog_starts_in_documents_or_home_not_the_programs_folder(dialog):
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    expected = documents if documents and Path(documents).is_dir() else \
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
    assert default_folder() == expected
    assert start_folder("import-people") == expected
    get_open_path(None, "import-people", "Import people")
    assert dialog.opened_at == [expected] and Path(expected).is_dir()


def test_an_open_dialog_starts_in_the_folder_remembered_for_its_purpose(dialog, tmp_path):
    folder = tmp_path / "exports from the CRM"
    folder.mkdir()
    dialog.answer = str(folder / "people.csv")
    assert get_open_path(None, "import-people", "Import people") == str(folder / "people.csv")
    dialog.answer = ""
    assert get_open_path(None, "import-people", "Import people") == ""
    assert dialog.opened_at[1] == str(folder), "the second dialog opens where the first one ended"
    assert start_folder("import-people") == str(folder), "a cancelled dialog does not forget it"
    assert start_folder("export-log") == default_folder(), "each purpose remembers its own folder"


def test_a_save_dialog_proposes_the_file_name_in_the_remembered_folder(dialog, tmp_path):
    dialog.answer = str(tmp_path / "log-1.csv")
    get_save_path(None, "export-log", "Export the log as CSV", "log-1.csv")
    get_save_path(None, "export-log", "Export the log as CSV", "log-2.csv")
    assert dialog.opened_at == [str(Path(default_folder()) / "log-1.csv"), str(tmp_path / "log-2.csv")]


def test_a_remembered_folder_that_is_gone_falls_back_to_the_default(tmp_path):
    gone = tmp_path / "removed"
    gone.mkdir()
    file_dialogs.remember_folder("import-people", str(gone / "people.csv"))
    assert start_folder("import-people") == str(gone)
    gone.rmdir()
    assert start_folder("import-people") == default_folder()
