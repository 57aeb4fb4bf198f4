"""`campsync db upgrade | current`: the store's schema. A SQLite file upgrades itself when any command opens it; a
PostgreSQL store a team shares is upgraded by an admin with `campsync db upgrade`, and nothing else changes it."""

from __future__ import annotations

import argparse

from ..core.store import StoreState, store_state, upgrade_store
from ..core.store_url import resolve_store_url
from ..language import translate
from ..paths import AppPaths
from .common import emit_json, json_flag, say


def _store_url():
    return resolve_store_url(AppPaths.resolve())


def cmd_upgrade(args: argparse.Namespace) -> int:
    before, after = upgrade_store(_store_url())
    if args.json:
        emit_json({**after.to_dict(), "before": before.revision})
    elif before.revision == after.revision:
        say(translate("Cli", "The store {url} is at {revision}, the newest schema: nothing to do.").format(
            url=after.url, revision=after.revision))
    elif not before.revision:
        say(translate("Cli", "Upgraded the store {url} from nothing (a new store) to {revision}.").format(
            url=after.url, revision=after.revision))
    else:
        say(translate("Cli", "Upgraded the store {url} from {before} to {revision}.").format(
            url=after.url, before=before.revision, revision=after.revision))
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
        text = translate("Cli", "{revision} (the newest schema)")
    elif not state.on_server:  # a SQLite file: any command makes or upgrades it
        text = (translate("Cli", "not made yet (any command makes it at {head})") if state.revision is None else
                translate("Cli", "{revision} (the next command upgrades it to {head})"))
    elif state.revision is None:
        text = translate("Cli", "no CampSync schema yet (this CampSync's is {head}; run `campsync db upgrade`)")
    else:
        text = translate("Cli", "{revision} (this CampSync's is {head}; run `campsync db upgrade`)")
    return text.format(revision=state.revision, head=state.head)


def add_commands(sub) -> None:
    db = sub.add_parser("db", help=translate("Cli", "the store's schema: upgrade it, or show its revision"))
    dsub = db.add_subparsers(dest="db_action", required=True, metavar="ACTION", help=translate("Cli", "what to do"))
    upgrade = dsub.add_parser("upgrade", help=translate("Cli", "bring the store (CAMPSYNC_DATABASE_URL, config.toml's "
                                                               "database_url or the local file) to this CampSync's "
                                                               "schema"))
    json_flag(upgrade)
    upgrade.set_defaults(raw=cmd_upgrade)
    current = dsub.add_parser("current", help=translate("Cli", "the schema revision the store is at, and whether it "
                                                               "is the newest"))
    json_flag(current)
    current.set_defaults(raw=cmd_current)
