"""The window on the sandbox org, driven as an operator would: drops, previews, removals, undo, doctor."""

import asyncio
import time

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication

from campsync_gui.core.applists import app_list_name
from campsync_gui.core.store import open_store
from campsync_gui.core.workspace import Workspace
from campsync_gui.paths import AppPaths
from campsync_gui.ui.main_window import MainWindow
from campsync_gui.ui.mime import members_mime
from campsync_gui.ui.models.campaigns import COL_NAME, RowRole
from campsync_gui.ui.models.log import COL_CAMPAIGN, COL_PERSON, COL_TRIGGER
from campsync_gui.ui.session import AppSession
from support import connection_for


@pytest.fixture
def window(org, qtbot, qloop, tmp_path):
    built = []

    def build(**overrides):
        paths = AppPaths(tmp_path / "home").ensure()
        session = AppSession(Workspace(open_store(paths.db_file), connection=connection_for(org, **overrides)), paths)
        win = MainWindow(session)
        qtbot.addWidget(win)
        built.append(session)
        return win

    yield build
    for session in built:
        qloop.run_until_complete(session.close())


def wait_until(qloop, predicate, timeout=20.0):
    async def poll():
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError("timed out waiting for the window")
            await asyncio.sleep(0.02)
    qloop.run_until_complete(poll())


@pytest.fixture
def loaded(window, qloop):
    win = window()
    qloop.run_until_complete(win.refresh(people=True))
    return win


def campaign_index(win, campaign_id):
    model = win.campaigns_panel.campaigns
    return model.index(model.row_of(campaign_id), COL_NAME)


def person_ids_with(win, **wanted):
    model = win.people_panel.model
    return [pid for pid in model.matching_person_ids()
            if all(getattr(model.person_at(model.row_for_person(pid)), k) == v for k, v in wanted.items())]


def drag_people(win, person_ids):
    """What the people view hands to Qt when the operator drags the selected rows."""
    model = win.people_panel.model
    indexes = [model.index(model.row_for_person(pid), 0) for pid in person_ids]
    return model.mimeData(indexes)


def log_rows(win):
    win.log_panel.flush()
    model = win.log_panel.model
    return [(model.index(r, COL_TRIGGER).data(), model.index(r, COL_PERSON).data(), model.index(r, COL_CAMPAIGN).data())
            for r in range(model.rowCount())]


def confirm_preview(win, qloop):
    wait_until(qloop, lambda: win.controller.preview is not None)
    preview = win.controller.preview
    counts = preview.plan.counts()
    preview.accept()
    return preview, counts


def finish_sync(win, qloop):
    wait_until(qloop, lambda: win.controller.is_idle() and not win.workspace.pending_count())
    win.reload_views()


def active_campaign(org):
    return sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                  key=lambda r: r["name"])[0]


def test_campaigns_and_people_load_from_the_org(org, loaded):
    model = loaded.campaigns_panel.campaigns
    names = {model.index(r, COL_NAME).data() for r in range(model.rowCount())}
    assert names == {row["name"] for row in org.state.campaigns.values() if not row["istemplate"]}
    inactive = [model.index(r, COL_NAME) for r in range(model.rowCount())
                if not model.index(r, COL_NAME).data(RowRole).active]
    assert len(inactive) == 2
    assert inactive[0].data(Qt.ItemDataRole.ForegroundRole) is not None, "inactive campaigns are greyed"
    assert loaded.people_panel.model.total_count() == len(org.state.leads) + len(org.state.contacts)
    assert "sandbox" in loaded.connection_label.text()


def test_drop_people_on_a_campaign_preview_confirm_reaches_the_org_and_the_log(org, loaded, qloop, qtbot):
    campaign = active_campaign(org)
    leads = person_ids_with(loaded, type="lead")[:6]
    contacts = person_ids_with(loaded, type="contact")[:4]
    mime = drag_people(loaded, leads + contacts)
    model = loaded.campaigns_panel.campaigns
    target = campaign_index(loaded, campaign["campaignid"])
    assert model.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    with qtbot.waitSignal(model.add_requested) as requested:
        assert model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    assert requested.args == [campaign["campaignid"], sorted(leads + contacts)]
    preview, counts = confirm_preview(loaded, qloop)
    assert counts["will_add"] == 10 and preview.confirm_button.text() == "Add 10 people"
    finish_sync(loaded, qloop)
    people = loaded.people_panel.model
    ids = {people.person_at(people.row_for_person(p)).dynamics_id for p in leads + contacts}
    members = set()
    for kind in ("lead", "contact"):
        members |= org.state.members_of(org.state.find_list(app_list_name("CampSync", kind, campaign["campaignid"]))["listid"])
    assert members == ids
    rows = log_rows(loaded)
    assert len(rows) == 10 and {r[0] for r in rows} == {"Added to Microsoft Campaign"}
    assert {r[2] for r in rows} == {campaign["name"]}
    row = loaded.campaigns_panel.campaigns.campaign(campaign["campaignid"])
    assert row.flow_count == 10


