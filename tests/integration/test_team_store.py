"""Team mode, first step: one store URL, a real PostgreSQL server (tests/pg_server.py), its schema kept by
`campsync db upgrade`, and every `campsync` pointed at that URL seeing the same people, queue and log whatever its
CAMPSYNC_HOME. No mocked database: each test gets a new database on the session's throwaway cluster."""

import json

import pytest
from alembic import command

from campsync_gui.core import migrations
from pg_server import PASSWORD
from support import run_cli
from test_cli_flow import campaign_named

URL_ENV = "CAMPSYNC_DATABASE_URL"


def team_cli(url, home, extra_env=None):
    def run(*args, stdin=None):
        done = run_cli(list(args), home, {URL_ENV: url, **(extra_env or {})}, stdin=stdin)
        everything = done.stdout + done.stderr
        assert PASSWORD not in everything, f"the store's password was printed by `campsync {' '.join(args)}`"
        return done
    return run


def upgraded(url, home):
    cli = team_cli(url, home)
    done = cli("db", "upgrade")
    assert done.returncode == 0, done.stderr
    return cli


def test_team_db_upgrade_brings_a_new_postgresql_store_to_head_and_db_current_says_so(pg_url, tmp_path):
    cli = team_cli(pg_url, tmp_path / "admin")
    before = json.loads(cli("db", "current", "--json").stdout)
    assert before["revision"] is None and before["up_to_date"] is False
    assert before["head"] == migrations.HEAD

    upgrade = cli("db", "upgrade")
    assert upgrade.returncode == 0, upgrade.stderr
    assert f"to {migrations.HEAD}" in upgrade.stdout

    after = cli("db", "current", "--json")
    assert after.returncode == 0
    state = json.loads(after.stdout)
    assert state == {"url": state["url"], "revision": migrations.HEAD, "head": migrations.HEAD, "up_to_date": True}
    assert state["url"].startswith("postgresql+psycopg://campsync:***@127.0.0.1:")
    again = cli("db", "upgrade")
    assert again.returncode == 0 and "nothing to do" in again.stdout


def test_team_a_command_on_a_postgresql_store_not_upgraded_yet_exits_2_naming_db_upgrade(pg_url, tmp_path):
    cli = team_cli(pg_url, tmp_path / "operator")
    for args in (("people", "list"), ("queue", "--json")):
        refused = cli(*args)
        assert refused.returncode == 2
        assert "campsync db upgrade" in refused.stderr and "Traceback" not in refused.stderr
    as_json = json.loads(cli("queue", "--json").stderr.strip().splitlines()[-1])
    assert as_json["error"]["code"] == "store_error"


def test_team_a_postgresql_store_one_revision_behind_is_refused_until_db_upgrade(pg_url, tmp_path):
    cli = upgraded(pg_url, tmp_path / "admin")
    command.downgrade(migrations.config(url=pg_url), "-1")  # the revisions go down on PostgreSQL too
    behind = json.loads(cli("db", "current", "--json").stdout)
    assert behind["revision"] != migrations.HEAD and behind["up_to_date"] is False
    refused = cli("people", "list")
    assert refused.returncode == 2 and f"is at schema {behind['revision']}" in refused.stderr
    assert "campsync db upgrade" in refused.stderr
    assert cli("db", "upgrade").returncode == 0
    assert cli("people", "list").returncode == 0


def test_team_a_postgresql_store_from_a_newer_campsync_is_refused(pg_url, tmp_path):
    import sqlalchemy as sa

    cli = upgraded(pg_url, tmp_path / "admin")
    db = sa.create_engine(pg_url)
    with db.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0099_from_a_newer_campsync'")
    db.dispose()
    for args in (("people", "list"), ("db", "upgrade")):
        refused = cli(*args)
        assert refused.returncode != 0 and "written by a newer CampSync" in refused.stderr


