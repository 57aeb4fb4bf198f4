"""Start-up: QApplication on a qasync loop, the session (org or built-in sandbox), the window, clean shutdown."""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback

import qasync
from PySide6.QtWidgets import QApplication, QMessageBox

from ..logs import setup_logging
from ..paths import AppPaths
from .gc_guard import GuiThreadGarbageCollector
from .main_window import MainWindow
from .session import open_session
from .theme import apply_theme

log = logging.getLogger(__name__)


def install_excepthook() -> None:
    """Every uncaught error is logged and shown, never silently lost."""

    def hook(exc_type, exc, tb):
        log.critical("uncaught error", exc_info=(exc_type, exc, tb))
        if QApplication.instance() is not None:
            text = "".join(traceback.format_exception_only(exc_type, exc)).strip()
            QMessageBox.critical(None, "CampSync — unexpected error",
                                 f"{text}\n\nThe details are in the log file (Help → Open log folder).")

    sys.excepthook = hook


async def main_async(app: QApplication, collector: GuiThreadGarbageCollector | None = None) -> int:
    # The window's close ends the session, not Qt's "last window closed" quit: that would stop the event loop under
    # this coroutine, and the shutdown below (the batch in flight, closing the client) would then run with no loop.
    app.setQuitOnLastWindowClosed(False)
    leaving = asyncio.Event()
    app.aboutToQuit.connect(leaving.set)  # the desktop session ending
    while True:
        window = await run_session(leaving, collector)
        # Switching connection closes the window and opens a new one on the new default, in the same process.
        if not window.switch_requested or leaving.is_set():
            return 0
        window.deleteLater()


async def run_session(leaving: asyncio.Event, collector: GuiThreadGarbageCollector | None) -> MainWindow:
    """One connection's session: its window, until the window closes; then its shutdown."""
    closing = asyncio.Event()
    leaving_watch = asyncio.ensure_future(leaving.wait())
    leaving_watch.add_done_callback(lambda _f: closing.set())
    session = open_session()
    session.workspace.run_engine_in_thread()  # the window renders; syncs run on the engine's own thread
    window = MainWindow(session)
    window.closed.connect(closing.set)
    window.show()
    loading = window.refresh()
    if collector is not None:
        collector.busy = window.controller.is_running
        # What the first load brought in stays for the whole session: out of the collector's sight.
        loading.add_done_callback(lambda _task: collector.settle())
    try:
        await closing.wait()
    finally:
        leaving_watch.cancel()
        # The window's tasks end first; the batch in flight finishes, rows not started stay queued for next time.
        await window.tasks.shutdown()
        await session.close()
    return window


def run_app() -> int:
    paths = AppPaths.resolve().ensure()
    setup_logging(paths.log_dir)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("CampSync")
    app.setOrganizationName("CampSync")
    install_excepthook()
    apply_theme(app)
    collector = GuiThreadGarbageCollector(parent=app)
    try:
        with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
            return runner.run(main_async(app, collector))
    finally:
        collector.stop()
