"""Which store CampSync opens: CAMPSYNC_DATABASE_URL, else config.toml's database_url, else the app home's file."""

import pytest

from campsync_gui.core.store import open_store, store_state
from campsync_gui.core.store_url import (DATABASE_URL_ENV, StoreUrlError, parse_store_url, resolve_store_url,
                                         shown)
from campsync_gui.paths import AppPaths

PASSWORD = "pa55-word"


def config(home, text):
    (home / "config.toml").write_text(text, encoding="utf-8")


def test_without_variable_or_config_the_store_is_the_sqlite_file_in_the_app_home(tmp_path):
    url = resolve_store_url(AppPaths(tmp_path), environ={})
    assert url.get_backend_name() == "sqlite" and url.database == str(tmp_path / "campsync.db")


def test_config_toml_database_url_is_used_when_the_variable_is_not_set(tmp_path):
    config(tmp_path, 'database_url = "postgresql+psycopg://ops:pw@db.example.org:5433/campsync"\n')
    url = resolve_store_url(AppPaths(tmp_path), environ={DATABASE_URL_ENV: "  "})
    assert (url.host, url.port, url.database, url.username) == ("db.example.org", 5433, "campsync", "ops")


def test_the_variable_wins_over_config_toml(tmp_path):
    config(tmp_path, 'database_url = "postgresql+psycopg://ops:pw@db.example.org/campsync"\n')
    url = resolve_store_url(AppPaths(tmp_path), environ={DATABASE_URL_ENV: f"sqlite:///{tmp_path}/other.db"})
    assert url.database == f"{tmp_path}/other.db"


def test_a_config_toml_without_database_url_keeps_the_default(tmp_path):
    config(tmp_path, "# nothing yet\n[other]\nx = 1\n")
    assert resolve_store_url(AppPaths(tmp_path), environ={}).database == str(tmp_path / "campsync.db")


def test_postgresql_without_a_driver_means_psycopg():
    assert parse_store_url("postgresql://u@h/db").drivername == "postgresql+psycopg"


@pytest.mark.parametrize("text, says", [
    ("not a url", "is not a database URL"),
    (f"postgresql+psycopg://u:{PASSWORD}@host:port/db", "is not a database URL"),
    (f"mysql://u:{PASSWORD}@host/db", "not a database CampSync can use"),
    (f"nosuch://u:{PASSWORD}@host/db", "(nosuch://u:***@host/db) is not a database CampSync can use"),
    (f"postgresql+psycopg2://u:{PASSWORD}@host/db", "not a database CampSync can use"),
    (f"postgresql+psycopg://u:{PASSWORD}@host", "names no database"),
    ("sqlite://", "names no file"),
])
def test_a_url_campsync_cannot_use_is_refused_in_one_sentence_without_its_password(text, says):
    with pytest.raises(StoreUrlError) as refused:
        parse_store_url(text)
    message = str(refused.value)
    assert says in message and DATABASE_URL_ENV in message
    assert PASSWORD not in message and "\n" not in message


@pytest.mark.parametrize("text, says", [
    ("database_url = [not toml", "is not valid TOML"),
    ("database_url = 5", "must be a URL in quotes"),
    (f'database_url = "mysql://u:{PASSWORD}@h/db"', "database_url in"),
])
def test_a_bad_config_toml_is_named_in_the_message(tmp_path, text, says):
    config(tmp_path, text)
    with pytest.raises(StoreUrlError) as refused:
        resolve_store_url(AppPaths(tmp_path), environ={})
    assert says in str(refused.value) and "config.toml" in str(refused.value)
    assert PASSWORD not in str(refused.value)


def test_shown_hides_the_password():
    assert shown(f"postgresql+psycopg://ops:{PASSWORD}@h:5432/db") == "postgresql+psycopg://ops:***@h:5432/db"
    assert PASSWORD not in shown(f"postgresql+psycopg://ops:{PASSWORD}@h:port/db")
    assert shown(f"postgresql+psycopg://ops@h/db?password={PASSWORD}&sslmode=require") == \
        "postgresql+psycopg://ops@h/db?password=***&sslmode=require"


def test_open_store_takes_a_sqlite_url_as_it_takes_a_path(tmp_path):
    db = open_store(f"sqlite:///{tmp_path}/by-url.db")
    db.dispose()
    state = store_state(tmp_path / "by-url.db")
    assert state.up_to_date and state.revision is not None
    assert store_state(tmp_path / "not-made-yet.db").revision is None
    assert not (tmp_path / "not-made-yet.db").exists()


def test_a_workspace_opened_without_a_store_takes_the_one_the_variable_names(tmp_path, monkeypatch):
    from campsync_gui.core.workspace import Workspace

    monkeypatch.setenv("CAMPSYNC_HOME", str(tmp_path / "home"))
    monkeypatch.setenv(DATABASE_URL_ENV, f"sqlite:///{tmp_path}/team.db")
    workspace = Workspace.open()
    try:
        assert workspace.db.url.database == f"{tmp_path}/team.db"
        assert (tmp_path / "team.db").exists() and not (tmp_path / "home" / "campsync.db").exists()
    finally:
        workspace.db.dispose()
