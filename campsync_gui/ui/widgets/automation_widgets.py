"""Pieces the automation editors share: campaign pickers that tell active from inactive campaigns."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QMenu, QToolButton, QWidget
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from ...core.models import Activity, CampaignRecord

INACTIVE_TIP = "Inactive in Dynamics: people cannot be added to or removed from it"
MISSING_TIP = "This campaign is not in the org (any more): choose another one"


class CampaignChoice(NamedTuple):
    """A Dynamics campaign as the pickers show it."""

    id: str
    name: str
    active: bool

    @property
    def label(self) -> str:
        return self.name or self.id


def read_campaign_choices(store: Engine) -> list[CampaignChoice]:
    """Every campaign in the store's cache, by name (active and inactive)."""
    with Session(store) as session:
        rows = session.exec(select(CampaignRecord).order_by(CampaignRecord.name, CampaignRecord.id))
        return [CampaignChoice(row.id, row.name, row.active) for row in rows]


def read_activity_types(store: Engine) -> list[str]:
    """The activity types seen in the store, as suggestions for activity triggers and filters."""
    with Session(store) as session:
        return sorted(t for t in session.exec(select(Activity.type).distinct()) if t)


class _StayOpenMenu(QMenu):
    """A menu of check boxes that stays open while several are ticked."""

    def mouseReleaseEvent(self, event) -> None:
        action = self.activeAction()
        if action is not None and action.isEnabled() and action.isCheckable():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class CampaignMultiSelect(QToolButton):
    """A button whose menu ticks campaigns ("campaign is any of"); the text sums up the choice.

    `allow_inactive=False` greys inactive campaigns out (they stay tickable only if already ticked, so an old
    choice can be undone). Ids not in the org keep their place as "(not in the org) <id>".
    """

    changed = Signal()

    def __init__(self, empty_text: str = "any campaign", *, allow_inactive: bool = True,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.empty_text = empty_text
        self.allow_inactive = allow_inactive
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setMenu(_StayOpenMenu(self))
        self._update_text()

    def set_campaigns(self, choices: Iterable[CampaignChoice], selected: Iterable[str] = ()) -> None:
        chosen = list(dict.fromkeys(selected))
        menu = self.menu()
        menu.clear()
        known = set()
        for choice in choices:
            known.add(choice.id)
            text = choice.label if choice.active else f"{choice.label} (inactive)"
            action = menu.addAction(text)
            action.setData(choice.id)
            action.setCheckable(True)
            action.setChecked(choice.id in chosen)
            if not choice.active:
                action.setToolTip(INACTIVE_TIP)
                action.setEnabled(self.allow_inactive or choice.id in chosen)
            action.toggled.connect(self._on_toggled)
        for cid in chosen:
            if cid not in known:
                action = menu.addAction(f"(not in the org) {cid}")
                action.setData(cid)
                action.setCheckable(True)
                action.setChecked(True)
                action.setToolTip(MISSING_TIP)
                action.toggled.connect(self._on_toggled)
        menu.setToolTipsVisible(True)
        self._update_text()

    def campaign_actions(self):
        return [a for a in self.menu().actions() if a.data() is not None]

    def selected(self) -> list[str]:
        return [a.data() for a in self.campaign_actions() if a.isChecked()]

    def set_selected(self, ids: Iterable[str]) -> None:
        wanted = set(ids)
        for action in self.campaign_actions():
            action.setChecked(action.data() in wanted)

    def _on_toggled(self, _checked: bool) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        names = [a.text() for a in self.campaign_actions() if a.isChecked()]
        if not names:
            self.setText(self.empty_text)
        elif len(names) <= 2:
            self.setText(", ".join(names))
        else:
            self.setText(f"{names[0]} and {len(names) - 1} more")
        self.setToolTip("\n".join(names) if names else "")


def fill_campaign_combo(combo: QComboBox, choices: Iterable[CampaignChoice], current: str | None) -> None:
    """Active campaigns to choose from; inactive ones listed greyed and not selectable (as Marketo's picker).

    The current id is kept selected even when it is inactive or missing, so validation can say what is wrong.
    """
    blocked = combo.blockSignals(True)
    combo.clear()
    combo.addItem("Choose a campaign…", None)
    model = combo.model()
    found = current is None
    for choice in choices:
        if choice.active:
            combo.addItem(choice.label, choice.id)
        else:
            combo.addItem(f"{choice.label} (inactive)", choice.id)
            _disable_last(combo, model, INACTIVE_TIP)
        found = found or choice.id == current
    if not found:
        combo.addItem(f"(not in the org) {current}", current)
        _disable_last(combo, model, MISSING_TIP)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(blocked)


def _disable_last(combo: QComboBox, model, tip: str) -> None:
    row = combo.count() - 1
    combo.setItemData(row, tip, Qt.ItemDataRole.ToolTipRole)
    if isinstance(model, QStandardItemModel):
        model.item(row).setEnabled(False)


def combo_item_enabled(combo: QComboBox, row: int) -> bool:
    model = combo.model()
    return bool(model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsEnabled)
