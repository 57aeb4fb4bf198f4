"""Pseudo-localisation (ui/pseudo_locale.py): every string of the window 40 % longer and accented. At 1280×720 no
button, tab, check box or single-line label of the window, the preview or the Settings dialog is cut off: each is at
least as wide as its text needs. A longer language than English (French is about 20 % longer) then fits too."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QGroupBox, QLabel, QPushButton, QTabBar, QToolButton

from campsync_gui.ui.pseudo_locale import install_pseudo
from campsync_gui.ui.widgets.elided_label import ElidedLabel
from test_main_window import (active_campaign, campaign_index, drag_people, person_ids_with, wait_until,  # noqa: F401
                              window)

SMALL_SCREEN = (1280, 720)


@pytest.fixture
def pseudo_locale(qapp, tmp_path):
    translator = install_pseudo(qapp, tmp_path / "pseudo")
    yield
    qapp.removeTranslator(translator)


def cut_off(top) -> list[str]:
    """Every visible button, tab, check box, group box title or one-line label narrower than its text needs."""
    found = []
    for widget in [top, *top.findChildren(QAbstractButton), *top.findChildren(QLabel), *top.findChildren(QTabBar),
                   *top.findChildren(QGroupBox)]:
        if not widget.isVisibleTo(top) or widget.width() <= 0:
            continue
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.tabRect(i).width() < widget.tabSizeHint(i).width() - 1:
                    found.append(f"tab {widget.tabText(i)!r}: {widget.tabRect(i).width()} < "
                                 f"{widget.tabSizeHint(i).width()} px")
            continue
        if isinstance(widget, ElidedLabel) or (isinstance(widget, QLabel) and widget.wordWrap()):
            continue  # made to shorten (with the whole text in the tooltip) or to wrap
        if isinstance(widget, (QPushButton, QToolButton, QCheckBox, QLabel, QGroupBox)):
            text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
            if "[" not in text:
                continue  # not one of the window's words (data, numbers)
            needed = widget.sizeHint().width() if not isinstance(widget, QGroupBox) else widget.minimumSizeHint().width()
            if widget.width() < needed - 1:
                found.append(f"{type(widget).__name__} {text!r}: {widget.width()} < {needed} px")
    return found


def test_translations_pseudo_locale_cuts_nothing_off_at_1280x720(pseudo_locale, org, window, qloop, qtbot):
    win = window()
    win.resize(*SMALL_SCREEN)
    win.show()
    qloop.run_until_complete(win.refresh(people=True))
    win.fit_layout()
    qtbot.wait(50)
    problems = [f"window: {p}" for p in cut_off(win)]
    win.main_tabs.setCurrentIndex(1)  # Automation
    qtbot.wait(50)
    problems += [f"automation: {p}" for p in cut_off(win)]
    win.main_tabs.setCurrentIndex(0)
    events = win.charts.show_events()  # the log's chart tab, with its row of choices
    wait_until(qloop, lambda: events.counts is not None)
    qtbot.wait(50)
    problems += [f"events chart: {p}" for p in cut_off(win)]
    win.bottom_tabs.setCurrentIndex(0)

    for name, dialog in (("settings", win.open_settings()), ("connections", win.open_connections())):
        qtbot.wait(50)
        problems += [f"{name}: {p}" for p in cut_off(dialog)]
        dialog.close()

    campaign = active_campaign(org)
    chosen = person_ids_with(win, type="lead")[:3]
    with qtbot.waitSignal(win.campaigns_panel.campaigns.add_requested):
        win.campaigns_panel.campaigns.dropMimeData(drag_people(win, chosen), Qt.DropAction.CopyAction, -1, -1,
                                                   campaign_index(win, campaign["campaignid"]))
    wait_until(qloop, lambda: win.controller.preview is not None)
    preview = win.controller.preview
    qtbot.wait(50)
    problems += [f"preview: {p}" for p in cut_off(preview)]
    preview.reject()
    win.campaigns_panel.select_campaign(campaign["campaignid"])
    membership = win.charts.open_membership(campaign["campaignid"])
    qloop.run_until_complete(membership.load())
    qtbot.wait(50)
    problems += [f"membership chart: {p}" for p in cut_off(membership)]
    assert not problems, "cut off:\n" + "\n".join(problems)


def test_translations_pseudo_check_finds_a_button_too_narrow_for_its_text(pseudo_locale, qtbot):
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    from campsync_gui.ui.i18n import translate
    top = QWidget()
    qtbot.addWidget(top)
    button = QPushButton(translate("MainWindow", "&Quit"))
    button.setFixedWidth(30)  # what a layout squeezing it would do
    QHBoxLayout(top).addWidget(button)
    top.show()
    assert button.text().startswith("[") and cut_off(top) == [
        f"QPushButton {button.text()!r}: 30 < {button.sizeHint().width()} px"]
