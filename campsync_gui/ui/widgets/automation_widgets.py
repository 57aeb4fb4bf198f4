"""Pieces the automation editors share: campaign pickers (active vs inactive) and small parts of their rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QMenu, QToolButton, QWidget

from ...core.automation.library import CampaignChoice
from ...language import number
from ..i18n import translate

# Tooltips, translated where they are set.
INACTIVE_TIP = QT_TRANSLATE_NOOP("AutomationWidgets",
                                 "Inactive in Dynamics: people cannot be added to or removed from it")
MISSING_TIP = QT_TRANSLATE_NOOP("AutomationWidgets", "This campaign is not in the org (any more): choose another one")


def tool_button(text: str, tip: str, name: str) -> QToolButton:
    """A flat button at the end of a row: remove, move up, move down. `text` is a symbol ("✕", "▲"), which a screen
    reader cannot say: `name` is what it says instead (short: the tooltip is read after it)."""
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(name)
    button.setAutoRaise(True)
    return button


def select_data(combo: QComboBox, value: Any, unknown_text: str = "{value}") -> None:
    """Select the item holding `value`, adding it (as found in the JSON) if the combo does not offer it: a
    definition from a newer version or a hand-edited export keeps its value, and validation names it.
    `unknown_text` names the added item, with `{value}` (a translated text: named braces, as translators see them)."""
    index = combo.findData(value)
    if index < 0 and value is not None:
        combo.addItem(unknown_text.format(value=value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


def activity_combo(types: list[str]) -> QComboBox:
    """The activity types seen so far as suggestions; any other type can be typed."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(types)
    combo.setCurrentIndex(-1)
    combo.lineEdit().setPlaceholderText(translate("AutomationWidgets", "activity type, e.g. visited_web_page"))
    combo.setMinimumContentsLength(16)
    return combo


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

    def __init__(self, empty_text: str | None = None, *, allow_inactive: bool = True,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.empty_text = empty_text if empty_text is not None else translate("CampaignMultiSelect", "any campaign")
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
            action = menu.addAction(choice.label if choice.active else inactive_name(choice.label))
            action.setData(choice.id)
            action.setCheckable(True)
            action.setChecked(choice.id in chosen)
            if not choice.active:
                action.setToolTip(translate("AutomationWidgets", INACTIVE_TIP))
                action.setEnabled(self.allow_inactive or choice.id in chosen)
            action.toggled.connect(self._on_toggled)
        for cid in chosen:
            if cid not in known:
                action = menu.addAction(missing_name(cid))
                action.setData(cid)
                action.setCheckable(True)
                action.setChecked(True)
                action.setToolTip(translate("AutomationWidgets", MISSING_TIP))
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
            # "{more} more" needs no plural form ("et {more} de plus"): one entry whatever the count.
            self.setText(translate("CampaignMultiSelect", "{first} and {more} more").format(
                first=names[0], more=number(len(names) - 1)))
        self.setToolTip("\n".join(names) if names else "")


def fill_campaign_combo(combo: QComboBox, choices: Iterable[CampaignChoice], current: str | None) -> None:
    """Active campaigns to choose from; inactive ones listed greyed and not selectable (as Marketo's picker).

    The current id is kept selected even when it is inactive or missing, so validation can say what is wrong.
    """
    blocked = combo.blockSignals(True)
    combo.clear()
    combo.addItem(translate("AutomationWidgets", "Choose a campaign…"), None)
    model = combo.model()
    found = current is None
    for choice in choices:
        if choice.active:
            combo.addItem(choice.label, choice.id)
        else:
            combo.addItem(inactive_name(choice.label), choice.id)
            _disable_last(combo, model, translate("AutomationWidgets", INACTIVE_TIP))
        found = found or choice.id == current
    if not found:
        combo.addItem(missing_name(current), current)
        _disable_last(combo, model, translate("AutomationWidgets", MISSING_TIP))
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(blocked)


def inactive_name(label: str) -> str:
    return translate("AutomationWidgets", "{campaign} (inactive)").format(campaign=label)


def missing_name(campaign_id: str | None) -> str:
    return translate("AutomationWidgets", "(not in the org) {id}").format(id=campaign_id)


def _disable_last(combo: QComboBox, model, tip: str) -> None:
    row = combo.count() - 1
    combo.setItemData(row, tip, Qt.ItemDataRole.ToolTipRole)
    if isinstance(model, QStandardItemModel):
        model.item(row).setEnabled(False)


def combo_item_enabled(combo: QComboBox, row: int) -> bool:
    model = combo.model()
    return bool(model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsEnabled)
