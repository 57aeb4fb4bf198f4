"""No dialog blocks the event loop: the scheduler keeps ticking while a result box is open, and no coroutine of
the window opens a modal `exec()` (a nested loop inside an async slot: "Cannot enter into task … scheduler_tick
… while another task … import_csv is being executed", then "Task was destroyed but it is pending!")."""

import ast
from pathlib import Path

import campsync_gui.ui as ui_package
from test_main_window import loaded, window  # noqa: F401  (fixtures)

UI_DIR = Path(ui_package.__file__).parent


def test_the_scheduler_ticks_while_the_import_result_box_is_open(loaded, qloop, tmp_path):
    csv = tmp_path / "people.csv"
    csv.write_text("first_name,last_name,email\nAda,Lovelace,ada.new@example.org\nNo,Email,\n", encoding="utf-8")
    qloop.run_until_complete(loaded.import_csv(str(csv)))
    box = loaded.import_result
    assert box.isVisible(), "the result is shown"
    tick = loaded.scheduler_tick()
    assert tick is not None
    qloop.run_until_complete(tick)  # the qloop fixture fails the test on any error the loop saw
    assert tick.exception() is None and box.isVisible()


def test_no_coroutine_of_the_window_opens_a_modal_dialog():
    offenders = []
    for path in UI_DIR.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr in ("exec", "exec_")):
                    offenders.append(f"{path.name}:{node.lineno} in {function.name}")
    assert not offenders, offenders
