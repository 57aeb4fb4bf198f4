"""What the cursor carries while people are dragged: a small badge ("12 people") beside the cursor.

Qt's default drag image is the selected rows themselves, as wide as the table: it covered the campaign names the
person was aiming at. The badge sits below and to the right of the cursor, so the row under it stays readable."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QDrag, QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from ...language import plural
from ..i18n import translate

OFFSET = QPoint(-18, -14)  # a hot spot outside the picture: the badge hangs off the cursor's lower right


def people_text(count: int) -> str:
    return plural(count, translate("DragBadge", "{n} person"), translate("DragBadge", "{n} people"))


def badge_pixmap(text: str, font: QFont, ratio: float = 1.0) -> QPixmap:
    bold = QFont(font)
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    width, height = metrics.horizontalAdvance(text) + 20, metrics.height() + 10
    pixmap = QPixmap(int(width * ratio), int(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#1a73e8"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRect(0, 0, width, height), height / 2, height / 2)
    painter.setPen(QColor("#ffffff"))
    painter.setFont(bold)
    painter.drawText(QRect(0, 0, width, height), int(Qt.AlignmentFlag.AlignCenter), text)
    painter.end()
    return pixmap


def start_badge_drag(source: QWidget, mime: QMimeData, count: int, supported_actions,
                     default_action=Qt.DropAction.CopyAction) -> Qt.DropAction:
    drag = QDrag(source)
    drag.setMimeData(mime)
    drag.setPixmap(badge_pixmap(people_text(count), source.font(), source.devicePixelRatioF()))
    drag.setHotSpot(OFFSET)
    return drag.exec(supported_actions, default_action)
