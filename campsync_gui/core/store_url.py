"""Which store CampSync opens: one URL, the same for the window, the command line and a worker.

In order: the `CAMPSYNC_DATABASE_URL` variable; else `database_url` in `<CAMPSYNC_HOME>/config.toml` (a file, not
a setting in the store: the store is what it points to); else the SQLite file in the app home, as always. The URL
is `sqlite:///<path>` or `postgresql+psycopg://user:password@host:port/database` (`postgresql://` means the same:
psycopg 3 is the driver CampSync installs). Every message that shows a URL hides its password (`shown`).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from ..language import translate
from ..paths import AppPaths

DATABASE_URL_ENV = "CAMPSYNC_DATABASE_URL"
CONFIG_FILE_NAME = "config.toml"
CONFIG_KEY = "database_url"

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
_POSTGRESQL_DRIVER = "psycopg"
_FORMS = "sqlite:///PATH or postgresql+psycopg://USER:PASSWORD@HOST:PORT/DATABASE"


class StoreUrlError(ValueError):
    """The store URL cannot be used; the message is one sentence for the person who set it (password hidden)."""


def shown(url: URL | str) -> str:
    """`url` as it may be printed or logged: its password replaced by ***."""
    if isinstance(url, str):
        try:
            url = make_url(url)
        except (ArgumentError, ValueError):
            # it cannot be parsed, so the password cannot be found and hidden: not shown
            return translate("StoreUrl", "(a malformed URL)")
    if "password" not in url.query:
        return url.render_as_string(hide_password=True)
    # libpq also takes the password as ?password=…
    text = url.update_query_dict({"password": "***"}).render_as_string(hide_password=True)
    return text.replace("password=%2A%2A%2A", "password=***")


def parse_store_url(text: str, where: str = DATABASE_URL_ENV) -> URL:
    """The store URL `text`, checked; `where` names where it was set, for the message of a StoreUrlError."""
    text = text.strip()
    # SQLAlchemy's own messages may quote the whole URL, password included: never shown.
    try:
        url = make_url(text)
    except (ArgumentError, ValueError):  # no scheme://, or a port that is not a number
        raise StoreUrlError(translate("StoreUrl", "{where} is not a database URL. Write it as {forms}.").format(
            where=where, forms=_FORMS)) from None
    backend, _, driver = url.drivername.partition("+")  # by name: SQLAlchemy would load the dialect to tell
    if backend == SQLITE and driver in ("", "pysqlite"):
        if not url.database:
            raise StoreUrlError(translate("StoreUrl", "{where} ({url}) names no file: write it as sqlite:///PATH (four "
                                                      "slashes for an absolute path: "
                                                      "sqlite:////home/me/campsync.db).").format(where=where,
                                                                                                 url=shown(url)))
        return url
    if backend == POSTGRESQL and driver in ("", _POSTGRESQL_DRIVER):
        if not url.database:
            raise StoreUrlError(translate("StoreUrl", "{where} ({url}) names no database: add /DATABASE after the "
                                                      "host.").format(where=where, url=shown(url)))
        return url.set(drivername=f"{POSTGRESQL}+{_POSTGRESQL_DRIVER}")
    raise StoreUrlError(translate("StoreUrl", "{where} ({url}) is not a database CampSync can use: it takes "
                                              "{forms}.").format(where=where, url=shown(url), forms=_FORMS))


def sqlite_url(db_file: Path | str) -> URL:
    return URL.create(SQLITE, database=str(db_file))


def config_file(home: Path) -> Path:
    return Path(home) / CONFIG_FILE_NAME


def configured_url(home: Path) -> URL | None:
    """`database_url` from `<home>/config.toml`, checked; None when the file or the key is not there."""
    path = config_file(home)
    try:
        with path.open("rb") as fh:
            config = tomllib.load(fh)
    except FileNotFoundError:
        return None
    except tomllib.TOMLDecodeError as exc:
        raise StoreUrlError(translate("StoreUrl", "{file} is not valid TOML ({problem}). Fix or remove it.").format(
            file=path, problem=exc)) from None
    except OSError as exc:
        raise StoreUrlError(translate("StoreUrl", "{file} cannot be read ({problem}).").format(
            file=path, problem=exc.strerror)) from None
    value = config.get(CONFIG_KEY)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise StoreUrlError(translate("StoreUrl", '{key} in {file} must be a URL in quotes, like {key} = '
                                                  '"{forms}".').format(key=CONFIG_KEY, file=path, forms=_FORMS))
    return parse_store_url(value, translate("StoreUrl", "{key} in {file}").format(key=CONFIG_KEY, file=path))


def resolve_store_url(paths: AppPaths, environ: Mapping[str, str] | None = None) -> URL:
    """The store to open: CAMPSYNC_DATABASE_URL, else config.toml's database_url, else the app home's SQLite file."""
    environ = os.environ if environ is None else environ
    from_env = environ.get(DATABASE_URL_ENV, "").strip()
    if from_env:
        return parse_store_url(from_env)
    return configured_url(paths.home) or sqlite_url(paths.db_file)


def is_server(url: URL) -> bool:
    """A store on a database server (PostgreSQL), shared by a team; not a file of this machine."""
    return url.drivername.partition("+")[0] == POSTGRESQL
