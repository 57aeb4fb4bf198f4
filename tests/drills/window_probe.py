"""A real CampSync window for the team drill: the app's own start (`run_app`, what `campsync gui` runs) on the team's
store, offscreen. It lives through the drill as an operator's open window does (hearing the team, sending what is
queued); once the drill creates the stop file, it waits until its log panel shows `--expect` events (or 90 s), writes
what the panel shows (events per trigger and campaign) to `--out` as JSON, and closes as a person closes it.

Run by drill_team.py: `python window_probe.py --out FILE --stop-file FILE --expect N` with the window's environment
(CAMPSYNC_HOME, CAMPSYNC_DATABASE_URL, the org and the team's log key).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from campsync_gui.core.triggers import ADDED, REMOVED  # noqa: E402
from campsync_gui.ui.app import run_app  # noqa: E402
from campsync_gui.ui.main_window import MainWindow  # noqa: E402
from campsync_gui.ui.models.log import KIND_ADDED, KIND_REMOVED  # noqa: E402

PATIENCE_S = 90.0
TRIGGER_OF_KIND = {KIND_ADDED: ADDED, KIND_REMOVED: REMOVED}


def panel_counts(window: MainWindow) -> collections.Counter:
    return collections.Counter((TRIGGER_OF_KIND.get(entry.kind, entry.kind), entry.campaign_id)
                               for entry in window.log_panel.model.rows if not entry.is_error)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--stop-file", type=Path, required=True)
    parser.add_argument("--expect", type=int, required=True)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    asked_at: list[float] = []

    def look() -> None:
        if not args.stop_file.exists():
            return
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            return
        asked_at[:1] = asked_at[:1] or [time.monotonic()]
        counts = panel_counts(windows[0])
        if sum(counts.values()) < args.expect and time.monotonic() - asked_at[0] < PATIENCE_S:
            return
        timer.stop()
        args.out.write_text(json.dumps({"events": [[t, c, n] for (t, c), n in counts.items()],
                                        "waited_s": round(time.monotonic() - asked_at[0], 1)}), encoding="utf-8")
        windows[0].close()

    timer = QTimer()
    timer.setInterval(250)
    timer.timeout.connect(look)
    timer.start()
    return run_app()


if __name__ == "__main__":
    sys.exit(main())
