"""A campaign's members over time, CampSync's and CRM lists', in a window beside the main one (not modal): opened
from View → Membership chart or a campaign's menu, drawn again after each sync, exportable as PNG."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.chart_history import MembershipHistory
from ..i18n import translate
from ..tasks import TaskManager
from .chart_reading import read_for_chart

# Reads a campaign's history from the store (Workspace.membership_history), on a helper thread.
ReadHistory = Callable[[str], MembershipHistory]


class MembershipChartWindow(QDialog):
    """Shown with `show()`; `load()` reads the history and draws it, as a named task of `tasks`."""

    def __init__(self, read: ReadHistory, tasks: TaskManager, campaign_id: str, campaign_name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.campaign_id = campaign_id
        self.campaign_name = campaign_name
        self._read = read
        self._tasks = tasks
        self.history: MembershipHistory | None = None
        self.loading: asyncio.Task | None = None  # the last load()
        self.drawn_until = 0.0  # the chart's right end (when it was drawn)
        self.setWindowTitle(translate("MembershipChart", "Membership — {campaign}").format(campaign=campaign_name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(900, 520)
        self.view = None  # the QChartView, made with the first drawing (QtCharts is imported while reading)
        self.summary = QLabel(translate("MembershipChart", "Reading the campaign's history…"))
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton(translate("MembershipChart", "Export PNG…"))
        self.export_button.setToolTip(translate("MembershipChart", "Save the chart as a PNG image"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.ask_export)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        self._layout = QVBoxLayout(self)
        self._layout.addStretch(1)  # where the chart goes
        self._layout.addWidget(self.summary)
        self._layout.addWidget(buttons)

    def load(self) -> asyncio.Task:
        """Read the history again and draw it (a newer load supersedes one still reading)."""
        self.loading = self._tasks.start("draw membership chart", self._load(), replace=True)
        return self.loading

    async def _load(self) -> None:
        self.show_history(await read_for_chart(self._read, self.campaign_id))

    def show_history(self, history: MembershipHistory) -> None:
        from .charts import chart_view, draw_membership
        if self.view is None:
            self.view = chart_view(translate("MembershipChart", "Membership of {campaign} over time").format(
                campaign=self.campaign_name))
            self._layout.removeItem(self._layout.itemAt(0))
            self._layout.insertWidget(0, self.view, 1)
        self.history = history
        self.drawn_until = time.time()
        draw_membership(self.view, history, self.campaign_name, self.drawn_until)
        self.summary.setText(self.view.accessibleDescription() if history.times
                             else translate("MembershipChart", "No members yet: people dropped on the campaign, "
                                                               "and members of its CRM lists once pulled, show here."))
        self.export_button.setEnabled(True)

    def ask_export(self) -> str:
        from .charts import ask_export_png, draw_membership
        if self.history is None:  # nothing drawn yet
            return ""
        history, until = self.history, self.drawn_until
        path = ask_export_png(self.view, lambda page: draw_membership(page, history, self.campaign_name, until),
                              f"campsync-members-{datetime.now():%Y%m%d-%H%M%S}.png")
        if path:
            self.summary.setText(translate("MembershipChart", "Chart saved as {path}").format(path=path))
        return path
