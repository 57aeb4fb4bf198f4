"""The window's first frame comes before the core: the real window (its title, tabs, menus, status bar, saved size)
saying which org it connects to; attached to the session, it is the window a start built whole would be."""

import json
import os
import subprocess
import sys

from PySide6.QtWidgets import QWidget

from campsync_gui import builtin_org
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.paths import AppPaths
from campsync_gui.ui.main_window import MainWindow
from campsync_gui.ui.session import AppSession
from campsync_gui.ui.startup_hint import (BUILTIN_SANDBOX_NAME, HINT_FILE, ExpectedConnection, expected_connection,
                                          remember_connection)
from support import connection_for

FIRST_FRAME = r"""
import json, sys
from PySide6.QtWidgets import QApplication
from campsync_gui.paths import AppPaths
from campsync_gui.ui import app as app_module

qapp = QApplication([])
frame = app_module.paint_frame(qapp, AppPaths.resolve().ensure())
print(json.dumps({
    "painted": frame.painted, "title": frame.windowTitle(), "status": frame.statusBar().currentMessage(),
    "connection": frame.connection_label.text(), "banner": frame.banner.isVisible(),
    "tabs": [frame.main_tabs.tabText(i) for i in range(frame.main_tabs.count())],
    "menus": [a.text() for a in frame.menuBar().actions()],
    "imported": sorted(m for m in ("sqlalchemy", "httpx", "cryptography", "campsync_gui.core",
                                   "campsync_gui.dynamics", "campsync_gui.sandbox") if m in sys.modules),
}))
"""


