"""A layout that holds on a 1280×720 screen: long names elide instead of widening the window, panels stay put,
the status bar's message stops before its permanent widgets, the log folds away, Help says what to do."""

import pytest
from PySide6.QtWidgets import QDialog

from campsync_gui.ui.widgets.account_button import MAX_TEXT_WIDTH
from campsync_gui.ui.widgets.help_dialogs import SHORTCUTS
from test_main_window import loaded, wait_until, window  # noqa: F401  (fixtures)

LONG_NAME = ("Customer Advocacy Programme — EMEA, APAC and the Americas, partners and resellers included, "
             "second wave (renewals)")


@pytest.fixture
def small_screen(loaded, qloop):
    loaded.resize(1280, 690)
    loaded.show()
    wait_until(qloop, lambda: loaded.isVisible())
    return loaded


def test_selecting_a_campaign_with_a_long_name_neither_widens_the_window_nor_moves_the_panels(org, small_screen,
                                                                                                 qloop):
    win = small_screen
    org.state.create("campaigns", {"name": LONG_NAME})
    qloop.run_until_complete(win.refresh())
    campaign_id = next(r["campaignid"] for r in org.state.campaigns.values() if r["name"] == LONG_NAME)
    sizes = win.top_splitter.sizes()
    win.campaigns_panel.select_campaign(campaign_id)
    qloop.run_until_complete(qloop.create_task(_settle()))
    assert win.width() == 1280
    assert win.minimumSizeHint().width() <= 1280 and win.minimumSizeHint().height() <= 720
    assert win.top_splitter.sizes() == sizes, "the people panel kept its width"
    title = win.campaigns_panel.members_title
    assert title.text() == f"Members of {LONG_NAME}" and title.is_elided()
    assert title.toolTip() == title.text(), "the whole name is in the tooltip"


async def _settle():
    import asyncio
    for _ in range(5):
        await asyncio.sleep(0.02)


def test_a_long_status_message_stops_before_the_permanent_widgets(small_screen):
    bar = small_screen.statusBar()
    message = "Cannot remove: Amara Patel was added by the CRM list 'Renewals 2026 — all regions' " * 3
    small_screen.show_status(message)
    assert bar.currentMessage() == message
    shown = bar.shown_message()
    assert shown.endswith("…") and len(shown) < len(message)
    assert bar.fontMetrics().horizontalAdvance(shown) <= small_screen.pending_label.x()
    assert bar.toolTip() == message


def test_the_log_panel_folds_away_and_comes_back_at_its_height(small_screen):
    win = small_screen
    before = win.main_splitter.sizes()
    assert before[1] > 0 and win.log_toggle.isChecked()
    win.log_toggle.trigger()
    assert win.main_splitter.sizes()[1] == 0 and not win.log_toggle.isChecked()
    assert win.main_splitter.sizes()[0] == sum(before)
    win.log_toggle.trigger()
    assert win.main_splitter.sizes() == before and win.log_toggle.isChecked()


def test_every_demo_campaign_is_visible_at_720_pixels_high(org, small_screen, qloop):
    view = small_screen.campaigns_panel.campaign_view
    rows = view.model().rowCount()
    assert rows == len([r for r in org.state.campaigns.values() if not r["istemplate"]])
    last = view.visualRect(view.model().index(rows - 1, 0))
    assert last.bottom() <= view.viewport().height(), "no scrolling needed to see the last campaign"


def test_help_has_getting_started_shortcuts_and_versions(small_screen):
    menu = next(a.menu() for a in small_screen.menuBar().actions() if a.text() == "&Help")
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[:2] == ["&Getting started", "&Keyboard shortcuts"] and "&About CampSync" in texts
    for action in menu.actions():
        if action.text() in ("&Keyboard shortcuts", "&About CampSync"):
            action.trigger()
    dialogs = [w for w in small_screen.findChildren(QDialog) if w.isVisible()]
    text = "\n".join(d.browser.toPlainText() for d in dialogs if hasattr(d, "browser"))
    assert all(keys in text for keys, _ in SHORTCUTS)
    assert "PySide6" in text and "Python" in text
    assert not any(d.isModal() for d in dialogs), "help never blocks the window"


def test_the_drag_image_is_a_small_badge_that_leaves_the_target_row_readable(qapp):
    from PySide6.QtGui import QFont

    from campsync_gui.ui.widgets.drag_badge import OFFSET, badge_pixmap, people_text

    assert people_text(1) == "1 person" and people_text(12_000) == "12,000 people"
    badge = badge_pixmap(people_text(120), QFont())
    assert badge.width() < 200 and badge.height() < 40, "not the rows themselves, as wide as the table"
    assert OFFSET.x() < 0 and OFFSET.y() < 0, "hung below and right of the cursor, off the row it points at"


def test_keyboard_returns_to_the_window_after_a_preview_closes(org, small_screen, qloop, qapp):
    """Esc or Enter in a preview, then Ctrl+Z or Ctrl+Q: the keys must reach the window again."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    win = small_screen
    win.activateWindow()
    campaign = next(c for c in win.workspace.campaign_summaries() if c.active)
    people = win.people_panel.model.matching_person_ids()[:2]
    task = win.controller.add(campaign.id, people)
    wait_until(qloop, lambda: win.controller.preview is not None)
    preview = win.controller.preview
    wait_until(qloop, lambda: qapp.activeWindow() is preview)
    QTest.keyClick(preview, Qt.Key.Key_Escape)
    qloop.run_until_complete(task)
    wait_until(qloop, lambda: qapp.activeWindow() is win)


def test_a_sync_starting_never_widens_a_narrow_window(org, loaded, qloop):
    """The first sync signs in (the account button then names the application: a 36-character client id), shows
    its progress and Cancel in the status bar, and its pending count grows: a window the person made 1,000 pixels
    wide stays so (Qt widened it, and repainted all of it, mid-sync)."""
    win = loaded
    win.resize(1000, 690)
    win.show()
    wait_until(qloop, lambda: win.isVisible())
    win.signin.button.show_application(f"{'7' * 8}-{'a' * 4}-{'b' * 4}-{'c' * 4}-{'d' * 12} (application)", "secret")
    win.controller.busy_changed.emit(True)
    win._progress(1_500, 10_000)
    win.pending_label.setText("100000 pending")
    win.log_panel.count_label.setText("100,000 events (100,000 shown)")
    win.people_panel.count_label.setText("≥ 100,000 of 1,000,000 people so far…")
    win.show_status("Sending 100000 queued action(s) to Dynamics…")
    qloop.run_until_complete(qloop.create_task(_settle()))
    assert win.progress_bar.isVisible() and win.cancel_button.isVisible()
    assert win.width() == 1000
    button = win.signin.button
    assert button.text().endswith("(application) · client secret") and "7777-aaaa-bbbb-cccc-dddd" in button.toolTip()
    assert button.width() <= MAX_TEXT_WIDTH + 40, "its text is shortened where it is painted"
    win.controller.busy_changed.emit(False)
