"""The bad-input catalogue (docs/bad-inputs.md): for each bad input, the exact message the user sees and proof
that nothing is lost — good rows still imported, queued actions kept pending or failed with their reason (never
dropped), no partial membership, no trigger for what Dynamics did not confirm.

Cases already covered elsewhere with the same message are referenced from docs/bad-inputs.md, not repeated.
"""

import csv
import random
import socket
import time
import zipfile

import httpx
import pytest
from sqlmodel import Session, select

from campsync_gui.core import flows
from campsync_gui.core.engine import SyncEngine
from campsync_gui.core.events import OUTBOX
from campsync_gui.core.models import Membership, Person
from campsync_gui.core.people_import import import_csv
from campsync_gui.core.settings import save_settings
from campsync_gui.core.store import open_store
from campsync_gui.dynamics.auth import ClientSecretCredential, MsalClientSecretProvider
from campsync_gui.dynamics.client import DataverseClient
from campsync_gui.dynamics.connect import open_client
from campsync_gui.dynamics.doctor import run_doctor
from campsync_gui.dynamics.tls import make_ssl_context
from campsync_gui.ui.widgets.log_panel import neutralise_cell
from support import FAST_RETRY, connection_for, run_cli
from test_engine import active_campaign, app_list_members, people_where, trigger_rows, world  # noqa: F401 (fixture)

CP1252_WARNING = ("The file is not valid UTF-8; it was read as Windows-1252 (cp1252). Check accented characters, "
                  "or save the file as UTF-8.")


# ---- CSV files ---------------------------------------------------------------------------------------------

@pytest.fixture
def store(tmp_path):
    """A store that already holds one person: a refused file must leave it exactly as it was."""
    engine = open_store(tmp_path / "campsync.db")
    with Session(engine) as s:
        s.add(Person(first_name="Kept", last_name="Before", email="kept@example.org", company="Old Co"))
        s.commit()
    return engine


def stored(engine) -> dict[str, Person]:
    with Session(engine) as s:
        return {p.email: p for p in s.exec(select(Person))}


ZOE_ADA = "first name,last name,email,company\nZoë,Müller,zoe@example.org,Café Crème\nAda,Lovelace,ada@example.org,\n"


def _xlsx(path):
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/workbook.xml", "<workbook/>")


FILES = {
    # Excel's "Unicode Text" export: UTF-16 with a BOM, tab-separated
    "utf16": lambda p: p.write_text(ZOE_ADA.replace(",", "\t"), encoding="utf-16"),
    "utf16 without BOM": lambda p: p.write_bytes(ZOE_ADA.encode("utf-16-le")),
    "latin-1": lambda p: p.write_bytes(ZOE_ADA.encode("latin-1")),
    "binary garbage": lambda p: p.write_bytes(random.Random(7).randbytes(20_000)),
    "Excel workbook": _xlsx,
}


@pytest.mark.parametrize("kind, summary, warnings", [
    ("utf16", "2 created, 0 updated, 0 unchanged, 0 skipped (0 errors, 0 warnings)", []),
    ("utf16 without BOM", "2 created, 0 updated, 0 unchanged, 0 skipped (0 errors, 0 warnings)", []),
    ("latin-1", "2 created, 0 updated, 0 unchanged, 0 skipped (0 errors, 1 warning)", [CP1252_WARNING]),
    ("binary garbage", "Nothing imported: This is not a text CSV file: it contains binary data. Export or save "
                       "the people as CSV (UTF-8) and import that file.", []),
    ("Excel workbook", "Nothing imported: This is an Excel workbook (.xlsx) or another ZIP file, not a CSV file. "
                       "In Excel use File > Save As > CSV UTF-8 (Comma delimited), then import that file.", []),
])
def test_csv_in_another_encoding_or_not_a_csv(store, tmp_path, kind, summary, warnings):
    path = tmp_path / "people.csv"
    FILES[kind](path)
    report = import_csv(store, path)
    assert report.summary() == summary
    assert report.warnings == warnings
    people = stored(store)
    assert people["kept@example.org"].company == "Old Co"
    if report.aborted:
        assert set(people) == {"kept@example.org"}, "a refused file writes nothing"
    else:
        zoe = people["zoe@example.org"]
        assert (zoe.first_name, zoe.last_name, zoe.company) == ("Zoë", "Müller", "Café Crème"), "accents intact"
        assert people["ada@example.org"].last_name == "Lovelace"


