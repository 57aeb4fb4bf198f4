"""The bulk batch size learns the org's pace: halved when slow or unsure, grown back after quick requests, bounded."""

from campsync_gui.core.batch_sizing import BatchSizer


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def request(sizer, clock, seconds, count=None, timeout=None):
    """One request that took `seconds` on the fake clock."""
    began = sizer.began()
    clock.now += seconds
    sizer.succeeded(began, count=sizer.size if count is None else count, timeout=timeout)


def test_starts_moderate_and_halves_on_each_slow_request_down_to_the_floor():
    clock = FakeClock()
    sizer = BatchSizer(start=200, maximum=1000, clock=clock)
    assert sizer.size == 200
    sizes = []
    for _ in range(5):
        request(sizer, clock, 45.0)  # slower than 30 s
        sizes.append(sizer.size)
    assert sizes == [100, 50, 25, 25, 25], "halved, never under 25"


def test_a_timeout_or_lost_answer_halves_the_size():
    sizer = BatchSizer(start=400, clock=FakeClock())
    sizer.failed()
    assert sizer.size == 200
    sizer.failed()
    assert sizer.size == 100


def test_grows_by_a_quarter_after_three_unremarkable_requests_in_a_row_up_to_the_maximum():
    clock = FakeClock()
    sizer = BatchSizer(start=200, maximum=300, clock=clock)
    request(sizer, clock, 10.0)  # well within the 30 s limit, not strikingly quick either
    request(sizer, clock, 10.0)
    assert sizer.size == 200, "one or two quick answers may be luck"
    request(sizer, clock, 10.0)
    assert sizer.size == 250
    for _ in range(3):
        request(sizer, clock, 10.0)
    assert sizer.size == 300, "never beyond the configured maximum"
    for _ in range(6):
        request(sizer, clock, 10.0)
    assert sizer.size == 300


def test_a_very_quick_full_request_doubles_the_size_so_a_fast_org_soon_gets_full_batches():
    clock = FakeClock()
    sizer = BatchSizer(start=200, maximum=1000, clock=clock)
    sizes = []
    for _ in range(4):
        request(sizer, clock, 1.5)  # a tenth of the slow limit or less
        sizes.append(sizer.size)
    assert sizes == [400, 800, 1000, 1000]


def test_an_org_answering_far_under_the_quick_limit_gets_full_batches_from_the_next_request():
    clock = FakeClock()
    sizer = BatchSizer(start=200, maximum=1000, clock=clock)
    request(sizer, clock, 0.1)  # 200 leads in 0.1 s: 1,000 would take 0.5 s, well under a tenth of the slow limit
    assert sizer.size == 1000


def test_a_slow_request_breaks_the_streak_of_quick_ones():
    clock = FakeClock()
    sizer = BatchSizer(start=200, clock=clock)
    request(sizer, clock, 10.0)
    request(sizer, clock, 10.0)
    request(sizer, clock, 31.0)
    assert sizer.size == 100
    request(sizer, clock, 10.0)
    request(sizer, clock, 10.0)
    assert sizer.size == 100, "the streak starts again after a slow request"
    request(sizer, clock, 10.0)
    assert sizer.size == 125


def test_shrinks_then_grows_back_after_the_org_gets_quick_again():
    clock = FakeClock()
    sizer = BatchSizer(start=200, maximum=1000, clock=clock)
    sizer.failed()
    request(sizer, clock, 60.0)
    assert sizer.size == 50
    for _ in range(3):
        request(sizer, clock, 10.0)
    assert sizer.size == 63
    for _ in range(60):  # 25% every three ordinary requests: from 50 to the ceiling in ~40 requests, not at once
        request(sizer, clock, 10.0)
    assert sizer.size == 1000 and sizer.maximum == 1000
    sizer.failed()
    request(sizer, clock, 0.5)
    assert sizer.size == 1000, "back to full batches at once when the org is quick again"


def test_a_short_tail_batch_does_not_count_as_quick_but_a_slow_one_counts_as_slow():
    clock = FakeClock()
    sizer = BatchSizer(start=200, clock=clock)
    for _ in range(5):
        request(sizer, clock, 0.1, count=7)
    assert sizer.size == 200
    request(sizer, clock, 40.0, count=7)
    assert sizer.size == 100


def test_slow_is_judged_against_a_quarter_of_a_short_timeout():
    clock = FakeClock()
    sizer = BatchSizer(start=200, clock=clock)
    request(sizer, clock, 6.0, timeout=20.0)  # within 30 s, but more than a quarter of the 20 s allowed
    assert sizer.size == 100
    request(sizer, clock, 6.0, timeout=180.0)
    assert sizer.size == 100, "under 30 s with minutes allowed is not slow"


def test_bounds_come_from_the_settings_and_are_kept_within_dataverse_advice():
    sizer = BatchSizer(start=5000, maximum=5000, clock=FakeClock())
    assert (sizer.start, sizer.maximum, sizer.size) == (1000, 1000, 1000), "at most 1,000 per request"
    sizer = BatchSizer(start=800, maximum=300, clock=FakeClock())
    assert (sizer.start, sizer.size) == (300, 300), "the start never exceeds the maximum"
    sizer = BatchSizer(start=10, maximum=100, clock=FakeClock())
    sizer.failed()
    assert sizer.size == 10, "an admin starting below the floor is never sent more than asked for"


def test_new_settings_keep_what_was_learned_within_the_new_bounds():
    clock = FakeClock()
    sizer = BatchSizer(start=200, maximum=1000, clock=clock)
    sizer.failed()
    sizer.configure(start=200, maximum=1000)
    assert sizer.size == 100, "re-reading the same settings forgets nothing"
    sizer.configure(start=200, maximum=60)
    assert sizer.size == 60
    sizer.configure(start=200, maximum=1000)
    assert sizer.size == 60, "raising the ceiling does not make a slow org quick"
    sizer.configure(start=300, maximum=1000)
    assert sizer.size == 300, "a new start restarts from it"
    assert "300 per request now" in sizer.describe()


def test_a_connection_dropped_quickly_keeps_the_size_but_a_wait_given_up_halves_it():
    clock = FakeClock()
    sizer = BatchSizer(start=400, clock=clock)
    began = sizer.began()
    clock.now += 0.2
    sizer.failed(began, timeout=180.0, waited_out=False)
    assert sizer.size == 400, "a dropped connection says nothing about the size"
    began = sizer.began()
    clock.now += 0.2
    sizer.failed(began, timeout=180.0, waited_out=True)
    assert sizer.size == 200, "a 504 or a timeout does"
    began = sizer.began()
    clock.now += 50.0
    sizer.failed(began, timeout=180.0, waited_out=False)
    assert sizer.size == 100, "a drop after a slow wait counts as slow"
