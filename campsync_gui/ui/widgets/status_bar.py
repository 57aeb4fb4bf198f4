"""A status bar whose message stops, with "…", where the permanent widgets begin.

QStatusBar draws a long message across its permanent widgets (a refusal ran over "0 pending" and read "…its flo0
pending"); here the message is elided and the whole of it is the bar's tooltip. `currentMessage()` stays whole."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStatusBar, QStyle, QStyleOption, QWidget


class ElidingStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._permanent: list[QWidget] = []
        self.messageChanged.connect(self._message_changed)

    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:
        self._permanent.append(widget)
        # Each widget gets its natural width when the window has room, and less when it has not: otherwise the
        # bar's minimum width is the sum of its widgets' texts, and a label growing during a sync ("10000 pending",
        # the progress bar appearing) made Qt widen the window by itself, and repaint all of it, mid-sync.
        widget.setMinimumWidth(1)
        super().addPermanentWidget(widget, stretch)

    def message_rect(self) -> QRect:
        """Where the message may go: from the left edge to the first permanent widget shown (as Qt computes it)."""
        right = min((w.x() - 2 for w in self._permanent if w.isVisible()), default=self.width() - 12)
        return QRect(6, 0, max(right - 6, 0), self.height())

    def shown_message(self) -> str:
        rect = self.message_rect()
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight, rect.width())

    def paintEvent(self, event) -> None:
        if not self.currentMessage():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.message_rect(), int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
                                                  | Qt.TextFlag.TextSingleLine), self.shown_message())

    def _message_changed(self, message: str) -> None:
        self.setToolTip(message)