def test_csv_missing_the_email_column_is_refused_whole_from_the_cli(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("first name,last name,company\nAda,Lovelace,Engines\n", encoding="utf-8")
    result = run_cli(["people", "import", str(path)], tmp_path / "home")
    reason = ("The file needs an email column (email, e-mail, email address). "
              "Columns found: 'first name', 'last name', 'company'.")
    assert result.returncode == 1
    assert result.stdout == f"Nothing imported: {reason}\n", "the reason once, not again as a row error"
    assert run_cli(["people", "list", "--json"], tmp_path / "home").stdout.strip() == "[]"


def test_csv_with_spreadsheet_formulas_is_stored_as_text_flagged_and_neutralised_on_export(store, tmp_path):
    path = tmp_path / "people.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([
            ["first name", "last name", "email", "company", "job title", "score"],
            ["Eve", "Hacker", "eve@example.org", "=cmd|' /C calc'!A0", "CISO", "10"],
            ["Pat", "+SUM(1,2)", "pat@example.org", "Fine Inc", "-2+3", "-5"],
            ["Al", "Attack", "al@example.org", "@SUM(A1:A9)", "Dev", "+7"],
            ["Bo", "Plain", "bo@example.org", "Plain Co", "-", ""],
        ])
    report = import_csv(store, path)
    assert report.summary() == "4 created, 0 updated, 0 unchanged, 0 skipped (0 errors, 4 warnings)"
    assert report.warnings == [
        "row 2: company begins like a spreadsheet formula; stored as text, exports will neutralise it",
        "row 3: last name, job title begins like a spreadsheet formula; stored as text, exports will neutralise it",
        "row 4: company begins like a spreadsheet formula; stored as text, exports will neutralise it",
        "row 5: job title begins like a spreadsheet formula; stored as text, exports will neutralise it",
    ]
    people = stored(store)
    values = [people["eve@example.org"].company, people["pat@example.org"].last_name,
              people["pat@example.org"].job_title, people["al@example.org"].company, people["bo@example.org"].job_title]
    assert values == ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1:A9)", "-"], "stored verbatim"
    assert (people["pat@example.org"].score, people["al@example.org"].score) == (-5, 7), "numbers are not formulas"
    # The log and automation-results CSV exports write every cell through neutralise_cell.
    assert [neutralise_cell(v) for v in values] == ["'=cmd|' /C calc'!A0", "'+SUM(1,2)", "'-2+3", "'@SUM(A1:A9)", "'-"]


def test_malformed_csv_rows_are_listed_and_the_good_rows_still_imported(store, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("first name,last name,email,notes\n"
                    "Ada,Lovelace,ada@example.org,fine\n"
                    f"Big,Cell,big@example.org,{'x' * 200_000}\n"
                    "Bob,Builder,bob@example.org,fine\n"
                    'Cy,"Young,cy@example.org,quote never closed\n'
                    "Di,Prince,di@example.org,swallowed by the open quote\n", encoding="utf-8")
    report = import_csv(store, path)
    assert report.summary() == "2 created, 0 updated, 0 unchanged, 2 skipped (2 errors, 0 warnings)"
    assert [str(e) for e in report.errors] == [
        "row 3: has a cell longer than 131,072 characters (or a quote that is never closed); the row was not read",
        'row 5: has 2 cells but the header has 4: a quote (") opened in this row is never closed, so lines 5-6 '
        "of the file were read as this one row",
    ]
    assert set(stored(store)) == {"kept@example.org", "ada@example.org", "bob@example.org"}


def _peak_rss_mb() -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM")) / 1024


def test_fifty_megabyte_csv_imports_in_constant_memory(tmp_path):
    store = open_store(tmp_path / "campsync.db")
    path = tmp_path / "export.csv"
    rows = 100_000  # an export with a wide notes column: ~500 bytes a row
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["First Name", "Last Name", "Email", "Company", "Job Title", "Country", "Notes"])
        notes = "Met at the spring fair; wants the newsletter. " * 10
        for i in range(rows):
            email = f"person{i}@example.org" if i % 10_000 != 1 else f"broken{i}-at-example.org"
            writer.writerow([f"First{i}", f"Last{i}", email, f"Company {i % 97}", "Engineer", "Canada", notes])
    size_mb = path.stat().st_size / 1e6
    assert size_mb >= 50
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")  # reset the peak-RSS mark, so the figure below is this import's peak
    except OSError:
        pass
    before = _peak_rss_mb()
    started = time.perf_counter()
    report = import_csv(store, path)
    elapsed = time.perf_counter() - started
    peak = _peak_rss_mb()
    print(f"\n{size_mb:.1f} MB, {rows:,} rows imported in {elapsed:.1f} s; peak RSS {peak:.0f} MB "
          f"(was {before:.0f} MB before the import)")
    assert report.summary() == "99990 created, 0 updated, 0 unchanged, 10 skipped (10 errors, 0 warnings)"
    assert str(report.errors[0]) == "row 3: email 'broken1-at-example.org' is not a valid address"
    with Session(store) as s:
        assert len(s.exec(select(Person.id)).all()) == 99_990
    assert peak - before < size_mb, "the file is streamed, not read into memory"


