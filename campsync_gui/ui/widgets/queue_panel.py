"""The outbox queue: what is waiting, running or failed, with Retry and Cancel requests for the controller."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from ...core.queue import QueueSnapshot
from ...core.workspace import Workspace
from ...language import number
from ..i18n import translate
from ..models.queue import (COL_ACTION, COL_ATTEMPTS, COL_CAMPAIGN, COL_ID, COL_MESSAGE, COL_PERSON, COL_STATE,
                            DEFAULT_MAX_ROWS, QueueModel, QueueRow, RowRole, SortRole)

log = logging.getLogger(__name__)

REFRESH_INTERVAL_MS = 200


class QueuePanel(QWidget):
    """Shows pending, running and failed outbox rows, read through the workspace; Retry/Cancel only emit the ids
    (the controller acts).

    `campaign_names`: a callable giving campaign id → name, asked at each refresh (the campaigns the window has
    loaded); its names are shown instead of those the store knows. It may fail: the store's are shown then.
    """

    retry_requested = Signal(list)   # outbox ids of failed rows to try again
    cancel_requested = Signal(list)  # outbox ids of pending/failed rows to cancel

    def __init__(self, workspace: Workspace, campaign_names: Callable[[], dict[str, str]] | None = None,
                 parent: QWidget | None = None, *, max_rows: int = DEFAULT_MAX_ROWS,
                 refresh_interval_ms: int = REFRESH_INTERVAL_MS):
        super().__init__(parent)
        self.workspace = workspace
        self.campaign_names = campaign_names
        self.max_rows = max_rows
        self.snapshot = QueueSnapshot([], {"pending": 0, "running": 0, "failed": 0})

        self.model = QueueModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.view = self._build_view()

        self._stale = False  # a refresh was skipped while the panel was hidden
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(refresh_interval_ms)
        self._refresh_timer.timeout.connect(self.refresh_if_shown)

        self.summary_label = QLabel()
        self.retry_button = QPushButton(translate("QueuePanel", "Retry failed"))
        self.retry_button.clicked.connect(self.request_retry)
        self.cancel_button = QPushButton(translate("QueuePanel", "Cancel"))
        self.cancel_button.clicked.connect(self.request_cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary_label, 1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.dataChanged.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self._show_summary()
        self._update_buttons()
        self.schedule_refresh()  # rows left from the last session show up without waiting for an event

    def _build_view(self) -> QTableView:
        view = QTableView(self)
        view.setModel(self.proxy)
        view.setAccessibleName(translate("QueuePanel", "Queue table"))  # a table's only name for Qt
        view.setAccessibleDescription(translate("QueuePanel", "Flow actions pending, running or failed: action, "
                                                              "person, campaign, state, attempts and message"))
        # Rows come in # order already; the proxy sorts only once someone clicks a header (sorting a long
        # queue on every refresh would cost n log n calls into Python).
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        rows = view.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 6)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((COL_ID, 60), (COL_ACTION, 70), (COL_PERSON, 220), (COL_CAMPAIGN, 200),
                              (COL_STATE, 80), (COL_ATTEMPTS, 70), (COL_MESSAGE, 300)):  # then By, stretched
            # At least the header's own text and sort arrow: a fixed 70 px clipped "Attempts".
            view.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        return view

    # ---- reading the queue -----------------------------------------------------------------------

    def connect_bridge(self, bridge) -> None:
        """Refresh (coalesced) whenever the engine reports outbox changes."""
        bridge.outbox_changed.connect(self.schedule_refresh)

    def schedule_refresh(self, _change: dict | None = None) -> None:
        """At most one refresh per interval, however many changes arrive."""
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    @Slot()
    def refresh_if_shown(self) -> None:
        """Refresh now if the queue can be seen; behind another tab, refresh when it is shown again (reading
        thousands of queued rows while nobody looks cost the window a tenth of a second each time)."""
        if self.window().isVisible() and not self.isVisible():
            self._refresh_timer.stop()
            self._stale = True
            return
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read the queue again now."""
        self._refresh_timer.stop()
        self._stale = False
        self.snapshot = self.workspace.queue(limit=self.max_rows)
        names = self._names()
        self.model.set_rows([QueueRow.from_entry(entry, names.get(entry.campaign_id))
                             for entry in self.snapshot.entries])
        self._show_summary()
        self._update_buttons()

    def _names(self) -> dict[str, str]:
        if self.campaign_names is None:
            return {}
        try:
            return dict(self.campaign_names() or {})
        except Exception:  # the queue still shows, with campaign ids instead of names
            log.exception("campaign names unavailable for the queue")
            return {}

    def _show_summary(self) -> None:
        counts = self.snapshot.counts
        text = translate("QueuePanel", "{pending} pending · {running} running · {failed} failed").format(
            pending=number(counts["pending"]), running=number(counts["running"]), failed=number(counts["failed"]))
        if self.snapshot.truncated:
            text = translate("QueuePanel", "{counts} (showing {shown})").format(
                counts=text, shown=number(len(self.snapshot.entries)))
        self.summary_label.setText(text)

    # ---- selection and requests ------------------------------------------------------------------

    def selected_rows(self) -> list[QueueRow]:
        rows = [index.data(RowRole) for index in self.view.selectionModel().selectedRows(COL_ID)]
        return sorted((row for row in rows if row is not None), key=lambda row: row.id)

    def retry_ids(self) -> list[int]:
        """The selected failed rows, or every failed row when nothing is selected."""
        selected = self.selected_rows()
        if selected:
            return [row.id for row in selected if row.failed]
        if not self.snapshot.truncated:
            return [row.id for row in self.model.rows if row.failed]
        return self.workspace.failed_ids()

    def cancel_ids(self) -> list[int]:
        """The selected rows the engine can cancel: pending and failed (running ones are on their way)."""
        return [row.id for row in self.selected_rows() if row.cancellable]

    @Slot()
    def request_retry(self) -> None:
        ids = self.retry_ids()
        if ids:
            self._emit_ids("retry_requested", ids)
            self.schedule_refresh()  # the engine's retry/cancel publish no outbox event of their own

    @Slot()
    def request_cancel(self) -> None:
        ids = self.cancel_ids()
        if ids:
            self._emit_ids("cancel_requested", ids)
            self.schedule_refresh()

    def _emit_ids(self, signal: str, ids: list[int]) -> None:
        getattr(self, signal).emit(ids)

    def _update_buttons(self, *_args) -> None:
        selected = self.selected_rows()
        failed_count = self.snapshot.counts["failed"]
        if selected:
            retry = sum(row.failed for row in selected)
            self.retry_button.setToolTip(
                translate("QueuePanel", "Try the {count} selected failed rows again").format(count=number(retry))
                if retry else translate("QueuePanel", "None of the selected rows failed"))
        else:
            retry = failed_count
            self.retry_button.setToolTip(
                translate("QueuePanel", "Try all {count} failed rows again").format(count=number(failed_count))
                if failed_count else translate("QueuePanel", "Nothing failed"))
        self.retry_button.setEnabled(bool(retry))
        cancel = sum(row.cancellable for row in selected)
        self.cancel_button.setEnabled(bool(cancel))
        self.cancel_button.setToolTip(
            translate("QueuePanel", "Cancel the {count} selected pending or failed rows").format(count=number(cancel))
            if cancel else translate("QueuePanel", "Select pending or failed rows to cancel them"))
