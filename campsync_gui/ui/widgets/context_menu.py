"""Context menus for the tables, reachable from the keyboard as well as with a right click.

The Menu key and Shift+F10 become a context menu event only on some platforms (and never under a test or the
offscreen platform), so a table given `keyboard_menus()` opens its menu from those keys itself, at its current row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu


class KeyAwareAction(QAction):
    """An action that knows, while its slots run, whether its shortcut triggered it (`by_key`) or a menu did: the
    log names what started a flow action (the Delete key, a menu, a keyboard path), and one action serves both."""

    by_key = False

    def event(self, event) -> bool:
        if event.type() != QEvent.Type.Shortcut:
            return super().event(event)
        self.by_key = True
        try:
            return super().event(event)
        finally:
            self.by_key = False


def is_menu_key(event) -> bool:
    key, mods = event.key(), event.modifiers()
    return ((key == Qt.Key.Key_Menu and mods == Qt.KeyboardModifier.NoModifier)
            or (key == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier))


class _MenuKeys(QObject):
    def __init__(self, view: QAbstractItemView, build: Callable[[QPoint], QMenu | None]):
        super().__init__(view)
        self.view = view
        self.build = build

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and is_menu_key(event):
            current = self.view.currentIndex()
            point = self.view.visualRect(current).center() if current.isValid() else QPoint(4, 4)
            show_menu(self.view, self.build(point), point, keyboard=True)
            return True  # accepted: a platform that also turns the key into a context menu event does not see it
        return False


def keyboard_menus(view: QAbstractItemView, build: Callable[[QPoint], QMenu | None]) -> None:
    """Right click, the Menu key and Shift+F10 all pop up `build(point)` (point in the viewport's coordinates)."""
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.installEventFilter(_MenuKeys(view, build))
    view.customContextMenuRequested.connect(lambda point: show_menu(view, build(point), point))


def show_menu(view: QAbstractItemView, menu: QMenu | None, point: QPoint, *, keyboard: bool = False) -> QMenu | None:
    """Pop up without waiting (QMenu.exec would run a nested event loop under qasync); one menu at a time, so a
    platform that sends both a key press and a context menu event for the Menu key still shows one."""
    if menu is None or QApplication.activePopupWidget() is not None:
        if menu is not None:
            menu.deleteLater()
        return None
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.setToolTipsVisible(True)  # disabled entries say why in their tooltip
    menu.popup(view.viewport().mapToGlobal(point))
    usable = [a for a in menu.actions() if a.isEnabled() and not a.isSeparator()]
    if keyboard and usable:  # opened from the keyboard: the first usable entry is ready for Enter
        menu.setActiveAction(usable[0])
    return menu
