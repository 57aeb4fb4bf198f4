"""Pseudo-localisation: every string of the window 40 % longer and accented, to find what a longer language cuts off.

The pseudo catalogue is made from the French one's sources (every string marked in the code), each "translated" to
`[Àççéñţéð ţéxţ·····]`: letters accented, the text padded by 40 % of its length, bracketed so a cut end shows.
Placeholders, HTML tags, entities and a menu's accelerator are kept as they are (the code fills them in, Qt reads
them). Used by `python -m campsync_gui.ui.screenshots --pseudo` and tests/ui/test_translations_pseudo.py; never
shipped to people.
"""

from __future__ import annotations

import math
import re
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from ..resources import resource_path
from .i18n import lrelease

GROWTH = 0.4
ACCENTED = str.maketrans("aceinouyACEINOUY", "àçéîñôüýÀÇÉÎÑÔÜÝ")
# Kept as they are: placeholders, HTML tags, entities, a menu's accelerator (&X), %n.
_KEPT = re.compile(r"\{[^}]*\}|<[^>]*>|&[a-z]+;|&&|&(?=\S)|%n|%\d")


def pseudo(text: str) -> str:
    """'&Add {n} people' → '[&Àðð {n} péôplé·····]'."""
    pieces, visible, last = [], 0, 0
    for kept in _KEPT.finditer(text):
        plain = text[last:kept.start()]
        pieces.append(plain.translate(ACCENTED))
        visible += len(plain)
        pieces.append(kept.group())
        last = kept.end()
    plain = text[last:]
    pieces.append(plain.translate(ACCENTED))
    visible += len(plain)
    padding = "·" * max(1, math.ceil(visible * GROWTH) - 2)  # the brackets count towards the 40 %
    return f"[{''.join(pieces)}{padding}]"


def build_catalogue(folder: Path) -> Path:
    """Write campsync_pseudo.ts and .qm into `folder` from the French catalogue's sources; returns the .qm."""
    root = ElementTree.parse(resource_path("i18n", "campsync_fr.ts")).getroot()
    root.set("language", "en_ZZ")
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None:
            translation = ElementTree.SubElement(message, "translation")
        translation.attrib.clear()
        translation.text = pseudo(message.findtext("source", ""))
    folder.mkdir(parents=True, exist_ok=True)
    source, compiled = folder / "campsync_pseudo.ts", folder / "campsync_pseudo.qm"
    source.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                      + ElementTree.tostring(root, encoding="unicode"), encoding="utf-8")
    tool = lrelease()
    if tool is None:
        raise RuntimeError("pyside6-lrelease not found: the pseudo catalogue cannot be compiled")
    subprocess.run([tool, "-silent", str(source), "-qm", str(compiled)], check=True)
    return compiled


def install_pseudo(app: QCoreApplication, folder: Path) -> QTranslator:
    """Install the pseudo catalogue (made in `folder`); remove it with app.removeTranslator(the result)."""
    translator = QTranslator(app)
    if not translator.load(str(build_catalogue(folder))):
        raise RuntimeError("the pseudo catalogue did not load")
    app.installTranslator(translator)
    return translator
