"""Automation definitions checked as a whole (issue 13, finding 4): the export file's structure (core/automation/
schema.py), bounded waits and smart-list sizes, definitions stored by older versions that still load, and trigger
campaigns that each run on their own, so one broken campaign cannot stop the others."""

import json
import math

import pytest
from sqlmodel import Session, select

from campsync_gui.core.automation import PERSON_CREATED, WAIT_STEP, Definition, validate
from campsync_gui.core.automation.definitions import MAX_WAIT_SECONDS
from campsync_gui.core.automation.library import AutomationLibrary, LibraryError
from campsync_gui.core.automation.runner import AutomationRunner
from campsync_gui.core.automation.scheduler import Scheduler
from campsync_gui.core.events import EventBus
from campsync_gui.core.models import AutomationCampaign, AutomationResult, Person, WaitingStep
from campsync_gui.core.smartlists import MAX_FILTERS, MAX_LOGIC_TERMS, SmartListError, count, members
from campsync_gui.core.smartlists import validate as validate_smart_list
from campsync_gui.core.store import open_store

NOW = 1_800_000_000.0
FORMAT = "campsync-automation/1"


@pytest.fixture
def db(tmp_path):
    return open_store(tmp_path / "campsync.db")


@pytest.fixture
def library(db):
    return AutomationLibrary(db, clock=lambda: NOW)


def write(tmp_path, text: str):
    path = tmp_path / "automation.json"
    path.write_text(text, encoding="utf-8")
    return path


def export(*campaigns) -> str:
    return json.dumps({"format": FORMAT, "campaigns": list(campaigns)})


def item(name="A", **definition) -> dict:
    return {"name": name, "kind": "trigger", "active": True,
            "definition": {"triggers": [{"type": PERSON_CREATED}],
                           "flow": [{"step": "change_data_value", "field": "score", "value": "1"}], **definition}}


def refused(library, path) -> LibraryError:
    with pytest.raises(LibraryError) as caught:
        library.import_(path)
    assert library.campaigns() == [], "a refused file stores nothing"
    return caught.value


# ---- the file's structure ----------------------------------------------------------------------------------

@pytest.mark.parametrize("seconds", ["Infinity", "-Infinity", "NaN", "1e300", "-1", "0", "31536001", "true",
                                     '"3600"', "[60]"])
def test_a_wait_is_a_finite_number_of_seconds_up_to_a_year(library, tmp_path, seconds):
    text = export(item(flow=[{"step": WAIT_STEP, "seconds": 7}])).replace('"seconds": 7', f'"seconds": {seconds}')
    error = refused(library, write(tmp_path, text))
    assert error.problems == [f"campaigns[0].definition.flow[0].seconds: must be a finite number of seconds, more "
                              f"than 0 and at most 1 year ({MAX_WAIT_SECONDS}), not {_as_shown(seconds)}"]
    assert str(error).startswith(f"{tmp_path / 'automation.json'} was not imported (nothing was changed)")


def _as_shown(seconds: str) -> str:
    value = json.loads(seconds) if seconds not in ("Infinity", "-Infinity", "NaN") else seconds
    return seconds if isinstance(value, str) and value == seconds else repr(value)


def test_a_wait_of_exactly_one_year_is_imported(library, tmp_path):
    assert library.import_(write(tmp_path, export(item(flow=[{"step": WAIT_STEP, "seconds": MAX_WAIT_SECONDS}])))) \
        == ["A: imported (active)"]


@pytest.mark.parametrize("change, problem", [
    (lambda c: c.pop("name"), "campaigns[0].name: is required"),
    (lambda c: c.update(name=["A"]), "campaigns[0].name: must be text, not a list"),
    (lambda c: c.update(name="Eve\x1b]0;PWNED\x07"), "campaigns[0].name: must not contain control characters"),
    (lambda c: c.update(active="yes"), "campaigns[0].active: must be true or false, not text"),
    (lambda c: c.update(definition=[]), "campaigns[0].definition: must be an object, not a list"),
    (lambda c: c["definition"].update(flow={"step": "wait"}), "campaigns[0].definition.flow: must be a list, not an "
                                                              "object"),
    (lambda c: c["definition"].update(triggers=[{"type": "added_to_microsoft_campaign", "campaign_ids": "x"}]),
     "campaigns[0].definition.triggers[0].campaign_ids: must be a list, not text"),
    (lambda c: c["definition"].update(triggers=[{"campaign_ids": []}]),
     "campaigns[0].definition.triggers[0].type: is required"),
    (lambda c: c["definition"].update(smart_list={"filters": "country is France"}),
     "campaigns[0].definition.smart_list.filters: must be a list, not text"),
    (lambda c: c["definition"].update(smart_list={"filters": [{"kind": "field"}] * (MAX_FILTERS + 1)}),
     f"campaigns[0].definition.smart_list.filters: must have at most {MAX_FILTERS} filters, not {MAX_FILTERS + 1}"),
    (lambda c: c["definition"].update(qualification={"rule": "every_n_days", "days": 10 ** 400}),
     "campaigns[0].definition.qualification.days: must be a whole number from 1 to 36500"),
    (lambda c: c["definition"].update(schedule={"at": 1e300}),
     "campaigns[0].definition.schedule.at: must be a time in epoch seconds between 1970 and 9999"),
    (lambda c: c["definition"]["flow"][0].update(value={"nested": 1}),
     "campaigns[0].definition.flow[0].value: must be text or a number, not an object"),
])
def test_each_mistake_is_named_by_its_path(library, tmp_path, change, problem):
    campaign = item()
    change(campaign)
    assert refused(library, write(tmp_path, export(campaign))).problems == [problem]


