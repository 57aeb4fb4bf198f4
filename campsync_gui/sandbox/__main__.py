"""`python -m campsync_gui.sandbox`: the same as `campsync sandbox`."""

import sys

from .cli import main

# Guarded so that importing every module (as a boundary test might) never starts a server.
if __name__ == "__main__":
    sys.exit(main())
