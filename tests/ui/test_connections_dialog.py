"""Connections dialog: profiles reach the store, secrets reach only the keyring, and Test connectivity runs live."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from campsync_gui.core import keychain
from campsync_gui.core.connections import Connection, stored_profiles
from campsync_gui.core.settings import load_settings, save_settings
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.ui.tasks import TaskManager
from campsync_gui.ui.widgets.connections_dialog import NO_PROFILE_TEXT, ConnectionsDialog
from support import connection_for

SECRET = "s3cret-Value~only-in-keyring-7f3a"


@pytest.fixture
def db_file(tmp_path) -> Path:
    return tmp_path / "home" / "campsync.db"


@pytest.fixture
def engine(db_file):
    engine = open_store(db_file)
    yield engine
    engine.dispose()


@pytest.fixture
def dialog(engine, qtbot):
    dlg = ConnectionsDialog(Workspace(engine, connection=Connection(name="sandbox")), TaskManager())
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


@pytest.fixture
def answer(monkeypatch):
    """Answers every QMessageBox.question (Yes by default) and records the questions asked."""
    asked = []
    reply = {"button": QMessageBox.StandardButton.Yes}

    def question(_parent, title, text, *_args, **_kwargs):
        asked.append((title, text))
        return reply["button"]

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked, reply


def fill(dlg, name="contoso-prod", url="https://contoso.crm.dynamics.com", tenant="tenant-1", client="client-1",
         secret="", environment="production", authority=None, ca_bundle=None):
    dlg.name_edit.setText(name)
    dlg.url_edit.setText(url)
    dlg.tenant_edit.setText(tenant)
    dlg.client_edit.setText(client)
    dlg.secret_edit.setText(secret)
    dlg.environment_combo.setCurrentIndex(dlg.environment_combo.findData(environment))
    if authority is not None:
        dlg.authority_edit.setText(authority)
    if ca_bundle is not None:
        dlg.ca_edit.setText(ca_bundle)


def click(qtbot, button):
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def store_bytes(db_file: Path) -> bytes:
    # WAL mode: recent rows may still be in campsync.db-wal, so read every file of the store.
    return b"".join(p.read_bytes() for p in sorted(db_file.parent.glob(db_file.name + "*")))


def test_add_save_and_remove_reach_the_store_and_the_secret_only_the_keyring(dialog, engine, db_file, qtbot,
                                                                              memory_keyring, answer):
    assert dialog.banner.isVisible() and dialog.banner.text() == NO_PROFILE_TEXT
    assert dialog.current_name is None and not dialog.save_button.isEnabled()

    fill(dialog, secret=SECRET, environment="production")
    with qtbot.waitSignal(dialog.connection_changed) as changed:  # the first profile becomes the default
        click(qtbot, dialog.save_button)
    assert changed.args == ["contoso-prod"]
    [row] = stored_profiles(engine)
    assert (row.name, row.org_url, row.tenant_id, row.client_id, row.environment, row.is_default) == \
        ("contoso-prod", "https://contoso.crm.dynamics.com", "tenant-1", "client-1", "production", True)
    assert keychain.get_secret("contoso-prod") == SECRET
    assert list(memory_keyring.store.values()) == [SECRET]
    assert "secret is in the system keyring" in dialog.message.text()
    assert not dialog.banner.isVisible()
    # The secret is never kept in, or read back into, the field; the placeholder says one is stored.
    assert dialog.secret_edit.text() == ""
    assert "stored in the keyring" in dialog.secret_edit.placeholderText()
    data = store_bytes(db_file)
    assert b"contoso.crm.dynamics.com" in data, "the grep must see the rows it is looking through"
    assert SECRET.encode() not in data

    click(qtbot, dialog.add_button)
    assert dialog.current_name is None and dialog.name_edit.text() == ""
    fill(dialog, name="fabrikam-test", url="https://fabrikam.crm4.dynamics.com/", environment="test",
         authority="https://login.microsoftonline.us")
    with qtbot.assertNotEmitted(dialog.connection_changed):  # not the default: the window need not reconnect
        click(qtbot, dialog.save_button)
    assert dialog.profile_names() == ["contoso-prod", "fabrikam-test"]
    fabrikam = {p.name: p for p in stored_profiles(engine)}["fabrikam-test"]
    assert fabrikam.org_url == "https://fabrikam.crm4.dynamics.com" and fabrikam.environment == "test"
    assert fabrikam.authority_host == "https://login.microsoftonline.us" and not fabrikam.is_default
    assert "No secret stored" in dialog.secret_edit.placeholderText()

    # Editing a stored profile: the name is fixed, other fields save in place.
    assert dialog.select_profile("contoso-prod")
    assert dialog.name_edit.isReadOnly() and dialog.secret_edit.text() == ""
    dialog.tenant_edit.setText("tenant-2")
    with qtbot.waitSignal(dialog.connection_changed) as changed:  # the default one was saved: reconnect
        click(qtbot, dialog.save_button)
    assert changed.args == ["contoso-prod"]
    assert {p.name: p.tenant_id for p in stored_profiles(engine)}["contoso-prod"] == "tenant-2"
    assert keychain.get_secret("contoso-prod") == SECRET, "saving without typing a secret keeps the stored one"

    # Remove asks first; "No" keeps everything.
    settings = load_settings(engine, "contoso-prod")
    settings.batch_size = 77  # an admin setting of this connection
    save_settings(engine, settings, "contoso-prod")
    asked, reply = answer
    reply["button"] = QMessageBox.StandardButton.No
    click(qtbot, dialog.remove_button)
    assert len(stored_profiles(engine)) == 2 and "contoso-prod" in asked[-1][1]
    reply["button"] = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(dialog.connection_changed) as changed:  # the default went: the other one takes over
        click(qtbot, dialog.remove_button)
    assert changed.args == ["fabrikam-test"]
    [left] = stored_profiles(engine)
    assert left.name == "fabrikam-test" and left.is_default
    assert keychain.get_secret("contoso-prod") is None
    assert load_settings(engine, "contoso-prod").batch_size != 77, "a new contoso-prod starts from the defaults"
    assert dialog.profile_names() == ["fabrikam-test"] and dialog.current_name == "fabrikam-test"

    with qtbot.waitSignal(dialog.connection_changed) as changed:
        click(qtbot, dialog.remove_button)
    assert changed.args == [""]  # no profile left: back to the built-in sandbox
    assert stored_profiles(engine) == [] and dialog.banner.isVisible()


def test_without_a_keyring_the_profile_is_saved_and_the_message_says_why(no_keyring, dialog, engine, db_file,
                                                                          qtbot):
    problem = keychain.keyring_problem()
    assert problem and dialog.secret_hint.isVisible() and dialog.secret_hint.text() == problem
    assert "CAMPSYNC_CLIENT_SECRET" in dialog.secret_edit.placeholderText()
    fill(dialog, secret=SECRET)
    click(qtbot, dialog.save_button)
    assert [p.name for p in stored_profiles(engine)] == ["contoso-prod"]
    assert dialog.message.isVisible()
    assert problem in dialog.message.text() and "not saved" in dialog.message.text()
    assert dialog.message.property("role") == "warning"
    assert SECRET.encode() not in store_bytes(db_file)


def test_a_bad_org_url_shows_the_message_and_disables_save(dialog, engine, qtbot):
    fill(dialog, url="")
    qtbot.keyClicks(dialog.url_edit, "http://contoso.crm.dynamics.com/main.aspx")
    assert dialog.url_message.isVisible()
    assert "must start with https://" in dialog.url_message.text()
    assert not dialog.save_button.isEnabled()
    assert not dialog.save(), "a direct call refuses too"

    dialog.url_edit.setText("https://contoso.crm.dynamics.com/main.aspx")
    assert "environment root" in dialog.url_message.text() and "main.aspx" in dialog.url_message.text()
    assert not dialog.save_button.isEnabled()

    dialog.url_edit.setText("https://contoso.crm.dynamics.com")
    assert not dialog.url_message.isVisible() and dialog.save_button.isEnabled()

    dialog.tenant_edit.clear()
    assert not dialog.save_button.isEnabled() and "tenant id" in dialog.needed_label.text()
    assert stored_profiles(engine) == []


def test_make_default_emits_connection_changed(dialog, engine, qtbot):
    fill(dialog, name="alpha", secret="a")
    click(qtbot, dialog.save_button)
    click(qtbot, dialog.add_button)
    fill(dialog, name="beta", environment="sandbox")
    click(qtbot, dialog.save_button)
    assert dialog.default_button.isEnabled()  # beta is not the default yet
    assert dialog.profile_list.item(0).data(Qt.ItemDataRole.UserRole + 2) is True  # alpha marked as default

    with qtbot.waitSignal(dialog.connection_changed) as changed:
        click(qtbot, dialog.default_button)
    assert changed.args == ["beta"]
    assert {p.name: p.is_default for p in stored_profiles(engine)} == {"alpha": False, "beta": True}
    assert "default" in dialog.profile_list.item(1).text() and "default" not in dialog.profile_list.item(0).text()
    assert not dialog.default_button.isEnabled()


def test_switching_profiles_with_unsaved_changes_asks(dialog, qtbot, answer):
    fill(dialog, name="alpha")
    click(qtbot, dialog.save_button)
    asked, reply = answer
    dialog.tenant_edit.setText("changed")
    reply["button"] = QMessageBox.StandardButton.No
    click(qtbot, dialog.add_button)
    assert asked and dialog.current_name == "alpha" and dialog.tenant_edit.text() == "changed"
    reply["button"] = QMessageBox.StandardButton.Yes
    click(qtbot, dialog.add_button)
    assert dialog.current_name is None and dialog.tenant_edit.text() == ""


def test_connectivity_on_a_sandbox_profile_passes_every_check(org, dialog, qtbot, qloop):
    conn = connection_for(org)
    fill(dialog, name="sandbox", url=conn.org_url, tenant=conn.tenant_id, client=conn.client_id,
         secret=conn.client_secret, environment="sandbox", authority=conn.authority_host, ca_bundle=conn.ca_bundle)
    click(qtbot, dialog.save_button)  # the secret goes to the keyring and leaves the field
    assert dialog.secret_edit.text() == ""
    click(qtbot, dialog.test_button)  # so the check uses the stored secret
    report = qloop.run_until_complete(dialog.doctor.running)
    assert report.ok, report.to_text()
    table = dialog.doctor.table
    assert all(table.item(row, 1).text().endswith("OK") for row in range(table.rowCount()))
    assert "secret from keyring" in table.item(0, 3).text()
    assert conn.client_secret not in report.to_text()


def test_connectivity_with_a_wrong_typed_secret_shows_the_token_failure(org, dialog, qtbot, qloop):
    conn = connection_for(org)
    fill(dialog, name="sandbox", url=conn.org_url, tenant=conn.tenant_id, client=conn.client_id,
         secret="wrong-secret-123", environment="sandbox", authority=conn.authority_host, ca_bundle=conn.ca_bundle)
    doctor = dialog.test_connectivity()  # on the form's values, unsaved
    report = qloop.run_until_complete(doctor.running)
    assert not report.ok
    token_row = [r.key for r in report.results].index("token")
    assert doctor.table.item(token_row, 1).text().endswith("FAIL")
    assert "client secret is wrong" in doctor.table.item(token_row, 3).text()
    assert "failed" in doctor.summary.text()
    assert "wrong-secret-123" not in report.to_text()
