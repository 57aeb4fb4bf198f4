"""`campsync people/add/remove/log/verify-log` as scripts use them: JSON shapes, exit codes, the org's state."""

import json

import pytest

from campsync_gui.core.applists import app_list_name
from support import run_cli


@pytest.fixture
def cli(org, tmp_path):
    home = tmp_path / "home"

    def run(*args, stdin=None):
        return run_cli(list(args), home, org.env(), stdin=stdin)
    return run


def campaign_named(org, active=True):
    return sorted((r for r in org.state.campaigns.values()
                   if (r["statecode"] == 0) == active and not r["istemplate"]), key=lambda r: r["name"])[0]


def test_import_pull_add_remove_log_round_trip(org, cli, tmp_path):
    csv = tmp_path / "people.csv"
    csv.write_text("Name,E-mail,Company,Type\nRosa Parks,rosa@example.org,Montgomery Co,\n"
                   "Bad Row,not-an-email,X,\nAlan Turing,alan@example.org,Bletchley,lead\n", encoding="utf-8")
    imported = cli("people", "import", str(csv))
    assert imported.returncode == 0
    assert "row 3" in imported.stdout and "email" in imported.stdout.lower()
    assert cli("people", "pull").returncode == 0
    lead = next(iter(org.state.leads.values()))
    campaign = campaign_named(org)
    added = cli("add", "--campaign", campaign["name"], "--person", lead["emailaddress1"],
                "--person", "rosa@example.org", "--person", "ghost@example.org", "--json")
    rows = {r["email"]: r for r in json.loads(added.stdout)}
    assert added.returncode == 1, "a blocked person makes the command fail"
    assert rows[lead["emailaddress1"].lower()]["outcome"] == "added"
    assert rows["rosa@example.org"]["outcome"] == "added"
    assert rows["ghost@example.org"]["outcome"] == "blocked" and "unknown person" in rows["ghost@example.org"]["reason"]
    app_list = org.state.find_list(app_list_name("CampSync", "lead", campaign["campaignid"]))
    rosa = next(x for x in org.state.leads.values() if x["emailaddress1"] == "rosa@example.org")
    assert org.state.members_of(app_list["listid"]) == {lead["leadid"], rosa["leadid"]}

    again = json.loads(cli("add", "--campaign", campaign["campaignid"], "--person", "rosa@example.org",
                           "--json").stdout)
    assert again == [{"email": "rosa@example.org", "name": "Rosa Parks", "outcome": "skipped",
                      "reason": "already a member (added by CampSync)"}]
    removed = cli("remove", "--campaign", campaign["name"], "--person", "rosa@example.org", "--json")
    assert removed.returncode == 0 and json.loads(removed.stdout)[0]["outcome"] == "removed"
    assert org.state.members_of(app_list["listid"]) == {lead["leadid"]}

    log = json.loads(cli("log", "--json").stdout)
    assert [(e["trigger"], e["email"]) for e in log] == [
        ("added_to_microsoft_campaign", lead["emailaddress1"].lower()),
        ("added_to_microsoft_campaign", "rosa@example.org"),
        ("removed_from_microsoft_campaign", "rosa@example.org")]
    assert all(e["campaign"] == campaign["name"] and e["time"] for e in log)
    assert json.loads(cli("log", "--since", "1h", "--json").stdout) == log
    assert json.loads(cli("log", "--since", "1h", "--limit", "1", "--json").stdout) == log[-1:]
    assert json.loads(cli("log", "--since", "2999-01-01", "--json").stdout) == []
    verified = cli("verify-log", "--json")
    assert verified.returncode == 0 and json.loads(verified.stdout)["count"] == 3


def test_dry_run_prints_the_plan_and_sends_nothing(org, cli):
    cli("people", "pull")
    lead = next(iter(org.state.leads.values()))
    campaign = campaign_named(org)
    before = len(org.state.lists)
    result = cli("add", "--campaign", campaign["name"], "--person", lead["emailaddress1"], "--dry-run")
    assert result.returncode == 0 and "will add" in result.stdout
    assert len(org.state.lists) == before
    assert "No trigger events" in cli("log").stdout


