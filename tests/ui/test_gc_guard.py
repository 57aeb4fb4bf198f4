"""Garbage is collected on the GUI thread's timer, not wherever Python happens to allocate."""

import gc

from campsync_gui.ui.gc_guard import GuiThreadGarbageCollector


class Cycle:
    def __init__(self):
        self.me = self


def test_collection_moves_to_the_timer_and_comes_back_on_stop(qapp):
    was_enabled = gc.isenabled()
    collector = GuiThreadGarbageCollector(interval_ms=10_000)
    try:
        assert not gc.isenabled()
        for _ in range(gc.get_threshold()[0] * 2):
            Cycle()
        assert gc.get_count()[0] > gc.get_threshold()[0], "nothing collected behind the GUI thread's back"
        collector.check()
        assert gc.get_count()[0] < gc.get_threshold()[0]
    finally:
        collector.stop()
    assert gc.isenabled()
    if not was_enabled:
        gc.disable()


def test_full_collections_wait_a_minute_and_wait_longer_while_a_sync_runs(qapp):
    now = [1000.0]
    running = [True]
    collector = GuiThreadGarbageCollector(interval_ms=10_000, busy=lambda: running[0], clock=lambda: now[0])
    full = []
    callback = (lambda phase, info: full.append(1) if phase == "stop" and info["generation"] == 2 else None)
    gc.callbacks.append(callback)
    try:
        def churn_until_gen2_wanted():
            while gc.get_count()[2] <= gc.get_threshold()[2]:
                [Cycle() for _ in range(gc.get_threshold()[0] + 1)]
                collector.check()  # young collections, each counting towards the old generation's turn
            [Cycle() for _ in range(gc.get_threshold()[0] + 1)]

        churn_until_gen2_wanted()
        now[0] += 120  # two minutes, but a sync is running
        collector.check()
        assert full == [], "no full collection in the middle of a sync"
        churn_until_gen2_wanted()
        running[0] = False
        collector.check()
        assert full == [1], "once the sync is over, the overdue full collection runs"
        churn_until_gen2_wanted()
        now[0] += 10
        collector.check()
        assert full == [1], "and the next waits a minute"
    finally:
        gc.callbacks.remove(callback)
        collector.stop()
        gc.disable()  # the UI tests' conftest keeps automatic collection off