# ---- connections -------------------------------------------------------------------------------------------

def _dns_words(host: str) -> str:
    try:
        socket.getaddrinfo(host, 443)
    except socket.gaierror as exc:
        return exc.strerror
    pytest.skip(f"{host} resolves on this machine")


ROOT_HINT = "Use the environment URL from the Power Platform admin center."


@pytest.mark.parametrize("org_url, step, detail, fix", [
    ("https://contoso.crm4.dynamics.con", "dns", "org host 'contoso.crm4.dynamics.con' does not resolve ({dns})",
     "Check the org URL for typos (an org URL looks like https://yourorg.crm.dynamics.com)."),
    ("http://contoso.crm4.dynamics.com", "config",
     "The org URL must start with https:// (got 'http://contoso.crm4.dynamics.com').", ROOT_HINT),
    ("contoso.crm4.dynamics.com", "config",
     "The org URL must start with https:// (got 'contoso.crm4.dynamics.com').", ROOT_HINT),
    ("https://contoso.crm4.dynamics.com/main.aspx?appid=42", "config",
     "The org URL must be the environment root, like https://yourorg.crm.dynamics.com (remove '/main.aspx').",
     ROOT_HINT),
    ("https://contoso.crm4.dynamics.com/api/data/v9.2", "config",
     "The org URL must be the environment root, like https://yourorg.crm.dynamics.com (remove '/api/data/v9.2').",
     ROOT_HINT),
])
async def test_org_url_typos_in_the_doctor(org, org_url, step, detail, fix):
    if "{dns}" in detail:
        detail = detail.format(dns=_dns_words("contoso.crm4.dynamics.con"))
    report = await run_doctor(connection_for(org, org_url=org_url))
    check = next(r for r in report.results if r.key == step)
    assert (check.status, check.detail, check.fix) == ("fail", detail, fix)
    assert all(r.status == "skip" for r in report.results if r.key in ("token", "whoami", "access"))


def test_org_url_typo_in_a_command_names_the_org_url(org, tmp_path):
    env = {**org.env(), "CAMPSYNC_ORG_URL": "https://contoso.crm4.dynamics.con"}
    result = run_cli(["campaigns"], tmp_path / "home", env)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == ("campsync: The org URL is not a resource in this tenant: check the org URL "
                             "(https://yourorg.crm.dynamics.com).\n")
    http = run_cli(["campaigns"], tmp_path / "home", {**org.env(), "CAMPSYNC_ORG_URL": "http://contoso.com"})
    assert (http.returncode, http.stderr) == (2, "campsync: The org URL must start with https:// "
                                                 "(got 'http://contoso.com').\n")


async def queued_adds(world, org, count=3):
    """`count` leads planned and queued for an active campaign with the good connection; the request id."""
    campaign = active_campaign(org)
    plan = world.plan(people_where(world, dynamics_type="lead")[:count], world.campaign_record(campaign["campaignid"]),
                      flows.ADD)
    return world.enqueue(plan, origin="test"), campaign


def assert_kept_pending(engine, request_id):
    rows = engine.rows_of(request_id)
    assert rows and {r.state for r in rows} == {"pending"}, [(r.state, r.reason) for r in rows]
    with Session(engine.db) as s:
        assert s.exec(select(Membership).where(Membership.source == "flow_action")).all() == []


