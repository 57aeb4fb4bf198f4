"""The list of stored connection profiles: each with its environment badge, the default one bold and starred."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ..i18n import translate
from .environment_badge import BADGE_SIZE, badge_icon, environment_name

if TYPE_CHECKING:
    from ...core.models import ConnectionProfile

NameRole = Qt.ItemDataRole.UserRole
EnvironmentRole = Qt.ItemDataRole.UserRole + 1
DefaultRole = Qt.ItemDataRole.UserRole + 2


class ProfileList(QListWidget):
    """`picked(name)` fires when a person moves to another profile; a refill or `select()` says nothing."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIconSize(BADGE_SIZE)
        self.setMinimumWidth(240)
        self.setAccessibleName(translate("ProfileList", "Connections"))  # a list's only name for Qt (no label)
        self.currentItemChanged.connect(self._on_current_item_changed)

    def show_profiles(self, profiles: Iterable[ConnectionProfile], default: str, current: str | None) -> None:
        """Fill the list afresh, with `current` as the current row (None: no row)."""
        with QSignalBlocker(self):
            self.clear()
            for profile in profiles:
                self.addItem(self._item(profile, profile.name == default))
        self.select(current)

    def names(self) -> list[str]:
        return [self.item(row).data(NameRole) for row in range(self.count())]

    def select(self, name: str | None) -> None:
        """Make `name` the current row (None or unknown: no row) without firing `picked`: the caller knows."""
        names = self.names()
        with QSignalBlocker(self):
            self.setCurrentRow(names.index(name) if name in names else -1)

    def _item(self, profile: ConnectionProfile, is_default: bool) -> QListWidgetItem:
        text = (translate("ProfileList", "{name}   ★ default").format(name=profile.name) if is_default
                else profile.name)
        item = QListWidgetItem(badge_icon(profile.environment, self.devicePixelRatioF()), text)
        item.setData(NameRole, profile.name)
        item.setData(EnvironmentRole, profile.environment)
        item.setData(DefaultRole, is_default)
        tip = (translate("ProfileList", "{name}: {url} ({environment}), the default") if is_default
               else translate("ProfileList", "{name}: {url} ({environment})"))
        item.setToolTip(tip.format(name=profile.name, url=profile.org_url,
                                   environment=environment_name(profile.environment)))
        if is_default:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        return item

    def _on_current_item_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.picked.emit(current.data(NameRole))
