"""What the charts draw, read from the store's own history: a campaign's membership over time (added by CampSync,
from CRM lists) and the trigger events per hour or per day."""

from __future__ import annotations

import math
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import accumulate

from sqlalchemy import Integer, Select, cast, func, select
from sqlalchemy.engine import Engine

from .flows import FLOW_ACTION
from .models import Membership, TriggerEventRecord
from .triggers import ADDED, REMOVED

MAX_POINTS = 400  # a line of more points than a chart is wide in pixels only costs time to draw
HOUR, DAY = "hour", "day"
# How far back each period reaches from now: three days of hours, three months of days; and at least a day of
# hours and two weeks of days, so a first event is seen against the quiet before it.
MAX_BUCKETS = {HOUR: 72, DAY: 92}
MIN_BUCKETS = {HOUR: 24, DAY: 14}
# Events are first counted in SQL per quarter of an hour of UTC: every time zone's hours (India's +5:30 and
# Nepal's +5:45 included) and days, summer time or not, are whole numbers of those.
QUARTER = 900


@dataclass(frozen=True)
class MembershipHistory:
    """Members after each change, as steps: at `times[i]` the campaign had `campsync[i] + crm[i]` members."""

    times: list[float]
    campsync: list[int]  # members CampSync's flow actions added
    crm: list[int]       # members through CRM lists (a person on both counts in each, as the campaigns table counts)

    @property
    def members(self) -> int:
        """CampSync's and CRM lists' members now, as the campaigns table's two columns add up."""
        return (self.campsync[-1] + self.crm[-1]) if self.times else 0


@dataclass(frozen=True)
class EventCounts:
    """Trigger events per hour or per day: `starts[i]` is the local start of a period, every period in between
    included (with 0 events)."""

    period: str
    starts: list[float]
    added: list[int]
    removed: list[int]

    @property
    def total(self) -> int:
        return sum(self.added) + sum(self.removed)


def membership_history(db: Engine, campaign_id: str) -> MembershipHistory:
    """A campaign's members over time: CampSync's from when they were added (a member since removed counts from
    its Added event to its Removed event), CRM lists' from when CampSync first saw them; a person on both counts
    in each, as the campaigns table counts them."""
    def joined(source) -> Select:  # newest first: in the dict, a person on two such lists keeps the earliest
        return (select(Membership.person_id, Membership.added_at)
                .where(Membership.campaign_id == campaign_id, source).order_by(Membership.added_at.desc()))

    events = TriggerEventRecord
    removed = select(events.person_id).where(events.campaign_id == campaign_id, events.trigger == REMOVED)
    with db.connect() as conn:  # plain rows, no ORM objects: a third of the time for 10,000 members
        ours = dict(conn.execute(joined(Membership.source == FLOW_ACTION)).all())
        theirs = dict(conn.execute(joined(Membership.source != FLOW_ACTION)).all())
        # Members CampSync added and removed since have no row left, only their events: only theirs are read.
        gone = conn.execute(select(events.trigger, events.person_id, events.at)
                            .where(events.campaign_id == campaign_id, events.person_id.in_(removed))
                            .order_by(events.at, events.id)).all()
    came, left = list(ours.values()), []
    last_added: dict[int, float] = {}
    for trigger, person_id, at in gone:
        if trigger == ADDED:
            last_added[person_id] = at
        elif trigger == REMOVED and person_id in last_added:
            came.append(last_added.pop(person_id))
            left.append(at)
    return _steps(came, left, list(theirs.values()))


def _steps(came: list[float], left: list[float], crm: list[float]) -> MembershipHistory:
    """Members after each change from when CampSync's came and left and CRM lists' came; changes closer than a
    step share its end, so at most MAX_POINTS steps, the last one exact."""
    if not came and not crm:  # (nobody left who had not come)
        return MembershipHistory([], [], [])
    moments = [at for at in (*came, *left, *crm) if at > 0]
    first, last = (min(moments), max(moments)) if moments else (0.0, 0.0)
    step = (last - first) / MAX_POINTS if len(came) + len(left) + len(crm) > MAX_POINTS else 0.0

    def at_step(at: float) -> float:  # members from before CampSync recorded when: there from the start
        at = max(at, first)
        return min(first + step * math.ceil((at - first) / step), last) if step else at

    ours = Counter(map(at_step, came))
    ours.subtract(Counter(map(at_step, left)))
    others = Counter(map(at_step, crm))
    times = sorted(ours.keys() | others.keys())
    return MembershipHistory(times, list(accumulate(ours[at] for at in times)),
                             list(accumulate(others[at] for at in times)))


def event_counts(db: Engine, period: str, campaign_id: str | None = None, *, now: float | None = None) -> EventCounts:
    """Added and Removed events per local hour or day (of one campaign, or all) in the newest MAX_BUCKETS periods
    up to now: from the first of them with an event (or MIN_BUCKETS before now), quiet ones included at 0."""
    current = _period_start(datetime.fromtimestamp(time.time() if now is None else now), period)
    earliest = _periods(datetime.min, current, period)[0]
    column = TriggerEventRecord.at / QUARTER
    # PostgreSQL rounds a cast to an integer where SQLite truncates: floor() on one, a cast on the other (SQLite has
    # floor() only when built with its maths functions).
    quarter = func.floor(column) if db.dialect.name == "postgresql" else cast(column, Integer)
    query = (select(quarter, TriggerEventRecord.trigger, func.count())
             .where(TriggerEventRecord.at >= earliest.timestamp()).group_by(quarter, TriggerEventRecord.trigger))
    if campaign_id is not None:
        query = query.where(TriggerEventRecord.campaign_id == campaign_id)
    with db.connect() as conn:
        rows = conn.execute(query).all()
    counts: dict[datetime, list[int]] = {}
    for quarter_number, trigger, count in rows:
        start = _period_start(datetime.fromtimestamp(int(quarter_number) * QUARTER), period)
        slot = counts.setdefault(start, [0, 0])
        slot[trigger != ADDED] += count
    last = max([current, *counts])  # a colleague's clock ahead: up to its events
    starts = _periods(min([_periods(datetime.min, last, period, MIN_BUCKETS[period])[0], *counts]), last, period)
    return EventCounts(period, [start.timestamp() for start in starts], [counts.get(s, (0, 0))[0] for s in starts],
                       [counts.get(s, (0, 0))[1] for s in starts])


def _period_start(moment: datetime, period: str) -> datetime:
    start = moment.replace(minute=0, second=0, microsecond=0)
    return start.replace(hour=0) if period == DAY else start


def _periods(first: datetime, last: datetime, period: str, most: int | None = None) -> list[datetime]:
    """Every period from `first` to `last`, at most `most` (MAX_BUCKETS) of them, the newest. Days step by the
    calendar (a summer-time day has 23 or 25 hours); hours by the clock."""
    starts = [last]
    while len(starts) < (most or MAX_BUCKETS[period]) and starts[-1] > first:
        if period == DAY:
            starts.append(datetime.combine(starts[-1].date() - timedelta(days=1), starts[-1].time()))
        else:
            starts.append(datetime.fromtimestamp(starts[-1].timestamp() - 3600))
    return starts[::-1]

