"""Hostile or broken automation files (issue 13, finding 4), through the real `campsync` command.

`campsync automation import` reads the whole file and checks it before anything is stored: a wait of Infinity or
1e300 seconds, a missing name, text where a list belongs, 100,000 nested brackets, a smart list of 1,000 filters,
an oversized file each end in one readable line naming where the mistake is (exit 2, no traceback) and leave the
store as it was. A broken campaign already in a store (written by an older version, which accepted those waits)
no longer stops the other trigger campaigns of `people import` and `people activity`.
"""

import json

import pytest
from sqlmodel import Session, select

from campsync_gui.core.models import AutomationCampaign, AutomationResult, Person
from campsync_gui.core.store import open_store
from support import run_cli

FORMAT = "campsync-automation/1"


def export_text(*campaigns) -> str:
    return json.dumps({"format": FORMAT, "campaigns": list(campaigns)})


def campaign(name="Welcome", flow=None, **definition) -> dict:
    return {"name": name, "kind": "trigger", "active": True,
            "definition": {"triggers": [{"type": "person_created"}],
                           "flow": flow if flow is not None else [{"step": "change_data_value", "field": "score",
                                                                   "value": "10"}],
                           "qualification": {"rule": "once"}, **definition}}


def with_wait(seconds_text: str) -> str:
    """A file whose second flow step waits `seconds_text` (written as is: Infinity is not JSON, but json.dumps
    writes it and older versions stored and exported it)."""
    good = export_text(campaign("Nurture", flow=[{"step": "change_data_value", "field": "score", "value": "5"},
                                                 {"step": "wait", "seconds": 12345}]))
    return good.replace("12345", seconds_text)


ONE_THOUSAND_ANY = export_text(campaign("Everyone", smart_list={
    "filters": [{"kind": "field", "field": "country", "op": "equals", "value": f"Country {i}"} for i in range(1000)],
    "logic": "any"}))

HOSTILE = {
    "wait of Infinity": (with_wait("Infinity"), "campaigns[0].definition.flow[1].seconds: must be a finite number of "
                                                "seconds, more than 0 and at most 1 year"),
    "wait of 1e300": (with_wait("1e300"), "campaigns[0].definition.flow[1].seconds: must be a finite number"),
    "wait of NaN": (with_wait("NaN"), "campaigns[0].definition.flow[1].seconds: must be a finite number"),
    "negative wait": (with_wait("-60"), "campaigns[0].definition.flow[1].seconds: must be a finite number"),
    "wait of two years": (with_wait(str(2 * 365 * 86400)), "at most 1 year"),
    "wait as text": (with_wait('"86400"'), "campaigns[0].definition.flow[1].seconds: must be a finite number"),
    "missing name": (export_text({"kind": "trigger", "definition": {}}), "campaigns[0].name: is required"),
    "empty name": (export_text(dict(campaign(), name="  ")), "campaigns[0].name: must not be empty"),
    "text where the flow list belongs": (export_text(campaign(flow="wait")),
                                         "campaigns[0].definition.flow: must be a list, not text"),
    "text where the triggers belong": (export_text(dict(campaign(), definition={"triggers": "person_created"})),
                                       "campaigns[0].definition.triggers: must be a list, not text"),
    "text where the campaigns belong": (json.dumps({"format": FORMAT, "campaigns": "Welcome"}),
                                        "campaigns: must be a list, not text"),
    "a step that is not an object": (export_text(campaign(flow=["wait"])),
                                     "campaigns[0].definition.flow[0]: must be an object, not text"),
    "a number where a name belongs": (export_text(dict(campaign(), name=42)), "campaigns[0].name: must be text"),
    "100,000 nested brackets": ('{"format": "%s", "campaigns": %s%s}' % (FORMAT, "[" * 100_000, "]" * 100_000),
                                "too deeply nested"),
    "1,000 filters with any": (ONE_THOUSAND_ANY, "campaigns[0].definition.smart_list.filters: must have at most 200 "
                                                 "filters, not 1000"),
    "an unknown kind": (export_text(dict(campaign(), kind="sometimes")), "campaigns[0].kind: must be one of"),
    "the same name twice": (export_text(campaign(), campaign()),
                            "campaigns[1].name: 'Welcome' is also the name of campaigns[0]"),
}


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


