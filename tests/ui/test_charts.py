"""The charts in the window: a campaign's membership over time (Ctrl+Shift+M, the campaign's menu) and the trigger
events per hour or day in the log's tabs (Ctrl+Shift+E), from what the operator did, redrawn as it changes, saved
as PNG, and read out to a screen reader."""

import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from campsync_gui.core.chart_history import DAY, HOUR
from campsync_gui.ui.chart_actions import EVENTS_TAB
from campsync_gui.ui.widgets import charts
import test_main_window
from test_main_window import (active_campaign, campaign_index, confirm_preview, drag_people, finish_sync,
                              person_ids_with, wait_until)

window, loaded = test_main_window.window, test_main_window.loaded  # the fixtures (see test_accessibility_names)


def drop(win, qloop, qtbot, campaign_id, person_ids):
    with qtbot.waitSignal(win.campaigns_panel.campaigns.add_requested):
        win.campaigns_panel.campaigns.dropMimeData(drag_people(win, person_ids), Qt.DropAction.CopyAction, -1, -1,
                                                   campaign_index(win, campaign_id))
    confirm_preview(win, qloop)
    finish_sync(win, qloop)


def member_counts(win, campaign_id) -> tuple[int, int]:
    """(CampSync's, CRM lists') members, as the campaigns table's two columns show them."""
    row = win.campaigns_panel.campaigns.campaign(campaign_id)
    return row.flow_count, row.crm_count


def top_of(view) -> float:
    """The stacked chart's height at its right end: the last point of the upper series on top."""
    return view.chart().series()[-1].upperSeries().points()[-1].y()


def test_the_membership_chart_grows_with_a_drop_and_ends_at_the_campaigns_table_counts(org, loaded, qloop, qtbot):
    win = loaded
    campaign = active_campaign(org)
    campaign_id = campaign["campaignid"]
    win.campaigns_panel.select_campaign(campaign_id)
    win.campaigns_panel.chart_action.trigger()  # Ctrl+Shift+M, or View → Membership chart…
    chart = win.charts.membership_windows[campaign_id]
    qloop.run_until_complete(chart.load())
    assert chart.isVisible() and campaign["name"] in chart.windowTitle()
    before = chart.history.members

    chosen = person_ids_with(win, type="lead")[:3]
    drop(win, qloop, qtbot, campaign_id, chosen)  # the chart is drawn again when the sync finishes
    wait_until(qloop, lambda: chart.history.members == before + 3)
    qloop.run_until_complete(chart.load())  # the last redraw done before reading the series
    ours, theirs = member_counts(win, campaign_id)
    assert theirs > 0, "the campaign has CRM list members too"
    assert (chart.history.campsync[-1], chart.history.crm[-1]) == (ours, theirs)
    assert top_of(chart.view) == ours + theirs
    names = [series.name() for series in chart.view.chart().series()]
    assert names == ["From CRM lists", "Added by CampSync"]
    assert chart.view.accessibleDescription() == f"Now: {ours} added by CampSync, {theirs} from CRM lists"
    assert chart.summary.text() == chart.view.accessibleDescription()  # read on screen too, not only by a reader

    chart.reject()  # Esc
    win.campaigns_panel.chart_action.trigger()  # asked again: the same window, shown again, not a second one
    assert list(win.charts.membership_windows) == [campaign_id] and chart.isVisible()
    assert win.quit_action in chart.actions(), "Ctrl+Q quits from the chart's window too"


def test_asking_for_a_membership_chart_with_no_campaign_selected_says_what_to_do(loaded, qtbot):
    with qtbot.waitSignal(loaded.campaigns_panel.status) as said:
        loaded.campaigns_panel.chart_action.trigger()
    assert said.args == ["Select a campaign first."]
    assert loaded.charts.membership_windows == {}


def test_the_campaign_menu_offers_the_membership_chart(org, loaded):
    panel = loaded.campaigns_panel
    panel.select_campaign(active_campaign(org)["campaignid"])
    entries = [action.text().replace("&", "") for action in panel.campaign_menu(panel.campaign_view.rect().center())
               .actions()]
    assert "Membership chart…" in entries


