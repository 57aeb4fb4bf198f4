"""Settings dialog: values saved per connection, bad prefix/version refused with a message, sync_toggled on change only.

Also a smoke test of the theme (resources found, QSS applied, restored after)."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from campsync_gui.core.connections import Connection
from campsync_gui.core.settings import SyncSettings, load_settings, save_settings
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.resources import resource_path, resources_dir
from campsync_gui.ui.i18n import LANGUAGE_KEY, save_language, saved_language
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


def test_values_are_saved_per_connection(settings_dialog, engine, qtbot):
    dlg = settings_dialog("alpha")
    assert dlg.prefix_edit.text() == "CampSync" and dlg.batch_spin.value() == 500
    assert "CampSync-leads-<campaign id>" in dlg.prefix_preview.text()
    dlg.prefix_edit.clear()
    qtbot.keyClicks(dlg.prefix_edit, "Mkto")
    assert "Mkto-leads-<campaign id>" in dlg.prefix_preview.text()
    assert "Mkto-contacts-<campaign id>" in dlg.prefix_preview.text()
    assert dlg.prefix_change_warning.isVisible() and "'CampSync'" in dlg.prefix_change_warning.text()
    dlg.batch_spin.setValue(250)
    dlg.solution_edit.setText("Contoso Prereqs")
    dlg.version_edit.setText("5.1")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == dlg.DialogCode.Accepted

    assert load_settings(engine, "alpha") == SyncSettings(campaign_sync_enabled=True, list_prefix="Mkto",
                                                          batch_size=250, prerequisite_solution="Contoso Prereqs",
                                                          prerequisite_min_version="5.1")
    assert load_settings(engine, "beta") == SyncSettings(), "another connection keeps its own (default) values"
    again = settings_dialog("alpha")
    assert (again.prefix_edit.text(), again.batch_spin.value(), again.version_edit.text()) == ("Mkto", 250, "5.1")

    dlg = settings_dialog("alpha")
    dlg.batch_spin.setValue(5000)
    assert dlg.batch_spin.value() == 1000, "batch size is bounded to 1–1000"


@pytest.mark.parametrize("prefix, words", [("", "needed"), ("Camp Sync", "letters, digits and dashes"),
                                           ("Camp_Sync", "'_'"), ("x" * 21, "at most 20")])
def test_a_bad_prefix_is_refused_with_a_message(settings_dialog, engine, prefix, words):
    dlg = settings_dialog()
    dlg.prefix_edit.setText(prefix)
    assert dlg.prefix_message.isVisible() and words in dlg.prefix_message.text()
    assert not dlg.ok_button.isEnabled()
    dlg.accept()  # even called directly, nothing is saved and the dialog stays open
    assert dlg.isVisible() and load_settings(engine, "alpha") == SyncSettings()
    dlg.prefix_edit.setText("Good-Prefix-2")
    assert not dlg.prefix_message.isVisible() and dlg.ok_button.isEnabled()


@pytest.mark.parametrize("version", ["4.2.x", "v4", "4..2", "", "1.2.3.4.5"])
def test_a_bad_minimum_version_is_refused_with_a_message(settings_dialog, engine, version):
    dlg = settings_dialog()
    dlg.version_edit.setText(version)
    assert dlg.version_message.isVisible() and "dotted numbers" in dlg.version_message.text()
    assert not dlg.ok_button.isEnabled()
    dlg.accept()
    assert load_settings(engine, "alpha") == SyncSettings()
    dlg.version_edit.setText("4.2.0.1")
    assert not dlg.version_message.isVisible() and dlg.ok_button.isEnabled()


def test_sync_toggled_only_when_the_flag_changes(settings_dialog, engine, qtbot):
    dlg = settings_dialog()
    dlg.batch_spin.setValue(100)
    with qtbot.assertNotEmitted(dlg.sync_toggled):
        dlg.accept()

    dlg = settings_dialog()
    dlg.sync_check.setChecked(False)
    assert dlg.sync_warning.isVisible()
    with qtbot.waitSignal(dlg.sync_toggled) as toggled:
        dlg.accept()
    assert toggled.args == [False]
    assert load_settings(engine, "alpha").campaign_sync_enabled is False
    assert load_settings(engine, "alpha").batch_size == 100

    dlg = settings_dialog()
    assert not dlg.sync_check.isChecked()
    dlg.sync_check.setChecked(True)
    dlg.sync_check.setChecked(False)  # on and off again: no change in the end
    with qtbot.assertNotEmitted(dlg.sync_toggled):
        dlg.accept()

    dlg = settings_dialog()
    dlg.sync_check.setChecked(True)
    with qtbot.waitSignal(dlg.sync_toggled) as toggled:
        dlg.accept()
    assert toggled.args == [True]

    dlg = settings_dialog()
    dlg.sync_check.setChecked(False)
    with qtbot.assertNotEmitted(dlg.sync_toggled):
        dlg.reject()  # Cancel saves nothing
    assert load_settings(engine, "alpha").campaign_sync_enabled is True


def test_other_scopes_are_untouched(settings_dialog, engine):
    save_settings(engine, SyncSettings(list_prefix="Beta"), "beta")
    dlg = settings_dialog("alpha")
    dlg.prefix_edit.setText("Alpha")
    dlg.accept()
    assert load_settings(engine, "beta").list_prefix == "Beta"
    assert load_settings(engine, "alpha").list_prefix == "Alpha"


def test_the_language_is_chosen_here_and_saved_for_the_next_start(settings_dialog):
    """QSettings is this computer's real settings file here: the saved language is put back as it was."""
    had_key, before = QSettings().contains(LANGUAGE_KEY), saved_language()
    try:
        save_language("fr")
        dlg = settings_dialog()
        combo = dlg.language_combo
        assert [combo.itemText(i) for i in range(combo.count())] == ["System language", "English", "Français"]
        assert [combo.itemData(i) for i in range(combo.count())] == ["", "en", "fr"]
        assert combo.currentData() == "fr", "the dialog opens on the saved language"
        assert dlg.language_note.isVisible() and "next time CampSync starts" in dlg.language_note.text()

        combo.setCurrentIndex(combo.findData("en"))
        dlg.reject()
        assert saved_language() == "fr", "Cancel saves nothing"

        dlg = settings_dialog()
        dlg.language_combo.setCurrentIndex(dlg.language_combo.findData("en"))
        dlg.prefix_edit.setText("Camp Sync")
        dlg.accept()
        assert saved_language() == "fr", "with a problem left, the language is not saved either"
        dlg.prefix_edit.setText("CampSync")
        dlg.accept()
        assert dlg.result() == dlg.DialogCode.Accepted and saved_language() == "en"

        dlg = settings_dialog("beta")
        assert dlg.language_combo.currentData() == "en", "one language for every connection"
        dlg.language_combo.setCurrentIndex(0)
        dlg.accept()
        assert saved_language() == "", "System language: the system's decides at the next start"
    finally:
        save_language(before)
        if not had_key:
            QSettings().remove(LANGUAGE_KEY)


