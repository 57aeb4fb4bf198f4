"""Qt table model of the outbox rows still to do or failed: pending, running (claimed/sent) and failed.

Fed by the core: each `core.queue.QueueEntry` of `workspace.queue(limit=...)` becomes a QueueRow (its words and
sort keys worked out once), and `set_rows` applies the difference to what is shown."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...core.outbox import CLAIMED, FAILED, PENDING, SENT
from ...core.queue import QueueEntry
from ..i18n import translate
from .rows import RowsTableModel, contiguous_runs

COL_ID, COL_ACTION, COL_PERSON, COL_CAMPAIGN, COL_STATE, COL_ATTEMPTS, COL_MESSAGE, COL_BY = range(8)
# Marked here, translated where they are shown (RowsTableModel.headerData, QueueRow): the English words are keys.
HEADERS = ("#", QT_TRANSLATE_NOOP("QueueModel", "Action"), QT_TRANSLATE_NOOP("QueueModel", "Person"),
           QT_TRANSLATE_NOOP("QueueModel", "Campaign"), QT_TRANSLATE_NOOP("QueueModel", "State"),
           QT_TRANSLATE_NOOP("QueueModel", "Attempts"), QT_TRANSLATE_NOOP("QueueModel", "Message"),
           QT_TRANSLATE_NOOP("QueueModel", "By"))
SortRole = Qt.ItemDataRole.UserRole            # native comparable values for the proxy
RowRole = Qt.ItemDataRole.UserRole + 1         # proxy-safe access to the QueueRow

STATE_WORDS = {PENDING: QT_TRANSLATE_NOOP("QueueModel", "Pending"), CLAIMED: QT_TRANSLATE_NOOP("QueueModel", "Running"),
               SENT: QT_TRANSLATE_NOOP("QueueModel", "Running"), FAILED: QT_TRANSLATE_NOOP("QueueModel", "Failed")}
ACTION_WORDS = {"add": QT_TRANSLATE_NOOP("QueueModel", "Add"), "remove": QT_TRANSLATE_NOOP("QueueModel", "Remove")}
FAILED_COLOUR = "#c5221f"
DEFAULT_MAX_ROWS = 1_000  # shown at most (failed and running first); reading 5,000 cost the window 70 ms a refresh
_RESET_ABOVE_RUNS = 64  # more scattered changes than this: a reset is cheaper than many small signals
_ENTRY_FIELDS = tuple(f.name for f in fields(QueueEntry))


@dataclass(frozen=True, slots=True)
class QueueRow(QueueEntry):
    """One outbox row as the queue shows it: the core's QueueEntry with its words for people."""

    # Derived once, so data() and the sorting proxy (n log n calls on a long queue) only index a tuple.
    display: tuple = field(init=False, compare=False, repr=False)
    sort_keys: tuple = field(init=False, compare=False, repr=False)

    @classmethod
    def from_entry(cls, entry: QueueEntry, campaign: str | None = None) -> QueueRow:
        """The row of `entry`; `campaign`: a name to show instead of the entry's own (the store's, else the id)."""
        values = {name: getattr(entry, name) for name in _ENTRY_FIELDS}
        if campaign:
            values["campaign"] = campaign
        return cls(**values)

    def __post_init__(self) -> None:
        display = (str(self.id), self.action_text, self.email, self.campaign, self.state_text, str(self.attempts),
                   self.message, self.actor)
        object.__setattr__(self, "display", display)
        object.__setattr__(self, "sort_keys", (self.id, display[1], self.email.lower(), self.campaign.lower(),
                                               display[4], self.attempts, self.message.lower(), self.actor.lower()))

    @property
    def state_text(self) -> str:
        word = STATE_WORDS.get(self.state)
        return translate("QueueModel", word) if word else self.state.capitalize()

    @property
    def action_text(self) -> str:
        word = ACTION_WORDS.get(self.action)
        return translate("QueueModel", word) if word else self.action.capitalize()

    @property
    def failed(self) -> bool:
        return self.state == FAILED

    @property
    def running(self) -> bool:
        return self.state in (CLAIMED, SENT)

    @property
    def cancellable(self) -> bool:
        """The engine cancels pending and failed rows only (a running one is already on its way)."""
        return self.state in (PENDING, FAILED)


class QueueModel(RowsTableModel):
    """Rows ordered by outbox id. `set_rows` applies the difference (removes, inserts, dataChanged)
    instead of resetting, so the selection and the scroll position survive a refresh."""

    HEADERS = HEADERS
    HEADER_CONTEXT = "QueueModel"  # RowsTableModel shows HEADERS translated in it

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[QueueRow] = []
        self._red = QBrush(QColor(FAILED_COLOUR))

    def row_object(self, row: int) -> QueueRow:
        return self._rows[row]

    def set_rows(self, rows: Iterable[QueueRow]) -> None:
        new = sorted(rows, key=lambda r: r.id)
        new_ids = {r.id for r in new}
        old_ids = {r.id for r in self._rows}
        gone = [i for i, r in enumerate(self._rows) if r.id not in new_ids]
        gone_runs = contiguous_runs(gone)
        arriving = [i for i, r in enumerate(new) if r.id not in old_ids]
        arriving_runs = contiguous_runs(arriving)
        if len(gone_runs) + len(arriving_runs) > _RESET_ABOVE_RUNS:
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        for first, last in reversed(gone_runs):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first:last + 1]
            self.endRemoveRows()
        # What is left is the old rows that stay, in id order: a subsequence of `new`. Insert the
        # arriving runs at their final positions (ascending, so each earlier insert is already in place).
        for first, last in arriving_runs:
            self.beginInsertRows(QModelIndex(), first, last)
            self._rows[first:first] = new[first:last + 1]
            self.endInsertRows()
        changed = [i for i, (old, fresh) in enumerate(zip(self._rows, new)) if old != fresh]
        self._rows = new
        for first, last in contiguous_runs(changed):
            self._rows_changed(first, last)

    def _rows_changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(HEADERS) - 1))

    # ---- Qt model interface --------------------------------------------------------------------

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.display[column]
        if role == SortRole:
            return row.sort_keys[column]
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and row.failed:
            return self._red
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_ID, COL_ATTEMPTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.failed and row.message:
                return row.message  # the server's message, in full
            if column == COL_MESSAGE and row.message:
                return row.message
            if column == COL_ID:
                if row.request_id:
                    return translate("QueueModel", "request {id} · {origin}").format(id=row.request_id,
                                                                                       origin=row.origin)
                return None
        return None

