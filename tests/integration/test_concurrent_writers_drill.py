"""The concurrent-writers drill (issue 13), small enough for every run: 2 new campaigns, 4 writers on 2 stores
(`campsync add` loops and a scheduler), 4 people each, then half of them removed by all writers at once.

Before lists had derived ids, two writers making the first add to a campaign made two CampSync lists, and a later
removal sent to the other list reported "removed" of people still on the campaign. `make drills` runs the full
drill (20 campaigns): tests/drills/drill_concurrent_writers.py.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "drills"))

import drill_concurrent_writers as drill  # noqa: E402


async def test_writers_at_once_converge_on_one_list_and_every_removed_is_true(org, tmp_path):
    outcome = await drill.drill(org, tmp_path, campaigns=2, people=4)
    print(drill.report(outcome))
    assert outcome.problems == []
    assert dict(outcome.lists_per_campaign) == {1: 2}, "one CampSync list per campaign (all people are leads)"
    assert outcome.figures and not any(outcome.figures.values()), outcome.figures
    assert outcome.removed_reported >= 2 * 2 * 3, "the loops' removals were reported (2 of 4 people, 3 writers)"
