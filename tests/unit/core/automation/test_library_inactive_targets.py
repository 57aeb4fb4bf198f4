"""A flow step may not point at a campaign that is inactive in Dynamics, even in a campaign not yet active: the
library refuses to save it and says which step (core/automation/library.py `save`). Descriptions travel with the
definition (the demo's examples say what they are)."""

import json

import pytest
from sqlmodel import Session

from campsync_gui.core.automation import ADD_STEP, REMOVE_STEP, WAIT_STEP, Definition
from campsync_gui.core.automation.library import AutomationLibrary, LibraryError
from campsync_gui.core.models import CampaignRecord
from campsync_gui.core.store import open_store


@pytest.fixture
def library(tmp_path):
    engine = open_store(tmp_path / "store.db")
    with Session(engine) as session:
        session.add(CampaignRecord(id="c-spring", name="Spring Launch", statecode=0))
        session.add(CampaignRecord(id="c-holiday", name="Holiday Promo 2024", statecode=1, statuscode=6))
        session.commit()
    yield AutomationLibrary(engine, clock=lambda: 1_000.0)
    engine.dispose()


def flow_of(library, campaign_id):
    return json.loads(library.get(campaign_id).definition)["flow"]


@pytest.mark.parametrize("step", [ADD_STEP, REMOVE_STEP])
def test_saving_a_step_on_an_inactive_campaign_is_refused_with_the_step_named(library, step):
    draft = library.create("batch", "Draft")  # inactive: an unfinished flow may be saved, an inactive target not
    definition = Definition(flow=[{"step": WAIT_STEP, "seconds": 60},
                                  {"step": step, "campaign_id": "c-holiday"}])
    with pytest.raises(LibraryError) as refused:
        library.save(draft, "Draft", definition)
    assert refused.value.problems == ["Flow step 2: campaign 'Holiday Promo 2024' is inactive in Dynamics."]
    assert str(refused.value).startswith("Not saved: people cannot be added to or removed from an inactive campaign")
    assert flow_of(library, draft) == []

    definition.flow[1]["campaign_id"] = "c-spring"  # what the message asks for
    library.save(draft, "Draft", definition)
    assert flow_of(library, draft)[1] == {"step": step, "campaign_id": "c-spring"}


def test_a_description_is_saved_exported_and_imported_with_the_definition(library, tmp_path):
    campaign = library.create("batch", "Canada push")
    library.save(campaign, "Canada push", Definition(flow=[{"step": ADD_STEP, "campaign_id": "c-spring"}],
                                                     description="Example: duplicate, edit or delete it."))
    assert Definition.from_json(library.get(campaign).definition).description == \
        "Example: duplicate, edit or delete it."
    path = tmp_path / "automation.json"
    library.export(path)
    library.delete(campaign)
    library.import_(path)
    again = library.named("Canada push")
    assert Definition.from_json(again.definition).description == "Example: duplicate, edit or delete it."
