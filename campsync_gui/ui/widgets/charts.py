"""The charts, drawn with QtCharts: a campaign's members over time and the trigger events per hour or day, as
stacked steps on a time axis, in the window's theme and the person's date, time and number formats; saved as PNG.

Imported when a chart is first shown: QtCharts is not part of the first paint."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from PySide6.QtCharts import QAreaSeries, QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, QLocale, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from ...core.chart_history import DAY, EventCounts, MembershipHistory
from ...core.triggers import ADDED, REMOVED, trigger_label
from ...language import number, plural
from ..ask import warn
from ..file_dialogs import get_save_path
from ..i18n import translate
from ..theme import current_theme

CAMPSYNC_BLUE, CRM_GREY = QColor("#1a73e8"), QColor("#9aa0a6")
ADDED_GREEN, REMOVED_RED = QColor("#188038"), QColor("#d93025")
HOUR_S, DAY_S = 3600, 86400
EXPORT_PURPOSE = "export-chart"  # the file dialogs' remembered folder
EXPORT_SIZE = (1200, 600)  # a PNG is read on its own: roomier than the log's tab


def chart_view(name: str, minimum_height: int = 220) -> QChartView:
    """An empty chart in the window's theme, antialiased, numbers in the person's locale; `name` for a screen
    reader (a chart is a picture to it: the description says what it shows)."""
    chart = QChart()
    if current_theme() == "dark":
        chart.setTheme(QChart.ChartTheme.ChartThemeDark)
    chart.setLocale(QLocale())
    chart.setLocalizeNumbers(True)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(360, minimum_height)
    view.setAccessibleName(name)
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable with Tab, so a screen reader reads its description
    return view


def draw_membership(view: QChartView, history: MembershipHistory, campaign: str, until: float) -> None:
    """Members from CRM lists below, CampSync's stacked on them, up to `until` (now): the two columns of the
    campaigns table over time."""
    times = history.times
    crm = _steps(times, history.crm, until)
    total = _steps(times, [a + b for a, b in zip(history.campsync, history.crm)], until)
    chart = _reset(view.chart(), translate("Charts", "Members of {campaign} over time").format(campaign=campaign))
    series = (_area(crm, None, translate("Charts", "From CRM lists"), CRM_GREY),
              _area(total, crm, translate("Charts", "Added by CampSync"), CAMPSYNC_BLUE))
    # From a little before the first member to now: members who all came in the same minute are steps, not a line
    # of no width at the right end of an hour.
    first = times[0] if times else until - HOUR_S
    span = until - first
    _axes(chart, series, first - max(span / 4, min(span, 60.0), 5.0), until, max([0, *(p.y() for p in total)]))
    view.setAccessibleDescription(translate("Charts", "Now: {campsync} added by CampSync, {crm} from CRM lists").format(
        campsync=number(history.campsync[-1] if times else 0), crm=number(history.crm[-1] if times else 0)))


def draw_event_counts(view: QChartView, counts: EventCounts, campaign: str | None, *, steps: int = 5) -> None:
    """Added events below, Removed stacked on them, one step per hour or day (quiet ones at 0); `counts` has at
    least one period (core.chart_history.event_counts gives a day of hours or two weeks of days at the least)."""
    width = DAY_S if counts.period == DAY else HOUR_S
    ends = [*counts.starts[1:], counts.starts[-1] + width]
    added = _bars(counts.starts, ends, counts.added)
    both = _bars(counts.starts, ends, [a + r for a, r in zip(counts.added, counts.removed)])
    title = (translate("Charts", "Trigger events per day") if counts.period == DAY
             else translate("Charts", "Trigger events per hour"))
    if campaign:
        title = translate("Charts", "{title} — {campaign}").format(title=title, campaign=campaign)
    chart = _reset(view.chart(), title)
    series = (_area(added, None, trigger_label(ADDED), ADDED_GREEN),
              _area(both, added, trigger_label(REMOVED), REMOVED_RED))
    _axes(chart, series, counts.starts[0], ends[-1], max([0, *(p.y() for p in both)]), steps)
    busiest = max(range(len(counts.starts)), key=lambda i: counts.added[i] + counts.removed[i])
    description = translate("Charts", "{events}: {added} added, {removed} removed").format(
        events=_events(counts.total), added=number(sum(counts.added)), removed=number(sum(counts.removed)))
    if counts.total:
        description += translate("Charts", "; busiest: {when} ({count})").format(
            when=_when(counts.starts[busiest], counts.period),
            count=number(counts.added[busiest] + counts.removed[busiest]))
    view.setAccessibleDescription(description)


def save_png(view: QChartView, path: str) -> bool:
    """The chart as the view shows it, as a PNG file; False when it could not be written."""
    return view.grab().save(path, "PNG")


def ask_export_png(view: QChartView, draw: Callable[[QChartView], None], file_name: str) -> str:
    """Ask where to save the chart and save it there, drawn again by `draw` at EXPORT_SIZE with its title (the
    log's tab shows it low and untitled): the path written, '' when the person cancelled or it could not be
    written (then they are told why)."""
    path = get_save_path(view, EXPORT_PURPOSE, translate("Charts", "Export the chart as PNG"), file_name,
                         translate("Charts", "PNG images (*.png)"))
    if not path:
        return ""
    if not path.lower().endswith(".png"):
        path += ".png"
    page = chart_view(view.accessibleName())
    page.resize(*EXPORT_SIZE)
    draw(page)
    if save_png(page, path):
        return path
    # not QMessageBox.warning: its exec() would nest an event loop under qasync
    view.export_refusal = warn(view.window(), translate("Charts", "Export failed"),
                               translate("Charts", "Could not write {path}: check that the folder exists and that "
                                                   "you may write there.").format(path=path))
    return ""


def compact(view: QChartView) -> None:
    """For a view only a few rows high: no title (what is shown is said beside it), the legend at the side."""
    view.chart().setTitle("")
    view.chart().legend().setAlignment(Qt.AlignmentFlag.AlignRight)


# ---- building blocks ------------------------------------------------------------------------------------------

def _reset(chart: QChart, title: str) -> QChart:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    chart.setTitle(title)
    return chart


def _steps(times: list[float], values: list[int], until: float) -> list[QPointF]:
    """A value that holds until the next change (the last one until `until`): two points per change, the old value
    and then the new."""
    points: list[QPointF] = []
    before = 0
    for at, value in zip(times, values):
        x = at * 1000.0  # QDateTimeAxis counts milliseconds
        points += (QPointF(x, before), QPointF(x, value))
        before = value
    if points and until * 1000.0 > points[-1].x():
        points.append(QPointF(until * 1000.0, before))
    return points


def _bars(starts: list[float], ends: list[float], values: list[int]) -> list[QPointF]:
    """One flat step per period, from its start to its end."""
    points: list[QPointF] = []
    for start, end, value in zip(starts, ends, values):
        points += (QPointF(start * 1000.0, value), QPointF(end * 1000.0, value))
    if points:
        points = [QPointF(points[0].x(), 0), *points, QPointF(points[-1].x(), 0)]
    return points


def _area(upper: list[QPointF], lower: list[QPointF] | None, name: str, colour: QColor) -> QAreaSeries:
    top = QLineSeries()
    top.replace(upper)  # one call: appending point by point redraws each time
    series = QAreaSeries()  # not QAreaSeries(top): PySide6 then lets the line's wrapper delete the area with it
    series.setUpperSeries(top)
    if lower is not None:
        bottom = QLineSeries()
        bottom.replace(lower)
        series.setLowerSeries(bottom)
    series.setName(name)
    fill = QColor(colour)
    fill.setAlpha(170)
    series.setBrush(fill)
    series.setPen(QPen(colour, 1.5))
    return series


def _axes(chart: QChart, series: tuple[QAreaSeries, ...], first: float, last: float, highest: float,
          steps: int = 5) -> None:
    """A time axis from `first` to `last` (seconds) and a count axis from 0 to `highest`, in whole numbers."""
    for one in series:
        chart.addSeries(one)
    time_axis = QDateTimeAxis()
    locale = QLocale()
    short = QLocale.FormatType.ShortFormat
    if last - first <= 15 * 60:  # minutes apart: the seconds too (the long format without its time zone)
        time_axis.setFormat(re.sub(r"\s*\bt+\b", "", locale.timeFormat(QLocale.FormatType.LongFormat)).strip())
    else:
        time_axis.setFormat(locale.timeFormat(short) if last - first <= 2 * DAY_S else locale.dateFormat(short))
    time_axis.setTickCount(6)
    time_axis.setRange(_moment(first), _moment(last))
    count_axis = QValueAxis()
    count_axis.setLabelFormat("%.0f")  # with localised numbers ("12 000" in French); "%d" showed no labels at all
    step = _tick_step(highest, steps)
    count_axis.setTickType(QValueAxis.TickType.TicksDynamic)  # whole numbers only: no "0.5 members"
    count_axis.setTickAnchor(0)
    count_axis.setTickInterval(step)
    count_axis.setRange(0, step * max(1, math.ceil(highest / step)))
    chart.addAxis(time_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(count_axis, Qt.AlignmentFlag.AlignLeft)
    for one in series:
        one.attachAxis(time_axis)
        one.attachAxis(count_axis)


def _tick_step(highest: float, steps: int) -> int:
    """1, 2 or 5 times a power of ten: the smallest that needs at most `steps` steps to reach `highest`."""
    power = 1
    while True:
        for step in (power, 2 * power, 5 * power):
            if step * steps >= highest:
                return step
        power *= 10


def _moment(seconds: float) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(seconds * 1000))


def _when(seconds: float, period: str) -> str:
    moment = _moment(seconds)
    locale = QLocale()
    if period == DAY:
        return locale.toString(moment.date(), QLocale.FormatType.ShortFormat)
    return locale.toString(moment, QLocale.FormatType.ShortFormat)


def _events(count: int) -> str:
    return plural(count, translate("Charts", "{n} event"), translate("Charts", "{n} events"))
