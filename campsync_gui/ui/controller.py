"""The operator's drops, Delete key and Ctrl+Z as flow actions: the core plans, the preview asks, the core queues
and sends; this class only shows what happens (status, progress, the preview on screen)."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from ..core import flows, origins
from ..core.workspace import Workspace
from .ask import answer_of
from .tasks import TaskManager
from .widgets.preview_dialog import PreviewDialog

SYNC_TASK = "send to Dynamics"


class FlowController(QObject):
    status = Signal(str)          # a one-line message for the status bar
    busy_changed = Signal(bool)   # flow actions are being sent (show progress and Cancel)
    progress = Signal(int, int)   # actions finished, actions claimed in this run
    changed = Signal()            # the store changed: campaign counts, members and people need a refresh
    pending = Signal(list)        # person ids now waiting in the outbox

    def __init__(self, workspace: Workspace, tasks: TaskManager, environment: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.tasks = tasks
        self.environment = environment
        self.parent_widget = parent
        self.preview: PreviewDialog | None = None  # the preview on screen, if any
        self._requests = 0  # flow actions between the drop and the end of their run
        self._syncs = 0     # sync() calls in progress

    # ---- gestures (each starts a named task) ----------------------------------------------------

    def add(self, campaign_id: str, person_ids: list[int]) -> asyncio.Task:
        return self.tasks.start("add to campaign", self.request(flows.ADD, campaign_id, person_ids))

    def remove(self, campaign_id: str, person_ids: list[int]) -> asyncio.Task:
        return self.tasks.start("remove from campaign", self.request(flows.REMOVE, campaign_id, person_ids))

    def undo(self) -> asyncio.Task:
        return self.tasks.start("undo", self._undo())

    def retry(self, ids: list[int]) -> asyncio.Task:
        return self.tasks.start("retry", self._retry(ids))

    def send(self) -> asyncio.Task:
        """Send what is queued (e.g. left from last time, or queued by a batch campaign)."""
        return self.tasks.start(SYNC_TASK, self.sync())

    # ---- flow actions --------------------------------------------------------------------------

    async def request(self, action: str, campaign_id: str, person_ids: list[int], *,
                      origin: str = origins.DRAG_AND_DROP) -> str | None:
        """Plan, show the preview, and on confirmation queue and send. Returns the request id, or None."""
        self._requests += 1
        try:
            plan = await self.workspace.plan(action, campaign_id, person_ids)
            return await self._confirm(plan, origin=origin, preview=True)
        finally:
            self._requests -= 1

    async def _undo(self) -> str | None:
        """Reverse the operator's last flow action for exactly the people it changed (also after a restart)."""
        self._requests += 1
        try:
            planned = await self.workspace.plan_undo()
            if planned is None:
                self.status.emit("Nothing to undo.")
                return None
            step, plan = planned
            self.status.emit(step.describe(plan.campaign_name) + "…")
            # On a production org an undo is previewed like any change; elsewhere it goes at once.
            return await self._confirm(plan, origin=origins.UNDO, preview=self.environment == "production",
                                       undoing=step.request_id)
        finally:
            self._requests -= 1

    async def _confirm(self, plan: flows.Plan, *, origin: str, preview: bool, undoing: str | None = None) -> str | None:
        if preview and not await self._ask(PreviewDialog(plan, environment=self.environment,
                                                         parent=self.parent_widget)):
            self.status.emit("Cancelled: nothing was sent to Dynamics.")
            return None
        if not plan.runnable:
            reasons = {item.reason for item in plan.items}
            self.status.emit("Nothing to do: " + "; ".join(sorted(reasons))[:300])
            return None
        request_id = await self.workspace.confirm(plan, origin=origin, undoing=undoing)
        await asyncio.sleep(0)  # the queue is written: let the window draw before marking 10,000 rows pending
        self.pending.emit([item.person.id for item in plan.runnable])
        self.changed.emit()
        await self.sync()
        return request_id

    async def _ask(self, dialog: PreviewDialog) -> bool:
        self.preview = dialog
        try:
            return await answer_of(dialog) == QDialog.DialogCode.Accepted
        finally:
            self.preview = None

    # ---- sending -------------------------------------------------------------------------------

    async def sync(self) -> None:
        """Send the queue to Dynamics until it is empty; while a run goes on, the core adds new rows to it."""
        if not self.workspace.pending_count():
            return
        self._syncs += 1
        if self._syncs == 1:
            self.busy_changed.emit(True)
        self.status.emit(f"Sending {self.workspace.pending_count()} queued action(s) to Dynamics…")
        try:
            report = await self.workspace.run_queue(progress=self.progress.emit)
        finally:
            self._syncs -= 1
            if not self._syncs:
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
        return self.workspace.is_running()

    def is_idle(self) -> bool:
        """No flow action being planned, previewed, queued or sent."""
        return self._requests == 0 and self._syncs == 0 and not self.is_running()

    def cancel_run(self) -> None:
        """Stop after the batch in flight; unfinished rows stay queued, nothing is lost."""
        self.workspace.stop_running()
        self.status.emit("Stopping after the current batch; the rest stays queued.")

    async def _retry(self, ids: list[int]) -> None:
        count = self.workspace.retry(ids)
        self.status.emit(f"Retrying {count} failed action(s)…")
        self.changed.emit()
        await self.sync()

    def cancel(self, ids: list[int]) -> None:
        if not ids:  # an empty selection must never mean "cancel everything"
            return
        count = self.workspace.cancel(ids)
        self.status.emit(f"Cancelled {count} queued action(s).")
        self.changed.emit()
