"""The frames between the window and its engine process (core/engine_pipe.py)."""

import io
from array import array

from campsync_gui.core import engine_pipe as pipe
from campsync_gui.core.events import TRIGGERS, Event
from campsync_gui.core.triggers import ADDED, TriggerEvent
from campsync_gui.dynamics.errors import SignInRequired


def test_frames_come_back_whole_and_in_order():
    stream = io.BytesIO()
    writer = pipe.FrameWriter(stream)
    event = TriggerEvent(ADDED, 7, "ana@example.org", "c1", "Spring", "drag_and_drop", "r1", 12, 1.5e9,
                         hash="h" * 64)
    writer.write(pipe.EVENT, Event(TRIGGERS, {"events": [event]}))
    writer.write(pipe.PROGRESS, 3, 500, 10_000)
    stream.seek(0)
    kind, got = pipe.read_frame(stream)
    assert kind == pipe.EVENT and got.data["events"] == [event]
    assert pipe.read_frame(stream) == (pipe.PROGRESS, 3, 500, 10_000)
    assert pipe.read_frame(stream) is None, "the end of the stream: the other side has gone"


def test_a_frame_cut_short_reads_as_the_other_side_gone():
    stream = io.BytesIO()
    pipe.FrameWriter(stream).write(pipe.RESULT, 1, "r" * 1000)
    cut = io.BytesIO(stream.getvalue()[:-10])
    assert pipe.read_frame(cut) is None


def test_an_enqueue_request_carries_its_people_as_arrays():
    ids = array("q", [1, 2, 3_000_000_000])
    request = pipe.EnqueueRequest("add", "c1", "Spring", ids.tobytes(), bytes([0, 1, 0]), "drag_and_drop", "r1",
                                  "ana@contoso.com")
    stream = io.BytesIO()
    pipe.FrameWriter(stream).write(pipe.ENQUEUE, 4, request)
    stream.seek(0)
    _kind, _call, back = pipe.read_frame(stream)
    again = array("q")
    again.frombytes(back.person_ids)
    assert list(again) == [1, 2, 3_000_000_000] and list(back.outcomes) == [0, 1, 0]


def test_errors_cross_the_pipe_as_themselves_or_as_their_message():
    required = pipe.portable_error(SignInRequired("sign in again"))
    assert isinstance(required, SignInRequired) and required.message == "sign in again"

    class Unpicklable(Exception):
        def __init__(self, a, b):
            super().__init__(f"{a}/{b}")

    plain = pipe.portable_error(Unpicklable("x", "y"))
    assert type(plain) is RuntimeError and "Unpicklable" in str(plain) and "x/y" in str(plain)


def test_the_child_setup_never_shows_the_log_key():
    setup = pipe.ChildSetup("sqlite:////tmp/x.db", "default", "https://org.example", "https://login.example", None,
                            30.0, 120.0, None, 8, False, False, log_key=("/tmp/x.db", b"\x01" * 32, "the keyring"))
    assert "\\x01" not in repr(setup) and "keyring" not in repr(setup)
