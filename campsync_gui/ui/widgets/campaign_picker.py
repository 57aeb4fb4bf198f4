"""The keyboard path of a drop: choose the campaign to add the selected people to.

Type to filter, arrows move in the list, Enter picks, Esc cancels. A campaign that would refuse a drop (inactive,
campaign sync off, prerequisite missing) is greyed as in the campaigns list and says why instead of being picked; what
is picked then goes through `CampaignTableModel.request_add`, the very call a drop makes, so the preview, the
controller and the refusals are the same for both paths."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit,
                               QListView, QVBoxLayout)

from ...language import plural
from ..i18n import translate
from ..models.campaigns import COL_NAME, RowRole, SortRole, CampaignTableModel

# Keys typed in the search field that belong to the list: the field keeps Left/Right/Home/End for its own text.
LIST_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class CampaignPicker(QDialog):
    """Opened with `open()` (window-modal, no nested event loop); emits `picked(campaign_id)` once, on Enter."""

    picked = Signal(str)

    def __init__(self, campaigns: CampaignTableModel, count: int, *, current: str | None = None, parent=None):
        super().__init__(parent)
        self.campaigns = campaigns
        # The count as it always read here (no thousands separator); only the word follows the language's plural.
        noun = plural(count, translate("CampaignPicker", "person"), translate("CampaignPicker", "people"))
        self.setWindowTitle(translate("CampaignPicker", "Add {count} {noun} to a campaign").format(count=count,
                                                                                                   noun=noun))
        self.resize(440, 380)

        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(campaigns)
        self.proxy.setFilterKeyColumn(COL_NAME)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SortRole)
        self.proxy.sort(COL_NAME, Qt.SortOrder.AscendingOrder)

        self.search = QLineEdit()
        self.search.setObjectName("campaignPickerSearch")
        self.search.setPlaceholderText(translate("CampaignPicker", "Type to find a campaign"))
        self.search.setAccessibleName(translate("CampaignPicker", "Find a campaign"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)

        self.list = QListView()
        self.list.setObjectName("campaignPickerList")
        self.list.setAccessibleName(translate("CampaignPicker", "Campaigns"))
        self.list.setModel(self.proxy)
        self.list.setModelColumn(COL_NAME)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.list.doubleClicked.connect(lambda _index: self.pick())

        self.reason = QLabel()
        self.reason.setObjectName("campaignPickerReason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color:#c5221f;")

        # Enter anywhere in the dialog (the field or the list pass it on) clicks the default button: one way to pick.
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.pick_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.pick_button.setText(translate("CampaignPicker", "Preview…"))
        self.pick_button.setDefault(True)
        self.buttons.accepted.connect(self.pick)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("CampaignPicker", "Add {count} {noun} to which campaign? The preview comes "
                                                            "next.").format(count=count, noun=noun)))
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self._select(self._row_of(current) if current else QModelIndex())
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- picking -------------------------------------------------------------------------------

    def current_campaign_id(self) -> str | None:
        row = self.list.currentIndex().data(RowRole)
        return row.id if row is not None else None

    def pick(self) -> None:
        """Close and hand on the current campaign, unless a drop on it would be refused (the reason stays shown)."""
        row = self.list.currentIndex().data(RowRole)
        if row is None or self.campaigns.refusal(row):
            self._show_current()
            return
        self.accept()
        self.picked.emit(row.id)

    # ---- internals -----------------------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:
        # Arrows typed in the search field move in the list, as in a combo box's popup.
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() in LIST_KEYS:
            QApplication.sendEvent(self.list, event)
            return True
        return super().eventFilter(watched, event)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._select(QModelIndex())  # typing starts again from the best match: the first campaign that takes people

    def _row_of(self, campaign_id: str) -> QModelIndex:
        source_row = self.campaigns.row_of(campaign_id)
        if source_row < 0:
            return QModelIndex()
        return self.proxy.mapFromSource(self.campaigns.index(source_row, COL_NAME))

    def _select(self, index: QModelIndex) -> None:
        """Keep `index` current if it is still listed, else the first campaign that takes people, else the first."""
        if not index.isValid():
            rows = [self.proxy.index(r, COL_NAME) for r in range(self.proxy.rowCount())]
            index = next((i for i in rows if not self.campaigns.refusal(i.data(RowRole))), rows[0] if rows else index)
        if index.isValid():
            self.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.list.scrollTo(index)
        self._show_current()

    def _show_current(self) -> None:
        """Say at once why the current campaign cannot take people (the drop's own reason), and allow no pick."""
        row = self.list.currentIndex().data(RowRole)
        if row is None:
            text = (translate("CampaignPicker", "No campaign matches.") if self.search.text()
                    else translate("CampaignPicker", "No campaign loaded yet."))
        else:
            reason = self.campaigns.refusal(row)
            text = translate("CampaignPicker", "Cannot add here: {reason}.").format(reason=reason) if reason else ""
        self.reason.setText(text)
        self.reason.setVisible(bool(text))
        self.pick_button.setEnabled(not text)
