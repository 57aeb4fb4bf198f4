"""How a CampSync process is named on a team's store, and how the window reads the names back."""

import os

import pytest

from campsync_gui.core import team_presence
from campsync_gui.core.team_presence import Presence, parse, present, summary


def test_team_presence_name_fits_postgresql_and_reads_back(monkeypatch):
    monkeypatch.setattr(team_presence, "_face", "worker")
    monkeypatch.setattr(team_presence.socket, "gethostname", lambda: "a-very-long-host-name." + "x" * 80)
    name = team_presence.application_name()
    assert len(name.encode()) <= 63  # what PostgreSQL keeps of application_name
    me = parse(name)
    assert (me.face, me.pid, me.me) == ("worker", os.getpid(), True)


def test_team_presence_lists_campsync_processes_only_this_one_first():
    mine = team_presence.application_name()
    names = ["psql", "CampSync window zoe@pc9 12", mine, "CampSync worker svc@srv 7", "CampSync bogus a@b 1",
             "CampSync window zoe@pc9 12"]
    found = present(names)
    assert found[0].me and [p.describe() for p in found[1:]] == ["svc@srv (worker)", "zoe@pc9 (window)"]
    assert summary(found) == "Team: you + 2 others"
    assert summary(found[:2]) == "Team: you + 1 other"
    assert summary(found[:1]) == "Team: nobody else connected"


def test_team_presence_refuses_an_unknown_face():
    with pytest.raises(ValueError):
        team_presence.announce_as("robot")
    assert Presence("window", "a@b", 1).describe() == "a@b (window)"