def test_drop_on_an_inactive_campaign_is_refused_at_once(org, loaded, qtbot):
    inactive = next(r for r in org.state.campaigns.values() if r["statecode"] == 1)
    mime = drag_people(loaded, person_ids_with(loaded, type="lead")[:2])
    model = loaded.campaigns_panel.campaigns
    target = campaign_index(loaded, inactive["campaignid"])
    before = len(org.request_log)
    assert not model.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    with qtbot.waitSignal(model.drop_refused) as refused:
        assert not model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    assert "inactive" in refused.args[0]
    assert loaded.controller.preview is None and len(org.request_log) == before, "no round trip"
    assert "inactive" in loaded.statusBar().currentMessage()


def test_drop_while_sync_is_disabled_is_refused(org, loaded, qtbot):
    from campsync_gui.core.flows import Readiness

    loaded.campaigns_panel.campaigns.set_readiness(Readiness(sync_enabled=False))
    mime = drag_people(loaded, person_ids_with(loaded, type="lead")[:1])
    model = loaded.campaigns_panel.campaigns
    with qtbot.waitSignal(model.drop_refused) as refused:
        model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, campaign_index(loaded, active_campaign(org)["campaignid"]))
    assert "disabled" in refused.args[0]


def test_people_payload_dropped_between_rows_is_refused(loaded):
    mime = drag_people(loaded, person_ids_with(loaded, type="lead")[:1])
    assert not loaded.campaigns_panel.campaigns.dropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, QModelIndex())


def test_dragging_members_out_removes_only_campsync_members(org, loaded, qloop, qtbot):
    campaign = active_campaign(org)
    cid = campaign["campaignid"]
    ours = person_ids_with(loaded, type="lead")[:3]
    loaded.campaigns_panel.campaigns.dropMimeData(drag_people(loaded, ours), Qt.DropAction.CopyAction, -1, -1,
                                                  campaign_index(loaded, cid))
    confirm_preview(loaded, qloop)
    finish_sync(loaded, qloop)
    loaded.campaigns_panel.select_campaign(cid)
    members = loaded.campaigns_panel.members
    crm = [members.index(r, 0).data(RowRole) for r in range(members.rowCount())]
    crm_member = next(m for m in crm if not m.flow_action)
    crm_row = [m.person_id for m in crm].index(crm_member.person_id)
    assert "CRM" in members.index(crm_row, 2).data()
    # Which CRM list holds them, by the name the org gives it.
    org_list_names = {row["listname"] for row in org.state.lists.values()}
    assert crm_member.list_name in org_list_names and members.index(crm_row, 4).data() == crm_member.list_name
    assert crm_member.list_name in members.index(crm_row, 0).data(Qt.ItemDataRole.ToolTipRole)

    # Dragging a CRM member back to the people table: the preview shows why it is skipped, nothing is sent.
    people = loaded.people_panel.model
    with qtbot.waitSignal(people.remove_requested):
        assert people.dropMimeData(members_mime(cid, [crm_member.person_id]), Qt.DropAction.MoveAction, -1, -1,
                                   QModelIndex())
    wait_until(qloop, lambda: loaded.controller.preview is not None)
    preview = loaded.controller.preview
    assert preview.plan.items[0].outcome == "skip" and "outside CampSync" in preview.plan.items[0].reason
    assert not preview.confirm_button.isEnabled()
    preview.reject()
    wait_until(qloop, lambda: loaded.controller.preview is None)

    # Our own members: dragged out, they leave the app list in Dynamics and the log says so.
    mime = members.mimeData([members.index(r, 0) for r in range(members.rowCount())
                             if members.index(r, 0).data(RowRole).person_id in ours[:2]])
    people.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    preview, counts = confirm_preview(loaded, qloop)
    assert counts["will_remove"] == 2
    finish_sync(loaded, qloop)
    lst = org.state.find_list(app_list_name("CampSync", "lead", cid))
    remaining = {people.person_at(people.row_for_person(ours[2])).dynamics_id}
    assert org.state.members_of(lst["listid"]) == remaining
    assert [r[0] for r in log_rows(loaded)].count("Removed from Microsoft Campaign") == 2


