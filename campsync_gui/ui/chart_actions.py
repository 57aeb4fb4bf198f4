"""The window's charts: a campaign's membership chart (its own window, one per campaign) and the trigger-events
chart in the log's tabs, with their menu entries and what redraws them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from .i18n import translate
from .widgets.events_chart import EventsChartPanel
from .widgets.membership_chart import MembershipChartWindow

EVENTS_TAB = 2  # the log's tabs: Live log, Queue, Events chart


class ChartActions(QObject):
    def __init__(self, window):  # the MainWindow, attached: its workspace, tasks, panels, log tabs and controller
        super().__init__(window)
        self.window = window
        self.workspace = window.workspace
        self.membership_windows: dict[str, MembershipChartWindow] = {}
        self.events_panel = EventsChartPanel(self.workspace.event_counts, window.tasks)
        window.put_in_place(window.bottom_tabs, EVENTS_TAB, self.events_panel)
        campaigns = window.campaigns_panel.campaigns
        campaigns.modelReset.connect(lambda: self.events_panel.set_campaigns(campaigns.names()))
        self.events_panel.set_campaigns(campaigns.names())
        # The log's rows, live or a colleague's (the team feed): the chart counts them from the store again.
        window.log_panel.model.rowsInserted.connect(lambda *_: self.events_panel.events_arrived())
        window.campaigns_panel.chart_requested.connect(self.open_membership)
        window.controller.sync_finished.connect(lambda _text: self._redraw_membership())
        self.events_action = QAction(translate("ChartActions", "Trigger &events chart"), self)
        self.events_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.events_action.triggered.connect(lambda _checked=False: self.show_events())

    def add_menu_entries(self, view_menu) -> None:
        view_menu.addSeparator()
        view_menu.addAction(self.window.campaigns_panel.chart_action)
        view_menu.addAction(self.events_action)

    def open_membership(self, campaign_id: str) -> MembershipChartWindow:
        """The campaign's membership chart: its window brought forward if open, else a new one."""
        chart = self.membership_windows.get(campaign_id)
        if chart is None:
            name = self.window.campaigns_panel.campaigns.names().get(campaign_id, campaign_id)
            chart = MembershipChartWindow(self.workspace.membership_history, self.window.tasks, campaign_id, name,
                                          self.window)
            chart.destroyed.connect(lambda *_: self.membership_windows.pop(campaign_id, None))
            chart.addAction(self.window.quit_action)  # Ctrl+Q quits from the chart's window too
            self.membership_windows[campaign_id] = chart
        chart.show()  # again if Esc hid it
        chart.raise_()
        chart.activateWindow()
        chart.load()
        return chart

    def show_events(self) -> EventsChartPanel:
        """The events chart's tab, the log brought back first if it was hidden; the focus on its period."""
        if not self.window.log_toggle.isChecked():
            self.window.toggle_log_panel()
        self.window.bottom_tabs.setCurrentIndex(EVENTS_TAB)
        self.events_panel.period_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return self.events_panel

    def _redraw_membership(self) -> None:
        for chart in list(self.membership_windows.values()):
            chart.load()