def test_every_mistake_of_a_file_is_listed_at_once_and_none_is_stored(library, tmp_path):
    good, bad = item("Good"), item("Bad", flow="wait")
    nameless = item()
    nameless.pop("name")
    error = refused(library, write(tmp_path, export(good, bad, nameless)))
    assert error.problems == ["campaigns[1].definition.flow: must be a list, not text",
                              "campaigns[2].name: is required"]


def test_deep_nesting_is_answered_before_json_recurses(library, tmp_path):
    text = '{"format": "%s", "campaigns": %s%s}' % (FORMAT, "[" * 100_000, "]" * 100_000)
    with pytest.raises(LibraryError, match="too deeply nested"):
        library.import_(write(tmp_path, text))
    text = export(item()).replace('"value": "1"', '"value": ' + "[" * 40 + "]" * 40)
    with pytest.raises(LibraryError, match="too deeply nested"):
        library.import_(write(tmp_path, text))


def test_brackets_inside_text_do_not_count_as_nesting(library, tmp_path):
    path = write(tmp_path, export(item(description="[[[[{{{{" * 100 + '"\\"[[[')))
    assert library.import_(path) == ["A: imported (active)"]


@pytest.mark.parametrize("text, words", [
    ("{not json", "is not valid JSON: Expecting property name enclosed in double quotes at line 1, column 2"),
    ('{"format": "something else"}', "is not a CampSync automation export"),
    ("[]", "is not a CampSync automation export"),
])
def test_a_file_that_is_no_export_says_so(library, tmp_path, text, words):
    with pytest.raises(LibraryError, match=words):
        library.import_(write(tmp_path, text))


def test_a_file_that_is_not_utf8_says_so(library, tmp_path):
    path = tmp_path / "automation.json"
    path.write_bytes(b'{"format": "\xff"}')
    with pytest.raises(LibraryError, match="is not UTF-8 text"):
        library.import_(path)


def test_export_then_import_round_trips_and_keeps_unknown_step_settings(library, tmp_path):
    first = item("Nurture", flow=[{"step": WAIT_STEP, "seconds": 3600.5, "newer": {"x": 1}}], description="kept")
    library.import_(write(tmp_path, export(first)))
    exported = tmp_path / "out.json"
    assert library.export(exported) == 1
    other = AutomationLibrary(open_store(tmp_path / "other.db"), clock=lambda: NOW)
    assert other.import_(exported) == ["Nurture: imported (active)"]
    assert json.loads(other.campaigns()[0].definition)["flow"] == [{"step": WAIT_STEP, "seconds": 3600.5,
                                                                    "newer": {"x": 1}}]


def test_org_specific_problems_still_import_inactive(library, tmp_path):
    campaign = item(flow=[{"step": "add_to_microsoft_campaign", "campaign_id": "not-in-this-org"},
                          {"step": "send_email"}])
    assert library.import_(write(tmp_path, export(campaign))) == [
        "A: imported inactive — Flow step 1: choose a Microsoft campaign that exists in the org.; "
        "Flow step 2: unknown step 'send_email'."]


# ---- definitions stored by older versions ------------------------------------------------------------------

OLD_ROWS = {
    "Infinity": '{"triggers": [{"type": "person_created"}], "flow": [{"step": "wait", "seconds": Infinity}]}',
    "1e300": '{"triggers": [{"type": "person_created"}], "flow": [{"step": "wait", "seconds": 1e300}]}',
    "negative": '{"triggers": [{"type": "person_created"}], "flow": [{"step": "wait", "seconds": -5}]}',
}


