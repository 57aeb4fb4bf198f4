"""P2: UI responsiveness while a drop of N people runs: the real MainWindow, offscreen, on the sandbox org.

Run: `.venv/bin/python tests/perf/bench_p2_ui.py [--people 10000] [--latency-ms 30] [--idle-seconds 3]`
(a benchmark that prints figures, not a test). A 5 ms QTimer measures its own lateness (how long the event
loop was stalled) first on the idle window (baseline), then from the drop through planning, the preview,
the enqueue, the engine run and the live log streaming the N trigger events, until the log has them all.
The sandbox org runs in its own process, as a real org does (a sandbox thread in this process would compete
with the window for the interpreter lock, which no real org does).
Stalls over the target are listed with their time from the drop, the phase they fell in, and the sync calls
(instrumented in this process only) that were running during them.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import asyncio  # noqa: E402
import functools  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import qasync  # noqa: E402
from sqlmodel import Session, select  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/support.py
sys.path.insert(0, str(Path(__file__).resolve().parent))  # remote_sandbox.py

from campsync_gui.core.automation.runner import AutomationRunner  # noqa: E402
from campsync_gui.core.models import Person  # noqa: E402
from campsync_gui.core.engine import SyncEngine  # noqa: E402
from campsync_gui.core.outbox import Outbox  # noqa: E402
from campsync_gui.core.store import open_store  # noqa: E402
from campsync_gui.core.workspace import Workspace  # noqa: E402
from campsync_gui.paths import AppPaths  # noqa: E402
from campsync_gui.ui.bridge import EventBridge  # noqa: E402
from campsync_gui.ui.controller import FlowController  # noqa: E402
from campsync_gui.ui.gc_guard import GuiThreadGarbageCollector  # noqa: E402
from campsync_gui.ui.main_window import MainWindow  # noqa: E402
from campsync_gui.ui.mime import people_mime  # noqa: E402
from campsync_gui.ui.models.campaigns import COL_NAME  # noqa: E402
from campsync_gui.ui.models.people import PeopleTableModel  # noqa: E402
from campsync_gui.ui.session import AppSession  # noqa: E402
from campsync_gui.ui.widgets.campaigns_panel import CampaignsPanel  # noqa: E402
from campsync_gui.ui.widgets.log_panel import LogPanel  # noqa: E402
from campsync_gui.ui.widgets.preview_dialog import PreviewDialog  # noqa: E402
from campsync_gui.ui.widgets.queue_panel import QueuePanel  # noqa: E402
from bench_summary import record  # noqa: E402
from remote_sandbox import RemoteSandbox  # noqa: E402
from support import connection_for  # noqa: E402

TARGET_MS = 16.0  # one frame at 60 Hz (issue 15)
TARGET_P99_MS = 8.0
TICK_MS = 5

# ---- what was running: sync calls on the GUI thread, timed (class-level wrappers, this process only) --------

CALLS: list[tuple[str, float, float]] = []  # (name, start, end) in perf_counter seconds
PHASES: list[tuple[str, float]] = []         # (phase, start) in perf_counter seconds

SUSPECTS = {
    SyncEngine: ["plan", "pending_count", "readiness"],
    Outbox: ["enqueue", "claim", "finish", "mark_sent", "release", "pending_count", "recover"],
    MainWindow: ["reload_views", "_update_pending", "_mark_pending", "_show_sync_state", "_progress"],
    FlowController: [],
    PeopleTableModel: ["set_pending", "update_people", "set_rows"],
    LogPanel: ["add_event", "_flush"],
    QueuePanel: ["refresh", "schedule_refresh"],
    CampaignsPanel: ["reload"],
    EventBridge: ["_on_event"],
    AutomationRunner: ["_on_bus", "handle", "_active_trigger_campaigns"],
    PreviewDialog: ["__init__"],
}
NOISY = {"add_event", "_on_event", "_on_bus", "handle", "schedule_refresh"}  # called once per event: summed


GUI_THREAD = threading.get_ident()


def _timed(name, fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            # Calls on the engine's thread do not block the window by themselves: marked apart.
            shown = name if threading.get_ident() == GUI_THREAD else f"{name} (engine thread)"
            CALLS.append((shown, start, time.perf_counter()))
    return wrapper


def instrument() -> None:
    import gc

    started: dict[int, float] = {}

    def gc_timing(phase, info):  # Python's collector: its pauses are stalls too
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            CALLS.append((f"gc.collect(gen {info['generation']})", started.get(0, time.perf_counter()),
                          time.perf_counter()))
    gc.callbacks.append(gc_timing)
    from sqlalchemy.orm import Session as OrmSession
    OrmSession.commit = _timed("Session.commit", OrmSession.commit)
    OrmSession.execute = _timed("Session.execute", OrmSession.execute)
    for cls, names in SUSPECTS.items():
        for name in names:
            fn = cls.__dict__.get(name)
            if fn is not None and callable(fn) and not asyncio.iscoroutinefunction(fn):
                setattr(cls, name, _timed(f"{cls.__name__}.{name}", fn))
    # Phases from the engine itself: planning, enqueue, run (the window's async versions).
    for name, label in (("plan_in_slices", "plan"), ("enqueue_in_slices", "enqueue"),
                        ("run", "run")):
        inner = getattr(SyncEngine, name)

        async def phased(self, *a, _inner=inner, _label=label, **k):
            PHASES.append((_label, time.perf_counter()))
            try:
                return await _inner(self, *a, **k)
            finally:
                PHASES.append((f"after {_label}", time.perf_counter()))
        setattr(SyncEngine, name, phased)


def phase_at(t: float, until: float | None = None) -> str:
    """The phase at t; with `until`, also the phases that began before `until` (a stall spanning them)."""
    current = "drop"
    for name, start in PHASES:
        if start <= t:
            current = name
    later = [name for name, start in PHASES if until is not None and t < start <= until]
    return " → ".join([current, *later])


class StallMeter:
    """A repeating 5 ms timer; each tick's lateness beyond its interval is an event-loop stall."""

    def __init__(self):
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.stalls: list[tuple[float, float, float]] = []  # (previous tick, this tick, lateness s)
        self._last = 0.0

    def start(self) -> None:
        self.stalls = []
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.stalls.append((self._last, now, max(0.0, now - self._last - TICK_MS / 1000)))
        self._last = now

    def summary(self) -> tuple[float, float, int]:
        late = sorted(s[2] * 1000 for s in self.stalls) or [0.0]
        p99 = late[min(len(late) - 1, int(round(0.99 * (len(late) - 1))))]
        return late[-1], p99, len(late)


