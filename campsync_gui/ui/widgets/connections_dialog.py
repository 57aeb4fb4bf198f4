"""Connections: the stored profiles on the left, one profile's form on the right; secrets go to the keyring only
(or, where the machine has none and the person agrees, stay in memory for this session)."""

from __future__ import annotations

import asyncio
import os

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSplitter, QVBoxLayout, QWidget

from ...core import keychain
from ...core.connections import ENV_FIELDS, ProfileSaved
from ...core.workspace import Workspace
from ..ask import confirmed
from ..i18n import translate
from ..tasks import TaskManager
from ..theme import icon, set_role
from .connection_form import ConnectionForm
from .doctor_dialog import DoctorDialog
from .profile_list import ProfileList

# English at import time (before the translator is installed): translated where shown.
NO_PROFILE_TEXT = QT_TRANSLATE_NOOP("ConnectionsDialog",
                                    "No connection yet: CampSync is using its built-in sandbox org with demo data.")
SESSION_ONLY_TEXT = QT_TRANSLATE_NOOP("ConnectionsDialog", "No system keyring found: the secret is kept for this "
                                                           "session only; you will be asked again next time.")


class ConnectionsDialog(QDialog):
    """Add, edit, remove and choose the default of the stored connection profiles."""

    # The default profile changed or was saved, so the window can reconnect: its name, or "" when the last profile
    # was removed (back to the built-in sandbox).
    connection_changed = Signal(str)

    def __init__(self, workspace: Workspace, tasks: TaskManager, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ConnectionsDialog", "Connections"))
        self.resize(900, 560)
        self._workspace = workspace
        self._profiles = workspace.profiles
        self._tasks = tasks
        self._default = ""  # the default profile as the list shows it
        self.doctor: DoctorDialog | None = None
        self.saving: asyncio.Task | None = None  # the question about keeping a secret for this session, if asked

        self.banner = QLabel(translate("ConnectionsDialog", NO_PROFILE_TEXT))
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.env_note = QLabel()
        self.env_note.setTextFormat(Qt.TextFormat.PlainText)
        self.env_note.setWordWrap(True)
        set_role(self.env_note, "warning")
        overridden = [var for var in (*ENV_FIELDS, "CAMPSYNC_CLIENT_SECRET", "CAMPSYNC_ENVIRONMENT")
                      if os.environ.get(var, "").strip()]
        note = translate("ConnectionsDialog", "Set in this process's environment, and used over the default profile: "
                                              "{variables}.")
        self.env_note.setText(note.format(variables=", ".join(overridden)) if overridden else "")
        self.env_note.setVisible(bool(overridden))

        # ---- left: the profiles
        self.profile_list = ProfileList()
        self.profile_list.picked.connect(self._on_picked)
        self.add_button = QPushButton(icon("add"), translate("ConnectionsDialog", "Add"))
        self.remove_button = QPushButton(icon("remove"), translate("ConnectionsDialog", "Remove…"))
        self.default_button = QPushButton(icon("default"), translate("ConnectionsDialog", "Make default"))
        self.add_button.clicked.connect(self.add_profile)
        self.remove_button.clicked.connect(self.remove_profile)
        self.default_button.clicked.connect(self.make_default)
        list_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.default_button):
            list_buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.profile_list, 1)
        left_layout.addLayout(list_buttons)

        # ---- right: the form; its fields are the dialog's too, as a person (and a test) reaches them
        self.form = ConnectionForm(self._profiles)
        self.form.edited.connect(self._update_buttons)
        f = self.form
        self.name_edit, self.url_edit, self.tenant_edit, self.client_edit = (f.name_edit, f.url_edit,
                                                                            f.tenant_edit, f.client_edit)
        self.secret_edit, self.secret_hint, self.environment_combo = f.secret_edit, f.secret_hint, f.environment_combo
        self.authority_edit, self.ca_edit = f.authority_edit, f.ca_edit
        self.url_message, self.needed_label = f.url_message, f.needed_label

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 620])

        # ---- bottom: message and buttons
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.test_button = QPushButton(icon("test"), translate("ConnectionsDialog", "Test connectivity"))
        self.save_button = QPushButton(icon("save"), translate("ConnectionsDialog", "Save"))
        self.save_button.setProperty("primary", True)
        self.close_button = QPushButton(translate("ConnectionsDialog", "Close"))
        for button in (self.add_button, self.remove_button, self.default_button, self.test_button,
                       self.close_button):
            button.setAutoDefault(False)
        self.save_button.setDefault(True)  # Enter in a field saves
        self.test_button.clicked.connect(self.test_connectivity)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close_requested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.test_button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.env_note)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

        self._reload_list()
        self._show(self._default or None)

    # ---- what is shown

    def profile_names(self) -> list[str]:
        return self.profile_list.names()

    @property
    def current_name(self) -> str | None:
        """The stored profile in the form, or None while a new one is being added."""
        return self.form.current

    def select_profile(self, name: str) -> bool:
        """Show the stored profile `name`, as a click on it would (asking first about unsaved changes)."""
        if name not in self.profile_list.names():
            return False
        self.profile_list.select(name)
        self._on_picked(name)
        return self.current_name == name

    def _on_picked(self, name: str) -> None:
        if name == self.current_name:
            return
        if not self._confirm_discard():
            self.profile_list.select(self.current_name)  # stay where the unsaved changes are
            return
        self._show(name)
        self._show_message("")

    def _show(self, name: str | None) -> None:
        self.form.show_profile(name)
        self.profile_list.select(self.current_name)

    def _reload_list(self) -> None:
        profiles = self._profiles.list()
        self._default = self._profiles.default_name()
        self.profile_list.show_profiles(profiles, self._default, self.current_name)
        self.banner.setVisible(not profiles)
        self._update_buttons()

    def _update_buttons(self) -> None:
        current = self.current_name
        self.save_button.setEnabled(self.form.can_save())
        self.remove_button.setEnabled(current is not None)
        self.default_button.setEnabled(current is not None and current != self._default)

    def _show_message(self, text: str, level: str = "ok") -> None:
        self.message.setText(text)
        set_role(self.message, level)
        self.message.setVisible(bool(text))

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _confirm_discard(self) -> bool:
        if not self.form.is_dirty():
            return True
        if self.current_name:
            text = translate("ConnectionsDialog", "Discard your changes to the connection {name}?").format(
                name=repr(self.current_name))
        else:
            text = translate("ConnectionsDialog", "Discard your changes to the new connection?")
        return self._ask(translate("ConnectionsDialog", "Unsaved changes"), text)

    # ---- actions: one call each on the core's profiles, whose rules (the first profile is the default, removing
    # the default passes it on) are those `campsync profile` follows too

    def add_profile(self) -> None:
        if not self._confirm_discard():
            return
        self._show(None)
        self._show_message("")

    def save(self) -> bool:
        """Save the form's profile; a typed secret goes to the keyring, never the store. True when saved.

        When no keyring takes the secret, the profile is saved all the same and `self.saving` asks whether to keep
        the secret for this session only; `connection_changed` then comes once that is answered."""
        if self.form.problems():
            self._show_message(translate("ConnectionsDialog", "Not saved: fix the fields marked in the form first."),
                               "error")
            return False
        before = self._default
        secret = self.form.typed_secret()
        forget_secret = self.form.unused_secret()
        try:
            saved = self._profiles.save(self.form.values(), secret=secret)
        except ValueError as exc:  # the core refuses what the form let through: its word is the last
            self._show_message(translate("ConnectionsDialog", "Not saved: {reason}").format(reason=exc), "error")
            return False
        if forget_secret:  # now "Sign in as me": a secret left in the keyring would still be used
            keychain.delete_secret(saved.name)
        self.form.mark_saved(secret_taken=saved.secret_saved)  # a refused secret stays in the field for now
        self._reload_list()
        if saved.secret_problem:
            text = translate("ConnectionsDialog", "Saved connection {name}. The secret is not stored yet.")
            self._show_message(text.format(name=repr(saved.name)), "warning")
            self.saving = self._tasks.start("keep secret", self._offer_session_secret(saved, secret, before),
                                            replace=True)
            return True
        if saved.secret_saved:
            text = translate("ConnectionsDialog", "Saved connection {name}. The secret is in the system keyring.")
        else:
            text = translate("ConnectionsDialog", "Saved connection {name}.")
        self._show_message(text.format(name=repr(saved.name)))
        self._announce_saved(before, saved.name)
        return True

    async def _offer_session_secret(self, saved: ProfileSaved, secret: str, before: str) -> bool:
        """Ask (window-modal, no nested loop) to keep the secret in memory until quit; True when kept."""
        reason = (translate("ConnectionsDialog",
                            "No system keyring found on this machine, so the secret cannot be stored.")
                  if keychain.keyring_problem() else saved.secret_problem)
        question = translate("ConnectionsDialog",
                             "{reason}\n\nKeep the secret of {name} for this session only? It stays in CampSync's "
                             "memory until you quit, and you will be asked for it again next time.\n\n"
                             "No: the connection stays saved without its secret.")
        keep = await confirmed(self, translate("ConnectionsDialog", "Keep the secret for this session?"),
                               question.format(reason=reason, name=repr(saved.name)))
        if keep:
            keychain.keep_for_session(saved.name, secret)
            if self.current_name == saved.name:
                self.form.mark_saved(secret_taken=True)
            self._show_message(translate("ConnectionsDialog", "Saved connection {name}. {session_only}").format(
                name=repr(saved.name), session_only=translate("ConnectionsDialog", SESSION_ONLY_TEXT)), "warning")
        else:
            text = translate("ConnectionsDialog", "Saved connection {name}. The secret was not saved. {problem}")
            self._show_message(text.format(name=repr(saved.name), problem=saved.secret_problem), "warning")
        # Only now: the window reconnecting on this signal reads the secret kept above.
        self._announce_saved(before, saved.name)
        return keep

    def _announce_saved(self, before: str, name: str) -> None:
        if self._default != before or self._default == name:
            self.connection_changed.emit(self._default)

    def remove_profile(self) -> bool:
        """Remove the shown profile, its settings and its keyring secret, after a confirmation. True when removed."""
        name = self.current_name
        if name is None:  # a new, unsaved connection: nothing stored to remove
            return False
        if not self._ask(translate("ConnectionsDialog", "Remove connection"),
                         translate("ConnectionsDialog", "Remove the connection {name}? Its client secret is deleted "
                                                        "from the keyring too.").format(name=repr(name))):
            return False
        before = self._default
        after = self._profiles.remove(name)
        self._show(after or None)
        self._reload_list()
        self._show_message(translate("ConnectionsDialog", "Removed connection {name}.").format(name=repr(name)))
        if after != before:
            self.connection_changed.emit(after)
        return True

    def make_default(self) -> bool:
        name = self.current_name
        if name is None:
            return False
        before = self._default
        self._profiles.make_default(name)
        self._reload_list()
        self._show_message(translate("ConnectionsDialog", "{name} is now the default connection.").format(
            name=repr(name)))
        if name != before:
            self.connection_changed.emit(name)
        return True

    def test_connectivity(self) -> DoctorDialog:
        """Open the doctor on the form's current values; `self.doctor.running` is the task giving the report."""
        self._retire_doctor()
        conn = self.form.connection()
        dialog = DoctorDialog(conn, lambda on_result: self._workspace.test_connectivity(conn, on_result=on_result),
                              self._tasks, self)
        dialog.show()
        dialog.run()
        self.doctor = dialog
        return dialog

    def _retire_doctor(self) -> None:
        previous, self.doctor = self.doctor, None
        if previous is None:
            return
        previous.close()
        running = previous.running
        if running is not None and not running.done():
            running.cancel()  # its `finally` still touches the dialog: delete it only once it has ended
            running.add_done_callback(lambda _task: previous.deleteLater())
        else:
            previous.deleteLater()

    # ---- closing

    def close_requested(self) -> None:
        """Close (button or Escape): asks first when there are unsaved changes."""
        if self._confirm_discard():
            self.reject()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_requested()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        # Only a person closing the window is asked; a programmatic close() (the app quitting, tests) is not.
        if event.spontaneous() and not self._confirm_discard():
            event.ignore()
            return
        super().closeEvent(event)
