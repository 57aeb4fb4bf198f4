"""The people table's view: Ctrl+A means every person the filter matches, not only the rows fetched so far."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTableView

from ..mime import people_mime
from .drag_badge import start_badge_drag


class PeopleTableView(QTableView):
    """The model hands rows to the view a thousand at a time, so a plain select-all would quietly take only
    those fetched yet. Ctrl+A here selects all matches, and dragging that selection carries all of their ids
    (built from the model's list, not from one index per cell: 200,000 rows would be 1.6 million indexes)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all_matching = False

    def setModel(self, model) -> None:
        super().setModel(model)
        model.modelReset.connect(self._forget_all_matching)  # a new filter: a new set of people

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all_matching()
            event.accept()
            return
        super().keyPressEvent(event)

    def select_all_matching(self) -> None:
        self.model().fetch_all()
        self.selectAll()
        self._all_matching = True  # after selectAll: its selectionChanged clears the flag

    @property
    def all_matching_selected(self) -> bool:
        return self._all_matching

    def selectionChanged(self, selected, deselected) -> None:
        super().selectionChanged(selected, deselected)
        self._all_matching = False

    def _forget_all_matching(self) -> None:
        self._all_matching = False

    def drag_mime(self) -> QMimeData:
        """What a drag of the current selection carries."""
        model = self.model()
        if self._all_matching:
            return people_mime(sorted(model.matching_person_ids()))
        return model.mimeData(self.selectionModel().selectedRows())

    def startDrag(self, supported_actions) -> None:
        count = (len(self.model().matching_person_ids()) if self._all_matching
                 else len(self.selectionModel().selectedRows()))
        if count:
            start_badge_drag(self, self.drag_mime(), count, supported_actions)
