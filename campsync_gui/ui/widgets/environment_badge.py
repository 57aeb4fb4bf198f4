"""The environment badge: a coloured pill naming sandbox, test or production, drawn as an icon."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from ..i18n import translate
from ..theme import env_colour

ENVIRONMENTS = ("sandbox", "test", "production")  # the values stored in a profile: never translated
BADGE_SIZE = QSize(92, 18)
# Each environment's name as a person reads it (badge, combo, tooltips); translated where shown.
ENVIRONMENT_NAMES = {"sandbox": QT_TRANSLATE_NOOP("EnvironmentBadge", "sandbox"),
                     "test": QT_TRANSLATE_NOOP("EnvironmentBadge", "test"),
                     "production": QT_TRANSLATE_NOOP("EnvironmentBadge", "production")}


def environment_name(environment: str | None) -> str:
    """"production" in the person's language; an environment this version does not know, as stored."""
    if not environment:
        return translate("EnvironmentBadge", "unknown")
    name = ENVIRONMENT_NAMES.get(environment)
    return translate("EnvironmentBadge", name) if name else environment


def badge_icon(environment: str, ratio: float = 1.0) -> QIcon:
    """The badge as an icon that looks the same selected or not (Qt would tint it when selected)."""
    pixmap = badge_pixmap(environment, ratio)
    result = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        result.addPixmap(pixmap, mode)
    return result


def badge_pixmap(environment: str, ratio: float = 1.0) -> QPixmap:
    """A fixed-width pill with the environment's name on its colour (production red, test amber, sandbox blue)."""
    pixmap = QPixmap(round(BADGE_SIZE.width() * ratio), round(BADGE_SIZE.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(env_colour(environment)))
    painter.drawRoundedRect(0, 1, BADGE_SIZE.width() - 4, BADGE_SIZE.height() - 2, 4, 4)
    font = QFont()
    font.setPixelSize(10)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(0, 1, BADGE_SIZE.width() - 4, BADGE_SIZE.height() - 2, Qt.AlignmentFlag.AlignCenter,
                     environment_name(environment).upper())
    painter.end()
    return pixmap
