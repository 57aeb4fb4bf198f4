"""Who CampSync acts as, in the status bar: the signed-in person with a menu (Switch account…, Sign out), "Not signed
in — Sign in…" when nobody is, or the application identity (client secret, certificate), which has no menu."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QStyle, QStyleOptionToolButton, QStylePainter, QToolButton, QWidget

from ..i18n import translate

# English at import time (before the translator is installed): translated where shown.
NOT_SIGNED_IN = QT_TRANSLATE_NOOP("AccountButton", "Not signed in — Sign in…")
# The widest the button gets in the status bar: a long identity ("<client id> (application) · client secret") is
# shortened in the middle, whole in its tooltip, so showing it (and the sync's progress beside it) never makes the
# status bar wider than the window, which Qt would then widen by itself.
MAX_TEXT_WIDTH = 380
METHOD_WORDS = {"secret": QT_TRANSLATE_NOOP("AccountButton", "client secret"),
                "certificate": QT_TRANSLATE_NOOP("AccountButton", "certificate")}


def account_text(name: str, username: str) -> str:
    """"Olivia Operator · operator@contoso.com"; the user name alone when the account has no display name."""
    return f"{name} · {username}" if name and name != username else username


class AccountButton(QToolButton):
    sign_in_requested = Signal()
    switch_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("accountButton")
        self.setAutoRaise(True)
        self.menu_ = QMenu(self)
        self.switch_action = QAction(translate("AccountButton", "Switch account…"), self)
        self.switch_action.triggered.connect(lambda _checked=False: self.switch_requested.emit())
        self.sign_out_action = QAction(translate("AccountButton", "Sign out"), self)
        self.sign_out_action.triggered.connect(lambda _checked=False: self.sign_out_requested.emit())
        self.menu_.addAction(self.switch_action)
        self.menu_.addAction(self.sign_out_action)
        self.clicked.connect(self._clicked)
        self.mode = "none"  # "user" (menu), "signed out" (click signs in), "application" (no menu)
        self.show_signed_out()

    # ---- at most MAX_TEXT_WIDTH wide: the text is shortened where it is painted, whole everywhere else ----------

    def sizeHint(self) -> QSize:  # noqa: N802 — Qt's name
        hint = super().sizeHint()
        extra = max(0, self.fontMetrics().horizontalAdvance(self.text()) - MAX_TEXT_WIDTH)
        return QSize(hint.width() - extra, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 — Qt's name
        return self.sizeHint()

    def paintEvent(self, _event) -> None:  # noqa: N802 — Qt's name
        painter = QStylePainter(self)
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        room = option.rect.width() - (super().sizeHint().width() - self.fontMetrics().horizontalAdvance(self.text()))
        option.text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle, max(room, 20))
        painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)
        painter.end()  # now, not when Python lets go of it

    def show_user(self, name: str, username: str, tenant_id: str = "") -> None:
        self.mode = "user"
        self.setText(account_text(name, username))
        if tenant_id:
            tip = translate("AccountButton", "Signed in as {username} (tenant {tenant}). Flow actions are recorded as "
                                             "done by this account.")
        else:
            tip = translate("AccountButton", "Signed in as {username}. Flow actions are recorded as done by this "
                                             "account.")
        self.setToolTip(tip.format(username=username, tenant=tenant_id))
        self.setMenu(self.menu_)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def show_signed_out(self) -> None:
        self.mode = "signed out"
        self.setText(translate("AccountButton", NOT_SIGNED_IN))
        self.setToolTip(translate("AccountButton", "Sign in with your work account to read from and write to "
                                                   "Dynamics."))
        self.setMenu(None)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.DelayedPopup)

    def show_application(self, actor: str, method: str) -> None:
        """An application user (secret or certificate): who it is, nothing to switch or sign out of."""
        self.mode = "application"
        words = translate("AccountButton", METHOD_WORDS[method]) if method in METHOD_WORDS else method
        self.setText(f"{actor} · {words}" if words else actor)  # actor: "<client id> (application)"
        self.setToolTip(translate("AccountButton", "{actor}: CampSync signs in as the application ({how}), not as a "
                                                   "person.").format(actor=actor, how=words))
        self.setMenu(None)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.DelayedPopup)

    def _clicked(self) -> None:
        if self.mode == "signed out":
            self.sign_in_requested.emit()
