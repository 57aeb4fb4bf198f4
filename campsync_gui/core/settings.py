"""Typed admin settings kept in the store, per connection profile, with their defaults."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy.engine import Engine
from sqlmodel import Session, delete, select

from .models import Setting


@dataclass
class SyncSettings:
    campaign_sync_enabled: bool = True
    list_prefix: str = "CampSync"
    batch_size: int = 500
    prerequisite_solution: str = "Marketo Lead Management"
    prerequisite_min_version: str = "4.2.0.0"
    # Leads per CreateMultiple request: the engine starts at create_batch_start and learns the org's pace from there
    # (batch_sizing.py), never beyond create_batch_max (Dataverse advises at most 1,000).
    create_batch_start: int = 200
    create_batch_max: int = 1000
    # Seconds a bulk request may take: Microsoft expects up to 2 minutes, plug-ins included.
    bulk_timeout_s: int = 180
    # Requests in flight at once: as many as the org advises (x-ms-dop-hint), never more than this.
    max_parallel_requests: int = 8


def load_settings(db: Engine, scope: str = "") -> SyncSettings:
    result = SyncSettings()
    kinds = {f.name: f.type for f in fields(SyncSettings)}
    with Session(db) as session:  # one query: the engine reads its settings before every batch
        for key, value in session.exec(select(Setting.key, Setting.value).where(Setting.scope == scope)):
            if key in kinds:
                setattr(result, key, _parse(kinds[key], value))
    return result


def save_settings(db: Engine, settings: SyncSettings, scope: str = "") -> None:
    with Session(db) as session:
        for f in fields(SyncSettings):
            value = getattr(settings, f.name)
            session.merge(Setting(scope=scope, key=f.name, value=_format(value)))
        session.commit()


def forget_settings(db: Engine, scope: str) -> None:
    """Drop a removed connection's settings, so a new connection of the same name starts from the defaults."""
    with Session(db) as session:
        session.exec(delete(Setting).where(Setting.scope == scope))
        session.commit()


def _format(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _parse(kind: object, text: str) -> object:
    if kind in (bool, "bool"):
        return text.strip().lower() in ("1", "true", "yes", "on")
    if kind in (int, "int"):
        return int(text)
    return text
