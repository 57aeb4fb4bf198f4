"""The stored automation campaigns: list, create, duplicate, save, delete, (de)activate, export and import, and
what the editors read besides (campaigns to pick, activity types seen, a campaign's results)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, select

from ...language import translate
from ..models import (Activity, AutomationCampaign, AutomationResult, CampaignRecord, OutboxRow, Person, Qualification,
                      WaitingStep)
from ..smartlists import count, validate as validate_smart_list
from .definitions import ADD_STEP, KINDS, REMOVE_STEP, Definition, inactive_targets, step_label, validate
from .runner import step_request_id_sql
from .schema import EXPORT_FORMAT, ExportFileError, read_export  # noqa: F401 (EXPORT_FORMAT: importers use it here)


class LibraryError(ValueError):
    """A request the library refuses; the message says why, for a person. `problems`: what stops the campaign
    from running, one line each, when that is the reason (each face lists them its own way)."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class StoredCampaign:
    """An automation campaign as stored (the definition as its JSON text)."""

    id: int
    name: str
    kind: str
    active: bool
    definition: str


class CampaignChoice(NamedTuple):
    """A Dynamics campaign as the automation editors offer it."""

    id: str
    name: str
    active: bool

    @property
    def label(self) -> str:
        return self.name or self.id


@dataclass(frozen=True)
class ResultRow:
    """What a campaign did for one person at one step (Results tab and its CSV)."""

    id: int
    at: float
    email: str
    step: str  # in words: "Qualification", "2. Add to Microsoft Campaign"
    outcome: str
    detail: str
    actor: str = ""  # who the process that ran the campaign acted as ("" in results from before it was recorded)


ENQUEUED = "enqueued"


def final_outcome(outcome: str, detail: str, queued: OutboxRow | None) -> tuple[str, str]:
    """A step's outcome as Results shows it: once Dynamics answered the flow action the step queued (`queued`, its
    outbox row), that answer — added / removed / skipped / blocked / failed / cancelled, with the reason (the
    server's message for a failure); until then what the step said ("enqueued", "will add")."""
    if queued is None or outcome != ENQUEUED:
        return outcome, detail
    if queued.outcome:
        return queued.outcome, queued.reason or queued.last_error or ""
    if queued.last_error:  # back in the queue after a retryable failure: it will be tried again
        return outcome, translate("AutomationLibrary", "{detail} (retrying after: {problem})").format(
            detail=detail, problem=queued.last_error)
    return outcome, detail


def step_words(step_index: int, step: str) -> str:
    """"Qualification" for the smart list / trigger check, else "2. Add to Microsoft Campaign"."""
    if step_index < 0:
        return translate("AutomationLibrary", "Qualification")
    return f"{step_index + 1}. {step_label(step or '?')}"