def first_frame(home, config) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    env.update({"QT_QPA_PLATFORM": "offscreen", "CAMPSYNC_HOME": str(home), "XDG_CONFIG_HOME": str(config)})
    done = subprocess.run([sys.executable, "-c", FIRST_FRAME], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_the_first_frame_is_the_real_window_painted_before_the_core_is_imported(tmp_path):
    frame = first_frame(tmp_path / "home", tmp_path / "config")
    assert frame["painted"], "the frame was painted before the session opened"
    assert frame["imported"] == [], "nothing of the core, the client or the sandbox before the first frame"
    assert frame["title"] == "CampSync — Built-in sandbox" and frame["banner"], "a first start: the demo org"
    assert frame["status"] == "Connecting to Built-in sandbox…"
    assert frame["tabs"] == ["People and campaigns", "Automation"]
    assert frame["menus"] == ["&File", "&Edit", "&Admin", "&View", "&Help"]


def test_the_first_frame_names_the_connection_this_data_folder_opened_last(tmp_path):
    home = AppPaths(tmp_path / "home").ensure().home
    open_store(AppPaths(home).db_file).dispose()  # not a new data folder any more
    assert expected_connection(home, {}) == ExpectedConnection(), "nothing known: connecting, without a name"
    remember_connection(home, ExpectedConnection("Contoso production", "production"))
    frame = first_frame(home, tmp_path / "config")
    assert frame["title"] == "CampSync — Contoso production" and not frame["banner"]
    assert frame["status"] == "Connecting to Contoso production…"
    assert frame["connection"] == "● Contoso production (production)"
    assert (home / HINT_FILE).stat().st_mode & 0o077 == 0, "it names the org: the owner's alone"


def test_the_hint_gives_way_to_an_org_named_in_the_environment(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    org_env = {"CAMPSYNC_ORG_URL": "https://contoso.crm.dynamics.com"}
    assert expected_connection(home, {}).name == BUILTIN_SANDBOX_NAME == builtin_org.SANDBOX_NAME
    assert expected_connection(home, org_env) == ExpectedConnection()
    remember_connection(home, ExpectedConnection(BUILTIN_SANDBOX_NAME, "sandbox", builtin_sandbox=True))
    assert expected_connection(home, org_env) == ExpectedConnection(), "the variables win over the demo org"
    (home / HINT_FILE).write_text("{not json", encoding="utf-8")
    assert expected_connection(home, {}).builtin_sandbox, "a damaged hint is ignored"


def test_a_first_start_on_a_team_store_is_not_announced_as_the_demo_org(tmp_path):
    from campsync_gui.core import store_url
    from campsync_gui.ui import startup_hint

    assert (startup_hint.DATABASE_URL_ENV, startup_hint.CONFIG_FILE_NAME) == (store_url.DATABASE_URL_ENV,
                                                                              store_url.CONFIG_FILE_NAME)
    home = tmp_path / "home"
    home.mkdir()
    team = {"CAMPSYNC_DATABASE_URL": "postgresql+psycopg://ops@db.example.org/campsync"}
    assert expected_connection(home, team) == ExpectedConnection(), "the team's store may name its org"
    (home / "config.toml").write_text('database_url = "postgresql+psycopg://ops@db.example.org/campsync"\n')
    assert expected_connection(home, {}) == ExpectedConnection()


def test_a_window_attached_to_its_frame_is_the_window_built_whole(org, qtbot, qloop, tmp_path):
    paths = AppPaths(tmp_path / "home").ensure()
    sessions = [AppSession(Workspace(open_store(paths.db_file), connection=connection_for(org)), paths)
                for _ in range(2)]
    try:
        whole = MainWindow(sessions[0])
        frame = MainWindow(expected=ExpectedConnection("Somewhere else", "test"))
        for win in (whole, frame):
            qtbot.addWidget(win)
            win.resize(1280, 690)
            win.show()
        qtbot.waitUntil(lambda: frame.painted)
        frame.attach(sessions[1])
        qtbot.waitUntil(lambda: frame.signin.button.isVisible())  # the account is read just after attaching
        assert describe(frame) == describe(whole)
        assert frame.top_splitter.widget(0) is frame.people_panel
        assert frame.main_tabs.widget(1) is frame.automation_panel
        assert frame.bottom_tabs.widget(1) is frame.queue_panel and frame.bottom_tabs.currentIndex() == 0
        qloop.run_until_complete(frame.refresh(people=True))
        assert frame.statusBar().currentMessage().endswith("campaigns loaded.")
        assert frame.campaigns_panel.campaigns.rowCount() > 0 and frame.people_panel.model.rowCount() > 0
    finally:
        for session in sessions:
            qloop.run_until_complete(session.close())


def test_the_first_frame_opens_at_the_size_and_proportions_the_window_was_left_at(qtbot):
    left = MainWindow(expected=ExpectedConnection())
    qtbot.addWidget(left)
    left.resize(700, 560)  # not the default size (the screen's), and on the offscreen screen (800×800)
    left.show()
    left.main_splitter.setSizes([300, 200])
    sizes = left.main_splitter.sizes()
    left.close()
    frame = MainWindow(expected=ExpectedConnection())
    qtbot.addWidget(frame)
    assert (frame.width(), frame.height()) == (700, 560), "the first frame is already at the saved size"
    frame.show()
    qtbot.waitUntil(lambda: frame.painted)
    assert frame.main_splitter.sizes() == sizes


def test_attached_to_its_frame_the_window_has_the_saved_proportions_a_window_built_whole_has(org, qtbot, qloop,
                                                                                                 tmp_path):
    paths = AppPaths(tmp_path / "home").ensure()
    sessions = [AppSession(Workspace(open_store(paths.db_file), connection=connection_for(org)), paths)
                for _ in range(3)]
    try:
        left = MainWindow(sessions[0])
        qtbot.addWidget(left)
        left.resize(1280, 690)
        left.show()
        left.main_splitter.setSizes([300, 250])
        left.campaigns_panel.splitter.setSizes([100, 300])
        left.close()
        whole = MainWindow(sessions[1])
        frame = MainWindow(expected=ExpectedConnection())
        for win in (whole, frame):
            qtbot.addWidget(win)
            win.show()
        qtbot.waitUntil(lambda: frame.painted)
        frame.attach(sessions[2])
        qtbot.waitUntil(lambda: frame.signin.button.isVisible())
        assert describe(frame) == describe(whole)
    finally:
        for session in sessions:
            qloop.run_until_complete(session.close())


def describe(win: MainWindow) -> dict:
    """What the person sees of the window's frame, panels aside."""
    bar = win.statusBar()
    return {
        "title": win.windowTitle(),
        "banner": (win.banner.isVisible(), win.banner.text()),
        "main tabs": [win.main_tabs.tabText(i) for i in range(win.main_tabs.count())],
        "bottom tabs": [win.bottom_tabs.tabText(i) for i in range(win.bottom_tabs.count())],
        "menus": [(m.text(), [a.text() for a in m.menu().actions()]) for m in win.menuBar().actions()],
        "status bar": [(type(w).__name__, getattr(w, "text", lambda: "")()) for w in sorted(
            (w for w in bar.findChildren(QWidget) if w.isVisible() and w.parentWidget() in (bar, win.account_slot)
             and w is not win.account_slot), key=lambda w: w.mapTo(bar, w.rect().topLeft()).x())],
        "connection": win.connection_label.text(),
        "sizes": [s.sizes() for s in win.saved_splitters()],
        "geometry": (win.width(), win.height()),
    }
