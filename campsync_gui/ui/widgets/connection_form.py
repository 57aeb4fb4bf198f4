"""One connection profile's form: its fields, the Advanced section, and by field what stops it from being saved."""

from __future__ import annotations

import html
import os
from pathlib import Path
from urllib.parse import urlparse

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QToolButton, QVBoxLayout, QWidget)

from ...core import keychain
from ...core.connections import Connection, ProfileFields, Profiles
from ...dynamics.auth import DEFAULT_AUTHORITY_HOST
from ..i18n import translate
from ..theme import set_role
from .environment_badge import BADGE_SIZE, ENVIRONMENTS, badge_icon, environment_name

# The texts below are English at import time (before the translator is installed): translated where shown.
NO_KEYRING_HINT = QT_TRANSLATE_NOOP(
    "ConnectionForm", "No system keyring found on this machine: a secret saved here can be kept for this session only "
                      "(in memory until CampSync quits; you will be asked again next time), or set "
                      "CAMPSYNC_CLIENT_SECRET before starting CampSync.")


# How the connection signs in: what the person picks, and what each needs (ProfileFields / keyring).
SIGN_IN_CHOICES = (
    # a client id only: a public client, the person signs in
    ("user", QT_TRANSLATE_NOOP("ConnectionForm", "Sign in as me (work account)")),
    # an application user; the secret goes to the keyring
    ("secret", QT_TRANSLATE_NOOP("ConnectionForm", "Client secret")),
    # an application user; the key stays in its PEM file (0600)
    ("certificate", QT_TRANSLATE_NOOP("ConnectionForm", "Certificate")),
)
USER_HINT = QT_TRANSLATE_NOOP(
    "ConnectionForm", "Each person signs in with their own work account (their browser opens Microsoft's page, with "
                      "MFA if the org asks for it); Dynamics records them as the person who made each change. The app "
                      "registration must allow public client flows, with the redirect URI http://localhost.")
CERTIFICATE_HINT = QT_TRANSLATE_NOOP(
    "ConnectionForm", "The PEM file holds the certificate and its private key. The key stays in the file, which must "
                      "be readable by you only (chmod 600); CampSync checks that before using it.")
CERTIFICATE_FILTER = QT_TRANSLATE_NOOP("ConnectionForm", "Certificates (*.pem *.crt *.cer);;All files (*)")


