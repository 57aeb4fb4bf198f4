"""The French catalogue (resources/i18n/campsync_fr.ts) is complete: every string marked in the code is in it (the
catalogue pyside6-lupdate makes from the code now has nothing new), every entry is translated, and each translation
keeps what the code fills in or Qt reads (placeholders, HTML tags, a menu's accelerator)."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "i18n" / "campsync_fr.ts"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def messages(path: Path) -> list[tuple[str, str, ElementTree.Element]]:
    """(context, source, <translation>) of every message of a .ts file."""
    found = []
    for context in ElementTree.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            found.append((context.findtext("name", ""), message.findtext("source", ""), message.find("translation")))
    return found


def unfinished(path: Path) -> list[str]:
    return [f"{context}: {source!r}" for context, source, translation in messages(path)
            if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip()]


def test_translations_catalogue_holds_every_string_marked_in_the_code(tmp_path):
    """A string marked since the last `make translations` (or never translated) fails here, by name."""
    current = tmp_path / "campsync_fr.ts"
    shutil.copy(CATALOGUE, current)
    sources = sorted(str(p) for p in (ROOT / "campsync_gui").rglob("*.py"))
    done = subprocess.run([str(LUPDATE), "-no-obsolete", "-locations", "none", "-extensions", "py", *sources,
                           "-ts", str(current)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    missing = unfinished(current)
    assert not missing, (f"{len(missing)} strings of the code have no French translation (run `make translations`, "
                         f"then translate them in {CATALOGUE.relative_to(ROOT)}): " + "; ".join(missing[:40]))


PLACEHOLDER = re.compile(r"\{[a-z_]*(?::[^}]*)?\}|%n|%\d")
TAG = re.compile(r"</?([a-z0-9]+)")


@pytest.mark.parametrize("context, source, translation", [
    pytest.param(c, s, t, id=f"{c}:{s[:40]}") for c, s, t in messages(CATALOGUE)])
def test_translations_each_entry_is_finished_and_keeps_what_the_code_fills_in(context, source, translation):
    assert translation is not None and translation.get("type") != "unfinished" and (translation.text or "").strip(), \
        "not translated yet"
    text = translation.text
    assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), "placeholders differ"
    assert sorted(TAG.findall(text)) == sorted(TAG.findall(source)), "HTML tags differ"
    if re.search(r"&[^&\s;]", source.replace("&amp;", "")):
        assert re.search(r"&[^&\s]", text), "the accelerator (&) is gone"
