"""Preview of a flow action: who will be added, created then added, removed, skipped or blocked, and why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout

from ...core import flows
from ..models.plan import COL_EMAIL, COL_OUTCOME, COL_PERSON, COL_WHY, OUTCOME_COLOURS, OUTCOME_ORDER, PlanItemsModel

BIG_ADD = 100  # adds above this on a production org need a typed confirmation


class PreviewDialog(QDialog):
    """Enter confirms, Esc cancels. Production orgs ask to type the campaign name for risky actions."""

    def __init__(self, plan: flows.Plan, *, environment: str = "sandbox", parent=None):
        super().__init__(parent)
        self.plan = plan
        verb = "Add to" if plan.action == flows.ADD else "Remove from"
        self.setWindowTitle(f"{verb} Microsoft Campaign — preview")
        self.resize(820, 520)
        counts = plan.counts()
        runnable = len(plan.runnable)
        title = QLabel(f"<h3>{verb} <i>{_escape(plan.campaign_name)}</i></h3>")
        parts = [f"<b style='color:{OUTCOME_COLOURS[key]}'>{counts[key]}</b> {flows.LABELS[key]}"
                 for key in OUTCOME_ORDER if counts[key]]
        self.summary = QLabel(" · ".join(parts) or "Nobody to change.")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.model = PlanItemsModel(plan, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(COL_WHY, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: fitting columns to their contents reads every row's cells (a third of a second at 10,000).
        for column, width in ((COL_PERSON, 200), (COL_EMAIL, 240), (COL_OUTCOME, 150)):
            self.table.horizontalHeader().resizeSection(column, width)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.confirm_button.setText(f"{'Add' if plan.action == flows.ADD else 'Remove'} {runnable} "
                                    f"{'person' if runnable == 1 else 'people'}")
        self.confirm_button.setDefault(True)
        self.confirm_button.setEnabled(runnable > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.typed: QLineEdit | None = None
        if runnable and needs_typed_confirmation(plan, environment):
            warning = QLabel(f"<b style='color:#c5221f'>Production org.</b> Type the campaign name "
                             f"<b>{_escape(plan.campaign_name)}</b> to confirm.")
            self.typed = QLineEdit()
            self.typed.setPlaceholderText(plan.campaign_name)
            self.typed.textChanged.connect(self._check_typed)
            self.confirm_button.setEnabled(False)
            layout.addWidget(warning)
            layout.addWidget(self.typed)
        if runnable == 0:
            layout.addWidget(QLabel("Nothing to do: every person is skipped or blocked (see why above)."))
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self, activated=self._enter)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self, activated=self._enter)

    def _check_typed(self, text: str) -> None:
        self.confirm_button.setEnabled(text.strip() == self.plan.campaign_name)

    def _enter(self) -> None:
        if self.confirm_button.isEnabled():
            self.accept()


def needs_typed_confirmation(plan: flows.Plan, environment: str) -> bool:
    return environment == "production" and (plan.action == flows.REMOVE or len(plan.runnable) > BIG_ADD)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