def test_theme_applies_light_and_dark_from_resources(qapp, monkeypatch, tmp_path):
    from campsync_gui.ui import theme

    assert resources_dir().is_dir()
    for name in ("light.qss", "dark.qss"):
        assert resource_path("style", name).is_file()
    assert not theme.app_icon().isNull()

    checkout = resources_dir()
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources", "a PyInstaller bundle's copy is under sys._MEIPASS"
    monkeypatch.undo()
    assert resources_dir() == checkout

    saved = (qapp.styleSheet(), qapp.palette(), qapp.style().name(), dict(theme._state))
    try:
        assert theme.apply_theme(qapp, "dark") == "dark"
        assert "#202124" in qapp.styleSheet() and qapp.palette().window().color().lightness() < 60
        assert theme.status_colour("fail") == theme.STATUS_COLOURS_DARK["fail"]
        assert theme.apply_theme(qapp, "light") == "light"
        assert "QHeaderView::section" in qapp.styleSheet() and qapp.palette().window().color().lightness() > 200
        assert qapp.setStyleSheet("") is None and qapp.style().name().lower() == "fusion"
        assert theme.apply_theme(qapp, "system") in ("light", "dark")
        with pytest.raises(ValueError):
            theme.apply_theme(qapp, "purple")
        assert set(theme.ENV_COLOURS) == {"sandbox", "test", "production"}
        assert {"ok", "warning", "error"} <= set(theme.STATUS_COLOURS)
    finally:
        style_sheet, palette, style, state = saved
        qapp.setStyleSheet(style_sheet)
        qapp.setPalette(palette)
        qapp.setStyle(style)
        theme._state.update(state)
        theme._state["mode"] = "light"  # the listener stays connected; make it ignore scheme changes
        assert isinstance(QApplication.instance(), QApplication)
