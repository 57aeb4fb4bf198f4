"""The stored automation campaigns: what the library refuses to save or activate, and what a delete takes along."""

import json

import pytest
from sqlmodel import Session, func, select

from campsync_gui.core.automation import ADD_STEP, CHANGE_STEP, WAIT_STEP, Definition
from campsync_gui.core.automation.library import AutomationLibrary, LibraryError
from campsync_gui.core.models import AutomationResult, CampaignRecord, Qualification, WaitingStep
from campsync_gui.core.store import open_store


@pytest.fixture
def library(tmp_path):
    engine = open_store(tmp_path / "store.db")
    with Session(engine) as session:
        session.add(CampaignRecord(id="c-spring", name="Spring Launch", statecode=0))
        session.commit()
    yield AutomationLibrary(engine, clock=lambda: 1_000.0)
    engine.dispose()


def runnable() -> Definition:
    return Definition(triggers=[{"type": "person_created"}], flow=[{"step": ADD_STEP, "campaign_id": "c-spring"}])


def stored_definition(library, campaign_id) -> dict:
    return json.loads(library.get(campaign_id).definition)


def test_save_refuses_an_empty_or_taken_name_whatever_its_case(library):
    welcome = library.create("trigger", "Welcome")
    other = library.create("trigger")
    with pytest.raises(LibraryError, match="^Give the campaign a name.$"):
        library.save(other, "   ", runnable())
    with pytest.raises(LibraryError) as refused:
        library.save(other, " WELCOME ", runnable())
    assert str(refused.value) == "Another campaign is already called 'Welcome': choose another name."
    assert library.get(other).name == "New trigger campaign"

    library.save(welcome, "WELCOME", runnable())  # its own name, in other letters, is no clash
    assert library.get(welcome).name == "WELCOME"


def test_new_and_duplicated_campaigns_get_names_not_taken_yet(library):
    first = library.create("trigger")
    library.save(first, "New trigger campaign", Definition(flow=[{"step": WAIT_STEP, "seconds": 60}]))
    second = library.create("trigger")
    assert library.get(second).name == "New trigger campaign 2"
    copy = library.duplicate(first)
    assert (library.get(copy).name, library.get(copy).active) == ("New trigger campaign (copy)", False)
    assert stored_definition(library, copy)["flow"] == [{"step": WAIT_STEP, "seconds": 60}]


def test_an_active_campaign_cannot_be_saved_into_a_state_that_stops_it(library):
    live = library.create("trigger", "Live", runnable().to_json())
    library.set_active(live, True)
    broken = runnable()
    broken.flow = []
    with pytest.raises(LibraryError) as refused:
        library.save(live, "Live", broken)
    assert str(refused.value).startswith("Not saved: the campaign is active and these changes would stop it")
    assert refused.value.problems == ["Flow: the flow is empty; add at least one step."]
    assert stored_definition(library, live)["flow"] == [{"step": ADD_STEP, "campaign_id": "c-spring"}]

    library.set_active(live, False)  # deactivating needs no valid definition; then the edits may be saved
    library.save(live, "Live", broken)
    assert stored_definition(library, live)["flow"] == []


def test_activation_lists_what_stops_the_campaign(library):
    campaign = library.create("trigger", "Scores")
    definition = runnable()
    definition.flow.append({"step": CHANGE_STEP, "field": "score", "value": "lots"})
    library.save(campaign, "Scores", definition)
    with pytest.raises(LibraryError) as refused:
        library.set_active(campaign, True)
    assert refused.value.problems == ["Flow step 2: score must be a whole number, not 'lots'."]
    assert str(refused.value) == "Cannot activate 'Scores':\n• Flow step 2: score must be a whole number, not 'lots'."
    assert library.get(campaign).active is False

    definition.flow[1]["value"] = " 80 "
    library.save(campaign, "Scores", definition)
    library.set_active(campaign, True)
    assert library.get(campaign).active is True


def test_a_stored_definition_that_cannot_be_read_is_not_activated(library):
    campaign = library.create("trigger", "Hand-edited", "{not json")
    with pytest.raises(LibraryError) as refused:
        library.set_active(campaign, True)
    assert refused.value.problems[0].startswith("The stored definition cannot be read")
    assert library.get(campaign).active is False


def test_saving_keeps_the_stored_schedule_unless_it_was_edited(library):
    campaign = library.create("batch", "Digest")
    shown = Definition(flow=[{"step": ADD_STEP, "campaign_id": "c-spring"}], schedule={"at": 600, "repeat": "weekly"})
    library.save(campaign, "Digest", shown)
    moved_on = {"at": 600 + 7 * 86400, "repeat": "weekly"}  # what the scheduler writes after a run
    library.save(campaign, "Digest", Definition(flow=shown.flow, schedule=moved_on))

    library.save(campaign, "Weekly digest", shown, keep_schedule=True)  # a rename with the old time on screen
    assert stored_definition(library, campaign)["schedule"] == moved_on
    library.save(campaign, "Weekly digest", Definition(flow=shown.flow, schedule=None), keep_schedule=False)
    assert stored_definition(library, campaign)["schedule"] is None


def test_delete_takes_results_waits_and_qualifications_along(library):
    doomed, kept = library.create("trigger", "Doomed"), library.create("trigger", "Kept")
    with Session(library.db) as session:
        for campaign in (doomed, kept):
            session.add(AutomationResult(campaign_id=campaign, run_id="r", person_id=1, outcome="qualified", at=1.0))
            session.add(WaitingStep(campaign_id=campaign, person_id=1, run_id="r", next_step=1, due_at=2.0))
            session.add(Qualification(campaign_id=campaign, person_id=1, last_at=1.0, times=1))
        session.commit()

    library.delete(doomed)
    assert library.get(doomed) is None
    with Session(library.db) as session:
        for table in (AutomationResult, WaitingStep, Qualification):
            left = session.exec(select(table.campaign_id, func.count()).group_by(table.campaign_id)).all()
            assert left == [(kept, 1)], table.__name__
    assert len(library.results(kept)) == 1
    newcomer = library.create("trigger")  # may be given the deleted campaign's id: it starts with nothing
    assert library.results(newcomer) == []
