"""`python -m campsync_gui` runs the command line (also the PyInstaller bundle's entry point)."""

import sys

if sys.argv[1:2] == ["--campsync-engine-child"]:  # the window's engine process, in the frozen app (engine_process.py)
    from campsync_gui.core.engine_child import main as engine_child

    sys.exit(engine_child())

# Absolute, not relative: PyInstaller runs this file as a top-level script.
from campsync_gui.cli.main import main

sys.exit(main())