async def wait_until(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out after {timeout:.0f}s waiting for {what}")
        await asyncio.sleep(0.02)


async def bench(people_count: int, latency_ms: int, idle_seconds: float, folder: Path, queue_tab: bool = False,
                engine_thread: bool = True) -> None:
    with RemoteSandbox(folder / "sandbox", leads=people_count) as org:
        paths = AppPaths(folder / "home").ensure()
        session = AppSession(Workspace(open_store(paths.db_file), connection=connection_for(org)), paths)
        if engine_thread:
            session.workspace.run_engine_in_thread()  # as the app does (ui/app.py)
        window = MainWindow(session)
        window.show()
        # Garbage collection as the app sets it up (ui/app.py): on the GUI thread, settled after the first load.
        collector = GuiThreadGarbageCollector(parent=window, busy=window.controller.is_running)
        await window.refresh(people=True)
        collector.settle()
        org.set_latency(latency_ms)
        model = window.people_panel.model
        wanted = {f"bench{i:05d}@example.org" for i in range(people_count)}
        # The table's rows by id, read once: looking each person's row up (row_for_person) is a linear search, which
        # made this set-up quadratic and a 200,000-person run never reach its drop.
        shown = set(model.matching_person_ids())
        with Session(session.workspace.db) as store:
            ids = [pid for pid, email in store.exec(select(Person.id, Person.email)) if email in wanted and pid in shown]
        assert len(ids) == people_count, (len(ids), people_count)
        campaigns = window.campaigns_panel.campaigns
        target = campaigns.index(campaigns.row_of(org.active_campaign_id), COL_NAME)
        events = []
        window.bridge.triggers_fired.connect(lambda batch: events.extend(batch))
        rows_before = window.log_panel.model.rowCount()
        if queue_tab:
            window.bottom_tabs.setCurrentWidget(window.queue_panel)

        meter = StallMeter()
        meter.start()
        await asyncio.sleep(idle_seconds)
        meter.stop()
        idle_max, idle_p99, idle_ticks = meter.summary()

        CALLS.clear()
        PHASES.clear()
        mime = people_mime(ids)  # what the people view hands Qt for the dragged rows
        meter.start()
        started = time.perf_counter()
        assert campaigns.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
        await wait_until(lambda: window.controller.preview is not None, 120, "the preview")
        preview_shown = time.perf_counter()
        PHASES.append(("preview shown", preview_shown))
        await asyncio.sleep(0.2)  # the operator reads the preview
        PHASES.append(("accept", time.perf_counter()))
        window.controller.preview.accept()
        await wait_until(lambda: window.controller.is_idle() and not window.workspace.pending_count(),
                         900, "the engine run")
        run_done = time.perf_counter()
        # The log panel keeps its newest max_rows rows (50,000): a bigger drop has shown them all once every event
        # the bridge heard is in and its newest rows fill it.
        shown_at_most = min(people_count, window.log_panel.model.max_rows - rows_before)
        await wait_until(lambda: window.log_panel.pending_count == 0 and len(events) >= people_count
                         and window.log_panel.model.rowCount() - rows_before >= shown_at_most, 120, "the live log")
        await asyncio.sleep(0.5)  # the trailing reload of the views (300 ms timer)
        finished = time.perf_counter()
        meter.stop()
        run_max, run_p99, run_ticks = meter.summary()
        log_rows = window.log_panel.model.rowCount()
        stalls = list(meter.stalls)

        collector.stop()
        window.close()
        await window.tasks.shutdown()
        try:
            await session.close()
        except Exception as exc:  # noqa: BLE001 - the figures are taken; a teardown hiccup must not hide them
            print(f"(teardown: closing the session raised {type(exc).__name__}: {exc})")

    print(f"P2: drop of {people_count:,} people onto one campaign, MainWindow offscreen, "
          f"sandbox latency {latency_ms} ms, {TICK_MS} ms timer, {'Queue' if queue_tab else 'Live log'} tab in front")
    print(f"{'':34}{'max stall':>11}{'p99 stall':>11}{'ticks':>8}")
    print(f"{f'idle window ({idle_seconds:g}s, baseline)':34}{idle_max:>9.1f}ms{idle_p99:>9.1f}ms{idle_ticks:>8,}")
    print(f"{'drop → log complete':34}{run_max:>9.1f}ms{run_p99:>9.1f}ms{run_ticks:>8,}")
    verdict = "OK" if run_max <= TARGET_MS else "OVER"
    record(f"P2 max stall, {people_count:,}-person drop", f"{run_max:.0f} ms", f"≤ {TARGET_MS:.0f} ms",
           met=run_max <= TARGET_MS, command="tests/perf/bench_p2_ui.py", detail=f"idle {idle_max:.0f} ms")
    record(f"P2 p99 stall, {people_count:,}-person drop", f"{run_p99:.0f} ms", f"≤ {TARGET_P99_MS:.0f} ms",
           met=run_p99 <= TARGET_P99_MS, command="tests/perf/bench_p2_ui.py", detail=f"idle {idle_p99:.0f} ms")
    print(f"max stall {run_max:.1f} ms (target ≤ {TARGET_MS:.0f} ms: {verdict}); "
          f"×{run_max / max(idle_max, 0.1):.1f} the idle max, p99 ×{run_p99 / max(idle_p99, 0.1):.1f} the idle p99")
    print(f"log rows at the end: {log_rows:,} ({log_rows - rows_before:,} new; {len(events):,} trigger events "
          f"received by the bridge)")
    print(f"wall time: {finished - started:.2f}s total (drop → preview {preview_shown - started:.2f}s, "
          f"engine done at {run_done - started:.2f}s, log complete + 0.5s settle at {finished - started:.2f}s)")
    phases = [(n, t - started) for n, t in PHASES]
    print("phases (s from the drop): " + ", ".join(f"{n} {t:.2f}" for n, t in phases))

    over = [s for s in stalls if s[2] * 1000 > TARGET_MS]
    if over:
        by_phase: dict[str, list[float]] = {}
        for prev, now, late in over:
            by_phase.setdefault(phase_at(prev, now), []).append(late * 1000)
        print(f"{len(over)} stalls over {TARGET_MS:.0f} ms, by phase: " + "; ".join(
            f"{p}: {len(v)} (worst {max(v):.0f} ms, total {sum(v):.0f} ms)" for p, v in by_phase.items()))
        print("worst stalls (from the drop; phase; sync calls running in the stall, longest first):")
        for prev, now, late in sorted(over, key=lambda s: -s[2])[:15]:
            inside: dict[str, list[float]] = {}
            for name, a, b in CALLS:
                if b > prev and a < now:
                    inside.setdefault(name, []).append(b - a)
            parts = []
            for name, durations in sorted(inside.items(), key=lambda kv: -sum(kv[1])):
                short = name.split(".")[-1]
                label = f"{name} ×{len(durations)}" if short in NOISY or len(durations) > 1 else name
                parts.append(f"{label} {1000 * sum(durations):.0f} ms")
            print(f"  +{prev - started:7.2f}s  {late * 1000:6.0f} ms  [{phase_at(prev, now)}]  "
                  + (", ".join(parts[:6]) or "(no instrumented call: Qt painting/layout or uninstrumented code)"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--latency-ms", type=int, default=30)
    parser.add_argument("--idle-seconds", type=float, default=3.0)
    parser.add_argument("--queue-tab", action="store_true",
                        help="watch the Queue tab instead of the Live log during the run")
    parser.add_argument("--engine-on-gui-thread", action="store_true",
                        help="the baseline: run the engine on the window's loop (as before issue 15)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="campsync-bench-p2-"))
    os.environ["CAMPSYNC_HOME"] = str(folder / "home")
    app = QApplication.instance() or QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)  # as the app does (ui/app.py): the session, not Qt, decides when to end
    app.lastWindowClosed.connect(lambda: print("(Qt: the last window closed during the run)"))
    QCoreApplication.setOrganizationName("CampSyncBench")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder / "qsettings"))
    instrument()
    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(bench(args.people, args.latency_ms, args.idle_seconds, folder, args.queue_tab,
                         not args.engine_on_gui_thread))
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
