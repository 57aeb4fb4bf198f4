"""The event bus (core/events.py): a listener that breaks never stops the others nor the sync that published, and is
never silent — it comes back as a PROBLEM the window and the command line show."""

import logging

from campsync_gui.core.events import OUTBOX, PROBLEM, TRIGGERS, Event, EventBus


class Recorder:
    def __init__(self):
        self.seen: list[Event] = []

    def __call__(self, event: Event) -> None:
        self.seen.append(event)

    def kinds(self) -> list[str]:
        return [event.kind for event in self.seen]


def log_panel_refresh(event: Event) -> None:
    raise ValueError("row 3 out of range")


def test_every_subscriber_hears_every_event_in_the_order_subscribed():
    bus, calls = EventBus(), []
    bus.subscribe(lambda event: calls.append(("first", event.kind)))
    bus.subscribe(lambda event: calls.append(("second", event.kind)))
    bus.publish(Event(OUTBOX, {"count": 2}))
    assert calls == [("first", OUTBOX), ("second", OUTBOX)]


def test_an_unsubscribed_listener_hears_nothing_more():
    bus, recorder = EventBus(), Recorder()
    unsubscribe = bus.subscribe(recorder)
    bus.publish(Event(OUTBOX))
    unsubscribe()
    unsubscribe()  # twice is harmless
    bus.publish(Event(TRIGGERS))
    assert recorder.kinds() == [OUTBOX]


def test_a_failing_subscriber_does_not_stop_the_others_and_is_reported_as_a_problem(caplog):
    bus, before, after = EventBus(), Recorder(), Recorder()
    bus.subscribe(before)
    bus.subscribe(log_panel_refresh)
    bus.subscribe(after)
    published = Event(TRIGGERS, {"events": []})

    with caplog.at_level(logging.ERROR, logger="campsync_gui.core.events"):
        bus.publish(published)  # the publisher (a sync in progress) goes on

    assert published in before.seen and published in after.seen
    problems = [event for event in after.seen if event.kind == PROBLEM]
    assert len(problems) == 1
    message = problems[0].data["message"]
    assert "log_panel_refresh" in message and TRIGGERS in message
    assert "ValueError" in message and "row 3 out of range" in message
    assert problems == [event for event in before.seen if event.kind == PROBLEM]
    assert any("log_panel_refresh" in record.getMessage() for record in caplog.records), "and it is logged"


def test_a_failing_bound_method_is_named_by_its_class_and_method():
    class LogPanel:
        def on_event(self, event):
            raise KeyError("email")

    bus, recorder = EventBus(), Recorder()
    bus.subscribe(LogPanel().on_event)
    bus.subscribe(recorder)
    bus.publish(Event(OUTBOX))
    [problem] = [event for event in recorder.seen if event.kind == PROBLEM]
    assert "LogPanel.on_event" in problem.data["message"]


def test_a_subscriber_failing_on_problems_too_does_not_loop():
    def broken_everywhere(event: Event) -> None:
        raise RuntimeError("broken")

    bus, recorder = EventBus(), Recorder()
    bus.subscribe(broken_everywhere)
    bus.subscribe(recorder)

    bus.publish(Event(OUTBOX))

    assert recorder.kinds().count(PROBLEM) == 1
    assert recorder.kinds().count(OUTBOX) == 1


def test_a_problem_published_directly_reaches_everyone_even_past_a_listener_that_fails_on_it():
    def broken_everywhere(event: Event) -> None:
        raise RuntimeError("broken")

    bus, recorder = EventBus(), Recorder()
    bus.subscribe(broken_everywhere)
    bus.subscribe(recorder)
    bus.publish(Event(PROBLEM, {"message": "the org cannot be reached"}))
    assert [event.data["message"] for event in recorder.seen] == ["the org cannot be reached"]
