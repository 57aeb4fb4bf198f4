"""The live log panel: batched flushes, a bounded model, pause, filters, CSV export and wording for people."""

import csv
import threading
import time
from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFileDialog, QMessageBox

from campsync_gui.core.events import PROBLEM, TRIGGERS, Event, EventBus
from campsync_gui.core.origins import describe
from campsync_gui.core.triggers import ADDED, REMOVED, TriggerEvent
from campsync_gui.ui.bridge import EventBridge
from campsync_gui.ui.models.log import (COL_BY, COL_CAMPAIGN, COL_PERSON, COL_SOURCE, COL_TIME, COL_TRIGGER, KIND_ERROR,
                                        RowRole)
from campsync_gui.ui.widgets.log_panel import PAUSE_TEXT, PAUSED_TEXT, LogPanel, neutralise_cell

AT = 1714564800.0  # 2024-05-01 12:00:00 UTC


def make_event(i, trigger=ADDED, campaign="Spring Launch", campaign_id="c-spring", origin="drag-and-drop",
               email=None, at=AT):
    return TriggerEvent(id=i, trigger=trigger, person_id=i, email=email or f"p{i}@example.com",
                        campaign_id=campaign_id, campaign_name=campaign, origin=origin, request_id="req1",
                        outbox_id=i, at=at)


def burst(count, start=0):
    template = make_event(0)
    return [replace(template, id=i, person_id=i, email=f"p{i}@example.com") for i in range(start, start + count)]


@pytest.fixture
def settings_in_tmp(tmp_path):
    """The export dialog remembers its folder in QSettings: keep that out of the real user's settings."""
    QCoreApplication.setOrganizationName("CampSyncTests")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture
def panel(qtbot):
    def build(**kwargs):
        widget = LogPanel(**kwargs)
        qtbot.addWidget(widget)
        return widget
    return build


def cell(model, row, column):
    return model.index(row, column).data()


def emails_shown(panel):
    return [cell(panel.proxy, row, COL_PERSON) for row in range(panel.proxy.rowCount())]


def test_a_burst_of_10000_events_lands_in_one_insert(panel, qtbot):
    log = panel()
    inserts = []
    log.model.rowsInserted.connect(lambda *args: inserts.append(args))
    started = time.perf_counter()
    for event in burst(10_000):
        log.add_event(event)
    queued = time.perf_counter() - started
    assert log.model.rowCount() == 0, "add_event only buffers; the timer flushes"
    assert log.pending_count == 10_000
    qtbot.waitUntil(lambda: log.model.rowCount() == 10_000, timeout=3000)
    assert len(inserts) <= 3, f"{len(inserts)} inserts for one burst"
    assert log.pending_count == 0
    assert queued < 2.0
    assert cell(log.model, 0, COL_PERSON) == "p0@example.com"
    assert cell(log.model, 9_999, COL_PERSON) == "p9999@example.com"
    assert log.count_label.text() == "10,000 events (10,000 shown)"


def test_the_bound_drops_the_oldest_rows_in_one_remove_per_flush(panel):
    log = panel(max_rows=1000)
    removes = []
    log.model.rowsRemoved.connect(lambda *args: removes.append(args))
    for event in burst(800):
        log.add_event(event)
    assert log.flush() == 800
    for event in burst(700, start=800):
        log.add_event(event)
    log.flush()
    assert log.model.rowCount() == 1000
    assert len(removes) == 1
    assert cell(log.model, 0, COL_PERSON) == "p500@example.com"
    assert cell(log.model, 999, COL_PERSON) == "p1499@example.com"
    # A single burst larger than the bound keeps only its newest rows.
    for event in burst(2500, start=5000):
        log.add_event(event)
    log.flush()
    assert log.model.rowCount() == 1000
    assert cell(log.model, 0, COL_PERSON) == "p6500@example.com"
    assert len(removes) == 2


