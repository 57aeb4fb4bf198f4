"""Connections: the stored profiles on the left, one profile's form on the right; secrets go to the keyring only."""

from __future__ import annotations

import html
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QMessageBox, QPushButton, QSplitter, QToolButton,
                               QVBoxLayout, QWidget)
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from ... import keychain
from ...config import ENV_FIELDS, Connection, default_profile
from ...core.models import ConnectionProfile
from ...core.settings import forget_settings, load_settings
from ...dynamics.auth import DEFAULT_AUTHORITY_HOST
from ...dynamics.doctor import DoctorOptions
from ..theme import env_colour, icon, set_role
from .doctor_dialog import DoctorDialog

log = logging.getLogger(__name__)

ENVIRONMENTS = ("sandbox", "test", "production")
NO_PROFILE_TEXT = "No connection yet: CampSync is using its built-in sandbox org with demo data."
NameRole = Qt.ItemDataRole.UserRole
EnvironmentRole = Qt.ItemDataRole.UserRole + 1
DefaultRole = Qt.ItemDataRole.UserRole + 2
BADGE_SIZE = QSize(92, 18)


@dataclass(frozen=True)
class FormValues:
    """The non-secret fields as typed, trimmed; what a ConnectionProfile row stores."""

    name: str
    org_url: str
    tenant_id: str
    client_id: str
    authority_host: str
    ca_bundle: str | None
    environment: str


def badge_icon(environment: str, ratio: float = 1.0) -> QIcon:
    """The badge as an icon that looks the same selected or not (Qt would tint it when selected)."""
    pixmap = badge_pixmap(environment, ratio)
    result = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        result.addPixmap(pixmap, mode)
    return result


