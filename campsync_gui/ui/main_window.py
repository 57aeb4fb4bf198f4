"""The main window: people beside campaigns, the live log and the queue below, the connection in the status bar.

Every gesture is one call on the workspace (the application core), run as a named task of `self.tasks`; the
window only shows what comes back and keeps its views fresh.

The window is shown before the core is imported (ui/app.py): this module imports only PySide6 and light modules,
the frame (window_shell.py) paints, and attach() then imports the core and the panels and builds them in."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QSplitter

from ..language import plural
from .announce import announce
from .i18n import translate
from .startup_hint import ExpectedConnection
from .window_shell import WindowShell

# Not even asyncio and the question boxes (ask.py) before the first frame: a tenth of a second on a busy machine.
if TYPE_CHECKING:  # the core, the panels and the dialogs load in attach() or when first used, after the first paint
    import asyncio

    from ..core.automation.batch import BatchReport
    from .session import AppSession
    from .widgets.doctor_dialog import DoctorDialog
    from .widgets.help_dialogs import HelpDialog

log = logging.getLogger(__name__)

HISTORY_EVENTS = 2000
# People re-read per step of a reload, the event loop running in between: 500 took 7 ms. On the window's thread, not a
# helper's: building their rows is Python work, and a helper thread holding the interpreter for it made the window's
# next repaint wait for it in turns (4 ms became 19).
TOUCHED_SLICE = 200


class MainWindow(WindowShell):
    attached = False  # True once attach() has built the panels on a session

    def __init__(self, session: AppSession | None = None, *, expected: ExpectedConnection | None = None):
        """With a session, the whole window at once; without, the frame saying it is connecting to `expected`
        (shown at once), and attach(session) later."""
        if session is not None and expected is None:
            expected = ExpectedConnection(session.connection.name, session.connection.environment,
                                          session.is_builtin_sandbox)
        super().__init__(expected)
        if session is not None:
            self.attach(session)

    def attach(self, session: AppSession) -> None:
        """Import the core and the panels, build them into the frame's places and wire them to `session`."""
        from .bridge import EventBridge
        from .controller import FlowController
        from .signin_flow import SignInFlow
        from .tasks import TaskManager
        from .widgets.automation_panel import AutomationPanel
        from .widgets.campaigns_panel import CampaignsPanel
        from .widgets.log_panel import LogPanel
        from .widgets.people_panel import PeoplePanel
        from .widgets.queue_panel import QueuePanel

        self.session = session
        self.workspace = workspace = session.workspace
        self.tasks = TaskManager(self)
        self.bridge = EventBridge(workspace.bus, self)
        self.show_connection(session.connection.name, session.connection.environment)

        self.people_panel = PeoplePanel(workspace)
        self.automation_panel = AutomationPanel(workspace)
        self.campaigns_panel = CampaignsPanel(workspace)
        self.log_panel = LogPanel()
        self.queue_panel = QueuePanel(workspace, self.campaigns_panel.campaigns.names)
        self.log_panel.connect_bridge(self.bridge)
        self.queue_panel.connect_bridge(self.bridge)
        self.controller = FlowController(workspace, self.tasks, session.connection.environment, self)
        self.signin = SignInFlow(self)  # the account in the status bar; the sign-in dialog when Dynamics needs it

        self._place_panels()
        from .chart_actions import ChartActions
        self.charts = ChartActions(self)
        self._build_menus()
        self._attach_status_bar()
        self._wire()
        self.attached = True
        # The proportions again with the panels in (their minimum sizes count), then the saved ones, as a window
        # built whole would have them.
        self.fit_layout()
        self.restore_splitters(self.saved_splitters())
        self.main_splitter.splitterMoved.connect(lambda *_: self._sync_log_toggle())
        self._sync_log_toggle()
        history = workspace.recent_events(HISTORY_EVENTS)
        self.log_panel.load_history(history)
        from .team_feed import TeamFeed
        # The feed reads on from the history's newest event, not the store's newest when it starts: colleagues'
        # events written in between would never be shown.
        shown = max((event.id for event in history if event.id is not None), default=0)
        self.team_feed = TeamFeed(workspace, self.log_panel, self._team_queue_changed, self, after_id=shown)
        self.team_feed.presence_changed.connect(self._show_team)
        self.team_feed.store_unreachable.connect(self.show_store_unreachable)

    # ---- layout --------------------------------------------------------------------------------

    def _place_panels(self) -> None:
        if self.session.is_builtin_sandbox:
            self.show_sandbox_banner()
        elif problem := getattr(self.session, "connection_problem", None):
            # A configured connection that cannot work is said so, never silently swapped for the demo org.
            self.banner.setText(problem)  # the core's words
            self.banner.setObjectName("connectionProblemBanner")
            self.banner.setStyleSheet("background:#fce8e6;color:#a50e0e;border-radius:4px;")
            self.banner.show()
        else:
            self.banner.hide()
        self.put_in_place(self.top_splitter, 0, self.people_panel)
        self.put_in_place(self.top_splitter, 1, self.campaigns_panel)
        self.put_in_place(self.main_tabs, 1, self.automation_panel)
        self.put_in_place(self.bottom_tabs, 0, self.log_panel)
        self.put_in_place(self.bottom_tabs, 1, self.queue_panel)

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menus["&File"]
        self._action(file_menu, translate("MainWindow", "&Import people from CSV…"), self.import_csv, "Ctrl+I")
        self._action(file_menu, translate("MainWindow", "&Pull people and members from Dynamics"),
                     self.pull_everything, "Ctrl+Shift+P")
        self._action(file_menu, translate("MainWindow", "&Refresh campaigns"), self.refresh,
                     QKeySequence.StandardKey.Refresh)
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, translate("MainWindow", "&Quit"), self.close,
                                        QKeySequence.StandardKey.Quit)
        edit = self.menus["&Edit"]
        self.undo_action = self._action(edit, translate("MainWindow", "&Undo last flow action"), self.controller.undo,
                                        QKeySequence.StandardKey.Undo)
        edit.addAction(self.controller.make_redo_action(self.undo_action))  # labels both with what they'd do
        self._action(edit, translate("MainWindow", "&Find people…"), self.people_panel.focus_search,
                     QKeySequence.StandardKey.Find)
        edit.addSeparator()
        edit.addAction(self.people_panel.add_action)  # the keyboard path of a drop: Ctrl+Enter, then a campaign
        edit.addAction(self.campaigns_panel.remove_action)
        admin = self.menus["&Admin"]
        self._action(admin, translate("MainWindow", "&Connections…"), self.open_connections, "Ctrl+Shift+C")
        self._action(admin, translate("MainWindow", "&Settings…"), self.open_settings, "Ctrl+,")
        self.test_action = self._action(admin, translate("MainWindow", "&Test connectivity…"), self.open_doctor,
                                        "Ctrl+Shift+T")
        self.signin.add_menu_entries(admin)
        view = self.menus["&View"]
        self.log_toggle = self._action(view, translate("MainWindow", "Show live &log and queue"), self.toggle_log_panel,
                                       "Ctrl+Shift+L")
        self.log_toggle.setCheckable(True)
        self.log_toggle.setChecked(True)
        self.charts.add_menu_entries(view)
        # QTabWidget switches tabs with Ctrl+Tab only while the focus is inside it (and a table took the key for
        # itself): window-wide actions switch the main tabs from anywhere.
        tabs = self.main_tabs
        view.addSeparator()
        self.next_tab_action = self._action(
            view, translate("MainWindow", "&Next tab"),
            lambda: tabs.setCurrentIndex((tabs.currentIndex() + 1) % tabs.count()), "Ctrl+Tab")
        self.previous_tab_action = self._action(
            view, translate("MainWindow", "&Previous tab"),
            lambda: tabs.setCurrentIndex((tabs.currentIndex() - 1) % tabs.count()), "Ctrl+Shift+Tab")
        help_menu = self.menus["&Help"]
        self._action(help_menu, translate("MainWindow", "&Getting started"),
                     lambda: self.show_help(translate("MainWindow", "Getting started"),
                                            _help_text("getting_started_html")()),
                     QKeySequence.StandardKey.HelpContents)
        self._action(help_menu, translate("MainWindow", "&Keyboard shortcuts"),
                     lambda: self.show_help(translate("MainWindow", "Keyboard shortcuts"),
                                            _help_text("shortcuts_html")()))
        self._action(help_menu, translate("MainWindow", "Open &log folder"), self.open_log_folder)
        help_menu.addSeparator()
        self._action(help_menu, translate("MainWindow", "&About CampSync"),
                     lambda: self.show_help(translate("MainWindow", "About CampSync"), _help_text("about_html")()))

    def _attach_status_bar(self) -> None:
        self.pending_label.setText(translate("MainWindow", "{count} pending").format(count=0))
        self.cancel_button.clicked.connect(self.controller.cancel_run)
        self.account_slot.layout().addWidget(self.signin.button)  # between the latency and the connection
        self.statusBar().clearMessage()  # "Connecting to …" is over
        self._show_sync_state()

    def _wire(self) -> None:
        self.campaigns_panel.campaigns.add_requested.connect(self.controller.add)
        # The Delete key and the menus say so in the log; drags keep the controller's default origin.
        self.campaigns_panel.remove_requested.connect(
            lambda campaign_id, ids, origin: self.controller.remove(campaign_id, ids, origin=origin))
        self.people_panel.remove_requested.connect(self.controller.remove)
        self.campaigns_panel.status.connect(self.show_status)
        # The keyboard paths of the drags: the people panel asks for a campaign, the campaigns panel's picker then
        # makes the request a drop makes (CampaignTableModel.request_add), so the controller path is the same; only
        # the origin the log shows differs (Keyboard / Menu instead of Drag and drop).
        self.people_panel.add_to_campaign_requested.connect(self.campaigns_panel.pick_campaign_for)
        self.campaigns_panel.campaigns.add_requested_by.connect(
            lambda campaign_id, ids, origin: self.controller.add(campaign_id, ids, origin=origin))
        self.campaigns_panel.people_selection = self.people_panel.selected_person_ids
        self.campaigns_panel.refresh_requested.connect(self.refresh)
        self.people_panel.status.connect(self.show_status)
        self.controller.status.connect(self.show_status)
        # The status bar is painted, not read out: a screen reader hears that a sync finished, and how, from this.
        self.controller.sync_finished.connect(lambda text: announce(self.statusBar(), text))
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

    def show_store_unreachable(self, reason: str) -> None:
        self.show_status(translate("MainWindow", "The store is not answering ({reason}). CampSync reads it again "
                                                 "shortly; nothing queued is lost.").format(reason=reason))

    def _task_failed(self, name: str, message: str) -> None:
        """A background task failed: the person sees it in the status bar and as a problem row in the log."""
        from .tasks import task_title

        task = task_title(name)
        text = translate("MainWindow", "{task} failed: {message}").format(task=task[:1].upper() + task[1:],
                                                                          message=message)
        self.show_status(text)
        self.log_panel.add_problem(text)

    def _show_sync_state(self) -> None:
        on = self.workspace.settings().campaign_sync_enabled
        self.sync_label.setText(translate("MainWindow", "Campaign sync: on") if on
                                else translate("MainWindow", "Campaign sync: OFF"))
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
        self.progress_bar.setFormat(f"{done} / {total}")  # numbers only: the same in every language

    def _mark_pending(self, ids: list) -> None:
        self._touched.update(ids)
        self.people_panel.model.add_pending(ids)

    def _schedule_reload(self) -> None:
        self._reload_timer.start()

    def _update_pending(self) -> None:
        from ..core.store import STORE_OUTAGES, outage_reason
        from .team_feed import OUTAGE_RETRY_MS

        try:
            count = self.workspace.pending_count()
        except STORE_OUTAGES as exc:  # a team's store restarting or out of reach: counted again shortly
            self.show_store_unreachable(outage_reason(exc))
            self._pending_timer.start(OUTAGE_RETRY_MS)
            return
        self.pending_label.setText(translate("MainWindow", "{count} pending").format(count=count))
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
        import asyncio

        selected = self.campaigns_panel.selected_campaign_id()
        summaries, members = await asyncio.to_thread(self.campaigns_panel.read_for_reload, selected)
        if self.campaigns_panel.selected_campaign_id() == selected:  # else the person chose another meanwhile
            self.campaigns_panel.reload(summaries, members)
        else:
            self.campaigns_panel.reload(summaries)
        for _step in self._reload_steps(people=False, queue_if_hidden=False, campaigns=False):
            await asyncio.sleep(0)

    def _reload_steps(self, *, people: bool, queue_if_hidden: bool = True, campaigns: bool = True):
        """The reload, one step at a time: each yield is a place to let the event loop run."""
        if campaigns:
            self.campaigns_panel.reload()
            yield True
        if people:
            self.people_panel.reload()
            yield True
        elif self._touched:
            touched = sorted(self._touched)
            if not self.workspace.pending_count():
                self._touched.clear()
            for start in range(0, len(touched), TOUCHED_SLICE):
                self.people_panel.refresh_people(touched[start:start + TOUCHED_SLICE])
                yield True
        if queue_if_hidden:
            self.queue_panel.refresh()
        else:
            self.queue_panel.refresh_if_shown()
        yield True
        self._update_pending()
        self._show_sync_state()

    # ---- reading from Dynamics ---------------------------------------------------------------------

    def refresh(self, *, people: bool | None = None) -> asyncio.Task:
        """Campaigns and memberships from Dynamics; people too on the first start (empty store) or when asked."""
        return self.tasks.start("read from Dynamics", self.signin.guarded(
            lambda: self._refresh(people), signed_out=lambda: self.reload_views(people=True)))

    def pull_everything(self) -> asyncio.Task:
        return self.refresh(people=True)

    async def _refresh(self, people: bool | None) -> None:
        from ..core.workspace import NotConnected
        from ..dynamics.errors import DynamicsError, SignInRequired

        self.show_status(translate("MainWindow", "Reading from Dynamics…"))
        try:
            latency = await self.workspace.latency_ms()
            self.latency_label.setText(translate("MainWindow", "latency {ms} ms").format(ms=f"{latency:.0f}"))
            await self.workspace.pull(people=people)
            if self.session.is_builtin_sandbox:  # example automations and scores, once, on the demo org only
                from ..core.demo_content import seed_demo_automations

                seeded = seed_demo_automations(self.workspace)
                if seeded.examples:
                    self.automation_panel.reload()
        except SignInRequired:
            raise  # the sign-in dialog, then this read again (signin.guarded)
        except DynamicsError as exc:
            self.show_status(translate("MainWindow", "Could not read from Dynamics: {reason}").format(
                reason=exc.message))
            log.warning("refresh failed: %s", exc.message)
        except NotConnected as exc:  # the banner says what is missing; the window still shows what the store has
            self.show_status(str(exc))
            return
        finally:
            self.reload_views(people=True)
        if self.workspace.pending_count():
            self.show_status(translate("MainWindow", "Finishing flow actions left queued last time…"))
            await self.controller.sync()
        else:
            self.show_status(translate("MainWindow", "{count} campaigns loaded.").format(
                count=self.campaigns_panel.campaigns.rowCount()))

    def import_csv(self, path: str | None = None) -> asyncio.Task | None:
        from .file_dialogs import get_open_path

        if path is None:  # asked here, in the slot: no modal dialog inside a coroutine
            # starts in the folder of the last import (else Documents), not the program's folder
            path = get_open_path(self, "import-people", translate("MainWindow", "Import people"))
        if not path:
            return None
        return self.tasks.start("import people", self._import(path))

    async def _import(self, path: str) -> None:
        from .ask import tell, warn

        name = Path(path).name
        started = translate("MainWindow", "Importing people from {file}…").format(file=name)
        self.show_status(started)
        try:
            imported = await self.workspace.import_people(path)
        except BaseException:
            # "Importing…" must not outlive the import; why it failed is shown by _task_failed (status, log).
            if self.statusBar().currentMessage() == started:
                self.statusBar().clearMessage()
            raise
        report = imported.report
        self.show_status(report.outcome(name))  # the core's words
        # Errors and warnings listed under the summary; a refusal or any problem gets the warning icon.
        show = warn if report.aborted or report.errors or report.warnings else tell
        self.import_result = show(self, translate("MainWindow", "Import people"), report.summary(),
                                  details="\n".join(report.detail_lines()))
        self.reload_views(people=True)
        await self.controller.sync()

    # ---- batch campaigns and the scheduler -------------------------------------------------------------

    def run_batch_now(self, campaign_id: int, *, confirm: bool = True) -> asyncio.Task:
        return self.tasks.start("run batch campaign", self._run_batch(campaign_id, confirm))

    async def _run_batch(self, campaign_id: int, confirm: bool) -> BatchReport | None:
        """Preview the qualified count, then run the batch campaign; Cancel sync aborts the rest."""
        from .ask import confirmed

        campaign = self.workspace.automations.get(campaign_id)
        if campaign is None:
            return None
        count = self.workspace.batch_preview(campaign_id)
        question = translate("MainWindow", "{people} for {campaign} now.\n\nRun it?").format(people=plural(
            count, translate("MainWindow", "{n} person qualifies"), translate("MainWindow", "{n} people qualify")),
            campaign=repr(campaign.name))
        if confirm and not await confirmed(self, translate("MainWindow", "Run batch campaign"), question):
            return None
        self.cancel_button.show()
        try:
            report = await self.workspace.run_batch(campaign_id)
        finally:
            self.cancel_button.hide()
        done = (translate("MainWindow", "{campaign}: {processed} of {qualified} people processed (aborted).")
                if report.aborted
                else translate("MainWindow", "{campaign}: {processed} of {qualified} people processed."))
        self.show_status(done.format(campaign=campaign.name, processed=report.processed, qualified=report.qualified))
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
            self.show_status(translate("MainWindow", "Scheduled batch campaign {campaign}: {processed} people "
                                                     "processed.").format(campaign=repr(report.campaign),
                                                                          processed=report.processed))
        if tick.resumed or tick.batches:
            self._schedule_reload()
        self.automation_panel.reload()  # scheduled times move on after a run

    # ---- admin ---------------------------------------------------------------------------------

    def open_doctor(self) -> DoctorDialog:
        from .widgets.doctor_dialog import DoctorDialog

        conn = self.workspace.connection
        dialog = DoctorDialog(conn, lambda on_result: self.workspace.test_connectivity(on_result=on_result),
                              self.tasks, self)
        dialog.show()
        dialog.run()  # `dialog.running` is the task, so callers (and tests) can await the report
        return dialog

    def open_connections(self):
        from .widgets.connections_dialog import ConnectionsDialog

        dialog = ConnectionsDialog(self.workspace, self.tasks, self)
        dialog.connection_changed.connect(self.offer_switch)
        dialog.show()
        return dialog

    def offer_switch(self, name: str) -> asyncio.Task:
        """The default connection changed: offer to use it now (the window reconnects; nothing is lost: what is
        queued stays queued for the org it was meant for)."""
        return self.tasks.start("switch connection", self._offer_switch(name))

    async def _offer_switch(self, name: str) -> bool:
        from .ask import confirmed

        current = repr(self.session.connection.name)
        if name:
            question = translate("MainWindow", "The connection {name} is the default now.\n\nSwitch to it now? "
                                               "CampSync closes this connection and opens the new one.")
            later = translate("MainWindow", "Still on {current}; CampSync uses the connection {name} at its next "
                                            "start.")
        else:
            question = translate("MainWindow", "The built-in sandbox org is the default now.\n\nSwitch to it now? "
                                               "CampSync closes this connection and opens the new one.")
            later = translate("MainWindow", "Still on {current}; CampSync uses the built-in sandbox org at its next "
                                            "start.")
        if not await confirmed(self, translate("MainWindow", "Switch connection"), question.format(name=repr(name))):
            self.show_status(later.format(current=current, name=repr(name)))
            return False
        self.switch_requested = True
        self.close()
        return True

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

    def show_help(self, title: str, html: str) -> HelpDialog:
        from .widgets.help_dialogs import HelpDialog

        dialog = HelpDialog(title, html, self)
        dialog.show()
        return dialog

    def toggle_log_panel(self) -> None:
        """Hide the live log and queue to give the people and campaigns the whole height (a 720 px screen), and
        bring them back at the height they had."""
        sizes = self.main_splitter.sizes()
        if sizes[1] > 0:
            self._log_height = sizes[1]
            self.main_splitter.setSizes([sizes[0] + sizes[1], 0])
        else:
            height = getattr(self, "_log_height", 0) or max(160, sum(sizes) // 3)
            self.main_splitter.setSizes([max(sum(sizes) - height, 0), height])
        self._sync_log_toggle()

    def _sync_log_toggle(self) -> None:
        self.log_toggle.setChecked(self.main_splitter.sizes()[1] > 0)

    # ---- window state --------------------------------------------------------------------------

    def fit_layout(self) -> None:
        super().fit_layout()
        if self.attached:
            self.campaigns_panel.fit_layout()

    def saved_splitters(self) -> tuple[QSplitter, ...]:
        frame = super().saved_splitters()
        return (*frame, self.campaigns_panel.splitter) if self.attached else frame

    def _show_team(self, present: list) -> None:
        """Who else works on the team's store right now: a count in the status bar, the names in its tooltip."""
        from ..core import team_presence

        self.team_label.setText(team_presence.summary(present))
        this_window = translate("MainWindow", "{who} — this window")
        self.team_label.setToolTip(translate("MainWindow", "Connected to the team's store:") + "\n" + "\n".join(
            this_window.format(who=p.describe()) if p.me else p.describe() for p in present))
        self.team_label.show()

    def _team_queue_changed(self) -> None:
        """A colleague's window, command or worker changed the team's queue: the views and counts follow."""
        self._schedule_reload()
        self._pending_timer.start()

    def closeEvent(self, event) -> None:
        if self.attached:
            self._scheduler.stop()
            self.team_feed.stop()
            self._reload_timer.stop()  # a refresh due (after a colleague's change, say): the views are going away
            self.tasks.cancel("refresh views")  # and one under way would touch panels about to be deleted
            self.bridge.close()
        super().closeEvent(event)  # the layout saved, then `closed`: the session ends


def _help_text(name: str):
    """A text (or text maker) of widgets.help_dialogs, imported when Help is first opened."""
    from .widgets import help_dialogs

    return getattr(help_dialogs, name)