def test_history_comes_first_and_an_event_is_never_shown_twice(panel):
    log = panel()
    log.add_event(make_event(3))
    log.add_event(make_event(2))  # also in the history: the live copy is dropped
    assert log.load_history([make_event(1), make_event(2)]) == 3
    assert emails_shown(log) == ["p1@example.com", "p2@example.com", "p3@example.com"]
    log.add_event(make_event(3))
    assert log.flush() == 0
    assert log.model.rowCount() == 3


def test_the_bridge_feeds_the_panel(panel, qtbot):
    log = panel()
    bus = EventBus()
    bridge = EventBridge(bus)
    log.connect_bridge(bridge)
    bus.publish(Event(TRIGGERS, {"events": [make_event(7, trigger=REMOVED)]}))
    bus.publish(Event(PROBLEM, {"message": "Dynamics said: the list is locked"}))
    qtbot.waitUntil(lambda: log.model.rowCount() == 2, timeout=1000)
    assert cell(log.model, 0, COL_TRIGGER) == "Removed from Microsoft Campaign"
    assert cell(log.model, 1, COL_TRIGGER) == "Error"
    bridge.close()


def test_events_added_from_another_thread_are_flushed_on_the_gui_thread(panel, qtbot):
    log = panel()
    flushed_on = []
    log.model.rowsInserted.connect(lambda *args: flushed_on.append(threading.current_thread()))
    events = burst(2000)
    worker = threading.Thread(target=lambda: [log.add_event(event) for event in events])
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: log.model.rowCount() == 2000, timeout=2000)
    assert flushed_on and all(thread is threading.main_thread() for thread in flushed_on)


def test_errors_are_red_with_the_message_in_the_details_column(panel):
    log = panel()
    log.add_problem("Dynamics refused: privilege prvAppendList missing")
    log.flush()
    index = log.model.index(0, COL_CAMPAIGN)
    assert index.data() == "Dynamics refused: privilege prvAppendList missing"
    assert log.model.index(0, COL_TRIGGER).data() == "Error"
    assert index.data(RowRole).kind == KIND_ERROR
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c5221f"
    assert log.model.index(0, COL_PERSON).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "prvAppendList" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert log.campaign_combo.count() == 1, "a problem is not a campaign"


