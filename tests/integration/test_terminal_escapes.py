"""Issue 13, finding 5: a person named `Eve\\x1b]0;PWNED\\x07` (from a CSV file or from Dynamics) retitled the
terminal of whoever ran `campsync people list` or `campsync log`, and a carriage return, an erase-line sequence,
a C1 control or a right-to-left override could hide or reorder lines. Control characters are now dropped when a
value enters the store (import, pull) and escaped when it leaves for a terminal (an older store may hold them),
while accents, CJK and emoji are kept. JSON output stays valid and means the same.
"""

import json
import re
import time

import pytest
from sqlmodel import Session, select

from campsync_gui.core.models import CampaignRecord, ListName, Person, TriggerEventRecord
from campsync_gui.core.pull import pull_memberships, pull_people, refresh_campaigns
from campsync_gui.core.settings import SyncSettings
from campsync_gui.core.store import open_store
from campsync_gui.dynamics.connect import open_client
from campsync_gui.paths import AppPaths
from support import FAST_RETRY, connection_for, run_cli

TITLE = "\x1b]0;PWNED\x07"  # OSC 0: sets the terminal's title
ERASE = "\r\x1b[2K"  # back to the start of the line, erase it: what was printed before is gone
C1_CSI = "\x9b2K"  # the one-character CSI of a C1 terminal, erase line
RLO = "\u202e"  # right-to-left override: what follows is shown reversed
# What no terminal output may carry: C0 controls but line feed and tab, DEL, C1 controls, bidi overrides/isolates.
RAW_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Accents, CJK, and an emoji family held together by zero-width joiners: all kept.
LEGIT = "Zoë Ångström-王 👩\u200d👩\u200d👧"


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


# A few escapes in a tiny file make it look binary (over 1 % control bytes): the hostile row hides among others.
COLLEAGUES = "".join(f"Colleague,Number {i},colleague{i}@example.org,Acme\n" for i in range(40))


def stored_people(db_file) -> dict[str, Person]:
    with Session(open_store(db_file)) as session:
        return {p.email: p for p in session.exec(select(Person))}


def assert_terminal_safe(text: str) -> None:
    found = RAW_UNSAFE.findall(text)
    assert not found, f"raw control characters reached the terminal: {found!r} in {text!r}"


# ---- a CSV file --------------------------------------------------------------------------------------------

def test_a_csv_name_with_terminal_escapes_is_stored_and_listed_without_them(home, tmp_path):
    csv_file = tmp_path / "people.csv"
    csv_file.write_text("first name,last name,email,company\n" + COLLEAGUES +
                        f'Eve{TITLE},"Mallory{ERASE}Trusted",eve@example.org,Evil{RLO}cO\n'  # quoted: CR kept
                        f"{LEGIT.split(' ')[0]},{LEGIT.split(' ', 1)[1]},zoe@example.org,Café Crème\n",
                        encoding="utf-8")

    imported = run_cli(["people", "import", str(csv_file)], home)
    assert imported.returncode == 0, imported.stderr
    assert "42 created" in imported.stdout
    assert ("row 42: control characters (line breaks, tabs, terminal escapes) removed from first name, last name, "
            "company") in imported.stdout, "the person is told the file held them"

    eve = stored_people(AppPaths(home).db_file)["eve@example.org"]
    assert (eve.first_name, eve.last_name, eve.company) == ("Eve]0;PWNED", "Mallory [2KTrusted", "EvilcO")

    listed = run_cli(["people", "list"], home)
    assert listed.returncode == 0, listed.stderr
    assert_terminal_safe(listed.stdout)
    lines = listed.stdout.splitlines()
    assert len(lines) == 42, "one line per person: nothing hidden, nothing added"
    assert any(line.startswith(LEGIT) and "Café Crème" in line for line in lines), "legitimate unicode kept as it is"

    as_json = json.loads(run_cli(["people", "list", "--json"], home).stdout)
    assert {p["name"] for p in as_json} - {f"Colleague Number {i}" for i in range(40)} == \
        {"Eve]0;PWNED Mallory [2KTrusted", LEGIT}


def test_an_email_with_control_characters_is_refused_with_its_row(home, tmp_path):
    csv_file = tmp_path / "people.csv"
    csv_file.write_text(f"first name,last name,email,company\n{COLLEAGUES}Eve,X,eve{TITLE}@example.org,\n",
                        encoding="utf-8")
    imported = run_cli(["people", "import", str(csv_file)], home)
    assert imported.returncode == 0, imported.stderr
    assert "40 created, 0 updated, 0 unchanged, 1 skipped" in imported.stdout
    assert "row 42: email 'eve\\x1b]0;PWNED\\x07@example.org' holds control characters" in imported.stdout
    assert_terminal_safe(imported.stdout)
    assert "eve" not in "".join(stored_people(AppPaths(home).db_file))


