"""Each way a connection can be broken gives its own doctor message, at the step where it breaks."""

import pytest

from campsync_gui.dynamics.doctor import STEPS, DoctorOptions, run_doctor

from support import connection_for


def by_key(report):
    return {r.key: r for r in report.results}


async def test_healthy_sandbox_passes_every_check_in_order(org, conn):
    seen = []
    report = await run_doctor(conn, DoctorOptions(), on_result=seen.append)
    assert [r.key for r in seen] == [key for key, _ in STEPS]
    assert report.ok, report.to_text()
    checks = by_key(report)
    assert all(r.status == "ok" for r in report.results), report.to_text()
    assert "5.0.2.1" in checks["solution"].detail
    # The sandbox's test CA lasts for centuries: shown as a date, not as "expires in 355416 days".
    assert "valid until" in checks["tls"].detail and "expires in" not in checks["tls"].detail
    assert "p50" in checks["latency"].detail and "p95" in checks["latency"].detail
    assert all(r.ms >= 0 for r in report.results)


def failure(report, key):
    checks = by_key(report)
    assert not report.ok
    assert checks[key].status == "fail", report.to_text()
    later = [r for r in report.results[[r.key for r in report.results].index(key) + 1:] if r.key != "sync"]
    return checks[key], later


async def test_wrong_secret(org):
    report = await run_doctor(connection_for(org, client_secret="not-the-secret"))
    check, later = failure(report, "token")
    assert "client secret is wrong" in check.detail and "Value" in check.fix
    assert all(r.status == "skip" for r in later)


async def test_wrong_tenant(org):
    report = await run_doctor(connection_for(org, tenant_id="11111111-2222-3333-4444-555555555555"))
    check, _ = failure(report, "token")
    assert "Tenant not found" in check.detail


async def test_wrong_client_id(org):
    report = await run_doctor(connection_for(org, client_id="99999999-2222-3333-4444-555555555555"))
    check, _ = failure(report, "token")
    assert "client) id not found" in check.detail


async def test_untrusted_certificate(org):
    report = await run_doctor(connection_for(org, ca_bundle=None))
    check, _ = failure(report, "tls")
    assert "not trusted" in check.detail and "CAMPSYNC_CA_BUNDLE" in check.fix


async def test_unreachable_host(org):
    report = await run_doctor(connection_for(org, org_url="https://127.0.0.1:1", authority_host=org.url))
    check, _ = failure(report, "tls")
    assert "nothing is listening at 127.0.0.1:1" in check.detail


async def test_host_name_typo(org):
    report = await run_doctor(connection_for(org, org_url="https://contoso.crm.dynamics.invalid"))
    check, _ = failure(report, "dns")
    assert "does not resolve" in check.detail and "typos" in check.fix


async def test_missing_credentials_fail_configuration_but_dns_and_tls_still_run(org):
    report = await run_doctor(connection_for(org, tenant_id="", client_secret=None))
    checks = by_key(report)
    assert checks["dns"].status == "ok" and checks["tls"].status == "ok"
    check, _ = failure(report, "config")
    assert "the tenant id (CAMPSYNC_TENANT_ID)" in check.detail
    assert checks["token"].status == "skip"
    assert checks["token"].detail == "skipped — needs the tenant id (missing)"
    for key in ("whoami", "version", "solution", "access", "capabilities", "privileges", "latency", "sync",
                "parallelism", "change_tracking"):
        assert checks[key].status == "skip" and checks[key].ms == 0, checks[key]
    assert checks["whoami"].detail == "skipped — needs Token from the authority (not run)"


async def test_host_typo_is_reported_even_when_the_tenant_is_missing(org):
    # (Without a secret a connection signs a person in: the tenant is what such a connection cannot do without.)
    report = await run_doctor(connection_for(org, org_url="https://contoso.crm.dynamics.invalid", tenant_id=""))
    checks = by_key(report)
    assert checks["dns"].status == "fail" and "does not resolve" in checks["dns"].detail
    assert checks["config"].status == "fail" and "the tenant id" in checks["config"].detail
    assert checks["tls"].detail == "skipped — needs DNS (failed)"
    assert checks["token"].detail == "skipped — needs TLS and certificate (not run); the tenant id (missing)"


async def test_report_never_ticks_a_step_that_did_not_run(org):
    report = await run_doctor(connection_for(org, client_secret="not-the-secret"))
    checks = by_key(report)
    assert checks["sync"].status == "skip", "the setting is on, but nothing was checked against the org"
    assert checks["sync"].detail == "skipped — needs WhoAmI (not run); the setting is on for this connection"
    text = report.to_text()
    lines = {r.key: line for r in report.results for line in text.splitlines() if f" {r.title} " in line}
    for key in ("whoami", "version", "solution", "access", "capabilities", "privileges", "sync", "latency",
                "parallelism", "change_tracking"):
        assert lines[key].startswith("· ") and " not run " in lines[key] and " ms " not in lines[key], lines[key]
    assert "1 failed, 0 warnings, 10 not run." in text
    # Turned off, though, the setting is a failure whatever the org says: flow actions are blocked.
    off = by_key(await run_doctor(connection_for(org, client_secret="not-the-secret"),
                                  DoctorOptions(campaign_sync_enabled=False)))["sync"]
    assert off.status == "fail" and "disabled" in off.detail


async def test_old_prerequisite_solution(org, conn):
    org.knobs.solution_version = "4.1.0.3"
    check, _ = failure(await run_doctor(conn), "solution")
    assert "4.1.0.3" in check.detail and "older than the required 4.2.0.0" in check.detail


async def test_prerequisite_solution_not_installed(org, conn):
    org.knobs.solution_version = None
    check, _ = failure(await run_doctor(conn), "solution")
    assert "not installed" in check.detail


async def test_campaign_sync_disabled(org, conn):
    report = await run_doctor(conn, DoctorOptions(campaign_sync_enabled=False))
    check, _ = failure(report, "sync")
    assert "disabled" in check.detail and "campsync sync enable" in check.fix
    assert by_key(report)["latency"].status == "ok"


async def test_missing_read_privilege(org, conn):
    org.knobs.denied = {"lists"}
    check, _ = failure(await run_doctor(conn), "access")
    assert "cannot read lists" in check.detail


@pytest.mark.parametrize("broken", ["secret", "none"])
async def test_report_never_contains_the_secret(org, broken):
    conn = connection_for(org) if broken == "none" else connection_for(org, client_secret="wrong-s3cret-xyz")
    report = await run_doctor(conn)
    text = report.to_text() + report.to_json()
    assert conn.client_secret not in text
