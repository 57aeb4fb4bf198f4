"""The sandbox org in its own process, as a real org is: its request handling then does not compete with the
window for this process's interpreter (the GIL), which an in-process sandbox thread would.

    with RemoteSandbox(leads=10_000) as org:      # org.env() as SandboxOrg.env(), for tests/support.connection_for
        org.set_latency(30)
        org.active_campaign_id
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, os, sys
sys.path.insert(0, sys.argv[1])
os.nice(int(sys.argv[4]))
from campsync_gui.sandbox import SandboxOrg
from support import seed_bench_leads
with SandboxOrg(seed=7, data_dir=sys.argv[2]) as org:
    seed_bench_leads(org, int(sys.argv[3]))
    active = sorted((r for r in org.state.campaigns.values() if r["statecode"] == 0 and not r["istemplate"]),
                    key=lambda r: r["name"])
    print(json.dumps({"env": org.env(), "campaign": active[0]["campaignid"]}), flush=True)
    for line in sys.stdin:
        command, _, value = line.strip().partition(" ")
        if command == "latency":
            org.knobs.latency_ms = int(value)
        elif command == "requests":  # API requests answered so far, for benchmarks that count them
            print(sum(1 for r in org.request_log if "/api/data/" in r.path), flush=True)
        elif command == "log_length":
            print(len(org.request_log), flush=True)
        elif command == "api_log":  # API requests since position N: [path, operations a $batch carried]
            log = org.request_log[int(value):]
            print(json.dumps([[r.path, len(r.parts or ())] for r in log if "/api/data/" in r.path]), flush=True)
        elif command == "leads_with":  # leads whose email starts with the value
            print(sum(1 for r in org.state.leads.values() if (r["emailaddress1"] or "").startswith(value)),
                  flush=True)
"""


class RemoteSandbox:
    def __init__(self, folder: Path, *, leads: int, niceness: int = 0):
        """`niceness`: the org process's CPU priority (19: the lowest), for benchmarks of this machine's own work:
        a real org answers from Microsoft's servers and takes nothing of this machine's cores."""
        self.folder, self.leads, self.niceness = Path(folder), leads, niceness
        self._proc: subprocess.Popen | None = None
        self._info: dict = {}

    def __enter__(self) -> "RemoteSandbox":
        tests_dir = str(Path(__file__).resolve().parents[1])
        self._proc = subprocess.Popen([sys.executable, "-c", CHILD, tests_dir, str(self.folder), str(self.leads),
                                       str(self.niceness)],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self._proc.stdout.readline()
        if not line:
            raise RuntimeError("the sandbox process did not start")
        self._info = json.loads(line)
        return self

    def __exit__(self, *exc) -> None:
        if self._proc is not None:
            self._proc.stdin.close()
            try:
                self._proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._proc.kill()

    def env(self) -> dict[str, str]:
        return self._info["env"]

    @property
    def active_campaign_id(self) -> str:
        return self._info["campaign"]

    def set_latency(self, ms: int) -> None:
        self._proc.stdin.write(f"latency {ms}\n")
        self._proc.stdin.flush()

    def _ask(self, line: str) -> str:
        self._proc.stdin.write(line + "\n")
        self._proc.stdin.flush()
        return self._proc.stdout.readline()

    def log_length(self) -> int:
        """Requests (API and token) the org has seen so far: a mark for api_log."""
        return int(self._ask("log_length"))

    def api_log(self, since: int) -> list[tuple[str, int]]:
        """API requests after the mark `since`, each as (path, operations its $batch carried, 0 otherwise)."""
        return [(path, parts) for path, parts in json.loads(self._ask(f"api_log {since}"))]

    def leads_with(self, email_prefix: str) -> int:
        return int(self._ask(f"leads_with {email_prefix}"))

    def api_requests(self) -> int:
        """API requests the org has answered so far (token requests not counted)."""
        self._proc.stdin.write("requests\n")
        self._proc.stdin.flush()
        return int(self._proc.stdout.readline())