def test_time_is_shown_in_local_time(panel, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        log = panel()
        log.load_history([make_event(1, at=AT)])
        assert cell(log.model, 0, COL_TIME) == "14:00:00"  # 12:00 UTC is 14:00 in Paris in May
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("origin, words", [
    ("drag-and-drop", "Drag and drop (operator)"),
    ("cli", "Command line"),
    ("undo", "Undo"),
    ("trigger campaign: Welcome series", "Trigger campaign Welcome series"),
    ("nightly-import-script", "nightly-import-script"),  # an origin nobody knows: shown as it is
    ("", ""),
])
def test_sources_are_worded_for_people(origin, words):
    assert describe(origin) == words


def test_the_source_column_uses_those_words(panel):
    log = panel()
    log.load_history([make_event(1, origin="trigger campaign: Nurture"), make_event(2, origin="cli")])
    assert [cell(log.model, row, COL_SOURCE) for row in range(2)] == ["Trigger campaign Nurture", "Command line"]


@pytest.fixture
def shown_panel(panel, qtbot):
    log = panel(max_rows=1000)
    log.resize(800, 400)
    log.show()
    qtbot.waitExposed(log)
    assert log.view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem
    return log


def top_email(log):
    QApplication.processEvents()
    return log.proxy.index(log.view.rowAt(0), COL_PERSON).data()


def test_pause_keeps_the_scroll_position_and_counts_new_events(shown_panel):
    log = shown_panel
    bar = log.view.verticalScrollBar()
    log.load_history(burst(600))
    QApplication.processEvents()
    assert bar.value() == bar.maximum() > 0, "follows the newest"

    log.view.scrollTo(log.proxy.index(400, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    assert top_email(log) == "p400@example.com"
    log.pause_button.click()
    assert log.paused
    for event in burst(50, start=600):
        log.add_event(event)
    log.flush()
    assert top_email(log) == "p400@example.com"
    assert log.unseen_count == 50
    assert log.unseen_label.isVisibleTo(log) and "50 new events while paused" == log.unseen_label.text()

    for event in burst(500, start=650):  # 1150 rows for a bound of 1000: the oldest 150 go
        log.add_event(event)
    log.flush()
    assert log.model.rowCount() == 1000
    assert top_email(log) == "p400@example.com", "dropping the oldest rows does not move what is on screen"
    assert log.unseen_count == 550

    log.pause_button.click()
    QApplication.processEvents()
    assert not log.paused
    assert bar.value() == bar.maximum()
    assert log.unseen_count == 0 and not log.unseen_label.isVisibleTo(log)


def test_scrolling_up_stops_auto_scroll_until_back_at_the_bottom(shown_panel):
    log = shown_panel
    bar = log.view.verticalScrollBar()
    log.load_history(burst(300))
    QApplication.processEvents()
    bar.setValue(10)
    for event in burst(20, start=300):
        log.add_event(event)
    log.flush()
    QApplication.processEvents()
    assert bar.value() == 10
    assert log.unseen_count == 20 and log.unseen_label.text() == "20 new events below"
    log.view.scrollToBottom()
    assert log.unseen_count == 0
    for event in burst(5, start=320):
        log.add_event(event)
    log.flush()
    QApplication.processEvents()
    assert bar.value() == bar.maximum()
    assert log.proxy.index(log.view.rowAt(log.view.viewport().height() - 2), COL_PERSON).data() == \
        "p324@example.com"


@pytest.fixture
def mixed(panel):
    log = panel()
    log.load_history([
        make_event(1, ADDED, "Spring Launch", "c-spring", "drag-and-drop", "ana@example.com"),
        make_event(2, REMOVED, "Spring Launch", "c-spring", "cli", "bob@example.com"),
        make_event(3, ADDED, "Autumn Webinar", "c-autumn", "trigger campaign: Nurture", "chloé@example.fr"),
        make_event(4, REMOVED, "Autumn Webinar", "c-autumn", "undo", "dan@example.com"),
    ])
    log.add_problem("Spring Launch is inactive in Dynamics")
    log.flush()
    return log


def test_filter_by_trigger(mixed):
    combo = mixed.trigger_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["All", "Added", "Removed", "Errors"]
    combo.setCurrentIndex(combo.findText("Removed"))
    assert emails_shown(mixed) == ["bob@example.com", "dan@example.com"]
    combo.setCurrentIndex(combo.findText("Errors"))
    assert [cell(mixed.proxy, 0, COL_CAMPAIGN)] == ["Spring Launch is inactive in Dynamics"]
    assert mixed.count_label.text() == "5 events (1 shown)"
    combo.setCurrentIndex(combo.findText("All"))
    assert mixed.proxy.rowCount() == 5


def test_filter_by_campaign_from_the_campaigns_seen(mixed):
    combo = mixed.campaign_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["All campaigns", "Autumn Webinar", "Spring Launch"]
    combo.setCurrentIndex(combo.findText("Spring Launch"))
    assert emails_shown(mixed) == ["ana@example.com", "bob@example.com"]
    mixed.add_event(make_event(9, ADDED, "Black Friday", "c-bf", "cli", "eve@example.com"))
    mixed.flush()
    assert combo.currentText() == "Spring Launch", "a new campaign in the list keeps the choice"
    assert combo.findText("Black Friday") == 2, "kept in alphabetical order"
    assert mixed.proxy.rowCount() == 2
    mixed.trigger_combo.setCurrentIndex(mixed.trigger_combo.findText("Added"))
    assert emails_shown(mixed) == ["ana@example.com"]


@pytest.mark.parametrize("text, expected", [
    ("BOB@", ["bob@example.com"]),
    ("autumn", ["chloé@example.fr", "dan@example.com"]),
    ("command line", ["bob@example.com"]),
    ("nurture", ["chloé@example.fr"]),
    ("inactive", [""]),  # the error row: its message is searchable
    ("nobody", []),
])
def test_free_text_filter(mixed, text, expected):
    mixed.search_edit.setText(text)
    assert emails_shown(mixed) == expected
    assert mixed.count_label.text() == f"5 events ({len(expected)} shown)"


def test_export_writes_exactly_the_shown_rows_neutralised(panel, tmp_path):
    log = panel()
    log.load_history([
        make_event(1, ADDED, "Spring Launch", "c-spring", "drag-and-drop", "=cmd|' /C calc'!A0@evil.example"),
        make_event(2, REMOVED, "Spring Launch", "c-spring", "cli", "bob@example.com"),
        make_event(3, ADDED, "Été -20% @home", "c-ete", "undo", "chloé@example.fr"),
        make_event(4, ADDED, "Autumn Webinar", "c-autumn", "cli", "dan@example.com"),
    ])
    log.trigger_combo.setCurrentIndex(log.trigger_combo.findText("Added"))
    log.search_edit.setText("e")  # drops nothing extra, but goes through the text filter too
    assert log.proxy.rowCount() == 3
    target = tmp_path / "log.csv"
    assert log.export_csv(str(target)) == 3
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM for Excel"
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["Time", "Trigger", "Person", "Campaign / details", "Source", "By"]
    assert len(rows) == 4
    assert rows[1][2] == "'=cmd|' /C calc'!A0@evil.example"
    assert rows[1][1:] == ["Added to Microsoft Campaign", "'=cmd|' /C calc'!A0@evil.example", "Spring Launch",
                           "Drag and drop (operator)", ""]  # nobody recorded: an event from before issue 14
    assert rows[2][2:] == ["chloé@example.fr", "Été -20% @home", "Undo", ""]
    assert [row[2] for row in rows[1:]] == ["'=cmd|' /C calc'!A0@evil.example", "chloé@example.fr",
                                            "dan@example.com"]
    assert all(len(row[0]) == len("2024-05-01 12:00:00") for row in rows[1:])


def test_the_by_column_and_the_export_show_who_did_each_flow_action(panel, tmp_path):
    log = panel()
    log.load_history([replace(make_event(1), actor="ada@contoso.com"),
                      replace(make_event(2, origin="trigger campaign: Nurture"), actor="11111111-2222 (application)"),
                      make_event(3)])  # from before CampSync recorded who
    assert log.model.headerData(COL_BY, Qt.Orientation.Horizontal) == "By"
    assert [cell(log.model, row, COL_BY) for row in range(3)] == ["ada@contoso.com", "11111111-2222 (application)", ""]
    log.search_edit.setText("ADA@contoso")
    assert log.proxy.rowCount() == 1, "the filter finds a person's own actions"
    log.search_edit.setText("")
    target = tmp_path / "log.csv"
    log.export_csv(str(target))
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][-1] == "By"
    assert [row[-1] for row in rows[1:]] == ["ada@contoso.com", "11111111-2222 (application)", ""]


@pytest.mark.parametrize("value, safe", [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
                                         ("\t=1", "'\t=1"), ("a=b", "a=b"), ("", "")])
def test_neutralise_cell(value, safe):
    assert neutralise_cell(value) == safe


def test_export_button_asks_for_a_file(mixed, tmp_path, monkeypatch, qtbot, settings_in_tmp):
    target = tmp_path / "picked.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    with qtbot.waitSignal(mixed.exported, timeout=1000) as signal:
        mixed.export_button.click()
    assert signal.args == [str(target), 5]
    assert len(target.read_text(encoding="utf-8-sig").splitlines()) == 6
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: ("", "")))
    with qtbot.assertNotEmitted(mixed.exported):
        mixed.export_button.click()


