"""The main window: people beside campaigns, the live log and the queue below, the connection in the status bar.

Every gesture is one call on the workspace (the application core), run as a named task of `self.tasks`; the
window only shows what comes back and keeps its views fresh."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QFileDialog, QLabel, QMainWindow, QProgressBar, QPushButton, QSplitter, QTabWidget,
                               QVBoxLayout, QWidget)

from ..core.automation.batch import BatchReport
from ..dynamics.errors import DynamicsError
from .ask import confirmed, tell
from .bridge import EventBridge
from .controller import FlowController
from .session import AppSession
from .tasks import TaskManager
from .theme import ENV_COLOURS
from .widgets.automation_panel import AutomationPanel
from .widgets.campaigns_panel import CampaignsPanel
from .widgets.doctor_dialog import DoctorDialog
from .widgets.log_panel import LogPanel
from .widgets.people_panel import PeoplePanel
from .widgets.queue_panel import QueuePanel

log = logging.getLogger(__name__)

HISTORY_EVENTS = 2000
TOUCHED_SLICE = 500  # people re-read per step of a reload, the event loop running in between


class MainWindow(QMainWindow):
    closed = Signal()  # the person closed the window (Ctrl+Q, the close button): the session ends

    def __init__(self, session: AppSession):
        super().__init__()
        self.session = session
        self.workspace = workspace = session.workspace
        self.tasks = TaskManager(self)
        self.bridge = EventBridge(workspace.bus, self)
        self.setWindowTitle(f"CampSync — {session.connection.name}")
        self.resize(1400, 900)

        self.people_panel = PeoplePanel(workspace)
        self.automation_panel = AutomationPanel(workspace)
        self.campaigns_panel = CampaignsPanel(workspace)
        self.log_panel = LogPanel()
        self.queue_panel = QueuePanel(workspace, self.campaigns_panel.campaigns.names)
        self.log_panel.connect_bridge(self.bridge)
        self.queue_panel.connect_bridge(self.bridge)
        self.controller = FlowController(workspace, self.tasks, session.connection.environment, self)

        self._build_layout()
        self._build_menus()
        self._build_status_bar()
        self._wire()
        self._restore_layout()
        self.log_panel.load_history(workspace.recent_events(HISTORY_EVENTS))

    # ---- layout --------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setContentsMargins(10, 6, 10, 6)
        if self.session.is_builtin_sandbox:
            self.banner.setText("You are connected to the <b>built-in sandbox org</b> with demo data. Nothing you do "
                                "here touches a real Dynamics 365 org. Add a connection (Admin → Connections) to "
                                "work on yours.")
            self.banner.setObjectName("sandboxBanner")
            self.banner.setStyleSheet("background:#e8f0fe;color:#174ea6;border-radius:4px;")
        else:
            self.banner.hide()
        self.top_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.top_splitter.setObjectName("topSplitter")
        self.top_splitter.addWidget(self.people_panel)
        self.top_splitter.addWidget(self.campaigns_panel)
        self.top_splitter.setSizes([820, 580])
        self.bottom_tabs = QTabWidget()
        self.bottom_tabs.addTab(self.log_panel, "Live log")
        self.bottom_tabs.addTab(self.queue_panel, "Queue")
        self.main_tabs = QTabWidget()
        self.main_tabs.addTab(self.top_splitter, "People and campaigns")
        self.main_tabs.addTab(self.automation_panel, "Automation")
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

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&Import people from CSV…", self.import_csv, "Ctrl+I")
        self._action(file_menu, "&Pull people and members from Dynamics", self.pull_everything, "Ctrl+Shift+P")
        self._action(file_menu, "&Refresh campaigns", self.refresh, QKeySequence.StandardKey.Refresh)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        edit = bar.addMenu("&Edit")
        self.undo_action = self._action(edit, "&Undo last flow action", self.controller.undo,
                                        QKeySequence.StandardKey.Undo)
        self._action(edit, "&Find people…", self.people_panel.focus_search, QKeySequence.StandardKey.Find)
        edit.addAction(self.campaigns_panel.remove_action)
        admin = bar.addMenu("&Admin")
        self._action(admin, "&Connections…", self.open_connections, "Ctrl+Shift+C")
        self._action(admin, "&Settings…", self.open_settings, "Ctrl+,")
        self.test_action = self._action(admin, "&Test connectivity…", self.open_doctor, "Ctrl+Shift+T")
        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "Open &log folder", self.open_log_folder)

    def _build_status_bar(self) -> None:
        conn = self.session.connection
        colour = ENV_COLOURS.get(conn.environment, "#5f6368")
        self.connection_label = QLabel(f"● {conn.name} ({conn.environment})")
        self.connection_label.setStyleSheet(f"color:{colour};font-weight:bold;padding:0 6px;")
        self.latency_label = QLabel("latency —")
        self.sync_label = QLabel()
        self.pending_label = QLabel("0 pending")
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(180)
        self.progress_bar.hide()
        self.cancel_button = QPushButton("Cancel sync")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.controller.cancel_run)
        status = self.statusBar()
        for widget in (self.progress_bar, self.cancel_button, self.pending_label, self.sync_label,
                       self.latency_label, self.connection_label):
            status.addPermanentWidget(widget)
        self._show_sync_state()

    def _wire(self) -> None:
        self.campaigns_panel.campaigns.add_requested.connect(self.controller.add)
        self.campaigns_panel.remove_requested.connect(self.controller.remove)
        self.people_panel.remove_requested.connect(self.controller.remove)
        self.campaigns_panel.status.connect(self.show_status)
        self.controller.status.connect(self.show_status)
        self.controller.busy_changed.connect(self._busy)
        self.controller.progress.connect(self._progress)
        self.controller.changed.connect(self._schedule_reload)
        self.controller.pending.connect(self._mark_pending)
        self.queue_panel.retry_requested.connect(self.controller.retry)
        self.queue_panel.cancel_requested.connect(self.controller.cancel)
        self.automation_panel.run_now_requested.connect(self.run_batch_now)
        self.bridge.outbox_changed.connect(lambda _data: self._pending_timer.start())
        self.bridge.problem.connect(self.show_status)
        self.tasks.failed.connect(self._task_failed)
        # Many confirmations arrive in bursts: reload the views at most a few times a second.
        self._reload_timer = QTimer(self, singleShot=True, interval=300)
        self._reload_timer.timeout.connect(lambda: self.tasks.start("refresh views", self._reload_in_slices(),
                                                                    replace=True))
        self._touched: set[int] = set()  # people whose sync state a flow action may have changed
        self._pending_timer = QTimer(self, singleShot=True, interval=250)
        self._pending_timer.timeout.connect(self._update_pending)
        # While the window is open it is the scheduler: waits that are over and batch campaigns that are due.
        self._scheduler = QTimer(self, interval=30_000)
        self._scheduler.timeout.connect(self.scheduler_tick)
        self._scheduler.start()

    # ---- state shown -----------------------------------------------------------------------------

    def show_status(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 15000)

    def _task_failed(self, name: str, message: str) -> None:
        """A background task failed: the person sees it in the status bar and as a problem row in the log."""
        text = f"{name[:1].upper()}{name[1:]} failed: {message}"
        self.show_status(text)
        self.log_panel.add_problem(text)

    def _show_sync_state(self) -> None:
        on = self.workspace.settings().campaign_sync_enabled
        self.sync_label.setText("Campaign sync: on" if on else "Campaign sync: OFF")
        self.sync_label.setStyleSheet("" if on else "color:#c5221f;font-weight:bold;")
        self.campaigns_panel.campaigns.set_readiness(self.workspace.readiness())

    def _busy(self, busy: bool) -> None:
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress_bar.setRange(0, 0)

    def _progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.progress_bar.setFormat(f"{done} / {total}")

    def _mark_pending(self, ids: list) -> None:
        self._touched.update(ids)
        self.people_panel.model.set_pending(set(ids) | self.people_panel.model.pending_ids())

    def _schedule_reload(self) -> None:
        self._reload_timer.start()

    def _update_pending(self) -> None:
        count = self.workspace.pending_count()
        self.pending_label.setText(f"{count} pending")
        if not count:
            self.people_panel.model.set_pending(set())

    def reload_views(self, *, people: bool = False) -> None:
        """Refresh from the store. People are re-read in full only after an import or pull: at 200,000 rows
        that takes most of a second, so after a flow action only the people it touched are re-read."""
        for _step in self._reload_steps(people=people):
            pass

    async def _reload_in_slices(self) -> None:
        """The reload after a flow action, with the event loop running between its steps (re-reading 10,000
        touched people at once froze the window for a fifth of a second)."""
        for _step in self._reload_steps(people=False, queue_if_hidden=False):
            await asyncio.sleep(0)

    def _reload_steps(self, *, people: bool, queue_if_hidden: bool = True):
        self.campaigns_panel.reload()
        yield
        if people:
            self.people_panel.reload()
            yield
        elif self._touched:
            touched = sorted(self._touched)
            if not self.workspace.pending_count():
                self._touched.clear()
            for start in range(0, len(touched), TOUCHED_SLICE):
                self.people_panel.refresh_people(touched[start:start + TOUCHED_SLICE])
                yield
        if queue_if_hidden:
            self.queue_panel.refresh()
        else:
            self.queue_panel.refresh_if_shown()
        yield
        self._update_pending()
        self._show_sync_state()

    # ---- reading from Dynamics ---------------------------------------------------------------------

    def refresh(self, *, people: bool | None = None) -> asyncio.Task:
        """Campaigns and memberships from Dynamics; people too on the first start (empty store) or when asked."""
        return self.tasks.start("read from Dynamics", self._refresh(people))

    def pull_everything(self) -> asyncio.Task:
        return self.refresh(people=True)

    async def _refresh(self, people: bool | None) -> None:
        self.show_status("Reading from Dynamics…")
        try:
            self.latency_label.setText(f"latency {await self.workspace.latency_ms():.0f} ms")
            await self.workspace.pull(people=people)
        except DynamicsError as exc:
            self.show_status(f"Could not read from Dynamics: {exc.message}")
            log.warning("refresh failed: %s", exc.message)
        finally:
            self.reload_views(people=True)
        if self.workspace.pending_count():
            self.show_status("Finishing flow actions left queued last time…")
            await self.controller.sync()
        else:
            self.show_status(f"{self.campaigns_panel.campaigns.rowCount()} campaigns loaded.")

    def import_csv(self, path: str | None = None) -> asyncio.Task | None:
        if path is None:  # asked here, in the slot: no modal dialog inside a coroutine
            path, _ = QFileDialog.getOpenFileName(self, "Import people", "", "CSV files (*.csv);;All files (*)")
        if not path:
            return None
        return self.tasks.start("import people", self._import(path))

    async def _import(self, path: str) -> None:
        self.show_status(f"Importing people from {Path(path).name}…")
        imported = await self.workspace.import_people(path)
        report = imported.report
        details = "\n".join(f"Row {e.row}: {e.reason}" for e in report.row_errors[:20])
        self.import_result = tell(self, "Import people", report.summary() + (f"\n\n{details}" if details else ""))
        self.reload_views(people=True)
        await self.controller.sync()

    # ---- batch campaigns and the scheduler -------------------------------------------------------------

    def run_batch_now(self, campaign_id: int, *, confirm: bool = True) -> asyncio.Task:
        return self.tasks.start("run batch campaign", self._run_batch(campaign_id, confirm))

    async def _run_batch(self, campaign_id: int, confirm: bool) -> BatchReport | None:
        """Preview the qualified count, then run the batch campaign; Cancel sync aborts the rest."""
        campaign = self.workspace.automations.get(campaign_id)
        if campaign is None:
            return None
        count = self.workspace.batch_preview(campaign_id)
        if confirm and not await confirmed(self, "Run batch campaign",
                                           f"{count} people qualify for {campaign.name!r} now.\n\nRun it?"):
            return None
        self.cancel_button.show()
        try:
            report = await self.workspace.run_batch(campaign_id)
        finally:
            self.cancel_button.hide()
        self.show_status(f"{campaign.name}: {report.processed} of {report.qualified} people processed"
                         + (" (aborted)." if report.aborted else "."))
        await self.controller.sync()
        self.automation_panel.reload()
        return report

    def scheduler_tick(self) -> asyncio.Task | None:
        if self.tasks.running("scheduler"):
            return None  # the last tick is still running its batch campaigns
        return self.tasks.start("scheduler", self._scheduler_tick())

    async def _scheduler_tick(self) -> None:
        tick = await self.workspace.scheduler_tick()
        for report in tick.batches:
            self.show_status(f"Scheduled batch campaign {report.campaign!r}: {report.processed} people processed.")
        if tick.resumed or tick.batches:
            self._schedule_reload()
        self.automation_panel.reload()  # scheduled times move on after a run

    # ---- admin ---------------------------------------------------------------------------------

    def open_doctor(self) -> DoctorDialog:
        conn = self.workspace.connection
        dialog = DoctorDialog(conn, lambda on_result: self.workspace.test_connectivity(on_result=on_result),
                              self.tasks, self)
        dialog.show()
        dialog.run()  # `dialog.running` is the task, so callers (and tests) can await the report
        return dialog

    def open_connections(self):
        from .widgets.connections_dialog import ConnectionsDialog

        dialog = ConnectionsDialog(self.workspace, self.tasks, self)
        dialog.connection_changed.connect(lambda name: self.show_status(
            f"Connection {name!r} is the default now: restart CampSync to use it." if name else
            "No connection left: CampSync will use its built-in sandbox org after a restart."))
        dialog.show()
        return dialog

    def open_settings(self):
        from .widgets.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.workspace, self)
        dialog.sync_toggled.connect(self.on_sync_toggled)
        dialog.show()
        return dialog

    def on_sync_toggled(self, enabled: bool) -> asyncio.Task | None:
        self._show_sync_state()
        if not enabled:
            return None
        return self.tasks.start("refresh after enabling sync", self._refresh_after_enabling())

    async def _refresh_after_enabling(self) -> None:
        # As in Marketo: turning campaign sync back on re-reads campaigns and CampSync's list links.
        self.show_status(await self.workspace.refresh_after_enabling())
        self.reload_views()

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.session.paths.log_dir)))

    # ---- window state --------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = QSettings()
        if (geometry := settings.value("main/geometry")) is not None:
            self.restoreGeometry(geometry)
        for splitter in (self.main_splitter, self.top_splitter, self.campaigns_panel.splitter):
            if (state := settings.value(f"main/{splitter.objectName()}")) is not None:
                splitter.restoreState(state)

    def closeEvent(self, event) -> None:
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        for splitter in (self.main_splitter, self.top_splitter, self.campaigns_panel.splitter):
            settings.setValue(f"main/{splitter.objectName()}", splitter.saveState())
        self._scheduler.stop()
        self.bridge.close()
        super().closeEvent(event)
        self.closed.emit()
