"""What started a flow action: the origin stored on outbox rows, memberships and trigger events, and its words."""

from __future__ import annotations

from ..language import translate

DRAG_AND_DROP = "drag-and-drop"  # an operator's drop in the window
DELETE_KEY = "delete-key"        # the Delete key on a campaign's selected members in the window
CONTEXT_MENU = "context-menu"    # a right-click menu's command ("Remove from Microsoft Campaign", "Add selected…")
KEYBOARD = "keyboard"            # another keyboard path instead of a drag: Ctrl+Enter, the campaign picker
COMMAND_LINE = "cli"             # `campsync add` / `campsync remove`
UNDO = "undo"                    # Ctrl+Z in the window
REDO = "redo"                    # Ctrl+Shift+Z in the window: what the last undo undid, again
PULL = "pull"                    # a membership read from Dynamics, not made by CampSync
_TRIGGER_CAMPAIGN = "trigger campaign: "
_BATCH_CAMPAIGN = "batch campaign: "

# Only what an operator did by hand in the window is undone by Ctrl+Z; what automation or scripts did is theirs.
UNDOABLE = (DRAG_AND_DROP, DELETE_KEY, CONTEXT_MENU, KEYBOARD)


def _words() -> dict[str, str]:
    """The known origins in words, in the person's language (read when shown, not at import)."""
    return {DRAG_AND_DROP: translate("Origins", "Drag and drop (operator)"),
            DELETE_KEY: translate("Origins", "Delete key (operator)"),
            CONTEXT_MENU: translate("Origins", "Menu (operator)"),
            KEYBOARD: translate("Origins", "Keyboard (operator)"),
            COMMAND_LINE: translate("Origins", "Command line"), UNDO: translate("Origins", "Undo"),
            REDO: translate("Origins", "Redo"), PULL: translate("Origins", "Read from Dynamics")}


def _campaign_words() -> tuple[tuple[str, str], ...]:
    """An automation campaign's origin names the campaign after its kind: "Batch campaign France batch"."""
    return ((_TRIGGER_CAMPAIGN, translate("Origins", "Trigger campaign {name}")),
            (_BATCH_CAMPAIGN, translate("Origins", "Batch campaign {name}")))


def trigger_campaign(name: str) -> str:
    """The origin of a flow step run by the trigger campaign `name`."""
    return f"{_TRIGGER_CAMPAIGN}{name}"


def batch_campaign(name: str) -> str:
    """The origin of a flow step run by the batch campaign `name` (run now or on its schedule)."""
    return f"{_BATCH_CAMPAIGN}{name}"


def automation_campaign(kind: str, name: str) -> str:
    """The origin of a flow step of the automation campaign `name` of `kind` ("trigger" / "batch")."""
    return batch_campaign(name) if kind == "batch" else trigger_campaign(name)


def describe(origin: str | None) -> str:
    """The origin in words for people: 'drag-and-drop' → 'Drag and drop (operator)'; unknown ones as they are."""
    text = (origin or "").strip()
    lowered = text.lower()
    words = _words()
    if lowered in words:
        return words[lowered]
    for prefix, sentence in _campaign_words():
        if lowered.startswith(prefix.strip()):
            return sentence.format(name=text[len(prefix.strip()):].strip()).strip()
    return text
