"""Visible focus: with only a keyboard, a person must see where the focus is. Each kind of control the window uses
is drawn differently with the focus than without it, in the light and the dark theme (the app's style sheet
styled buttons' frames, and a styled frame hides the style's own focus mark)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGraphicsView, QLineEdit, QPushButton, QTableWidget,
                               QToolButton, QVBoxLayout, QWidget)

from campsync_gui.ui.theme import apply_theme


def focus_changes_the_picture(qtbot, make) -> bool:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    sink = QLineEdit()  # takes the focus away from the control under test
    control = make()
    layout.addWidget(sink)
    layout.addWidget(control)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    sink.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(sink.hasFocus, timeout=1000)
    without: QImage = control.grab().toImage()
    control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # as the window's own (a chart view's included)
    qtbot.keyClick(sink, Qt.Key.Key_Tab)  # the key itself: styles mark the focus once the keyboard moved it
    qtbot.waitUntil(control.hasFocus, timeout=1000)
    with_focus: QImage = control.grab().toImage()
    return without != with_focus


def default_button() -> QPushButton:
    button = QPushButton("Add 5 people")
    button.setDefault(True)
    return button


def primary_button() -> QPushButton:
    button = QPushButton("Run now")
    button.setProperty("primary", True)
    return button


def link_button() -> QToolButton:
    button = QToolButton()
    button.setText("Open folder")
    return button


def table() -> QTableWidget:
    widget = QTableWidget(3, 2)
    widget.setCurrentCell(0, 0)
    return widget


def combo() -> QComboBox:
    widget = QComboBox()
    widget.addItems(["Per hour", "Per day"])
    return widget


CONTROLS = {"button": lambda: QPushButton("Export CSV…"), "default button": default_button,
            "primary button": primary_button, "link button": link_button, "table": table, "combo": combo,
            "check box": lambda: QCheckBox("Campaign sync"), "text field": QLineEdit,
            "chart view": lambda: QGraphicsView()}


@pytest.fixture(params=["light", "dark"])
def theme(request, qapp):
    apply_theme(qapp, request.param)
    yield request.param
    apply_theme(qapp, "light")


@pytest.mark.parametrize("kind", list(CONTROLS))
def test_keyboard_focus_is_visible_on_every_kind_of_control(theme, kind, qtbot):
    assert focus_changes_the_picture(qtbot, CONTROLS[kind]), f"{kind} ({theme}): the focus does not show"
