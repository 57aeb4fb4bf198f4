"""Live log of trigger events and problems: batched, bounded, pausable, filterable and exportable."""

from __future__ import annotations

import csv
from collections import deque
from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMetaObject, QModelIndex, Qt, QThread, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSizePolicy, QStyle, QTableView, QVBoxLayout, QWidget)

from ...core.triggers import TriggerEvent
from ...language import number, plural
from ..ask import warn
from ..file_dialogs import get_save_path
from ..i18n import translate
from ..models.log import (COL_BY, COL_CAMPAIGN, COL_PERSON, COL_SOURCE, COL_TIME, COL_TRIGGER, DEFAULT_MAX_ROWS,
                          HEADERS, KIND_ADDED, KIND_ERROR, KIND_REMOVED, LogEntry, LogFilterProxy, LogModel, RowRole)
from .elided_label import ElidedLabel

FLUSH_INTERVAL_MS = 100
EXPORT_PURPOSE = "export-log"  # the file dialogs' remembered folder
EXPORT_PATH_PX = 420  # the exported file's path is shown at most this wide
# English (tests read them); the button shows their translation.
PAUSE_TEXT = QT_TRANSLATE_NOOP("LogPanel", "Pause auto-scroll")
PAUSED_TEXT = QT_TRANSLATE_NOOP("LogPanel", "Auto-scroll paused — resume")
# The app's style sheet gives QPushButton no :checked look, so a checked button looked unchecked. Amber at a
# quarter opacity reads on the light and the dark theme alike.
PAUSE_STYLE = ("QPushButton:checked { background: rgba(249, 171, 0, 0.25); border: 1px solid #f9ab00; "
               "font-weight: bold; }")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV/formula injection)."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _events(count: int) -> str:
    """'1 event', '10,000 events' (in the person's language)."""
    return plural(count, translate("LogPanel", "{n} event"), translate("LogPanel", "{n} events"))