@pytest.mark.parametrize("broken, detail, fix", [
    ({"tenant_id": "11111111-2222-3333-4444-555555555555"},
     "Tenant not found: check the tenant id (a GUID or yourcompany.onmicrosoft.com).",
     "Copy the Directory (tenant) ID from the app registration's Overview page."),
    ({"client_secret": "not-the-secret"},
     "The client secret is wrong: paste the secret's Value (not its Secret ID), or create a new one.",
     "Create a client secret under Certificates & secrets and paste its Value."),
])
async def test_wrong_tenant_or_secret_keeps_queued_actions_pending(org, world, broken, detail, fix):
    check = next(r for r in (await run_doctor(connection_for(org, **broken))).results if r.key == "token")
    assert (check.status, check.detail, check.fix) == ("fail", detail, fix)

    request_id, campaign = await queued_adds(world, org)
    bad = open_client(connection_for(org, **broken), retry=FAST_RETRY, timeout=10)
    try:
        report = await SyncEngine(world.db, bad, scope="t").run()
    finally:
        await bad.aclose()
    assert report.problems == [f"could not check the prerequisite solution: {detail}"]
    assert report.left_pending == 3
    assert_kept_pending(world, request_id)
    assert (await world.run()).done == 3, "the good connection finishes what was kept"


async def test_untrusted_certificate_keeps_queued_actions_pending(org, world):
    conn = connection_for(org, ca_bundle=None)
    host_port = org.url.removeprefix("https://")
    check = next(r for r in (await run_doctor(conn)).results if r.key == "tls")
    assert (check.status, check.detail) == ("fail", f"the certificate of {host_port} is not trusted "
                                                    "(unable to get local issuer certificate)")
    assert check.fix == ("If your network inspects TLS, or this is the sandbox org, set CAMPSYNC_CA_BUNDLE to the "
                         "CA certificate file (the sandbox prints it).")

    request_id, _ = await queued_adds(world, org)
    untrusting = open_client(conn, retry=FAST_RETRY, timeout=10)
    try:
        report = await SyncEngine(world.db, untrusting, scope="t").run()
    finally:
        await untrusting.aclose()
    assert report.problems == [
        f"could not check the prerequisite solution: The TLS certificate of {org.url} is not trusted (unable to get "
        "local issuer certificate). If your organisation inspects TLS or this is the sandbox, set "
        "CAMPSYNC_CA_BUNDLE to the CA certificate file."]
    assert_kept_pending(world, request_id)


# ---- Dynamics changing under a queued action ---------------------------------------------------------------

def assert_nothing_reached_the_org(world, org, campaign_id):
    assert app_list_members(org, campaign_id, "lead")[1] == set()
    assert trigger_rows(world) == []
    with Session(world.db) as s:
        assert s.exec(select(Membership).where(Membership.source == "flow_action")).all() == []


@pytest.mark.parametrize("change, reason", [
    ("deleted", "the campaign was deleted in Dynamics before this action ran"),
    ("deactivated", "campaign {name!r} became inactive in Dynamics before this action ran"),
])
async def test_campaign_deleted_or_deactivated_between_preview_and_run(org, world, change, reason):
    request_id, campaign = await queued_adds(world, org, count=4)
    if change == "deleted":
        org.state.delete("campaigns", campaign["campaignid"])
    else:
        org.state.set_campaign_state(campaign["campaignid"], active=False)
    report = await world.run()
    assert (report.blocked, report.done, report.failed, report.problems) == (4, 0, 0, [])
    rows = world.rows_of(request_id)
    assert {(r.state, r.outcome, r.reason) for r in rows} == {("failed", "blocked", reason.format(name=campaign["name"]))}
    assert_nothing_reached_the_org(world, org, campaign["campaignid"])
    if change == "deactivated":  # kept in the queue: once the campaign is active again, a retry finishes the job
        org.state.set_campaign_state(campaign["campaignid"], active=True)
        assert world.retry_failed(request_id) == 4
        assert (await world.run()).done == 4


async def _seed_app_list(world, org):
    """One lead added through CampSync, so the campaign has its app list; returns (campaign, list row, leads)."""
    campaign = active_campaign(org)
    leads = people_where(world, dynamics_type="lead")
    plan = world.plan(leads[:1], world.campaign_record(campaign["campaignid"]), flows.ADD)
    world.enqueue(plan, origin="test")
    assert (await world.run()).done == 1
    return campaign, app_list_members(org, campaign["campaignid"], "lead")[0], leads


