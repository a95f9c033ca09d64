"""Open or closed now, and when next open: pure functions over :class:`OpeningHoursParams` (Asia/Shanghai)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from jmt.system.parameters import OpeningHoursParams

ZONE = ZoneInfo("Asia/Shanghai")
WEEKDAYS = {1: "周一", 2: "周二", 3: "周三", 4: "周四", 5: "周五", 6: "周六", 7: "周日"}
LOOKAHEAD_DAYS = 400


def _at(day: datetime, hhmm: str) -> datetime:
    hour, minute = (int(part) for part in hhmm.split(":"))
    return datetime.combine(day.date(), time(hour, minute), tzinfo=ZONE)


def _working_day(hours: OpeningHoursParams, day: datetime) -> bool:
    return day.isoweekday() in hours.days and day.date() not in hours.closed_dates


def is_open(hours: OpeningHoursParams, now: datetime) -> bool:
    local = now.astimezone(ZONE)
    if not _working_day(hours, local):
        return False
    return any(_at(local, r.start) <= local < _at(local, r.end) for r in hours.ranges)


def next_opening(hours: OpeningHoursParams, now: datetime) -> datetime | None:
    """The start of the next opening strictly after ``now`` (None if the calendar never opens)."""
    local = now.astimezone(ZONE)
    for offset in range(LOOKAHEAD_DAYS):
        day = local + timedelta(days=offset)
        if not _working_day(hours, day):
            continue
        for r in hours.ranges:
            start = _at(day, r.start)
            if start > local:
                return start
    return None


def _day_runs(days: list[int]) -> str:
    if sorted(days) == list(range(1, 8)):
        return "每天"
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = [
        f"{WEEKDAYS[run[0]]}至{WEEKDAYS[run[-1]]}" if len(run) >= 3 else "、".join(WEEKDAYS[d] for d in run)
        for run in runs
    ]
    return "、".join(parts)


def describe(hours: OpeningHoursParams) -> str:
    """「周一至周五 08:30–12:00、13:30–17:30」."""
    ranges = "、".join(f"{r.start}–{r.end}" for r in hours.ranges)
    return f"{_day_runs(hours.days)} {ranges}"
