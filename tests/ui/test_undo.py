"""Undo and redo in the real window on the sandbox org (issue 11 items 13 and 14): previewed like a drop, Esc changes
nothing, redo follows undo only, the chain of a trigger campaign is offered, and preview rows come in order."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from sqlmodel import Session

from campsync_gui.core import flows
from campsync_gui.core.applists import app_list_name
from campsync_gui.core.automation import ADD_STEP, Definition
from campsync_gui.core.models import AutomationCampaign, Person
from campsync_gui.core.store import open_store
from campsync_gui.core.triggers import ADDED
from campsync_gui.core.workspace import Workspace
from campsync_gui.paths import AppPaths
from campsync_gui.ui.main_window import MainWindow
from campsync_gui.ui.models.campaigns import COL_NAME
from campsync_gui.ui.models.plan import COL_OUTCOME, COL_PERSON, COL_WHY, PlanItemsModel
from campsync_gui.ui.session import AppSession
from campsync_gui.ui.widgets.preview_dialog import PreviewDialog
from support import connection_for
from test_main_window import wait_until


@pytest.fixture
def win(org, qtbot, qloop, tmp_path):
    paths = AppPaths(tmp_path / "home").ensure()
    session = AppSession(Workspace(open_store(paths.db_file), connection=connection_for(org)), paths)
    window = MainWindow(session)
    qtbot.addWidget(window)
    qloop.run_until_complete(window.refresh(people=True))
    yield window
    qloop.run_until_complete(session.close())


def campaigns(org, n=2):
    return sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                  key=lambda r: r["name"])[:n]


def leads(win, n, offset=0):
    model = win.people_panel.model
    ids = [pid for pid in model.matching_person_ids() if model.person_at(model.row_for_person(pid)).type == "lead"]
    return ids[offset:offset + n]


def members(org, campaign_id):
    try:
        return org.state.members_of(org.state.find_list(app_list_name("CampSync", "lead", campaign_id))["listid"])
    except KeyError:
        return set()


def preview_of(win, qloop) -> PreviewDialog:
    wait_until(qloop, lambda: win.controller.preview is not None)
    return win.controller.preview


def settle(win, qloop):
    wait_until(qloop, lambda: win.controller.is_idle() and not win.workspace.pending_count())


def drop(win, qloop, campaign_id, person_ids):
    panel = win.campaigns_panel.campaigns
    mime = win.people_panel.model.mimeData([win.people_panel.model.index(win.people_panel.model.row_for_person(p), 0)
                                            for p in person_ids])
    panel.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, panel.index(panel.row_of(campaign_id), COL_NAME))
    preview_of(win, qloop).accept()
    settle(win, qloop)


def label(action) -> str:
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def test_undo_shows_a_preview_and_esc_changes_nothing(org, win, qloop, qtbot):
    campaign = campaigns(org)[0]
    people = leads(win, 3)
    drop(win, qloop, campaign["campaignid"], people)
    assert label(win.undo_action) == f"Undo add of 3 people to {campaign['name']}" and win.undo_action.isEnabled()
    requests_before = len(org.request_log)

    win.undo_action.trigger()
    preview = preview_of(win, qloop)
    assert preview.undo is not None and preview.plan.counts()[flows.WILL_REMOVE] == 3
    assert preview.confirm_button.text() == "Remove 3 people"
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    wait_until(qloop, lambda: win.controller.preview is None and win.controller.is_idle())
    assert "Cancelled" in win.statusBar().currentMessage()
    assert len(members(org, campaign["campaignid"])) == 3 and win.workspace.pending_count() == 0
    assert [r for r in org.request_log[requests_before:] if r.method == "POST"] == [], "nothing sent to the org"
    assert label(win.undo_action) == f"Undo add of 3 people to {campaign['name']}", "still there to undo"
    assert not win.controller.redo_action.isEnabled()


def test_redo_after_undo_adds_them_back_with_a_preview(org, win, qloop, qtbot):
    campaign = campaigns(org)[0]
    people = leads(win, 3)
    drop(win, qloop, campaign["campaignid"], people)
    expected = members(org, campaign["campaignid"])
    redo = win.controller.redo_action
    assert {QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")} <= set(redo.shortcuts())
    assert redo in win.undo_action.associatedObjects()[0].actions(), "in the Edit menu beside Undo"

    win.undo_action.trigger()
    qtbot.keyClick(preview_of(win, qloop), Qt.Key.Key_Return)  # Enter confirms
    settle(win, qloop)
    assert members(org, campaign["campaignid"]) == set()
    assert redo.isEnabled() and label(redo) == f"Redo add of 3 people to {campaign['name']}"
    assert not win.undo_action.isEnabled(), "nothing older to undo"

    redo.trigger()
    preview = preview_of(win, qloop)
    assert preview.plan.action == flows.ADD and preview.plan.counts()[flows.WILL_ADD] == 3
    preview.accept()
    settle(win, qloop)
    assert members(org, campaign["campaignid"]) == expected
    assert not redo.isEnabled() and label(win.undo_action) == f"Undo add of 3 people to {campaign['name']}"


def test_a_new_flow_action_clears_redo(org, win, qloop):
    first, second = campaigns(org)
    drop(win, qloop, first["campaignid"], leads(win, 2))
    win.undo_action.trigger()
    preview_of(win, qloop).accept()
    settle(win, qloop)
    assert win.controller.redo_action.isEnabled()
    drop(win, qloop, second["campaignid"], leads(win, 1, offset=4))
    assert not win.controller.redo_action.isEnabled()
    qloop.run_until_complete(win.controller.redo())
    assert win.statusBar().currentMessage() == "Nothing to redo." and win.controller.preview is None
    assert members(org, first["campaignid"]) == set()


def test_undo_of_a_drop_with_a_trigger_chain_offers_it_and_removes_the_chained_membership(org, win, qloop):
    x, y = campaigns(org)
    definition = Definition(triggers=[{"type": ADDED, "campaign_ids": [x["campaignid"]]}],
                            flow=[{"step": ADD_STEP, "campaign_id": y["campaignid"]}], qualification={"rule": "once"})
    with Session(win.workspace.db) as s:
        s.add(AutomationCampaign(name="Webinar follow-up", kind="trigger", active=True,
                                 definition=definition.to_json()))
        s.commit()
    people = leads(win, 2)
    drop(win, qloop, x["campaignid"], people)
    assert len(members(org, y["campaignid"])) == 2, "the trigger campaign added them to the second campaign"

    win.undo_action.trigger()
    preview = preview_of(win, qloop)
    assert preview.chain_box is not None and preview.chain_box.isChecked()
    assert f"Trigger campaign 'Webinar follow-up' also added 2 of them to {y['name']}" in preview.chain_lines.text()
    assert preview.model.rowCount() == 4 and preview.confirm_button.text() == "Remove 2 people + 2 chained changes"
    whys = {preview.model.index(r, COL_WHY).data() for r in range(4)}
    assert any(w.startswith(f"{y['name']}: ") for w in whys), "the chained rows say which campaign"
    preview.chain_box.setChecked(False)
    assert preview.model.rowCount() == 2 and preview.confirm_button.text() == "Remove 2 people"
    preview.chain_box.setChecked(True)
    preview.accept()
    settle(win, qloop)
    assert members(org, x["campaignid"]) == set() and members(org, y["campaignid"]) == set()


def test_preview_rows_come_blocked_first_then_changes_then_skipped_each_by_name():
    people = {name: Person(id=i, first_name=name, last_name="", email=f"{name.lower()}@example.org",
                           dynamics_type="lead", dynamics_id=f"00000000-0000-0000-0000-{i:012d}")
              for i, name in enumerate(["Zoé", "adam", "Élodie", "Bruno", "Chloé", "Yann"], start=1)}
    items = [flows.PlanItem(people["Zoé"], flows.WILL_ADD, "add as lead"),
             flows.PlanItem(people["Yann"], flows.SKIP, "already a member (added by CampSync)"),
             flows.PlanItem(people["adam"], flows.WILL_ADD, "add as lead"),
             flows.PlanItem(people["Bruno"], flows.BLOCKED, "no email address"),
             flows.PlanItem(people["Élodie"], flows.WILL_CREATE_AND_ADD, "not in Dynamics yet"),
             flows.PlanItem(people["Chloé"], flows.SKIP, "already a member (added by CampSync)")]
    plan = flows.Plan(flows.ADD, "c", "Spring Webinar", items)
    model = PlanItemsModel(plan)
    shown = [(model.index(r, COL_OUTCOME).data(), model.index(r, COL_PERSON).data()) for r in range(model.rowCount())]
    assert shown == [("blocked", "Bruno"), ("will add", "adam"), ("will add", "Zoé"),
                     ("will create in Dynamics, then add", "Élodie"), ("skip", "Chloé"), ("skip", "Yann")]


def test_the_real_preview_of_a_drop_is_sorted(org, win, qloop):
    campaign = campaigns(org)[0]
    already = leads(win, 2)
    drop(win, qloop, campaign["campaignid"], already)
    model = win.people_panel.model
    more = leads(win, 4, offset=2)
    everyone = already + more
    panel = win.campaigns_panel.campaigns
    mime = model.mimeData([model.index(model.row_for_person(p), 0) for p in everyone])
    panel.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, panel.index(panel.row_of(campaign["campaignid"]),
                                                                            COL_NAME))
    preview = preview_of(win, qloop)
    rows = [(preview.model.index(r, COL_OUTCOME).data(), preview.model.index(r, COL_PERSON).data().casefold())
            for r in range(preview.model.rowCount())]
    assert [r[0] for r in rows] == ["will add"] * 4 + ["skip"] * 2
    assert rows[:4] == sorted(rows[:4]) and rows[4:] == sorted(rows[4:])
    preview.reject()
    wait_until(qloop, lambda: win.controller.preview is None)


def test_campaign_names_with_an_ampersand_stay_readable_in_the_menu(org, win, qloop):
    campaign = campaigns(org)[0]
    org.state.update("campaigns", campaign["campaignid"], {"name": "Sales & Marketing"})
    qloop.run_until_complete(win.workspace.refresh_campaigns())
    drop(win, qloop, campaign["campaignid"], leads(win, 1))
    assert win.undo_action.text() == "&Undo add of 1 person to Sales && Marketing"
