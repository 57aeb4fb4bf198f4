"""Every string the window shows goes through Qt's translation: a literal (or an f-string) handed straight to a
widget's text, tooltip, title, tab, menu or status message is English whatever the person's language. One test per
module, so a failure names the file and the lines."""

import ast
import re
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "campsync_gui" / "ui"

# Calls whose string arguments a person reads (Qt's setters and the widgets built with their text).
SHOWN = {
    "setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "addAction", "addMenu", "addTab", "setTabText",
    "showMessage", "setStatusTip", "setWhatsThis", "setAccessibleName", "setAccessibleDescription", "setTitle",
    "setHeaderLabels", "setHorizontalHeaderLabels", "addItem", "addItems", "insertItem", "setLabelText",
    "setInformativeText", "setDetailedText", "setSpecialValueText", "setSuffix", "setPrefix", "addRow", "setFormat",
    "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu",
    "KeyAwareAction", "QMessageBox", "ElidedLabel", "information", "warning", "critical", "question",
}


def shown_literals(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, text) of every literal with words in it passed to a call of SHOWN."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in SHOWN or logged(node.func):
            continue
        named = (k.value for k in node.keywords if k.arg in ("text", "title", "toolTip"))
        for arg in [*node.args, *named]:
            text = words_in(arg)
            if text:
                found.append((arg.lineno, text))
    return found


def logged(func: ast.AST) -> bool:
    """`log.warning(…)`: a line for the log file (English, for whoever reads it with the developers), not shown."""
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in ("log", "logging")


def words_in(node: ast.AST) -> str | None:
    """The text of a literal a person would read (letters in it), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    elif isinstance(node, (ast.List, ast.Tuple)):
        texts = [words_in(element) for element in node.elts]
        return next((t for t in texts if t), None)
    else:
        return None
    words = re.sub(r"<[^>]*>", "", text)  # f"<b>{name}</b>": the tags are not words
    if words.startswith(("http://", "https://")):
        return None  # an address to fill in, the same in every language
    return text if sum(c.isalpha() for c in words) >= 2 else None


@pytest.mark.parametrize("module", sorted(str(p.relative_to(UI)) for p in UI.rglob("*.py")))
def test_translations_every_shown_string_of_the_window_is_marked(module):
    unmarked = shown_literals(ast.parse((UI / module).read_text(encoding="utf-8")))
    assert not unmarked, f"ui/{module}: strings shown without translate(): " + "; ".join(
        f"line {line}: {text!r}" for line, text in unmarked)


def test_translations_every_task_the_window_starts_is_named_for_translators():
    """A failed background task is shown by its name ("Could not import people: …"): each name given to
    `tasks.start(...)` in the window, as a literal or a module's *_TASK constant, is one of TASK_NAMES, which marks
    them for the translators."""
    from campsync_gui.ui.tasks import TASK_NAMES

    started = set()
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {target.id: node.value.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
                     for target in node.targets if isinstance(target, ast.Name) and target.id.endswith("_TASK")
                     and isinstance(node.value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "start" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    started.add((path.name, first.value))
                elif isinstance(first, ast.Name) and first.id in constants:
                    started.add((path.name, constants[first.id]))
    assert len(started) > 15, "the window's tasks were found"
    unnamed = sorted(f"{file}: {name!r}" for file, name in started if name not in TASK_NAMES)
    assert not unnamed, "tasks started with a name TASK_NAMES lacks:\n" + "\n".join(unnamed)