def test_undo_reverses_the_last_drop_and_works_after_a_restart(org, window, qloop):
    first = window()
    qloop.run_until_complete(first.refresh(people=True))
    campaign = active_campaign(org)
    cid = campaign["campaignid"]
    ids = person_ids_with(first, type="contact")[:3]
    first.campaigns_panel.campaigns.dropMimeData(drag_people(first, ids), Qt.DropAction.CopyAction, -1, -1,
                                                 campaign_index(first, cid))
    confirm_preview(first, qloop)
    finish_sync(first, qloop)
    lst = org.state.find_list(app_list_name("CampSync", "contact", cid))
    assert len(org.state.members_of(lst["listid"])) == 3
    first.close()

    second = window()  # a new window on the same store: the journal is in the store
    qloop.run_until_complete(second.refresh(people=False))
    undo = second.controller.undo()
    confirm_preview(second, qloop)  # an undo is previewed like a drop
    qloop.run_until_complete(undo)
    finish_sync(second, qloop)
    assert org.state.members_of(lst["listid"]) == set()
    rows = log_rows(second)
    assert [r[0] for r in rows].count("Removed from Microsoft Campaign") == 3
    qloop.run_until_complete(second.controller.undo())
    assert "Nothing to undo" in second.statusBar().currentMessage()


def test_connectivity_dialog_on_a_good_profile(window, qloop):
    win = window()
    dialog = win.open_doctor()
    report = qloop.run_until_complete(dialog.running)
    assert report.ok
    assert all(dialog.table.item(row, 1).text().endswith("OK") for row in range(dialog.table.rowCount()))
    dialog.copy_report()
    copied = QGuiApplication.clipboard().text()
    assert "All checks passed." in copied and win.session.connection.client_secret not in copied


def test_connectivity_dialog_on_a_broken_profile(window, qloop):
    win = window(client_secret="wrong-secret-123")
    dialog = win.open_doctor()
    report = qloop.run_until_complete(dialog.running)
    assert not report.ok
    token_row = [r.key for r in report.results].index("token")
    assert dialog.table.item(token_row, 1).text().endswith("FAIL")
    assert "client secret is wrong" in dialog.table.item(token_row, 3).text()
    assert "failed" in dialog.summary.text()
    assert "wrong-secret-123" not in report.to_text()


def test_a_trigger_campaign_built_in_the_editor_fires_after_a_drop(org, loaded, qloop, qtbot):
    from PySide6.QtCore import QPoint

    from campsync_gui.core.automation import ADD_STEP
    from campsync_gui.core.triggers import ADDED

    x, y = sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                  key=lambda r: r["name"])[:2]
    panel = loaded.automation_panel
    loaded.main_tabs.setCurrentWidget(panel)
    panel.reload()
    qtbot.mouseClick(panel.new_trigger_button, Qt.MouseButton.LeftButton)
    panel.name_edit.selectAll()
    qtbot.keyClicks(panel.name_edit, "Webinar follow-up")
    editor = panel.smart_list_editor
    next(a for a in editor.add_trigger_button.menu().actions() if a.data() == ADDED).trigger()
    next(a for a in editor.trigger_rows[0].campaigns.campaign_actions() if a.data() == x["campaignid"]).trigger()
    next(a for a in panel.flow_editor.add_step_button.menu().actions() if a.data() == ADD_STEP).trigger()
    combo = panel.flow_editor.rows[0].campaign_combo
    combo.setCurrentIndex(combo.findData(y["campaignid"]))
    radio = panel.schedule_editor.every_time_radio
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.activate_button, Qt.MouseButton.LeftButton)
    assert panel.activate_button.text() == "Deactivate", panel.message()

    people = person_ids_with(loaded, type="lead")[:2]
    loaded.campaigns_panel.campaigns.dropMimeData(drag_people(loaded, people), Qt.DropAction.CopyAction, -1, -1,
                                                  campaign_index(loaded, x["campaignid"]))
    confirm_preview(loaded, qloop)
    finish_sync(loaded, qloop)
    rows = log_rows(loaded)
    assert [r[2] for r in rows].count(x["name"]) == 2 and [r[2] for r in rows].count(y["name"]) == 2
    model = loaded.log_panel.model
    from campsync_gui.ui.models.log import COL_SOURCE
    sources = {model.index(r, COL_SOURCE).data() for r in range(model.rowCount())}
    assert any("Webinar follow-up" in s for s in sources)
    members = org.state.members_of(org.state.find_list(app_list_name("CampSync", "lead", y["campaignid"]))["listid"])
    assert len(members) == 2


