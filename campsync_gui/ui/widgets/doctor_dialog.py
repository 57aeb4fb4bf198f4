""""Test connectivity": the doctor's checks filling in live, one row per step, with Copy report."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from ...core.connections import Connection
from ...dynamics.doctor import ICON, STEPS, CheckResult, DoctorReport
from ...dynamics.doctor_words import status_label, step_title
from ..i18n import translate
from ..tasks import TaskManager
from ..theme import STATUS_COLOURS

# Runs the checks, calling back with each result as it comes: Workspace.test_connectivity on some connection.
Checks = Callable[[Callable[[CheckResult], None]], Awaitable[DoctorReport]]


class DoctorDialog(QDialog):
    """Shown with `show()`; `run()` starts the checks as a named task and returns it (`running`)."""

    def __init__(self, connection: Connection, checks: Checks, tasks: TaskManager, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("DoctorDialog", "Test connectivity"))
        self.resize(900, 420)
        self._checks = checks
        self._tasks = tasks
        self.report: DoctorReport | None = None
        self.running: asyncio.Task | None = None
        self.summary = QLabel(translate("DoctorDialog", "Testing {name} — {url}").format(name=connection.name,
                                                                                        url=connection.org_url))
        self.table = QTableWidget(len(STEPS), 4)
        self.table.setHorizontalHeaderLabels([translate("DoctorDialog", "Check"), translate("DoctorDialog", "Status"),
                                              translate("DoctorDialog", "Time"),
                                              translate("DoctorDialog", "Details and fix")])
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(translate("DoctorDialog", "Checks table"))  # a table's only name for Qt
        self.table.setAccessibleDescription(translate("DoctorDialog", "Each connectivity check: its status, how long "
                                                                      "it took, and the details and fix"))
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        for row, (key, _english) in enumerate(STEPS):
            self.table.setItem(row, 0, QTableWidgetItem(step_title(key)))
            self.table.setItem(row, 1, QTableWidgetItem("…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(translate("DoctorDialog", "Copy report"))
        self.copy_button.setEnabled(False)
        self.rerun_button = QPushButton(translate("DoctorDialog", "Run again"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.rerun_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_report)
        self.rerun_button.clicked.connect(lambda: self.run())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def show_result(self, result: CheckResult) -> None:
        row = [key for key, _ in STEPS].index(result.key)
        # "· not run" in grey for a step that did not run: never a tick, never the word OK.
        status = QTableWidgetItem(f"{ICON[result.status]} {status_label(result.status)}")
        status.setForeground(QBrush(QColor(STATUS_COLOURS[result.status])))
        self.table.setItem(row, 1, status)
        time = "" if result.status == "skip" else translate("DoctorDialog", "{ms} ms").format(ms=f"{result.ms:.0f}")
        self.table.setItem(row, 2, QTableWidgetItem(time))
        text = result.detail
        if result.fix and result.status in ("fail", "warn"):
            text += "\n" + translate("DoctorDialog", "Fix: {fix}").format(fix=result.fix)
        self.table.setItem(row, 3, QTableWidgetItem(text))
        self.table.resizeRowToContents(row)

    def run(self) -> asyncio.Task:
        self.running = self._tasks.start("test connectivity", self._run(), replace=True)
        return self.running

    async def _run(self) -> DoctorReport:
        self.rerun_button.setEnabled(False)
        self.copy_button.setEnabled(False)
        try:
            for row in range(self.table.rowCount()):
                for col in (1, 2, 3):
                    self.table.setItem(row, col, QTableWidgetItem("…" if col == 1 else ""))
            self.report = await self._checks(self.show_result)
            failed = sum(r.status == "fail" for r in self.report.results)
            summary = self.report.summary()
            self.summary.setText(translate("DoctorDialog", "{summary} — see the fix on each red row.").format(
                summary=summary[:-1]) if failed else summary)
            return self.report
        finally:
            self.rerun_button.setEnabled(True)
            self.copy_button.setEnabled(self.report is not None)

    def copy_report(self) -> None:
        if self.report is not None:
            QGuiApplication.clipboard().setText(self.report.to_text())
