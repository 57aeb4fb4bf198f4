"""Where CampSync keeps its files: one home folder, from CAMPSYNC_HOME or platformdirs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "CampSync"
APP_AUTHOR = "CampSync"


@dataclass(frozen=True)
class AppPaths:
    """Every file location the app uses, derived from one home folder."""

    home: Path

    @classmethod
    def resolve(cls) -> "AppPaths":
        # CAMPSYNC_HOME overrides everything so tests, CI and side-by-side installs never collide.
        env = os.environ.get("CAMPSYNC_HOME", "").strip()
        home = Path(env).expanduser() if env else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
        return cls(home=home)

    @property
    def db_file(self) -> Path:
        return self.home / "campsync.db"

    @property
    def log_dir(self) -> Path:
        return self.home / "logs"

    @property
    def sandbox_dir(self) -> Path:
        return self.home / "sandbox"

    def ensure(self) -> "AppPaths":
        for folder in (self.home, self.log_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self
