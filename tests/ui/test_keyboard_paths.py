"""Every drag has a keyboard path (issue 11): the real window on the sandbox org, driven with key events only.

Keys go where a keyboard sends them, to the widget with the focus (`press`, `type_text`); the window is shown and
active, as window-wide shortcuts need."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QPushButton

from campsync_gui.core import origins
from campsync_gui.core.applists import app_list_name
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.paths import AppPaths
from campsync_gui.ui.main_window import MainWindow
from campsync_gui.ui.models.log import COL_SOURCE, COL_TRIGGER
from campsync_gui.ui.models.members import COL_BY
from campsync_gui.ui.models.members import RowRole as MemberRowRole
from campsync_gui.ui.session import AppSession
from support import connection_for
from test_main_window import wait_until

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def win(org, qtbot, qloop, tmp_path):
    """The window on the sandbox org, campaigns and people loaded, shown and active."""
    paths = AppPaths(tmp_path / "home").ensure()
    session = AppSession(Workspace(open_store(paths.db_file), connection=connection_for(org)), paths)
    window = MainWindow(session)
    qtbot.addWidget(window)
    qloop.run_until_complete(window.refresh(people=True))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    yield window
    if (popup := QApplication.activePopupWidget()) is not None:  # a menu a failed test left open
        popup.close()
    window.close()
    qloop.run_until_complete(session.close())


def focused():
    return QApplication.activePopupWidget() or QApplication.focusWidget()


def press(key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """One key, to whatever has the keyboard focus (or the open menu)."""
    target = focused()
    assert target is not None, "nothing has the keyboard focus"
    QTest.keyClick(target, key, modifiers)
    QApplication.processEvents()


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)
    QApplication.processEvents()


def back_to(win, qtbot) -> None:
    """What a window manager does when a dialog closes: the window under it is active again (the offscreen
    platform of the tests has no window manager, so nothing is active until asked)."""
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)


def active_campaigns(org):
    return sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                  key=lambda r: r["name"])


def log_sources(win, trigger: str) -> set[str]:
    """Who started the flow actions the live log shows for `trigger` ("Added to Microsoft Campaign"…)."""
    win.log_panel.flush()
    model = win.log_panel.model
    return {model.index(r, COL_SOURCE).data() for r in range(model.rowCount())
            if model.index(r, COL_TRIGGER).data() == trigger}


def focus_search(win, qtbot):
    win.people_panel.view.setFocus()
    press(Qt.Key.Key_F, CTRL)  # Edit ▸ Find people
    qtbot.waitUntil(win.people_panel.search.hasFocus, timeout=1000)


def select_people_by_search(win, qtbot, text: str) -> list[int]:
    """Ctrl+F, type, Enter, then Tab to the table and Ctrl+A: the matches are the selection."""
    focus_search(win, qtbot)
    type_text(text)
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Tab)  # the quick filters
    press(Qt.Key.Key_Tab)  # the table
    assert QApplication.focusWidget() is win.people_panel.view
    press(Qt.Key.Key_A, CTRL)
    return win.people_panel.selected_person_ids()


def open_menu(qtbot) -> QMenu:
    press(Qt.Key.Key_Menu)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=1000)
    return QApplication.activePopupWidget()


def entries(menu: QMenu) -> dict[str, bool]:
    return {a.text().replace("&", ""): a.isEnabled() for a in menu.actions() if not a.isSeparator()}


def close_menu(qtbot) -> None:
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=1000)


def test_keyboard_only_add_preview_confirm_then_undo(org, win, qloop, qtbot):
    campaign = active_campaigns(org)[0]
    people = win.people_panel.model
    lead = next(people.person_at(r) for r in range(people.matching_count()) if people.person_at(r).type == "lead")
    chosen = select_people_by_search(win, qtbot, lead.email)
    assert chosen == [lead.id]

    press(Qt.Key.Key_Return, CTRL)  # Edit ▸ Add to campaign…
    qtbot.waitUntil(lambda: win.campaigns_panel.picker is not None and win.campaigns_panel.picker.isVisible(),
                    timeout=2000)
    picker = win.campaigns_panel.picker
    qtbot.waitUntil(picker.search.hasFocus, timeout=2000)
    type_text(campaign["name"][:-1].upper())  # type-to-search ignores case
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Up)  # arrows typed in the field move in the list
    assert picker.current_campaign_id() == campaign["campaignid"]
    press(Qt.Key.Key_Return)  # pick: the same request a drop makes, so the same preview

    wait_until(qloop, lambda: win.controller.preview is not None and win.controller.preview.isVisible())
    preview = win.controller.preview
    assert preview.plan.campaign_name == campaign["name"] and preview.plan.counts()["will_add"] == 1
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is preview, timeout=2000)
    press(Qt.Key.Key_Return)  # Enter confirms
    wait_until(qloop, lambda: win.controller.is_idle() and not win.workspace.pending_count())
    app_list = org.state.find_list(app_list_name("CampSync", "lead", campaign["campaignid"]))
    assert org.state.members_of(app_list["listid"]) == {lead.dynamics_id}
    win.campaigns_panel.select_campaign(campaign["campaignid"])
    members = win.campaigns_panel.members
    by = {members.index(r, 0).data(MemberRowRole).person_id: members.index(r, COL_BY).data()
          for r in range(members.rowCount())}
    # who (issue 14: the connection's person or application) and how
    assert by[lead.id] == f"{win.workspace.actor} · {origins.describe(origins.KEYBOARD)}", \
        "the log and the members say who did it and how"
    assert win.workspace.actor, "a window's flow actions are done by someone it knows"

    back_to(win, qtbot)
    press(Qt.Key.Key_Z, CTRL)  # Edit ▸ Undo
    undone = lambda: not org.state.members_of(app_list["listid"])  # noqa: E731
    wait_until(qloop, lambda: win.controller.preview is not None or undone())
    if win.controller.preview is not None:  # an undo previewed like a drop: Enter confirms it too
        undo_preview = win.controller.preview
        qtbot.waitUntil(lambda: focused() is not None and focused().window() is undo_preview, timeout=2000)
        press(Qt.Key.Key_Return)
    wait_until(qloop, lambda: undone() and win.controller.is_idle() and not win.workspace.pending_count())


def test_keyboard_picker_refuses_an_inactive_campaign_with_the_drop_reason(org, win, qloop, qtbot):
    inactive = next(r for r in org.state.campaigns.values() if r["statecode"] == 1 and not r["istemplate"])
    people = win.people_panel.model
    select_people_by_search(win, qtbot, people.person_at(0).email)
    requested = []
    win.campaigns_panel.campaigns.add_requested.connect(lambda *args: requested.append(args))
    win.campaigns_panel.campaigns.add_requested_by.connect(lambda *args: requested.append(args))
    press(Qt.Key.Key_Enter, CTRL)  # the keypad's Enter works too
    qtbot.waitUntil(lambda: win.campaigns_panel.picker is not None, timeout=2000)
    picker = win.campaigns_panel.picker
    qtbot.waitUntil(picker.search.hasFocus, timeout=2000)
    type_text(inactive["name"])
    assert picker.current_campaign_id() == inactive["campaignid"]
    index = picker.list.currentIndex()
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None, "greyed as in the campaigns list"
    assert "inactive" in picker.reason.text() and not picker.pick_button.isEnabled()
    press(Qt.Key.Key_Return)  # refused: the picker stays, nothing is asked of the controller
    assert picker.isVisible() and not requested and win.controller.preview is None
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: win.campaigns_panel.picker is None, timeout=2000)
    assert not requested and win.controller.preview is None


def test_keyboard_tab_moves_between_panels_not_cells(win, qtbot):
    panel = win.people_panel
    focus_search(win, qtbot)
    press(Qt.Key.Key_Tab)
    assert focused() is panel.filter_buttons["All"], "the quick filters come after the search"
    press(Qt.Key.Key_Right)  # arrows move between the quick filters and choose one
    assert focused() is panel.filter_buttons["Leads"] and panel.quick_filter() == "Leads"
    press(Qt.Key.Key_Tab)
    assert focused() is panel.view, "the quick filters are one stop, not six"
    press(Qt.Key.Key_Right)
    press(Qt.Key.Key_Down)  # arrows move inside the table
    assert (panel.view.currentIndex().row(), panel.view.currentIndex().column()) == (1, 1)
    press(Qt.Key.Key_Tab)
    assert focused() is win.campaigns_panel.campaign_view, "Tab leaves the people table"
    press(Qt.Key.Key_Tab)
    assert focused() is win.campaigns_panel.member_view
    press(Qt.Key.Key_Backtab, SHIFT)
    press(Qt.Key.Key_Backtab, SHIFT)
    assert focused() is panel.view
    press(Qt.Key.Key_Backtab, SHIFT)
    assert focused() is panel.filter_buttons["Leads"], "Shift+Tab comes back to the filter chosen"
    assert isinstance(focused(), QPushButton)


def test_keyboard_context_menus_offer_the_drag_actions(org, win, qloop, qtbot):
    campaign = active_campaigns(org)[0]
    select_people_by_search(win, qtbot, win.people_panel.model.person_at(0).email)
    menu = open_menu(qtbot)
    assert entries(menu) == {"Add to campaign…": True, "Copy email(s)": True, "Select all matches": True}
    assert menu.activeAction().text().replace("&", "") == "Add to campaign…", "Enter takes the first entry"
    close_menu(qtbot)

    panels = win.campaigns_panel
    panels.select_campaign(campaign["campaignid"])
    press(Qt.Key.Key_Tab)
    assert focused() is panels.campaign_view
    menu = open_menu(qtbot)
    assert entries(menu) == {"Show members": True, "Add selected people…": True, "Membership chart…": True,
                             "Refresh": True}
    press(Qt.Key.Key_Return)  # Show members: the focus goes to the members table
    qtbot.waitUntil(lambda: focused() is panels.member_view, timeout=1000)

    members = panels.members
    crm_row = next(r for r in range(members.rowCount()) if not members.index(r, 0).data(MemberRowRole).flow_action)
    crm_member = members.index(crm_row, 0).data(MemberRowRole)
    proxy_index = panels.member_view.model().mapFromSource(members.index(crm_row, 0))
    panels.member_view.setCurrentIndex(proxy_index)
    menu = open_menu(qtbot)
    assert entries(menu) == {"Remove from Microsoft Campaign": False, "Copy email": True}
    remove = next(a for a in menu.actions() if a.text().startswith("Remove"))
    assert crm_member.list_name in remove.toolTip(), "the entry says why it is disabled"
    close_menu(qtbot)

    before = len(org.request_log)
    press(Qt.Key.Key_Delete)  # Delete on a locked member: refused at once, briefly, and nothing is asked of the org
    message = win.statusBar().currentMessage()
    assert "locked" in message and len(message) <= 70, message
    assert win.controller.preview is None and len(org.request_log) == before


def test_keyboard_ctrl_enter_on_a_campaign_then_delete_removes_what_campsync_added(org, win, qloop, qtbot):
    campaign = active_campaigns(org)[0]
    chosen = select_people_by_search(win, qtbot, win.people_panel.model.person_at(0).email)
    panels = win.campaigns_panel
    panels.select_campaign(campaign["campaignid"])
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Return, CTRL)  # Ctrl+Enter on a campaign: the selected people go there, preview first
    wait_until(qloop, lambda: win.controller.preview is not None and win.controller.preview.isVisible())
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is win.controller.preview, timeout=2000)
    press(Qt.Key.Key_Return)
    wait_until(qloop, lambda: win.controller.is_idle() and not win.workspace.pending_count())
    win.reload_views()

    back_to(win, qtbot)
    panels.campaign_view.setFocus()
    press(Qt.Key.Key_Tab)
    assert focused() is panels.member_view
    members = panels.members
    ours = next(r for r in range(members.rowCount()) if members.index(r, 0).data(MemberRowRole).person_id in chosen)
    panels.member_view.setCurrentIndex(panels.member_view.model().mapFromSource(members.index(ours, 0)))
    menu = open_menu(qtbot)
    assert entries(menu)["Remove from Microsoft Campaign"] is True
    close_menu(qtbot)

    press(Qt.Key.Key_Delete)  # removes, through the preview, and the log says it was the Delete key
    wait_until(qloop, lambda: win.controller.preview is not None and win.controller.preview.isVisible())
    preview = win.controller.preview
    assert preview.plan.counts()["will_remove"] == 1
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is preview, timeout=2000)
    press(Qt.Key.Key_Return)
    wait_until(qloop, lambda: win.controller.is_idle() and not win.workspace.pending_count())
    assert log_sources(win, "Added to Microsoft Campaign") == {origins.describe(origins.KEYBOARD)}
    assert log_sources(win, "Removed from Microsoft Campaign") == {origins.describe(origins.DELETE_KEY)}


def test_keyboard_ctrl_tab_switches_the_main_tabs_from_anywhere(win, qtbot):
    tabs = win.main_tabs
    win.people_panel.view.setFocus()
    qtbot.waitUntil(win.people_panel.view.hasFocus, timeout=1000)
    press(Qt.Key.Key_Tab, CTRL)
    assert tabs.currentWidget() is win.automation_panel
    press(Qt.Key.Key_Tab, CTRL | SHIFT)
    assert tabs.currentIndex() == 0
    win.log_panel.search_edit.setFocus()  # below the main tabs, outside them: QTabWidget would not see the key
    qtbot.waitUntil(win.log_panel.search_edit.hasFocus, timeout=1000)
    press(Qt.Key.Key_Tab, CTRL)
    assert tabs.currentWidget() is win.automation_panel
    press(Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert tabs.currentIndex() == 0