def test_team_two_homes_on_one_url_see_the_same_people_queue_and_log(pg_url, org, tmp_path):
    alice = upgraded(pg_url, tmp_path / "alice")
    bob = team_cli(pg_url, tmp_path / "bob", org.env())
    alice = team_cli(pg_url, tmp_path / "alice", org.env())
    csv = tmp_path / "people.csv"
    csv.write_text("Name,E-mail,Company\nRosa Parks,rosa@example.org,Montgomery Co\n"
                   "Alan Turing,alan@example.org,Bletchley\n", encoding="utf-8")
    imported = alice("people", "import", str(csv))
    assert imported.returncode == 0 and "2 created" in imported.stdout
    pulled = bob("people", "pull")  # Bob's pull merges the org's people into the store Alice imported into
    assert pulled.returncode == 0, pulled.stderr

    seen_by_bob = json.loads(bob("people", "list", "--json").stdout)
    emails = {p["email"] for p in seen_by_bob}
    assert {"alan@example.org", "rosa@example.org"} < emails
    assert {lead["emailaddress1"].lower() for lead in org.state.leads.values() if lead["emailaddress1"]} <= emails
    assert seen_by_bob == json.loads(alice("people", "list", "--json").stdout)

    campaign = campaign_named(org)
    added = alice("add", "--campaign", campaign["name"], "--person", "rosa@example.org", "--person",
                  "alan@example.org", "--json")
    assert added.returncode == 0, added.stderr
    assert [r["outcome"] for r in json.loads(added.stdout)] == ["added", "added"]

    queue = json.loads(bob("queue", "--all", "--json").stdout)
    assert sorted((r["email"], r["state"], r["outcome"]) for r in queue) == [
        ("alan@example.org", "done", "added"), ("rosa@example.org", "done", "added")]
    assert queue == json.loads(alice("queue", "--all", "--json").stdout)
    log = json.loads(bob("log", "--json").stdout)
    assert sorted((e["trigger"], e["email"]) for e in log) == [
        ("added_to_microsoft_campaign", "alan@example.org"), ("added_to_microsoft_campaign", "rosa@example.org")]

    skipped = json.loads(bob("add", "--campaign", campaign["campaignid"], "--person", "rosa@example.org",
                             "--json").stdout)
    assert skipped[0]["outcome"] == "skipped", "Bob sees the membership Alice's command recorded"


def test_team_the_password_in_the_url_never_appears_in_output_or_logs(pg_server, pg_url, tmp_path):
    home = tmp_path / "home"
    cli = team_cli(pg_url, home)
    outputs = [cli("people", "list"), cli("db", "current"), cli("db", "current", "--json"), cli("db", "upgrade"),
               cli("db", "upgrade", "--json"), cli("people", "list", "--json"), cli("queue")]
    wrong = pg_server.url(pg_url.rsplit("/", 1)[1], password="wrong-Pa55word")
    refused = team_cli(wrong, home)("people", "list")
    assert refused.returncode == 2 and "cannot reach the store" in refused.stderr
    assert "password authentication failed" in refused.stderr
    assert "wrong-Pa55word" not in refused.stdout + refused.stderr
    assert all(PASSWORD not in done.stdout + done.stderr for done in outputs)
    for path in home.rglob("*"):
        if path.is_file():
            assert PASSWORD not in path.read_text(errors="replace"), path


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://ops:Pa55word@db.example.org:port/campsync",
    "mysql://ops:Pa55word@db.example.org/campsync",
    "definitely not a url",
    "postgresql+psycopg://ops:Pa55word@db.example.org",
])
def test_team_a_malformed_store_url_gives_a_plain_sentence_and_exit_2(url, tmp_path):
    done = run_cli(["people", "list"], tmp_path / "home", {URL_ENV: url})
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("campsync: CAMPSYNC_DATABASE_URL"), done.stderr
    assert "Pa55word" not in done.stdout + done.stderr