async def test_app_list_locked_in_crm_fails_with_the_reason_and_retry_finishes(org, world):
    campaign, lst, leads = await _seed_app_list(world, org)
    org.state.lock_list(lst["listid"])
    plan = world.plan(leads[1:4], world.campaign_record(campaign["campaignid"]), flows.ADD)
    request_id = world.enqueue(plan, origin="test")
    report = await world.run()
    name = lst["listname"]
    assert (report.failed, report.done) == (3, 0)
    assert {(r.state, r.reason) for r in world.rows_of(request_id)} == {(
        "failed", f"CampSync's list {name!r} is locked in Dynamics: Dynamics rejected the request (HTTP 400): "
                  f"The marketing list {name!r} is locked: members cannot be added. [POST AddListMembersList]")}
    assert len(trigger_rows(world)) == 1, "no trigger for what Dynamics refused"
    org.state.lock_list(lst["listid"], locked=False)
    assert world.retry_failed(request_id) == 3
    assert (await world.run()).done == 3
    assert app_list_members(org, campaign["campaignid"], "lead")[1] == {p.dynamics_id for p in leads[:4]}


async def test_app_list_deleted_in_crm_is_recreated_for_adds_and_removes_say_so(org, world):
    campaign, lst, leads = await _seed_app_list(world, org)
    org.state.delete_list(lst["listid"])  # the engine still has the old list cached
    plan = world.plan(leads[1:3], world.campaign_record(campaign["campaignid"]), flows.ADD)
    request_id = world.enqueue(plan, origin="test")
    report = await world.run()
    assert (report.done, report.failed, report.problems) == (2, 0, [])
    assert {(r.outcome, r.reason) for r in world.rows_of(request_id)} == {("added", "confirmed by Dynamics")}
    fresh, members = app_list_members(org, campaign["campaignid"], "lead")
    # Re-created under the same id (derived from its name), with only the people added since.
    assert fresh["listid"] == lst["listid"] and members == {p.dynamics_id for p in leads[1:3]}

    org.state.delete_list(fresh["listid"])
    plan = world.plan(leads[1:2], world.campaign_record(campaign["campaignid"]), flows.REMOVE)
    request_id = world.enqueue(plan, origin="test")
    report = await world.run()
    assert (report.skipped, report.failed) == (1, 0)
    assert [(r.outcome, r.reason) for r in world.rows_of(request_id)] == [
        ("skipped", "CampSync's list was deleted in Dynamics; nothing left to remove")]


async def test_wrong_member_type_fails_only_that_person_with_the_orgs_reason(org, world):
    campaign = active_campaign(org)
    leads = people_where(world, dynamics_type="lead")[:3]
    contact_id = next(iter(org.state.contacts))
    account_id = next(iter(org.state.accounts))
    with Session(world.db) as s:  # two people the store believes are leads, whose ids are not leads' ids
        impostors = [Person(first_name="Con", last_name="Tact", email="con@example.org", dynamics_type="lead",
                            dynamics_id=contact_id),
                     Person(first_name="Ac", last_name="Count", email="acc@example.org", dynamics_type="lead",
                            dynamics_id=account_id)]
        s.add_all(impostors)
        s.commit()
        for p in impostors:
            s.refresh(p)
    plan = world.plan(leads + impostors, world.campaign_record(campaign["campaignid"]), flows.ADD)
    request_id = world.enqueue(plan, origin="test")
    report = await world.run()
    assert (report.done, report.failed) == (3, 2)
    lst, members = app_list_members(org, campaign["campaignid"], "lead")
    assert members == {p.dynamics_id for p in leads}, "the good leads of the same batch were added"
    by_person = {r.person_id: r for r in world.rows_of(request_id)}
    for person, kind, entity_id in ((impostors[0], "contact", contact_id), (impostors[1], "account", account_id)):
        row = by_person[person.id]
        assert (row.state, row.reason) == ("failed", (
            f"Dynamics rejected the request (HTTP 400): The marketing list {lst['listname']!r} has member type lead "
            f"(createdfromcode 4), so the {kind} {entity_id} cannot be a member. "
            f"[POST lists({lst['listid']})/Microsoft.Dynamics.CRM.AddMemberList]"))
    assert {e.person_id for e in trigger_rows(world)} == {p.id for p in leads}


# ---- the server and the session ----------------------------------------------------------------------------

