"""The main window: campaigns and people of the connected org, the connection in the status bar."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QLabel, QMainWindow, QSplitter, QTableView, QVBoxLayout, QWidget)
from qasync import asyncSlot

from ..core.settings import load_settings
from ..dynamics.client import DataverseClient
from ..dynamics.doctor import DoctorOptions
from ..dynamics.errors import DynamicsError
from .models.campaigns import CampaignTableModel
from .models.people import PeopleTableModel
from .session import AppSession
from .widgets.doctor_dialog import DoctorDialog

log = logging.getLogger(__name__)

ENV_COLOURS = {"production": "#c5221f", "test": "#b26a00", "sandbox": "#1a73e8"}


def _table(model) -> QTableView:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setWordWrap(False)
    view.horizontalHeader().setDefaultSectionSize(150)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class MainWindow(QMainWindow):
    def __init__(self, session: AppSession, client: DataverseClient):
        super().__init__()
        self.session = session
        self.client = client
        self.setWindowTitle("CampSync")
        self.resize(1200, 760)
        self.campaign_model = CampaignTableModel(self)
        self.people_model = PeopleTableModel(self)
        self.campaigns_view = _table(self.campaign_model)
        self.people_view = _table(self.people_model)
        self.people_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setContentsMargins(10, 6, 10, 6)
        if session.is_builtin_sandbox:
            self.banner.setText("You are connected to the <b>built-in sandbox org</b> with demo data. Nothing you "
                                "do here touches a real Dynamics 365 org. Add a connection to work on yours.")
            self.banner.setStyleSheet("background:#e8f0fe;color:#174ea6;border-radius:4px;")
        else:
            self.banner.hide()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self._titled("People", self.people_view))
        splitter.addWidget(self._titled("Dynamics 365 campaigns", self.campaigns_view))
        splitter.setSizes([760, 440])
        self.splitter = splitter
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar()
        self._restore_layout()

    def _titled(self, title: str, view: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(f"<b>{title}</b>")
        layout.addWidget(label)
        layout.addWidget(view)
        return box

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        refresh = QAction("&Refresh from Dynamics", self, shortcut=QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(refresh)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        admin = self.menuBar().addMenu("&Admin")
        self.test_action = QAction("&Test connectivity…", self, shortcut=QKeySequence("Ctrl+Shift+T"))
        self.test_action.triggered.connect(self.open_doctor)
        admin.addAction(self.test_action)

    def _build_status_bar(self) -> None:
        conn = self.session.connection
        colour = ENV_COLOURS.get(conn.environment, "#5f6368")
        self.connection_label = QLabel(f"● {conn.name} ({conn.environment})")
        self.connection_label.setStyleSheet(f"color:{colour};font-weight:bold;")
        self.sync_label = QLabel()
        self.statusBar().addPermanentWidget(self.sync_label)
        self.statusBar().addPermanentWidget(self.connection_label)
        self._show_sync_state()

    def _show_sync_state(self) -> None:
        settings = load_settings(self.session.engine, self.session.connection.name)
        self.sync_label.setText("Campaign sync: on" if settings.campaign_sync_enabled else "Campaign sync: OFF")

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("main/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    def closeEvent(self, event) -> None:
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.splitter.saveState())
        super().closeEvent(event)

    @asyncSlot()
    async def refresh(self) -> None:
        self.statusBar().showMessage("Loading campaigns and people from Dynamics…")
        try:
            self.campaign_model.set_rows(await self.client.campaigns())
            self.people_model.clear()
            for kind in ("lead", "contact"):
                async for page in self.client.iter_people(kind, page_size=1000):
                    self.people_model.append_rows(page)
            self.statusBar().showMessage(
                f"{self.people_model.rowCount()} people, {self.campaign_model.rowCount()} campaigns loaded.", 8000)
        except DynamicsError as exc:
            log.warning("refresh failed: %s", exc.message)
            self.statusBar().showMessage(f"Could not load from Dynamics: {exc.message}")

    def open_doctor(self) -> DoctorDialog:
        settings = load_settings(self.session.engine, self.session.connection.name)
        dialog = DoctorDialog(self.session.connection, DoctorOptions(
            campaign_sync_enabled=settings.campaign_sync_enabled,
            prerequisite_solution=settings.prerequisite_solution,
            prerequisite_min_version=settings.prerequisite_min_version), self)
        dialog.show()
        dialog.running = dialog.run()  # the task, so callers (and tests) can await the report
        return dialog
