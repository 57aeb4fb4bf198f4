"""What the charts draw (core/chart_history.py): a campaign's members over time, CampSync's and CRM lists', and the
trigger events per local hour or day, on SQLite and on a team's PostgreSQL."""

import time
from datetime import datetime

import pytest
from sqlmodel import Session

from campsync_gui.core.chart_history import (DAY, HOUR, MAX_BUCKETS, MAX_POINTS, MIN_BUCKETS, event_counts,
                                             membership_history)
from campsync_gui.core.models import Membership, Person, TriggerEventRecord
from campsync_gui.core.store import open_store, upgrade_store
from campsync_gui.core.triggers import ADDED, REMOVED

CAMPAIGN = "c-spring"
T0 = datetime(2026, 3, 2, 9, 0).timestamp()  # a Monday morning, local time


@pytest.fixture
def db(tmp_path):
    engine = open_store(tmp_path / "x.db")
    yield engine
    engine.dispose()


@pytest.fixture
def local_zone(monkeypatch):
    """The process's time zone for one test (the charts count in the person's local hours and days)."""
    def use(zone: str) -> None:
        monkeypatch.setenv("TZ", zone)
        time.tzset()
    yield use
    monkeypatch.undo()
    time.tzset()


def people(db, count: int) -> None:
    with Session(db) as session:
        session.add_all(Person(id=n, first_name=f"P{n}", email=f"p{n}@example.com") for n in range(1, count + 1))
        session.commit()


def members(db, *rows: tuple[int, str, float], campaign: str = CAMPAIGN) -> None:
    with Session(db) as session:
        for person_id, source, at in rows:
            list_id = "app-list" if source == "flow_action" else "crm-list"
            session.add(Membership(person_id=person_id, campaign_id=campaign, list_id=list_id, source=source,
                                   added_at=at))
        session.commit()


def events(db, *rows: tuple[str, int, float], campaign: str = CAMPAIGN) -> None:
    with Session(db) as session:
        session.add_all(TriggerEventRecord(trigger=trigger, person_id=person_id, campaign_id=campaign, at=at)
                        for trigger, person_id, at in rows)
        session.commit()


def steps(history) -> list[tuple[float, int, int]]:
    return list(zip(history.times, history.campsync, history.crm))


def test_members_are_counted_from_when_they_joined_crm_and_campsync_apart(db):
    people(db, 3)
    members(db, (1, "crm", T0), (2, "flow_action", T0 + 60), (3, "flow_action", T0 + 120))
    history = membership_history(db, CAMPAIGN)
    assert steps(history) == [(T0, 0, 1), (T0 + 60, 1, 1), (T0 + 120, 2, 1)]
    assert history.members == 3


def test_a_member_campsync_removed_counts_from_its_added_event_to_its_removed_event(db):
    people(db, 2)
    members(db, (1, "flow_action", T0))
    events(db, (ADDED, 1, T0), (ADDED, 2, T0 + 60), (REMOVED, 2, T0 + 600))
    assert steps(membership_history(db, CAMPAIGN)) == [(T0, 1, 0), (T0 + 60, 2, 0), (T0 + 600, 1, 0)]


def test_a_person_removed_and_added_again_counts_once_at_a_time(db):
    people(db, 1)
    members(db, (1, "flow_action", T0 + 900))  # the membership of the second add
    events(db, (ADDED, 1, T0), (REMOVED, 1, T0 + 300), (ADDED, 1, T0 + 900))
    assert steps(membership_history(db, CAMPAIGN)) == [(T0, 1, 0), (T0 + 300, 0, 0), (T0 + 900, 1, 0)]


def test_a_person_on_a_crm_list_and_campsyncs_counts_in_each_as_the_campaigns_table_does(db):
    people(db, 1)
    members(db, (1, "crm", T0), (1, "flow_action", T0 + 60))
    history = membership_history(db, CAMPAIGN)
    assert steps(history) == [(T0, 0, 1), (T0 + 60, 1, 1)] and history.members == 2


def test_other_campaigns_members_and_events_are_not_counted(db):
    people(db, 2)
    members(db, (1, "flow_action", T0))
    members(db, (2, "flow_action", T0), campaign="c-other")
    events(db, (ADDED, 2, T0), (REMOVED, 2, T0 + 60), campaign="c-other")
    assert steps(membership_history(db, CAMPAIGN)) == [(T0, 1, 0)]


def test_members_from_before_campsync_recorded_when_are_there_from_the_start(db):
    people(db, 2)
    members(db, (1, "crm", 0.0), (2, "flow_action", T0 + 60))
    assert steps(membership_history(db, CAMPAIGN)) == [(T0 + 60, 1, 1)]


