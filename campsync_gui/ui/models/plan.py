"""Qt table model of a plan's items for the preview: person, email, what will happen and why."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...core import flows
from .rows import RowsTableModel

COL_PERSON, COL_EMAIL, COL_OUTCOME, COL_WHY = range(4)
OUTCOME_ORDER = [flows.WILL_ADD, flows.WILL_CREATE_AND_ADD, flows.WILL_REMOVE, flows.SKIP, flows.BLOCKED]
OUTCOME_COLOURS = {flows.WILL_ADD: "#1e8e3e", flows.WILL_CREATE_AND_ADD: "#1a73e8", flows.WILL_REMOVE: "#b26a00",
                   flows.SKIP: "#6b7280", flows.BLOCKED: "#c5221f"}


class PlanItemsModel(RowsTableModel):
    """Cells are made when the view asks for them: a 10,000-person preview opens at once (one widget item
    per cell took a quarter of a second and froze the window)."""

    HEADERS = ("Person", "Email", "Will happen", "Why")

    def __init__(self, plan: flows.Plan, parent=None):
        super().__init__(parent)
        # Grouped by outcome, people in the order they were dropped (as the people table showed them).
        rank = {outcome: position for position, outcome in enumerate(OUTCOME_ORDER)}
        self._rows = sorted(plan.items, key=lambda i: rank[i.outcome])
        self._brushes = {key: QBrush(QColor(colour)) for key, colour in OUTCOME_COLOURS.items()}

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item: flows.PlanItem = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_PERSON:
                return item.person.name
            if column == COL_EMAIL:
                return item.person.email or ""
            if column == COL_OUTCOME:
                return flows.LABELS[item.outcome]
            return item.reason
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_OUTCOME:
            return self._brushes[item.outcome]
        return None

    def item_at(self, row: int) -> flows.PlanItem:
        return self._rows[row]
