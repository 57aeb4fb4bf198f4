"""The command line's manners: a reader that stops early ends it quietly, errors are one JSON object with --json,
a subcommand's mistakes show that subcommand's usage, and every option says what it does."""

import argparse
import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from support import run_cli

BROKEN_PIPE_EXIT = 141  # 128 + SIGPIPE: what a shell shows for git or cat in `… | head -1`


def cli_process(args, home):
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    env["CAMPSYNC_HOME"] = str(home)
    return subprocess.Popen([sys.executable, "-m", "campsync_gui", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def assert_quiet(stderr: bytes):
    text = stderr.decode()
    assert "Traceback" not in text and "BrokenPipeError" not in text and "Exception ignored" not in text, text


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path):
    home = tmp_path / "home"
    people = tmp_path / "people.csv"
    people.write_text("Name,E-mail\n" + "".join(f"Person {i},p{i}@example.org\n" for i in range(3000)),
                      encoding="utf-8")
    assert run_cli(["people", "import", str(people)], home).returncode == 0

    # `campsync people list --json | head -1`: far more than a pipe holds, and the reader leaves after one line.
    proc = cli_process(["people", "list", "--json"], home)
    assert proc.stdout.readline().strip() == b"["
    proc.stdout.close()
    stderr = proc.stderr.read()
    assert proc.wait(timeout=60) == BROKEN_PIPE_EXIT
    assert_quiet(stderr)

    # A reader gone before the first byte (the answer is small, written at the end): the same quiet end.
    proc = cli_process(["log", "--json"], home)
    proc.stdout.close()
    stderr = proc.stderr.read()
    assert proc.wait(timeout=60) == BROKEN_PIPE_EXIT
    assert_quiet(stderr)


def last_json_line(stderr: str) -> dict:
    """With --json, the error is the last line of stderr (a notice or problem may come before it)."""
    error = json.loads(stderr.strip().splitlines()[-1])
    assert set(error) == {"error"} and set(error["error"]) == {"code", "message"}
    return error["error"]


def test_with_json_an_error_is_one_json_object_on_stderr(tmp_path):
    home = tmp_path / "home"
    incomplete = {"CAMPSYNC_ORG_URL": "https://contoso.crm.dynamics.com"}
    result = run_cli(["campaigns", "--json"], home, incomplete)
    assert result.returncode == 2 and result.stdout == ""
    error = last_json_line(result.stderr)
    assert error["code"] == "not_connected" and "CAMPSYNC_CLIENT_ID" in error["message"]

    missing = run_cli(["people", "import", str(tmp_path / "nope.csv"), "--json"], home)
    assert missing.returncode == 2 and last_json_line(missing.stderr) == {
        "code": "user_error", "message": f"No such file: {tmp_path / 'nope.csv'}"}

    usage = run_cli(["queue", "--json", "--bogus"], home)
    assert usage.returncode == 2 and usage.stdout == ""
    error = last_json_line(usage.stderr)
    assert error["code"] == "usage_error" and "--bogus" in error["message"] and "campsync queue" in error["message"]

    # Without --json, errors stay one plain line.
    plain = run_cli(["campaigns"], home, incomplete)
    assert plain.returncode == 2 and plain.stderr.startswith("campsync: Not connected: missing")
    assert len(plain.stderr.strip().splitlines()) == 1 and "{" not in plain.stderr


def test_with_json_dynamics_errors_and_failed_actions_are_error_objects_too(org, tmp_path):
    home = tmp_path / "home"
    env = org.env()
    wrong = run_cli(["campaigns", "--json"], home, {**env, "CAMPSYNC_CLIENT_SECRET": "typo-secret"})
    assert wrong.returncode == 1 and wrong.stdout == ""
    error = last_json_line(wrong.stderr)
    assert error["code"] == "dynamics_error" and "client secret is wrong" in error["message"]
    assert "typo-secret" not in wrong.stderr

    assert run_cli(["people", "pull"], home, env).returncode == 0
    lead = next(iter(org.state.leads.values()))["emailaddress1"]
    inactive = next(r for r in org.state.campaigns.values() if r["statecode"] != 0 and not r["istemplate"])
    blocked = run_cli(["add", "--campaign", inactive["name"], "--person", lead, "--json"], home, env)
    assert blocked.returncode == 1
    assert json.loads(blocked.stdout)[0]["outcome"] == "blocked", "the answer is still on stdout"
    error = last_json_line(blocked.stderr)
    assert error["code"] == "blocked" and lead.lower() in error["message"]


@pytest.mark.parametrize("argv, usage, says", [
    (["queue", "--bogus"], "usage: campsync queue ", "unrecognized arguments: --bogus"),
    (["people", "list", "--bogus"], "usage: campsync people list ", "unrecognized arguments: --bogus"),
    (["log", "--since", "last-week"], "usage: campsync log ", "give an age (30m, 12h, 7d, 2w), a date (2026-05-01)"),
    (["log", "--limit", "3", "extra"], "usage: campsync log ", "unrecognized arguments: extra"),
])
def test_a_subcommands_mistake_shows_that_subcommands_usage(argv, usage, says, capsys):
    from campsync_gui.cli.main import main

    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(usage), err
    assert says in err


def test_since_takes_ages_dates_and_days():
    from campsync_gui.cli.log import since_time

    now = datetime(2026, 5, 20, 15, 45, tzinfo=timezone(timedelta(hours=2)))
    assert since_time("2h", now) == (now - timedelta(hours=2)).timestamp()
    assert since_time("7d", now) == (now - timedelta(days=7)).timestamp()
    assert since_time("yesterday", now) == datetime(2026, 5, 19, tzinfo=now.tzinfo).timestamp()
    assert since_time("today", now) == datetime(2026, 5, 20, tzinfo=now.tzinfo).timestamp()
    assert since_time("2026-05-01T14:30Z", now) == datetime(2026, 5, 1, 14, 30, tzinfo=timezone.utc).timestamp()
    assert since_time("2026-05-01", now) == datetime(2026, 5, 1).astimezone().timestamp()  # local midnight
    with pytest.raises(argparse.ArgumentTypeError, match="is not a time"):
        since_time("last tuesday", now)


def test_every_option_of_every_command_says_what_it_does():
    from campsync_gui.cli.main import all_parsers, build_parser

    undescribed = []
    for parser in all_parsers(build_parser()):
        for action in parser._actions:
            if action.help in (None, "", argparse.SUPPRESS):
                undescribed.append(f"{parser.prog} {'/'.join(action.option_strings) or action.dest}")
            if isinstance(action, argparse._SubParsersAction):
                undescribed += [f"{parser.prog} {choice.dest}" for choice in action._choices_actions
                                if not choice.help]
    assert undescribed == []


def test_a_file_that_cannot_be_read_or_written_is_a_user_error_not_a_traceback(tmp_path):
    home = tmp_path / "home"
    unreadable = run_cli(["add", "--campaign", "X", "--people-file", str(tmp_path / "nope.txt")], home)
    assert unreadable.returncode == 2
    assert unreadable.stderr == f"campsync: No such file or directory: {tmp_path / 'nope.txt'}\n"
    unwritable = run_cli(["automation", "export", str(tmp_path / "no-folder" / "out.json")], home)
    assert unwritable.returncode == 2 and "Traceback" not in unwritable.stderr
    assert unwritable.stderr.startswith("campsync: No such file or directory:")


@pytest.mark.parametrize("as_json", [False, True])
def test_an_unexpected_error_is_one_line_with_the_details_in_the_log(monkeypatch, tmp_path, capsys, as_json):
    from campsync_gui.cli import main as cli_main

    def broken(_args):
        raise RuntimeError("boom")

    monkeypatch.setenv("CAMPSYNC_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(cli_main, "Context", broken)
    monkeypatch.setattr(cli_main, "setup_logging", lambda _folder: None)  # this process's logging stays as it is
    assert cli_main.main(["queue"] + (["--json"] if as_json else [])) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    if as_json:
        assert last_json_line(err)["code"] == "internal_error"
    else:
        assert err.startswith("campsync: unexpected error (RuntimeError: boom). The details are in the log file")
