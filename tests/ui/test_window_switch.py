"""Switching connection takes effect at once: the window reopens on the new default, no restart needed."""

import asyncio

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from campsync_gui.core.connections import ProfileFields
from campsync_gui.ui import app as app_module
from campsync_gui.ui.main_window import MainWindow


def _shown_window() -> MainWindow | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)


def _question_box() -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)


def test_a_new_default_connection_is_used_without_a_restart_when_the_operator_agrees(qapp, org, tmp_path,
                                                                                      monkeypatch):
    for var in ("CAMPSYNC_ORG_URL", "CAMPSYNC_TENANT_ID", "CAMPSYNC_CLIENT_ID", "CAMPSYNC_CLIENT_SECRET"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("CAMPSYNC_HOME", str(tmp_path / "home"))
    env = org.env()
    titles: list[str] = []

    def step():
        window = _shown_window()
        if window is None or window.tasks.busy() and not _question_box():
            QTimer.singleShot(100, step)
            return
        if window.windowTitle() not in titles:
            titles.append(window.windowTitle())
        if len(titles) == 1:
            if not window.tasks.running("switch connection"):
                # What the Connections dialog does when a profile is saved as the default.
                window.workspace.profiles.save(ProfileFields(
                    name="Team org", org_url=env["CAMPSYNC_ORG_URL"], tenant_id=env["CAMPSYNC_TENANT_ID"],
                    client_id=env["CAMPSYNC_CLIENT_ID"], authority_host=env["CAMPSYNC_AUTHORITY_HOST"],
                    ca_bundle=env["CAMPSYNC_CA_BUNDLE"], environment="test"),
                    secret=env["CAMPSYNC_CLIENT_SECRET"], make_default=True)
                window.offer_switch("Team org")
            elif (box := _question_box()) is not None:
                box.button(QMessageBox.StandardButton.Yes).click()
            QTimer.singleShot(100, step)
            return
        window.close()  # the second window, on the team org: the operator quits

    QTimer.singleShot(100, step)
    try:
        with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
            assert runner.run(app_module.main_async(qapp)) == 0
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert titles == ["CampSync — Built-in sandbox", "CampSync — Team org"]
