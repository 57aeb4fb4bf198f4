"""Qt table model of a plan's items for the preview: person, email, what will happen and why."""

from __future__ import annotations

import asyncio
import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...core import flows
from .rows import RowsTableModel

COL_PERSON, COL_EMAIL, COL_OUTCOME, COL_WHY = range(4)
OUTCOME_ORDER = [flows.WILL_ADD, flows.WILL_CREATE_AND_ADD, flows.WILL_REMOVE, flows.SKIP, flows.BLOCKED]
# Rows: the blocked first (what needs fixing before anything can run), then what will change, then the skipped.
ROW_ORDER = [flows.BLOCKED, flows.WILL_ADD, flows.WILL_CREATE_AND_ADD, flows.WILL_REMOVE, flows.SKIP]
OUTCOME_COLOURS = {flows.WILL_ADD: "#1e8e3e", flows.WILL_CREATE_AND_ADD: "#1a73e8", flows.WILL_REMOVE: "#b26a00",
                   flows.SKIP: "#6b7280", flows.BLOCKED: "#c5221f"}
_RANK = {outcome: position for position, outcome in enumerate(ROW_ORDER)}


def name_key(text: str) -> str:
    """A name as people sort it: case and accents aside ('élodie' beside 'Elodie', not after 'Zoé')."""
    if text.isascii():  # most names: no accents to take off (a 10,000-person preview sorts 5× faster)
        return text.casefold()
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def row_key(item: flows.PlanItem) -> str:
    """Outcome, then name, then id, as one string (compared in C, twice as fast as a tuple: a 200,000-person preview
    sorts in a fifth of a second less). Nameless people sort by their email, among the others; the id keeps equal
    names in a stable order; NUL ends the name, so 'Ann' comes before 'Anna'."""
    return f"{_RANK[item.outcome]}{name_key(item.person.name or item.person.email or '')}\0{item.person.id or 0:020d}"


def outcome_labels() -> dict[str, str]:
    """What each outcome is called in the preview, in the person's language (the core's words)."""
    return {outcome: flows.outcome_label(outcome) for outcome in flows.LABELS}


ORDER_SLICE = 1000  # sort keys made per turn of the event loop (about a millisecond's worth)
SORT_RUN = 20_000  # rows sorted per turn; the sorted runs are then merged in one sort, which finds them


@dataclass
class PreparedPreview:
    """A plan's rows in the preview's order, and how many people each outcome has."""

    rows: list[flows.PlanItem]
    counts: dict[str, int]


async def prepare_preview(plan: flows.Plan) -> PreparedPreview:
    """The preview's rows and counts, made a slice at a time with the event loop running in between: sorting a
    10,000-person preview in one piece was a 10 ms stall of the window, a 200,000-person one a tenth of a second."""
    items = plan.items
    keys: list[str] = []
    counts = dict.fromkeys(flows.LABELS, 0)
    for start in range(0, len(items), ORDER_SLICE):
        part = items[start:start + ORDER_SLICE]
        keys.extend(map(row_key, part))
        for item in part:
            counts[item.outcome] += 1
        await asyncio.sleep(0)
    order: list[int] = []
    for start in range(0, len(items), SORT_RUN):
        order.extend(sorted(range(start, min(len(items), start + SORT_RUN)), key=keys.__getitem__))
        await asyncio.sleep(0)
    if len(items) > SORT_RUN:
        order.sort(key=keys.__getitem__)  # timsort merges the sorted runs it finds: a few comparisons per row
        await asyncio.sleep(0)
    return PreparedPreview(list(map(items.__getitem__, order)), counts)


class PlanItemsModel(RowsTableModel):
    """Cells are made when the view asks for them: a 10,000-person preview opens at once (one widget item
    per cell took a quarter of a second and froze the window).

    `others`: plans on other campaigns shown in the same table (an undo's chained changes); their rows say
    which campaign in the Why column."""

    HEADERS = (QT_TRANSLATE_NOOP("PlanItemsModel", "Person"), QT_TRANSLATE_NOOP("PlanItemsModel", "Email"),
               QT_TRANSLATE_NOOP("PlanItemsModel", "Will happen"), QT_TRANSLATE_NOOP("PlanItemsModel", "Why"))
    HEADER_CONTEXT = "PlanItemsModel"  # RowsTableModel shows HEADERS translated in it

    def __init__(self, plan: flows.Plan, parent=None, *, others: list[flows.Plan] = (),
                 ordered: list[flows.PlanItem] | None = None):
        """`ordered`: the plan's items already in order (`prepare_preview`), when there are no `others`."""
        super().__init__(parent)
        self.plan = plan
        self._brushes = {key: QBrush(QColor(colour)) for key, colour in OUTCOME_COLOURS.items()}
        self._labels = outcome_labels()  # once: data() runs for every cell painted
        self._rows: list[flows.PlanItem] = []
        self._campaigns: dict[int, str] = {}  # id(item) → its campaign, for items of `others`
        if ordered is not None and not others:
            self._rows = ordered
        else:
            self.set_others(others)

    def set_others(self, others: list[flows.Plan]) -> None:
        """Show the plan with these other plans (none: the plan alone), sorted by outcome, then by name."""
        self.beginResetModel()
        self._campaigns = {id(item): other.campaign_name for other in others for item in other.items}
        items = list(self.plan.items) + [item for other in others for item in other.items]
        self._rows = sorted(items, key=row_key)
        self.endResetModel()

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
                return self._labels[item.outcome]
            campaign = self._campaigns.get(id(item))
            return f"{campaign}: {item.reason}" if campaign else item.reason
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_OUTCOME:
            return self._brushes[item.outcome]
        return None

    def item_at(self, row: int) -> flows.PlanItem:
        return self._rows[row]