def test_team_database_url_in_config_toml_selects_the_store(pg_url, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text(f'database_url = "{pg_url}"\n', encoding="utf-8")
    done = run_cli(["db", "current", "--json"], home)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["url"].startswith("postgresql+psycopg://campsync:***@")
    assert not (home / "campsync.db").exists()


def test_team_smart_lists_qualify_the_same_people_on_postgresql_as_in_python(pg_url):
    from sqlmodel import Session, select

    from campsync_gui.core import smartlists as sl
    from campsync_gui.core.models import Activity, Person
    from campsync_gui.core.store import open_store, upgrade_store

    upgrade_store(pg_url)
    db = open_store(pg_url)
    try:
        with Session(db) as session:
            for first, email, title in (("Zoë", "zoe@acme.example", "Head of Marketing"),
                                        ("Ann", "ann@beta.example", "Engineer"),
                                        ("Éric", "eric@acme.example", "marketing lead")):
                session.add(Person(first_name=first, last_name="X", email=email, job_title=title, score=10,
                                   created_at=1.0, updated_at=1.0))
            session.commit()
            ann = session.exec(select(Person).where(Person.email == "ann@beta.example")).one()
            session.add(Activity(person_id=ann.id, type="visited_web_page", detail="/Pricing/Teams", at=100.0))
            session.commit()
            people = {p.email: p.id for p in session.exec(select(Person))}
        definitions = {
            "title contains": {"filters": [{"kind": "field", "field": "job_title", "op": "contains",
                                            "value": "MARKETING"}], "logic": "all"},
            "email starts with": {"filters": [{"kind": "field", "field": "email", "op": "starts_with",
                                               "value": "ann@"}], "logic": "all"},
            "name does not contain": {"filters": [{"kind": "field", "field": "name", "op": "not_contains",
                                                   "value": "zoë"}], "logic": "all"},
            "visited pricing": {"filters": [{"kind": "activity", "has": True, "type": "visited_web_page",
                                             "detail_contains": "pricing"}], "logic": "all"},
        }
        want = {"title contains": {"zoe@acme.example", "eric@acme.example"}, "email starts with": {"ann@beta.example"},
                "name does not contain": {"ann@beta.example", "eric@acme.example"},
                "visited pricing": {"ann@beta.example"}}
        for name, definition in definitions.items():
            expected = sorted(people[email] for email in want[name])
            assert sl.members(db, definition, now=200.0) == expected, name
            assert sl.count(db, definition, now=200.0) == len(expected), name
    finally:
        db.dispose()


def test_team_every_scripted_command_answers_on_postgresql_as_pinned_for_sqlite(pg_url, org, tmp_path):
    """The CLI contract's whole scripting session (tests/integration/cli_contract.json), on a team's store: the same
    JSON shapes, values and exit codes as on the SQLite file."""
    from test_cli_contract import PIN, _scenario

    upgraded(pg_url, tmp_path / "admin")
    answers = _scenario(org, tmp_path / "home", tmp_path, {URL_ENV: pg_url})
    expected = json.loads(PIN.read_text(encoding="utf-8"))["answers"]
    changed = {step: (answer, expected[step]) for step, answer in answers.items() if answer != expected[step]}
    # The trigger log too: keyed with the team's key, its head file this node's (team_log.py).
    assert changed == {}


def test_db_commands_on_the_default_sqlite_file(tmp_path):
    home = tmp_path / "home"
    current = run_cli(["db", "current", "--json"], home)
    assert current.returncode == 0 and json.loads(current.stdout)["revision"] is None
    assert not (home / "campsync.db").exists(), "db current reads, it never makes the store"
    upgrade = run_cli(["db", "upgrade"], home)
    assert upgrade.returncode == 0 and f"to {migrations.HEAD}" in upgrade.stdout
    state = json.loads(run_cli(["db", "current", "--json"], home).stdout)
    assert state == {"url": f"sqlite:///{home / 'campsync.db'}", "revision": migrations.HEAD,
                     "head": migrations.HEAD, "up_to_date": True}


def test_team_two_first_trigger_events_written_at_once_make_one_intact_chain(pg_url):
    """Two nodes confirm their first flow actions at the same moment on a new team store: the second waits for
    the first's chain head (made by `db upgrade`), then appends after it; neither write is refused."""
    import threading

    from sqlmodel import Session

    from campsync_gui.core.store import open_store, upgrade_store
    from campsync_gui.core.triggers import ADDED, TriggerEvent, append_events, verify_chain

    upgrade_store(pg_url)
    db = open_store(pg_url)

    def event(node):
        return TriggerEvent(trigger=ADDED, person_id=1, email=f"{node}@example.org", campaign_id="c1",
                            campaign_name="Spring", origin="drop", request_id=node, outbox_id=None, at=1.0)

    first, second = Session(db), Session(db)
    outcome = {}

    def second_node():
        try:
            append_events(second, [event("second")])
            second.commit()
            outcome["second"] = "written"
        except Exception as exc:  # what a racing first append used to get: the head row inserted twice
            outcome["second"] = repr(exc)

    try:
        append_events(first, [event("first")])  # not committed yet: holds the chain head
        racing = threading.Thread(target=second_node)
        racing.start()
        racing.join(1.0)
        assert racing.is_alive(), "the second append waits for the first"
        first.commit()
        racing.join(30)
        assert outcome == {"second": "written"}
        check = verify_chain(db)
        assert check.ok and check.count == 2, check.message
    finally:
        first.close()
        second.close()
        db.dispose()
