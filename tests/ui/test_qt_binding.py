"""The installed Qt binding must survive a sync's worth of signals: PySide6 6.12.0 could not."""

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    bare = Signal()
    payload = Signal(dict)


def test_emitting_signals_leaks_no_references(qapp):
    emitter = Emitter()
    emitter.bare.connect(lambda: None)
    emitter.payload.connect(lambda _d: None)
    before_true, before_false = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(300):
        emitter.bare.emit()
        emitter.payload.emit({"trigger": "added_to_microsoft_campaign"})
    # A leak of one reference per emit is how 6.12.0 ends: "Fatal Python error: bool_dealloc" mid-sync.
    assert abs(sys.getrefcount(True) - before_true) < 50
    assert abs(sys.getrefcount(False) - before_false) < 50
