"""The operator's drops, Delete key, Ctrl+Z and redo as flow actions: the core plans, the preview asks, the core
queues and sends; this class only shows what happens (status, progress, the preview on screen, what Undo and Redo
would do in their menu labels)."""

from __future__ import annotations

import asyncio

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from ..core import flows, origins
from ..core.workspace import Workspace
from ..language import plural
from .ask import answer_of
from .i18n import translate
from .models.plan import prepare_preview
from .tasks import TaskManager
from .widgets.preview_dialog import PreviewDialog

SYNC_TASK = "send to Dynamics"


HISTORY_TASK = "undo and redo labels"
PENDING_SLICE = 20_000  # people marked pending per turn of the event loop


RELEASE_SLICE = 20_000  # a big drop's plan items freed per turn of the event loop


def queued(count: int) -> str:
    """'1 queued action', '3 queued actions'."""
    return plural(count, translate("FlowController", "{n} queued action"),
                  translate("FlowController", "{n} queued actions"))


async def _let_go(*lists: list) -> None:
    """Empty these lists a slice at a time with the event loop running between, so their objects are freed a slice at
    a time: the plan and preview rows of a 200,000-person drop, freed at once as it finished, stalled the window 60 ms.
    (The last list to hold the objects is the one whose slices free them.)"""
    for items in lists:
        while items:
            del items[-RELEASE_SLICE:]
            try:
                await asyncio.sleep(0)
            except asyncio.CancelledError:  # the window is closing: nothing left to keep smooth
                items.clear()
                raise


async def _runnable_ids(plan: flows.Plan) -> list[int]:
    """The ids of the plan's runnable people, a slice at a time with the event loop running between."""
    ids: list[int] = []
    items = plan.items
    for start in range(0, len(items), PENDING_SLICE):
        ids.extend(item.person.id for item in items[start:start + PENDING_SLICE] if item.runnable)
        await asyncio.sleep(0)
    return ids


