"""What started a flow action: the origin stored on outbox rows, memberships and trigger events, and its words."""

from __future__ import annotations

DRAG_AND_DROP = "drag-and-drop"  # an operator's drop (or Delete key) in the window
COMMAND_LINE = "cli"             # `campsync add` / `campsync remove`
UNDO = "undo"                    # Ctrl+Z in the window
PULL = "pull"                    # a membership read from Dynamics, not made by CampSync
_TRIGGER_CAMPAIGN = "trigger campaign: "

# Only what an operator did by hand is undone by Ctrl+Z; what automation or scripts did is theirs.
UNDOABLE = (DRAG_AND_DROP,)

_WORDS = {DRAG_AND_DROP: "Drag and drop (operator)", COMMAND_LINE: "Command line", UNDO: "Undo",
          PULL: "Read from Dynamics"}


def trigger_campaign(name: str) -> str:
    """The origin of a flow step run by the automation campaign `name`."""
    return f"{_TRIGGER_CAMPAIGN}{name}"


def describe(origin: str | None) -> str:
    """The origin in words for people: 'drag-and-drop' → 'Drag and drop (operator)'; unknown ones as they are."""
    text = (origin or "").strip()
    lowered = text.lower()
    if lowered in _WORDS:
        return _WORDS[lowered]
    if lowered.startswith(_TRIGGER_CAMPAIGN.strip()):
        return f"Trigger campaign {text[len(_TRIGGER_CAMPAIGN.strip()):].strip()}".rstrip()
    return text