class LogPanel(QWidget):
    """The live log. Events go to a pending buffer; a timer moves the buffer into the model in one insert.

    `add_event` / `add_problem` may be called from any thread: they only append to a thread-safe
    buffer, and the flush (which touches the model and the widgets) always runs on the panel's thread.
    """

    exported = Signal(str, int)  # path, rows written

    def __init__(self, parent: QWidget | None = None, *, max_rows: int = DEFAULT_MAX_ROWS,
                 flush_interval_ms: int = FLUSH_INTERVAL_MS):
        super().__init__(parent)
        self._pending: deque[LogEntry] = deque()
        self._unseen = 0
        self._removed_above = 0
        self._campaigns: dict[str, str] = {}  # campaign key → name, as seen in events

        self.model = LogModel(max_rows, self)
        self.proxy = LogFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.rowsAboutToBeRemoved.connect(self._on_proxy_rows_removed)

        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(flush_interval_ms)
        self._flush_timer.timeout.connect(self.flush)

        self.view = self._build_view()
        self.trigger_combo = QComboBox()
        for text, kind in ((translate("LogPanel", "All"), None), (translate("LogPanel", "Added"), KIND_ADDED),
                           (translate("LogPanel", "Removed"), KIND_REMOVED),
                           (translate("LogPanel", "Errors"), KIND_ERROR)):
            self.trigger_combo.addItem(text, kind)  # filtered by the kind (the data), never by the words
        self.trigger_combo.setToolTip(translate("LogPanel", "Show one trigger only"))
        self.trigger_combo.currentIndexChanged.connect(self._on_trigger_filter)
        self.campaign_combo = QComboBox()
        self.campaign_combo.addItem(translate("LogPanel", "All campaigns"), None)
        # As wide as a name of 22 characters, whatever the campaigns' names: a long one must not widen the window.
        self.campaign_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.campaign_combo.setMinimumContentsLength(22)
        self.campaign_combo.currentIndexChanged.connect(self._on_campaign_filter)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(translate("LogPanel", "Filter by email, campaign, source or who"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(translate("LogPanel", "Filter the log"))  # no label: the hint is no name
        self.search_edit.textChanged.connect(self.proxy.set_text)
        self.search_edit.textChanged.connect(self._update_count)
        # Elided when the row is short of room: a count growing during a sync ("10,000 events (10,000 shown)") must
        # not raise the window's minimum width, which made Qt widen the window, and repaint all of it, mid-sync.
        self.count_label = ElidedLabel()
        self.count_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        style = self.style()  # the icons made once: the style builds a new one on every call
        self._pause_icons = (style.standardIcon(QStyle.StandardPixmap.SP_MediaPause),
                             style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.pause_button = QPushButton()
        self.pause_button.setObjectName("pauseButton")
        self.pause_button.setCheckable(True)
        self.pause_button.setStyleSheet(PAUSE_STYLE)
        self.pause_button.toggled.connect(self._on_pause_toggled)
        self._show_pause_state(False)
        self.unseen_label = QLabel()
        self.unseen_label.hide()
        self.export_button = QPushButton(translate("LogPanel", "Export CSV…"))
        self.export_button.setToolTip(translate("LogPanel", "Save the rows shown (with the current filters) as a CSV "
                                                            "file"))
        self.export_button.clicked.connect(self._ask_export)
        self.export_label = QLabel()  # what the last export wrote, and where, with a link to its folder
        self.export_label.setTextFormat(Qt.TextFormat.RichText)
        self.export_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.export_label.linkActivated.connect(self._open_link)
        self.export_label.hide()
        self.clear_button = QPushButton(translate("LogPanel", "Clear"))
        self.clear_button.setToolTip(translate("LogPanel", "Clear this view (the trigger log in the store is kept)"))
        self.clear_button.clicked.connect(self.clear)

        filters = QHBoxLayout()
        # Each combo is its label's buddy: Qt then names the combo with the label's words for a screen reader
        # (without one, a screen reader on Windows says only the current item, "All", not what it filters).
        trigger_label = QLabel(translate("LogPanel", "Trigger:"))
        trigger_label.setBuddy(self.trigger_combo)
        campaign_label = QLabel(translate("LogPanel", "Campaign:"))
        campaign_label.setBuddy(self.campaign_combo)
        filters.addWidget(trigger_label)
        filters.addWidget(self.trigger_combo)
        filters.addWidget(campaign_label)
        filters.addWidget(self.campaign_combo)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.count_label)
        # The buttons share the filters' row: on a 720 px screen a row of its own cost two rows of events.
        filters.addWidget(self.pause_button)
        filters.addWidget(self.export_button)
        filters.addWidget(self.clear_button)
        notices = QHBoxLayout()  # takes no room while both are hidden
        notices.addWidget(self.unseen_label)
        notices.addStretch(1)
        notices.addWidget(self.export_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(notices)

        self.view.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._update_count()

    def _build_view(self) -> QTableView:
        view = QTableView(self)
        view.setModel(self.proxy)
        view.setAccessibleName(translate("LogPanel", "Live log table"))  # a table's only name for Qt
        view.setAccessibleDescription(translate("LogPanel", "Trigger events as they happen: time, trigger, person, "
                                                            "campaign, source and who did it"))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        rows = view.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring on big inserts
        rows.setDefaultSectionSize(view.fontMetrics().height() + 6)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((COL_TIME, 80), (COL_TRIGGER, 220), (COL_PERSON, 220), (COL_CAMPAIGN, 220),
                              (COL_SOURCE, 180), (COL_BY, 180)):
            # never narrower than the header's own text (a larger font or another language would clip it)
            view.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        return view

    # ---- intake (any thread) -------------------------------------------------------------------

    def connect_bridge(self, bridge) -> None:
        """Listen to an EventBridge: trigger events and problems become rows."""
        bridge.triggers_fired.connect(self.add_events)
        bridge.problem.connect(self.add_problem)

    @Slot(object)
    def add_event(self, event: TriggerEvent) -> None:
        """Queue one trigger event (a core.triggers.TriggerEvent) for the next flush."""
        self._pending.append(LogEntry.from_event(event))
        self._schedule_flush_from_anywhere()

    @Slot(list)
    def add_events(self, events: list[TriggerEvent]) -> None:
        """Queue a batch of trigger events (as the bridge's `triggers_fired` carries them) for the next flush."""
        self._pending.extend(LogEntry.from_event(event) for event in events)
        self._schedule_flush_from_anywhere()

    @Slot(str)
    def add_problem(self, message: str) -> None:
        """Queue a problem the user should see: a red Error row."""
        self._pending.append(LogEntry.from_problem(message))
        self._schedule_flush_from_anywhere()

    def _schedule_flush_from_anywhere(self) -> None:
        if QThread.currentThread() is self.thread():
            self._schedule_flush()
        else:
            QMetaObject.invokeMethod(self, "_schedule_flush", Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _schedule_flush(self) -> None:
        if self._pending and not self._flush_timer.isActive():
            self._flush_timer.start()

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    # ---- the flush (panel's thread only) ---------------------------------------------------------

    def load_history(self, events: list[TriggerEvent]) -> int:
        """Show events already in the store (`workspace.recent_events()`, oldest first) before anything that
        arrived live."""
        return self._flush([LogEntry.from_event(event) for event in events])

    @Slot()
    def flush(self) -> int:
        """Move every pending entry into the model now; returns how many rows were added."""
        return self._flush([])

    def _flush(self, first: list[LogEntry]) -> int:
        self._flush_timer.stop()
        entries = first
        pending = self._pending
        for _ in range(len(pending)):  # popleft, not a swap: another thread may be appending
            entries.append(pending.popleft())
        if not entries:
            return 0
        bar = self.view.verticalScrollBar()
        following = not self.pause_button.isChecked() and bar.value() >= bar.maximum()
        self._removed_above = 0
        added = self.model.append_entries(entries)
        self._note_campaigns(entries)
        if added:
            if following:
                self.view.scrollToBottom()
                self._unseen = 0
            else:
                self._keep_position()
                self._unseen += added
        self._update_count()
        self._update_unseen()
        return added

    def _on_proxy_rows_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        # Only the oldest rows are ever removed (outside a reset), i.e. rows above what the user looks at.
        self._removed_above += last - first + 1

    def _keep_position(self) -> None:
        """The oldest rows were dropped: scroll up by as much, so the rows on screen stay on screen."""
        if not self._removed_above:
            return
        bar = self.view.verticalScrollBar()
        step = 1
        if self.view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerPixel:
            step = self.view.verticalHeader().defaultSectionSize()
        bar.setValue(max(0, bar.value() - self._removed_above * step))
        self._removed_above = 0

    def _note_campaigns(self, entries: list[LogEntry]) -> None:
        for entry in entries:
            key = entry.campaign_key
            if key and key not in self._campaigns:
                name = entry.campaign or key
                self._campaigns[key] = name
                combo = self.campaign_combo
                position = 1
                while position < combo.count() and combo.itemText(position).lower() <= name.lower():
                    position += 1
                combo.insertItem(position, name, key)

    # ---- auto-scroll -----------------------------------------------------------------------------

    @property
    def paused(self) -> bool:
        return self.pause_button.isChecked()

    @property
    def unseen_count(self) -> int:
        """Events that arrived while auto-scroll was paused or the user had scrolled up."""
        return self._unseen

    def set_paused(self, paused: bool) -> None:
        self.pause_button.setChecked(paused)

    def _on_pause_toggled(self, paused: bool) -> None:
        self._show_pause_state(paused)
        if not paused:
            self.flush()
            self.view.scrollToBottom()
            self._unseen = 0
        self._update_unseen()

    def _show_pause_state(self, paused: bool) -> None:
        """The button says what state the view is in and what a click does (it looked the same on and off)."""
        button = self.pause_button
        button.setText(translate("LogPanel", PAUSED_TEXT if paused else PAUSE_TEXT))
        button.setIcon(self._pause_icons[paused])
        button.setToolTip(translate("LogPanel", "Auto-scroll is paused: click to follow the newest events again")
                          if paused else translate("LogPanel", "Keep the view where it is while new events arrive"))

    def _on_scrolled(self, value: int) -> None:
        if self._unseen and not self.paused and value >= self.view.verticalScrollBar().maximum():
            self._unseen = 0  # the user scrolled back down to the newest
            self._update_unseen()

    def _update_unseen(self) -> None:
        if self._unseen:
            events = plural(self._unseen, translate("LogPanel", "{n} new event"),
                            translate("LogPanel", "{n} new events"))
            text = (translate("LogPanel", "{events} while paused") if self.paused
                    else translate("LogPanel", "{events} below"))
            self.unseen_label.setText(text.format(events=events))
        self.unseen_label.setVisible(bool(self._unseen))

    # ---- filters -----------------------------------------------------------------------------

    def _on_trigger_filter(self, _index: int) -> None:
        self.proxy.set_kind(self.trigger_combo.currentData())
        self._update_count()

    def _on_campaign_filter(self, _index: int) -> None:
        self.proxy.set_campaign(self.campaign_combo.currentData())
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(translate("LogPanel", "{events} ({shown} shown)").format(
            events=_events(self.model.rowCount()), shown=number(self.proxy.rowCount())))

    # ---- export and clear ------------------------------------------------------------------------

    def export_csv(self, path: str) -> int:
        """Write the rows shown (current filters, current order) to `path`; returns how many."""
        written = 0
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:  # BOM: Excel then reads UTF-8
            writer = csv.writer(fh)
            writer.writerow(HEADERS)  # English column names, for scripts (the rows' words are the window's)
            for row in range(self.proxy.rowCount()):
                entry: LogEntry = self.proxy.index(row, 0).data(RowRole)
                cells = (entry.at.strftime("%Y-%m-%d %H:%M:%S"), entry.trigger, entry.email, entry.campaign,
                         entry.source, entry.actor)
                writer.writerow([neutralise_cell(cell) for cell in cells])
                written += 1
        return written

    def _ask_export(self) -> None:
        default = f"campsync-log-{datetime.now():%Y%m%d-%H%M%S}.csv"
        path = get_save_path(self, EXPORT_PURPOSE, translate("LogPanel", "Export the log as CSV"), default,
                             translate("LogPanel", "CSV files (*.csv)"))
        if not path:
            return
        try:
            count = self.export_csv(path)
        except OSError as exc:
            # not QMessageBox.warning: its exec() would nest an event loop under qasync
            self.export_result = warn(self, translate("LogPanel", "Export failed"),
                                      translate("LogPanel", "Could not write {path}:\n{error}").format(
                                          path=path, error=exc.strerror or exc))
            return
        self.show_exported(path, count)
        self.exported.emit(path, count)

    def show_exported(self, path: str, count: int) -> None:
        """Say under the log what the export wrote and where, with a link that opens its folder."""
        folder = QUrl.fromLocalFile(str(Path(path).parent)).toString()
        # Elided in the middle (the folder's start and the file name stay): a long path would otherwise
        # widen the whole window. The tooltip has it in full.
        shown = self.export_label.fontMetrics().elidedText(path, Qt.TextElideMode.ElideMiddle, EXPORT_PATH_PX)
        self.export_label.setText(translate("LogPanel", 'Exported {events} to {path} — <a href="{folder}">Open '
                                                        'folder</a>').format(
            events=escape(_events(count)), path=escape(shown), folder=escape(folder)))
        self.export_label.setToolTip(translate("LogPanel", "{events} written to {path}").format(
            events=_events(count), path=path))
        self.export_label.show()

    def _open_link(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))

    def clear(self) -> None:
        """Empty the view (and anything not yet shown); the trigger log in the store is untouched."""
        self._flush_timer.stop()
        self._pending.clear()
        self.model.clear()
        self._unseen = 0
        self._update_unseen()
        self._update_count()
