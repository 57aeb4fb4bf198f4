"""The person's language, and the words of the core, the Dataverse client and the command line in it, from the
same catalogue as the window's.

One catalogue per language, `resources/i18n/campsync_<lang>.ts`, holds every string a person reads: the window's
(Qt reads them compiled to `.qm` by pyside6-lrelease) and the core's and command line's (read here, from the `.ts`
itself, without Qt: the core stays Qt-free and `campsync --help` does not load Qt). Translators keep one file in one
tool (Qt Linguist, `pyside6-linguist`), `make translations` (pyside6-lupdate) finds new strings in both, and one test
finds unfinished entries in both. Strings are marked with `translate("Context", "text")`, the call lupdate extracts.

Plurals: lupdate marks `%n` plurals only in `self.tr()`, so both forms are strings of their own and `plural()` picks
one by the language's rule ("{n} person" / "{n} people", "{n} personne" / "{n} personnes": French says 0 personne).

The language: `CAMPSYNC_LANGUAGE` (what the window's setting passes on, and an override for scripts), then the
locale variables as gettext reads them (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else English. `--json` output and CSV
exports never go through here: their keys and values stay English for scripts.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ElementTree
from functools import lru_cache

from .resources import resource_path

LANGUAGE_ENV = "CAMPSYNC_LANGUAGE"
SOURCE_LANGUAGE = "en"
LANGUAGES = {"en": "English", "fr": "Français"}  # the catalogues shipped, with each language's own name

_active: str | None = None


def system_language(environ=os.environ) -> str:
    """The language the environment asks for, among those shipped (English otherwise)."""
    for variable in (LANGUAGE_ENV, "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for value in (environ.get(variable) or "").split(":"):
            code = supported(value)
            if code:
                return code
            if value and variable != "LANGUAGE":
                return SOURCE_LANGUAGE  # set to a language not shipped (or C): that one decides, as in gettext
    return SOURCE_LANGUAGE


def supported(value: str | None) -> str | None:
    """'fr_FR.UTF-8', 'fr-CA', 'fr' → 'fr' when shipped; None otherwise."""
    if not value:
        return None
    code = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def language() -> str:
    """The language strings are translated into now."""
    global _active
    if _active is None:
        _active = system_language()
    return _active


def use_language(code: str | None) -> str:
    """Translate into `code` from now on (None: the environment's language); returns the one in use."""
    global _active
    _active = supported(code) or (system_language() if code is None else SOURCE_LANGUAGE)
    return _active


def translate(context: str, text: str) -> str:
    """`text` in the active language (itself when the catalogue has no finished translation of it)."""
    lang = language()
    if lang == SOURCE_LANGUAGE:
        return text
    return catalogue(lang).get((context, text), text)


def plural(n: int, one: str, many: str) -> str:
    """The form for `n` (both already translated), with `{n}` filled in as the language writes numbers."""
    singular = n <= 1 if language() == "fr" else n == 1
    return (one if singular else many).format(n=number(n))


def number(n: int) -> str:
    """10000 → '10,000' in English, '10 000' in French (a narrow no-break space, as QLocale writes it)."""
    text = f"{n:,}"
    return text.replace(",", "\u202f") if language() == "fr" else text


@lru_cache(maxsize=4)
def catalogue(lang: str) -> dict[tuple[str, str], str]:
    """{(context, source): translation} of the finished entries of `campsync_<lang>.ts` (empty when missing)."""
    path = resource_path("i18n", f"campsync_{lang}.ts")
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):
        return {}
    found: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            text = translation.text or ""
            if text:
                found[(name, message.findtext("source", ""))] = text
    return found