@pytest.mark.parametrize("case", list(OLD_ROWS))
def test_a_stored_out_of_bounds_wait_still_loads_and_is_named_as_a_problem(case):
    definition = Definition.from_json(OLD_ROWS[case])
    problems = validate("trigger", definition, {})
    assert [p for p in problems if p.startswith("Flow step 1")] == [
        f"Flow step 1: a wait must be a finite number of seconds, more than 0 and at most 1 year "
        f"({MAX_WAIT_SECONDS}), not {'Infinity' if case == 'Infinity' else repr(definition.flow[0]['seconds'])}."]


@pytest.mark.parametrize("text", ['{"flow": "wait"}', '{"flow": ["wait", 3]}', '{"triggers": ["x"]}',
                                  '{"qualification": "once"}', '{"flow": [{"step": ["x"]}]}'])
def test_a_hand_edited_stored_definition_gives_problems_not_errors(text):
    problems = validate("trigger", Definition.from_json(text), {})
    assert problems and all(isinstance(p, str) for p in problems)


def test_the_listing_survives_a_stored_definition_that_is_not_json(library, db):
    with Session(db) as session:
        session.add(AutomationCampaign(name="Garbled", kind="trigger", definition="{not json"))
        session.add(AutomationCampaign(name="Fine", kind="trigger", definition=Definition().to_json()))
        session.commit()
    problems = {c.name: library.stored_problems(c) for c in library.campaigns()}
    assert problems["Garbled"][0].startswith("The stored definition cannot be read")
    assert problems["Fine"] == ["Smart list: a trigger campaign needs at least one trigger.",
                                "Flow: the flow is empty; add at least one step."]


# ---- smart list bounds, checked before any SQL -------------------------------------------------------------

def country_filters(n: int) -> list[dict]:
    return [{"kind": "field", "field": "country", "op": "equals", "value": f"Country {i}"} for i in range(n)]


def test_a_smart_list_has_at_most_max_filters(db):
    with pytest.raises(SmartListError, match=f"at most {MAX_FILTERS} filters; this one has 1000"):
        validate_smart_list({"filters": country_filters(1000), "logic": "any"})
    problems = validate("batch", Definition(smart_list={"filters": country_filters(1000), "logic": "any"},
                                            flow=[{"step": WAIT_STEP, "seconds": 60}]), {})
    assert problems[0].startswith(f"Smart list: A smart list has at most {MAX_FILTERS} filters")


def test_the_largest_smart_lists_allowed_run_in_sqlite(db):
    with Session(db) as session:
        session.add(Person(first_name="Ada", email="ada@example.org", country=f"Country {MAX_FILTERS - 1}"))
        session.commit()
    for logic in ("any", " or ".join(str(1 + i % MAX_FILTERS) for i in range(MAX_LOGIC_TERMS))):
        smart_list = {"filters": country_filters(MAX_FILTERS), "logic": logic}
        assert count(db, smart_list, now=NOW) == 1
        assert len(members(db, smart_list, now=NOW)) == 1


def test_a_logic_longer_than_the_limit_is_refused():
    logic = " or ".join(["1"] * (MAX_LOGIC_TERMS + 1))
    with pytest.raises(SmartListError, match=f"too long: {MAX_LOGIC_TERMS + 1} filter numbers, at most"):
        validate_smart_list({"filters": country_filters(1), "logic": logic})


@pytest.mark.parametrize("setting", [{"within_days": 10 ** 400}, {"min_times": 10 ** 30}])
def test_activity_filter_numbers_are_bounded(db, setting):
    with pytest.raises(SmartListError, match="must be a whole number"):
        count(db, {"filters": [{"kind": "activity", "type": "visited", **setting}]}, now=NOW)


def test_a_smart_list_too_complex_for_sqlite_is_said_in_words(db):
    activity = [{"kind": "activity", "type": "visited", "detail_contains": "é", "within_days": 3, "min_times": 2}] * 2
    logic = "".join("1 or (" if i % 2 == 0 else "2 and (" for i in range(45)) + "1" + ")" * 45
    with pytest.raises(SmartListError, match="too complex for the database"):
        count(db, {"filters": activity, "logic": logic}, now=NOW)


# ---- each trigger campaign on its own ----------------------------------------------------------------------

class Actions:
    def campaign_record(self, campaign_id):
        return None

    def plan(self, *args, **kwargs):
        raise AssertionError("no add or remove step here")

    def enqueue(self, *args, **kwargs):
        raise AssertionError("no add or remove step here")


def add_campaign(db, name, definition: str, kind="trigger") -> int:
    with Session(db) as session:
        row = AutomationCampaign(name=name, kind=kind, active=True, definition=definition)
        session.add(row)
        session.commit()
        return row.id


def results(db, campaign_id) -> list[tuple[str, str]]:
    with Session(db) as session:
        return [(r.outcome, r.detail) for r in session.exec(select(AutomationResult).where(
            AutomationResult.campaign_id == campaign_id).order_by(AutomationResult.id))]


