"""Who else is connected to a team's store: every CampSync names its PostgreSQL connections (application_name:
"CampSync <face> <user>@<host> <pid>"), and PostgreSQL lists the open ones (pg_stat_activity). Nothing to keep up to
date: a window closed or a worker killed leaves the list when its connections close. One person's SQLite file has
nobody else on it.

PostgreSQL shows ordinary users the application name of every session of their database (not what the session is
doing), so this works for operators who are not the server's superuser."""

from __future__ import annotations

import getpass
import os
import socket
from dataclasses import dataclass

from ..language import plural, translate

PREFIX = "CampSync"
FACES = ("window", "worker", "command")
_NAME_MAX = 63  # PostgreSQL keeps the first 63 bytes of application_name

_face = "command"


def announce_as(face: str) -> None:
    """How this process is shown to the team: the window and the worker say so at start; anything else is a
    command. Before the store is opened (the name goes with each new connection)."""
    global _face
    if face not in FACES:
        raise ValueError(f"face must be one of {FACES}")
    _face = face


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container's numeric user)
        return f"uid{os.getuid()}" if hasattr(os, "getuid") else "someone"


def application_name() -> str:
    """This process's name on the team's store."""
    who = f"{_user()}@{socket.gethostname()}".replace(" ", "_")
    head, tail = f"{PREFIX} {_face} ", f" {os.getpid()}"
    room = _NAME_MAX - len(head.encode()) - len(tail.encode())
    return head + who.encode()[:room].decode(errors="ignore") + tail


@dataclass(frozen=True)
class Presence:
    face: str  # window / worker / command
    who: str  # user@host
    pid: int
    me: bool = False

    def describe(self) -> str:
        """'zoe@pc9 (window)': the face in the person's language (`face` stays the id)."""
        faces = {"window": translate("TeamPresence", "window"), "worker": translate("TeamPresence", "worker"),
                 "command": translate("TeamPresence", "command")}
        return translate("TeamPresence", "{who} ({face})").format(who=self.who, face=faces.get(self.face, self.face))


def parse(name: str, mine: str | None = None) -> Presence | None:
    parts = (name or "").split(" ")
    if len(parts) != 4 or parts[0] != PREFIX or parts[1] not in FACES or not parts[3].isdigit():
        return None
    return Presence(parts[1], parts[2], int(parts[3]), me=name == (mine or application_name()))


PRESENCE_SQL = ("SELECT DISTINCT application_name FROM pg_stat_activity WHERE datname = current_database() "
                "AND application_name LIKE 'CampSync %'")


def present(names: list[str]) -> list[Presence]:
    """The CampSync processes among these application names, this one first, then by who."""
    mine = application_name()
    found = {p for p in (parse(name, mine) for name in names) if p is not None}
    return sorted(found, key=lambda p: (not p.me, p.who, p.face, p.pid))


def summary(people: list[Presence]) -> str:
    """One line for the status bar: 'Team: you + 2 others'."""
    others = [p for p in people if not p.me]
    if not others:
        return translate("TeamPresence", "Team: nobody else connected")
    return translate("TeamPresence", "Team: you + {others}").format(others=plural(
        len(others), translate("TeamPresence", "{n} other"), translate("TeamPresence", "{n} others")))