def test_clear_empties_the_view_and_the_buffer(mixed):
    mixed.add_event(make_event(50))
    mixed.clear_button.click()
    assert mixed.model.rowCount() == 0 and mixed.pending_count == 0
    assert mixed.count_label.text() == "0 events (0 shown)"
    mixed.add_event(make_event(51))
    assert mixed.flush() == 1


def test_the_log_model_passes_qt_model_checks(mixed, qtmodeltester):
    qtmodeltester.check(mixed.model)
    qtmodeltester.check(mixed.proxy)


def test_hundreds_of_flushes_do_not_drain_references_to_true(panel, tmp_path, qtbot):
    # PySide6 6.12.0 on Python 3.11 drops a reference to True on every Python-side Signal.emit(); a few
    # hundred of them crash the process. The panel must not emit that way on its busy paths.
    import gc
    import sys

    log = panel(max_rows=100)
    exports = []
    log.exported.connect(lambda path, count: exports.append(count))
    gc.collect()
    before = sys.getrefcount(True)
    for turn in range(400):
        log.add_event(make_event(turn, REMOVED if turn % 2 else ADDED, f"Campaign {turn % 7}", f"c{turn % 7}"))
        log.add_problem("boom")
        log.flush()
        log.trigger_combo.setCurrentIndex(turn % 4)
        log.search_edit.setText("" if turn % 3 else "campaign")
        log.pause_button.setChecked(bool(turn % 2))
    gc.collect()
    assert sys.getrefcount(True) >= before - 20
    assert log.model.rowCount() == 100


