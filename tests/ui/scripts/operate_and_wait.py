"""The real app (`main_async`, as `campsync-gui` runs it) on the built-in demo org, in its own process: add three
people to a campaign through the operator's path (preview, confirm), wait until Dynamics confirmed, say so on
stdout, then either quit as Ctrl+Q does (`quit`) or wait to be killed (`wait`).
Used by tests/ui/test_kill_and_restart.py."""

import asyncio
import sys

import qasync
from PySide6.QtWidgets import QApplication

from campsync_gui.ui import app as app_module
from campsync_gui.ui.gc_guard import GuiThreadGarbageCollector
from campsync_gui.ui.main_window import MainWindow


async def operate(mode: str) -> None:
    window = None
    while window is None or window.tasks.busy():
        await asyncio.sleep(0.05)
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()),
                      None)
    campaign = next(c for c in window.workspace.campaign_summaries() if c.active)
    people = window.people_panel.model.matching_person_ids()[:3]
    task = window.controller.add(campaign.id, people)
    while window.controller.preview is None:
        await asyncio.sleep(0.02)
    window.controller.preview.accept()
    await task
    while not window.controller.is_idle() or window.workspace.pending_count():
        await asyncio.sleep(0.05)
    print(f"CONFIRMED {campaign.id} {' '.join(map(str, people))}", flush=True)
    if mode == "wait":
        await asyncio.sleep(3600)
    window.close()  # what Ctrl+Q does


async def main(app: QApplication, mode: str) -> int:
    collector = GuiThreadGarbageCollector(parent=app)
    operator = asyncio.ensure_future(operate(mode))
    try:
        return await app_module.main_async(app, collector)
    finally:
        collector.stop()
        if operator.done() and operator.exception():
            raise operator.exception()


if __name__ == "__main__":
    qt_app = QApplication(sys.argv[:1])
    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        sys.exit(runner.run(main(qt_app, sys.argv[1])))
