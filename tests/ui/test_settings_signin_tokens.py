"""Admin → Settings where a person signs in and nothing can encrypt the token cache (this machine): the dialog says
the tokens are kept in memory only, and ticking "Keep me signed in" moves them to the 0600 file at once, so the next
start signs the person in silently."""

import asyncio

import pytest
from PySide6.QtCore import Qt

from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.dynamics import token_cache
from campsync_gui.sandbox.signin_robot import sign_in_robot
from campsync_gui.ui.widgets.settings_dialog import SettingsDialog
from support import connection_for

OPERATOR = "operator@campsyncsandbox.onmicrosoft.com"


@pytest.fixture(autouse=True)
def no_plaintext_allowed(monkeypatch):
    monkeypatch.delenv("CAMPSYNC_ALLOW_PLAINTEXT_TOKEN_CACHE", raising=False)
    token_cache.forget_memory_caches()
    yield
    token_cache.forget_memory_caches()


def person_workspace(org, home):
    conn = connection_for(org, client_secret=None, secret_source=None,
                          browser=sign_in_robot(OPERATOR, verify=org.env()["CAMPSYNC_CA_BUNDLE"]))
    return Workspace(open_store(home / "campsync.db"), connection=conn, home=home)


def test_signin_tokens_kept_in_memory_move_to_the_private_file_when_the_person_allows_it(org, tmp_path, qtbot,
                                                                                          qloop):
    home = tmp_path / "home"
    home.mkdir()
    workspace = person_workspace(org, home)
    qloop.run_until_complete(workspace.sign_in_browser())
    assert workspace.token_storage()[0] == "memory only"

    dialog = SettingsDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.plaintext_check is not None and not dialog.plaintext_check.isChecked()
    assert "kept in memory only" in dialog.token_storage_label.text()
    dialog.plaintext_check.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    cache_file = home / "token_cache.json"
    assert cache_file.exists() and cache_file.stat().st_mode & 0o777 == 0o600
    assert workspace.token_storage()[0] == "plain file"
    assert qloop.run_until_complete(workspace.client.tokens.get_token())  # still signed in, from the file now
    qloop.run_until_complete(workspace.aclose())

    token_cache.forget_memory_caches()  # a new start: nothing in memory
    again = person_workspace(org, home)
    again.connection.browser = None  # no page may open: the sign-in must be silent
    assert again.account().username == OPERATOR
    assert qloop.run_until_complete(asyncio.wait_for(again.client.tokens.get_token(), 30))
    qloop.run_until_complete(again.aclose())


def test_signin_settings_show_no_token_choice_for_an_application_user(org, tmp_path, qtbot):
    workspace = Workspace(open_store(tmp_path / "campsync.db"), connection=connection_for(org), home=tmp_path)
    dialog = SettingsDialog(workspace)
    qtbot.addWidget(dialog)
    assert dialog.plaintext_check is None