def stored_names(home) -> list[str]:
    with Session(open_store(home / "campsync.db")) as session:
        return [row.name for row in session.exec(select(AutomationCampaign))]


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_file_is_refused_in_words_and_nothing_is_stored(home, tmp_path, case):
    text, expected = HOSTILE[case]
    path = tmp_path / "automation.json"
    path.write_text(text, encoding="utf-8")
    home.mkdir(parents=True)
    with Session(open_store(home / "campsync.db")) as session:  # a refused file must leave the store as it was
        session.add(AutomationCampaign(name="Kept", kind="trigger", definition=json.dumps(campaign()["definition"])))
        session.commit()

    done = run_cli(["automation", "import", str(path)], home)

    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and "unexpected error" not in done.stderr, done.stderr
    assert expected in done.stderr, done.stderr
    assert stored_names(home) == ["Kept"]


def test_a_file_with_one_bad_campaign_among_good_ones_changes_nothing(home, tmp_path):
    path = tmp_path / "automation.json"
    good = [campaign(f"Good {i}") for i in range(3)]
    bad = campaign("Bad", flow=[{"step": "wait", "seconds": 1e300}])
    path.write_text(export_text(*good, bad).replace("1e+300", "1e300"), encoding="utf-8")

    done = run_cli(["automation", "import", str(path)], home)

    assert done.returncode == 2 and "campaigns[3].definition.flow[0].seconds" in done.stderr, done.stderr
    assert "nothing was changed" in done.stderr
    assert stored_names(home) == []


def test_an_oversized_file_is_refused_before_it_is_parsed(home, tmp_path):
    path = tmp_path / "automation.json"
    padding = "x" * (11 * 1024 * 1024)
    path.write_text(export_text(dict(campaign(), definition={"description": padding})), encoding="utf-8")

    done = run_cli(["automation", "import", str(path)], home)

    assert done.returncode == 2 and "too large" in done.stderr and "10 MB" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert stored_names(home) == []


def test_a_sound_file_still_imports_and_keeps_what_a_newer_version_added(home, tmp_path):
    path = tmp_path / "automation.json"
    item = campaign("Nurture", flow=[{"step": "wait", "seconds": 86400, "shown_as": "days"},
                                     {"step": "change_data_value", "field": "score", "value": 80}],
                    description="welcome series")
    item["added_by_a_newer_version"] = {"anything": [1, 2]}
    path.write_text(export_text(item), encoding="utf-8")

    done = run_cli(["automation", "import", str(path)], home)

    assert done.returncode == 0, done.stderr
    assert "Nurture: imported (active)" in done.stdout
    with Session(open_store(home / "campsync.db")) as session:
        row = session.exec(select(AutomationCampaign)).one()
    assert json.loads(row.definition)["flow"][0] == {"step": "wait", "seconds": 86400, "shown_as": "days"}


# ---- a broken campaign already in the store ---------------------------------------------------------------

BROKEN_BY_AN_OLDER_VERSION = ('{"smart_list": {"filters": [], "logic": "all"}, '
                              '"triggers": [{"type": "person_created"}, {"type": "activity_logged"}], '
                              '"flow": [{"step": "wait", "seconds": Infinity}], '
                              '"qualification": {"rule": "every_time"}, "schedule": null}')


