"""The data folder is its owner's alone (issue 13, finding 7): after real `campsync` runs under the usual umask
(022), the store with its -wal/-shm, the logs and the built-in sandbox's files are 0600 in 0700 folders, and an
install from before is tightened on its next start."""

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows keeps the profile's ACLs)")


def campsync(home, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    env["CAMPSYNC_HOME"] = str(home)
    result = subprocess.run([sys.executable, "-m", "campsync_gui", *args], env=env, capture_output=True, text=True,
                            timeout=180, preexec_fn=lambda: os.umask(0o022))
    assert result.returncode == 0, result.stderr
    return result


def modes(home):
    """Every file and folder under `home` (relative, with the process-id folder shown as <pid>) → its mode."""
    found = {}
    for path in [home, *home.rglob("*")]:
        parts = ["<pid>" if part.isdigit() else part for part in path.relative_to(home).parts]
        found["/".join(parts) or "."] = oct(stat.S_IMODE(path.lstat().st_mode))
    return found


def test_a_cli_run_leaves_only_owner_readable_files(tmp_path):
    home = tmp_path / "home"
    campsync(home, "campaigns")  # no connection configured: the built-in demo org serves it
    assert modes(home) == {
        ".": "0o700", "campsync.db": "0o600", "logs": "0o700", "logs/campsync.log": "0o600",
        "sandbox": "0o700", "sandbox/org-state.json": "0o600", "sandbox/org-state.json.lock": "0o600",
        "sandbox/tls": "0o700", "sandbox/tls/<pid>": "0o700", "sandbox/tls/<pid>/ca.pem": "0o600",
        "sandbox/tls/<pid>/app-certificate.pem": "0o600",  # the demo org's app certificate, with its private key
    }


def test_the_files_sqlite_makes_later_are_owner_readable_too(tmp_path):
    home = tmp_path / "home"
    campsync(home, "campaigns")
    # Another reader (the window, say) keeps the store open, so the -wal and -shm of the next write stay on disk.
    reader = sqlite3.connect(home / "campsync.db")
    try:
        reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
        campsync(home, "sync", "disable")
        campsync(home, "people", "pull")
        assert {name: mode for name, mode in modes(home).items() if name.startswith("campsync.db")} == {
            "campsync.db": "0o600", "campsync.db-wal": "0o600", "campsync.db-shm": "0o600"}
    finally:
        reader.close()


def test_an_install_from_before_is_tightened_on_its_next_start(tmp_path):
    home = tmp_path / "home"
    campsync(home, "campaigns")
    for path in [home, *home.rglob("*")]:  # as an older CampSync left them under umask 022
        path.chmod(0o755 if path.is_dir() else 0o644)
    for leftover in ("campsync.db-wal", "campsync.db-shm", "logs/campsync.log.1"):
        (home / leftover).write_bytes(b"")
        (home / leftover).chmod(0o644)
    campsync(home, "campaigns")
    loose = {name: mode for name, mode in modes(home).items() if mode not in ("0o600", "0o700")}
    assert loose == {}


def test_a_home_pointed_at_a_folder_of_ones_own_keeps_its_other_files(tmp_path):
    """Only CampSync's own files are tightened: CAMPSYNC_HOME may name a folder that holds a person's files."""
    home = tmp_path / "home"
    home.mkdir()
    script = home / "notes.sh"
    script.write_text("echo hi\n")
    script.chmod(0o755)
    campsync(home, "campaigns")
    assert oct(stat.S_IMODE(script.stat().st_mode)) == "0o755"
    assert oct(stat.S_IMODE(Path(home, "campsync.db").stat().st_mode)) == "0o600"