def test_the_events_chart_counts_a_drop_per_hour_and_per_day_and_redraws_on_new_events(org, loaded, qloop, qtbot):
    win = loaded
    win.show()  # the chart reads the store only while a person can see it
    win.toggle_log_panel()  # hidden: Ctrl+Shift+E brings it back on the chart's tab
    assert not win.log_toggle.isChecked()
    panel = win.charts.show_events()
    assert win.log_toggle.isChecked() and win.bottom_tabs.currentIndex() == EVENTS_TAB
    assert win.bottom_tabs.tabText(EVENTS_TAB) == "Events chart"
    wait_until(qloop, lambda: panel.counts is not None)
    before = panel.counts.total

    campaign = active_campaign(org)
    drop(win, qloop, qtbot, campaign["campaignid"], person_ids_with(win, type="contact")[:2])
    wait_until(qloop, lambda: panel.counts.total == before + 2)  # redrawn from the log's new rows
    assert panel.counts.period == HOUR and panel.counts.added[-1] >= 2

    panel.campaign_combo.setCurrentIndex(panel.campaign_combo.findData(campaign["campaignid"]))
    panel.period_combo.setCurrentIndex(panel.period_combo.findData(DAY))
    wait_until(qloop, lambda: panel.counts.period == DAY)
    assert panel.counts.total == win.workspace.event_counts(DAY, campaign["campaignid"]).total >= 2
    assert panel.view.chart().title() == "", "no title in the log's low tab: the combos beside it say what it shows"
    assert [series.name() for series in panel.view.chart().series()] == ["Added to Microsoft Campaign",
                                                                         "Removed from Microsoft Campaign"]
    assert panel.view.accessibleName() == "Trigger events chart"
    assert "added" in panel.view.accessibleDescription()


def test_a_chart_is_saved_as_the_png_the_person_sees(org, loaded, qloop, monkeypatch, tmp_path):
    win = loaded
    win.show()
    panel = win.charts.show_events()
    wait_until(qloop, lambda: panel.counts is not None)
    monkeypatch.setattr(charts, "get_save_path", lambda *args: str(tmp_path / "events"))
    path = panel.ask_export()
    assert path == str(tmp_path / "events.png")  # the extension added when the person left it out
    image = QImage(path)
    assert not image.isNull() and (image.width(), image.height()) == charts.EXPORT_SIZE
    green = charts.ADDED_GREEN
    bars = sum(1 for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
               if abs(image.pixelColor(x, y).green() - green.green()) < 40 and image.pixelColor(x, y).red() < 120)
    assert bars > 0, "the Added bars are in the picture"
    assert path in panel.summary.text()


def test_a_chart_that_cannot_be_written_says_so_and_keeps_the_chart(org, loaded, qloop, monkeypatch, tmp_path):
    win = loaded
    campaign_id = active_campaign(org)["campaignid"]
    win.campaigns_panel.select_campaign(campaign_id)
    chart = win.charts.open_membership(campaign_id)
    qloop.run_until_complete(chart.load())
    monkeypatch.setattr(charts, "get_save_path", lambda *args: str(tmp_path / "no-such-folder" / "chart.png"))
    assert chart.ask_export() == ""
    refusal = chart.view.export_refusal
    assert refusal.isVisible() and "no-such-folder" in refusal.text()
    refusal.close()
    assert chart.isVisible() and chart.history is not None


def test_the_chart_menu_entries_have_their_shortcuts(loaded):
    view = next(action.menu() for action in loaded.menuBar().actions() if action.text() == "&View")
    shortcuts = {action.text().replace("&", ""): action.shortcut().toString() for action in view.actions()}
    assert shortcuts["Membership chart…"] == "Ctrl+Shift+M"
    assert shortcuts["Trigger events chart"] == "Ctrl+Shift+E"


def test_the_events_chart_tab_keeps_the_logs_height(loaded, qloop, qtbot):
    """Shown, the chart must fit the height the log had: a taller minimum pushed the log's tabs up into the people
    and campaigns (seen at 1280×720)."""
    win = loaded
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    before = win.main_splitter.sizes()
    panel = win.charts.show_events()
    wait_until(qloop, lambda: panel.counts is not None)
    qtbot.wait(50)  # the layout settles
    assert win.main_splitter.sizes() == before


def test_an_events_chart_with_no_events_says_so_over_the_last_day(loaded, qloop):
    """No event yet: the chart shows the last day of hours at 0 (it showed 1 January 1970) and says why it is
    empty."""
    win = loaded
    win.show()
    panel = win.charts.show_events()
    wait_until(qloop, lambda: panel.counts is not None)
    assert panel.counts.total == 0 and panel.summary.text() == "No trigger events in the last three days"
    time_axis = panel.view.chart().axes(Qt.Orientation.Horizontal)[0]
    assert abs(time_axis.max().toSecsSinceEpoch() - time.time()) < 2 * 3600
    assert time_axis.max().toSecsSinceEpoch() - time_axis.min().toSecsSinceEpoch() >= 23 * 3600