# ---- a store written before: the output is escaped ---------------------------------------------------------

@pytest.fixture
def old_store(home):
    """A store as an older CampSync left it: a hostile person, and a trigger event naming them and a campaign."""
    db = open_store(AppPaths(home).ensure().db_file)
    with Session(db) as session:
        eve = Person(first_name=f"Eve{TITLE}", last_name=f"X{C1_CSI}{RLO}", email=f"eve{ERASE}@example.org",
                     company="Evil\nCorp: this line is not a person")
        session.add(eve)
        session.add(Person(first_name="Zoë", last_name="王", email="zoe@example.org", company="Café"))
        session.flush()
        session.add(TriggerEventRecord(trigger="added_to_microsoft_campaign", person_id=eve.id, email=eve.email,
                                       campaign_id="c1", campaign_name=f"Spring{TITLE}{RLO}", origin="flow_action",
                                       request_id="r1", at=time.time()))
        session.commit()
    return db


def test_people_list_escapes_what_an_older_store_holds(home, old_store):
    listed = run_cli(["people", "list"], home)
    assert listed.returncode == 0, listed.stderr
    assert_terminal_safe(listed.stdout)
    assert len(listed.stdout.splitlines()) == 2, "a line break in a company does not start a line of its own"
    assert "Evil Corp: this line is not a person" in listed.stdout
    assert "Zoë 王" in listed.stdout


def test_json_output_stays_valid_and_keeps_the_stored_values(home, old_store):
    listed = run_cli(["people", "list", "--json"], home)
    assert listed.returncode == 0, listed.stderr
    assert_terminal_safe(listed.stdout)  # DEL, C1 and bidi overrides, which json.dumps leaves raw, are escaped too
    eve = next(p for p in json.loads(listed.stdout) if p["company"].startswith("Evil"))
    assert eve["name"] == f"Eve{TITLE} X{C1_CSI}{RLO}", "the JSON means exactly what the store holds"
    assert "\\u009b" in listed.stdout and "\\u202e" in listed.stdout


@pytest.mark.parametrize("args", [["log"], ["log", "--json"], ["log", "--limit", "5"]])
def test_the_log_printers_escape_names_and_campaigns(home, old_store, args):
    printed = run_cli(args, home)
    assert printed.returncode == 0, printed.stderr
    assert_terminal_safe(printed.stdout)
    if "--json" in args:
        [event] = json.loads(printed.stdout)
        assert event["campaign"] == f"Spring{TITLE}{RLO}"
    else:
        [line] = printed.stdout.splitlines()
        assert "Spring]0;PWNED" in line and "eve [2K@example.org" in line


# ---- a pull from Dynamics ----------------------------------------------------------------------------------

async def test_a_pull_stores_names_campaigns_and_lists_without_control_characters(org, tmp_path):
    lead = org.state.create("leads", {"firstname": f"Eve{TITLE}", "lastname": f"Hacker{RLO}",
                                      "emailaddress1": "eve.lead@example.org", "companyname": f"Evil{ERASE}Corp",
                                      "jobtitle": f"Boss{C1_CSI}"})
    bad_email = org.state.create("leads", {"firstname": "Mallory", "lastname": LEGIT,
                                           "emailaddress1": f"mallory{TITLE}@example.org"})
    campaign = org.state.create("campaigns", {"name": f"Spring{TITLE} sale"})
    crm_list = org.state.create("lists", {"listname": f"VIPs{RLO}", "createdfromcode": 4})
    org.state.link_list(campaign["campaignid"], crm_list["listid"])
    org.state.add_member(crm_list["listid"], lead["leadid"])

    db = open_store(tmp_path / "campsync.db")
    client = open_client(connection_for(org), retry=FAST_RETRY, timeout=10)
    try:
        await refresh_campaigns(db, client)
        report = await pull_people(db, client)
        await pull_memberships(db, client, SyncSettings())
    finally:
        await client.aclose()

    with Session(db) as session:
        eve = session.exec(select(Person).where(Person.dynamics_id == lead["leadid"].lower())).one()
        mallory = session.exec(select(Person).where(Person.dynamics_id == bad_email["leadid"].lower())).one()
        stored_campaign = session.get(CampaignRecord, campaign["campaignid"].lower())
        list_name = session.get(ListName, crm_list["listid"].lower())
    assert (eve.first_name, eve.last_name, eve.company, eve.job_title) == ("Eve]0;PWNED", "Hacker",
                                                                           "Evil [2KCorp", "Boss2K")
    assert (mallory.last_name, mallory.email) == (LEGIT, None), "unicode kept; an email with an escape is no address"
    assert any("holds control characters; stored without it" in w for w in report.warnings)
    assert stored_campaign.name == "Spring]0;PWNED sale"
    assert list_name.name == "VIPs"
