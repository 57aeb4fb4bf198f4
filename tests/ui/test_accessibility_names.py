"""Screen readers: every control of the window and its dialogs has a name, every table says what it holds, and a
finished sync is announced — as Qt's accessibility interface (what a screen reader is told) reports them."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox,
                               QHeaderView, QLineEdit, QPlainTextEdit, QScrollBar, QTableView, QTabBar, QTextEdit,
                               QToolButton, QWidget)

import test_main_window
from test_main_window import active_campaign, confirm_preview, drag_people, finish_sync, wait_until

# The window on the sandbox org and the window loaded from it, test_main_window's fixtures (assigned, not imported:
# a fixture's name is then also the argument of the tests that use it, and pyflakes has nothing to say about that).
window, loaded = test_main_window.window, test_main_window.loaded

# What a person operates: buttons (tool buttons, check boxes), text fields, combos, spin boxes, tables and lists,
# tab bars, sliders.
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTabBar, QAbstractSlider,
               QTextEdit, QPlainTextEdit)


def qt_part(widget: QWidget) -> bool:
    """A piece Qt builds inside its own widgets, which a screen reader meets through its owner: a spin box's or a
    combo's text field, a table's headers (its header cells) and corner button, a menu bar's overflow button, a
    search field's clear button (not in the tab order), the scroll bars."""
    parent = widget.parentWidget()
    return (widget.objectName().startswith("qt_") or isinstance(widget, QScrollBar)
            or isinstance(widget, QHeaderView) and isinstance(parent, QAbstractItemView)
            or isinstance(widget, QLineEdit) and isinstance(parent, (QComboBox, QAbstractSpinBox))
            or isinstance(widget, QToolButton) and isinstance(parent, QLineEdit))


def accessible_name(widget: QWidget) -> str:
    """The name Qt gives the widget's accessible interface (its own, a label's whose buddy it is, a button's text).
    A combo box's interface on Linux answers with its current item when it has no name (AT-SPI names it through its
    label relation): there the name is its own or its label's, as Windows and macOS report it."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None:
        return ""
    if isinstance(widget, QComboBox):
        labels = [label.text(QAccessible.Text.Name) for label, _ in iface.relations(QAccessible.RelationFlag.Label)]
        return widget.accessibleName() or next((text for text in labels if text.strip()), "")
    return iface.text(QAccessible.Text.Name)


def described(widget: QWidget) -> str:
    """Where a widget is, for a failure message: its class and its parents' up to the window."""
    chain = []
    while widget is not None and not widget.isWindow():
        name = widget.objectName()
        chain.append(type(widget).__name__ + (f"#{name}" if name and not name.startswith("qt_") else ""))
        widget = widget.parentWidget()
    return " < ".join(chain[:4])


def controls(root: QWidget) -> list[QWidget]:
    """The interactive widgets of this window or dialog (not of the dialogs and popups it owns)."""
    return [w for w in [root, *root.findChildren(QWidget)]
            if isinstance(w, INTERACTIVE) and w.window() is root and not qt_part(w)]


def unnamed(root: QWidget) -> list[str]:
    """The controls without a usable name: none at all, or only a symbol ("✕", "▲": no word to read out)."""
    return [described(w) for w in controls(root) if not any(c.isalnum() for c in accessible_name(w))]


def undescribed_tables(root: QWidget) -> list[str]:
    found = []
    for table in (w for w in controls(root) if isinstance(w, QTableView)):
        iface = QAccessible.queryAccessibleInterface(table)
        if not iface.text(QAccessible.Text.Description).strip():
            found.append(described(table))
    return found


def assert_accessible(root: QWidget, what: str) -> None:
    missing = unnamed(root)
    assert not missing, f"{what}: {len(missing)} control(s) without an accessible name:\n" + "\n".join(missing)
    tables = undescribed_tables(root)
    assert not tables, f"{what}: tables without an accessible description:\n" + "\n".join(tables)


