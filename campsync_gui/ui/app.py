"""Start-up: QApplication on a qasync loop, the window's frame painted, then the session (org or built-in sandbox)
and the panels, clean shutdown.

The first frame comes before the core is imported: importing it (SQLAlchemy, httpx, cryptography, the panels) and
opening the session (the store, the demo org) take most of a second, and the person sees the window they will work
in, saying which org it connects to, instead of nothing."""

from __future__ import annotations

import logging
import sys
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ..logs import setup_logging
from ..paths import AppPaths
from .gc_guard import GuiThreadGarbageCollector
from .i18n import install_language, translate
from .main_window import MainWindow
from .startup_hint import ExpectedConnection, expected_connection, remember_connection
from .theme import apply_theme

if TYPE_CHECKING:  # asyncio itself loads after the first frame (run_app): a few hundredths of a second before it
    import asyncio

log = logging.getLogger(__name__)

# Longest wait for the frame's first paint before connecting anyway (a window the platform never exposes, say on
# another virtual desktop, must not hold the session back).
FIRST_PAINT_WAIT_MS = 500


def install_excepthook() -> None:
    """Every uncaught error is logged and shown, never silently lost."""

    def hook(exc_type, exc, tb):
        if _store_outage(exc) and QApplication.instance() is not None:
            # A store that stopped answering (a team's server restarting) is not a bug, and a modal box for each
            # read that failed would pile up: one line in the log, the reason in the window's status bar.
            from ..core.store import outage_reason

            log.warning("the store did not answer: %s", outage_reason(exc))
            for widget in QApplication.topLevelWidgets():
                if hasattr(widget, "show_store_unreachable"):
                    widget.show_store_unreachable(outage_reason(exc))
            return
        log.critical("uncaught error", exc_info=(exc_type, exc, tb))
        if QApplication.instance() is not None:
            text = "".join(traceback.format_exception_only(exc_type, exc)).strip()
            QMessageBox.critical(None, translate("App", "CampSync — unexpected error"),
                                 translate("App", "{error}\n\nThe details are in the log file (Help → Open log "
                                                  "folder).").format(error=text))

    sys.excepthook = hook


async def main_async(app: QApplication, collector: GuiThreadGarbageCollector | None = None,
                     frame: MainWindow | None = None) -> int:
    """The sessions, one after the other until the person quits. `frame`: the first window, already painted
    (run_app), which the first session attaches to; without it the window is built whole once the session is open."""
    import asyncio

    # The window's close ends the session, not Qt's "last window closed" quit: that would stop the event loop under
    # this coroutine, and the shutdown below (the batch in flight, closing the client) would then run with no loop.
    app.setQuitOnLastWindowClosed(False)
    leaving = asyncio.Event()
    app.aboutToQuit.connect(leaving.set)  # the desktop session ending
    while True:
        try:
            window = await run_session(leaving, collector, frame)
        except Exception as exc:
            if not _store_problem(exc):
                raise
            await show_store_problem(frame, str(exc))
            return 2  # as `campsync` exits for the same problem
        frame = None
        # Switching connection closes the window and opens a new one on the new default, in the same process.
        if not window.switch_requested or leaving.is_set():
            return 0
        window.deleteLater()


def _store_outage(exc: BaseException) -> bool:
    from ..core.store import STORE_OUTAGES

    return isinstance(exc, STORE_OUTAGES)


def _store_problem(exc: Exception) -> bool:
    """The store URL, or the store it names, cannot be used (a team's PostgreSQL not upgraded yet, not reachable): the
    person's (or their admin's) to fix, not a bug."""
    from ..core.store import StoreError
    from ..core.store_url import StoreUrlError

    return isinstance(exc, (StoreError, StoreUrlError))


async def show_store_problem(parent: MainWindow | None, message: str) -> None:
    """Say why the store cannot be opened, and wait until the person has read it (the box is shown with open(), not
    exec(): no event loop inside the event loop)."""
    import asyncio

    box = QMessageBox(QMessageBox.Icon.Critical, translate("App", "CampSync — the store cannot be opened"), message,
                      QMessageBox.StandardButton.Close, parent)
    read = asyncio.get_running_loop().create_future()
    box.finished.connect(lambda _result: read.done() or read.set_result(None))
    box.open()
    await read
    box.deleteLater()
    if parent is not None:
        parent.close()


async def run_session(leaving: asyncio.Event, collector: GuiThreadGarbageCollector | None,
                      frame: MainWindow | None = None) -> MainWindow:
    """One connection's session: its window, until the window closes; then its shutdown."""
    import asyncio

    from .session import open_session  # the core: after the first frame

    session = open_session()  # first: a store that cannot be opened leaves nothing running (main_async says why)
    closing = asyncio.Event()
    leaving_watch = asyncio.ensure_future(leaving.wait())
    leaving_watch.add_done_callback(lambda _f: closing.set())
    session.workspace.run_engine_in_process()  # the window renders; syncs run in the engine's own process
    if frame is not None:
        frame.attach(session)
        window = frame
    else:
        window = MainWindow(session)
    remember_connection(session.paths.home, ExpectedConnection(
        session.connection.name, session.connection.environment, session.is_builtin_sandbox))
    window.closed.connect(closing.set)
    window.show()
    loading = window.refresh()
    if collector is not None:
        collector.busy = window.controller.is_running
        # What the first load brought in stays for the whole session: out of the collector's sight.
        loading.add_done_callback(lambda _task: collector.settle())
    # The engine's process starts once the first load is done (it would compete with it), before the first drop.
    loading.add_done_callback(lambda _task: window.tasks.start("prepare engine", session.workspace.prepare_engine()))
    try:
        await closing.wait()
    finally:
        leaving_watch.cancel()
        # The window's tasks end first; the batch in flight finishes, rows not started stay queued for next time.
        await window.tasks.shutdown()
        await session.close()
    return window


def paint_frame(app: QApplication, paths: AppPaths) -> MainWindow | None:
    """Show the window's frame and let Qt paint it, before the event loop and the core: the person sees the window
    they will work in at once. None if it was closed before it was painted (the person changed their mind)."""
    frame = MainWindow(expected=expected_connection(paths.home))
    closed = []
    frame.closed.connect(lambda: closed.append(True))
    frame.show()
    # Qt's own events only: no asyncio loop runs yet, so nothing of the app's can run inside this. Keys and clicks
    # wait for the loop (the menus are filled at attach); the timer bounds the wait for a window never exposed.
    patience = QTimer(singleShot=True, interval=FIRST_PAINT_WAIT_MS)
    patience.start()
    while not frame.painted and not closed and patience.isActive():
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents
                          | QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    patience.stop()
    if closed:
        frame.deleteLater()
        return None
    return frame


def run_app() -> int:
    """The `campsync-gui` entry point (pyproject.toml): only what the first frame needs is imported before it."""
    paths = AppPaths.resolve().ensure()
    setup_logging(paths.log_dir)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("CampSync")
    app.setOrganizationName("CampSync")
    install_language(app)  # before the first widget: the frame is painted in the person's language
    install_excepthook()
    apply_theme(app)
    collector = GuiThreadGarbageCollector(parent=app)
    frame = paint_frame(app, paths)
    if frame is None:
        collector.stop()
        return 0
    import asyncio

    import qasync  # the event loop's library: after the first frame, which Qt paints without it

    try:
        with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
            return runner.run(main_async(app, collector, frame))
    finally:
        collector.stop()
