"""The connectivity doctor's fixed words in the person's language: its steps' titles, its statuses, the settings it
names. Functions, not constants: they are read when the doctor runs, in the language of that run (English under
`campsync doctor --json`), not when the module is imported. The step keys and statuses stay English: they are the
ids of the JSON report."""

from __future__ import annotations

from ..language import translate


def step_title(key: str) -> str:
    """A step's title ("DNS", "Token from the authority"…) by its key (doctor.STEPS has them in English)."""
    titles = {
        "config": translate("Doctor", "Configuration"),
        "dns": translate("Doctor", "DNS"),
        "tls": translate("Doctor", "TLS and certificate"),
        "token": translate("Doctor", "Token from the authority"),
        "whoami": translate("Doctor", "WhoAmI"),
        "version": translate("Doctor", "Org version"),
        "solution": translate("Doctor", "Prerequisite solution"),
        "access": translate("Doctor", "Read campaigns and lists"),
        "capabilities": translate("Doctor", "Org capabilities"),
        "change_tracking": translate("Doctor", "Change tracking"),
        "privileges": translate("Doctor", "Privileges for flow actions"),
        "sync": translate("Doctor", "Campaign sync enabled"),
        "latency": translate("Doctor", "Latency"),
        "parallelism": translate("Doctor", "Recommended parallelism"),
    }
    return titles.get(key, key)


def status_label(status: str) -> str:
    """"OK", "WARN", "FAIL", "not run" for the statuses ok, warn, fail, skip (doctor.LABEL in English)."""
    labels = {"ok": translate("Doctor", "OK"), "warn": translate("Doctor", "WARN"),
              "fail": translate("Doctor", "FAIL"), "skip": translate("Doctor", "not run")}
    return labels.get(status, status)


def missing_word(variable: str) -> str:
    """A setting Connection.missing() names, in words a person filling a form or a shell reads alike."""
    words = {"CAMPSYNC_ORG_URL": translate("Doctor", "the org URL"),
             "CAMPSYNC_TENANT_ID": translate("Doctor", "the tenant id"),
             "CAMPSYNC_CLIENT_ID": translate("Doctor", "the client id"),
             "CAMPSYNC_CLIENT_SECRET": translate("Doctor", "the client secret")}
    return words.get(variable, variable)


def root_hint() -> str:
    """The fix for an org URL that is not an environment's root."""
    return translate("Doctor", "Use the environment URL from the Power Platform admin center.")


def needed_step(key: str, failed: bool) -> str:
    """A step another one needs, that did not pass: "DNS (failed)", "WhoAmI (not run)"."""
    word = translate("Doctor", "{step} (failed)") if failed else translate("Doctor", "{step} (not run)")
    return word.format(step=step_title(key))


def skipped(reasons: str) -> str:
    """The detail of a step that did not run, with what it needed."""
    return translate("Doctor", "skipped — needs {reasons}").format(reasons=reasons)
