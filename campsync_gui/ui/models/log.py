"""Qt table model of the live trigger log (bounded, appended in batches) and its filter proxy."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from ...core.triggers import ADDED, REMOVED, TRIGGER_LABELS
from .rows import RowsTableModel

COL_TIME, COL_TRIGGER, COL_PERSON, COL_CAMPAIGN, COL_SOURCE = range(5)
HEADERS = ("Time", "Trigger", "Person", "Campaign / details", "Source")
SortRole = Qt.ItemDataRole.UserRole            # native comparable values for the proxy
RowRole = Qt.ItemDataRole.UserRole + 1         # proxy-safe access to the LogEntry

KIND_ADDED, KIND_REMOVED, KIND_ERROR = "added", "removed", "error"
ERROR_LABEL = "Error"
ERROR_COLOUR = "#c5221f"
DEFAULT_MAX_ROWS = 50_000

_KINDS = {ADDED: KIND_ADDED, REMOVED: KIND_REMOVED}
_TRIGGER_CAMPAIGN_PREFIX = "trigger campaign:"


def describe_origin(origin: str | None) -> str:
    """What started a flow action, in words for people: 'drag-and-drop' → 'Drag and drop (operator)'."""
    text = (origin or "").strip()
    lowered = text.lower()
    if lowered == "drag-and-drop":
        return "Drag and drop (operator)"
    if lowered == "cli":
        return "Command line"
    if lowered == "undo":
        return "Undo"
    if lowered.startswith(_TRIGGER_CAMPAIGN_PREFIX):
        return f"Trigger campaign {text[len(_TRIGGER_CAMPAIGN_PREFIX):].strip()}".rstrip()
    return text


def _local_time(value: str | None) -> datetime:
    """The event's ISO time in the local zone; now when it is missing or unreadable."""
    if value:
        try:
            return datetime.fromisoformat(value).astimezone()
        except (TypeError, ValueError):
            pass
    return datetime.now().astimezone()


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One row of the log: a trigger event or a problem, already worded for display."""

    kind: str          # "added" / "removed" / "error" (or the raw trigger name of an unknown trigger)
    at: datetime       # aware, local time
    trigger: str       # "Added to Microsoft Campaign" / "Removed from Microsoft Campaign" / "Error"
    email: str
    campaign: str      # the campaign's name; for an error, the message
    campaign_id: str
    source: str        # describe_origin(origin)
    origin: str
    request_id: str
    event_id: int | None
    haystack: str      # lower-case text the free-text filter searches

    @property
    def is_error(self) -> bool:
        return self.kind == KIND_ERROR

    @property
    def time_text(self) -> str:
        return self.at.strftime("%H:%M:%S")

    @property
    def campaign_key(self) -> str:
        """What the campaign filter matches: the campaign id, or the name when the id is unknown."""
        if self.is_error:
            return ""
        return self.campaign_id or self.campaign

    @classmethod
    def from_event(cls, event: dict) -> LogEntry:
        """From a trigger event as core.triggers.event_to_dict gives it."""
        trigger = str(event.get("trigger") or "")
        label = str(event.get("trigger_label") or TRIGGER_LABELS.get(trigger, trigger))
        email = str(event.get("email") or "")
        campaign = str(event.get("campaign") or "")
        origin = str(event.get("origin") or "")
        source = describe_origin(origin)
        event_id = event.get("id")
        return cls(kind=_KINDS.get(trigger, trigger), at=_local_time(event.get("time")), trigger=label,
                   email=email, campaign=campaign, campaign_id=str(event.get("campaign_id") or ""),
                   source=source, origin=origin, request_id=str(event.get("request_id") or ""),
                   event_id=event_id if isinstance(event_id, int) else None,
                   haystack=f"{email}\n{campaign}\n{source}".lower())

    @classmethod
    def from_problem(cls, message: str, at: datetime | None = None) -> LogEntry:
        message = str(message)
        return cls(kind=KIND_ERROR, at=at or datetime.now().astimezone(), trigger=ERROR_LABEL, email="",
                   campaign=message, campaign_id="", source="", origin="", request_id="", event_id=None,
                   haystack=message.lower())

    def cells(self) -> tuple[str, str, str, str, str]:
        return (self.time_text, self.trigger, self.email, self.campaign, self.source)


class LogModel(RowsTableModel):
    HEADERS = HEADERS
    """Rows in arrival order, newest last, at most `max_rows` of them (the oldest are dropped).

    `append_entries` is the only way rows arrive: one beginInsertRows per call (and at most one
    beginRemoveRows for the overflow), so a burst of thousands of events costs one view update.
    """

    def __init__(self, max_rows: int = DEFAULT_MAX_ROWS, parent=None):
        super().__init__(parent)
        if max_rows < 1:
            raise ValueError("max_rows must be at least 1")
        self.max_rows = max_rows
        self._rows: list[LogEntry] = []
        self._event_ids: set[int] = set()  # trigger events on show, so history and live never double up
        self._red = QBrush(QColor(ERROR_COLOUR))

    # ---- changes -----------------------------------------------------------------------------

    def append_entries(self, entries: Iterable[LogEntry]) -> int:
        """Append `entries` (skipping trigger events already shown); returns how many were added."""
        fresh: list[LogEntry] = []
        batch_ids: set[int] = set()
        for entry in entries:
            if entry.event_id is not None:
                if entry.event_id in self._event_ids or entry.event_id in batch_ids:
                    continue
                batch_ids.add(entry.event_id)
            fresh.append(entry)
        if not fresh:
            return 0
        if len(fresh) > self.max_rows:
            fresh = fresh[-self.max_rows:]
            batch_ids = {e.event_id for e in fresh if e.event_id is not None}
        overflow = len(self._rows) + len(fresh) - self.max_rows
        if overflow > 0:
            self.beginRemoveRows(QModelIndex(), 0, overflow - 1)
            for entry in self._rows[:overflow]:
                if entry.event_id is not None:
                    self._event_ids.discard(entry.event_id)
            del self._rows[:overflow]
            self.endRemoveRows()
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
        self._rows.extend(fresh)
        self._event_ids.update(batch_ids)
        self.endInsertRows()
        return len(fresh)

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._event_ids = set()
        self.endResetModel()

    def entry(self, row: int) -> LogEntry:
        """The entry at a SOURCE row (for proxies: use index.data(RowRole) on proxy indexes)."""
        return self._rows[row]

    # ---- Qt model interface --------------------------------------------------------------------

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.cells()[column]
        if role == RowRole:
            return entry
        if role == SortRole:
            return entry.at.timestamp() if column == COL_TIME else entry.cells()[column].lower()
        if role == Qt.ItemDataRole.ForegroundRole and entry.is_error:
            return self._red
        if role == Qt.ItemDataRole.ToolTipRole:
            if entry.is_error:
                return entry.campaign
            if column == COL_TIME:
                return entry.at.strftime("%Y-%m-%d %H:%M:%S %Z")
            if column == COL_SOURCE and entry.request_id:
                return f"{entry.origin} · request {entry.request_id}"
        return None


class LogFilterProxy(QSortFilterProxyModel):
    """Filters the log by trigger kind, campaign and free text (email, campaign, source)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._kind: str | None = None
        self._campaign: str | None = None
        self._text = ""

    @property
    def kind_filter(self) -> str | None:
        return self._kind

    @property
    def campaign_filter(self) -> str | None:
        return self._campaign

    @property
    def text_filter(self) -> str:
        return self._text

    def set_kind(self, kind: str | None) -> None:
        """None for all, or KIND_ADDED / KIND_REMOVED / KIND_ERROR."""
        if kind != self._kind:
            self.beginFilterChange()
            self._kind = kind
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_campaign(self, campaign_key: str | None) -> None:
        """None for all, or a LogEntry.campaign_key (the campaign id)."""
        if campaign_key != self._campaign:
            self.beginFilterChange()
            self._campaign = campaign_key
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        text = (text or "").strip().lower()
        if text != self._text:
            self.beginFilterChange()
            self._text = text
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if self._kind is None and self._campaign is None and not self._text:
            return True
        model = self.sourceModel()
        if isinstance(model, LogModel):
            entry = model.entry(source_row)
        else:
            entry = model.index(source_row, 0, source_parent).data(RowRole)
        if self._kind is not None and entry.kind != self._kind:
            return False
        if self._campaign is not None and entry.campaign_key != self._campaign:
            return False
        return not self._text or self._text in entry.haystack
