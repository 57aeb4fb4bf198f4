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
