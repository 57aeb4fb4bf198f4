"""Connectivity doctor: ordered checks from configuration to latency, each with status, time and a fix.

Used by `campsync doctor` and by the GUI's "Test connectivity" dialog (through `on_result`).
"""

from __future__ import annotations

import asyncio
import json
import socket
import ssl
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlparse

from ..language import plural, translate
from . import capabilities, change_tracking
from .client import DataverseClient, RetryPolicy
from .connect import CERTIFICATE, USER, auth_method, token_provider
from .doctor_words import missing_word, needed_step, root_hint, skipped, status_label, step_title
from .entities import version_tuple
from .errors import AuthError, DynamicsError, PermissionDenied, SignInRequired, Unauthorized
from .signin import BROWSER, DEVICE_CODE, UserSignIn
from .signin_errors import sign_in_hint
from .tls import ConnectionTrust, connection_trust, is_microsoft_host

OK, WARN, FAIL, SKIP = "ok", "warn", "fail", "skip"
# SKIP is a step that did not run: a neutral dot, never a tick (nothing was checked).
ICON = {OK: "✔", WARN: "!", FAIL: "✘", SKIP: "·"}
LABEL = {OK: "OK", WARN: "WARN", FAIL: "FAIL", SKIP: "not run"}  # English; a person reads status_label()

LATENCY_SAMPLES = 5
SLOW_P95_MS = 1500.0
CERT_EXPIRY_WARN_DAYS = 14


@dataclass
class CheckResult:
    key: str
    title: str
    status: str
    ms: float
    detail: str
    fix: str = ""


@dataclass
class DoctorOptions:
    campaign_sync_enabled: bool = True
    prerequisite_solution: str = "Marketo Lead Management"
    prerequisite_min_version: str = "4.2.0.0"
    timeout: float = 10.0
    # How CampSync sizes its bulk creates for this connection (its settings), and the size its engine has learned
    # from the org this session when there is one: shown so an admin can see what a slow org did to it.
    create_batch_start: int = 200
    create_batch_max: int = 1000
    bulk_timeout_s: float = 180
    create_batch_now: int | None = None