class TruncatingTransport(httpx.AsyncBaseTransport):
    """Passes requests to the org; cuts the body of the first answer whose path contains `marker` to `keep` bytes."""

    def __init__(self, inner: httpx.AsyncBaseTransport, marker: str, keep: int):
        self.inner, self.marker, self.keep, self.cut = inner, marker, keep, 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if self.cut or self.marker not in request.url.path:
            return response
        body = await response.aread()
        await response.aclose()
        self.cut += 1
        return httpx.Response(response.status_code, headers={"Content-Type": "application/json"},
                              content=body[:self.keep])

    async def aclose(self) -> None:
        await self.inner.aclose()


async def test_truncated_json_from_the_server_keeps_actions_pending_until_a_good_answer(org, world):
    request_id, campaign = await queued_adds(world, org)
    conn = connection_for(org)
    ssl_context = make_ssl_context(conn.ca_bundle)
    tokens = MsalClientSecretProvider(ClientSecretCredential(conn.tenant_id, conn.client_id, conn.client_secret,
                                                             conn.authority_host), conn.org_url, ssl_context)
    transport = TruncatingTransport(httpx.AsyncHTTPTransport(verify=ssl_context), f"campaigns({campaign['campaignid']})",
                                    keep=40)
    flaky = DataverseClient(conn.org_url, tokens, ssl_context=ssl_context, retry=FAST_RETRY, transport=transport)
    try:
        engine = SyncEngine(world.db, flaky, scope="t")
        report = await engine.run()
        assert transport.cut == 1
        message = (f"Dynamics sent a response that is not valid JSON (HTTP 200, 40 bytes) for GET "
                   f"/api/data/v9.2/campaigns({campaign['campaignid']})")
        assert (report.problems, report.done, report.left_pending) == ([message], 0, 3)
        assert {(r.state, r.last_error) for r in world.rows_of(request_id)} == {("pending", message)}
        assert_nothing_reached_the_org(world, org, campaign["campaignid"])
        report = await engine.run()  # the next run gets whole answers
        assert (report.done, report.problems) == (3, [])
    finally:
        await flaky.aclose()


@pytest.mark.parametrize("how", ["token_ttl of 1 s", "token refused mid-run"])
async def test_token_expiring_mid_run_is_renewed_and_the_run_finishes(org, world, how):
    campaign = active_campaign(org)
    settings = world.settings()
    settings.batch_size = 5  # 20 people: several batches, so the run outlives its tokens
    save_settings(world.db, settings, "t")
    leads = people_where(world, dynamics_type="lead")[:20]
    plan = world.plan(leads, world.campaign_record(campaign["campaignid"]), flows.ADD)
    request_id = world.enqueue(plan, origin="test")
    if how == "token_ttl of 1 s":
        org.knobs.token_ttl = 1  # each token lives 1 s, under msal's 5-minute margin: renewed for every request
    else:
        refused = []

        def refuse_tokens_once(event):  # after the first confirmed batch, the org stops honouring the token
            if event.kind == OUTBOX and event.data.get("state") == "done" and not refused:
                refused.append(True)
                org.revoke_tokens()
        world.bus.subscribe(refuse_tokens_once)
    client = open_client(connection_for(org), retry=FAST_RETRY, timeout=10)  # signs in under the knob set above
    engine = SyncEngine(world.db, client, scope="t", bus=world.bus)
    start = len(org.request_log)
    try:
        report = await engine.run()
    finally:
        await client.aclose()
    log = org.request_log[start:]
    token_requests = sum(1 for r in log if r.path.endswith("/oauth2/v2.0/token"))
    api_requests = sum(1 for r in log if "/api/data/" in r.path)
    unauthorized = sum(1 for r in log if r.status == 401)
    print(f"\n{how}: {api_requests} API requests, {token_requests} token requests, {unauthorized} × 401, "
          f"{client.stats.token_refreshes} forced refreshes, report {report.to_dict()}")
    assert (report.done, report.failed, report.problems, report.left_pending) == (20, 0, [], 0)
    assert {r.outcome for r in world.rows_of(request_id)} == {"added"}
    assert app_list_members(org, campaign["campaignid"], "lead")[1] == {p.dynamics_id for p in leads}
    if how == "token_ttl of 1 s":
        assert token_requests >= api_requests > 4, "a fresh token for every request of the run"
    else:
        # Requests in flight when the token was refused each hear 401 once; one new token serves them all.
        assert 1 <= unauthorized <= client.dop_hint and client.stats.token_refreshes == 1 and token_requests == 2
