"""The main window: people beside campaigns, the live log and the queue below, the connection in the status bar."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QFileDialog, QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)
from qasync import asyncSlot
from sqlmodel import Session, select

from ..core.automation import AutomationRunner
from ..core.engine import SyncEngine
from ..core.events import EventBus
from ..core.models import TriggerEvent
from ..core.settings import load_settings
from ..core.triggers import event_to_dict
from ..dynamics.client import DataverseClient, chunked
from ..dynamics.doctor import DoctorOptions
from ..dynamics.errors import DynamicsError
from .bridge import EventBridge
from .controller import FlowController
from .session import AppSession
from .theme import ENV_COLOURS
from .widgets.automation_panel import AutomationPanel
from .widgets.campaigns_panel import CampaignsPanel
from .widgets.doctor_dialog import DoctorDialog
from .widgets.log_panel import LogPanel
from .widgets.people_panel import PeoplePanel
from .widgets.queue_panel import QueuePanel

log = logging.getLogger(__name__)

HISTORY_EVENTS = 2000


class MainWindow(QMainWindow):
    def __init__(self, session: AppSession, client: DataverseClient):
        super().__init__()
        self.session = session
        self.client = client
        self.store = session.engine
        self.scope = session.connection.name
        self.bus = EventBus()
        self.engine = SyncEngine(self.store, client, scope=self.scope, bus=self.bus)
        self.bridge = EventBridge(self.bus, self)
        self.setWindowTitle(f"CampSync — {session.connection.name}")
        self.resize(1400, 900)

        self.people_panel = PeoplePanel(self.store)
        self.automation_panel = AutomationPanel(self.store)
        self.campaigns_panel = CampaignsPanel(self.store)
        self.log_panel = LogPanel()
        self.queue_panel = QueuePanel(self.store, self.campaigns_panel.campaigns.names)
        self.log_panel.connect_bridge(self.bridge)
        self.queue_panel.connect_bridge(self.bridge)
        self.controller = FlowController(self.engine, session.connection.environment, self)
        # Trigger campaigns react to every confirmed change, whoever made it (drop, undo, another campaign).
        self.automation = AutomationRunner(self.store, self.bus, self.engine, on_enqueued=self._run_soon)

        self._build_layout()
        self._build_menus()
        self._build_status_bar()
        self._wire()
        self._restore_layout()
        self.log_panel.load_history(self._history())

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
        action.triggered.connect(slot)
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
        self.undo_action = self._action(edit, "&Undo last flow action", self.undo, QKeySequence.StandardKey.Undo)
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
        self.campaigns_panel.campaigns.add_requested.connect(self.on_add_requested)
        self.campaigns_panel.remove_requested.connect(self.on_remove_requested)
        self.people_panel.remove_requested.connect(self.on_remove_requested)
        self.campaigns_panel.status.connect(self.show_status)
        self.controller.status.connect(self.show_status)
        self.controller.busy_changed.connect(self._busy)
        self.controller.progress.connect(self._progress)
        self.controller.changed.connect(self._schedule_reload)
        self.controller.pending.connect(self._mark_pending)
        self.queue_panel.retry_requested.connect(self.retry)
        self.automation_panel.run_now_requested.connect(self.on_run_now_requested)
        self.queue_panel.cancel_requested.connect(self.controller.cancel)
        self.bridge.outbox_changed.connect(lambda _data: self._schedule_pending_count())
        self.bridge.problem.connect(lambda text: self.show_status(text))
        # Many confirmations arrive in bursts: reload the views at most a few times a second.
        self._reload_timer = QTimer(self, singleShot=True, interval=300)
        self._reload_timer.timeout.connect(self._reload_in_slices)
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

    def _show_sync_state(self) -> None:
        settings = load_settings(self.store, self.scope)
        on = settings.campaign_sync_enabled
        self.sync_label.setText("Campaign sync: on" if on else "Campaign sync: OFF")
        self.sync_label.setStyleSheet("" if on else "color:#c5221f;font-weight:bold;")
        self.campaigns_panel.campaigns.sync_enabled = on
        self.campaigns_panel.campaigns.prerequisite_problem = self.engine.readiness().prerequisite_problem

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

    def _schedule_pending_count(self) -> None:
        self._pending_timer.start()

    def _update_pending(self) -> None:
        count = self.engine.pending_count()
        self.pending_label.setText(f"{count} pending")
        if not count:
            self.people_panel.model.set_pending(set())

    def reload_views(self, *, people: bool = False) -> None:
        """Refresh from the store. People are re-read in full only after an import or pull: at 200,000 rows
        that takes most of a second, so after a flow action only the people it touched are re-read."""
        for _step in self._reload_steps(people=people):
            pass

    @asyncSlot()
    async def _reload_in_slices(self) -> None:
        """The reload after a flow action, with the event loop running between its steps (re-reading 10,000
        touched people at once froze the window for a fifth of a second)."""
        for _step in self._reload_steps(people=False, queue_if_hidden=False):
            await asyncio.sleep(0)

    def _reload_steps(self, *, people: bool, queue_if_hidden: bool = True):
        self.campaigns_panel.reload()
        yield
        if people:
            self.people_panel.model.reload()
            yield
        elif self._touched:
            touched = sorted(self._touched)
            if not self.engine.pending_count():
                self._touched.clear()
            for part in chunked(touched, 500):
                self.people_panel.model.refresh_people(part)
                yield
        if queue_if_hidden:
            self.queue_panel.refresh()
        else:
            self.queue_panel.refresh_if_shown()
        yield
        self._update_pending()
        self._show_sync_state()

    def _history(self) -> list[dict]:
        with Session(self.store) as session:
            rows = session.exec(select(TriggerEvent).order_by(TriggerEvent.id.desc()).limit(HISTORY_EVENTS)).all()
        return [event_to_dict(e) for e in reversed(rows)]

    # ---- loading from Dynamics -----------------------------------------------------------------

    @asyncSlot()
    async def refresh(self, *, people: bool | None = None) -> None:
        """Campaigns and memberships from Dynamics; people too on the first start (empty store) or when asked."""
        from ..core.people import list_people
        from ..core.pull import pull_memberships, pull_people, refresh_campaigns

        self.show_status("Reading campaigns from Dynamics…")
        try:
            started = time.perf_counter()
            await self.client.whoami()
            self.latency_label.setText(f"latency {1000 * (time.perf_counter() - started):.0f} ms")
            await refresh_campaigns(self.store, self.client)
            await self.engine.check_prerequisite(force=True)
            if people or (people is None and not list_people(self.store, limit=1)):
                self.show_status("Reading leads and contacts from Dynamics…")
                pulled = await pull_people(self.store, self.client)
                self.automation.data_values_changed(pulled.changes)  # "Data value changes" campaigns
            await pull_memberships(self.store, self.client, load_settings(self.store, self.scope))
        except DynamicsError as exc:
            self.show_status(f"Could not read from Dynamics: {exc.message}")
            log.warning("refresh failed: %s", exc.message)
        finally:
            self.reload_views(people=True)
        if self.engine.pending_count():
            self.show_status("Finishing flow actions left queued last time…")
            await self.controller.run()
        else:
            self.show_status(f"{self.campaigns_panel.campaigns.rowCount()} campaigns loaded.")

    @asyncSlot()
    async def pull_everything(self) -> None:
        await self.refresh(people=True)

    @asyncSlot()
    async def import_csv(self) -> None:
        from ..core.people import import_csv

        path, _ = QFileDialog.getOpenFileName(self, "Import people", "", "CSV files (*.csv);;All files (*)")
        if not path:
            return
        from ..core.people import max_person_id, new_person_ids

        before = max_person_id(self.store)
        self.show_status(f"Importing people from {Path(path).name}…")
        # Off the window's thread: a 50 MB file takes seconds to read (writes go in batches of 1,000 rows,
        # so a sync running meanwhile waits at most one batch for the database).
        report = await asyncio.to_thread(import_csv, self.store, path)
        self.automation.people_created(new_person_ids(self.store, before))  # "Person is created" campaigns
        self.automation.data_values_changed(report.changes)  # "Data value changes" campaigns
        details = "\n".join(f"Row {e.row}: {e.reason}" for e in report.row_errors[:20])
        QMessageBox.information(self, "Import people", report.summary() + (f"\n\n{details}" if details else ""))
        self.reload_views(people=True)
        await self.controller.run()

    # ---- flow actions --------------------------------------------------------------------------

    @asyncSlot(str, list)
    async def on_add_requested(self, campaign_id: str, person_ids: list) -> None:
        await self.controller.add(campaign_id, person_ids)

    @asyncSlot(str, list)
    async def on_remove_requested(self, campaign_id: str, person_ids: list) -> None:
        await self.controller.remove(campaign_id, person_ids)

    @asyncSlot()
    async def undo(self) -> None:
        await self.controller.undo()

    @asyncSlot(list)
    async def retry(self, ids: list) -> None:
        await self.controller.retry(ids)

    @asyncSlot(int)
    async def on_run_now_requested(self, campaign_id: int) -> None:
        await self.run_batch_now(campaign_id)

    async def run_batch_now(self, campaign_id: int, *, confirm: bool = True):
        """Preview the qualified count, then run the batch campaign; Cancel sync aborts the rest."""
        from sqlmodel import Session as _Session

        from ..core.batch import preview, run_batch
        from ..core.models import AutomationCampaign

        with _Session(self.store) as session:
            campaign = session.get(AutomationCampaign, campaign_id)
        if campaign is None:
            return None
        count = preview(self.automation, campaign)
        if confirm and QMessageBox.question(
                self, "Run batch campaign", f"{count} people qualify for {campaign.name!r} now.\n\nRun it?") \
                != QMessageBox.StandardButton.Yes:
            return None
        self.controller._stop = stop = asyncio.Event()
        self.cancel_button.show()
        try:
            report = await run_batch(self.automation, campaign, stop=stop)
        finally:
            self.cancel_button.hide()
        self.show_status(f"{campaign.name}: {report.processed} of {report.qualified} people processed"
                         + (" (aborted)." if report.aborted else "."))
        await self.controller.run()
        self.automation_panel.reload()
        return report

    def _run_soon(self) -> None:
        """A trigger campaign queued a flow action: make sure the engine picks it up."""
        asyncio.ensure_future(self.controller.run())

    @asyncSlot()
    async def scheduler_tick(self) -> None:
        from ..core.batch import advance_schedule, due_batches, run_batch

        resumed = self.automation.resume_due()
        for campaign in due_batches(self.store):
            report = await run_batch(self.automation, campaign)
            advance_schedule(self.store, campaign)
            self.show_status(f"Scheduled batch campaign {campaign.name!r}: {report.processed} people processed.")
        if resumed or self.engine.pending_count():
            await self.controller.run()
        self.automation_panel.reload()  # scheduled times move on after a run

    # ---- admin ---------------------------------------------------------------------------------

    def open_doctor(self) -> DoctorDialog:
        settings = load_settings(self.store, self.scope)
        dialog = DoctorDialog(self.session.connection, DoctorOptions(
            campaign_sync_enabled=settings.campaign_sync_enabled,
            prerequisite_solution=settings.prerequisite_solution,
            prerequisite_min_version=settings.prerequisite_min_version), self)
        dialog.show()
        dialog.running = dialog.run()  # the task, so callers (and tests) can await the report
        return dialog

    def open_connections(self):
        from .widgets.connections_dialog import ConnectionsDialog

        dialog = ConnectionsDialog(self.store, self)
        dialog.connection_changed.connect(lambda name: self.show_status(
            f"Connection {name!r} is the default now: restart CampSync to use it." if name else
            "No connection left: CampSync will use its built-in sandbox org after a restart."))
        dialog.show()
        return dialog

    def open_settings(self):
        from .widgets.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.store, self.scope, self)
        dialog.sync_toggled.connect(self.on_sync_toggled)
        dialog.show()
        return dialog

    @asyncSlot(bool)
    async def on_sync_toggled(self, enabled: bool) -> None:
        self._show_sync_state()
        if enabled:  # as in Marketo: turning campaign sync back on refreshes campaigns and list links
            await self.refresh(people=False)

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
        self.automation.close()
        self.bridge.close()
        super().closeEvent(event)
