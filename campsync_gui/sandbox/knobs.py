"""Knobs: the behaviours of the sandbox org that a test or a developer can turn at run time."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

DEFAULT_SOLUTION_NAME = "Marketo Lead Management"
DEFAULT_SOLUTION_VERSION = "5.0.2.1"
DEFAULT_ORG_VERSION = "9.2.25083.00178"


@dataclass
class Knobs:
    """Fault and configuration knobs; the server reads them on every request, so changes apply at once."""

    latency_ms: int = 0
    # A forced maximum page size, below what the client asks for, to make paging visible on small data.
    page_size: int | None = None
    # (n_requests, window_seconds): a sliding window like Dataverse's service protection limits.
    throttle: tuple[int, float] | None = None
    # Probability that an API request fails: half 503, half a connection dropped mid-response.
    fail_rate: float = 0.0
    # Seconds; fractions are allowed so tests can watch a token expire without waiting long.
    token_ttl: float = 3600
    # Entity set names ("campaigns", "lists", ...) whose every operation answers 403 PrivilegeDenied.
    denied: set[str] = field(default_factory=set)
    # None means the prerequisite solution is not installed at all.
    solution_version: str | None = DEFAULT_SOLUTION_VERSION
    solution_name: str = DEFAULT_SOLUTION_NAME
    org_version: str = DEFAULT_ORG_VERSION
    fault_seed: int = 0
    # The next N POST requests (not $batch) are carried out but their answers are lost (the connection drops after
    # the work is done): what a client that resends blindly would turn into duplicates.
    lose_answers: int = 0
    # Bound list actions this org does not offer (older orgs lack RemoveMemberList as a Web API action).
    missing_actions: set[str] = field(default_factory=set)
    # Milliseconds each created record costs (plug-ins on create): a 1,000-lead CreateMultiple on an org at 40 ms
    # takes 40 s. The records appear when the request ends, whether or not the client still waits (slow_writes).
    create_ms_per_record: int = 0
    # The next N POST requests (not $batch) are carried out, then answered 504 Gateway Timeout: the gateway gave up
    # waiting, the org did not.
    gateway_timeouts: int = 0
    # Privilege names ("prvAppendToCampaign", ...) RetrieveUserPrivileges leaves out for the signed-in user.
    missing_privileges: set[str] = field(default_factory=set)
    # The x-ms-dop-hint header on API answers (recommended degree of parallelism); None sends no header.
    dop_hint: int | None = 8
    # $batch answered 404, as by an org or a proxy in front of it that does not pass it on.
    batch_refused: bool = False
    # The next N API requests are answered with a body that never ends, as a broken proxy or a hostile server
    # might send: status `endless_status` (200: an endless page; 400 or 503: an endless error body), chunked,
    # until the client hangs up or `endless_limit` bytes have gone (a safety net for clients without bounds).
    endless_answers: int = 0
    endless_status: int = 200
    endless_limit: int = 1024 * 1024 * 1024
    # Sign-in policy of the tenant (a conditional access policy): every user's sign-in then asks a one-time code,
    # and refresh tokens from sign-ins made before the policy applied are answered interaction_required (50076).
    mfa_required: bool = False
    # The app has lost its consent: sign-in, device code and refresh answer AADSTS65001 (consent_required).
    consent_required: bool = False
    # Every refresh token is answered invalid_grant AADSTS50173, as after an admin revoked the user's sessions.
    refresh_revoked: bool = False
    # Seconds a device-code client waits between polls, and a device code's lifetime (Entra: 5 and 900).
    device_poll_interval: int = 5
    device_code_ttl: float = 900
    # Logical names of the tables with change tracking on (Prefer: odata.track-changes and delta links work);
    # other tables refuse it as Dataverse does. Dataverse enables it per table; leads and contacts are the ones
    # CampSync reads incrementally.
    change_tracking: set[str] = field(default_factory=lambda: {"lead", "contact"})

    def restore_defaults(self) -> None:
        # In place, so that code holding a reference to this object keeps seeing the live knobs.
        fresh = Knobs()
        for f in dataclasses.fields(self):
            setattr(self, f.name, getattr(fresh, f.name))

    @property
    def solution_uniquename(self) -> str:
        # Dataverse unique names are the friendly name without spaces or punctuation.
        return "".join(ch for ch in self.solution_name if ch.isalnum() or ch == "_")
