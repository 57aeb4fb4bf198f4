"""The window pointed at a team's PostgreSQL store that cannot be used yet says why, in words, and what to do: not
an "unexpected error" with a traceback in the log."""

import asyncio

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from campsync_gui.ui import app as app_module


def _store_box() -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)


def test_team_the_window_on_a_store_not_upgraded_yet_names_campsync_db_upgrade(qapp, pg_url, tmp_path, monkeypatch):
    monkeypatch.setenv("CAMPSYNC_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CAMPSYNC_DATABASE_URL", pg_url)
    shown = []

    def read_and_close():
        box = _store_box()
        if box is None:
            QTimer.singleShot(50, read_and_close)
            return
        shown.append((box.windowTitle(), box.text()))
        box.button(QMessageBox.StandardButton.Close).click()

    QTimer.singleShot(50, read_and_close)
    try:
        with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
            assert runner.run(app_module.main_async(qapp)) == 2
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    [(title, text)] = shown
    assert title == "CampSync — the store cannot be opened"
    assert "campsync db upgrade" in text and "has no CampSync tables yet" in text
    assert pg_url.split("@")[0].split(":")[-1] not in text, "the password is never shown"
