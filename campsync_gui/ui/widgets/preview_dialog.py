"""Preview of a flow action: who will be added, created then added, removed, skipped or blocked, and why.

An undo or a redo is previewed here too: its title says what it reverses, and what trigger campaigns did
because of the reversed action is listed with a checkbox to reverse it as well."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QHeaderView, QLabel, QLineEdit, QTableView,
                               QVBoxLayout)

from ...core import flows, journal
from ...language import plural
from ..i18n import translate
from ..models.plan import (COL_EMAIL, COL_OUTCOME, COL_PERSON, COL_WHY, OUTCOME_COLOURS, OUTCOME_ORDER, PlanItemsModel,
                           PreparedPreview, outcome_labels)

BIG_ADD = 100  # adds above this on a production org need a typed confirmation
# An undo reverses what trigger campaigns did because of the action too, unless the operator unticks it: Ctrl+Z
# means "as before my action", and those memberships exist only because of it (the complaint was an undo that
# left them). The preview names each one before anything happens, so keeping them is one click away.
UNDO_CHAIN_BY_DEFAULT = True


class PreviewDialog(QDialog):
    """Enter confirms, Esc cancels. Production orgs ask to type the campaign name for risky actions.

    `undo`: the undo or redo this plan is the first change of (`plan` is then `undo.plan`)."""

    def __init__(self, plan: flows.Plan, *, environment: str = "sandbox", parent=None,
                 undo: journal.UndoPlan | None = None, prepared: PreparedPreview | None = None):
        """`prepared`: the plan's rows in the table's order and its counts (models.plan.prepare_preview)."""
        super().__init__(parent)
        self.plan = plan
        self.undo = undo
        campaign = _escape(plan.campaign_name)
        if undo is None and plan.action == flows.ADD:
            self.setWindowTitle(translate("PreviewDialog", "Add to Microsoft Campaign — preview"))
            heading = translate("PreviewDialog", "Add to <i>{campaign}</i>").format(campaign=campaign)
        elif undo is None:
            self.setWindowTitle(translate("PreviewDialog", "Remove from Microsoft Campaign — preview"))
            heading = translate("PreviewDialog", "Remove from <i>{campaign}</i>").format(campaign=campaign)
        else:
            self.setWindowTitle(translate("PreviewDialog", "Redo — preview") if undo.step.kind == journal.REDO
                                else translate("PreviewDialog", "Undo — preview"))
            heading = _escape(undo.title)  # the core's words
        self.resize(820, 520)
        self._labels = outcome_labels()
        title = QLabel(f"<h3>{heading}</h3>")
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        # Each plan's counts, made once: a 200,000-person plan counted on every look took the window 15 ms a time.
        self._counts: dict[int, dict[str, int]] = {id(plan): prepared.counts} if prepared is not None else {}
        self.model = PlanItemsModel(plan, self, others=self._others(UNDO_CHAIN_BY_DEFAULT),
                                    ordered=prepared.rows if prepared is not None else None)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(translate("PreviewDialog", "Preview table"))  # a table's only name for Qt
        self.table.setAccessibleDescription(translate("PreviewDialog", "Each person, their email, what will happen "
                                                                       "to them and why"))
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
        self.confirm_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        self.chain_box: QCheckBox | None = None
        if undo is not None and undo.step.chain:
            self.chain_box = QCheckBox(translate("PreviewDialog",
                                                 "Also undo what trigger campaigns did because of it:"))
            self.chain_box.setChecked(UNDO_CHAIN_BY_DEFAULT)
            self.chain_box.toggled.connect(self._chain_toggled)
            self.chain_lines = QLabel("\n".join(f"• {line}" for line in undo.effects))
            self.chain_lines.setTextFormat(Qt.TextFormat.PlainText)
            self.chain_lines.setIndent(24)
            layout.addWidget(self.chain_box)
            layout.addWidget(self.chain_lines)
        layout.addWidget(self.table, 1)
        self.typed: QLineEdit | None = None
        if self._runnable() and needs_typed_confirmation(plan, environment, self._runnable_of(plan)):
            warning = QLabel(translate("PreviewDialog", "<b style='color:#c5221f'>Production org.</b> Type the "
                                                        "campaign name <b>{campaign}</b> to confirm.")
                             .format(campaign=campaign))
            self.typed = QLineEdit()
            self.typed.setPlaceholderText(plan.campaign_name)
            # The warning above is rich text, no buddy: the field names itself.
            self.typed.setAccessibleName(translate("PreviewDialog", "Campaign name to confirm"))
            self.typed.textChanged.connect(self._update)
            layout.addWidget(warning)
            layout.addWidget(self.typed)
        self.nothing = QLabel(translate("PreviewDialog",
                                        "Nothing to do: every person is skipped or blocked (see why above)."))
        layout.addWidget(self.nothing)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self, activated=self._enter)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self, activated=self._enter)
        self._update()

    def chain_chosen(self) -> bool:
        """Whether the chained changes are to be undone as well."""
        return self.chain_box is not None and self.chain_box.isChecked()

    def _others(self, chain: bool) -> list[flows.Plan]:
        if self.undo is None:
            return []
        return self.undo.plans[1:] + (self.undo.chain_plans if chain else [])

    def _plans(self) -> list[flows.Plan]:
        return [self.plan, *self._others(self.chain_chosen())]

    def _counts_of(self, plan: flows.Plan) -> dict[str, int]:
        if id(plan) not in self._counts:
            self._counts[id(plan)] = plan.counts()
        return self._counts[id(plan)]

    def _runnable_of(self, plan: flows.Plan) -> int:
        counts = self._counts_of(plan)
        return sum(counts[outcome] for outcome in flows.RUNNABLE)

    def _runnable(self) -> int:
        return sum(self._runnable_of(plan) for plan in self._plans())

    def _chain_toggled(self, checked: bool) -> None:
        self.model.set_others(self._others(checked))
        self._update()

    def _update(self, *_args) -> None:
        """Summary, confirm button and its label for what is shown now."""
        counts = {key: 0 for key in flows.LABELS}
        for plan in self._plans():
            for key, count in self._counts_of(plan).items():
                counts[key] += count
        parts = [f"<b style='color:{OUTCOME_COLOURS[key]}'>{counts[key]}</b> {self._labels[key]}"
                 for key in OUTCOME_ORDER if counts[key]]
        self.summary.setText(" · ".join(parts) or translate("PreviewDialog", "Nobody to change."))
        runnable = self._runnable()
        own = self._runnable_of(self.plan)
        people = plural(own, translate("PreviewDialog", "{n} person"), translate("PreviewDialog", "{n} people"))
        if self.plan.action != flows.ADD:
            text = translate("PreviewDialog", "Remove {people}").format(people=people)
        elif self.undo is not None and self.undo.step.kind == journal.UNDO:
            text = translate("PreviewDialog", "Add back {people}").format(people=people)
        else:
            text = translate("PreviewDialog", "Add {people}").format(people=people)
        if runnable > own:
            text += " + " + plural(runnable - own, translate("PreviewDialog", "{n} chained change"),
                                   translate("PreviewDialog", "{n} chained changes"))
        self.confirm_button.setText(text)
        typed_ok = self.typed is None or self.typed.text().strip() == self.plan.campaign_name
        self.confirm_button.setEnabled(runnable > 0 and typed_ok)
        self.nothing.setVisible(runnable == 0)

    def _enter(self) -> None:
        if self.confirm_button.isEnabled():
            self.accept()


def needs_typed_confirmation(plan: flows.Plan, environment: str, runnable: int) -> bool:
    """`runnable`: how many of the plan's people would change."""
    return environment == "production" and (plan.action == flows.REMOVE or runnable > BIG_ADD)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
