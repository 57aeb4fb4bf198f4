"""Batch campaigns: run a smart list's people through a flow now (after a preview) or on a schedule."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from dataclasses import dataclass, field

from sqlmodel import Session, select

from ..models import AutomationCampaign
from ..smartlists import members, validate as validate_smart_list
from .definitions import Definition
from .runner import AutomationRunner

REPEAT_SECONDS = {"daily": 86400, "weekly": 7 * 86400}

log = logging.getLogger(__name__)


@dataclass
class BatchReport:
    campaign: str
    qualified: int = 0
    processed: int = 0
    skipped: int = 0
    aborted: bool = False
    run_id: str = ""
    skipped_reasons: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def qualified_people(runner: AutomationRunner, campaign: AutomationCampaign) -> tuple[list[int], dict[str, int]]:
    """Who a run would process now: the smart list's members that the qualification rule lets in."""
    definition = Definition.from_json(campaign.definition)
    smart_list = validate_smart_list(definition.smart_list)
    people, excluded = [], {}
    for person_id in members(runner.db, smart_list, now=runner.clock):
        problem = runner.qualification_problem(campaign, definition, person_id)
        if problem:
            excluded[problem.split(",")[0]] = excluded.get(problem.split(",")[0], 0) + 1
        else:
            people.append(person_id)
    return people, excluded


def preview(runner: AutomationRunner, campaign: AutomationCampaign) -> int:
    """The qualified count shown before "Run now"; a run started at once processes exactly these people."""
    return len(qualified_people(runner, campaign)[0])


async def run_batch(runner: AutomationRunner, campaign: AutomationCampaign, *,
                    stop: asyncio.Event | None = None) -> BatchReport:
    """Run the flow for every qualified person; `stop` (Abort) ends it before the next person."""
    definition = Definition.from_json(campaign.definition)
    people, excluded = qualified_people(runner, campaign)
    report = BatchReport(campaign=campaign.name, qualified=len(people), skipped=sum(excluded.values()),
                         skipped_reasons=excluded, run_id=uuid.uuid4().hex[:10])
    for index, person_id in enumerate(people):
        if stop is not None and stop.is_set():
            report.aborted = True
            break
        allowed, _why = runner.qualifies(campaign, definition, person_id)
        if not allowed:
            report.skipped += 1
            continue
        runner.run_flow(campaign, definition, person_id, report.run_id, 0, 1, [campaign.id])
        report.processed += 1
        if index % 200 == 199:
            await asyncio.sleep(0)  # let the window breathe (and Abort be pressed) on long lists
    return report


def due_batches(db, now: float | None = None) -> list[AutomationCampaign]:
    """Active batch campaigns whose scheduled time has come."""
    now = time.time() if now is None else now
    with Session(db) as session:
        rows = list(session.exec(select(AutomationCampaign).where(AutomationCampaign.kind == "batch",
                                                                  AutomationCampaign.active == True)))  # noqa: E712
    due = []
    for row in rows:
        try:  # one definition that cannot be read (hand-edited, or an older version's) must not stop the others
            schedule = Definition.from_json(row.definition).schedule or {}
            if schedule.get("at") is not None and float(schedule["at"]) <= now:
                due.append(row)
        except (ValueError, TypeError, AttributeError, OverflowError, RecursionError) as exc:
            log.warning("batch campaign %r is skipped: its schedule cannot be read (%s)", row.name, exc)
    return due


def advance_schedule(db, campaign: AutomationCampaign, now: float | None = None) -> None:
    """After a scheduled run: the next time for a recurring schedule, none for a one-off."""
    now = time.time() if now is None else now
    with Session(db) as session:
        row = session.get(AutomationCampaign, campaign.id)
        definition = Definition.from_json(row.definition)
        schedule = dict(definition.schedule or {})
        step = REPEAT_SECONDS.get(schedule.get("repeat") or "")
        if step:
            at = float(schedule["at"])
            while at <= now:  # skip the runs missed while nothing was running, instead of bursting them
                at += step
            schedule["at"] = at
        else:
            schedule["at"] = None
        definition.schedule = schedule
        row.definition = definition.to_json()
        row.updated_at = now
        session.add(row)
        session.commit()
