"""What scripts rely on, pinned: every command and flag, the keys and values of each `--json` answer, and the
exit codes (0 done, 1 a Dynamics or sync failure, 2 a user error), and with --json the error's code (the last line
of stderr is `{"error": {"code", "message"}}` whenever the exit code is not 0).

The pin is `cli_contract.json` beside this file. A difference is a change for every script that calls
`campsync`: make it on purpose, say so in the README, and re-pin with
`CAMPSYNC_PIN_CLI=1 .venv/bin/python -m pytest tests/integration/test_cli_contract.py`.
"""

import argparse
import json
import os
from pathlib import Path

import pytest

from support import run_cli

PIN = Path(__file__).with_name("cli_contract.json")
REPIN = os.environ.get("CAMPSYNC_PIN_CLI") == "1"
# Keys whose values scripts branch on: their values are pinned too, not only their type.
ENUM_KEYS = {"outcome", "plan", "label", "state", "trigger", "trigger_label", "origin", "action", "kind", "type",
             "environment", "key", "ok", "active", "default", "campaign_sync_enabled", "secret_stored", "aborted"}


def _parser_surface(parser: argparse.ArgumentParser) -> dict:
    """Each command path → its options (with choices and whether they take a value) and positionals."""
    options, positionals, children = {}, [], {}
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                children[name] = _parser_surface(sub)
            continue
        entry = {"takes_value": action.nargs != 0, "required": bool(action.required),
                 "choices": sorted(map(str, action.choices)) if action.choices else None,
                 "repeatable": isinstance(action, argparse._AppendAction)}
        if action.option_strings:
            options[" ".join(sorted(action.option_strings))] = entry
        else:
            positionals.append({"name": action.dest, "nargs": str(action.nargs), **entry})
    return {"options": options, "positionals": positionals, "commands": children}


def _shape(value):
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in sorted(value.items())}
    if isinstance(value, list):
        merged = None
        for item in value:
            merged = _merge(merged, _shape(item))
        return [merged] if merged is not None else []
    return {bool: "bool", int: "number", float: "number", str: "str", type(None): "null"}[type(value)]


def _merge(a, b):
    if a is None:
        return b
    if isinstance(a, dict) and isinstance(b, dict):
        return {key: _merge(a.get(key), b.get(key)) if key in a and key in b else (a.get(key) or b.get(key))
                for key in sorted(set(a) | set(b))}
    if isinstance(a, list) and isinstance(b, list):
        return [_merge(a[0] if a else None, b[0] if b else None)] if (a or b) else []
    if a == b:
        return a
    kinds = set(a.split("|")) if isinstance(a, str) else {json.dumps(a)}
    kinds |= set(b.split("|")) if isinstance(b, str) else {json.dumps(b)}
    return "|".join(sorted(kinds))


def _enum_values(value, found=None) -> dict:
    found = {} if found is None else found
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ENUM_KEYS and not isinstance(item, (dict, list)):
                found.setdefault(key, set()).add(json.dumps(item))
            _enum_values(item, found)
    elif isinstance(value, list):
        for item in value:
            _enum_values(item, found)
    return found


def _error_code(result) -> str:
    try:
        error = json.loads(result.stderr.strip().splitlines()[-1])["error"]
    except (ValueError, IndexError, KeyError, TypeError):
        pytest.fail(f"no JSON error on the last line of stderr:\n{result.stderr}")
    assert set(error) == {"code", "message"} and error["message"]
    return error["code"]


def _failure(result) -> dict:
    """A --json command that failed before answering: its exit code and the error's code (stdout stays empty)."""
    assert result.stdout == "", result.stdout
    return {"exit": result.returncode, "error": _error_code(result)}


def _answer(result, *, as_json: bool = True) -> dict:
    if as_json and result.returncode and not result.stdout:
        return _failure(result)  # refused before answering: the error's code is what scripts see
    entry = {"exit": result.returncode}
    if as_json and result.returncode:
        entry["error"] = _error_code(result)
    if as_json:
        try:
            data = json.loads(result.stdout)
        except ValueError:
            pytest.fail(f"not JSON:\n{result.stdout}\n{result.stderr}")
        entry["json"] = _shape(data)
        entry["values"] = {key: sorted(values) for key, values in sorted(_enum_values(data).items())}
    return entry


