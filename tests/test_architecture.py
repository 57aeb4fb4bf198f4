"""The house's rules, kept by tools rather than by memory: the import contracts of pyproject.toml (layers, a Qt-free
core, faces that never touch the database layer, a sandbox beside the app, no import cycle at any depth), small
rooms, and one place that builds the sync engine."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "campsync_gui"
MAX_LINES = 600


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--config", str(ROOT / "pyproject.toml"), "--no-cache"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_no_file_of_the_package_is_over_600_lines():
    long = {str(path.relative_to(ROOT)): n for path in PACKAGE.rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_sync_engine_is_built_in_one_place():
    builders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "SyncEngine":
                builders.append(str(path.relative_to(ROOT)))
    assert builders == ["campsync_gui/core/workspace.py"]