def test_a_campaign_of_many_changes_draws_at_most_max_points_steps_ending_exact(db):
    count = 3 * MAX_POINTS + 7
    people(db, count)
    members(db, *((n, "flow_action" if n % 3 else "crm", T0 + 37 * n) for n in range(1, count + 1)))
    history = membership_history(db, CAMPAIGN)
    assert len(history.times) <= MAX_POINTS + 1
    assert history.times == sorted(history.times)
    assert history.times[-1] == T0 + 37 * count
    assert (history.campsync[-1], history.crm[-1]) == (count - count // 3, count // 3)
    assert history.campsync == sorted(history.campsync) and history.crm == sorted(history.crm)


def test_an_empty_campaign_has_no_steps(db):
    assert membership_history(db, CAMPAIGN).times == [] and membership_history(db, CAMPAIGN).members == 0


def test_events_per_hour_split_added_and_removed_with_quiet_hours_as_zero(db):
    events(db, (ADDED, 1, T0 + 60), (ADDED, 2, T0 + 3000), (REMOVED, 1, T0 + 3599),
           (ADDED, 3, T0 + 3 * 3600 + 10))
    counts = event_counts(db, HOUR, now=T0 + 5 * 3600 + 60)
    hours = [datetime.fromtimestamp(s).strftime("%H:%M") for s in counts.starts]
    assert len(hours) == MIN_BUCKETS[HOUR] and hours[-6:] == ["09:00", "10:00", "11:00", "12:00", "13:00", "14:00"]
    assert (counts.added[-6:], counts.removed[-6:], counts.total) == ([2, 0, 0, 1, 0, 0], [1, 0, 0, 0, 0, 0], 4)
    assert not any(counts.added[:-6]), "a day of hours: the quiet ones before the first event at 0"


def test_events_older_than_the_periods_shown_are_left_out(db):
    events(db, (ADDED, 1, T0), (ADDED, 2, T0 + 4 * 86400))
    assert sum(event_counts(db, HOUR, now=T0 + 4 * 86400 + 60).added) == 1  # three days of hours: not T0's
    assert event_counts(db, DAY, now=T0 + 4 * 86400 + 60).added[-5:] == [1, 0, 0, 0, 1]
    quiet = event_counts(db, HOUR, now=T0 + 30 * 86400)  # nothing in the last three days: the last day of hours
    assert quiet.total == 0 and len(quiet.starts) == MIN_BUCKETS[HOUR]


def test_events_of_one_campaign_only_when_asked(db):
    events(db, (ADDED, 1, T0), (ADDED, 2, T0 + 60))
    events(db, (ADDED, 3, T0 + 120), campaign="c-other")
    assert event_counts(db, DAY, now=T0).added[-1:] == [3]
    assert event_counts(db, DAY, CAMPAIGN, now=T0).added[-1:] == [2]
    assert event_counts(db, DAY, "c-none", now=T0).total == 0


def test_events_per_day_follow_the_local_day_in_a_half_hour_zone(db, local_zone):
    local_zone("Asia/Kolkata")  # UTC+5:30: a day counted in UTC would cut it at 05:30
    evening = datetime(2026, 3, 2, 23, 50).timestamp()
    events(db, (ADDED, 1, evening), (ADDED, 2, evening + 20 * 60), (REMOVED, 1, evening + 6 * 3600))
    counts = event_counts(db, DAY, now=evening + 6 * 3600)
    assert [datetime.fromtimestamp(s).strftime("%m-%d %H:%M") for s in counts.starts[-2:]] == ["03-02 00:00",
                                                                                               "03-03 00:00"]
    assert (counts.added[-2:], counts.removed[-2:], counts.total) == ([1, 1], [0, 1], 3)


def test_days_across_a_summer_time_change_start_at_local_midnight(db, local_zone):
    local_zone("Europe/Paris")  # 29 March 2026 has 23 hours
    events(db, (ADDED, 1, datetime(2026, 3, 28, 12).timestamp()), (ADDED, 2, datetime(2026, 3, 30, 12).timestamp()))
    counts = event_counts(db, DAY, now=datetime(2026, 3, 30, 13).timestamp())
    days = [datetime.fromtimestamp(s).strftime("%d %H:%M") for s in counts.starts]
    assert days[-3:] == ["28 00:00", "29 00:00", "30 00:00"] and len(days) == MIN_BUCKETS[DAY]
    assert counts.added[-3:] == [1, 0, 1]


def test_a_long_history_shows_its_newest_periods(db):
    events(db, *((ADDED, n, T0 + 3600 * n) for n in range(200)))
    counts = event_counts(db, HOUR, now=T0 + 3600 * 199)
    assert len(counts.starts) == MAX_BUCKETS[HOUR]
    assert counts.starts[-1] == T0 + 3600 * 199 and counts.total == MAX_BUCKETS[HOUR]


def test_team_postgresql_counts_the_same_periods_as_sqlite(db, pg_url):
    upgrade_store(pg_url)
    team = open_store(pg_url)
    try:
        for store in (db, team):
            # a quarter of an hour's last second: PostgreSQL rounding its cast would count it in the next hour
            events(store, (ADDED, 1, T0 + 899.9), (ADDED, 2, T0 + 3599.6), (REMOVED, 1, T0 + 3600))
        assert event_counts(team, HOUR, now=T0 + 3600) == event_counts(db, HOUR, now=T0 + 3600)
        assert event_counts(team, HOUR, now=T0 + 3600).added[-2:] == [2, 0]
    finally:
        team.dispose()