def every_row_kind(win) -> None:
    """The Automation tab with a trigger, a filter and a flow step of every kind: each kind has its own editors."""
    from campsync_gui.core.demo_content import seed_demo_automations

    seed_demo_automations(win.workspace)
    win.automation_panel.reload()
    panel = win.automation_panel
    for button in (panel.smart_list_editor.add_trigger_button, panel.smart_list_editor.add_filter_button,
                   panel.flow_editor.add_step_button):
        for action in button.menu().actions():
            action.trigger()


def test_accessible_names_of_every_control_of_the_window(loaded):
    every_row_kind(loaded)
    assert loaded.main_tabs.count() == 2 and loaded.bottom_tabs.count() == 3
    assert len(controls(loaded)) > 50, "the panels are attached: people, campaigns, automation, log, queue"
    assert_accessible(loaded, "main window")


def test_accessible_names_and_descriptions_of_the_charts(org, loaded, qloop):
    """A chart is a picture to a screen reader: its name says what it is, its description what it shows, and every
    control of its window or tab has a name."""
    loaded.show()
    events = loaded.charts.show_events()
    wait_until(qloop, lambda: events.counts is not None)
    campaign = active_campaign(org)
    loaded.campaigns_panel.select_campaign(campaign["campaignid"])
    membership = loaded.charts.open_membership(campaign["campaignid"])
    qloop.run_until_complete(membership.load())
    assert_accessible(loaded, "main window with the events chart shown")
    assert_accessible(membership, "membership chart")
    for view, what in ((events.view, "events"), (membership.view, "members")):
        iface = QAccessible.queryAccessibleInterface(view)
        assert what in iface.text(QAccessible.Text.Name).lower()
        assert len(iface.text(QAccessible.Text.Description).split()) >= 4, what
        assert view.focusPolicy() & Qt.FocusPolicy.TabFocus, "reached with Tab, so its description is read out"
    assert campaign["name"] in QAccessible.queryAccessibleInterface(membership.view).text(QAccessible.Text.Name)


def test_accessible_names_and_descriptions_of_the_tables(loaded):
    """Each table says what it is and what it holds: a screen reader reads both on entering it."""
    tables = {
        "people": loaded.people_panel.view, "campaigns": loaded.campaigns_panel.campaign_view,
        "members": loaded.campaigns_panel.member_view, "log": loaded.log_panel.view,
        "queue": loaded.queue_panel.view, "automation campaigns": loaded.automation_panel.list_view,
        "results": loaded.automation_panel.results_view.view,
    }
    for key, view in tables.items():
        iface = QAccessible.queryAccessibleInterface(view)
        assert iface.role() == QAccessible.Role.Table
        assert key in iface.text(QAccessible.Text.Name).lower(), key
        assert len(iface.text(QAccessible.Text.Description).split()) >= 4, key
    assert QAccessible.queryAccessibleInterface(loaded.people_panel.view).text(QAccessible.Text.Name) == "People table"


def test_accessible_names_in_the_preview_of_a_drop(org, loaded, qloop):
    campaign = active_campaign(org)
    people = loaded.people_panel.model.matching_person_ids()[:3]
    task = loaded.controller.add(campaign["campaignid"], people)
    wait_until(qloop, lambda: loaded.controller.preview is not None)
    preview = loaded.controller.preview
    assert_accessible(preview, "preview")
    preview.reject()
    qloop.run_until_complete(task)


def test_accessible_names_in_a_production_preview_that_asks_to_type_the_name(org, window, qloop):
    """On a production org a big add asks to type the campaign's name: that field is named too."""
    from campsync_gui.ui.widgets.preview_dialog import BIG_ADD

    win = window(environment="production")
    qloop.run_until_complete(win.refresh(people=True))
    people = win.people_panel.model.matching_person_ids()
    assert len(people) > BIG_ADD
    task = win.controller.add(active_campaign(org)["campaignid"], people[:BIG_ADD + 1])
    wait_until(qloop, lambda: win.controller.preview is not None)
    preview = win.controller.preview
    assert preview.typed is not None
    assert_accessible(preview, "production preview")
    preview.reject()
    qloop.run_until_complete(task)


