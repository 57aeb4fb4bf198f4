"""Asking a person without a nested event loop: a dialog opened window-modal, its answer awaited.

A modal `exec()` inside a coroutine runs a second event loop inside the asyncio loop; the tasks of the first
one (a sync, the scheduler) then cannot run or break. `open()` and a future keep one loop.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


async def answer_of(dialog: QDialog) -> int:
    """Open `dialog` (window-modal) and wait for its result code; the dialog is deleted afterwards."""
    future = asyncio.get_running_loop().create_future()

    def finished(result: int) -> None:
        if not future.done():
            future.set_result(result)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await future
    finally:
        dialog.deleteLater()
        # The keyboard goes back to the window the question came from (without a window manager, or when the
        # dialog was closed by a key, nothing else gives it back and Ctrl+Q, Ctrl+Z… would go nowhere).
        if (parent := dialog.parentWidget()) is not None and parent.window().isVisible():
            parent.window().activateWindow()


async def confirmed(parent: QWidget, title: str, text: str) -> bool:
    """A Yes/No question; True for Yes."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return await answer_of(box) == QMessageBox.StandardButton.Yes


def tell(parent: QWidget, title: str, text: str, *, icon: QMessageBox.Icon = QMessageBox.Icon.Information,
         details: str = "") -> QMessageBox:
    """A message box that does not block: shown, and forgotten when the person closes it.

    `details`: the longer part under `text` (the box's informative text), e.g. the rows an import refused.
    """
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setInformativeText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def warn(parent: QWidget, title: str, text: str, *, details: str = "") -> QMessageBox:
    """`tell` with the warning icon: for refusals and for outcomes with errors, which the information icon
    made look like good news."""
    return tell(parent, title, text, icon=QMessageBox.Icon.Warning, details=details)
