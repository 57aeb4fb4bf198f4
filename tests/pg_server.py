"""A throwaway PostgreSQL server for the team-mode tests: a real cluster, made with initdb in a temporary folder,
listening on a free loopback port (its unix socket in that folder too), removed when the tests end.

PostgreSQL refuses to run as root: as root (CI), initdb and pg_ctl run as the `postgres` system user that Debian's
`postgresql` package creates, on a folder that user owns. The binaries come from /usr/lib/postgresql/<version>/bin
(Debian keeps them off PATH) or PATH; `make test` installs them first (tests/ensure_postgres.sh).

Password authentication is on for TCP (scram-sha-256), so a wrong password in a store URL is refused as a real
server refuses it. Durability is off (fsync, synchronous_commit): the cluster lives for one test run.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "campsync"
PASSWORD = "s3cret-team-pw"  # tests look for this string in every output: it must never be printed
INSTALL_HINT = ("PostgreSQL's server binaries (initdb, pg_ctl) were not found: the team-mode tests need them. "
                "Install them (Debian/Ubuntu: `sudo apt-get install postgresql`; macOS: `brew install postgresql`), "
                "or run `make test` as root, which installs them.")


class PostgresNotInstalled(RuntimeError):
    pass


def server_bin_dir() -> Path | None:
    """The newest installed server's bin folder: Debian's /usr/lib/postgresql/<version>/bin, else pg_ctl on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda path: int(Path(path).parent.parent.name) if Path(path).parent.parent.name.isdigit()
                   else 0)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).resolve().parent if on_path else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    """One cluster: start() it, make databases with create_database(), stop() removes everything."""

    def __init__(self) -> None:
        bin_dir = server_bin_dir()
        if bin_dir is None or not (bin_dir / "initdb").exists():
            raise PostgresNotInstalled(INSTALL_HINT)
        self.bin_dir = bin_dir
        self.as_root = os.geteuid() == 0
        self.folder = Path(tempfile.mkdtemp(prefix="campsync-pg-"))
        self.data = self.folder / "data"
        self.port = 0
        self._names = itertools.count(1)
        self.started_in: float | None = None  # seconds from initdb to accepting connections

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "LC_ALL": "C"},
                              timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({done.returncode}): {done.stdout}\n{done.stderr}\n"
                               f"{self._log_tail()}")

    def _log_tail(self) -> str:
        log = self.folder / "server.log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else ""

    def start(self) -> "PostgresServer":
        began = time.perf_counter()
        password_file = self.folder / "password"
        password_file.write_text(PASSWORD + "\n")
        if self.as_root:  # the server runs as `postgres`: the folder is that user's, and no one else's
            shutil.chown(self.folder, "postgres", "postgres")
            shutil.chown(password_file, "postgres", "postgres")
        os.chmod(self.folder, 0o700)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, f"--pwfile={password_file}", "--auth-local=trust",
                  "--auth-host=scram-sha-256", "--no-sync", "-E", "UTF8", "--locale=C")
        password_file.unlink()
        for attempt in range(5):  # another program may take the free port between the probe and the start
            self.port = free_port()
            options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100")
            try:
                self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-o", options,
                          "-w", "-t", "60", "start")
                self._options = options
                break
            except RuntimeError:
                if attempt == 4:
                    raise
        self.started_in = time.perf_counter() - began
        return self

    def url(self, database: str = "postgres", password: str = PASSWORD) -> str:
        return f"postgresql+psycopg://{SUPERUSER}:{password}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new, empty database; its store URL (password included)."""
        import psycopg

        name = f"team_{next(self._names)}"
        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, password=PASSWORD,
                             dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def restart(self) -> None:
        """Stop the server (its connections drop, as in a restart for an upgrade) and start it again, same port."""
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-m", "fast", "-w", "-t",
                  "60", "restart")

    def down(self) -> None:
        """Stop the server and leave it stopped (an outage): connections drop, new ones are refused until up()."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop")

    def up(self) -> None:
        """Start the server stopped by down() again, on the same port."""
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-o", self._options, "-w",
                  "-t", "60", "start")

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
