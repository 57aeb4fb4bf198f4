"""The window in the person's language: the system's, or the one chosen in Settings (applied at the next start).

Qt reads the window's strings from `resources/i18n/campsync_<lang>.qm`, compiled from the `.ts` catalogue by
pyside6-lrelease (`make`, build.spec); Qt's own words (the file dialog, the buttons of a question) from PySide6's
`qtbase_<lang>.qm`. A checkout whose `.ts` is newer than its `.qm` (edited since the last `make`) has it compiled
into the cache folder instead, so the window never shows an older translation than the catalogue. The words of the
core and the command line (campsync_gui/language.py) follow the same language, and so does the engine's process (it
inherits CAMPSYNC_LANGUAGE). Numbers and dates use QLocale's default, set here to the language's.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from .. import language
from ..resources import resource_path

log = logging.getLogger(__name__)

LANGUAGE_KEY = "language"  # QSettings: "" follows the system; otherwise a code of campsync_gui.language.LANGUAGES
_installed: list[QTranslator] = []  # kept referenced: a translator Python collects stops translating

# How the window's modules mark a string: `translate("Context", "text")`, the call pyside6-lupdate extracts (with
# literal arguments: `.format()` the placeholders afterwards, never an f-string), answered from the installed .qm.
translate = QCoreApplication.translate


def saved_language() -> str:
    """What Settings says: "" (the system's) or a language code."""
    return str(QSettings().value(LANGUAGE_KEY, "", type=str) or "")


def save_language(code: str) -> None:
    QSettings().setValue(LANGUAGE_KEY, code)


def chosen_language() -> str:
    """The setting, else CAMPSYNC_LANGUAGE, else the first of the system's languages that is shipped, else English."""
    chosen = language.supported(saved_language()) or language.supported(os.environ.get(language.LANGUAGE_ENV))
    if chosen:
        return chosen
    for name in QLocale.system().uiLanguages():
        if language.supported(name):
            return language.supported(name)
    return language.system_language()


def install_language(app: QCoreApplication, code: str | None = None) -> str:
    """Translate the window (and the core) into `code`, or the chosen language; returns the language in use."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    lang = language.use_language(code or chosen_language())
    os.environ[language.LANGUAGE_ENV] = lang  # the engine's process and any command the window starts
    QLocale.setDefault(QLocale(lang))
    if lang == language.SOURCE_LANGUAGE:
        return lang
    for folder, name in ((QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{lang}.qm"),
                         (None, f"campsync_{lang}.qm")):
        path = Path(folder) / name if folder else compiled_catalogue(lang)
        translator = QTranslator(app)
        if path is not None and path.exists() and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("no %s translation found (%s): those words stay in English", lang, path or name)
    return lang


def compiled_catalogue(lang: str) -> Path | None:
    """The `.qm` of `campsync_<lang>.ts`: the shipped one when current, else one compiled now into the cache."""
    source = resource_path("i18n", f"campsync_{lang}.ts")
    shipped = source.with_suffix(".qm")
    if shipped.exists() and (not source.exists() or shipped.stat().st_mtime >= source.stat().st_mtime):
        return shipped
    if not source.exists():
        return None
    from platformdirs import user_cache_path

    cached = user_cache_path("CampSync", appauthor=False) / "i18n" / shipped.name
    if cached.exists() and cached.stat().st_mtime >= source.stat().st_mtime:
        return cached
    tool = lrelease()
    if tool is None:
        return shipped if shipped.exists() else None
    cached.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([tool, "-silent", str(source), "-qm", str(cached)], capture_output=True, text=True)
    if done.returncode != 0:
        log.warning("pyside6-lrelease could not compile %s: %s", source, done.stderr.strip()[-300:])
        return shipped if shipped.exists() else None
    return cached


def lrelease() -> str | None:
    """PySide6's lrelease: beside this Python (a virtual environment's bin), or on the PATH."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