class AutomationLibrary:
    def __init__(self, db: Engine, *, clock: Callable[[], float] = time.time):
        self.db = db
        self.clock = clock

    # ---- reading --------------------------------------------------------------------------------

    def campaigns(self) -> list[StoredCampaign]:
        """Every automation campaign, by name (case ignored)."""
        with Session(self.db) as session:
            rows = session.exec(select(AutomationCampaign).order_by(func.lower(AutomationCampaign.name),
                                                                    AutomationCampaign.id))
            return [_stored(r) for r in rows]

    def get(self, campaign_id: int) -> StoredCampaign | None:
        with Session(self.db) as session:
            row = session.get(AutomationCampaign, campaign_id)
            return _stored(row) if row is not None else None

    def record(self, campaign_id: int) -> AutomationCampaign:
        """The stored row, for the runner's batch runs; LibraryError when it was deleted meanwhile."""
        with Session(self.db) as session:
            row = session.get(AutomationCampaign, campaign_id)
        if row is None:
            raise LibraryError(deleted_elsewhere())
        return row

    def named(self, name: str) -> StoredCampaign:
        found = next((c for c in self.campaigns() if c.name == name), None)
        if found is None:
            raise LookupError(translate("AutomationLibrary", "No automation campaign named {name}. See: campsync "
                                                             "automation list").format(name=repr(name)))
        return found

    def dynamics_campaigns(self) -> dict[str, CampaignRecord]:
        with Session(self.db) as session:
            return {record.id: record for record in session.exec(select(CampaignRecord))}

    def problems(self, kind: str, definition: Definition) -> list[str]:
        """What stops a campaign of this kind and definition from running, checked against this org's campaigns."""
        return validate(kind, definition, self.dynamics_campaigns())

    def stored_problems(self, stored: StoredCampaign) -> list[str]:
        """`problems` of a stored campaign; a definition that cannot even be read (hand-edited, or from a newer
        version) is one problem, never an error: one such row must not stop a listing of the others."""
        try:
            return self.problems(stored.kind, Definition.from_json(stored.definition))
        except (ValueError, TypeError, AttributeError, RecursionError) as exc:
            return [translate("AutomationLibrary", "The stored definition cannot be read ({problem}); save the "
                                                   "campaign again.").format(problem=exc)]

    def campaign_choices(self) -> list[CampaignChoice]:
        """Every Dynamics campaign in the store's cache, by name (active and inactive)."""
        with Session(self.db) as session:
            rows = session.exec(select(CampaignRecord).order_by(CampaignRecord.name, CampaignRecord.id))
            return [CampaignChoice(row.id, row.name, row.active) for row in rows]

    def count_qualifying(self, smart_list: dict) -> int:
        """How many people the smart list qualifies now (SmartListError, in words, when it cannot be read)."""
        return count(self.db, validate_smart_list(smart_list), now=self.clock)

    def activity_types(self) -> list[str]:
        """The activity types seen in the store, as suggestions for activity triggers and filters."""
        with Session(self.db) as session:
            return sorted(t for t in session.exec(select(Activity.type).distinct()) if t)

    def results(self, campaign_id: int, limit: int | None = None) -> list[ResultRow]:
        """A campaign's results, newest first (ties: last written first). An add or remove step shows what Dynamics
        answered once it has: the step's outbox row is joined by the request id the runner queued it under."""
        queued = (col(AutomationResult.outcome) == ENQUEUED) \
            & col(AutomationResult.step).in_((ADD_STEP, REMOVE_STEP)) \
            & (col(OutboxRow.request_id) == step_request_id_sql(col(AutomationResult.run_id),
                                                                 col(AutomationResult.step_index))) \
            & (col(OutboxRow.person_id) == col(AutomationResult.person_id))
        statement = (select(AutomationResult, Person.email, Person.first_name, Person.last_name, OutboxRow)
                     .join(Person, col(Person.id) == col(AutomationResult.person_id), isouter=True)
                     .join(OutboxRow, queued, isouter=True)
                     .where(AutomationResult.campaign_id == campaign_id)
                     .order_by(col(AutomationResult.at).desc(), col(AutomationResult.id).desc()))
        if limit is not None:
            statement = statement.limit(limit)
        rows = []
        with Session(self.db) as session:
            for result, email, first, last, outbox_row in session.exec(statement):
                who = email or f"{first or ''} {last or ''}".strip() or translate(
                    "AutomationLibrary", "person #{id}").format(id=result.person_id)
                outcome, detail = final_outcome(result.outcome, result.detail or "", outbox_row)
                rows.append(ResultRow(result.id, result.at, who, step_words(result.step_index, result.step),
                                      outcome, detail, result.actor))
        return rows

    # ---- writing --------------------------------------------------------------------------------

    def unique_name(self, base: str) -> str:
        taken = {row.name.casefold() for row in self.campaigns()}
        if base.casefold() not in taken:
            return base
        number = 2
        while f"{base} {number}".casefold() in taken:
            number += 1
        return f"{base} {number}"

    def create(self, kind: str, name: str | None = None, definition: str | None = None) -> int:
        """A new inactive campaign of `kind` ("trigger" / "batch"); returns its id."""
        if kind not in KINDS:
            raise LibraryError(translate("AutomationLibrary", "unknown kind of campaign {kind}").format(
                kind=repr(kind)))
        now = self.clock()
        new_name = (translate("AutomationLibrary", "New trigger campaign") if kind == "trigger"
                    else translate("AutomationLibrary", "New batch campaign"))
        with Session(self.db) as session:
            row = AutomationCampaign(name=name or self.unique_name(new_name), kind=kind, active=False,
                                     definition=definition or Definition().to_json(), created_at=now, updated_at=now)
            session.add(row)
            session.commit()
            return row.id

    def duplicate(self, campaign_id: int) -> int:
        """A copy of the stored campaign, inactive, as '<name> (copy)'."""
        source = self.get(campaign_id)
        if source is None:
            raise LibraryError(deleted_elsewhere())
        copy = translate("AutomationLibrary", "{name} (copy)").format(name=source.name)
        return self.create(source.kind, self.unique_name(copy), source.definition)

    def save(self, campaign_id: int, name: str, definition: Definition, *, keep_schedule: bool = False) -> None:
        """Write the name and the definition. Refused (LibraryError, in words) for an empty or taken name, a campaign
        deleted meanwhile, and an active campaign whose new definition could not run. `keep_schedule`: keep the
        stored schedule (the scheduler moves its time on after each run; an old time written back would run the
        campaign again)."""
        name = name.strip()
        if not name:
            raise LibraryError(translate("AutomationLibrary", "Give the campaign a name."))
        clash = [c for c in self.campaigns() if c.id != campaign_id and c.name.casefold() == name.casefold()]
        if clash:
            raise LibraryError(name_taken(clash[0].name))
        stored = self.get(campaign_id)
        if stored is None:
            raise LibraryError(translate("AutomationLibrary", "This campaign was deleted elsewhere; it cannot be "
                                                              "saved."))
        # Even a draft may not point a flow step at an inactive campaign: Dynamics would refuse every person.
        inactive = inactive_targets(definition, self.dynamics_campaigns())
        if inactive:
            raise LibraryError(translate("AutomationLibrary", "Not saved: people cannot be added to or removed from "
                                                              "an inactive campaign. Choose an active campaign for "
                                                              "these steps.") + "\n" + bullets(inactive), inactive)
        if stored.active:
            problems = self.problems(stored.kind, definition)
            if problems:
                raise LibraryError(translate("AutomationLibrary", "Not saved: the campaign is active and these changes "
                                                                  "would stop it from running. Fix them, or deactivate "
                                                                  "it first.") + "\n" + bullets(problems), problems)
        if keep_schedule and stored.kind == "batch":
            try:
                definition.schedule = Definition.from_json(stored.definition).schedule
            except (ValueError, TypeError, AttributeError):
                pass  # the stored one cannot be read: the one on screen replaces it
        try:
            with Session(self.db) as session:
                record = session.get(AutomationCampaign, campaign_id)
                record.name, record.definition, record.updated_at = name, definition.to_json(), self.clock()
                session.add(record)
                session.commit()
        except IntegrityError as exc:
            raise LibraryError(name_taken(name)) from exc

    def set_active(self, campaign_id: int, active: bool) -> None:
        """Activate (after checking that it can run: LibraryError with the problems otherwise) or deactivate."""
        stored = self.get(campaign_id)
        if stored is None:
            raise LibraryError(deleted_elsewhere())
        if active:
            problems = self.stored_problems(stored)  # a definition hand-edited or from a newer version: a problem
            if problems:
                raise LibraryError(translate("AutomationLibrary", "Cannot activate '{name}':").format(
                    name=stored.name) + "\n" + bullets(problems), problems)
        with Session(self.db) as session:
            record = session.get(AutomationCampaign, campaign_id)
            record.active, record.updated_at = active, self.clock()
            session.add(record)
            session.commit()

    def delete(self, campaign_id: int) -> None:
        """Delete a campaign with its results, waits and qualification history (its id may be reused by the next
        campaign: leftovers would otherwise show up there)."""
        with Session(self.db) as session:
            for table in (AutomationResult, WaitingStep, Qualification):
                session.exec(delete(table).where(col(table.campaign_id) == campaign_id))
            session.exec(delete(AutomationCampaign).where(col(AutomationCampaign.id) == campaign_id))
            session.commit()

    # ---- sharing between machines -----------------------------------------------------------------

    def export(self, path: str | Path) -> int:
        """Write every definition to a JSON file; returns how many."""
        rows = self.campaigns()
        data = {"format": EXPORT_FORMAT, "campaigns": [
            {"name": r.name, "kind": r.kind, "active": r.active, "definition": _readable(r)}
            for r in sorted(rows, key=lambda r: r.name)]}
        Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
        return len(rows)

    def import_(self, path: str | Path) -> list[str]:
        """Merge definitions from an export by name; one line per campaign saying what happened. A definition that
        cannot run here (say, a campaign this org lacks) comes in inactive."""
        try:
            imported = read_export(path)  # the whole file checked first: a file with any mistake changes nothing
        except ExportFileError as exc:
            raise LibraryError(str(exc), exc.problems) from exc
        known = self.dynamics_campaigns()
        now = self.clock()
        messages = []
        with Session(self.db) as session:
            for item in imported:
                definition = Definition.from_json(item.definition)
                kind = item.kind if item.kind in KINDS else "trigger"
                problems = validate(kind, definition, known)
                row = session.exec(select(AutomationCampaign).where(AutomationCampaign.name == item.name)).first()
                row = row or AutomationCampaign(name=item.name, created_at=now)
                row.kind, row.definition, row.updated_at = kind, definition.to_json(), now
                row.active = item.active and not problems
                session.add(row)
                if problems:
                    said = translate("AutomationLibrary", "{name}: imported inactive — {problems}").format(
                        name=item.name, problems="; ".join(problems))
                else:
                    said = (translate("AutomationLibrary", "{name}: imported (active)") if row.active
                            else translate("AutomationLibrary", "{name}: imported")).format(name=item.name)
                messages.append(said)
            session.commit()
        return messages


def _readable(stored: StoredCampaign) -> dict:
    try:
        definition = json.loads(stored.definition)
    except (ValueError, RecursionError) as exc:
        raise LibraryError(translate("AutomationLibrary", "Cannot export '{name}': its stored definition cannot be "
                                                          "read ({problem}). Save it again in the window, or delete "
                                                          "it.").format(name=stored.name, problem=exc)) from exc
    if not isinstance(definition, dict):
        raise LibraryError(translate("AutomationLibrary", "Cannot export '{name}': its stored definition is not a JSON "
                                                          "object. Save it again in the window, or delete it.").format(
            name=stored.name))
    return definition


def deleted_elsewhere() -> str:
    return translate("AutomationLibrary", "This campaign was deleted elsewhere.")


def name_taken(name: str) -> str:
    return translate("AutomationLibrary", "Another campaign is already called '{name}': choose another name.").format(
        name=name)


def _stored(row: AutomationCampaign) -> StoredCampaign:
    return StoredCampaign(row.id, row.name, row.kind, bool(row.active), row.definition)


def bullets(lines: list[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)
