"""Demo content for the built-in sandbox org: two inactive example automation campaigns and plausible scores.

A newcomer on the demo org should find the Automation tab showing something and the "Score ≥ 50" filter finding
people. Each part is added once per data folder, and only when what it needs is there: the examples need the demo
campaigns (read from the org first), the scores need people (pulled first). A marker in the store's settings
records what was added, so an example the person deletes does not come back and scores they change stay theirs.

Campaigns are found by name among the campaigns read from the org: the names of the sandbox's seed
(campsync_gui/sandbox/seed.py), written again here because the core does not know the sandbox package.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlmodel import Session, col, or_, select

from .automation import ADD_STEP, Definition
from .automation.library import AutomationLibrary
from .models import CampaignRecord, Person, Setting
from .triggers import ADDED

if TYPE_CHECKING:
    from .workspace import Workspace

MARKER_SCOPE, MARKER_KEY = "", "demo_content.seeded"  # app-wide: one data folder, one demo org
WELCOME, CANADA, SCORES = "welcome_example", "canada_example", "scores"  # the parts, as the marker lists them
WEBINAR_CAMPAIGN = "Spring Webinar Series 2026"
LAUNCH_CAMPAIGN = "Q2 Product Launch — CampSync Cloud"
WELCOME_EXAMPLE = "Example — welcome webinar attendees"
CANADA_EXAMPLE = "Example — Canada push"
_FREELY = "It is inactive until you activate it: duplicate it, edit it or delete it as you like."


@dataclass
class DemoSeed:
    """What one call added: the example campaigns created and how many people were given a score."""

    examples: list[str] = field(default_factory=list)
    scored: int = 0

    def summary(self) -> str:
        parts = []
        if self.examples:
            parts.append(f"{len(self.examples)} example automation campaign(s)")
        if self.scored:
            parts.append(f"demo scores for {self.scored} people")
        return ("Demo org: added " + " and ".join(parts) + ".") if parts else ""


def seed_demo_automations(workspace: Workspace) -> DemoSeed:
    """Add what the demo org is still missing (see the module's note); nothing on an org that is not a sandbox.
    Call it on the built-in sandbox org after a pull, once campaigns (and people) are in the store."""
    if workspace.connection.environment != "sandbox":
        return DemoSeed()  # a real org never gets example content, whoever calls this
    return seed_demo_content(workspace.automations)


def seed_demo_content(library: AutomationLibrary) -> DemoSeed:
    db = library.db
    done = _seeded(db)
    seed = DemoSeed()
    for key, name, build in ((WELCOME, WELCOME_EXAMPLE, _welcome_example),
                             (CANADA, CANADA_EXAMPLE, _canada_example)):
        if key in done:
            continue
        if any(stored.name == name for stored in library.campaigns()):  # made before a crash lost the marker
            done.add(key)
            continue
        made = build(_active_campaign_ids(db))
        if made is None:
            continue  # its campaigns are not in the store (yet): next time
        kind, definition = made
        library.create(kind, name, definition.to_json())
        done.add(key)
        seed.examples.append(name)
    if SCORES not in done:
        seed.scored = _give_scores(db, done)
    _mark(db, done)
    return seed


def demo_score(key: str) -> int:
    """A plausible score 0–100, always the same for the same email: most people low, about a third 50 or more."""
    digest = hashlib.sha256(key.strip().lower().encode("utf-8")).digest()
    fraction = int.from_bytes(digest[:8], "big") / 2 ** 64
    return round(100 * fraction ** 1.5)


# ---- the two examples ----------------------------------------------------------------------------------------

def _welcome_example(campaigns: dict[str, str]) -> tuple[str, Definition] | None:
    webinar, launch = campaigns.get(WEBINAR_CAMPAIGN.casefold()), campaigns.get(LAUNCH_CAMPAIGN.casefold())
    if not (webinar and launch):
        return None
    return "trigger", Definition(
        triggers=[{"type": ADDED, "campaign_ids": [webinar]}],
        flow=[{"step": ADD_STEP, "campaign_id": launch}],
        qualification={"rule": "once"},
        description=f"Example trigger campaign: whoever CampSync adds to '{WEBINAR_CAMPAIGN}' is then added to "
                    f"'{LAUNCH_CAMPAIGN}'. {_FREELY}")


def _canada_example(campaigns: dict[str, str]) -> tuple[str, Definition] | None:
    webinar = campaigns.get(WEBINAR_CAMPAIGN.casefold())
    if not webinar:
        return None
    return "batch", Definition(
        smart_list={"filters": [{"kind": "field", "field": "country", "op": "equals", "value": "Canada"}],
                    "logic": "all"},
        flow=[{"step": ADD_STEP, "campaign_id": webinar}],
        qualification={"rule": "once"},
        description=f"Example batch campaign: Run now adds everyone in Canada to '{WEBINAR_CAMPAIGN}' (the count "
                    f"is shown first). {_FREELY}")


# ---- the store ------------------------------------------------------------------------------------------------

def _active_campaign_ids(db) -> dict[str, str]:
    """Active campaigns read from the org, by name (case ignored): an example never points at an inactive one."""
    with Session(db) as session:
        return {record.name.strip().casefold(): record.id for record in session.exec(select(CampaignRecord))
                if record.active and record.name}


def _give_scores(db, done: set[str]) -> int:
    """Scores for the people still at 0 (none was ever set), in one transaction with the marker; 0 and no marker
    when there is nobody yet (the first pull has not run)."""
    with Session(db) as session:
        people = list(session.exec(select(Person).where(or_(col(Person.score).is_(None), Person.score == 0))))
        anyone = bool(people) or session.exec(select(Person.id).limit(1)).first() is not None
        if not anyone:
            return 0
        for person in people:
            person.score = demo_score(person.email or person.dynamics_id or str(person.id))
            session.add(person)
        done.add(SCORES)
        _write_marker(session, done)
        session.commit()
    return len(people)


def _seeded(db) -> set[str]:
    with Session(db) as session:
        row = session.get(Setting, (MARKER_SCOPE, MARKER_KEY))
    try:
        return set(json.loads(row.value)) if row is not None else set()
    except (ValueError, TypeError):
        return {WELCOME, CANADA, SCORES}  # unreadable: assume done rather than add twice


def _mark(db, done: set[str]) -> None:
    with Session(db) as session:
        _write_marker(session, done)
        session.commit()


def _write_marker(session: Session, done: set[str]) -> None:
    session.merge(Setting(scope=MARKER_SCOPE, key=MARKER_KEY, value=json.dumps(sorted(done))))
