"""`python -m campsync_gui.ui.screenshots [FOLDER] [--language fr | --pseudo]`: start the real app on the sandbox
and save PNGs of it, in English, in a language of its own (`make screenshots` makes the French set too), or
pseudo-localised (every string 40 % longer and accented: what a longer language would cut off shows).

Saves the main window during a sync and after it (also at 1280×720), the preview dialog and the connectivity report (what `make
screenshots` puts in resources/screenshots for the README).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

SIZE = (1440, 900)
SMALL_SCREEN = (1280, 720)


async def _until(predicate, timeout: float = 60.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise TimeoutError("the window did not get there in time")
        await asyncio.sleep(0.05)


async def shoot(app: QApplication, folder: Path) -> list[Path]:
    from .main_window import MainWindow
    from .session import open_session

    session = open_session()
    session.sandbox.knobs.latency_ms = 120  # slow enough that the sync is visibly in progress
    settings = session.workspace.settings()
    settings.batch_size = 10  # many small batches, so the shot lands mid-sync
    session.workspace.save_settings(settings)
    window = MainWindow(session)
    window.resize(*SIZE)
    window.show()
    saved = []
    try:
        await window.refresh(people=True)
        campaigns = window.campaigns_panel.campaigns
        target_row = next(r for r in range(campaigns.rowCount())
                          if campaigns.index(r, 0).data(Qt.ItemDataRole.UserRole + 1).active)
        target = campaigns.index(target_row, 0)
        window.campaigns_panel.select_campaign(campaigns.index(target_row, 0).data(Qt.ItemDataRole.UserRole + 1).id)
        people = window.people_panel.model
        window.people_panel.search.setText("a")
        window.people_panel.apply_filter()
        indexes = [people.index(r, 0) for r in range(min(120, people.rowCount()))]
        window.people_panel.view.selectRow(0)
        campaigns.dropMimeData(people.mimeData(indexes), Qt.DropAction.CopyAction, -1, -1, target)
        await _until(lambda: window.controller.preview is not None)
        preview = window.controller.preview
        preview.resize(900, 560)
        await asyncio.sleep(0.3)
        saved.append(_save(preview, folder / "preview.png"))
        preview.accept()
        await _until(lambda: window.progress_bar.isVisible())
        await _until(lambda: window.log_panel.model.rowCount() >= 40)
        window.reload_views()
        await asyncio.sleep(0.2)
        saved.append(_save(window, folder / "main-window-sync.png"))
        await _until(lambda: not window.workspace.pending_count() and not window.progress_bar.isVisible())
        window.reload_views()
        await asyncio.sleep(0.3)
        saved.append(_save(window, folder / "main-window.png"))
        chart = window.charts.open_membership(window.campaigns_panel.selected_campaign_id())
        chart.resize(900, 520)
        await chart.loading
        await asyncio.sleep(0.3)
        saved.append(_save(chart, folder / "membership-chart.png"))
        chart.close()
        events = window.charts.show_events()
        await _until(lambda: events.counts is not None and events.counts.total > 0)
        await asyncio.sleep(0.3)
        saved.append(_save(window.bottom_tabs, folder / "events-chart.png"))
        window.bottom_tabs.setCurrentIndex(0)
        # The smallest screen CampSync is made for: everything fits, nothing is cut off.
        window.resize(*SMALL_SCREEN)
        window.fit_layout()  # the proportions a first start at this size has
        await asyncio.sleep(0.3)
        saved.append(_save(window, folder / "main-window-1280x720.png"))
        dialog = window.open_doctor()
        dialog.resize(1000, 480)
        await dialog.running
        await asyncio.sleep(0.3)
        saved.append(_save(dialog, folder / "connectivity-report.png"))
        dialog.close()
    finally:
        await window.tasks.shutdown()
        window.close()
        await session.close()
    return saved


def _save(widget, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(path))
    print(f"saved {path}")
    return path


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m campsync_gui.ui.screenshots")
    parser.add_argument("folder", nargs="?", default="resources/screenshots")
    parser.add_argument("--language", default="en", help="the window's language (en, fr)")
    parser.add_argument("--pseudo", action="store_true", help="pseudo-localised: 40 %% longer, accented")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    folder = Path(args.folder).absolute()
    # A throwaway home: the screenshots never touch the user's own data or connections.
    os.environ["CAMPSYNC_HOME"] = tempfile.mkdtemp(prefix="campsync-shots-")
    for var in ("CAMPSYNC_ORG_URL", "CAMPSYNC_TENANT_ID", "CAMPSYNC_CLIENT_ID", "CAMPSYNC_CLIENT_SECRET"):
        os.environ.pop(var, None)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CampSync")
    app.setOrganizationName("CampSyncScreenshots")
    # Closing the window at the end must not end the event loop while the session is still closing.
    app.setQuitOnLastWindowClosed(False)
    from .theme import apply_theme

    apply_theme(app, "light")
    from .i18n import install_language

    install_language(app, args.language)
    if args.pseudo:
        from .pseudo_locale import install_pseudo

        install_pseudo(app, Path(os.environ["CAMPSYNC_HOME"]) / "pseudo")
    from .gc_guard import GuiThreadGarbageCollector

    collector = GuiThreadGarbageCollector(parent=app)
    try:
        with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
            runner.run(shoot(app, folder))
    finally:
        collector.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
