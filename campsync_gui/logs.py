"""Logging to a rotating file in the app home, plus warnings on the console."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

NOISY = ("httpx", "httpcore", "msal", "urllib3", "asyncio", "uvicorn", "uvicorn.error", "uvicorn.access")


def setup_logging(log_dir: Path, *, console_level: int = logging.WARNING) -> None:
    log_dir.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    if getattr(root, "_campsync_configured", False):
        return
    root.setLevel(logging.INFO)
    file_handler = logging.handlers.RotatingFileHandler(log_dir / "campsync.log", maxBytes=2_000_000,
                                                        backupCount=3, encoding="utf-8")
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
