"""Where the shipped resources (icons, styles, sample data) are: a source checkout or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent / "resources"


def resources_dir() -> Path:
    """The `resources/` folder. In a PyInstaller bundle build.spec copies it to `sys._MEIPASS/resources`."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidate = Path(bundle) / "resources"
        if candidate.is_dir():
            return candidate
    return _CHECKOUT


def resource_path(*parts: str) -> Path:
    """A file under resources/, e.g. `resource_path("style", "light.qss")`; it may not exist."""
    return resources_dir().joinpath(*parts)
