"""The Results section: what one automation campaign did, person by person and step by step, newest first."""

from __future__ import annotations

import csv
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from ...core.automation.library import AutomationLibrary, ResultRow
from ...language import number, plural
from ..ask import warn
from ..i18n import translate
from ..file_dialogs import get_save_path
from ..models.rows import RowsTableModel
from ..theme import status_colour
from .log_panel import neutralise_cell

# The CSV's columns, English for scripts; the table shows them translated (ResultsModel.headerData).
HEADERS = (QT_TRANSLATE_NOOP("ResultsModel", "Time"), QT_TRANSLATE_NOOP("ResultsModel", "Person"),
           QT_TRANSLATE_NOOP("ResultsModel", "Step"), QT_TRANSLATE_NOOP("ResultsModel", "Outcome"),
           QT_TRANSLATE_NOOP("ResultsModel", "Detail"),
           QT_TRANSLATE_NOOP("ResultsModel", "By"))  # By: last, so older CSV readers still line up
COL_TIME, COL_PERSON, COL_STEP, COL_OUTCOME, COL_DETAIL, COL_BY = range(6)
DEFAULT_MAX_ROWS = 5_000
# Dynamics' answers (added, removed, blocked, cancelled) replace "enqueued" once they come: see library.results.
OUTCOME_STATUS = {"failed": "fail", "blocked": "fail", "stopped": "warn", "skipped": "skip", "cancelled": "skip",
                  "enqueued": "ok", "changed": "ok", "qualified": "ok", "added": "ok", "removed": "ok"}


def result_cells(row: ResultRow) -> tuple[str, str, str, str, str, str]:
    """A result as the table and the CSV show it: the time in local words, then the row's own text, then who the
    campaign ran as ("" for results from before that was recorded)."""
    return (datetime.fromtimestamp(row.at).strftime("%Y-%m-%d %H:%M:%S"), row.email, row.step, row.outcome,
            row.detail, row.actor)


def write_results_csv(path: str, rows: list[ResultRow]) -> int:
    """UTF-8 with a BOM (Excel), every cell that a spreadsheet would run as a formula neutralised."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow([neutralise_cell(cell) for cell in result_cells(row)])
    return len(rows)


class ResultsModel(RowsTableModel):
    HEADERS = HEADERS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("ResultsModel", self.HEADERS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row: ResultRow = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return result_cells(row)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == COL_OUTCOME \
                and row.outcome in OUTCOME_STATUS:
            return QColor(status_colour(OUTCOME_STATUS[row.outcome]))
        return None


class ResultsView(QWidget):
    exported = Signal(str, int)  # path, rows written

    def __init__(self, library: AutomationLibrary, parent: QWidget | None = None, *,
                 max_rows: int = DEFAULT_MAX_ROWS):
        super().__init__(parent)
        self.library = library
        self.max_rows = max_rows
        self.campaign_id: int | None = None
        self.model = ResultsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(translate("ResultsView", "Results table"))  # a table's only name for Qt
        self.view.setAccessibleDescription(translate("ResultsView", "What this campaign did for each person: time, "
                                                                    "person, step, outcome, detail and by whom"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((COL_TIME, 140), (COL_PERSON, 200), (COL_STEP, 200), (COL_OUTCOME, 80),
                              (COL_DETAIL, 320)):
            self.view.setColumnWidth(column, width)
        self.summary_label = QLabel()
        self.refresh_button = QPushButton(translate("ResultsView", "Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(translate("ResultsView", "Export CSV…"))
        self.export_button.setToolTip(translate("ResultsView", "Save every result of this campaign as a CSV file"))
        self.export_button.clicked.connect(self._ask_export)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary_label, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.load(None)

    def load(self, campaign_id: int | None) -> None:
        self.campaign_id = campaign_id
        self.refresh()

    def refresh(self) -> None:
        rows = [] if self.campaign_id is None else self.library.results(self.campaign_id, self.max_rows)
        self.model.set_rows(rows)
        shown = plural(len(rows), translate("ResultsView", "{n} result"), translate("ResultsView", "{n} results"))
        if len(rows) >= self.max_rows:
            shown = translate("ResultsView", "{results} (the newest {max})").format(results=shown,
                                                                                 max=number(self.max_rows))
        self.summary_label.setText(shown)
        self.export_button.setEnabled(bool(rows))

    def export_results(self, path: str) -> int:
        """Write all of this campaign's results (not only the rows shown) to `path`; returns how many."""
        rows = [] if self.campaign_id is None else self.library.results(self.campaign_id)
        return write_results_csv(path, rows)

    def _ask_export(self) -> None:
        default = f"campsync-results-{datetime.now():%Y%m%d-%H%M%S}.csv"
        path = get_save_path(self, "export-results", translate("ResultsView", "Export the results as CSV"), default)
        if not path:
            return
        try:
            count = self.export_results(path)
        except OSError as exc:
            warn(self, translate("ResultsView", "Export failed"),
                 translate("ResultsView", "Could not write {path}:\n{error}").format(path=path,
                                                                                    error=exc.strerror or exc))
            return
        # Said where it went, or the person is left wondering whether anything happened.
        self.summary_label.setText(translate("ResultsView", "Exported {results} to {path}").format(
            results=plural(count, translate("ResultsView", "{n} result"), translate("ResultsView", "{n} results")),
            path=path))
        self.exported.emit(path, count)
