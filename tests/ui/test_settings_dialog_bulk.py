"""Settings dialog, bulk requests: the first size, the ceiling and the timeout of CreateMultiple, shown, bounded,
saved per connection."""

import pytest
from PySide6.QtCore import Qt

from campsync_gui.core.connections import Connection
from campsync_gui.core.settings import SyncSettings, load_settings, save_settings
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.ui.widgets.settings_dialog import SettingsDialog


@pytest.fixture
def engine(tmp_path):
    engine = open_store(tmp_path / "campsync.db")
    yield engine
    engine.dispose()


@pytest.fixture
def settings_dialog(engine, qtbot):
    def build(scope="alpha"):
        dlg = SettingsDialog(Workspace(engine, connection=Connection(name=scope)))
        qtbot.addWidget(dlg)
        dlg.show()
        return dlg

    return build


def test_the_bulk_request_settings_are_shown_explained_and_saved(settings_dialog, engine, qtbot):
    dlg = settings_dialog()
    spins = (dlg.create_start_spin, dlg.create_max_spin, dlg.bulk_timeout_spin)
    assert all(spin.isVisible() for spin in spins)
    assert [spin.value() for spin in spins] == [200, 1000, 180], "the defaults"
    assert dlg.bulk_timeout_spin.suffix() == " s"
    hints = [label.text() for label in dlg.findChildren(type(dlg.create_message)) if label.isVisible()]
    assert any("sends fewer when the org is slow" in text for text in hints)

    dlg.create_start_spin.setValue(100)
    dlg.create_max_spin.setValue(400)
    dlg.bulk_timeout_spin.setValue(300)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == dlg.DialogCode.Accepted
    saved = load_settings(engine, "alpha")
    assert (saved.create_batch_start, saved.create_batch_max, saved.bulk_timeout_s) == (100, 400, 300)
    assert load_settings(engine, "beta") == SyncSettings(), "another connection keeps the defaults"

    again = settings_dialog()
    assert [spin.value() for spin in (again.create_start_spin, again.create_max_spin, again.bulk_timeout_spin)] \
        == [100, 400, 300]


def test_bounds_and_a_first_size_above_the_maximum_is_refused(settings_dialog, engine):
    dlg = settings_dialog()
    dlg.create_max_spin.setValue(5000)
    assert dlg.create_max_spin.value() == 1000, "Dataverse advises at most 1,000 records per request"
    dlg.bulk_timeout_spin.setValue(5)
    assert dlg.bulk_timeout_spin.value() == 30, "bulk requests are never given less than 30 s"
    dlg.create_max_spin.setValue(150)
    assert dlg.create_message.isVisible() and "more leads than the maximum (150)" in dlg.create_message.text()
    assert not dlg.ok_button.isEnabled()
    dlg.accept()
    assert load_settings(engine, "alpha") == SyncSettings(), "nothing saved"
    dlg.create_start_spin.setValue(150)
    assert not dlg.create_message.isVisible() and dlg.ok_button.isEnabled()


def test_other_settings_saved_by_the_dialog_keep_the_bulk_values(settings_dialog, engine):
    save_settings(engine, SyncSettings(create_batch_start=50, create_batch_max=600, bulk_timeout_s=240), "alpha")
    dlg = settings_dialog()
    dlg.prefix_edit.setText("Mkto")
    dlg.accept()
    saved = load_settings(engine, "alpha")
    assert (saved.list_prefix, saved.create_batch_start, saved.create_batch_max, saved.bulk_timeout_s) == \
        ("Mkto", 50, 600, 240)
