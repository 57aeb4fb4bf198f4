"""The domain, the Dataverse client and the sandbox never import Qt: only campsync_gui/ui/ may."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "campsync_gui"
QT_FREE = ("core", "dynamics", "sandbox")
QT_MODULES = ("PySide6", "shiboken6", "qasync", "PyQt5", "PyQt6", "PySide2", "qtpy")


def _qt_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.ImportFrom) and node.level > 0 and node.module and node.module.startswith("ui"):
            names = ["campsync_gui.ui"]
        found += [f"{path.relative_to(PACKAGE.parent)}:{node.lineno} imports {n}" for n in names
                  if n.split(".")[0] in QT_MODULES or n.startswith("campsync_gui.ui")]
    return found


def test_no_qt_import_statement_outside_ui():
    offenders = [hit for folder in QT_FREE for path in sorted((PACKAGE / folder).rglob("*.py"))
                 for hit in _qt_imports(path)]
    assert offenders == []


def test_importing_every_qt_free_module_loads_no_qt():
    modules = sorted("campsync_gui." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
                     for folder in QT_FREE for p in (PACKAGE / folder).rglob("*.py"))
    # Alembic runs env.py and the revisions itself, by path, inside its own context; they import nothing else.
    modules = [m.removesuffix(".__init__") for m in modules
               if not m.startswith(("campsync_gui.core.migrations.env", "campsync_gui.core.migrations.versions."))]
    code = ("import importlib, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            f"print(sorted(k for k in sys.modules if k.split('.')[0] in {QT_MODULES!r}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", f"Qt got imported transitively: {out}"
    assert len(modules) >= 8
