"""The "Sign in…" dialog: what is happening while the person signs in (in their browser, or with a code on another
device), a Cancel that ends the wait, and at the end the account or the one sentence of what went wrong.

It only shows; ui/signin_flow.py runs the sign-in and tells it what happens. It never blocks: it is shown
window-modal with `open()` (no nested event loop), and Cancel sets `cancel`, the asyncio.Event the core's sign-in
waits on, so the wait ends in the core and the dialog hears of it as SignInCancelled."""

from __future__ import annotations

import asyncio
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..i18n import translate
from ..theme import set_role

CANCELLED_TEXT = "Sign-in cancelled"  # the message of the SignInCancelled the flow raises (not shown: see signin_flow)


def _label(*, rich: bool = False) -> QLabel:
    label = QLabel()
    # What the org or msal says is shown as text, never rendered: only our own link is rich text.
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class SignInDialog(QDialog):
    """One sign-in attempt. `cancel` is set by Cancel (or by closing the dialog) while the sign-in runs."""

    use_code_requested = Signal()  # the person asks for a code instead of the browser (no browser here)

    def __init__(self, title: str, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(540)
        self.cancel = asyncio.Event()
        self.finished_text = ""  # what the attempt ended with, as shown (the account, the error, cancelled)

        self.heading = QLabel(translate("SignInDialog", "<b>Sign in…</b>"))
        self.status = _label()
        self.status.setText(intro)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # ---- the device-code part, hidden until a code is shown
        self.code_box = QWidget()
        self.device_message = _label()  # msal's own sentence: where to go and which code to enter
        self.device_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label = QLabel()
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.code_label.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 115)
        self.code_label.setFont(font)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.copy_button = QPushButton(translate("SignInDialog", "Copy code"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_code)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_label, 1)
        code_row.addWidget(self.copy_button)
        self.url_label = _label(rich=True)
        self.url_label.setOpenExternalLinks(True)  # the person's browser, on this machine or another
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        box = QVBoxLayout(self.code_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.device_message)
        box.addLayout(code_row)
        box.addWidget(self.url_label)
        self.code_box.hide()

        self.use_code_button = QPushButton(translate("SignInDialog", "Use a code instead"))
        self.use_code_button.setAutoDefault(False)
        self.use_code_button.clicked.connect(self.use_code_requested.emit)
        self.use_code_button.hide()
        self.cancel_button = QPushButton(translate("SignInDialog", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.use_code_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(self.code_box)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._done = False
        self.finished.connect(self._give_back_keyboard)

    def _give_back_keyboard(self, _result: int) -> None:
        # As ask.answer_of does: without a window manager nothing else gives the keyboard back to the window, and
        # Ctrl+Q, Ctrl+Z… would go nowhere after the dialog closed.
        if (parent := self.parentWidget()) is not None and parent.window().isVisible():
            parent.window().activateWindow()

    # ---- what the flow tells it

    @property
    def user_code(self) -> str:
        return self.code_label.text()

    def show_waiting(self, text: str) -> None:
        self.status.setText(text)
        set_role(self.status, None)

    def offer_code(self, text: str) -> None:
        """No browser here: say so, and offer the device code."""
        self.status.setText(text)
        set_role(self.status, "warning")
        self.use_code_button.show()
        self.adjustSize()

    def show_device_code(self, message: str, user_code: str, verification_uri: str) -> None:
        self.use_code_button.hide()
        self.status.setText(translate("SignInDialog", "Waiting until you enter the code and sign in (on this computer "
                                                      "or another one)…"))
        set_role(self.status, None)
        self.device_message.setText(message)
        self.code_label.setText(user_code)
        url = html.escape(verification_uri, quote=True)
        self.url_label.setText(translate("SignInDialog", 'Open <a href="{url}">{url}</a>').format(url=url))
        self.code_box.show()
        self.adjustSize()  # the dialog grows to the code it now shows (it kept its first height otherwise)
        self.copy_button.setFocus()

    def copy_code(self) -> None:
        QGuiApplication.clipboard().setText(self.user_code)
        self.copy_button.setText(translate("SignInDialog", "Copied"))

    def finish(self, text: str, *, ok: bool) -> None:
        """The attempt is over: `text` is the account signed in, or the one sentence of why not."""
        self._done = True
        self.finished_text = text
        self.heading.setText(translate("SignInDialog", "<b>Signed in</b>") if ok
                             else translate("SignInDialog", "<b>Not signed in</b>"))
        self.status.setText(text)
        set_role(self.status, "ok" if ok else "error")
        self.code_box.hide()
        self.use_code_button.hide()
        self.cancel_button.setText(translate("SignInDialog", "Close"))
        self.cancel_button.setEnabled(True)  # disabled while cancelling
        self.adjustSize()
        self.cancel_button.setDefault(True)

    # ---- the person

    def cancel_or_close(self) -> None:
        if self._done:
            self.accept()
        else:
            self.cancel.set()  # the core ends its wait and raises SignInCancelled; `finish` follows
            self.cancel_button.setEnabled(False)
            self.status.setText(translate("SignInDialog", "Cancelling…"))

    def reject(self) -> None:
        # Escape or the window's close button while waiting: the same as Cancel, the wait must not go on unseen.
        if not self._done:
            self.cancel.set()
        super().reject()
