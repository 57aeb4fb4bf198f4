"""The window on the sandbox org: campaigns and people load, inactive campaigns are greyed, doctor runs live."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from campsync_gui.core.store import open_store
from campsync_gui.dynamics.connect import open_client
from campsync_gui.paths import AppPaths
from campsync_gui.ui.main_window import MainWindow
from campsync_gui.ui.models.campaigns import COL_NAME, RowRole
from campsync_gui.ui.session import AppSession
from support import connection_for


@pytest.fixture
def window(org, qtbot, qloop, tmp_path):
    def build(**overrides):
        paths = AppPaths(tmp_path / "home").ensure()
        conn = connection_for(org, **overrides)
        session = AppSession(paths, open_store(paths.db_file), conn)
        client = open_client(conn)
        win = MainWindow(session, client)
        qtbot.addWidget(win)
        built.append(client)
        return win

    built = []
    yield build
    for client in built:
        qloop.run_until_complete(client.aclose())


def test_campaigns_and_people_load_from_the_org(org, window, qloop):
    win = window()
    qloop.run_until_complete(win.refresh())
    model = win.campaign_model
    names = {model.index(r, COL_NAME).data() for r in range(model.rowCount())}
    assert names == {row["name"] for row in org.state.campaigns.values() if not row["istemplate"]}
    inactive = [model.index(r, COL_NAME) for r in range(model.rowCount())
                if not model.index(r, COL_NAME).data(RowRole).active]
    assert len(inactive) == 2
    assert inactive[0].data(Qt.ItemDataRole.ForegroundRole) is not None, "inactive campaigns are greyed"
    assert "Inactive in Dynamics" in inactive[0].data(Qt.ItemDataRole.ToolTipRole)
    assert win.people_model.rowCount() == len(org.state.leads) + len(org.state.contacts)
    assert "sandbox" in win.connection_label.text()


def test_connectivity_dialog_on_a_good_profile(window, qloop):
    win = window()
    dialog = win.open_doctor()
    report = qloop.run_until_complete(dialog.running)
    assert report.ok
    assert all(dialog.table.item(row, 1).text().endswith("OK") for row in range(dialog.table.rowCount()))
    dialog.copy_report()
    copied = QGuiApplication.clipboard().text()
    assert "All checks passed." in copied and win.session.connection.client_secret not in copied


def test_connectivity_dialog_on_a_broken_profile(window, qloop):
    win = window(client_secret="wrong-secret-123")
    dialog = win.open_doctor()
    report = qloop.run_until_complete(dialog.running)
    assert not report.ok
    token_row = [r.key for r in report.results].index("token")
    assert dialog.table.item(token_row, 1).text().endswith("FAIL")
    assert "client secret is wrong" in dialog.table.item(token_row, 3).text()
    assert "failed" in dialog.summary.text()
    assert "wrong-secret-123" not in report.to_text()