def test_accessible_names_in_the_settings_and_connections_dialogs(loaded):
    assert_accessible(loaded.open_settings(), "Settings")
    connections = loaded.open_connections()
    assert len(controls(connections)) > 10
    assert_accessible(connections, "Connections")


def test_accessible_names_in_the_other_dialogs(loaded, qloop):
    """The campaign picker (the keyboard path of a drop), Test connectivity, Help and the sign-in dialog."""
    from campsync_gui.ui.widgets.signin_dialog import SignInDialog

    picker = loaded.campaigns_panel.pick_campaign_for(loaded.people_panel.model.matching_person_ids()[:2])
    assert_accessible(picker, "campaign picker")
    picker.reject()
    doctor = loaded.open_doctor()
    qloop.run_until_complete(doctor.running)
    assert_accessible(doctor, "Test connectivity")
    assert_accessible(loaded.show_help("Keyboard shortcuts", "<p>Ctrl+Z</p>"), "Help")
    signin = SignInDialog("Sign in", "Signing in…", loaded)
    assert_accessible(signin, "sign-in")


def test_accessible_check_finds_an_unnamed_control(qtbot):
    """The check itself: an icon-only button, a field without a label and a table with no name are found."""
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    named_field, field, label = QLineEdit(), QLineEdit(), QLabel("Email")
    label.setBuddy(named_field)
    for widget in (label, named_field, field, QPushButton("✕"), QPushButton("Save"), QTableView()):
        layout.addWidget(widget)
    assert unnamed(root) == ["QLineEdit", "QPushButton", "QTableView"]


@pytest.fixture
def announcements(monkeypatch):
    """What is sent to assistive technology (and still sent: Qt drops it when no screen reader listens)."""
    sent = []
    original = QAccessible.updateAccessibility

    def record(event):
        message = event.message() if hasattr(event, "message") else None
        sent.append((event.type(), event.object(), message, event.object().accessibleDescription()))
        original(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    return sent


@pytest.mark.skipif(not hasattr(QAccessible.Event, "Announcement"), reason="announcement events: Qt 6.8 and later")
def test_accessible_announcement_of_a_finished_sync(org, loaded, qloop, announcements):
    campaign = active_campaign(org)
    mime = drag_people(loaded, loaded.people_panel.model.matching_person_ids()[:2])
    model = loaded.campaigns_panel.campaigns
    target = model.index(model.row_of(campaign["campaignid"]), 0)
    assert model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    confirm_preview(loaded, qloop)
    finish_sync(loaded, qloop)
    wait_until(qloop, lambda: loaded.statusBar().currentMessage().startswith("Sync finished"))
    finished = loaded.statusBar().currentMessage()
    said = [message for kind, _obj, message, _ in announcements if kind == QAccessible.Event.Announcement]
    assert said == [finished], "announced once, in the words the status bar shows"
    assert any(obj is loaded.statusBar() for kind, obj, *_ in announcements if kind == QAccessible.Event.Announcement)


def test_accessible_announcement_without_announcement_events(qtbot, monkeypatch, announcements):
    """Qt before 6.8 has no announcement event: the status bar's description changes instead (Qt sends that change
    itself), which a screen reader reads out; the same words again are sent again."""
    from PySide6.QtWidgets import QStatusBar

    from campsync_gui.ui import announce

    monkeypatch.setattr(announce, "QAccessibleAnnouncementEvent", None)
    bar = QStatusBar()
    qtbot.addWidget(bar)
    finished = "Sync finished: 2 confirmed by Dynamics."
    announce.announce(bar, finished)
    assert bar.accessibleDescription() == finished
    announce.announce(bar, finished)
    assert [(kind, obj, text) for kind, obj, _, text in announcements] == [
        (QAccessible.Event.DescriptionChanged, bar, finished)]
