"""Light and dark themes (Fusion + QSS from resources/style) following the system scheme, and shared colours."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from ..resources import resource_path

log = logging.getLogger(__name__)

ACCENT = "#1a73e8"
# Environment of a connection: production is red everywhere it is shown, so a wrong-org mistake is visible.
ENV_COLOURS = {"production": "#c5221f", "test": "#b26a00", "sandbox": "#1a73e8"}
UNKNOWN_ENV_COLOUR = "#5f6368"
# Keys match the doctor's statuses (ok/warn/fail/skip); "warning"/"error" are the same colours by name.
STATUS_COLOURS = {"ok": "#1e8e3e", "warn": "#b26a00", "fail": "#c5221f", "skip": "#8a8f98",
                  "warning": "#b26a00", "error": "#c5221f", "production": ENV_COLOURS["production"]}
# Lighter tones of the same statuses, readable as text on the dark theme's backgrounds.
STATUS_COLOURS_DARK = {"ok": "#81c995", "warn": "#fdd663", "fail": "#f28b82", "skip": "#9aa0a6",
                       "warning": "#fdd663", "error": "#f28b82", "production": "#f28b82"}

MODES = ("system", "light", "dark")

_state: dict = {"mode": "system", "applied": None, "listening": False, "system_palette": None}


def env_colour(environment: str | None) -> str:
    return ENV_COLOURS.get((environment or "").lower(), UNKNOWN_ENV_COLOUR)


def status_colour(status: str) -> str:
    """The colour for a status as text, in the theme now applied."""
    table = STATUS_COLOURS_DARK if _state["applied"] == "dark" else STATUS_COLOURS
    return table.get(status, table["skip"])


def current_theme() -> str | None:
    """'light' or 'dark' once apply_theme() has run, else None."""
    return _state["applied"]


def icon(name: str) -> QIcon:
    """An icon from resources/icons (`icon("add")`); an empty icon if the file is missing."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


def app_icon() -> QIcon:
    return icon("campsync")


def set_role(widget: QWidget, role: str | None) -> None:
    """Set the `role` property the QSS styles (hint/error/warning/ok) and re-polish so it shows now."""
    widget.setProperty("role", role or "")
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def system_scheme(app: QGuiApplication | None = None) -> str:
    """'dark' or 'light' as the system asks: the colour-scheme hint (Qt 6.5+), else the palette's lightness."""
    app = app or QGuiApplication.instance()
    hints = app.styleHints() if app is not None else None
    scheme = getattr(hints, "colorScheme", None)
    if scheme is not None:
        value = scheme()
        if value == Qt.ColorScheme.Dark:
            return "dark"
        if value == Qt.ColorScheme.Light:
            return "light"
    palette = _state["system_palette"] or (app.palette() if app is not None else QPalette())
    window, text = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.WindowText)
    return "dark" if window.lightness() < text.lightness() else "light"


def apply_theme(app: QApplication, mode: str = "system") -> str:
    """Fusion style with the light or dark palette and QSS; in "system" mode it follows later scheme changes.

    Returns the theme applied ('light' or 'dark').
    """
    if mode not in MODES:
        raise ValueError(f"theme mode must be one of {', '.join(MODES)} (got {mode!r})")
    if _state["system_palette"] is None:
        _state["system_palette"] = QPalette(app.palette())  # before ours replaces it: the lightness fallback
    _state["mode"] = mode
    if not _state["listening"]:
        signal = getattr(app.styleHints(), "colorSchemeChanged", None)
        if signal is not None:
            signal.connect(_on_scheme_changed)
            _state["listening"] = True
    theme = system_scheme(app) if mode == "system" else mode
    _apply(app, theme)
    return theme


def _on_scheme_changed(*_args) -> None:
    app = QApplication.instance()
    if app is None or _state["mode"] != "system":
        return
    theme = system_scheme(app)
    if theme != _state["applied"]:
        _apply(app, theme)


def _apply(app: QApplication, theme: str) -> None:
    # By name, so Qt creates and owns the style: a QStyle made in Python and handed to setStyle() is freed
    # twice (by Qt when the next style replaces it, and by Python's garbage collector): a segfault later.
    if app.style().name().lower() != "fusion" and "Fusion" in QStyleFactory.keys():
        app.setStyle("Fusion")
    app.setPalette(_palette(theme))
    qss = resource_path("style", f"{theme}.qss")
    try:
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    except OSError as exc:
        log.warning("theme %s: cannot read %s (%s); using the palette only", theme, qss, exc)
        app.setStyleSheet("")
    if app.windowIcon().isNull():
        app.setWindowIcon(app_icon())
    _state["applied"] = theme


def _palette(theme: str) -> QPalette:
    dark = theme == "dark"
    colours = {
        QPalette.ColorRole.Window: "#202124" if dark else "#f6f7f9",
        QPalette.ColorRole.WindowText: "#e8eaed" if dark else "#202124",
        QPalette.ColorRole.Base: "#2a2b2e" if dark else "#ffffff",
        QPalette.ColorRole.AlternateBase: "#2f3033" if dark else "#f8f9fa",
        QPalette.ColorRole.ToolTipBase: "#303134" if dark else "#ffffff",
        QPalette.ColorRole.ToolTipText: "#e8eaed" if dark else "#202124",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6" if dark else "#80868b",
        QPalette.ColorRole.Text: "#e8eaed" if dark else "#202124",
        QPalette.ColorRole.Button: "#35363a" if dark else "#ffffff",
        QPalette.ColorRole.ButtonText: "#e8eaed" if dark else "#202124",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#4c8df6" if dark else ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8ab4f8" if dark else ACCENT,
        QPalette.ColorRole.Mid: "#4a4d52" if dark else "#c8ccd2",
        QPalette.ColorRole.Dark: "#17181a" if dark else "#9aa0a6",
        QPalette.ColorRole.Light: "#3c3d41" if dark else "#ffffff",
    }
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor("#6f7378" if dark else "#9aa0a6")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette
