"""Open and save dialogs that start where the person last went for the same purpose.

Qt's static dialogs given no folder open in the program's working directory (the install folder when started
from a shortcut) and forget where the person went. Here each purpose ("import-people", "export-log", ...)
remembers its last folder in QSettings; the first time it starts in Documents, else the home folder.

The dialogs are the static QFileDialog functions, modal: call these from a slot, never inside a coroutine
(see ui/ask.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from .i18n import translate

SETTINGS_GROUP = "fileDialogs"
# English at import time (before the translator is installed): translated when a dialog opens.
CSV_FILTER = QT_TRANSLATE_NOOP("FileDialogs", "CSV files (*.csv);;All files (*)")


def _key(purpose: str) -> str:
    return f"{SETTINGS_GROUP}/{purpose}"


def default_folder() -> str:
    """The user's Documents folder if there is one, else their home folder."""
    for location in (QStandardPaths.StandardLocation.DocumentsLocation,
                     QStandardPaths.StandardLocation.HomeLocation):
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir():  # Documents is named on Linux even where it was never created
            return folder
    return str(Path.home())


def start_folder(purpose: str) -> str:
    """Where a dialog for `purpose` opens: the folder remembered for it while it still exists, else the default."""
    remembered = QSettings().value(_key(purpose), "", type=str)
    if remembered and Path(remembered).is_dir():
        return remembered
    return default_folder()


def remember_folder(purpose: str, path: str) -> None:
    """Remember the folder of the file `path` chosen for `purpose`."""
    QSettings().setValue(_key(purpose), str(Path(path).parent))


def get_open_path(parent: QWidget | None, purpose: str, caption: str, filters: str | None = None) -> str:
    """Ask for a file to open; '' when the person cancels. `filters`: already translated (default: CSV files)."""
    filters = filters or translate("FileDialogs", CSV_FILTER)
    path, _filter = QFileDialog.getOpenFileName(parent, caption, start_folder(purpose), filters)
    if path:
        remember_folder(purpose, path)
    return path


def get_save_path(parent: QWidget | None, purpose: str, caption: str, file_name: str,
                  filters: str | None = None) -> str:
    """Ask where to save, proposing `file_name` in the start folder; '' when the person cancels. `filters`: already
    translated (default: CSV files)."""
    filters = filters or translate("FileDialogs", CSV_FILTER)
    proposed = str(Path(start_folder(purpose)) / file_name)
    path, _filter = QFileDialog.getSaveFileName(parent, caption, proposed, filters)
    if path:
        remember_folder(purpose, path)
    return path
