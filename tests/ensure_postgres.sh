#!/bin/sh
# `make test` runs the team-mode tests against a throwaway PostgreSQL server (tests/pg_server.py): make sure its
# server binaries (initdb, pg_ctl) are installed. As root (CI, a fresh container) Debian's `postgresql` package is
# installed, which also creates the `postgres` system user the server runs as. Otherwise this says how to install
# them and the run goes on: the team tests then fail (they never skip), and the message says why.
found() {
    ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1
}
found && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing PostgreSQL's server binaries for the team-mode tests (apt-get install postgresql)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends postgresql >/dev/null 2>&1 \
        || { apt-get update >/dev/null && apt-get install -y --no-install-recommends postgresql >/dev/null; } \
        || echo "apt-get could not install postgresql: the team-mode tests will fail." >&2
    found && exit 0
fi
echo "PostgreSQL's server binaries (initdb, pg_ctl) are missing: the team-mode tests will fail." >&2
echo "Install them (Debian/Ubuntu: sudo apt-get install postgresql; macOS: brew install postgresql), or run" >&2
echo "make test as root, which installs them." >&2
exit 0
