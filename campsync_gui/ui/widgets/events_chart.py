"""Trigger events per hour or per day, beside the live log (its own tab): Added and Removed stacked, for every
campaign or one, read from the store's trigger log, drawn again as new events arrive, exportable as PNG.

QtCharts is imported when the tab is first shown: not part of the window's first paint."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.chart_history import DAY, HOUR, EventCounts
from ..i18n import translate
from ..tasks import TaskManager
from .chart_reading import read_for_chart
from .elided_label import ElidedLabel

# Reads the counts from the store (Workspace.event_counts(period, campaign_id)), on a helper thread.
ReadCounts = Callable[[str, str | None], EventCounts]
REDRAW_AFTER_MS = 1000  # new events redraw the chart at most once a second


class EventsChartPanel(QWidget):
    def __init__(self, read: ReadCounts, tasks: TaskManager, parent: QWidget | None = None):
        super().__init__(parent)
        self._read = read
        self._tasks = tasks
        self.view = None  # the QChartView, made when first shown
        self.counts: EventCounts | None = None
        self._campaign: str | None = None  # the campaign the counts are of (its name), None for all
        self._stale = True
        self.period_combo = QComboBox()
        self.period_combo.addItem(translate("EventsChart", "Per hour"), HOUR)
        self.period_combo.addItem(translate("EventsChart", "Per day"), DAY)
        self.period_combo.currentIndexChanged.connect(lambda _index: self.redraw())
        self.campaign_combo = QComboBox()
        self.campaign_combo.addItem(translate("EventsChart", "All campaigns"), None)
        self.campaign_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.campaign_combo.setMinimumContentsLength(22)
        self.campaign_combo.currentIndexChanged.connect(lambda _index: self.redraw())
        self.export_button = QPushButton(translate("EventsChart", "Export PNG…"))
        self.export_button.setToolTip(translate("EventsChart", "Save the chart as a PNG image"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.ask_export)
        self.summary = ElidedLabel()  # a long summary is shortened, never widens the window
        period_label = QLabel(translate("EventsChart", "Events:"))
        period_label.setBuddy(self.period_combo)  # the combo's name for a screen reader
        campaign_label = QLabel(translate("EventsChart", "Campaign:"))
        campaign_label.setBuddy(self.campaign_combo)
        row = QHBoxLayout()
        for widget in (period_label, self.period_combo, campaign_label, self.campaign_combo):
            row.addWidget(widget)
        row.addWidget(self.summary, 1)
        row.addWidget(self.export_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(row)
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_AFTER_MS)
        self._redraw_timer.timeout.connect(self.redraw)

    def set_campaigns(self, names: dict[str, str]) -> None:
        """The campaigns to choose from (id → name), the choice kept while its campaign is still there."""
        combo = self.campaign_combo
        chosen = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for campaign_id, name in sorted(names.items(), key=lambda item: item[1].lower()):
            combo.addItem(name, campaign_id)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)
        if combo.currentData() != chosen:
            self.redraw()

    def events_arrived(self) -> None:
        """New trigger events are in the store: redraw soon while shown, when next shown otherwise."""
        self._stale = True
        if self.isVisible() and not self._redraw_timer.isActive():
            self._redraw_timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.redraw()

    def redraw(self) -> asyncio.Task | None:
        """Read the counts again and draw them (a newer read supersedes one still running); only while shown."""
        if not self.isVisible():
            self._stale = True
            return None
        self._stale = False
        return self._tasks.start("draw events chart", self._load(), replace=True)

    async def _load(self) -> None:
        period, campaign_id = self.period_combo.currentData(), self.campaign_combo.currentData()
        counts = await read_for_chart(self._read, period, campaign_id)
        self.show_counts(counts, self.campaign_combo.currentText() if campaign_id else None)

    def show_counts(self, counts: EventCounts, campaign: str | None) -> None:
        from .charts import chart_view, compact, draw_event_counts
        if self.view is None:
            # as low as the log's table may be: a taller minimum pushed the log's tabs up into the people
            self.view = chart_view(translate("EventsChart", "Trigger events chart"), minimum_height=120)
            self._layout.addWidget(self.view, 1)
        self.counts = counts
        self._campaign = campaign
        draw_event_counts(self.view, counts, campaign, steps=2)  # three labels fit a few rows' height
        compact(self.view)
        quiet = (translate("EventsChart", "No trigger events in the last three days") if counts.period == HOUR
                 else translate("EventsChart", "No trigger events in the last three months"))
        self.summary.setText(self.view.accessibleDescription() if counts.total else quiet)
        self.export_button.setEnabled(True)

    def ask_export(self) -> str:
        from .charts import ask_export_png, draw_event_counts
        if self.counts is None:  # nothing drawn yet
            return ""
        counts, campaign = self.counts, self._campaign
        path = ask_export_png(self.view, lambda page: draw_event_counts(page, counts, campaign),
                              f"campsync-events-{datetime.now():%Y%m%d-%H%M%S}.png")
        if path:
            self.summary.setText(translate("EventsChart", "Chart saved as {path}").format(path=path))
        return path
