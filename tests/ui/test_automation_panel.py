"""The Automation tab on a real store: campaigns built through the widgets, validation, live counts, results."""

import csv
import json
import time

import pytest
from PySide6.QtCore import QDateTime, QPoint, Qt
from sqlmodel import Session, select

from campsync_gui.core.automation import ADD_STEP, CHANGE_STEP, WAIT_STEP, Definition
from campsync_gui.core.automation.batch import advance_schedule
from campsync_gui.core.automation.runner import step_request_id
from campsync_gui.core.connections import Connection
from campsync_gui.core.demo_content import LAUNCH_CAMPAIGN, WEBINAR_CAMPAIGN, seed_demo_automations
from campsync_gui.core.models import Activity, AutomationCampaign, AutomationResult, CampaignRecord, OutboxRow, Person
from campsync_gui.core.store import open_store
from campsync_gui.core.triggers import ADDED
from campsync_gui.core.workspace import Workspace
from campsync_gui.ui.widgets.automation_flow import split_seconds
from campsync_gui.ui.widgets.automation_panel import CANCEL, DISCARD, TAB_SCHEDULE, AutomationPanel
from campsync_gui.ui.widgets.automation_widgets import combo_item_enabled

LEFT = Qt.MouseButton.LeftButton
NOW = time.time()
PEOPLE = [  # id, first, last, email, country, score
    (1, "Ann", "Arbor", "ann@example.com", "France", 10),
    (2, "Bob", "Bell", "bob@example.com", "FRANCE ", 50),
    (3, "Chloé", "Roux", "chloe@example.com", "Germany", 80),
    (4, "Dan", "Diaz", "dan@example.com", "Spain", 20),
]
CAMPAIGNS = [("c-spring", "Spring Launch", 0), ("c-autumn", "Autumn Webinar", 0), ("c-old", "Old Promo", 1)]


@pytest.fixture
def store(tmp_path):
    engine = open_store(tmp_path / "store.db")
    with Session(engine) as session:
        for pid, first, last, email, country, score in PEOPLE:
            session.add(Person(id=pid, first_name=first, last_name=last, email=email, country=country, score=score,
                               dynamics_type="lead", created_at=NOW - 86400))
        for cid, name, state in CAMPAIGNS:
            session.add(CampaignRecord(id=cid, name=name, statecode=state))
        session.flush()
        for pid, times in ((1, 3), (3, 1)):
            for n in range(times):
                session.add(Activity(person_id=pid, type="visited_web_page", detail="/pricing", at=NOW - 3600 * n))
        session.commit()
    yield engine
    engine.dispose()


@pytest.fixture
def panel(qtbot, store):
    widget = AutomationPanel(Workspace(store, connection=Connection(name="test")))  # it never talks to the org
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def menu_action(button, data):
    return next(a for a in button.menu().actions() if a.data() == data)


def stored(store, campaign_id):
    with Session(store) as session:
        return session.get(AutomationCampaign, campaign_id)


