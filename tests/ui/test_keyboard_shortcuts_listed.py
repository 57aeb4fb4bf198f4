"""Help → Keyboard shortcuts lists every shortcut of the window's menus and panels: a key nobody can find is a key
nobody uses (issue 17: every action reachable without a mouse, and said where)."""

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

import test_main_window
from campsync_gui.ui.widgets.help_dialogs import SHORTCUTS, shortcuts_html

window, loaded = test_main_window.window, test_main_window.loaded  # the fixtures (see test_accessibility_names)


def listed_keys() -> set[str]:
    """The keys Help lists, as Qt writes them ("Ctrl+Shift+Z / Ctrl+Y" are two)."""
    keys = set()
    for typed, _what in SHORTCUTS:
        for key in typed.split(" / "):
            keys.add(QKeySequence(key.strip()).toString(QKeySequence.SequenceFormat.PortableText))
    return keys


def menu_actions(menu) -> list:
    found = []
    for action in menu.actions():
        found.append(action)
        if action.menu() is not None:
            found += menu_actions(action.menu())
    return found


def test_keyboard_every_menu_shortcut_is_listed_in_help(loaded):
    listed = listed_keys()
    missing = []
    for top in loaded.menuBar().actions():
        for action in menu_actions(top.menu()):
            keys = [k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()]
            if keys and not set(keys) & listed:
                missing.append(f"{action.text().replace('&', '')}: {' / '.join(keys)}")
    assert not missing, "shortcuts Help → Keyboard shortcuts does not list:\n" + "\n".join(missing)


def test_keyboard_the_panels_own_shortcuts_are_listed_in_help(loaded):
    """The keys of a table or an editor (Delete on a member, Ctrl+S in the Automation tab): actions and shortcuts
    that belong to a panel's widgets, not to a menu."""
    listed = listed_keys()
    panels = (loaded.people_panel, loaded.campaigns_panel, loaded.automation_panel, loaded.log_panel,
              loaded.queue_panel, loaded.charts.events_panel)
    missing = []
    for panel in panels:
        actions = [action for widget in (panel, *panel.findChildren(QWidget)) for action in widget.actions()]
        keys = [(action.text(), action.shortcuts()) for action in actions]
        keys += [("shortcut", [shortcut.key()]) for shortcut in panel.findChildren(QShortcut)]
        for text, sequences in keys:
            written = {key.toString(QKeySequence.SequenceFormat.PortableText) for key in sequences}
            if written and not written & listed:  # one of an action's keys is enough (Ctrl+Return / Ctrl+Enter)
                missing.append(f"{type(panel).__name__}: {text.replace('&', '')}: {' / '.join(sorted(written))}")
    assert not missing, "shortcuts Help → Keyboard shortcuts does not list:\n" + "\n".join(missing)


def test_keyboard_help_shows_every_listed_shortcut():
    html = shortcuts_html()
    assert all(typed in html for typed, _what in SHORTCUTS)