def message_label(role: str) -> QLabel:
    """A hidden, wrapping label for a message of `role` (error, warning, hint)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what was typed: never render it as HTML
    label.setWordWrap(True)
    set_role(label, role)
    label.hide()
    return label


class ConnectionForm(QWidget):
    """The fields of a stored profile (`current`) or of a new one (`current` is None)."""

    edited = Signal()  # after each change a person makes, once the messages by the fields are up to date

    def __init__(self, profiles: Profiles, parent: QWidget | None = None):
        super().__init__(parent)
        self._profiles = profiles
        self._current: str | None = None
        self._snapshot: ProfileFields | None = None  # the values as loaded or saved, to tell unsaved changes
        self._auth_snapshot = "user"
        self._loading = False

        self.title = QLabel()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(translate("ConnectionForm", "e.g. contoso-prod"))
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://yourorg.crm.dynamics.com")
        self.url_message = message_label("error")
        self.tenant_edit = QLineEdit()
        self.tenant_edit.setPlaceholderText(translate("ConnectionForm",
                                                      "Directory (tenant) ID of the app registration"))
        self.client_edit = QLineEdit()
        self.client_edit.setPlaceholderText(translate("ConnectionForm",
                                                      "Application (client) ID of the app registration"))
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)  # Qt also disables copy/cut/drag for it
        self.secret_edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.secret_hint = message_label("warning")
        self.auth_combo = QComboBox()
        for key, text in SIGN_IN_CHOICES:
            self.auth_combo.addItem(translate("ConnectionForm", text), key)
        self.auth_hint = message_label("hint")
        self.certificate_edit = QLineEdit()
        self.certificate_edit.setPlaceholderText(translate("ConnectionForm",
                                                           "PEM file with the certificate and its private key"))
        self.certificate_browse = QPushButton(translate("ConnectionForm", "Browse…"))
        self.certificate_browse.setAutoDefault(False)
        self.certificate_browse.clicked.connect(self.browse_certificate)
        self.certificate_message = message_label("error")
        self.certificate_row = QWidget()
        certificate_row = QHBoxLayout(self.certificate_row)
        certificate_row.setContentsMargins(0, 0, 0, 0)
        certificate_row.addWidget(self.certificate_edit, 1)
        certificate_row.addWidget(self.certificate_browse)
        # The form's label names the row (its buddy), not the field inside it: the field is named as the label is.
        self.certificate_edit.setAccessibleName(translate("ConnectionForm", "Certificate"))
        self.environment_combo = QComboBox()
        for env in ENVIRONMENTS:
            self.environment_combo.addItem(badge_icon(env, self.devicePixelRatioF()), environment_name(env), env)
        self.environment_combo.setIconSize(BADGE_SIZE)

        self.advanced_toggle = QToolButton()
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.toggled.connect(self._show_advanced)
        self.advanced = QWidget()
        self.authority_edit = QLineEdit()
        self.authority_edit.setPlaceholderText(DEFAULT_AUTHORITY_HOST)
        self.authority_message = message_label("error")
        self.ca_edit = QLineEdit()
        self.ca_edit.setPlaceholderText(translate("ConnectionForm", "System certificates (leave empty)"))
        self.ca_browse = QPushButton(translate("ConnectionForm", "Browse…"))
        self.ca_browse.setAutoDefault(False)
        self.ca_browse.clicked.connect(self.browse_ca_bundle)
        self.ca_message = message_label("error")
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_browse)
        self.ca_edit.setAccessibleName(translate("ConnectionForm", "CA bundle"))  # a row of the form: no buddy
        advanced_form = QFormLayout(self.advanced)
        advanced_form.setContentsMargins(0, 0, 0, 0)
        advanced_form.addRow(translate("ConnectionForm", "Authority host"), self.authority_edit)
        advanced_form.addRow("", self.authority_message)
        advanced_form.addRow(translate("ConnectionForm", "CA bundle"), ca_row)
        advanced_form.addRow("", self.ca_message)

        form = QFormLayout()
        self._form = form
        form.addRow(translate("ConnectionForm", "Name"), self.name_edit)
        form.addRow(translate("ConnectionForm", "Org URL"), self.url_edit)
        form.addRow("", self.url_message)
        form.addRow(translate("ConnectionForm", "Tenant id"), self.tenant_edit)
        form.addRow(translate("ConnectionForm", "Client id"), self.client_edit)
        form.addRow(translate("ConnectionForm", "Sign in with"), self.auth_combo)
        form.addRow("", self.auth_hint)
        form.addRow(translate("ConnectionForm", "Client secret"), self.secret_edit)
        form.addRow("", self.secret_hint)
        form.addRow(translate("ConnectionForm", "Certificate"), self.certificate_row)
        form.addRow("", self.certificate_message)
        form.addRow(translate("ConnectionForm", "Environment"), self.environment_combo)
        self.needed_label = message_label("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.advanced_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.advanced)
        layout.addWidget(self.needed_label)
        layout.addStretch(1)

        for edit in (self.name_edit, self.url_edit, self.tenant_edit, self.client_edit, self.secret_edit,
                     self.authority_edit, self.ca_edit, self.certificate_edit):
            edit.textChanged.connect(self._validate)
        self.environment_combo.currentIndexChanged.connect(self._validate)
        self.auth_combo.currentIndexChanged.connect(self._auth_changed)
        # A secret given (pasted, or set by a script) means the secret way, whatever was chosen before.
        self.secret_edit.textChanged.connect(lambda text: text and self.set_auth_method("secret"))
        self._auth_changed()

    # ---- what the form holds

    @property
    def current(self) -> str | None:
        """The stored profile in the form, or None while a new one is being added."""
        return self._current

    def values(self) -> ProfileFields:
        """The fields as typed, trimmed (never the secret)."""
        return ProfileFields(
            name=self.name_edit.text().strip(),
            org_url=self.url_edit.text().strip().rstrip("/"),
            tenant_id=self.tenant_edit.text().strip(),
            client_id=self.client_edit.text().strip(),
            authority_host=self.authority_edit.text().strip().rstrip("/") or DEFAULT_AUTHORITY_HOST,
            ca_bundle=self.ca_edit.text().strip() or None,
            environment=self.environment_combo.currentData() or "production",
            certificate_file=self.certificate_path() if self.auth_method() == "certificate" else None,
        )

    def auth_method(self) -> str:
        """"user", "secret" or "certificate": how the connection signs in, as chosen."""
        return self.auth_combo.currentData() or "user"

    def set_auth_method(self, method: str) -> None:
        index = self.auth_combo.findData(method)
        if index >= 0 and index != self.auth_combo.currentIndex():
            self.auth_combo.setCurrentIndex(index)

    def certificate_path(self) -> str | None:
        text = self.certificate_edit.text().strip()
        return str(Path(text).expanduser()) if text else None

    def typed_secret(self) -> str:
        """The secret typed, when the connection signs in with a secret (never kept for the other ways)."""
        return self.secret_edit.text().strip() if self.auth_method() == "secret" else ""

    def unused_secret(self) -> bool:
        """A secret (or certificate key) stored for this profile, which now signs a person in: it would otherwise
        still be picked up, and the profile would go on signing in as the application."""
        return (self._current is not None and self.auth_method() == "user"
                and (self._profiles.has_secret(self._current) or keychain.kept_for_session(self._current)
                     or keychain.get_certificate_key(self._current) is not None))

    def is_dirty(self) -> bool:
        if self._snapshot is None:  # nothing loaded yet
            return False
        return self.values() != self._snapshot or bool(self.typed_secret()) or self._auth_snapshot != self.auth_method()

    def problems(self) -> dict[str, str]:
        """What stops the form from being saved, by field; empty when it can be saved."""
        v = self.values()
        found: dict[str, str] = {}
        if not v.name:
            found["name"] = translate("ConnectionForm", "a name")
        elif self._current is None and self._profiles.get(v.name) is not None:
            found["name"] = translate("ConnectionForm", "a name not used yet ({name} exists)").format(name=repr(v.name))
        if not v.org_url:
            found["org_url"] = translate("ConnectionForm", "the org URL")
        elif problem := Connection(name=v.name, org_url=v.org_url).url_problem():
            found["org_url"] = problem
        if not v.tenant_id:
            found["tenant_id"] = translate("ConnectionForm", "the tenant id")
        if not v.client_id:
            found["client_id"] = translate("ConnectionForm", "the client id")
        parsed = urlparse(v.authority_host)
        if parsed.scheme != "https" or not parsed.hostname:
            found["authority_host"] = translate(
                "ConnectionForm", "The authority host must be an https:// address (got {got}); the default is "
                                  "{default}.").format(got=repr(v.authority_host), default=DEFAULT_AUTHORITY_HOST)
        if v.ca_bundle and not Path(v.ca_bundle).expanduser().is_file():
            found["ca_bundle"] = translate(
                "ConnectionForm", "No file at {path}: pick the PEM file of CA certificates, or clear it."
            ).format(path=repr(v.ca_bundle))
        if self.auth_method() == "certificate":
            if not v.certificate_file:
                found["certificate_file"] = translate("ConnectionForm", "the certificate file")
            elif problem := certificate_problem(v.certificate_file, self._current):
                found["certificate_file"] = problem
        return found

    def can_save(self) -> bool:
        """Nothing wrong, and something to save: a new profile, or changes to a stored one."""
        return not self.problems() and (self._current is None or self.is_dirty())

    def connection(self) -> Connection:
        """The form's values as a Connection, with the typed secret, else the stored one, else the environment's.

        What is typed wins over what is stored: Test checks the connection as the person sees it, unsaved. A typed
        secret lives only in this object (memory) until Save."""
        v = self.values()
        typed = self.typed_secret()
        if self.auth_method() != "secret":  # a person signing in, or a certificate: no secret at all
            return Connection(name=v.name or new_connection_name(), org_url=v.org_url, tenant_id=v.tenant_id,
                              client_id=v.client_id, authority_host=v.authority_host, ca_bundle=v.ca_bundle,
                              environment=v.environment, certificate_file=v.certificate_file,
                              certificate_key=keychain.get_certificate_key(self._current)
                              if self._current and v.certificate_file else None)
        stored = keychain.get_secret(self._current) if self._current and not typed else None
        env_secret = os.environ.get("CAMPSYNC_CLIENT_SECRET", "") if not (typed or stored) else ""
        if typed:
            secret, source = typed, "the form (not saved)"
        elif stored:
            secret, source = stored, "this session only" if keychain.kept_for_session(self._current) else "keyring"
        elif env_secret:
            secret, source = env_secret, "environment"
        else:
            secret, source = None, None
        return Connection(name=v.name or new_connection_name(), org_url=v.org_url, tenant_id=v.tenant_id,
                          client_id=v.client_id, authority_host=v.authority_host, ca_bundle=v.ca_bundle,
                          environment=v.environment, client_secret=secret, secret_source=source)

    # ---- filling it

    def show_profile(self, name: str | None) -> None:
        """Fill the form from the stored profile `name`, or blank for a new one. The secret is never read back."""
        profile = self._profiles.get(name) if name is not None else None
        self._current = profile.name if profile else None
        self._loading = True
        try:
            self.name_edit.setText(profile.name if profile else "")
            self.url_edit.setText(profile.org_url if profile else "")
            self.tenant_edit.setText(profile.tenant_id if profile else "")
            self.client_edit.setText(profile.client_id if profile else "")
            self.secret_edit.clear()
            authority = profile.authority_host if profile else DEFAULT_AUTHORITY_HOST
            self.authority_edit.setText(authority or DEFAULT_AUTHORITY_HOST)
            self.ca_edit.setText((profile.ca_bundle or "") if profile else "")
            self.certificate_edit.setText((profile.certificate_file or "") if profile else "")
            self.set_auth_method(stored_auth_method(profile, self._profiles))
            # A new connection starts as production: the careful choice (more confirmations, red everywhere).
            env = profile.environment if profile else "production"
            index = self.environment_combo.findData(env)
            self.environment_combo.setCurrentIndex(index if index >= 0 else ENVIRONMENTS.index("production"))
        finally:
            self._loading = False
        non_default = bool(profile and (profile.ca_bundle or
                                        (profile.authority_host or DEFAULT_AUTHORITY_HOST) != DEFAULT_AUTHORITY_HOST))
        self.advanced_toggle.setChecked(non_default)
        self._show_advanced(non_default)
        self._show_stored()
        if profile is None:
            self.name_edit.setFocus()

    def mark_saved(self, *, secret_taken: bool) -> None:
        """What the form shows is stored now: the name is fixed, and a secret the keyring took leaves the field."""
        # A secret the keyring refused stays, so the person can still test the connection with it.
        self._current = self.values().name
        if secret_taken:
            self.secret_edit.clear()
        self._show_stored()

    def _show_stored(self) -> None:
        # The name keys the keyring entry and the settings of a stored profile: from here on it is fixed.
        stored = self._current is not None
        self.name_edit.setReadOnly(stored)
        self.name_edit.setToolTip(translate("ConnectionForm", "The name keys this connection's keyring entry and "
                                                              "settings, so it cannot change; add a new connection "
                                                              "instead.") if stored else "")
        if stored:
            self.title.setText(translate("ConnectionForm", "<b>Connection {name}</b>").format(
                name=html.escape(self._current)))
        else:
            self.title.setText(translate("ConnectionForm", "<b>New connection</b>"))
        self._snapshot = self.values()
        self._auth_snapshot = self.auth_method()
        self._update_secret_hint()
        self._validate()

    # ---- messages by the fields

    def _validate(self) -> None:
        if self._loading:
            return
        found = self.problems()
        url_problem = found.get("org_url") if self.url_edit.text().strip() else None
        self._show_field_message(self.url_edit, self.url_message, url_problem)
        self._show_field_message(self.authority_edit, self.authority_message, found.get("authority_host"))
        self._show_field_message(self.ca_edit, self.ca_message, found.get("ca_bundle"))
        cert_problem = found.get("certificate_file") if self.certificate_edit.text().strip() else None
        self._show_field_message(self.certificate_edit, self.certificate_message, cert_problem)
        if found.get("authority_host") or found.get("ca_bundle"):
            self.advanced_toggle.setChecked(True)
        needed = [found[k] for k in ("name", "org_url", "tenant_id", "client_id", "certificate_file")
                  if k in found and not (k in ("org_url", "certificate_file") and self._field_message_shown(k))]
        self.needed_label.setText(translate("ConnectionForm", "Needed before saving: {fields}.").format(
            fields=", ".join(needed)) if needed else "")
        self.needed_label.setVisible(bool(needed))
        self.edited.emit()

    @staticmethod
    def _show_field_message(edit: QLineEdit, label: QLabel, text: str | None) -> None:
        label.setText(text or "")
        label.setVisible(bool(text))
        edit.setProperty("invalid", bool(text))
        edit.style().unpolish(edit)  # the style sheet reads "invalid" only when the widget is polished again
        edit.style().polish(edit)

    def _update_secret_hint(self) -> None:
        # Without a keyring the window can still keep a secret in memory until it quits (offered on Save).
        no_keyring = keychain.keyring_problem() is not None
        self.secret_hint.setText(translate("ConnectionForm", NO_KEYRING_HINT) if no_keyring else "")
        self.secret_hint.setVisible(no_keyring)
        if self._current is not None and keychain.kept_for_session(self._current):
            text = translate("ConnectionForm", "A secret is kept for this session only; type a new one to replace it")
        elif no_keyring:
            text = translate("ConnectionForm", "No system keyring: paste the secret to use it this session")
        elif self._current is not None and self._profiles.has_secret(self._current):
            text = translate("ConnectionForm", "A secret is stored in the keyring; type a new one to replace it")
        else:
            text = translate("ConnectionForm", "No secret stored yet; paste the client secret value")
        self.secret_edit.setPlaceholderText(text)

    def _field_message_shown(self, key: str) -> bool:
        label = self.url_message if key == "org_url" else self.certificate_message
        return bool(label.text())

    def _auth_changed(self) -> None:
        """Only the fields of the chosen way are shown (a secret is never asked of someone who signs in)."""
        method = self.auth_method()
        for widget, shown in ((self.secret_edit, method == "secret"), (self.secret_hint, method == "secret"),
                              (self.certificate_row, method == "certificate"),
                              (self.certificate_message, method == "certificate")):
            self._form.setRowVisible(widget, shown)
        hint = USER_HINT if method == "user" else CERTIFICATE_HINT if method == "certificate" else ""
        self.auth_hint.setText(translate("ConnectionForm", hint) if hint else "")
        self.auth_hint.setVisible(method != "secret")
        if not self._loading:
            self._validate()

    def browse_certificate(self) -> None:
        start = self.certificate_edit.text().strip() or str(Path.home())
        caption = translate("ConnectionForm", "Certificate (PEM file with the certificate and its key)")
        filters = translate("ConnectionForm", CERTIFICATE_FILTER)
        path, _filter = QFileDialog.getOpenFileName(self, caption, start, filters)
        if path:
            self.certificate_edit.setText(path)

    def _show_advanced(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_toggle.setText(translate("ConnectionForm", "Advanced ▾") if shown
                                     else translate("ConnectionForm", "Advanced ▸"))

    def browse_ca_bundle(self) -> None:
        start = self.ca_edit.text().strip() or str(Path.home())
        caption = translate("ConnectionForm", "CA bundle (PEM file of CA certificates)")
        filters = translate("ConnectionForm", CERTIFICATE_FILTER)
        path, _filter = QFileDialog.getOpenFileName(self, caption, start, filters)
        if path:
            self.ca_edit.setText(path)


def new_connection_name() -> str:
    """The name a connection not saved yet goes by in the connectivity test (its report names it)."""
    return translate("ConnectionForm", "(new connection)")


def stored_auth_method(profile, profiles: Profiles) -> str:
    """How a stored profile signs in: its certificate, else its secret (keyring or this session), else the person.
    A new profile starts as "Sign in as me": what operators need, and no secret to hand out."""
    if profile is None:
        return "user"
    if profile.certificate_file:
        return "certificate"
    if profiles.has_secret(profile.name) or keychain.kept_for_session(profile.name):
        return "secret"
    return "user"


def certificate_problem(path: str, profile: str | None) -> str | None:
    """Why the certificate file cannot be used, in one sentence (missing, unreadable, not a certificate, a key others
    can read); None when it can."""
    if not Path(path).is_file():
        return translate("ConnectionForm", "No file at {path}: pick the PEM file with the certificate and its private "
                                           "key.").format(path=repr(path))
    from ...dynamics.certificates import CertificateProblem, load_certificate

    try:
        load_certificate(path, key_from_keyring=keychain.get_certificate_key(profile) if profile else None)
    except CertificateProblem as exc:
        return exc.message
    return None
