"""`campsync doctor` shows how bulk creates are sized for the connection: first size, ceiling, timeout, and the
size learned this session when the workspace has one (issue 12)."""

import json

from campsync_gui.dynamics.doctor import DoctorOptions, run_doctor

from support import run_cli


def by_key(report):
    return {r.key: r for r in report.results}


async def test_the_capabilities_step_reports_the_bulk_request_sizes_and_timeout(org, conn):
    check = by_key(await run_doctor(conn, DoctorOptions(create_batch_start=150, create_batch_max=600,
                                                        bulk_timeout_s=240)))["capabilities"]
    assert check.status == "ok"
    assert "bulk requests: 150 leads per CreateMultiple at first, at most 600" in check.detail
    assert "each may take 240 s" in check.detail and "learned" not in check.detail
    learned = by_key(await run_doctor(conn, DoctorOptions(create_batch_now=37)))["capabilities"]
    assert "200 leads per CreateMultiple at first, at most 1000, 37 now (learned this session)" in learned.detail


async def test_the_bulk_line_stays_when_the_metadata_cannot_be_read(org, conn, monkeypatch):
    from campsync_gui.dynamics import capabilities
    from campsync_gui.dynamics.errors import DynamicsError

    async def unreadable(client):
        raise DynamicsError("boom", status=500)

    monkeypatch.setattr(capabilities, "org_actions", unreadable)
    check = by_key(await run_doctor(conn))["capabilities"]
    assert check.status == "warn" and "bulk requests: 200 leads per CreateMultiple" in check.detail


def test_doctor_json_shows_the_settings_of_the_connection(org, tmp_path):
    home = tmp_path / "home"
    env = org.env()
    status = json.loads(run_cli(["sync", "status", "--json"], home, env).stdout)
    assert (status["create_batch_start"], status["create_batch_max"], status["bulk_timeout_s"]) == (200, 1000, 180)
    result = run_cli(["doctor", "--json"], home, env)
    assert result.returncode == 0, result.stderr
    checks = {c["key"]: c for c in json.loads(result.stdout)["checks"]}
    assert "bulk requests: 200 leads per CreateMultiple at first, at most 1000" in checks["capabilities"]["detail"]
    assert "each may take 180 s" in checks["capabilities"]["detail"]
    text = run_cli(["sync", "status"], home, env).stdout
    assert "Bulk requests: 200 new leads per request at first, at most 1000, each allowed 180 s." in text
