"""Saying something to a screen reader without moving the focus: a status bar message is painted, never read out,
so what a person must hear (a sync finished, and how it went) is also sent to assistive technology here.

Qt 6.8 has an announcement event for this (UI Automation's notification, AT-SPI's announcement); before it, the
widget's accessible description changes, which a screen reader reads out as well."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QWidget

try:
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # PySide6 before 6.8 (pyproject allows 6.6)
    QAccessibleAnnouncementEvent = None


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say `text` (politely: after what it is saying), as said by `widget`."""
    if not text:
        return
    if QAccessibleAnnouncementEvent is not None:
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
    elif widget.accessibleDescription() == text:
        # The same words as last time (two syncs alike): Qt sends the change only when there is one.
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged))
    else:
        widget.setAccessibleDescription(text)  # Qt sends DescriptionChanged itself