def set_combo(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def rename(qtbot, panel, name):
    panel.name_edit.selectAll()
    qtbot.keyClicks(panel.name_edit, name)


def test_trigger_campaign_built_through_the_widgets(qtbot, panel, store):
    changes = []
    panel.changed.connect(lambda: changes.append(1))
    qtbot.mouseClick(panel.new_trigger_button, LEFT)
    campaign_id = panel.current_id
    assert campaign_id is not None and panel.list_model.rowCount() == 1
    rename(qtbot, panel, "Welcome France")
    assert panel.is_dirty()

    editor = panel.smart_list_editor
    menu_action(editor.add_trigger_button, ADDED).trigger()
    trigger = editor.trigger_rows[0]
    assert not trigger.campaigns.isHidden() and trigger.field_combo.isHidden()
    picks = {a.data(): a for a in trigger.campaigns.campaign_actions()}
    assert not picks["c-old"].isEnabled()  # inactive campaigns cannot be picked for a trigger
    picks["c-spring"].trigger()
    assert trigger.campaigns.selected() == ["c-spring"]
    assert "Spring Launch" in trigger.campaigns.text()

    menu_action(editor.add_filter_button, "field").trigger()
    flt = editor.filter_rows[0]
    assert flt.number_label.text() == "1."
    set_combo(flt.field_combo, "country")
    set_combo(flt.op_combo, "equals")
    qtbot.keyClicks(flt.value_edit, "France")
    assert editor.count_timer.isActive()  # debounced: counted once typing pauses
    qtbot.waitUntil(lambda: editor.count_label.text() == "2 people qualify", timeout=3000)
    assert editor.count_label.property("role") == "ok"

    menu_action(panel.flow_editor.add_step_button, ADD_STEP).trigger()
    step = panel.flow_editor.rows[0]
    old = step.campaign_combo.findData("c-old")
    assert old >= 0 and not combo_item_enabled(step.campaign_combo, old)  # listed greyed, not selectable
    assert step.campaign_combo.itemText(old) == "Old Promo (inactive)"
    set_combo(step.campaign_combo, "c-autumn")

    panel.tabs.setCurrentIndex(TAB_SCHEDULE)
    radio = panel.schedule_editor.every_time_radio
    qtbot.mouseClick(radio, LEFT, pos=QPoint(8, radio.height() // 2))  # on the indicator, not past the text
    assert panel.schedule_editor.every_time_radio.isChecked()
    qtbot.mouseClick(panel.save_button, LEFT)
    assert not panel.is_dirty() and "Saved" in panel.message()
    qtbot.mouseClick(panel.activate_button, LEFT)

    row = stored(store, campaign_id)
    assert (row.name, row.kind, row.active) == ("Welcome France", "trigger", True)
    assert json.loads(row.definition) == {
        "smart_list": {"filters": [{"kind": "field", "field": "country", "op": "equals", "value": "France"}],
                       "logic": "all"},
        "triggers": [{"type": ADDED, "campaign_ids": ["c-spring"]}],
        "flow": [{"step": ADD_STEP, "campaign_id": "c-autumn"}],
        "qualification": {"rule": "every_time"},
        "schedule": None,
    }
    assert panel.activate_button.text() == "Deactivate"
    assert panel.list_model.index(0, 2).data() == "Active"
    assert panel.list_model.index(0, 1).data() == "Trigger"
    assert len(changes) >= 3  # new, save, activate

    qtbot.mouseClick(panel.activate_button, LEFT)
    assert stored(store, campaign_id).active is False


def test_activation_refused_for_an_empty_flow_and_an_inactive_target(qtbot, panel, store):
    panel.new_campaign("trigger")
    campaign_id = panel.current_id
    menu_action(panel.smart_list_editor.add_trigger_button, "person_created").trigger()
    qtbot.mouseClick(panel.activate_button, LEFT)
    assert "Flow: the flow is empty; add at least one step." in panel.message()
    assert panel.message_label.property("role") == "error"
    assert stored(store, campaign_id).active is False
    assert panel.activate_button.text() == "Activate"

    menu_action(panel.flow_editor.add_step_button, ADD_STEP).trigger()
    qtbot.mouseClick(panel.activate_button, LEFT)
    assert "Flow step 1: choose a Microsoft campaign" in panel.message()

    set_combo(panel.flow_editor.rows[0].campaign_combo, "c-spring")
    with Session(store) as session:  # the campaign is deactivated in Dynamics meanwhile
        session.get(CampaignRecord, "c-spring").statecode = 1
        session.commit()
    panel.reload()  # unsaved edits survive a reload
    combo = panel.flow_editor.rows[0].campaign_combo
    assert combo.currentData() == "c-spring" and combo.currentText() == "Spring Launch (inactive)"
    qtbot.mouseClick(panel.activate_button, LEFT)
    assert "Flow step 1: campaign 'Spring Launch' is inactive in Dynamics." in panel.message()
    assert stored(store, campaign_id).active is False
    # Not even saved (an inactive target is refused at save too): the edit stays on screen to be fixed.
    assert panel.is_dirty()
    assert json.loads(stored(store, campaign_id).definition)["flow"] == [{"step": ADD_STEP, "campaign_id": None}]


def test_advanced_logic_errors_show_instead_of_a_count(qtbot, panel):
    panel.new_campaign("batch")
    editor = panel.smart_list_editor
    assert editor.triggers_box.isHidden()  # batch campaigns have filters only
    for country in ("France", "Spain"):
        row = editor.add_filter({"kind": "field", "field": "country", "op": "equals", "value": country})
    assert row.number_label.text() == "2."
    set_combo(editor.logic_combo, "advanced")
    assert editor.logic_edit.isEnabled() and editor.logic_edit.text() == "1 and 2"
    editor.logic_edit.setText("1 and (2")
    qtbot.waitUntil(lambda: "unbalanced parentheses" in editor.count_label.text(), timeout=3000)
    assert "qualify" not in editor.count_label.text()
    assert editor.count_label.property("role") == "error"

    editor.logic_edit.setText("1 or 3")
    qtbot.waitUntil(lambda: "filter 3 does not exist" in editor.count_label.text(), timeout=3000)
    editor.logic_edit.setText("1 or 2")
    qtbot.waitUntil(lambda: editor.count_label.text() == "3 people qualify", timeout=3000)
    assert editor.count_label.property("role") == "ok"
    assert panel.current_definition().smart_list["logic"] == "1 or 2"

    # an invalid filter: its number turns red and the message names it
    editor.add_filter({"kind": "field", "field": "score", "op": "greater_than", "value": "lots"})
    qtbot.waitUntil(lambda: editor.last_error is not None, timeout=3000)
    assert editor.count_label.text().startswith("Filter 3:") and "must be a number" in editor.count_label.text()
    assert editor.filter_rows[2].number_label.property("role") == "error"


def test_activity_and_membership_filters_count_and_round_trip(qtbot, panel, store):
    definition = {
        "smart_list": {"filters": [
            {"kind": "activity", "has": True, "type": "visited_web_page", "detail_contains": "pricing",
             "within_days": 7, "min_times": 2},
            {"kind": "membership", "member": False, "campaign_ids": ["c-spring", "c-gone"]},
            {"kind": "field", "field": "type", "op": "equals", "value": "lead"},
            {"kind": "field", "field": "score", "op": "in_list", "value": [10, 20]},
            {"kind": "field", "field": "email", "op": "is_not_empty"}],
            "logic": "1 and 2 and (3 or not 4) and 5"},
        "triggers": [{"type": "data_value_changes", "field": "score", "new_value": "80"},
                     {"type": "activity_logged", "activity_type": "visited_web_page"}],
        "flow": [{"step": CHANGE_STEP, "field": "score", "value": "90"}, {"step": WAIT_STEP, "seconds": 5400}],
        "qualification": {"rule": "every_n_days", "days": 3},
        "schedule": None,
    }
    with Session(store) as session:
        session.add(AutomationCampaign(id=7, name="Hot leads", kind="trigger", definition=json.dumps(definition)))
        session.commit()
    panel.reload()
    assert panel.current_id == 7
    assert json.loads(panel.current_definition().to_json()) == definition
    assert not panel.is_dirty()
    editor = panel.smart_list_editor
    qtbot.waitUntil(lambda: editor.count_label.text() == "1 person qualifies", timeout=3000)  # Ann only
    assert panel.flow_editor.rows[1].unit_combo.currentData() == "minutes"
    assert panel.schedule_editor.every_n_radio.isChecked() and panel.schedule_editor.days_spin.value() == 3
    membership = editor.filter_rows[1]
    assert membership.campaigns.selected() == ["c-spring", "c-gone"]
    assert "(not in the org) c-gone" in [a.text() for a in membership.campaigns.campaign_actions()]

    # the activity filter's own editors
    activity = editor.filter_rows[0]
    activity.times_spin.setValue(1)
    activity.within_spin.setValue(0)
    assert activity.filter() == {"kind": "activity", "has": True, "type": "visited_web_page",
                                 "detail_contains": "pricing"}
    assert panel.is_dirty()


def test_wait_step_stores_seconds_and_steps_reorder(qtbot, panel, store):
    panel.new_campaign("trigger")
    campaign_id = panel.current_id
    flow = panel.flow_editor
    menu_action(flow.add_step_button, WAIT_STEP).trigger()
    wait = flow.rows[0]
    wait.amount_spin.setValue(2)
    set_combo(wait.unit_combo, "days")
    menu_action(flow.add_step_button, CHANGE_STEP).trigger()
    change = flow.rows[1]
    set_combo(change.field_combo, "country")
    qtbot.keyClicks(change.value_edit, "France")
    qtbot.mouseClick(change.up_button, LEFT)
    assert [row.name for row in flow.rows] == [CHANGE_STEP, WAIT_STEP]
    assert not flow.rows[0].up_button.isEnabled() and not flow.rows[1].down_button.isEnabled()
    qtbot.mouseClick(panel.save_button, LEFT)
    assert json.loads(stored(store, campaign_id).definition)["flow"] == [
        {"step": CHANGE_STEP, "field": "country", "value": "France"}, {"step": WAIT_STEP, "seconds": 172800}]

    panel.reload()
    assert (flow.rows[1].amount_spin.value(), flow.rows[1].unit_combo.currentData()) == (2, "days")
    qtbot.mouseClick(flow.rows[0].remove_button, LEFT)
    assert panel.current_definition().flow == [{"step": WAIT_STEP, "seconds": 172800}]
    assert split_seconds(3600) == (1, "hours") and split_seconds(90) == (2, "minutes")


def test_results_newest_first_and_export_neutralises_formulas(qtbot, panel, store, tmp_path):
    with Session(store) as session:
        session.add(AutomationCampaign(id=3, name="Nurture", kind="batch", definition="{}"))
        session.add(AutomationCampaign(id=4, name="Other", kind="batch", definition="{}"))
        rows = [(1, -1, "", "qualified", "Added to Microsoft Campaign", NOW - 300),
                (1, 0, ADD_STEP, "enqueued", "will be added", NOW - 200),
                (3, 0, ADD_STEP, "failed", "=cmd|' /C calc'!A0", NOW - 100)]
        for person, index, step, outcome, detail, at in rows:
            session.add(AutomationResult(campaign_id=3, run_id="r1", person_id=person, step_index=index, step=step,
                                         outcome=outcome, detail=detail, at=at))
        session.add(AutomationResult(campaign_id=4, run_id="r2", person_id=2, outcome="qualified", at=NOW))
        session.commit()
    panel.reload()
    assert panel.select(3)
    model = panel.results_view.model
    assert model.rowCount() == 3
    assert [model.index(r, 1).data() for r in range(3)] == ["chloe@example.com", "ann@example.com",
                                                            "ann@example.com"]
    assert model.index(0, 2).data() == "1. Add to Microsoft Campaign"
    assert model.index(2, 2).data() == "Qualification"
    assert model.index(0, 3).data() == "failed"

    with Session(store) as session:
        session.add(AutomationResult(campaign_id=3, run_id="r3", person_id=4, outcome="skipped", detail="+1", at=NOW,
                                     actor="ada@contoso.com"))
        session.commit()
    qtbot.mouseClick(panel.results_view.refresh_button, LEFT)
    assert model.rowCount() == 4 and model.index(0, 1).data() == "dan@example.com"
    assert [model.index(r, 5).data() for r in range(4)] == ["ada@contoso.com", "", "", ""]  # By; older: nobody

    path = tmp_path / "results.csv"
    assert panel.export_results(str(path)) == 4
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert lines[0] == ["Time", "Person", "Step", "Outcome", "Detail", "By"]
    assert lines[1][1:] == ["dan@example.com", "Qualification", "skipped", "'+1", "ada@contoso.com"]
    assert lines[2][4] == "'=cmd|' /C calc'!A0"
    assert lines[4][4] == "Added to Microsoft Campaign"


def test_batch_run_now_and_schedule(qtbot, panel, store):
    qtbot.mouseClick(panel.new_batch_button, LEFT)
    campaign_id = panel.current_id
    schedule = panel.schedule_editor
    panel.tabs.setCurrentIndex(TAB_SCHEDULE)
    assert schedule.qualification_box.isHidden() and not schedule.batch_box.isHidden()

    emitted = []
    panel.run_now_requested.connect(emitted.append)
    qtbot.mouseClick(schedule.run_now_button, LEFT)
    assert emitted == [] and "Flow: the flow is empty" in panel.message()

    menu_action(panel.flow_editor.add_step_button, ADD_STEP).trigger()
    set_combo(panel.flow_editor.rows[0].campaign_combo, "c-spring")
    set_combo(schedule.repeat_combo, "weekly")
    at = int(NOW) + 86400
    schedule.at_edit.setDateTime(QDateTime.fromSecsSinceEpoch(at))
    with qtbot.waitSignal(panel.run_now_requested, timeout=1000) as blocker:
        qtbot.mouseClick(schedule.run_now_button, LEFT)
    assert blocker.args == [campaign_id]
    definition = json.loads(stored(store, campaign_id).definition)  # Run now saved the edits first
    assert definition["schedule"] == {"at": at - at % 60, "repeat": "weekly"}
    assert definition["triggers"] == [] and definition["flow"] == [{"step": ADD_STEP, "campaign_id": "c-spring"}]
    assert "every" in schedule.schedule_hint.text().lower()

    # the scheduler runs it and moves "at" on; saving a rename must not write the old time back
    advance_schedule(store, stored(store, campaign_id), now=at + 1)
    rename(qtbot, panel, "Weekly digest")
    qtbot.mouseClick(panel.save_button, LEFT)
    row = stored(store, campaign_id)
    assert row.name == "Weekly digest"
    assert json.loads(row.definition)["schedule"] == {"at": at - at % 60 + 7 * 86400, "repeat": "weekly"}
    assert panel.current_definition().schedule == json.loads(row.definition)["schedule"]

    set_combo(schedule.repeat_combo, "none")
    assert panel.current_definition().schedule is None
    qtbot.mouseClick(panel.save_button, LEFT)
    assert json.loads(stored(store, campaign_id).definition)["schedule"] is None


def test_names_duplicate_delete_and_the_unsaved_guard(qtbot, panel, store, monkeypatch):
    first = panel.new_campaign("trigger")
    second = panel.new_campaign("trigger")
    assert stored(store, second).name == "New trigger campaign 2"

    panel.name_edit.clear()
    qtbot.mouseClick(panel.save_button, LEFT)
    assert panel.message() == "Give the campaign a name."
    rename(qtbot, panel, "new TRIGGER campaign")
    qtbot.mouseClick(panel.save_button, LEFT)
    assert "already called 'New trigger campaign'" in panel.message()
    assert stored(store, second).name == "New trigger campaign 2"

    answers = [CANCEL]
    monkeypatch.setattr(panel, "ask_unsaved", lambda name: answers.pop(0))
    assert not panel.select(first) and panel.current_id == second and panel.is_dirty()
    answers.append(DISCARD)
    assert panel.select(first) and not panel.is_dirty()

    menu_action(panel.flow_editor.add_step_button, WAIT_STEP).trigger()
    qtbot.mouseClick(panel.save_button, LEFT)
    copy = panel.duplicate()
    assert panel.current_id == copy
    row = stored(store, copy)
    assert (row.name, row.active) == ("New trigger campaign (copy)", False)
    assert json.loads(row.definition)["flow"] == [{"step": WAIT_STEP, "seconds": 86400}]

    monkeypatch.setattr(panel, "confirm", lambda title, text: False)
    qtbot.mouseClick(panel.delete_button, LEFT)
    assert stored(store, copy) is not None
    monkeypatch.setattr(panel, "confirm", lambda title, text: True)
    qtbot.mouseClick(panel.delete_button, LEFT)
    assert stored(store, copy) is None and panel.list_model.rowCount() == 2
    assert panel.current_id in (first, second)


def test_saving_an_active_campaign_with_problems_is_refused(qtbot, panel, store):
    definition = Definition(triggers=[{"type": "person_created"}], flow=[{"step": WAIT_STEP, "seconds": 60}])
    with Session(store) as session:
        session.add(AutomationCampaign(id=1, name="Live", kind="trigger", active=True,
                                       definition=definition.to_json()))
        session.commit()
    panel.reload()
    qtbot.mouseClick(panel.flow_editor.rows[0].remove_button, LEFT)
    qtbot.mouseClick(panel.save_button, LEFT)
    assert "Not saved" in panel.message() and "the flow is empty" in panel.message()
    assert json.loads(stored(store, 1).definition)["flow"] == [{"step": WAIT_STEP, "seconds": 60}]
    qtbot.mouseClick(panel.activate_button, LEFT)  # deactivating does not need a valid definition
    assert stored(store, 1).active is False
    qtbot.mouseClick(panel.save_button, LEFT)
    assert json.loads(stored(store, 1).definition)["flow"] == []


def test_empty_store_shows_a_hint(qtbot, panel):
    assert panel.current_id is None and panel.editor.isHidden() and not panel.empty_hint.isHidden()
    assert not panel.delete_button.isEnabled() and not panel.save_button.isEnabled()


def test_results_show_what_dynamics_answered_after_refresh(qtbot, panel, store):
    """A step reads "enqueued" only until Dynamics answers the flow action it queued (issue 11, item 9)."""
    request = step_request_id("r9", 0)
    with Session(store) as session:
        session.add(AutomationCampaign(id=5, name="France batch", kind="batch", definition="{}"))
        for pid in (1, 2):
            session.add(AutomationResult(campaign_id=5, run_id="r9", person_id=pid, step_index=0, step=ADD_STEP,
                                         outcome="enqueued", detail="will add", at=NOW - pid))
            session.add(OutboxRow(action="add", campaign_id="c-spring", person_id=pid, request_id=request,
                                  idempotency_key=f"add:c-spring:{pid}:{request}", origin="batch campaign: x",
                                  **({"state": "done", "outcome": "added", "reason": "confirmed by Dynamics"}
                                     if pid == 1 else {})))
        session.commit()
    panel.reload()
    assert panel.select(5)
    model = panel.results_view.model

    def shown():  # person → (Outcome, Detail), as the table shows them
        return {model.index(r, 1).data(): (model.index(r, 3).data(), model.index(r, 4).data())
                for r in range(model.rowCount())}
    assert shown() == {"ann@example.com": ("added", "confirmed by Dynamics"),
                       "bob@example.com": ("enqueued", "will add")}

    with Session(store) as session:  # Dynamics refused Bob meanwhile
        row = session.exec(select(OutboxRow).where(OutboxRow.person_id == 2)).one()
        row.state, row.outcome, row.reason = "failed", "failed", "Principal user is missing prvAppendToList"
        session.add(row)
        session.commit()
    qtbot.mouseClick(panel.results_view.refresh_button, LEFT)
    assert shown()["bob@example.com"] == ("failed", "Principal user is missing prvAppendToList")


def test_saving_a_step_on_a_campaign_deactivated_in_dynamics_is_refused_and_says_which(qtbot, panel, store):
    panel.new_campaign("batch")
    campaign_id = panel.current_id
    menu_action(panel.flow_editor.add_step_button, ADD_STEP).trigger()
    set_combo(panel.flow_editor.rows[0].campaign_combo, "c-spring")
    assert panel.save()
    with Session(store) as session:  # deactivated in Dynamics, read by the next refresh
        session.get(CampaignRecord, "c-spring").statecode = 1
        session.commit()
    panel.reload()
    rename(qtbot, panel, "Spring push")
    qtbot.mouseClick(panel.save_button, LEFT)
    assert "Flow step 1: campaign 'Spring Launch' is inactive in Dynamics." in panel.message()
    assert panel.message_label.property("role") == "error" and panel.is_dirty()
    assert stored(store, campaign_id).name == "New batch campaign"
    set_combo(panel.flow_editor.rows[0].campaign_combo, "c-autumn")  # what the message asks for
    qtbot.mouseClick(panel.save_button, LEFT)
    assert stored(store, campaign_id).name == "Spring push" and not panel.is_dirty()


def test_the_demo_orgs_automation_tab_shows_the_inactive_examples_with_their_description(qtbot, panel, store):
    with Session(store) as session:
        session.add(CampaignRecord(id="c-webinar", name=WEBINAR_CAMPAIGN, statecode=0))
        session.add(CampaignRecord(id="c-launch", name=LAUNCH_CAMPAIGN, statecode=0))
        session.commit()
    seed_demo_automations(Workspace(store, connection=Connection(name="Built-in sandbox", environment="sandbox")))
    panel.reload()
    names = [panel.list_model.index(r, 0).data() for r in range(panel.list_model.rowCount())]
    assert names == ["Example — Canada push", "Example — welcome webinar attendees"]
    assert [panel.list_model.index(r, 2).data() for r in range(2)] == ["Inactive", "Inactive"]
    assert panel.empty_hint.isHidden()
    assert panel.current_campaign().name == "Example — Canada push"
    assert panel.editor.description_edit.text().startswith("Example batch campaign")

    panel.editor.description_edit.setText("Canada, for the webinars")  # a description is edited and saved
    assert panel.is_dirty()
    qtbot.mouseClick(panel.save_button, LEFT)
    assert Definition.from_json(stored(store, panel.current_id).definition).description == "Canada, for the webinars"


def test_a_wait_older_versions_stored_as_infinity_opens_and_no_wait_goes_past_a_year(qtbot):
    from campsync_gui.ui.widgets.automation_flow import StepRow

    for seconds in (float("inf"), float("nan"), 1e300, -5):
        row = StepRow({"step": WAIT_STEP, "seconds": seconds}, [])  # raised OverflowError for Infinity before
        qtbot.addWidget(row)
        assert 1 <= row.amount_spin.value() <= 365
    row = StepRow({"step": WAIT_STEP, "seconds": 86400}, [])
    qtbot.addWidget(row)
    row.amount_spin.setValue(100000)
    assert (row.amount_spin.value(), row.unit_combo.currentData()) == (365, "days")
    row.unit_combo.setCurrentIndex(row.unit_combo.findData("hours"))
    row.amount_spin.setValue(100000)
    assert row.amount_spin.value() == 365 * 24


def test_a_store_that_stops_answering_is_said_under_the_filters_and_counted_again(qtbot, panel, monkeypatch, caplog):
    """A team's PostgreSQL restarting while a smart list is open: the count says the store is not answering, in a
    sentence and without a traceback in the terminal (the team drill found one), and counts again once it answers."""
    from sqlalchemy.exc import OperationalError

    from campsync_gui.ui.widgets import automation_smartlist
    monkeypatch.setattr(automation_smartlist, "OUTAGE_RETRY_MS", 100)
    panel.new_campaign("batch")
    editor = panel.smart_list_editor
    editor.add_filter({"kind": "field", "field": "country", "op": "equals", "value": "France"})
    qtbot.waitUntil(lambda: editor.count_label.text() == "2 people qualify", timeout=3000)

    count_qualifying = editor.library.count_qualifying
    refused = []

    def restarting(smart_list):
        if not refused:
            refused.append(True)
            raise OperationalError("SELECT count(*) …", {}, Exception("FATAL:  the database system is shutting down"))
        return count_qualifying(smart_list)
    monkeypatch.setattr(editor.library, "count_qualifying", restarting)
    editor.refresh_count()
    assert editor.count_label.text() == ("Cannot count now: the store is not answering (FATAL:  the database system "
                                         "is shutting down). Trying again…")
    assert not [r for r in caplog.records if r.exc_info], "no traceback for an outage"
    qtbot.waitUntil(lambda: editor.count_label.text() == "2 people qualify", timeout=3000)
