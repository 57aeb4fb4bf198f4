"""Connections dialog: profiles reach the store, secrets reach only the keyring, and Test connectivity runs live."""

import asyncio
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from campsync_gui.core import keychain
from campsync_gui.core.connections import Connection, resolve_connection, stored_profiles
from campsync_gui.core.settings import load_settings, save_settings
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.ui.tasks import TaskManager
from campsync_gui.ui.widgets.connection_form import NO_KEYRING_HINT
from campsync_gui.ui.widgets.connections_dialog import NO_PROFILE_TEXT, SESSION_ONLY_TEXT, ConnectionsDialog
from support import connection_for

SECRET = "s3cret-Value~only-in-keyring-7f3a"


@pytest.fixture(autouse=True)
def forget_session_secrets():
    """Secrets kept for "this session" live as long as the process: one test's must not reach the next."""
    yield
    keychain.forget_session_secrets()


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


async def answer_question(parent, button) -> str:
    """Wait for the window-modal question `parent` opens, click `button` in it, return the question's text."""
    for _ in range(500):
        boxes = [box for box in parent.findChildren(QMessageBox) if box.isVisible()]
        if boxes:
            text = boxes[0].text()
            boxes[0].button(button).click()
            return text
        await asyncio.sleep(0.01)
    raise AssertionError("no question was asked")


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


def test_without_a_keyring_declining_to_keep_the_secret_saves_the_profile_and_says_why(no_keyring, dialog, engine,
                                                                                      db_file, qtbot, qloop):
    assert dialog.secret_hint.isVisible() and dialog.secret_hint.text() == NO_KEYRING_HINT
    fill(dialog, secret=SECRET)
    with qtbot.assertNotEmitted(dialog.connection_changed):  # not before the question is answered
        click(qtbot, dialog.save_button)
    assert [p.name for p in stored_profiles(engine)] == ["contoso-prod"]
    with qtbot.waitSignal(dialog.connection_changed) as changed:
        question = qloop.run_until_complete(answer_question(dialog, QMessageBox.StandardButton.No))
        assert qloop.run_until_complete(dialog.saving) is False
    assert "No system keyring" in question and "for this session only" in question
    assert changed.args == ["contoso-prod"]
    assert "not saved" in dialog.message.text() and keychain.keyring_problem() in dialog.message.text()
    assert dialog.message.property("role") == "warning"
    assert resolve_connection(engine, environ={}).client_secret is None
    assert dialog.secret_edit.text() == SECRET, "still there, so the person can test with it or save again"
    assert SECRET.encode() not in store_bytes(db_file)


def test_without_a_keyring_saving_keeps_the_secret_for_this_session_for_the_app_and_writes_it_nowhere(
        no_keyring, dialog, engine, db_file, qtbot, qloop, tmp_path):
    log_file = tmp_path / "logs" / "campsync.log"
    log_file.parent.mkdir()
    handler = logging.FileHandler(log_file, encoding="utf-8")
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)  # everything anyone logs, so a secret in any message would land in the file
    seen_at_signal = []
    try:
        fill(dialog, secret=SECRET)
        # The window reconnects on this signal: by then the app must be able to read the secret.
        dialog.connection_changed.connect(
            lambda name: seen_at_signal.append((name, resolve_connection(engine, environ={}).client_secret)))
        click(qtbot, dialog.save_button)
        question = qloop.run_until_complete(answer_question(dialog, QMessageBox.StandardButton.Yes))
        assert "for this session only" in question and SECRET not in question
        assert qloop.run_until_complete(dialog.saving) is True
        assert dialog.message.text() == f"Saved connection 'contoso-prod'. {SESSION_ONLY_TEXT}"
        assert dialog.secret_edit.text() == "" and "this session only" in dialog.secret_edit.placeholderText()
        assert seen_at_signal == [("contoso-prod", SECRET)]

        conn = resolve_connection(engine, environ={})
        assert (conn.name, conn.client_secret, conn.secret_source) == ("contoso-prod", SECRET, "this session only")
        settings = QSettings()
        settings.setValue("probe/written", "so there is a settings file to look through")
        settings.sync()
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
        handler.close()
    assert "saved connection profile 'contoso-prod'" in log_file.read_text(encoding="utf-8")
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any("qsettings" in str(p) for p in files) and db_file in files
    assert [str(p) for p in files if SECRET.encode() in p.read_bytes()] == []


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


def rows_by_key(doctor):
    """Each step's row as the person reads it: (status, time, details)."""
    table = doctor.table
    return {key: tuple(table.item(row, col).text() for col in (1, 2, 3))
            for row, key in enumerate(r.key for r in doctor.report.results)}


def test_testing_a_typed_unsaved_host_typo_without_a_secret_reports_the_dns_failure(dialog, qtbot, qloop,
                                                                                      monkeypatch):
    monkeypatch.delenv("CAMPSYNC_CLIENT_SECRET", raising=False)
    fill(dialog, url="https://contoso.crm.dynamics.com")
    click(qtbot, dialog.save_button)
    dialog.url_edit.setText("https://contoso.crm4.dynamics.invalid")  # typed, not saved: Test checks this one
    click(qtbot, dialog.test_button)
    report = qloop.run_until_complete(dialog.doctor.running)
    rows = rows_by_key(dialog.doctor)
    assert rows["dns"][0] == "✘ FAIL"
    assert "'contoso.crm4.dynamics.invalid' does not resolve" in rows["dns"][2] and "typos" in rows["dns"][2]
    # No secret: a person signs in with their own account, which the configuration step says.
    assert rows["config"][0] == "✔ OK" and "a person signs in" in rows["config"][2]
    assert rows["tls"][0] == "· not run" and "needs DNS (failed)" in rows["tls"][2]
    assert dialog.doctor.summary.text().startswith("1 failed, 0 warnings, 12 not run"), \
        dialog.doctor.summary.text()
    assert not report.ok


def test_testing_a_signin_connection_with_nobody_signed_in_says_to_sign_in_and_ticks_no_later_step(
        org, dialog, qtbot, qloop, monkeypatch):
    monkeypatch.delenv("CAMPSYNC_CLIENT_SECRET", raising=False)
    conn = connection_for(org)
    fill(dialog, name="sandbox", url=conn.org_url, tenant=conn.tenant_id, client=conn.client_id, secret="",
         environment="sandbox", authority=conn.authority_host, ca_bundle=conn.ca_bundle)
    click(qtbot, dialog.test_button)
    report = qloop.run_until_complete(dialog.doctor.running)
    rows = rows_by_key(dialog.doctor)
    # What the typed URL allows still runs: the host resolves and its certificate is trusted; no page is opened.
    assert rows["dns"][0] == "✔ OK" and rows["tls"][0] == "✔ OK"
    assert rows["config"][0] == "✔ OK" and "a person signs in" in rows["config"][2]
    assert rows["token"][0] == "✘ FAIL" and "not signed in" in rows["token"][2]
    later = ["whoami", "version", "solution", "access", "capabilities", "privileges", "sync", "latency",
             "parallelism", "change_tracking"]
    for key in later:
        status, took, detail = rows[key]
        assert status == "· not run" and took == "" and detail.startswith("skipped — needs"), (key, rows[key])
    assert "needs Token from the authority (failed)" in rows["whoami"][2]
    ticked = [key for key, (status, _took, _detail) in rows.items() if "✔" in status or "OK" in status]
    assert not set(ticked) & {"token", *later}
    copied = report.to_text()
    assert all("✔" not in line for line in copied.splitlines() if "not run" in line)