def test_the_pause_button_shows_whether_auto_scroll_is_paused(panel):
    log = panel()
    button = log.pause_button
    assert button.isCheckable() and not button.isChecked()
    running_text, running_icon = button.text(), button.icon().cacheKey()
    assert running_text == PAUSE_TEXT == "Pause auto-scroll"
    button.click()
    assert log.paused and button.isChecked()
    assert button.text() == PAUSED_TEXT == "Auto-scroll paused — resume", "the paused state reads differently"
    assert button.icon().cacheKey() != running_icon, "and has another icon"
    assert ":checked" in button.styleSheet(), "and a checked look the app's style sheet does not give"
    button.click()
    assert not log.paused and button.text() == running_text and button.icon().cacheKey() == running_icon


def test_an_export_says_how_many_rows_went_where_with_a_link_to_the_folder(mixed, tmp_path, monkeypatch,
                                                                            settings_in_tmp):
    target = tmp_path / "exports" / "log.csv"
    target.parent.mkdir()
    asked_in = []

    def save_dialog(_parent, _caption, start, _filters):
        asked_in.append(start)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    assert mixed.export_label.isHidden(), "nothing to report before an export"
    mixed.export_button.click()
    label = mixed.export_label
    assert not label.isHidden()
    assert label.text().startswith("Exported 5 events to ")
    assert "log.csv" in label.text() and "Open folder" in label.text()
    assert label.toolTip() == f"5 events written to {target}"
    folder_link = QUrl.fromLocalFile(str(target.parent)).toString()
    assert f'href="{folder_link}"' in label.text()
    label.linkActivated.emit(folder_link)
    assert [url.toLocalFile() for url in opened] == [str(target.parent)]

    mixed.search_edit.setText("bob")
    mixed.export_button.click()
    assert label.text().startswith("Exported 1 event to "), "one event, singular"
    assert asked_in[1].startswith(str(target.parent)), "the second export starts in the folder of the first"


def test_a_failed_export_is_a_warning_that_does_not_block(mixed, tmp_path, monkeypatch, qtbot, settings_in_tmp):
    target = tmp_path / "missing folder" / "log.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(target), "")))
    with qtbot.assertNotEmitted(mixed.exported):
        mixed.export_button.click()  # returns: a modal exec() here would hang the test
    box = mixed.export_result
    assert box.icon() == QMessageBox.Icon.Warning and str(target) in box.text()
    assert mixed.export_label.isHidden()
    box.close()
