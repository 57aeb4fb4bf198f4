"""The slow-org fault drill (tests/drills/drill_slow_org.py), scaled down to run in a few seconds.

The drill adds people not yet in Dynamics to a campaign on an org whose plug-ins make lead creates slow, while the
org carries out writes whose answers are lost or replaced by a 504, on every kind of write. Here: 200 people at
10 ms a lead (a 2 s CreateMultiple), and the lost answer or 504 reaches the client after 0.3 s, while the org is
still at the create, so the resend arrives during the first attempt. `make drills` runs it at 10,000 and 40 ms.
"""

import importlib.util
import sys
from pathlib import Path

DRILL = Path(__file__).resolve().parents[1] / "drills" / "drill_slow_org.py"


def load_drill():
    spec = importlib.util.spec_from_file_location("drill_slow_org", DRILL)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("drill_slow_org", module)
    spec.loader.exec_module(module)
    return module


async def test_the_slow_org_drill_loses_and_duplicates_nothing(capsys):
    drill = load_drill()
    outcome = await drill.drill(drill.parse_args(["--people", "200", "--ms-per-record", "10",
                                                  "--unheard-patience", "0.3"]))
    printed = capsys.readouterr().out
    assert outcome.figures == {
        "duplicated leads (leads beyond one per email)": 0,
        "people lost (queued, not on the campaign's list)": 0,
        "duplicated list links (campaign ↔ CampSync's list)": 0,
    }, printed
    assert not any(outcome.integrity.values()), printed
    for kind in drill.WRITE_KINDS:  # every kind of write met a fault the org carried out
        assert sum(outcome.injected[kind].values()) >= 1, (kind, printed)
    assert set(outcome.injected[drill.LEAD_CREATE]) == {drill.LOST, drill.GATEWAY}, printed  # both, on creates
    assert outcome.code == 0 and "RESULT: PASS" in printed, printed