class FlowController(QObject):
    status = Signal(str)          # a one-line message for the status bar
    busy_changed = Signal(bool)   # flow actions are being sent (show progress and Cancel)
    progress = Signal(int, int)   # actions finished, actions claimed in this run
    changed = Signal()            # the store changed: campaign counts, members and people need a refresh
    pending = Signal(object)        # person ids now waiting in the outbox
    sync_finished = Signal(str)   # the status message of a finished run, also to be said to a screen reader

    def __init__(self, workspace: Workspace, tasks: TaskManager, environment: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.tasks = tasks
        self.environment = environment
        self.parent_widget = parent
        self.preview: PreviewDialog | None = None  # the preview on screen, if any
        self._requests = 0  # flow actions between the drop and the end of their run
        self._syncs = 0     # sync() calls in progress
        self.undo_action: QAction | None = None  # Edit → Undo and Redo, labelled with what they would do
        # Records a flow action in the signed-in person's name, signing them in first (or again) when Dynamics
        # needs it; None when they did not sign in. The window sets it (ui/signin_flow.py); by default, just the call.
        self.signed_in = lambda record: record()
        self.redo_action: QAction | None = None
        self.changed.connect(self.refresh_history)

    # ---- gestures (each starts a named task) ----------------------------------------------------

    def add(self, campaign_id: str, person_ids: list[int], *, origin: str = origins.DRAG_AND_DROP) -> asyncio.Task:
        return self.tasks.start("add to campaign", self.request(flows.ADD, campaign_id, person_ids, origin=origin))

    def remove(self, campaign_id: str, person_ids: list[int], *,
               origin: str = origins.DRAG_AND_DROP) -> asyncio.Task:
        """`origin`: what the log says did it; a drag out by default. The Delete key and the menu's Remove pass
        their own (connect them with it: `remove(campaign_id, ids, origin=...)`)."""
        return self.tasks.start("remove from campaign", self.request(flows.REMOVE, campaign_id, person_ids,
                                                                     origin=origin))

    def undo(self) -> asyncio.Task:
        return self.tasks.start("undo", self._reverse(redo=False))

    def redo(self) -> asyncio.Task:
        return self.tasks.start("redo", self._reverse(redo=True))

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
            return await self._confirm(plan, origin=origin)
        finally:
            self._requests -= 1

    async def _reverse(self, *, redo: bool) -> str | None:
        """Undo the operator's last flow action (also after a restart), or redo what the last undo undid: previewed
        like a drop, with what trigger campaigns did because of it offered too; Esc changes nothing."""
        self._requests += 1
        try:
            undo = await (self.workspace.plan_redo() if redo else self.workspace.plan_undo())
            if undo is None:
                self.status.emit(translate("FlowController", "Nothing to redo.") if redo
                                 else translate("FlowController", "Nothing to undo."))
                return None
            dialog = PreviewDialog(undo.plan, environment=self.environment, parent=self.parent_widget, undo=undo)
            if not await self._ask(dialog):
                self.status.emit(translate("FlowController", "Cancelled: nothing was sent to Dynamics."))
                return None
            chain = dialog.chain_chosen()
            request_id = await self.signed_in(lambda: self.workspace.confirm_undo(undo, chain=chain))
            if request_id is None:
                self.status.emit(translate("FlowController", "Nothing to do: everyone is skipped or blocked."))
                return None
            self.status.emit(undo.title + "…")  # the core's words
            await self._queued([item.person.id for item in undo.runnable(chain=chain)])
            return request_id
        finally:
            self._requests -= 1
            self.refresh_history()

    async def _confirm(self, plan: flows.Plan, *, origin: str) -> str | None:
        prepared = await prepare_preview(plan)
        try:
            if not await self._ask(PreviewDialog(plan, environment=self.environment, parent=self.parent_widget,
                                                 prepared=prepared)):
                self.status.emit(translate("FlowController", "Cancelled: nothing was sent to Dynamics."))
                return None
            if not plan.has_runnable():
                reasons = {item.reason for item in plan.items}  # the core's words
                self.status.emit(translate("FlowController", "Nothing to do: {reasons}").format(
                    reasons="; ".join(sorted(reasons))[:300]))
                return None
            request_id = await self.signed_in(lambda: self.workspace.confirm(plan, origin=origin))
            if request_id is None:  # not signed in: the sign-in dialog and the status bar said so; nothing was queued
                return None
            await self._queued(await _runnable_ids(plan))
            return request_id
        finally:
            if len(plan.items) >= RELEASE_SLICE:
                await _let_go(prepared.rows, plan.items)

    async def _queued(self, person_ids: list[int]) -> None:
        # The queue is written. Each step below is a few milliseconds of the window's own work; the event loop
        # runs between them, so they never add up to one long stall (they were 50 ms in one piece, and marking
        # 200,000 people pending at once was a tenth of a second).
        await asyncio.sleep(0)
        for start in range(0, len(person_ids), PENDING_SLICE):
            self.pending.emit(person_ids[start:start + PENDING_SLICE])
            await asyncio.sleep(0)
        self.changed.emit()
        await asyncio.sleep(0)
        await self.sync()

    async def _ask(self, dialog: PreviewDialog) -> bool:
        self.preview = dialog
        try:
            return await answer_of(dialog) == QDialog.DialogCode.Accepted
        finally:
            self.preview = None

    # ---- Edit → Undo / Redo ------------------------------------------------------------------------

    def make_redo_action(self, undo_action: QAction) -> QAction:
        """Edit → Redo (Ctrl+Shift+Z, Ctrl+Y) for the window's menu; from now on both it and `undo_action` say
        what they would do ("Undo add of 3 people to Spring Webinar") and are enabled only when they would."""
        self.undo_action = undo_action
        self.redo_action = QAction(translate("FlowController", "&Redo"), self.parent_widget or self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(lambda _checked=False: self.redo())
        self.refresh_history()
        return self.redo_action

    def refresh_history(self) -> None:
        """Label Undo and Redo with what they would do now (the journal is in the store: also after a restart). Read
        on a helper thread once the event loop runs: after a 200,000-person drop, counting whom it changed took the
        window 40 ms (the store's driver lets go of the interpreter while it counts)."""
        if self.undo_action is None or self.redo_action is None:
            return
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # the window's first frame, before the loop
            self._show_history(*self.workspace.undo_titles())
            return
        self.tasks.start(HISTORY_TASK, self._refresh_history(), replace=True)

    async def _refresh_history(self) -> None:
        self._show_history(*await asyncio.to_thread(self.workspace.undo_titles))

    def _show_history(self, undo: str | None, redo: str | None) -> None:
        if not all(shiboken6.isValid(action) for action in (self.undo_action, self.redo_action)):
            return  # the window closed while the labels were read
        for action, title, idle in ((self.undo_action, undo, translate("FlowController", "&Undo last flow action")),
                                    (self.redo_action, redo, translate("FlowController", "&Redo"))):
            # '&' marks the accelerator in a menu: a campaign's own '&' is doubled to stay a character.
            action.setText("&" + title.replace("&", "&&") if title else idle)
            action.setEnabled(title is not None)

    # ---- sending -------------------------------------------------------------------------------

    async def sync(self) -> None:
        """Send the queue to Dynamics until it is empty; while a run goes on, the core adds new rows to it."""
        pending = self.workspace.pending_count()
        if not pending:
            return
        self._syncs += 1
        if self._syncs == 1:
            self.busy_changed.emit(True)
        self.status.emit(translate("FlowController", "Sending {actions} to Dynamics…").format(actions=queued(pending)))
        try:
            report = await self.workspace.run_queue(progress=self.progress.emit)
        finally:
            self._syncs -= 1
            if not self._syncs:
                self.busy_changed.emit(False)
            self.changed.emit()
        parts = [translate("FlowController", "{count} confirmed by Dynamics").format(count=report.done)]
        for label, count in ((translate("FlowController", "{count} failed"), report.failed),
                             (translate("FlowController", "{count} blocked"), report.blocked),
                             (translate("FlowController", "{count} skipped"), report.skipped),
                             (translate("FlowController", "{count} still pending"), report.left_pending)):
            if count:
                parts.append(label.format(count=count))
        message = translate("FlowController", "Sync finished: {parts}.").format(parts=", ".join(parts))
        if report.problems:
            message += " " + report.problems[-1]  # the core's words
        self.status.emit(message)
        self.sync_finished.emit(message)

    def is_running(self) -> bool:
        return self.workspace.is_running()

    def is_idle(self) -> bool:
        """No flow action being planned, previewed, queued or sent, and the Undo menu says what it would undo."""
        return (self._requests == 0 and self._syncs == 0 and not self.is_running()
                and not self.tasks.running(HISTORY_TASK))

    def cancel_run(self) -> None:
        """Stop after the batch in flight; unfinished rows stay queued, nothing is lost."""
        self.workspace.stop_running()
        self.status.emit(translate("FlowController", "Stopping after the current batch; the rest stays queued."))

    async def _retry(self, ids: list[int]) -> None:
        count = self.workspace.retry(ids)
        self.status.emit(translate("FlowController", "Retrying {actions}…").format(actions=plural(
            count, translate("FlowController", "{n} failed action"),
            translate("FlowController", "{n} failed actions"))))
        self.changed.emit()
        await self.sync()

    def cancel(self, ids: list[int]) -> None:
        if not ids:  # an empty selection must never mean "cancel everything"
            return
        count = self.workspace.cancel(ids)
        self.status.emit(translate("FlowController", "Cancelled {actions}.").format(actions=queued(count)))
        self.changed.emit()
