"""Turns the operator's drops, Delete key and Ctrl+Z into flow actions: plan → preview → outbox → engine run."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from ..core import flows
from ..core.engine import SyncEngine
from ..core.journal import mark_undone, next_undo
from ..dynamics.errors import DynamicsError
from .widgets.preview_dialog import PreviewDialog

log = logging.getLogger(__name__)

DROP_ORIGIN = "drag-and-drop"


class FlowController(QObject):
    status = Signal(str)          # a one-line message for the status bar
    busy_changed = Signal(bool)   # the engine is running (show progress and Cancel)
    progress = Signal(int, int)   # actions finished, actions claimed in this run
    changed = Signal()            # the store changed: campaign counts, members and people need a refresh
    pending = Signal(list)        # person ids now waiting in the outbox

    def __init__(self, engine: SyncEngine, environment: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.engine = engine
        self.environment = environment
        self.parent_widget = parent
        self.preview: PreviewDialog | None = None  # the preview on screen, if any
        self._run_task: asyncio.Task | None = None
        self._stop: asyncio.Event | None = None
        self._requests = 0  # flow actions between the drop and the end of their run

    # ---- flow actions --------------------------------------------------------------------------

    async def request(self, action: str, campaign_id: str, person_ids: list[int], *,
                      origin: str = DROP_ORIGIN, preview: bool = True) -> str | None:
        """Plan, show the preview, and on confirmation enqueue and run. Returns the request id, or None."""
        self._requests += 1
        try:
            return await self._request(action, campaign_id, person_ids, origin=origin, preview=preview)
        finally:
            self._requests -= 1

    async def _request(self, action: str, campaign_id: str, person_ids: list[int], *, origin: str,
                       preview: bool) -> str | None:
        campaign = self.engine.campaign_record(campaign_id)
        plan = await self.engine.plan_in_slices(person_ids, campaign, action, campaign_ref=campaign_id)
        if preview:
            accepted = await self._ask(PreviewDialog(plan, environment=self.environment, parent=self.parent_widget))
        else:
            accepted = True
        if not accepted:
            self.status.emit("Cancelled: nothing was sent to Dynamics.")
            return None
        if not plan.runnable:
            reasons = {item.reason for item in plan.items}
            self.status.emit("Nothing to do: " + "; ".join(sorted(reasons))[:300])
            return None
        request_id = await self.engine.enqueue_in_slices(plan, origin=origin)
        await asyncio.sleep(0)  # the queue is written: let the window draw before marking 10,000 rows pending
        self.pending.emit([item.person.id for item in plan.runnable])
        self.changed.emit()
        await self.run()
        return request_id

    async def add(self, campaign_id: str, person_ids: list[int]) -> str | None:
        return await self.request(flows.ADD, campaign_id, person_ids)

    async def remove(self, campaign_id: str, person_ids: list[int]) -> str | None:
        return await self.request(flows.REMOVE, campaign_id, person_ids)

    async def undo(self) -> str | None:
        """Reverse the operator's last flow action for exactly the people it changed (also after a restart)."""
        step = next_undo(self.engine.store)
        if step is None:
            self.status.emit("Nothing to undo.")
            return None
        campaign = self.engine.campaign_record(step.campaign_id)
        self.status.emit(step.describe(campaign.name if campaign else step.campaign_id) + "…")
        request_id = await self.request(step.action, step.campaign_id, step.person_ids, origin="undo",
                                        preview=self.environment == "production")
        if request_id:
            mark_undone(self.engine.store, step.request_id, request_id)
        return request_id

    async def _ask(self, dialog: PreviewDialog) -> bool:
        # open() + a future instead of exec(): no nested event loop inside the asyncio loop.
        future = asyncio.get_running_loop().create_future()

        def finished(result: int) -> None:
            if not future.done():
                future.set_result(result == QDialog.DialogCode.Accepted)

        dialog.finished.connect(finished)
        self.preview = dialog
        dialog.open()
        try:
            return await future
        finally:
            self.preview = None
            dialog.deleteLater()

    # ---- the engine ----------------------------------------------------------------------------

    async def run(self) -> None:
        """Run the engine until the outbox is empty; a run already going picks new rows up."""
        while self._run_task is not None and not self._run_task.done():
            await asyncio.shield(self._run_task)
        if not self.engine.pending_count():
            return
        self._stop = asyncio.Event()
        self._run_task = asyncio.ensure_future(self._run_once(self._stop))
        await asyncio.shield(self._run_task)

    async def _run_once(self, stop: asyncio.Event) -> None:
        self.busy_changed.emit(True)
        self.status.emit(f"Sending {self.engine.pending_count()} queued action(s) to Dynamics…")
        try:
            report = await self.engine.run(stop=stop, progress=self.progress.emit)
        except DynamicsError as exc:
            self.status.emit(f"Sync stopped: {exc.message}")
            return
        finally:
            self.busy_changed.emit(False)
            self.changed.emit()
        parts = [f"{report.done} confirmed by Dynamics"]
        for label, count in (("failed", report.failed), ("blocked", report.blocked), ("skipped", report.skipped),
                             ("still pending", report.left_pending)):
            if count:
                parts.append(f"{count} {label}")
        message = "Sync finished: " + ", ".join(parts) + "."
        if report.problems:
            message += " " + report.problems[-1]
        self.status.emit(message)

    def is_running(self) -> bool:
        return self._run_task is not None and not self._run_task.done()

    def is_idle(self) -> bool:
        """No flow action being planned, previewed, queued or sent."""
        return self._requests == 0 and not self.is_running()

    def cancel_run(self) -> None:
        """Stop after the batch in flight; unfinished rows stay queued, nothing is lost."""
        if self._stop is not None:
            self._stop.set()
            self.status.emit("Stopping after the current batch; the rest stays queued.")

    async def retry(self, ids: list[int]) -> None:
        count = self.engine.retry_failed(ids=ids or None)
        self.status.emit(f"Retrying {count} failed action(s)…")
        self.changed.emit()
        await self.run()

    def cancel(self, ids: list[int]) -> None:
        if not ids:  # an empty selection must never mean "cancel everything"
            return
        count = self.engine.cancel(ids=ids)
        self.status.emit(f"Cancelled {count} queued action(s).")
        self.changed.emit()

    async def shutdown(self) -> None:
        """On quit: let the batch in flight finish; rows not started stay queued for next time."""
        if self._run_task is not None and not self._run_task.done():
            self._stop.set()
            try:
                await asyncio.wait_for(asyncio.shield(self._run_task), timeout=15)
            except asyncio.TimeoutError:
                log.warning("quit while a batch was in flight; its rows will be finished on next start")
