"""Admin settings of one connection: campaign sync on/off, list prefix, batch size, bulk requests, prerequisite
solution; and the window's language (this computer's, for every connection: saved in QSettings, see ui/i18n.py)."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QLabel,
                               QLineEdit, QSpinBox, QVBoxLayout, QWidget)
from ...core.applists import app_list_name
from ...core.settings import SyncSettings
from ...core.workspace import Workspace
from ...language import LANGUAGES
from ..i18n import save_language, saved_language, translate
from ..theme import set_role

PREFIX_MAX = 20
PREFIX_PATTERN = re.compile(r"[A-Za-z0-9-]+")
VERSION_PATTERN = re.compile(r"\d+(\.\d+){0,3}")
BATCH_MIN, BATCH_MAX = 1, 1000
BULK_TIMEOUT_MIN, BULK_TIMEOUT_MAX = 30, 600  # seconds; Microsoft expects bulk requests to take up to 2 minutes
PARALLEL_MIN, PARALLEL_MAX = 1, 52  # requests in flight; Dataverse refuses more than 52 per user

# Explanations, translated where they are shown.
SYNC_EXPLANATION = QT_TRANSLATE_NOOP("SettingsDialog",
                                     "While campaign sync is off, every flow action (Add to / Remove from Microsoft "
                                     "Campaign) is blocked for this connection. Turning it back on refreshes "
                                     "campaigns and CampSync's list links from Dynamics.")
BULK_EXPLANATION = QT_TRANSLATE_NOOP("SettingsDialog",
                                     "New leads are created many per request: CampSync starts with the first number, "
                                     "sends fewer when the org is slow and more when it is quick, never more than "
                                     "the maximum.")


def prefix_problem(prefix: str) -> str | None:
    """Why a list prefix cannot be used, or None: 1–20 letters, digits or dashes."""
    if not prefix:
        return translate("SettingsDialog", "The list prefix is needed: 1–{max} letters, digits or dashes.").format(
            max=PREFIX_MAX)
    if len(prefix) > PREFIX_MAX:
        return translate("SettingsDialog", "The list prefix can have at most {max} characters (it has "
                                           "{length}).").format(max=PREFIX_MAX, length=len(prefix))
    if not PREFIX_PATTERN.fullmatch(prefix):
        bad = "".join(sorted({ch for ch in prefix if not (ch.isascii() and (ch.isalnum() or ch == "-"))}))
        return translate("SettingsDialog", "The list prefix can only have letters, digits and dashes (not "
                                           "{bad!r}).").format(bad=bad)
    return None


def version_problem(version: str) -> str | None:
    """Why a minimum version cannot be used, or None: dotted numbers such as 4.2.0.0."""
    if not version:
        return translate("SettingsDialog", "The minimum version is needed, as dotted numbers such as 4.2.0.0.")
    if not VERSION_PATTERN.fullmatch(version):
        return translate("SettingsDialog", "The minimum version must be dotted numbers such as 4.2.0.0 (got "
                                           "{version!r}).").format(version=version)
    return None


class SettingsDialog(QDialog):
    """OK saves the settings of the workspace's connection (`scope`: its name) through the workspace."""

    sync_toggled = Signal(bool)  # only when campaign sync was actually switched, so the window refreshes from Dynamics

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self._workspace = workspace
        self.scope = workspace.scope
        self.original = workspace.settings()
        self.setWindowTitle(translate("SettingsDialog", "Settings — {scope}").format(
            scope=self.scope or translate("SettingsDialog", "all connections")))
        self.setMinimumWidth(560)  # wrapped explanations need the width to show in full

        # ---- campaign sync
        self.sync_check = QCheckBox(translate("SettingsDialog", "Campaign sync enabled"))
        explanation = QLabel(translate("SettingsDialog", SYNC_EXPLANATION))
        explanation.setWordWrap(True)
        set_role(explanation, "hint")
        self.sync_warning = self._label("warning")
        sync_box = QGroupBox(translate("SettingsDialog", "Campaign sync"))
        sync_layout = QVBoxLayout(sync_box)
        sync_layout.addWidget(self.sync_check)
        sync_layout.addWidget(explanation)
        sync_layout.addWidget(self.sync_warning)

        # ---- lists
        self.prefix_edit = QLineEdit()
        self.prefix_edit.setMaxLength(40)  # longer than allowed on purpose, so the message can say why
        self.prefix_message = self._label("error")
        self.prefix_preview = self._label("hint")
        self.prefix_preview.show()
        mkto = QLabel(translate("SettingsDialog", "The prefix <b>Mkto</b> gives Marketo-compatible names "
                                                  "(Mkto-leads-&lt;campaign id&gt;)."))
        mkto.setWordWrap(True)
        set_role(mkto, "hint")
        self.prefix_change_warning = self._label("warning")
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(BATCH_MIN, BATCH_MAX)
        self.batch_spin.setToolTip(translate("SettingsDialog",
                                             "How many people CampSync sends to Dynamics in one request."))
        lists_box = QGroupBox(translate("SettingsDialog", "Marketing lists"))
        lists_grid = QGridLayout(lists_box)
        lists_grid.addWidget(QLabel(translate("SettingsDialog", "List prefix")), 0, 0)
        lists_grid.addWidget(self.prefix_edit, 0, 1)
        for row, label in enumerate((self.prefix_message, self.prefix_preview, mkto, self.prefix_change_warning), 1):
            lists_grid.addWidget(label, row, 1)
        lists_grid.addWidget(QLabel(translate("SettingsDialog", "Batch size")), 5, 0)
        lists_grid.addWidget(self.batch_spin, 5, 1)
        lists_grid.setColumnStretch(1, 1)

        # ---- bulk requests (CreateMultiple): sized to the org, see core/batch_sizing.py
        self.create_start_spin = self._spin(BATCH_MIN, BATCH_MAX,
                                            translate("SettingsDialog", "Leads in the first CreateMultiple request."))
        self.create_max_spin = self._spin(BATCH_MIN, BATCH_MAX,
                                          translate("SettingsDialog", "The most leads one request may carry."))
        self.bulk_timeout_spin = self._spin(BULK_TIMEOUT_MIN, BULK_TIMEOUT_MAX, translate(
            "SettingsDialog", "How long CampSync waits for one bulk request before giving up on it."))
        self.bulk_timeout_spin.setSuffix(translate("SettingsDialog", " s"))  # seconds
        self.parallel_spin = self._spin(PARALLEL_MIN, PARALLEL_MAX, translate(
            "SettingsDialog", "Requests sent at once: as many as the org advises (x-ms-dop-hint), never more than "
                              "this. 1 sends one at a time."))
        self.create_message = self._label("error")
        bulk_explanation = QLabel(translate("SettingsDialog", BULK_EXPLANATION))
        bulk_explanation.setWordWrap(True)
        set_role(bulk_explanation, "hint")
        bulk_box = QGroupBox(translate("SettingsDialog", "Bulk requests"))
        bulk_grid = QGridLayout(bulk_box)
        for row, (label, spin) in enumerate(((translate("SettingsDialog", "Leads per request at first"),
                                              self.create_start_spin),
                                             (translate("SettingsDialog", "At most"), self.create_max_spin),
                                             (translate("SettingsDialog", "Wait for each request"),
                                              self.bulk_timeout_spin),
                                             (translate("SettingsDialog", "Requests at once, at most"),
                                              self.parallel_spin))):
            bulk_grid.addWidget(QLabel(label), row, 0)
            bulk_grid.addWidget(spin, row, 1)
        bulk_grid.addWidget(self.create_message, 4, 1)
        bulk_grid.addWidget(bulk_explanation, 5, 0, 1, 2)
        bulk_grid.setColumnStretch(1, 1)

        # ---- prerequisite
        self.solution_edit = QLineEdit()
        self.solution_message = self._label("error")
        self.version_edit = QLineEdit()
        self.version_edit.setPlaceholderText("4.2.0.0")
        self.version_message = self._label("error")
        prereq_box = QGroupBox(translate("SettingsDialog", "Prerequisite solution"))
        prereq_grid = QGridLayout(prereq_box)
        prereq_grid.addWidget(QLabel(translate("SettingsDialog", "Solution name")), 0, 0)
        prereq_grid.addWidget(self.solution_edit, 0, 1)
        prereq_grid.addWidget(self.solution_message, 1, 1)
        prereq_grid.addWidget(QLabel(translate("SettingsDialog", "Minimum version")), 2, 0)
        prereq_grid.addWidget(self.version_edit, 2, 1)
        prereq_grid.addWidget(self.version_message, 3, 1)
        prereq_grid.setColumnStretch(1, 1)

        # ---- the window's language: this computer's (QSettings, every connection), read at the next start
        language_box = self._language_box()

        # ---- sign-in tokens: only where a person signs in and nothing can encrypt the token cache
        self.plaintext_check: QCheckBox | None = None
        signin_box = self._signin_box(workspace)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setProperty("primary", True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(sync_box)
        layout.addWidget(lists_box)
        layout.addWidget(bulk_box)
        layout.addWidget(prereq_box)
        layout.addWidget(language_box)
        if signin_box is not None:
            layout.addWidget(signin_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.sync_check.setChecked(self.original.campaign_sync_enabled)
        self.prefix_edit.setText(self.original.list_prefix)
        self.batch_spin.setValue(max(BATCH_MIN, min(BATCH_MAX, self.original.batch_size)))
        self.create_start_spin.setValue(self.original.create_batch_start)
        self.create_max_spin.setValue(self.original.create_batch_max)
        self.bulk_timeout_spin.setValue(self.original.bulk_timeout_s)
        self.parallel_spin.setValue(self.original.max_parallel_requests)
        self.solution_edit.setText(self.original.prerequisite_solution)
        self.version_edit.setText(self.original.prerequisite_min_version)
        for edit in (self.prefix_edit, self.solution_edit, self.version_edit):
            edit.textChanged.connect(self._validate)
        self.sync_check.toggled.connect(self._validate)
        for spin in (self.create_start_spin, self.create_max_spin):
            spin.valueChanged.connect(self._validate)
        self._validate()

    def _language_box(self) -> QGroupBox:
        """The language choice, shown as saved; the window is translated once, when CampSync starts (i18n.py)."""
        self.language_combo = QComboBox()
        self.language_combo.addItem(translate("SettingsDialog", "System language"), "")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)  # each language under its own name, read by those who speak it
        self.language_combo.setAccessibleName(translate("SettingsDialog", "Language"))
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(saved_language()), 0))
        # Saved only when changed here: a code this version does not ship (shown as the system's) stays as it is.
        self.shown_language = self.language_combo.currentData()
        self.language_note = QLabel(translate("SettingsDialog", "Applies the next time CampSync starts."))
        self.language_note.setWordWrap(True)
        set_role(self.language_note, "hint")
        box = QGroupBox(translate("SettingsDialog", "Language"))
        grid = QGridLayout(box)
        grid.addWidget(self.language_combo, 0, 0)
        grid.addWidget(self.language_note, 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        return box

    def _signin_box(self, workspace: Workspace) -> QGroupBox | None:
        """Where the signed-in person's tokens are kept, and the explicit choice of a plain file readable by them only
        where the system cannot encrypt them (otherwise they are kept in memory, and the person signs in again at
        each start)."""
        if not workspace.is_user_sign_in or workspace.connection.tokens_in_memory_only:
            return None
        kind, problem = workspace.token_storage()
        if kind == "encrypted" and not workspace.plaintext_token_cache_allowed():
            return None
        box = QGroupBox(translate("SettingsDialog", "Sign-in"))
        box_layout = QVBoxLayout(box)
        where = self.token_storage_label = QLabel(problem or "")
        where.setWordWrap(True)
        set_role(where, "hint")
        self.plaintext_check = QCheckBox(translate("SettingsDialog", "Keep me signed in: store sign-in tokens in a "
                                                                     "file only I can read (token_cache.json, not "
                                                                     "encrypted)"))
        self.plaintext_check.setChecked(workspace.plaintext_token_cache_allowed())
        box_layout.addWidget(self.plaintext_check)
        box_layout.addWidget(where)
        return box

    @staticmethod
    def _spin(low: int, high: int, tip: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)  # setValue clamps a stored value outside the range
        spin.setToolTip(tip)
        return spin

    def _label(self, role: str) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)  # "<campaign id>" is text, not a tag
        label.setWordWrap(True)
        set_role(label, role)
        label.hide()
        return label

    def values(self) -> SyncSettings:
        return SyncSettings(campaign_sync_enabled=self.sync_check.isChecked(),
                            list_prefix=self.prefix_edit.text().strip(),
                            batch_size=self.batch_spin.value(),
                            create_batch_start=self.create_start_spin.value(),
                            create_batch_max=self.create_max_spin.value(),
                            bulk_timeout_s=self.bulk_timeout_spin.value(),
                            max_parallel_requests=self.parallel_spin.value(),
                            prerequisite_solution=self.solution_edit.text().strip(),
                            prerequisite_min_version=self.version_edit.text().strip())

    def problems(self) -> dict[str, str]:
        v = self.values()
        found = {}
        if problem := prefix_problem(v.list_prefix):
            found["list_prefix"] = problem
        if not v.prerequisite_solution:
            found["prerequisite_solution"] = translate("SettingsDialog",
                                                       "The name of the prerequisite solution is needed.")
        if problem := version_problem(v.prerequisite_min_version):
            found["prerequisite_min_version"] = problem
        if v.create_batch_start > v.create_batch_max:
            found["create_batch_start"] = translate("SettingsDialog", "The first request can't carry more leads than "
                                                                      "the maximum ({max}).").format(
                max=v.create_batch_max)
        return found

    def _validate(self) -> None:
        v, found = self.values(), self.problems()
        for key, label in (("list_prefix", self.prefix_message), ("prerequisite_solution", self.solution_message),
                           ("prerequisite_min_version", self.version_message),
                           ("create_batch_start", self.create_message)):
            label.setText(found.get(key, ""))
            label.setVisible(key in found)
        if "list_prefix" in found:
            self.prefix_preview.setText("")
        else:
            placeholder = translate("SettingsDialog", "<campaign id>")  # stands for an id in the names shown
            self.prefix_preview.setText(translate("SettingsDialog", "Lists will be named {names}").format(
                names=", ".join(app_list_name(v.list_prefix, kind, placeholder) for kind in ("lead", "contact"))))
        changed_prefix = "list_prefix" not in found and v.list_prefix != self.original.list_prefix
        self.prefix_change_warning.setText(
            translate("SettingsDialog", "Lists made under the old prefix {prefix!r} will no longer count as "
                                        "CampSync's, so flow actions can't remove their members; new lists are "
                                        "made.").format(prefix=self.original.list_prefix) if changed_prefix else "")
        self.prefix_change_warning.setVisible(changed_prefix)
        self.sync_warning.setText("" if v.campaign_sync_enabled
                                  else translate("SettingsDialog", "Flow actions are blocked while this is off."))
        self.sync_warning.setVisible(not v.campaign_sync_enabled)
        self.ok_button.setEnabled(not found)
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        # A message that appears needs room; a dialog already shown does not grow by itself.
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        needed = self.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def accept(self) -> None:
        """Save and close; with a problem left, nothing is saved and the dialog stays open."""
        if self.problems():
            self._validate()
            return
        settings = self.values()
        self._workspace.save_settings(settings)
        if self.plaintext_check is not None and \
                self.plaintext_check.isChecked() != self._workspace.plaintext_token_cache_allowed():
            self._workspace.allow_plaintext_token_cache(self.plaintext_check.isChecked())
        if self.language_combo.currentData() != self.shown_language:
            save_language(self.language_combo.currentData())
            self.shown_language = self.language_combo.currentData()
        # Its answer says only "just turned on"; the window hears of a switch either way (off blocks flow actions).
        toggled = settings.campaign_sync_enabled != self.original.campaign_sync_enabled
        self.original = settings
        super().accept()
        if toggled:
            self.sync_toggled.emit(settings.campaign_sync_enabled)
