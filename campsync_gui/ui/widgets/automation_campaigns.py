"""The Automation tab's campaigns list: the table of stored campaigns and the buttons that act on them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from ...core.automation.library import StoredCampaign
from ..i18n import translate
from ..models.rows import RowsTableModel
from ..theme import ACCENT, status_colour

KIND_WORDS = {"trigger": QT_TRANSLATE_NOOP("CampaignList", "Trigger"),
              "batch": QT_TRANSLATE_NOOP("CampaignList", "Batch")}  # shown through kind_word()
KIND_COLOURS = {"trigger": ACCENT, "batch": "#8e24aa"}


def kind_word(kind: str) -> str:
    """A campaign's kind as its badge shows it, in the person's language."""
    return translate("CampaignList", KIND_WORDS[kind]) if kind in KIND_WORDS else kind


class AutomationListModel(RowsTableModel):
    """The automation campaigns: name, kind badge, Active/Inactive."""

    HEADERS = (QT_TRANSLATE_NOOP("AutomationListModel", "Campaign"), QT_TRANSLATE_NOOP("AutomationListModel", "Type"),
               QT_TRANSLATE_NOOP("AutomationListModel", "Status"))

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("AutomationListModel", self.HEADERS[section])
        return None

    def row_at(self, row: int) -> StoredCampaign | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, campaign_id: int | None) -> int:
        for number, row in enumerate(self._rows):
            if row.id == campaign_id:
                return number
        return -1

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row: StoredCampaign = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.name
            if column == 1:
                return kind_word(row.kind)
            return (translate("AutomationListModel", "Active") if row.active
                    else translate("AutomationListModel", "Inactive"))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 1:
                return QColor(KIND_COLOURS.get(row.kind, ACCENT))
            if column == 2:
                return QColor(status_colour("ok" if row.active else "skip"))
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return (translate("AutomationListModel", "Runs for each person the moment a trigger fires")
                    if row.kind == "trigger"
                    else translate("AutomationListModel",
                                   "Runs for everyone the smart list qualifies, now or on a schedule"))
        return None


class CampaignList(QWidget):
    """The campaigns with New / Duplicate / Delete / Activate. `picked` says where a person (or `pick()`) moved
    the selection; the panel decides whether it may move, and puts it back with `select_silently()` if not."""

    picked = Signal(object)  # StoredCampaign | None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._silent = False  # set while the list itself moves the selection: that is no person's pick
        self.model = AutomationListModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(translate("CampaignList", "Automation campaigns table"))  # its only name for Qt
        self.view.setAccessibleDescription(translate("CampaignList", "Trigger and batch campaigns: name, type and "
                                                                     "status. Select one to edit it"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.new_trigger_button = QPushButton(translate("CampaignList", "New trigger campaign"))
        self.new_trigger_button.setToolTip(translate("CampaignList",
                                                     "Runs for each person the moment something happens"))
        self.new_batch_button = QPushButton(translate("CampaignList", "New batch campaign"))
        self.new_batch_button.setToolTip(translate("CampaignList",
                                                   "Runs for everyone who qualifies, now or on a schedule"))
        self.duplicate_button = QPushButton(translate("CampaignList", "Duplicate"))
        self.delete_button = QPushButton(translate("CampaignList", "Delete…"))
        self.activate_button = QPushButton(translate("CampaignList", "Activate"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(translate("CampaignList", "<b>Automation campaigns</b>")))
        layout.addWidget(self.view, 1)
        grid = QGridLayout()
        grid.addWidget(self.new_trigger_button, 0, 0)
        grid.addWidget(self.new_batch_button, 0, 1)
        grid.addWidget(self.duplicate_button, 1, 0)
        grid.addWidget(self.delete_button, 1, 1)
        grid.addWidget(self.activate_button, 2, 0, 1, 2)
        layout.addLayout(grid)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def set_rows(self, rows: list[StoredCampaign], current: int | None) -> None:
        """Show these campaigns with `current` selected, without calling it a pick."""
        self._silent = True
        try:
            self.model.set_rows(rows)
        finally:
            self._silent = False
        self.select_silently(current)

    def select_silently(self, campaign_id: int | None) -> None:
        self._silent = True
        try:
            number = self.model.row_of(campaign_id)
            if number < 0:
                self.view.selectionModel().clearSelection()
                self.view.setCurrentIndex(QModelIndex())
            else:
                self.view.setCurrentIndex(self.model.index(number, 0))
        finally:
            self._silent = False

    def pick(self, campaign_id: int) -> bool:
        """Select a campaign as a click would; False when it is not in the list."""
        number = self.model.row_of(campaign_id)
        if number < 0:
            return False
        self.view.setCurrentIndex(self.model.index(number, 0))
        return True

    def show_buttons_for(self, campaign: StoredCampaign | None) -> None:
        for button in (self.duplicate_button, self.delete_button, self.activate_button):
            button.setEnabled(campaign is not None)
        self.activate_button.setText(translate("CampaignList", "Deactivate") if campaign and campaign.active
                                     else translate("CampaignList", "Activate"))
        if campaign is None:
            tip = ""
        elif campaign.active:
            tip = translate("CampaignList",
                            "Stop this campaign (people waiting in its flow resume if it is activated again)")
        elif campaign.kind == "trigger":
            tip = translate("CampaignList", "Check the campaign and start it")
        else:
            tip = translate("CampaignList", "Check the campaign and turn its schedule on")
        self.activate_button.setToolTip(tip)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._silent:
            self.picked.emit(self.model.row_at(current.row()) if current.isValid() else None)
