"""Qt table model of the live trigger log (bounded, appended in batches) and its filter proxy.

Fed with the core's `core.triggers.TriggerEvent` objects (live from the bus, or `workspace.recent_events()` for
history) and problems; each becomes a LogEntry worded for people once (origins by `core.origins.describe`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from ...core.origins import describe
from ...core.triggers import ADDED, REMOVED, TriggerEvent, trigger_label
from ..i18n import translate
from .rows import RowsTableModel

COL_TIME, COL_TRIGGER, COL_PERSON, COL_CAMPAIGN, COL_SOURCE, COL_BY = range(6)
# English: also the CSV export's columns (By: last, for older CSV readers); the header shows their translation.
HEADERS = (QT_TRANSLATE_NOOP("LogModel", "Time"), QT_TRANSLATE_NOOP("LogModel", "Trigger"),
           QT_TRANSLATE_NOOP("LogModel", "Person"), QT_TRANSLATE_NOOP("LogModel", "Campaign / details"),
           QT_TRANSLATE_NOOP("LogModel", "Source"), QT_TRANSLATE_NOOP("LogModel", "By"))
SortRole = Qt.ItemDataRole.UserRole            # native comparable values for the proxy
RowRole = Qt.ItemDataRole.UserRole + 1         # proxy-safe access to the LogEntry

KIND_ADDED, KIND_REMOVED, KIND_ERROR = "added", "removed", "error"
ERROR_LABEL = QT_TRANSLATE_NOOP("LogModel", "Error")  # the Trigger cell of a problem, translated in from_problem
ERROR_COLOUR = "#c5221f"
DEFAULT_MAX_ROWS = 50_000

_KINDS = {ADDED: KIND_ADDED, REMOVED: KIND_REMOVED}


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One row of the log: a trigger event or a problem, already worded for display."""

    kind: str          # "added" / "removed" / "error" (or the raw trigger name of an unknown trigger)
    at: datetime       # aware, local time
    trigger: str       # "Added to Microsoft Campaign" / "Removed from Microsoft Campaign" / "Error"
    email: str
    campaign: str      # the campaign's name; for an error, the message
    campaign_id: str
    source: str        # core.origins.describe(origin)
    origin: str
    request_id: str
    event_id: int | None
    haystack: str      # lower-case text the free-text filter searches
    actor: str = ""    # who did it (UPN or "<client id> (application)"); "" for events from before it was recorded

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
    def from_event(cls, event: TriggerEvent) -> LogEntry:
        """From a trigger event of the core (the bus's TRIGGERS events, the stored log)."""
        email = event.email or ""
        campaign = event.campaign_name or ""
        origin = event.origin or ""
        source = describe(origin)
        actor = event.actor or ""
        return cls(kind=_KINDS.get(event.trigger, event.trigger), at=datetime.fromtimestamp(event.at).astimezone(),
                   trigger=trigger_label(event.trigger), email=email, campaign=campaign,
                   campaign_id=event.campaign_id or "", source=source, origin=origin,
                   request_id=event.request_id or "", event_id=event.id,
                   haystack=f"{email}\n{campaign}\n{source}\n{actor}".lower(), actor=actor)

    @classmethod
    def from_problem(cls, message: str, at: datetime | None = None) -> LogEntry:
        message = str(message)
        return cls(kind=KIND_ERROR, at=at or datetime.now().astimezone(), trigger=translate("LogModel", ERROR_LABEL),
                   email="", campaign=message, campaign_id="", source="", origin="", request_id="", event_id=None,
                   haystack=message.lower())

    def cells(self) -> tuple[str, str, str, str, str, str]:
        return (self.time_text, self.trigger, self.email, self.campaign, self.source, self.actor)


class LogModel(RowsTableModel):
    """Rows in arrival order, newest last, at most `max_rows` of them (the oldest are dropped).

    `append_entries` is the only way rows arrive: one beginInsertRows per call (and at most one
    beginRemoveRows for the overflow), so a burst of thousands of events costs one view update.
    """

    HEADERS = HEADERS
    HEADER_CONTEXT = "LogModel"

    def __init__(self, max_rows: int = DEFAULT_MAX_ROWS, parent=None):
        super().__init__(parent)
        if max_rows < 1:
            raise ValueError("max_rows must be at least 1")
        self.max_rows = max_rows
        self._rows: list[LogEntry] = []
        self._event_ids: set[int] = set()  # trigger events on show, so history and live never double up
        self._red = QBrush(QColor(ERROR_COLOUR))
        self._request_tip = translate("LogModel", "{origin} · request {request}")  # once: data() is called per cell

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
                return self._request_tip.format(origin=entry.origin, request=entry.request_id)
        return None


class LogFilterProxy(QSortFilterProxyModel):
    """Filters the log by trigger kind, campaign and free text (email, campaign, source, who)."""

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