@dataclass
class DoctorReport:
    connection: str
    org_url: str
    results: list[CheckResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(r.status != FAIL for r in self.results)

    def to_dict(self) -> dict:
        return {"connection": self.connection, "org_url": self.org_url, "ok": self.ok,
                "checks": [asdict(r) for r in self.results]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def to_text(self) -> str:
        lines = [translate("Doctor", "CampSync connectivity report — {connection} ({org})").format(
                     connection=self.connection, org=self.org_url or translate("Doctor", "no org URL")),
                 f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M:%S} UTC", ""]
        for r in self.results:
            lines += format_check(r)
        lines += ["", self.summary()]
        return "\n".join(lines)

    def summary(self) -> str:
        """One line: all passed, or how many failed, warned and did not run."""
        counts = {status: sum(r.status == status for r in self.results) for status in (FAIL, WARN, SKIP)}
        if not any(counts.values()):
            return translate("Doctor", "All checks passed.")
        warnings = plural(counts[WARN], translate("Doctor", "{n} warning"), translate("Doctor", "{n} warnings"))
        if counts[SKIP]:
            return translate("Doctor", "{failed} failed, {warnings}, {skipped} not run.").format(
                failed=counts[FAIL], warnings=warnings, skipped=counts[SKIP])
        return translate("Doctor", "{failed} failed, {warnings}.").format(failed=counts[FAIL], warnings=warnings)


def format_check(r: CheckResult) -> list[str]:
    """A check as report lines; a step that did not run shows no time (it took none)."""
    took = "" if r.status == SKIP else translate("Doctor", "{ms} ms").format(ms=f"{r.ms:.0f}")
    # Columns as wide as the language's longest title and status ("Privilèges pour les actions de flux", "non exécuté").
    title_width = max(28, *(len(step_title(key)) for key, _ in STEPS))
    status_width = max(len(status_label(status)) for status in LABEL)
    lines = [f"{ICON[r.status]} {r.title:<{title_width}} {status_label(r.status):<{status_width}} {took:>10}  "
             f"{r.detail}"]
    if r.fix and r.status in (FAIL, WARN):
        lines.append("    " + translate("Doctor", "fix: {fix}").format(fix=r.fix))
    return lines


class _Failed(Exception):
    """Raised inside a step to end it as failed with a message and a fix."""

    def __init__(self, detail: str, fix: str = "", status: str = FAIL):
        super().__init__(detail)
        self.detail, self.fix, self.status = detail, fix, status


# The steps in order, with their English titles (their ids, for importers); a person reads step_title(key).
STEPS: list[tuple[str, str]] = [
    ("config", "Configuration"),
    ("dns", "DNS"),
    ("tls", "TLS and certificate"),
    ("token", "Token from the authority"),
    ("whoami", "WhoAmI"),
    ("version", "Org version"),
    ("solution", "Prerequisite solution"),
    ("access", "Read campaigns and lists"),
    ("capabilities", "Org capabilities"),
    ("change_tracking", "Change tracking"),
    ("privileges", "Privileges for flow actions"),
    ("sync", "Campaign sync enabled"),
    ("latency", "Latency"),
    ("parallelism", "Recommended parallelism"),
]
TITLES = dict(STEPS)


async def run_doctor(conn, options: DoctorOptions | None = None,
                     on_result: Callable[[CheckResult], Awaitable[None] | None] | None = None) -> DoctorReport:
    """Run every check in order. A step runs whenever what it needs is there: a missing secret skips the token
    but not DNS and TLS of the org URL. A step that did not run says which need stopped it."""
    doctor = _Doctor(conn, options or DoctorOptions())
    report = DoctorReport(connection=conn.name, org_url=conn.org_url)
    try:
        for key, _title in STEPS:
            result = await doctor.run_step(key, step_title(key))  # in the run's language (English with --json)
            report.results.append(result)
            if on_result is not None:
                maybe = on_result(result)
                if asyncio.iscoroutine(maybe):
                    await maybe
    finally:
        await doctor.close()
    return report


class _Doctor:
    # What each step needs: earlier steps (which must have passed) and parts of the configuration (which the
    # config step found usable). Needs are fine-grained so that one missing setting stops only what uses it.
    NEEDS = {"dns": ("org_url",), "tls": ("dns", "ca_bundle"), "token": ("tls", "authority", "credentials"),
             "whoami": ("token",), "version": ("whoami",), "solution": ("whoami",), "access": ("whoami",),
             "latency": ("whoami",), "sync": (), "capabilities": ("whoami",), "privileges": ("whoami",),
             "parallelism": ("whoami",), "change_tracking": ("whoami",)}

    def __init__(self, conn, options: DoctorOptions):
        self.conn = conn
        self.options = options
        self.passed: set[str] = set()
        self.failed: set[str] = set()
        self.unusable: dict[str, str] = {}  # configuration part → what a step is missing, in words
        self.trust: ConnectionTrust | None = None  # what the connection trusts, host by host (tls.py)
        self.client: DataverseClient | None = None
        self.user_id = ""  # the signed-in identity, from WhoAmI: whose privileges to read

    async def close(self) -> None:
        if self.client is not None:
            await self.client.aclose()

    def _missing_needs(self, key: str) -> list[str]:
        reasons = []
        for need in self.NEEDS.get(key, ()):
            if need in self.unusable:
                reasons.append(self.unusable[need])
            elif need in TITLES and need not in self.passed:
                reasons.append(needed_step(need, need in self.failed))
        return reasons

    async def run_step(self, key: str, title: str) -> CheckResult:
        reasons = self._missing_needs(key)
        if reasons:  # not run: no time, no tick, and the reason instead
            return CheckResult(key, title, SKIP, 0.0, skipped("; ".join(reasons)))
        started = time.perf_counter()
        try:
            detail, status, fix = await asyncio.wait_for(getattr(self, f"check_{key}")(),
                                                        timeout=self.options.timeout * 3)
        except _Failed as exc:
            detail, status, fix = exc.detail, exc.status, exc.fix
        except asyncio.TimeoutError:
            detail, status, fix = (translate("Doctor", "no answer in time"), FAIL,
                                   translate("Doctor", "Check the network path to the org (proxy, firewall)."))
        except DynamicsError as exc:
            detail, status, fix = exc.message, FAIL, _fix_for(exc)
        ms = (time.perf_counter() - started) * 1000
        if status == FAIL:
            self.failed.add(key)
        elif status in (OK, WARN):
            self.passed.add(key)
        else:  # a check that found it could not run (sync without the org): it took no time worth showing
            ms = 0.0
        return CheckResult(key, title, status, round(ms, 1), detail, fix)

    # ---- the checks, in order; each returns (detail, status, fix) or raises _Failed ----------

    async def check_config(self):
        # Every problem is reported at once, and each marks only the part later steps need (self.unusable).
        problems, fixes = [], []
        missing = self.conn.missing()
        if missing:
            problems.append(translate("Doctor", "missing: {settings}").format(
                settings=", ".join(f"{missing_word(var)} ({var})" for var in missing)))
            fixes.append(translate("Doctor", "Fill in the connection (Admin → Connections in the window, `campsync "
                                             "profile add` on the command line) or set the CAMPSYNC_* environment "
                                             "variables; the secret comes from the keyring or "
                                             "CAMPSYNC_CLIENT_SECRET."))
            credentials = [missing_word(var) for var in missing if var != "CAMPSYNC_ORG_URL"]
            if credentials:
                self.unusable["credentials"] = translate("Doctor", "{settings} (missing)").format(
                    settings=", ".join(credentials))
            if "CAMPSYNC_ORG_URL" in missing:
                self.unusable["org_url"] = translate("Doctor", "the org URL (missing)")
        problem = self.conn.url_problem() if self.conn.org_url else None
        if problem:
            problems.append(problem)
            fixes.append(root_hint())
            self.unusable["org_url"] = translate("Doctor", "a usable org URL (see Configuration)")
        if urlparse(self.conn.authority_host).scheme != "https":
            problems.append(translate("Doctor", "The authority host must use https:// (got {host}).").format(
                host=repr(self.conn.authority_host)))
            fixes.append(translate("Doctor", "Leave CAMPSYNC_AUTHORITY_HOST unset for Microsoft's public cloud."))
            self.unusable["authority"] = translate("Doctor", "a usable authority host (see Configuration)")
        try:
            self.trust = connection_trust(self.conn)
        except (FileNotFoundError, ssl.SSLError) as exc:
            problems.append(translate("Doctor", "The CA bundle cannot be used: {problem}").format(problem=exc))
            fixes.append(translate("Doctor", "Point CAMPSYNC_CA_BUNDLE at a PEM file of CA certificates, or unset "
                                             "it."))
            self.unusable["ca_bundle"] = translate("Doctor", "a usable CA bundle (see Configuration)")
        if problems:
            raise _Failed("; ".join(problems), " ".join(fixes))
        method = auth_method(self.conn)
        if method == USER:
            how = translate("Doctor", "a person signs in with their own account")
        elif method == CERTIFICATE:
            how = translate("Doctor", "certificate {file}").format(file=self.conn.certificate_file)
        else:
            how = translate("Doctor", "secret from {source}").format(
                source=self.conn.secret_source or translate("Doctor", "unknown"))
        extra = f"; {self.trust.describe()}" if self.trust is not None and self.trust.describe() else ""
        return translate("Doctor", "org {org}, tenant {tenant}, {how}").format(
            org=self.conn.org_url, tenant=self.conn.tenant_id, how=how) + extra, OK, ""

    async def check_dns(self):
        loop = asyncio.get_running_loop()
        found = []
        for label, url in self._hosts():
            host, port = _host_port(url)
            try:
                infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except socket.gaierror as exc:
                if label == "org":
                    raise _Failed(translate("Doctor", "org host {host} does not resolve ({problem})").format(
                                      host=repr(host), problem=exc.strerror),
                                  translate("Doctor", "Check the org URL for typos (an org URL looks like "
                                                      "https://yourorg.crm.dynamics.com).")) from exc
                raise _Failed(translate("Doctor", "authority host {host} does not resolve ({problem})").format(
                                  host=repr(host), problem=exc.strerror),
                              translate("Doctor", "Check the authority URL for typos.")) from exc
            addresses = sorted({info[4][0] for info in infos})
            found.append(f"{host} → {', '.join(addresses[:3])}")
        return "; ".join(found), OK, ""

    async def check_tls(self):
        details = []
        status = OK
        fix = ""
        for label, url in self._hosts():
            host, port = _host_port(url)
            try:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection(host, port, ssl=self.trust.context_for((host, port)),
                                            server_hostname=host),
                    timeout=self.options.timeout)
            except ssl.SSLCertVerificationError as exc:
                untrusted = translate("Doctor", "the certificate of {host}:{port} is not trusted ({problem})").format(
                    host=host, port=port, problem=exc.verify_message)
                if is_microsoft_host(host):
                    raise _Failed(untrusted, translate(
                        "Doctor", "Microsoft's hosts are checked against the system's CAs only (CAMPSYNC_CA_BUNDLE "
                                  "is not used for them): if your network inspects TLS, install its CA in the "
                                  "system's trust store.")) from exc
                raise _Failed(untrusted, translate(
                    "Doctor", "If your network inspects TLS, or this is the sandbox org, set CAMPSYNC_CA_BUNDLE to the "
                              "CA certificate file (the sandbox prints it).")) from exc
            except ssl.SSLError as exc:
                raise _Failed(translate("Doctor", "TLS handshake with {host}:{port} failed ({problem})").format(
                                  host=host, port=port, problem=exc.reason or exc),
                              translate("Doctor", "Check that the URL points at an HTTPS server.")) from exc
            except ConnectionRefusedError as exc:
                raise _Failed(translate("Doctor", "nothing is listening at {host}:{port} (connection refused)").format(
                                  host=host, port=port),
                              translate("Doctor", "Check the port in the URL, and that the org (or `campsync "
                                                  "sandbox`) is running.")) from exc
            except (OSError, asyncio.TimeoutError) as exc:
                raise _Failed(translate("Doctor", "cannot reach {host}:{port} ({problem})").format(
                                  host=host, port=port, problem=f"{exc.__class__.__name__}: {exc}"),
                              translate("Doctor", "Check the network, proxy and firewall between this machine and "
                                                  "the org.")) from exc
            cert = writer.get_extra_info("peercert") or {}
            version = writer.get_extra_info("ssl_object").version()
            writer.close()
            try:
                await writer.wait_closed()
            except (OSError, ssl.SSLError):
                pass
            del reader
            expires = _cert_expiry(cert)
            days_left = (expires - datetime.now(timezone.utc)).days if expires else None
            issuer = _name(cert.get("issuer"))
            details.append((translate("Doctor", "org {host}: {version}, issued by {issuer}") if label == "org" else
                            translate("Doctor", "authority {host}: {version}, issued by {issuer}")).format(
                               host=host, version=version, issuer=issuer)
                           + (f", {_expiry_text(expires, days_left)}" if days_left is not None else "")
                           + (", " + translate("Doctor", "trusted through the extra CA")
                              if self.trust.uses_extra_ca((host, port)) else ""))
            if days_left is not None and days_left < CERT_EXPIRY_WARN_DAYS:
                status, fix = WARN, translate("Doctor", "The certificate of {host} expires soon; tell whoever runs "
                                                        "that server.").format(host=host)
        return "; ".join(details), status, fix

    async def check_token(self):
        # The same provider the app uses; a person's sign-in is checked silently (the doctor never opens a page).
        tokens = token_provider(self.conn, self.trust, timeout=self.options.timeout, interactive=False)
        self.client = DataverseClient(self.conn.org_url, tokens,
                                      ssl_context=self.trust.context_for(self.conn.org_url),
                                      timeout=self.options.timeout,
                                      retry=RetryPolicy(max_attempts=2, base_delay=0.2, max_throttle_waits=2))
        if isinstance(tokens, UserSignIn):
            user = tokens.account()
            if user is None:
                raise _Failed(translate("Doctor", "not signed in: run campsync login (or campsync login "
                                                  "--device-code)"),
                              translate("Doctor", "Sign in as yourself: `campsync login` opens the browser; "
                                                  "`campsync login --device-code` works without one."))
            await tokens.get_token()
            if tokens.last_method == BROWSER:
                signed_in = translate("Doctor", "signed in as {user} (browser sign-in), token issued by {authority}")
            elif tokens.last_method == DEVICE_CODE:
                signed_in = translate("Doctor", "signed in as {user} (device code sign-in), token issued by "
                                                "{authority}")
            else:
                signed_in = translate("Doctor", "signed in as {user}, token issued by {authority}")
            return signed_in.format(user=user.username, authority=tokens.authority), OK, ""
        await tokens.get_token()
        return tokens.describe(), OK, ""

    async def check_whoami(self):
        try:
            who = await self.client.whoami()
        except Unauthorized as exc:
            rejected = translate("Doctor", "the org rejected the token: {problem}").format(problem=exc.message)
            if auth_method(self.conn) == USER:
                raise _Failed(rejected, translate("Doctor", "Ask your Dynamics administrator to add your account to "
                                                            "this environment with a security role.")) from exc
            raise _Failed(rejected, translate("Doctor", "Create an application user for this client id in the Power "
                                                        "Platform admin center and give it a security role.")) from exc
        self.user_id = str(who.get("UserId") or "")
        return translate("Doctor", "user {user} in organization {organization}").format(
            user=who.get("UserId"), organization=who.get("OrganizationId")), OK, ""

    async def check_version(self):
        version = await self.client.version()
        if version_tuple(version) < (9, 0, 0, 0):
            return f"Dataverse {version}", WARN, translate("Doctor", "CampSync is built for Dataverse 9.x (Web API "
                                                                     "v9.2).")
        return f"Dataverse {version}", OK, ""

    async def check_solution(self):
        name, minimum = self.options.prerequisite_solution, self.options.prerequisite_min_version
        solution = await self.client.solution(name)
        if solution is None:
            raise _Failed(translate("Doctor", "{solution} is not installed in this org").format(solution=repr(name)),
                          translate("Doctor", "Import the {solution} solution, version {minimum} or later, into the "
                                              "org.").format(solution=name, minimum=minimum))
        if solution.version_tuple() < version_tuple(minimum):
            raise _Failed(translate("Doctor", "{solution} is at version {version}, older than the required {minimum}")
                          .format(solution=repr(name), version=solution.version, minimum=minimum),
                          translate("Doctor", "Update {solution} to {minimum} or later (import over it with "
                                              "'Update').").format(solution=name, minimum=minimum))
        return translate("Doctor", "{solution} {version} (needs ≥ {minimum})").format(
            solution=solution.friendly_name or solution.unique_name, version=solution.version, minimum=minimum), OK, ""

    async def check_access(self):
        counts = []
        for entity_set, key in (("campaigns", "campaignid"), ("lists", "listid")):
            try:
                data = await self.client.get_json(entity_set, {"$select": key, "$top": 1})
            except PermissionDenied as exc:
                raise _Failed(translate("Doctor", "cannot read {table}: {problem}").format(table=entity_set,
                                                                                           problem=exc.message),
                              translate("Doctor", "Give the application user a security role with read access to "
                                                  "Campaign and Marketing List (and write to Marketing List and its "
                                                  "members).")) from exc
            counts.append(translate("Doctor", "{table} readable ({count} row sampled)").format(
                table=entity_set, count=len(data.get("value") or [])))
        return "; ".join(counts), OK, ""

    async def check_capabilities(self):
        try:
            present = await capabilities.org_actions(self.client)
        except DynamicsError as exc:
            # CampSync still runs without the document; only which path it takes stays unknown.
            raise _Failed(translate("Doctor", "could not read the org's $metadata: {problem}; {bulk}").format(
                              problem=exc.message, bulk=self._bulk_requests()),
                          translate("Doctor", "Run the doctor again; if it persists, send `campsync doctor --json` "
                                              "to support."), status=WARN) from exc
        detail, status, fix = capabilities.assess_actions(present)
        return f"{detail}; {self._bulk_requests()}", status, fix

    async def check_change_tracking(self):
        try:
            tracked = await change_tracking.tracked_tables(self.client)
        except DynamicsError as exc:
            # Pulls still work without knowing: they try change tracking and read whole tables when refused.
            raise _Failed(translate("Doctor", "could not read whether the org tracks changes of leads and contacts: "
                                              "{problem}").format(problem=exc.message),
                          translate("Doctor", "Pulls try incremental reads anyway and read everything when the org "
                                              "refuses them."), status=WARN) from exc
        return change_tracking.assess_tracking(tracked)

    def _bulk_requests(self) -> str:
        o = self.options
        if o.create_batch_now is None:
            words = translate("Doctor", "bulk requests: {start} leads per CreateMultiple at first, at most {most}, "
                                        "fewer when the org is slow; each may take {seconds} s")
        else:
            words = translate("Doctor", "bulk requests: {start} leads per CreateMultiple at first, at most {most}, "
                                        "{now} now (learned this session), fewer when the org is slow; each may take "
                                        "{seconds} s")
        return words.format(start=o.create_batch_start, most=o.create_batch_max, now=o.create_batch_now,
                            seconds=f"{o.bulk_timeout_s:g}")

    async def check_privileges(self):
        try:
            held = await capabilities.user_privileges(self.client, self.user_id)
        except DynamicsError as exc:
            # Not knowing is not the same as lacking: the writes themselves will say what is denied.
            raise _Failed(translate("Doctor", "could not read the privileges of user {user}: {problem}").format(
                              user=self.user_id, problem=exc.message),
                          translate("Doctor", "Give the application user read access to Users (prvReadUser) so the "
                                              "doctor can check its privileges, or check its security roles in the "
                                              "Power Platform admin center."), status=WARN) from exc
        return capabilities.assess_privileges(held)

    async def check_parallelism(self):
        return capabilities.assess_dop_hint(await capabilities.dop_hint(self.client))

    async def check_sync(self):
        # A local setting: "off" fails whatever the org says, but "on" is only worth a tick once the org answered
        # (a tick beside an org nobody reached reads as "sync works").
        if not self.options.campaign_sync_enabled:
            raise _Failed(translate("Doctor", "campaign sync is disabled for this connection: flow actions are "
                                              "blocked"),
                          translate("Doctor", "An admin turns it on with `campsync sync enable` (or Settings in the "
                                              "window)."))
        if "whoami" not in self.passed:
            reason = needed_step("whoami", "whoami" in self.failed)
            return translate("Doctor", "skipped — needs {reasons}; the setting is on for this connection").format(
                reasons=reason), SKIP, ""
        return translate("Doctor", "campaign sync is enabled"), OK, ""

    async def check_latency(self):
        samples = []
        for _ in range(LATENCY_SAMPLES):
            started = time.perf_counter()
            await self.client.whoami()
            samples.append((time.perf_counter() - started) * 1000)
        p50 = statistics.median(samples)
        p95 = _percentile(samples, 95)
        detail = translate("Doctor", "p50 {p50} ms, p95 {p95} ms over {count} WhoAmI calls").format(
            p50=f"{p50:.0f}", p95=f"{p95:.0f}", count=len(samples))
        if p95 > SLOW_P95_MS:
            return detail, WARN, translate("Doctor", "Requests are slow: large syncs will take longer; check the "
                                                     "network or VPN.")
        return detail, OK, ""

    def _hosts(self) -> list[tuple[str, str]]:
        hosts = [("org", self.conn.org_url)]
        if "authority" in self.unusable:  # reported by the config step; the org host is still worth checking
            return hosts
        if _host_port(self.conn.authority_host) != _host_port(self.conn.org_url):
            hosts.append(("authority", self.conn.authority_host))
        return hosts


def _fix_for(exc: DynamicsError) -> str:
    if isinstance(exc, SignInRequired):
        return translate("Doctor", "Sign in again: {hint}.").format(hint=sign_in_hint())
    if isinstance(exc, AuthError):
        if exc.error == "certificate":
            return translate("Doctor", "Fix the certificate file as the message says, or give the profile a new "
                                       "certificate.")
        if exc.aadsts in (700027, 700024):
            return translate("Doctor", "Upload the certificate's public part to the app registration under "
                                       "Certificates & secrets.")
        if exc.aadsts in (90002, 900023):
            return translate("Doctor", "Copy the Directory (tenant) ID from the app registration's Overview page.")
        if exc.aadsts == 700016:
            return translate("Doctor", "Copy the Application (client) ID from the app registration's Overview page.")
        if exc.aadsts in (7000215, 7000222):
            return translate("Doctor", "Create a client secret under Certificates & secrets and paste its Value.")
        if exc.aadsts == 500011:
            return translate("Doctor", "The org URL must be the Dataverse environment URL of this tenant.")
        return translate("Doctor", "Check the tenant id, client id and secret of the app registration.")
    return translate("Doctor", "See the message; `campsync doctor --json` gives the full report for support.")


def _host_port(url: str) -> tuple[str, int]:
    parsed = urlparse(url)
    return parsed.hostname or "", parsed.port or (443 if parsed.scheme == "https" else 80)


def _cert_expiry(cert: dict) -> datetime | None:
    not_after = cert.get("notAfter")
    if not not_after:
        return None
    return datetime.fromtimestamp(ssl.cert_time_to_seconds(not_after), tz=timezone.utc)


def _name(rdns) -> str:
    for rdn in rdns or ():
        for key, value in rdn:
            if key in ("organizationName", "commonName"):
                return value
    return translate("Doctor", "unknown issuer")


def _percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def _expiry_text(expires: datetime, days_left: int) -> str:
    # Test CAs (the sandbox's trustme one) are valid for centuries: "expires in 355416 days" reads like a bug.
    if days_left > 2 * 365:
        return translate("Doctor", "valid until {date}").format(date=f"{expires:%Y-%m-%d}")
    return translate("Doctor", "expires in {days} days").format(days=days_left)