def test_run_now_on_a_batch_campaign_processes_the_previewed_people(org, loaded, qloop):
    from sqlmodel import Session

    from campsync_gui.core.automation import ADD_STEP, Definition
    from campsync_gui.core.models import AutomationCampaign

    target = active_campaign(org)
    with Session(loaded.workspace.db) as s:
        row = AutomationCampaign(name="Germany push", kind="batch", active=True, definition=Definition(
            smart_list={"filters": [{"kind": "field", "field": "country", "op": "equals", "value": "Germany"},
                                    {"kind": "field", "field": "type", "op": "equals", "value": "contact"}],
                        "logic": "all"},
            flow=[{"step": ADD_STEP, "campaign_id": target["campaignid"]}]).to_json())
        s.add(row)
        s.commit()
        s.refresh(row)
    expected = loaded.workspace.batch_preview(row.id)
    report = qloop.run_until_complete(loaded.run_batch_now(row.id, confirm=False))
    finish_sync(loaded, qloop)
    germans = {c["contactid"] for c in org.state.contacts.values() if c["address1_country"] == "Germany"}
    assert report.processed == expected == len(germans) > 0
    lst = org.state.find_list(app_list_name("CampSync", "contact", target["campaignid"]))
    assert org.state.members_of(lst["listid"]) == germans


def test_importing_a_big_csv_keeps_the_window_alive_and_shows_the_people(loaded, qloop, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog

    path = tmp_path / "people.csv"
    rows = [f"Imported,Person {i:05d},imported{i:05d}@example.org,Fabrikam" for i in range(20_000)]
    path.write_text("first name,last name,email,company\n" + "\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    statuses = []
    loaded.statusBar().messageChanged.connect(statuses.append)
    people_before = len(loaded.people_panel.model.matching_person_ids())
    ticks = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    task = loaded.import_csv()
    # The result box opens without blocking (no nested event loop): the scheduler and a sync keep running.
    wait_until(qloop, lambda: getattr(loaded, "import_result", None) is not None, timeout=60)
    shown = [loaded.import_result.text()]
    timer.stop()
    assert any(s.startswith("Importing people from people.csv") for s in statuses)
    assert len(ticks) >= 3, "the window kept handling events while the file was read"
    assert shown[0].startswith("20000 created")
    wait_until(qloop, task.done)
    assert len(loaded.people_panel.model.matching_person_ids()) == people_before + 20_000, "the table shows them"


def test_a_listener_that_fails_is_shown_in_the_log_and_the_status_bar(loaded):
    from campsync_gui.core.events import OUTBOX, Event

    def broken_listener(_event):
        raise ValueError("the listener broke")

    loaded.workspace.bus.subscribe(broken_listener)
    loaded.workspace.bus.publish(Event(OUTBOX, {"ids": [], "state": "done"}))
    errors = [row for row in log_rows(loaded) if row[0] == "Error"]
    assert len(errors) == 1 and "broken_listener" in errors[0][2] and "the listener broke" in errors[0][2]
    assert "the listener broke" in loaded.statusBar().currentMessage()


def test_a_failed_background_task_is_shown_not_lost(loaded, qloop):
    async def pull_that_fails():
        raise ValueError("the org answered nonsense")

    task = loaded.tasks.start("read from Dynamics", pull_that_fails())
    qloop.run_until_complete(asyncio.wait([task]))
    assert "Read from Dynamics failed: the org answered nonsense" in loaded.statusBar().currentMessage()
    errors = [row for row in log_rows(loaded) if row[0] == "Error"]
    assert errors and "the org answered nonsense" in errors[-1][2]
