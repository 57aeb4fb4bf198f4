"""The command line under a French locale: `campsync --help`, a subcommand's help and the doctor speak French, with
Marketo's French names of the flow actions; `--json` keeps its English keys and values for scripts."""

import json

from support import run_cli

FRENCH = {"LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": "", "CAMPSYNC_LANGUAGE": ""}


def test_translations_campsync_help_speaks_french_under_a_french_locale(tmp_path):
    shown = run_cli(["--help"], tmp_path / "home", env=FRENCH)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("utilisation\u00a0: campsync")
    assert "afficher cette aide et quitter" in shown.stdout
    assert "Ajouter à Microsoft Campaign" in shown.stdout and "Supprimer de Microsoft Campaign" in shown.stdout
    assert "show this help message" not in shown.stdout

    add = run_cli(["add", "--help"], tmp_path / "home", env=FRENCH)
    assert "--campaign CAMPAIGN  nom ou ID de la campagne" in add.stdout, add.stdout

    english = run_cli(["--help"], tmp_path / "home", env={**FRENCH, "CAMPSYNC_LANGUAGE": "en"})
    assert english.stdout.startswith("usage: campsync"), "CAMPSYNC_LANGUAGE overrides the locale"


def test_translations_the_doctor_speaks_french_and_its_json_stays_english(org, tmp_path):
    env = {**org.env(), **FRENCH}
    report = run_cli(["doctor"], tmp_path / "home", env=env)
    assert "Jeton de l'autorité" in report.stdout and "Token from the authority" not in report.stdout, report.stdout
    assert "Synchronisation des campagnes activée" in report.stdout

    answer = json.loads(run_cli(["doctor", "--json"], tmp_path / "home", env=env).stdout)
    titles = {check["key"]: check["title"] for check in answer["checks"]}
    assert titles["token"] == "Token from the authority" and titles["tls"] == "TLS and certificate"


def test_translations_sandbox_help_is_french_under_a_french_locale(tmp_path):
    shown = run_cli(["sandbox", "--help"], tmp_path / "home", env={**FRENCH, "CAMPSYNC_LANGUAGE": "fr"})
    assert shown.returncode == 0, shown.stderr
    assert "port HTTPS sur 127.0.0.1 (par défaut 8443\u00a0; 0 = libre)" in shown.stdout, shown.stdout
    assert "utilisation" in shown.stdout
    assert "delay added to every API request" not in shown.stdout
