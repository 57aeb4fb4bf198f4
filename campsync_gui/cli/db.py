"""`campsync db upgrade | current`: the store's schema. A SQLite file upgrades itself when any command opens it; a
PostgreSQL store a team shares is upgraded by an admin with `campsync db upgrade`, and nothing else changes it."""

from __future__ import annotations

import argparse

from ..core.store import StoreState, store_state, upgrade_store
from ..core.store_url import resolve_store_url
from ..paths import AppPaths
from .common import emit_json, json_flag, say


def _store_url():
    return resolve_store_url(AppPaths.resolve())


def cmd_upgrade(args: argparse.Namespace) -> int:
    before, after = upgrade_store(_store_url())
    if args.json:
        emit_json({**after.to_dict(), "before": before.revision})
    elif before.revision == after.revision:
        say(f"The store {after.url} is at {after.revision}, the newest schema: nothing to do.")
    else:
        say(f"Upgraded the store {after.url} from {before.revision or 'nothing (a new store)'} to {after.revision}.")
    return 0


def cmd_current(args: argparse.Namespace) -> int:
    state = store_state(_store_url())
    if args.json:
        emit_json(state.to_dict())
    else:
        say(f"{state.url}: {_describe(state)}")
    return 0


def _describe(state: StoreState) -> str:
    if state.up_to_date:
        return f"{state.revision} (the newest schema)"
    if not state.on_server:  # a SQLite file: any command makes or upgrades it
        return (f"not made yet (any command makes it at {state.head})" if state.revision is None else
                f"{state.revision} (the next command upgrades it to {state.head})")
    if state.revision is None:
        return f"no CampSync schema yet (this CampSync's is {state.head}; run `campsync db upgrade`)"
    return f"{state.revision} (this CampSync's is {state.head}; run `campsync db upgrade`)"


def add_commands(sub) -> None:
    db = sub.add_parser("db", help="the store's schema: upgrade it, or show its revision")
    dsub = db.add_subparsers(dest="db_action", required=True, metavar="ACTION", help="what to do")
    upgrade = dsub.add_parser("upgrade", help="bring the store (CAMPSYNC_DATABASE_URL, config.toml's database_url "
                                              "or the local file) to this CampSync's schema")
    json_flag(upgrade)
    upgrade.set_defaults(raw=cmd_upgrade)
    current = dsub.add_parser("current", help="the schema revision the store is at, and whether it is the newest")
    json_flag(current)
    current.set_defaults(raw=cmd_current)