def badge_pixmap(environment: str, ratio: float = 1.0) -> QPixmap:
    """A fixed-width pill with the environment's name on its colour (production red, test amber, sandbox blue)."""
    pixmap = QPixmap(round(BADGE_SIZE.width() * ratio), round(BADGE_SIZE.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(env_colour(environment)))
    painter.drawRoundedRect(0, 1, BADGE_SIZE.width() - 4, BADGE_SIZE.height() - 2, 4, 4)
    font = QFont()
    font.setPixelSize(10)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(0, 1, BADGE_SIZE.width() - 4, BADGE_SIZE.height() - 2, Qt.AlignmentFlag.AlignCenter,
                     (environment or "unknown").upper())
    painter.end()
    return pixmap


class ConnectionsDialog(QDialog):
    """Add, edit, remove and choose the default of the stored connection profiles.

    `connection_changed(name)` fires when the default profile changes or the default profile is saved, so the
    window can reconnect; the name is "" when the last profile was removed (back to the built-in sandbox).
    """

    connection_changed = Signal(str)

    def __init__(self, store_engine: Engine, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Connections")
        self.resize(900, 560)
        self._engine = store_engine
        self._current: str | None = None  # the stored profile shown in the form; None while adding a new one
        self._snapshot: FormValues | None = None
        self._loading = False
        self.doctor: DoctorDialog | None = None

        self.banner = QLabel(NO_PROFILE_TEXT)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.env_note = QLabel()
        self.env_note.setTextFormat(Qt.TextFormat.PlainText)
        self.env_note.setWordWrap(True)
        set_role(self.env_note, "warning")
        overridden = [var for var in (*ENV_FIELDS, "CAMPSYNC_CLIENT_SECRET", "CAMPSYNC_ENVIRONMENT")
                      if os.environ.get(var, "").strip()]
        self.env_note.setText(f"Set in this process's environment, and used over the default profile: "
                              f"{', '.join(overridden)}." if overridden else "")
        self.env_note.setVisible(bool(overridden))

        # ---- left: the profiles
        self.profile_list = QListWidget()
        self.profile_list.setIconSize(BADGE_SIZE)
        self.profile_list.setMinimumWidth(240)
        self.profile_list.currentItemChanged.connect(self._on_current_item_changed)
        self.add_button = QPushButton(icon("add"), "Add")
        self.remove_button = QPushButton(icon("remove"), "Remove…")
        self.default_button = QPushButton(icon("default"), "Make default")
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

        # ---- right: the form
        self.form_title = QLabel()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("e.g. contoso-prod")
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://yourorg.crm.dynamics.com")
        self.url_message = self._message_label("error")
        self.tenant_edit = QLineEdit()
        self.tenant_edit.setPlaceholderText("Directory (tenant) ID of the app registration")
        self.client_edit = QLineEdit()
        self.client_edit.setPlaceholderText("Application (client) ID of the app registration")
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)  # Qt also disables copy/cut/drag for it
        self.secret_edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.secret_hint = self._message_label("warning")
        self.environment_combo = QComboBox()
        for env in ENVIRONMENTS:
            self.environment_combo.addItem(badge_icon(env, self.devicePixelRatioF()), env, env)
        self.environment_combo.setIconSize(BADGE_SIZE)

        self.advanced_toggle = QToolButton()
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.toggled.connect(self._show_advanced)
        self.advanced = QWidget()
        self.authority_edit = QLineEdit()
        self.authority_edit.setPlaceholderText(DEFAULT_AUTHORITY_HOST)
        self.authority_message = self._message_label("error")
        self.ca_edit = QLineEdit()
        self.ca_edit.setPlaceholderText("System certificates (leave empty)")
        self.ca_browse = QPushButton("Browse…")
        self.ca_browse.setAutoDefault(False)
        self.ca_browse.clicked.connect(self.browse_ca_bundle)
        self.ca_message = self._message_label("error")
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_browse)
        advanced_form = QFormLayout(self.advanced)
        advanced_form.setContentsMargins(0, 0, 0, 0)
        advanced_form.addRow("Authority host", self.authority_edit)
        advanced_form.addRow("", self.authority_message)
        advanced_form.addRow("CA bundle", ca_row)
        advanced_form.addRow("", self.ca_message)

        form = QFormLayout()
        form.addRow("Name", self.name_edit)
        form.addRow("Org URL", self.url_edit)
        form.addRow("", self.url_message)
        form.addRow("Tenant id", self.tenant_edit)
        form.addRow("Client id", self.client_edit)
        form.addRow("Client secret", self.secret_edit)
        form.addRow("", self.secret_hint)
        form.addRow("Environment", self.environment_combo)
        self.needed_label = self._message_label("hint")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.form_title)
        right_layout.addLayout(form)
        right_layout.addWidget(self.advanced_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        right_layout.addWidget(self.advanced)
        right_layout.addWidget(self.needed_label)
        right_layout.addStretch(1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 620])

        # ---- bottom: message and buttons
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.test_button = QPushButton(icon("test"), "Test connectivity")
        self.save_button = QPushButton(icon("save"), "Save")
        self.save_button.setProperty("primary", True)
        self.close_button = QPushButton("Close")
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

        for edit in (self.name_edit, self.url_edit, self.tenant_edit, self.client_edit, self.secret_edit,
                     self.authority_edit, self.ca_edit):
            edit.textChanged.connect(self._validate)
        self.environment_combo.currentIndexChanged.connect(self._validate)

        self._reload_list()
        first = self._effective_default()
        if first:
            self.select_profile(first)
        else:
            self._load_form(None)

    # ------------------------------------------------------------------ reading the store

    def profiles(self) -> list[ConnectionProfile]:
        with Session(self._engine) as session:
            return list(session.exec(select(ConnectionProfile).order_by(ConnectionProfile.name)))

    def profile_names(self) -> list[str]:
        return [self.profile_list.item(row).data(NameRole) for row in range(self.profile_list.count())]

    @property
    def current_name(self) -> str | None:
        """The stored profile in the form, or None while a new one is being added."""
        return self._current

    def _effective_default(self) -> str:
        # The same rule as resolve_connection(): the flagged profile, else the first one.
        profile = default_profile(self._engine)
        return profile.name if profile else ""

    def _reload_list(self) -> None:
        rows = self.profiles()
        default = self._effective_default()
        self._loading = True
        try:
            self.profile_list.clear()
            for p in rows:
                is_default = p.name == default
                item = QListWidgetItem(badge_icon(p.environment, self.devicePixelRatioF()),
                                       f"{p.name}   ★ default" if is_default else p.name)
                item.setData(NameRole, p.name)
                item.setData(EnvironmentRole, p.environment)
                item.setData(DefaultRole, is_default)
                item.setToolTip(f"{p.name}: {p.org_url} ({p.environment})" + (", the default" if is_default else ""))
                if is_default:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.profile_list.addItem(item)
        finally:
            self._loading = False
        self.banner.setVisible(not rows)

    # ------------------------------------------------------------------ the form

    def _message_label(self, role: str) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what was typed: never render it as HTML
        label.setWordWrap(True)
        set_role(label, role)
        label.hide()
        return label

    def select_profile(self, name: str) -> bool:
        for row in range(self.profile_list.count()):
            if self.profile_list.item(row).data(NameRole) == name:
                self.profile_list.setCurrentRow(row)
                return self._current == name
        return False

    def _on_current_item_changed(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if self._loading:
            return
        name = current.data(NameRole) if current is not None else None
        if name == self._current:
            return
        if not self._confirm_discard():
            self._loading = True
            try:
                self.profile_list.setCurrentItem(previous)
            finally:
                self._loading = False
            return
        self._load_form(name)
        self._show_message("")

    def _load_form(self, name: str | None) -> None:
        """Fill the form from the stored profile `name`, or blank for a new one. The secret is never read back."""
        profile = None
        if name is not None:
            with Session(self._engine) as session:
                profile = session.get(ConnectionProfile, name)
        self._current = profile.name if profile else None
        self._loading = True
        try:
            if profile is None:
                self.profile_list.setCurrentRow(-1)
            self.name_edit.setText(profile.name if profile else "")
            self.name_edit.setReadOnly(profile is not None)
            self.name_edit.setToolTip("The name keys this connection's keyring entry and settings, so it cannot "
                                      "change; add a new connection instead." if profile else "")
            self.url_edit.setText(profile.org_url if profile else "")
            self.tenant_edit.setText(profile.tenant_id if profile else "")
            self.client_edit.setText(profile.client_id if profile else "")
            self.secret_edit.clear()
            authority = profile.authority_host if profile else DEFAULT_AUTHORITY_HOST
            self.authority_edit.setText(authority or DEFAULT_AUTHORITY_HOST)
            self.ca_edit.setText((profile.ca_bundle or "") if profile else "")
            # A new connection starts as production: the careful choice (more confirmations, red everywhere).
            env = profile.environment if profile else "production"
            index = self.environment_combo.findData(env)
            self.environment_combo.setCurrentIndex(index if index >= 0 else ENVIRONMENTS.index("production"))
        finally:
            self._loading = False
        self.form_title.setText(f"<b>Connection {html.escape(profile.name)}</b>" if profile
                                else "<b>New connection</b>")
        non_default = bool(profile and (profile.ca_bundle or
                                        (profile.authority_host or DEFAULT_AUTHORITY_HOST) != DEFAULT_AUTHORITY_HOST))
        self.advanced_toggle.setChecked(non_default)
        self._show_advanced(non_default)
        self._snapshot = self.values()
        self._update_secret_hint()
        self._validate()
        if profile is None:
            self.name_edit.setFocus()

    def values(self) -> FormValues:
        return FormValues(
            name=self.name_edit.text().strip(),
            org_url=self.url_edit.text().strip().rstrip("/"),
            tenant_id=self.tenant_edit.text().strip(),
            client_id=self.client_edit.text().strip(),
            authority_host=self.authority_edit.text().strip().rstrip("/") or DEFAULT_AUTHORITY_HOST,
            ca_bundle=self.ca_edit.text().strip() or None,
            environment=self.environment_combo.currentData() or "production",
        )

    def is_dirty(self) -> bool:
        if self._snapshot is None:  # nothing loaded yet
            return False
        return self.values() != self._snapshot or bool(self.secret_edit.text())

    def problems(self) -> dict[str, str]:
        """What stops the form from being saved, by field; empty when it can be saved."""
        v = self.values()
        found: dict[str, str] = {}
        if not v.name:
            found["name"] = "a name"
        elif self._current is None and v.name in {p.name for p in self.profiles()}:
            found["name"] = f"a name not used yet ({v.name!r} exists)"
        if not v.org_url:
            found["org_url"] = "the org URL"
        else:
            problem = Connection(name=v.name, org_url=v.org_url).url_problem()
            if problem:
                found["org_url"] = problem
        if not v.tenant_id:
            found["tenant_id"] = "the tenant id"
        if not v.client_id:
            found["client_id"] = "the client id"
        parsed = urlparse(v.authority_host)
        if parsed.scheme != "https" or not parsed.hostname:
            found["authority_host"] = (f"The authority host must be an https:// address "
                                       f"(got {v.authority_host!r}); the default is {DEFAULT_AUTHORITY_HOST}.")
        if v.ca_bundle and not Path(v.ca_bundle).expanduser().is_file():
            found["ca_bundle"] = f"No file at {v.ca_bundle!r}: pick the PEM file of CA certificates, or clear it."
        return found

    def _validate(self) -> None:
        if self._loading:
            return
        found = self.problems()
        url_problem = found.get("org_url") if self.url_edit.text().strip() else None
        self._show_field_message(self.url_edit, self.url_message, url_problem)
        self._show_field_message(self.authority_edit, self.authority_message, found.get("authority_host"))
        self._show_field_message(self.ca_edit, self.ca_message, found.get("ca_bundle"))
        if found.get("authority_host") or found.get("ca_bundle"):
            self.advanced_toggle.setChecked(True)
        needed = [found[k] for k in ("name", "org_url", "tenant_id", "client_id")
                  if k in found and not (k == "org_url" and url_problem)]
        self.needed_label.setText(f"Needed before saving: {', '.join(needed)}." if needed else "")
        self.needed_label.setVisible(bool(needed))
        self.save_button.setEnabled(not found and (self._current is None or self.is_dirty()))
        self.remove_button.setEnabled(self._current is not None)
        self.default_button.setEnabled(self._current is not None and self._current != self._effective_default())

    def _show_field_message(self, edit: QLineEdit, label: QLabel, text: str | None) -> None:
        label.setText(text or "")
        label.setVisible(bool(text))
        edit.setProperty("invalid", bool(text))
        edit.style().unpolish(edit)
        edit.style().polish(edit)

    def _update_secret_hint(self) -> None:
        problem = keychain.keyring_problem()
        if problem:
            self.secret_edit.setPlaceholderText("No keyring here: the secret comes from CAMPSYNC_CLIENT_SECRET")
            self.secret_hint.setText(problem)
            self.secret_hint.setVisible(True)
            return
        self.secret_hint.hide()
        stored = self._current is not None and keychain.get_secret(self._current) is not None
        self.secret_edit.setPlaceholderText("A secret is stored in the keyring; type a new one to replace it"
                                            if stored else "No secret stored yet; paste the client secret value")

    def _show_advanced(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_toggle.setText("Advanced ▾" if shown else "Advanced ▸")

    def browse_ca_bundle(self) -> None:
        start = self.ca_edit.text().strip() or str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(self, "CA bundle (PEM file of CA certificates)", start,
                                                    "Certificates (*.pem *.crt *.cer);;All files (*)")
        if path:
            self.ca_edit.setText(path)

    def _show_message(self, text: str, level: str = "ok") -> None:
        self.message.setText(text)
        set_role(self.message, level)
        self.message.setVisible(bool(text))

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _confirm_discard(self) -> bool:
        if not self.is_dirty():
            return True
        what = f"the connection {self._current!r}" if self._current else "the new connection"
        return self._ask("Unsaved changes", f"Discard your changes to {what}?")

    # ------------------------------------------------------------------ actions

    def add_profile(self) -> None:
        if not self._confirm_discard():
            return
        self._load_form(None)
        self._show_message("")

    def save(self) -> bool:
        """Write the profile row (no secret) and put a typed secret into the keyring. True when saved."""
        found = self.problems()
        if found:
            self._show_message("Not saved: fix the fields marked in the form first.", "error")
            return False
        v = self.values()
        before = self._effective_default()
        with Session(self._engine) as session:
            row = session.get(ConnectionProfile, v.name)
            if row is None:
                first = session.exec(select(ConnectionProfile)).first() is None
                row = ConnectionProfile(name=v.name, org_url="", tenant_id="", client_id="", is_default=first)
            row.org_url, row.tenant_id, row.client_id = v.org_url, v.tenant_id, v.client_id
            row.authority_host, row.ca_bundle, row.environment = v.authority_host, v.ca_bundle, v.environment
            session.add(row)
            session.commit()
        log.info("saved connection profile %r (%s, %s)", v.name, v.environment, v.org_url)
        text, level = f"Saved connection {v.name!r}.", "ok"
        secret = self.secret_edit.text().strip()
        if secret:
            try:
                keychain.set_secret(v.name, secret)
            except RuntimeError as exc:  # no keyring: say so plainly; the rest is saved all the same
                text, level = f"{text} The secret was not saved. {exc}", "warning"
            else:
                text += " The secret is in the system keyring."
                self.secret_edit.clear()
        self._current = v.name
        self._reload_list()
        self.select_profile(v.name)
        self._snapshot = self.values()
        self.form_title.setText(f"<b>Connection {html.escape(v.name)}</b>")
        self.name_edit.setReadOnly(True)
        self._update_secret_hint()
        self._validate()
        self._show_message(text, level)
        after = self._effective_default()
        if after != before or after == v.name:
            self.connection_changed.emit(after)
        return True

    def remove_profile(self) -> bool:
        """Remove the selected profile and its keyring secret, after a confirmation. True when removed."""
        name = self._current
        if name is None:  # a new, unsaved connection: nothing stored to remove
            return False
        if not self._ask("Remove connection",
                         f"Remove the connection {name!r}? Its client secret is deleted from the keyring too."):
            return False
        before = self._effective_default()
        with Session(self._engine) as session:
            row = session.get(ConnectionProfile, name)
            if row is not None:
                session.delete(row)
                session.commit()
                forget_settings(self._engine, name)
            remaining = list(session.exec(select(ConnectionProfile).order_by(ConnectionProfile.name)))
            if remaining and not any(p.is_default for p in remaining):
                remaining[0].is_default = True  # make the fallback explicit, so the list marks it
                session.add(remaining[0])
                session.commit()
        keychain.delete_secret(name)
        log.info("removed connection profile %r", name)
        self._current = None
        self._snapshot = None
        self._reload_list()
        after = self._effective_default()
        if after:
            self._load_form(after)
            self.select_profile(after)
        else:
            self._load_form(None)
        self._show_message(f"Removed connection {name!r}.")
        if after != before:
            self.connection_changed.emit(after)
        return True

    def make_default(self) -> bool:
        name = self._current
        if name is None:
            return False
        before = self._effective_default()
        with Session(self._engine) as session:
            for p in session.exec(select(ConnectionProfile)).all():
                p.is_default = p.name == name
                session.add(p)
            session.commit()
        self._reload_list()
        self.select_profile(name)
        self._validate()
        self._show_message(f"{name!r} is now the default connection.")
        if name != before:
            self.connection_changed.emit(name)
        return True

    def form_connection(self) -> Connection:
        """The form's values as a Connection, with the typed secret, else the stored one, else the environment's."""
        v = self.values()
        typed = self.secret_edit.text().strip()
        stored = keychain.get_secret(self._current) if self._current and not typed else None
        env_secret = os.environ.get("CAMPSYNC_CLIENT_SECRET", "") if not (typed or stored) else ""
        if typed:
            secret, source = typed, "the form (not saved)"
        elif stored:
            secret, source = stored, "keyring"
        elif env_secret:
            secret, source = env_secret, "environment"
        else:
            secret, source = None, None
        return Connection(name=v.name or "(new connection)", org_url=v.org_url, tenant_id=v.tenant_id,
                          client_id=v.client_id, authority_host=v.authority_host, ca_bundle=v.ca_bundle,
                          environment=v.environment, client_secret=secret, secret_source=source)

    def test_connectivity(self) -> DoctorDialog:
        """Open the doctor on the form's current values; `self.doctor.running` is the task giving the report."""
        previous, self.doctor = self.doctor, None
        if previous is not None:
            previous.close()
            running = getattr(previous, "running", None)
            if running is not None and not running.done():
                running.cancel()  # its `finally` still touches the dialog: delete it only once it has ended
                running.add_done_callback(lambda _task: previous.deleteLater())
            else:
                previous.deleteLater()
        conn = self.form_connection()
        settings = load_settings(self._engine, self._current or conn.name)
        dialog = DoctorDialog(conn, DoctorOptions(
            campaign_sync_enabled=settings.campaign_sync_enabled,
            prerequisite_solution=settings.prerequisite_solution,
            prerequisite_min_version=settings.prerequisite_min_version), self)
        dialog.show()
        dialog.running = dialog.run()  # the task, so callers (and tests) can await the report
        self.doctor = dialog
        return dialog

    # ------------------------------------------------------------------ closing

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
