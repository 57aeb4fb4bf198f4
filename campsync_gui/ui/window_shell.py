"""The main window's frame, painted before the core is imported: title, menus, tabs, splitters, status bar.

Importing the core and its panels (SQLAlchemy, httpx, cryptography, the models) and opening the session take most
of a second. The window the operator will work in is shown first, at its saved size and with its saved panel
proportions, saying which org it is connecting to; MainWindow.attach() then puts the panels into the places kept
for them. Only PySide6 and light modules are imported here."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSettings, Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMainWindow, QProgressBar, QPushButton, QSplitter, QTabWidget,
                               QVBoxLayout, QWidget)

from .i18n import translate
from .startup_hint import ExpectedConnection
from .theme import env_colour
from .widgets.status_bar import ElidingStatusBar

PREFERRED_SIZE = (1400, 900)
# The menus' keys (self.menus["&File"]) stay English; their titles are translated where they are shown.
MENU_TITLES = (QT_TRANSLATE_NOOP("WindowShell", "&File"), QT_TRANSLATE_NOOP("WindowShell", "&Edit"),
               QT_TRANSLATE_NOOP("WindowShell", "&Admin"), QT_TRANSLATE_NOOP("WindowShell", "&View"),
               QT_TRANSLATE_NOOP("WindowShell", "&Help"))


def sandbox_banner() -> str:
    return translate("WindowShell", "You are connected to the <b>built-in sandbox org</b> with demo data. Nothing you "
                                    "do here touches a real Dynamics 365 org. Add a connection (Admin → Connections) "
                                    "to work on yours.")


def window_title(connection_name: str | None) -> str:
    if not connection_name:
        return "CampSync"
    return translate("WindowShell", "CampSync — {name}").format(name=connection_name)


class WindowShell(QMainWindow):
    closed = Signal()  # the person closed the window (Ctrl+Q, the close button): the session ends
    switch_requested = False  # set when the window closed to reopen on the (new) default connection
    painted = False  # the first frame is on screen (ui/app.py imports the core after it)

    def __init__(self, expected: ExpectedConnection | None = None):
        super().__init__()
        expected = expected or ExpectedConnection()
        self.setWindowTitle(window_title(expected.name))
        self._build_frame(expected)
        self.menus = {title: self.menuBar().addMenu(translate("WindowShell", title))  # filled by attach()
                      for title in MENU_TITLES}
        self._build_status_frame(expected)
        self._fit_to_screen()
        self._restore_frame()

    # ---- the frame -----------------------------------------------------------------------------

    def _build_frame(self, expected: ExpectedConnection) -> None:
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setContentsMargins(10, 6, 10, 6)
        if expected.builtin_sandbox:  # from the first frame: the panels do not jump down when it appears
            self.show_sandbox_banner()
        else:
            self.banner.hide()
        # Places kept for the panels, the same widgets in the same splitters and tabs the panels will fill.
        self.connecting_label = QLabel(translate("WindowShell", "Connecting to {org}…").format(org=expected.label))
        self.connecting_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.top_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.top_splitter.setObjectName("topSplitter")
        self.top_splitter.addWidget(self.connecting_label)
        self.top_splitter.addWidget(QWidget())
        self.top_splitter.setSizes([820, 580])
        self.bottom_tabs = QTabWidget()
        self.bottom_tabs.addTab(QWidget(), translate("WindowShell", "Live log"))
        self.bottom_tabs.addTab(QWidget(), translate("WindowShell", "Queue"))
        self.bottom_tabs.addTab(QWidget(), translate("WindowShell", "Events chart"))
        self.main_tabs = QTabWidget()
        self.main_tabs.addTab(self.top_splitter, translate("WindowShell", "People and campaigns"))
        self.main_tabs.addTab(QWidget(), translate("WindowShell", "Automation"))
        self.main_splitter = QSplitter(Qt.Orientation.Vertical)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.main_tabs)
        self.main_splitter.addWidget(self.bottom_tabs)
        self.main_splitter.setSizes([620, 260])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)

    def show_sandbox_banner(self) -> None:
        self.banner.setText(sandbox_banner())
        self.banner.setObjectName("sandboxBanner")
        self.banner.setStyleSheet("background:#e8f0fe;color:#174ea6;border-radius:4px;")
        self.banner.show()

    def _build_status_frame(self, expected: ExpectedConnection) -> None:
        self.connection_label = QLabel()
        if expected.name:
            self.show_connection(expected.name, expected.environment or "production")
        self.latency_label = QLabel(translate("WindowShell", "latency —"))
        self.sync_label = QLabel()
        self.pending_label = QLabel()
        self.team_label = QLabel()  # who else is connected to a team's store (shown in team mode only)
        self.team_label.setAccessibleName(translate("WindowShell", "Team members connected"))
        self.team_label.hide()
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(180)
        self.progress_bar.hide()
        self.cancel_button = QPushButton(translate("WindowShell", "Cancel sync"))
        self.cancel_button.hide()
        self.account_slot = QWidget()  # the account button's place (attach), between the latency and the connection
        QHBoxLayout(self.account_slot).setContentsMargins(0, 0, 0, 0)
        status = ElidingStatusBar(self)
        self.setStatusBar(status)
        for widget in (self.progress_bar, self.cancel_button, self.pending_label, self.team_label, self.sync_label,
                       self.latency_label, self.account_slot, self.connection_label):
            status.addPermanentWidget(widget)
        status.showMessage(translate("WindowShell", "Connecting to {org}…").format(org=expected.label))

    def show_connection(self, name: str, environment: str) -> None:
        self.setWindowTitle(window_title(name))
        self.connection_label.setText(f"● {name} ({environment})")
        self.connection_label.setStyleSheet(f"color:{env_colour(environment)};font-weight:bold;padding:0 6px;")

    def put_in_place(self, splitter_or_tabs: QSplitter | QTabWidget, index: int, widget: QWidget) -> None:
        """Put a panel where the frame kept its place: same size in a splitter, same tab (and current tab)."""
        if isinstance(splitter_or_tabs, QSplitter):
            old = splitter_or_tabs.replaceWidget(index, widget)
        else:
            current = splitter_or_tabs.currentIndex()
            old = splitter_or_tabs.widget(index)
            label = splitter_or_tabs.tabText(index)
            splitter_or_tabs.removeTab(index)
            splitter_or_tabs.insertTab(index, widget, label)
            splitter_or_tabs.setCurrentIndex(current)
        if old is not None:
            old.deleteLater()

    # ---- size and proportions ------------------------------------------------------------------------

    def _fit_to_screen(self) -> None:
        """1400×900 where there is room; on a smaller screen (1280×720) the screen's free area, not more."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = PREFERRED_SIZE
        if screen is not None and screen.width() > 0:
            width, height = min(width, screen.width()), min(height, screen.height())
        self.resize(width, height)
        self.fit_layout()

    def fit_layout(self) -> None:
        """The panels' first proportions for the window's height. Most of it for people and campaigns, the rest for
        the log: at 720 px that is still every demo campaign and a handful of log rows."""
        height = self.height()
        self.main_splitter.setSizes([height * 7 // 10, height * 3 // 10])

    def saved_splitters(self) -> tuple[QSplitter, ...]:
        """The splitters whose positions are kept between runs (QSettings main/<objectName>)."""
        return self.main_splitter, self.top_splitter

    def _restore_frame(self) -> None:
        """The saved size and position and the frame's splitters, before the first frame: the window appears where
        it was left, not at a default size that then jumps."""
        settings = QSettings()
        if (geometry := settings.value("main/geometry")) is not None:
            self.restoreGeometry(geometry)
            screen = self.screen().availableGeometry() if self.screen() is not None else None
            if screen is not None and screen.width() > 0 and not screen.contains(self.frameGeometry()):
                self._fit_to_screen()  # saved on a bigger screen than this one: fit this one
        self.restore_splitters(WindowShell.saved_splitters(self))

    def restore_splitters(self, splitters: tuple[QSplitter, ...]) -> None:
        settings = QSettings()
        for splitter in splitters:
            if (state := settings.value(f"main/{splitter.objectName()}")) is not None:
                splitter.restoreState(state)

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        for splitter in self.saved_splitters():
            settings.setValue(f"main/{splitter.objectName()}", splitter.saveState())

    # ---- events --------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if not self.painted and event.type() == QEvent.Type.Paint:
            self.painted = True
        return handled

    def closeEvent(self, event) -> None:
        self.save_layout()
        super().closeEvent(event)
        self.closed.emit()