def test_inactive_campaign_and_unknown_campaign_are_refused(org, cli):
    cli("people", "pull")
    lead = next(iter(org.state.leads.values()))
    inactive = campaign_named(org, active=False)
    result = cli("add", "--campaign", inactive["name"], "--person", lead["emailaddress1"], "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout)[0]["outcome"] == "blocked" and "inactive" in json.loads(result.stdout)[0]["reason"]
    unknown = cli("add", "--campaign", "No Such Campaign", "--person", lead["emailaddress1"])
    assert unknown.returncode == 2 and "No campaign named" in unknown.stderr


def test_removing_a_crm_added_member_is_skipped_with_the_reason(org, cli):
    cli("people", "pull")
    campaign = campaign_named(org)
    crm_list = next(lid for lid in org.state.lists_of_campaign(campaign["campaignid"]) if org.state.members_of(lid))
    member = next(iter(org.state.members_of(crm_list)))
    row = org.state.leads.get(member) or org.state.contacts.get(member)
    result = cli("remove", "--campaign", campaign["name"], "--person", row["emailaddress1"], "--json")
    outcome = json.loads(result.stdout)[0]
    assert outcome["outcome"] == "skipped" and "outside CampSync" in outcome["reason"]
    assert member in org.state.members_of(crm_list)


def test_turning_sync_off_blocks_and_on_again_refreshes(org, cli):
    cli("people", "pull")
    lead = next(iter(org.state.leads.values()))
    campaign = campaign_named(org)
    assert cli("sync", "disable").returncode == 0
    blocked = json.loads(cli("add", "--campaign", campaign["name"], "--person", lead["emailaddress1"],
                             "--json").stdout)
    assert blocked[0]["outcome"] == "blocked" and "disabled" in blocked[0]["reason"]
    enabled = cli("sync", "enable")
    assert "Refreshed" in enabled.stdout
    added = json.loads(cli("add", "--campaign", campaign["name"], "--person", lead["emailaddress1"],
                           "--json").stdout)
    assert added[0]["outcome"] == "added"


def test_log_follow_streams_events_written_by_another_process(org, cli, tmp_path):
    import os
    import subprocess
    import sys
    import threading

    cli("people", "pull")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    env.update({**org.env(), "CAMPSYNC_HOME": str(tmp_path / "home")})
    follower = subprocess.Popen([sys.executable, "-m", "campsync_gui", "log", "--follow", "--json"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watchdog = threading.Timer(60, follower.kill)  # a silent follower must not hang the suite
    watchdog.start()
    try:
        lead = next(iter(org.state.leads.values()))
        assert cli("add", "--campaign", campaign_named(org)["name"], "--person", lead["emailaddress1"]).returncode == 0
        line = follower.stdout.readline()  # blocks until the follower prints the new event
        event = json.loads(line)
        assert event["trigger"] == "added_to_microsoft_campaign" and event["email"] == lead["emailaddress1"].lower()
    finally:
        watchdog.cancel()
        follower.kill()
        follower.wait()


def test_automation_export_import_and_batch_run_from_the_cli(org, cli, tmp_path):
    from campsync_gui.core.automation import ADD_STEP, Definition
    from campsync_gui.core.models import AutomationCampaign
    from campsync_gui.core.store import open_store
    from sqlmodel import Session

    cli("people", "pull")
    target = campaign_named(org)
    store = open_store(tmp_path / "home" / "campsync.db")
    with Session(store) as s:
        s.add(AutomationCampaign(name="Canada push", kind="batch", active=True, definition=Definition(
            smart_list={"filters": [{"kind": "field", "field": "country", "op": "equals", "value": "Canada"},
                                    {"kind": "field", "field": "type", "op": "equals", "value": "lead"}],
                        "logic": "all"},
            flow=[{"step": ADD_STEP, "campaign_id": target["campaignid"]}]).to_json()))
        s.commit()
    dry = json.loads(cli("automation", "run", "Canada push", "--dry-run", "--json").stdout)
    canadians = {lead["leadid"] for lead in org.state.leads.values() if lead["address1_country"] == "Canada"}
    assert dry["qualified"] == len(canadians) > 0
    ran = cli("automation", "run", "Canada push", "--json")
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout)["processed"] == len(canadians)
    app_list = org.state.find_list(app_list_name("CampSync", "lead", target["campaignid"]))
    assert org.state.members_of(app_list["listid"]) == canadians

    exported = tmp_path / "automation.json"
    assert cli("automation", "export", str(exported)).returncode == 0
    other_home = tmp_path / "other"
    imported = run_cli(["automation", "import", str(exported)], other_home, org.env())
    assert "imported inactive" in imported.stdout, "an org whose campaigns are unknown here keeps it inactive"
    assert run_cli(["campaigns"], other_home, org.env()).returncode == 0  # caches this org's campaigns
    imported = run_cli(["automation", "import", str(exported)], other_home, org.env())
    assert "Canada push: imported (active)" in imported.stdout
    listed = json.loads(run_cli(["automation", "list", "--json"], other_home, org.env()).stdout)
    assert listed == [{"name": "Canada push", "kind": "batch", "active": True, "problems": []}]


def test_activity_and_new_people_fire_trigger_campaigns_from_the_cli(org, cli, tmp_path):
    from campsync_gui.core.automation import ACTIVITY_LOGGED, ADD_STEP, CHANGE_STEP, PERSON_CREATED, Definition
    from campsync_gui.core.models import AutomationCampaign, Person
    from campsync_gui.core.store import open_store
    from sqlmodel import Session, select

    cli("people", "pull")
    target = campaign_named(org)
    store = open_store(tmp_path / "home" / "campsync.db")
    with Session(store) as s:
        s.add(AutomationCampaign(name="Webinar attendees", kind="trigger", active=True, definition=Definition(
            triggers=[{"type": ACTIVITY_LOGGED, "activity_type": "attended_webinar"}],
            flow=[{"step": ADD_STEP, "campaign_id": target["campaignid"]}],
            qualification={"rule": "every_time"}).to_json()))
        s.add(AutomationCampaign(name="Welcome", kind="trigger", active=True, definition=Definition(
            triggers=[{"type": PERSON_CREATED}], flow=[{"step": CHANGE_STEP, "field": "score", "value": "10"}],
            qualification={"rule": "once"}).to_json()))
        s.commit()
    lead = next(iter(org.state.leads.values()))
    logged = cli("people", "activity", lead["emailaddress1"], "attended_webinar", "--detail", "Spring webinar")
    assert logged.returncode == 0 and "1 trigger campaign run" in logged.stdout
    lst = org.state.find_list(app_list_name("CampSync", "lead", target["campaignid"]))
    assert org.state.members_of(lst["listid"]) == {lead["leadid"]}

    csv = tmp_path / "new.csv"
    csv.write_text("first_name,last_name,email\nNew,Person,new.person@example.org\n", encoding="utf-8")
    imported = cli("people", "import", str(csv))
    assert "1 trigger campaign run" in imported.stdout
    with Session(store) as s:
        assert s.exec(select(Person).where(Person.email == "new.person@example.org")).one().score == 10


def moved_to_canada(org, cli, tmp_path):
    """A pulled store with an active trigger campaign: country becomes Canada → add to a campaign. Returns
    that campaign and the list its members land on in Dynamics."""
    from campsync_gui.core.automation import ADD_STEP, DATA_VALUE_CHANGES, Definition
    from campsync_gui.core.models import AutomationCampaign
    from campsync_gui.core.store import open_store
    from sqlmodel import Session

    cli("people", "pull")
    target = campaign_named(org)
    with Session(open_store(tmp_path / "home" / "campsync.db")) as s:
        s.add(AutomationCampaign(name="Moved to Canada", kind="trigger", active=True, definition=Definition(
            triggers=[{"type": DATA_VALUE_CHANGES, "field": "country", "new_value": "Canada"}],
            flow=[{"step": ADD_STEP, "campaign_id": target["campaignid"]}],
            qualification={"rule": "once"}).to_json()))
        s.commit()
    return target, lambda: org.state.members_of(
        org.state.find_list(app_list_name("CampSync", "lead", target["campaignid"]))["listid"])


def test_a_csv_import_that_changes_a_value_fires_data_value_changes(org, cli, tmp_path):
    _, members = moved_to_canada(org, cli, tmp_path)
    leads = [row for row in org.state.leads.values() if row["emailaddress1"]][:3]
    csv = tmp_path / "moves.csv"
    rows = [f"{lead['lastname']},{lead['emailaddress1']},{country}"
            for lead, country in ((leads[0], "Canada"), (leads[1], "Norway"))]  # moved there: fires; elsewhere: not
    csv.write_text("last name,email,country\n" + "\n".join(rows) + "\n", encoding="utf-8")
    imported = cli("people", "import", str(csv))
    assert imported.returncode == 0 and "1 trigger campaign run" in imported.stdout, imported.stdout
    assert members() == {leads[0]["leadid"]}
    again = cli("people", "import", str(csv))  # nothing changes the second time: nothing fires
    assert "trigger campaign" not in again.stdout


def test_a_value_changed_in_dynamics_fires_data_value_changes_on_the_next_pull(org, cli, tmp_path):
    _, members = moved_to_canada(org, cli, tmp_path)
    lead = next(row for row in org.state.leads.values()
                if row["emailaddress1"] and row["address1_country"] != "Canada")
    org.state.update("leads", lead["leadid"], {"address1_country": "Canada"})  # someone edits the lead in CRM
    pulled = cli("people", "pull")
    assert "Values changed in Dynamics: 1 trigger campaign run" in pulled.stdout, pulled.stdout
    assert members() == {lead["leadid"]}
    assert "Values changed" not in cli("people", "pull").stdout, "nothing changed since: nothing fires"