def _scenario(org, home: Path, tmp_path: Path, store_env: dict | None = None) -> dict:
    """One session of scripting, touching every command that answers in JSON and each exit code (on the store
    `store_env` names, e.g. a team's CAMPSYNC_DATABASE_URL; by default the home's SQLite file)."""
    env = {**org.env(), **(store_env or {})}

    def cli(*args, stdin=None, environ=env):
        return run_cli(list(args), home, environ, stdin=stdin)

    active = sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                    key=lambda r: r["name"])[0]["name"]
    inactive = sorted((r for r in org.state.campaigns.values() if r["statecode"] != 0 and not r["istemplate"]),
                      key=lambda r: r["name"])[0]["name"]
    people = tmp_path / "people.csv"
    people.write_text("Name,E-mail,Company,Type\nRosa Parks,rosa@example.org,Montgomery Co,\n"
                      "Bad Row,not-an-email,X,\n", encoding="utf-8")
    spreadsheet = tmp_path / "people.xlsx"
    spreadsheet.write_bytes(b"PK\x03\x04" + bytes(200))
    automation = tmp_path / "automation.json"
    answers: dict[str, dict] = {}
    # Nothing configured: the built-in demo org. Configured but incomplete: an error saying what is missing.
    answers["no connection: campaigns --json"] = _answer(run_cli(["campaigns", "--json"], tmp_path / "empty", {}))
    answers["incomplete connection: campaigns --json"] = _failure(run_cli(
        ["campaigns", "--json"], tmp_path / "empty", {"CAMPSYNC_ORG_URL": "https://contoso.crm.dynamics.com"}))
    answers["usage mistake --json"] = _failure(cli("queue", "--json", "--bogus"))
    answers["campaigns --json"] = _answer(cli("campaigns", "--json"))
    answers["campaigns --active --json"] = _answer(cli("campaigns", "--active", "--json"))
    answers["sync status --json"] = _answer(cli("sync", "status", "--json"))
    answers["doctor --json"] = _answer(cli("doctor", "--json"))
    answers["profile add"] = _answer(cli("profile", "add", "sbx", "--org-url", env["CAMPSYNC_ORG_URL"],
                                         "--tenant-id", env["CAMPSYNC_TENANT_ID"], "--client-id",
                                         env["CAMPSYNC_CLIENT_ID"], "--environment", "sandbox", "--secret-stdin",
                                         stdin="not-the-secret\n"), as_json=False)
    answers["profile list --json"] = _answer(cli("profile", "list", "--json"))
    answers["profile use unknown"] = _answer(cli("profile", "use", "nobody"), as_json=False)
    answers["profile add bad url"] = _answer(cli("profile", "add", "bad", "--org-url", "http://x", "--tenant-id", "t",
                                                 "--client-id", "c"), as_json=False)
    answers["people import --json"] = _answer(cli("people", "import", str(people), "--json"))
    answers["people import spreadsheet --json"] = _answer(cli("people", "import", str(spreadsheet), "--json"))
    answers["people import missing file"] = _answer(cli("people", "import", str(tmp_path / "nope.csv")),
                                                    as_json=False)
    answers["people import missing file --json"] = _failure(cli("people", "import", str(tmp_path / "nope.csv"),
                                                                "--json"))
    answers["people pull --json"] = _answer(cli("people", "pull", "--json"))
    answers["people list --json"] = _answer(cli("people", "list", "--limit", "3", "--json"))
    lead = sorted(r["emailaddress1"] for r in org.state.leads.values() if r["emailaddress1"])[0]
    answers["add --dry-run --json"] = _answer(cli("add", "--campaign", active, "--person", lead, "--person",
                                                  "rosa@example.org", "--dry-run", "--json"))
    answers["add --json"] = _answer(cli("add", "--campaign", active, "--person", lead, "--person",
                                        "rosa@example.org", "--person", "ghost@example.org", "--json"))
    answers["add again --json"] = _answer(cli("add", "--campaign", active, "--person", lead, "--json"))
    answers["add inactive --json"] = _answer(cli("add", "--campaign", inactive, "--person", lead, "--json"))
    answers["add unknown campaign"] = _answer(cli("add", "--campaign", "No such campaign", "--person", lead),
                                              as_json=False)
    answers["add nobody"] = _answer(cli("add", "--campaign", active), as_json=False)
    answers["remove --json"] = _answer(cli("remove", "--campaign", active, "--person", "rosa@example.org",
                                           "--json"))
    answers["queue --json"] = _answer(cli("queue", "--json"))
    answers["queue --all --json"] = _answer(cli("queue", "--all", "--json"))
    answers["retry --json"] = _answer(cli("retry", "--json"))
    answers["cancel"] = _answer(cli("cancel"), as_json=False)
    answers["log --json"] = _answer(cli("log", "--json"))
    answers["log --limit 1 --json"] = _answer(cli("log", "--limit", "1", "--json"))
    answers["log --since 1d --json"] = _answer(cli("log", "--since", "1d", "--json"))
    answers["verify-log --json"] = _answer(cli("verify-log", "--json"))
    answers["log-key --json"] = _answer(cli("log-key", "--json"))
    answers["log --export --json"] = _answer(cli("log", "--export", str(tmp_path / "log-export.json"), "--json"))
    answers["people activity"] = _answer(cli("people", "activity", lead, "visited_web_page", "--detail", "Pricing"),
                                         as_json=False)
    answers["people activity unknown"] = _answer(cli("people", "activity", "ghost@example.org", "x"),
                                                 as_json=False)
    campaign_id = next(r["campaignid"] for r in org.state.campaigns.values() if r["name"] == active)
    automation.write_text(json.dumps({"format": "campsync-automation/1", "campaigns": [{
        "name": "Canada push", "kind": "batch", "active": True, "definition": {
            "smart_list": {"filters": [{"kind": "field", "field": "country", "op": "equals", "value": "Canada"}],
                           "logic": "all"},
            "flow": [{"step": "add_to_microsoft_campaign", "campaign_id": campaign_id}]}}]}), encoding="utf-8")
    answers["automation import"] = _answer(cli("automation", "import", str(automation)), as_json=False)
    answers["automation import not an export"] = _answer(cli("automation", "import", str(people)), as_json=False)
    answers["automation list --json"] = _answer(cli("automation", "list", "--json"))
    answers["automation run --dry-run --json"] = _answer(cli("automation", "run", "Canada push", "--dry-run",
                                                             "--json"))
    answers["automation run --json"] = _answer(cli("automation", "run", "Canada push", "--json"))
    answers["automation deactivate"] = _answer(cli("automation", "deactivate", "Canada push"), as_json=False)
    answers["automation activate unknown"] = _answer(cli("automation", "activate", "Nobody"), as_json=False)
    answers["automation export"] = _answer(cli("automation", "export", str(tmp_path / "out.json")), as_json=False)
    answers["run-scheduler --once"] = _answer(cli("run-scheduler", "--once"), as_json=False)
    answers["sync disable"] = _answer(cli("sync", "disable"), as_json=False)
    answers["add with sync off --json"] = _answer(cli("add", "--campaign", active, "--person", lead, "--json"))
    answers["sync enable --json"] = _answer(cli("sync", "enable", "--json"))
    answers["wrong secret"] = _answer(cli("campaigns", environ={**env, "CAMPSYNC_CLIENT_SECRET": "typo"}),
                                      as_json=False)
    answers["wrong secret --json"] = _failure(cli("campaigns", "--json",
                                                  environ={**env, "CAMPSYNC_CLIENT_SECRET": "typo"}))
    answers["profile remove"] = _answer(cli("profile", "remove", "sbx"), as_json=False)
    return answers


def test_commands_and_flags_are_the_pinned_ones():
    from campsync_gui.cli.main import build_parser

    surface = _parser_surface(build_parser())
    pinned = json.loads(PIN.read_text(encoding="utf-8")) if PIN.exists() else {}
    if REPIN:
        PIN.write_text(json.dumps({**pinned, "parser": surface}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        pinned["parser"] = surface
    assert surface == pinned["parser"]


def test_json_answers_and_exit_codes_are_the_pinned_ones(org, tmp_path):
    answers = _scenario(org, tmp_path / "home", tmp_path)
    pinned = json.loads(PIN.read_text(encoding="utf-8")) if PIN.exists() else {}
    if REPIN:
        PIN.write_text(json.dumps({**pinned, "answers": answers}, indent=1, sort_keys=True) + "\n",
                       encoding="utf-8")
        pinned["answers"] = answers
    expected = pinned["answers"]
    assert sorted(answers) == sorted(expected)
    changed = {step: {"now": answer, "pinned": expected[step]} for step, answer in answers.items()
               if answer != expected[step]}
    assert changed == {}
