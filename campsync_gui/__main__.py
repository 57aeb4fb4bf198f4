"""`python -m campsync_gui` runs the command line (also the PyInstaller bundle's entry point)."""

import sys

# Absolute, not relative: PyInstaller runs this file as a top-level script.
from campsync_gui.cli.main import main

sys.exit(main())