def welcome(score="10", rule="every_time") -> str:
    return json.dumps({"triggers": [{"type": PERSON_CREATED}], "qualification": {"rule": rule},
                       "flow": [{"step": "change_data_value", "field": "score", "value": score}]})


@pytest.fixture
def person_id(db):
    with Session(db) as session:
        person = Person(first_name="Ada", email="ada@example.org")
        session.add(person)
        session.commit()
        return person.id


@pytest.mark.parametrize("broken", [
    OLD_ROWS["Infinity"], OLD_ROWS["1e300"], OLD_ROWS["negative"],
    '{"triggers": [{"type": "person_created"}], "flow": [{"step": "change_data_value", "field": "score", '
    '"value": "lots"}]}',
    '{"triggers": ["person_created"], "flow": []}',
    '{"triggers": [{"type": "person_created"}], "smart_list": {"filters": 5}, "flow": []}',
    '{"triggers": [{"type": "person_created"}], "smart_list": {"filters": [{"kind": "activity", "type": "x", '
    '"has": false, "min_times": 1e300}]}, "flow": []}',
    "{not json",
    "[" * 100_000 + "]" * 100_000,
])
async def test_one_broken_campaign_does_not_stop_the_others(db, person_id, broken, caplog):
    broken_id = add_campaign(db, "Broken", broken)
    good_id = add_campaign(db, "Welcome", welcome())
    runner = AutomationRunner(db, EventBus(), Actions(), clock=lambda: NOW)
    runner.people_created([person_id])

    assert await runner.drain() >= 1

    assert results(db, good_id) == [("qualified", "Person is created"), ("changed", "score: 0 → 10")]
    with Session(db) as session:
        assert session.get(Person, person_id).score == 10
        assert session.exec(select(WaitingStep)).all() == []
    assert all(outcome in ("failed", "qualified") for outcome, _ in results(db, broken_id))
    assert "Broken" in caplog.text


async def test_the_failure_of_an_infinite_wait_is_recorded_in_words(db, person_id):
    broken_id = add_campaign(db, "Broken", OLD_ROWS["Infinity"])
    runner = AutomationRunner(db, EventBus(), Actions(), clock=lambda: NOW)
    runner.people_created([person_id])
    await runner.drain()
    outcome, detail = results(db, broken_id)[-1]
    assert outcome == "failed" and "a wait must be a finite number of seconds" in detail and "Infinity" in detail


async def test_a_waiting_flow_of_a_broken_campaign_does_not_keep_the_others_waiting(db, person_id):
    broken_id = add_campaign(db, "Broken", "{not json")
    good_id = add_campaign(db, "Welcome", welcome())
    with Session(db) as session:
        for campaign_id in (broken_id, good_id):
            session.add(WaitingStep(campaign_id=campaign_id, person_id=person_id, run_id=f"run{campaign_id}",
                                    next_step=0, due_at=NOW - 1, depth=1, chain=json.dumps([campaign_id])))
        session.commit()
    runner = AutomationRunner(db, EventBus(), Actions(), clock=lambda: NOW)
    assert runner.resume_due() == 1
    assert results(db, good_id) == [("changed", "score: 0 → 10")]
    assert results(db, broken_id)[0][0] == "failed"


async def test_a_scheduled_batch_campaign_that_cannot_run_does_not_stop_the_next(db, person_id):
    too_many = json.dumps({"smart_list": {"filters": country_filters(1000), "logic": "any"},
                           "flow": [{"step": "change_data_value", "field": "company", "value": "X"}],
                           "schedule": {"at": NOW - 10}})
    fine = json.dumps({"smart_list": {"filters": [], "logic": "all"},
                       "flow": [{"step": "change_data_value", "field": "company", "value": "Done"}],
                       "schedule": {"at": NOW - 5}})
    add_campaign(db, "Too many filters", too_many, kind="batch")
    add_campaign(db, "Garbled", "{not json", kind="batch")
    add_campaign(db, "Fine", fine, kind="batch")
    runner = AutomationRunner(db, EventBus(), Actions(), clock=lambda: NOW)

    tick = await Scheduler(db, runner, clock=lambda: NOW).tick()

    assert [report.campaign for report in tick.batches] == ["Fine"]
    assert len(tick.failed) == 1 and tick.failed[0].startswith("Too many filters: A smart list has at most 200")
    with Session(db) as session:
        assert session.get(Person, person_id).company == "Done"


def test_limits_are_what_the_documentation_says():
    assert MAX_WAIT_SECONDS == 365 * 86400 and MAX_FILTERS == 200 and MAX_LOGIC_TERMS == 400
    assert math.isfinite(MAX_WAIT_SECONDS)
