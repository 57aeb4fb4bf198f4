"""Logging to a rotating file in the app home, plus warnings on the console."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from .paths import ENFORCED, PRIVATE_FILE, make_private_folder, tighten_file

# qasync: its executor logs every thread call's result at DEBUG, and a token call's result is the access token.
NOISY = ("httpx", "httpcore", "msal", "urllib3", "asyncio", "uvicorn", "uvicorn.error", "uvicorn.access", "qasync")


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are readable by their owner only (0600), whatever the umask: log lines name
    people, campaigns and orgs. Rotation renames files, which keeps their mode."""

    def _open(self):
        if ENFORCED:
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
            os.close(fd)
            tighten_file(Path(self.baseFilename))  # also an older 0644 file, before anything more is written
        return super()._open()


def setup_logging(log_dir: Path, *, console_level: int = logging.WARNING) -> None:
    make_private_folder(log_dir)
    root = logging.getLogger()
    if getattr(root, "_campsync_configured", False):
        return
    root.setLevel(logging.INFO)
    file_handler = PrivateRotatingFileHandler(log_dir / "campsync.log", maxBytes=2_000_000, backupCount=3,
                                              encoding="utf-8")
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    console = logging.StreamHandler()
    console.setLevel(console_level)
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    root.addHandler(file_handler)
    root.addHandler(console)
    # Libraries that log every request or token call would drown the file (and msal's debug lines are not ours
    # to vet for secrets).
    for name in NOISY:
        logging.getLogger(name).setLevel(logging.WARNING)
    root._campsync_configured = True  # type: ignore[attr-defined]