def store_with_a_broken_campaign(home) -> None:
    """A store as an older version left it: first (lowest id) an active trigger campaign whose wait is Infinity,
    then two sound ones, on a person being created and on an activity."""
    store = open_store(home / "campsync.db")
    with Session(store) as session:
        session.add(AutomationCampaign(name="Broken wait", kind="trigger", active=True,
                                       definition=BROKEN_BY_AN_OLDER_VERSION))
        session.add(AutomationCampaign(name="Welcome", kind="trigger", active=True, definition=json.dumps({
            "triggers": [{"type": "person_created"}],
            "flow": [{"step": "change_data_value", "field": "score", "value": "10"}],
            "qualification": {"rule": "once"}})))
        session.add(AutomationCampaign(name="Webinar", kind="trigger", active=True, definition=json.dumps({
            "triggers": [{"type": "activity_logged", "activity_type": "attended_webinar"}],
            "flow": [{"step": "change_data_value", "field": "job_title", "value": "Attendee"}],
            "qualification": {"rule": "every_time"}})))
        session.commit()


def person(home, email) -> Person:
    with Session(open_store(home / "campsync.db")) as session:
        return session.exec(select(Person).where(Person.email == email)).one()


def outcomes(home, name) -> list[str]:
    with Session(open_store(home / "campsync.db")) as session:
        campaign_id = session.exec(select(AutomationCampaign.id).where(AutomationCampaign.name == name)).one()
        return [r.outcome for r in session.exec(select(AutomationResult)
                                                .where(AutomationResult.campaign_id == campaign_id)
                                                .order_by(AutomationResult.id))]


def test_a_broken_campaign_in_the_store_does_not_stop_the_others(home, tmp_path):
    home.mkdir(parents=True)
    store_with_a_broken_campaign(home)
    csv = tmp_path / "people.csv"
    csv.write_text("first_name,last_name,email\nAda,Lovelace,ada@example.org\n", encoding="utf-8")

    imported = run_cli(["people", "import", str(csv)], home)

    assert imported.returncode == 0, (imported.stdout, imported.stderr)
    assert "Traceback" not in imported.stderr and "OverflowError" not in imported.stdout
    assert person(home, "ada@example.org").score == 10, "the sound campaign ran after the broken one"
    assert outcomes(home, "Welcome") == ["qualified", "changed"]
    assert outcomes(home, "Broken wait")[-1] == "failed"
    assert "Broken wait" in imported.stderr and "1 year" in imported.stderr, "the failure is reported, in words"

    logged = run_cli(["people", "activity", "ada@example.org", "attended_webinar"], home)

    assert logged.returncode == 0, (logged.stdout, logged.stderr)
    assert "Traceback" not in logged.stderr
    assert person(home, "ada@example.org").job_title == "Attendee"
    assert outcomes(home, "Webinar") == ["qualified", "changed"]

    listed = json.loads(run_cli(["automation", "list", "--json"], home).stdout)
    broken = next(item for item in listed if item["name"] == "Broken wait")
    assert any("a wait must be a finite number of seconds" in problem for problem in broken["problems"]), broken


def test_a_stored_smart_list_over_the_bounds_is_refused_in_words_before_sql(home):
    """A batch campaign an older version stored with 1,000 filters: SQLite used to answer "Expression tree is too
    large"; now the limit is named before any SQL runs (the built-in demo org stands in for Dynamics)."""
    home.mkdir(parents=True)
    with Session(open_store(home / "campsync.db")) as session:
        session.add(AutomationCampaign(name="Everyone", kind="batch", active=True, definition=json.dumps({
            "smart_list": json.loads(ONE_THOUSAND_ANY)["campaigns"][0]["definition"]["smart_list"],
            "flow": [{"step": "change_data_value", "field": "company", "value": "X"}]})))
        session.commit()

    done = run_cli(["automation", "run", "Everyone", "--dry-run"], home)

    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "'Everyone' cannot run: A smart list has at most 200 filters; this one has 1000." in done.stderr
    assert "Expression tree" not in done.stderr and "Traceback" not in done.stderr
