"""Statutory clocks: deadlines in working days, calendar days, weeks, hours and months.

Working days skip weekends and England and Wales bank holidays (the ``holidays`` library,
``UK`` with ``subdiv="ENG"``, which includes one-off holidays such as coronations). A deadline
counted in days or months falls at the end of its last day, local time; one counted in hours
falls to the minute. Every deadline names the rule (the council's timescale) that set it.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from dateutil.relativedelta import relativedelta
from django.db import models

LONDON = ZoneInfo("Europe/London")
END_OF_DAY = time(23, 59, 59)


class Unit(models.TextChoices):
    WORKING_DAYS = "working_days", "working days"
    CALENDAR_DAYS = "calendar_days", "days"
    HOURS = "hours", "hours"
    WEEKS = "weeks", "weeks"
    MONTHS = "months", "months"


class Status(models.TextChoices):
    DUE = "due", "Due"
    DUE_SOON = "due_soon", "Due soon"
    OVERDUE = "overdue", "Overdue"
    MET_ON_TIME = "met_on_time", "Met on time"
    MET_LATE = "met_late", "Met late"
    # The clock stopped without the work being done: the work closed or is no longer needed.
    STOPPED = "stopped", "Stopped"
    STOPPED_OVERDUE = "stopped_overdue", "Missed, then stopped"


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.UK(subdiv="ENG", years=year).keys())


def is_bank_holiday(day: date) -> bool:
    return day in _bank_holidays(day.year)


def is_working_day(day: date) -> bool:
    # Weekend-dated holiday entries (a Saturday Christmas) need no special case: weekends
    # never count, and the library also lists the substitute ("observed") weekday.
    return day.weekday() < 5 and not is_bank_holiday(day)


def next_working_day(day: date) -> date:
    """The first working day strictly after ``day``."""
    day += timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (the start day itself is day 0)."""
    if days < 0:
        raise ValueError("Count working days forwards only.")
    day = start
    for _ in range(days):
        day = next_working_day(day)
    return day


def working_days_between(start: date, end: date) -> int:
    """How many working days after ``start`` up to and including ``end``."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


def end_of_day(day: date) -> datetime:
    return datetime.combine(day, END_OF_DAY, tzinfo=LONDON)


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=LONDON)
    return moment.astimezone(LONDON)


def due_at(start: datetime, amount: int, unit: str) -> datetime:
    """When a clock started at ``start`` runs out."""
    start = _local(start)
    if unit == Unit.HOURS:
        # Elapsed time: add in UTC, so 72 hours across a clock change is 72 real hours
        # (aware datetime arithmetic in one zone would add wall-clock hours instead).
        return (start.astimezone(UTC) + timedelta(hours=amount)).astimezone(LONDON)
    if unit == Unit.WORKING_DAYS:
        return end_of_day(add_working_days(start.date(), amount))
    if unit == Unit.CALENDAR_DAYS:
        return end_of_day(start.date() + timedelta(days=amount))
    if unit == Unit.WEEKS:
        return end_of_day(start.date() + timedelta(weeks=amount))
    if unit == Unit.MONTHS:
        # 31 January + 1 month is the last day of February (28th, or 29th in a leap year).
        return end_of_day(start.date() + relativedelta(months=amount))
    raise ValueError(f"Unknown unit of time: {unit!r}")


def office_start(moment: datetime, opens: time, closes: time) -> datetime:
    """When work received at ``moment`` starts: now in office hours, else the next opening.

    Out-of-hours contacts (evenings, weekends, bank holidays) land at the start of the next
    working day.
    """
    moment = _local(moment)
    day = moment.date()
    if is_working_day(day) and moment.time() < opens:
        return datetime.combine(day, opens, tzinfo=LONDON)
    if is_working_day(day) and moment.time() < closes:
        return moment
    return datetime.combine(next_working_day(day), opens, tzinfo=LONDON)


def office_due_at(received: datetime, working_days: int, opens: time, closes: time) -> datetime:
    """A deadline counted in office time: ``working_days`` whole office days from the start.

    Received at 10:00 on a Monday, one working day runs to 10:00 on Tuesday; received out of
    hours, the clock starts at the next opening, so one working day runs to that day's close.
    """
    if working_days < 0:
        raise ValueError("Count working days forwards only.")
    if closes <= opens:
        raise ValueError("Office hours must close after they open.")
    start = office_start(received, opens, closes)
    day_length = datetime.combine(start.date(), closes) - datetime.combine(start.date(), opens)
    remaining = day_length * working_days
    cursor = start
    while True:
        closing = datetime.combine(cursor.date(), closes, tzinfo=LONDON)
        if cursor + remaining <= closing:
            return cursor + remaining
        remaining -= closing - cursor
        cursor = datetime.combine(next_working_day(cursor.date()), opens, tzinfo=LONDON)


def _to_second(moment: datetime) -> datetime:
    return _local(moment).replace(microsecond=0)


def status(due: datetime, met: datetime | None, now: datetime, due_soon_days: int = 2,
           stopped: datetime | None = None) -> Status:
    """Where a deadline stands on ``now``.

    Naive datetimes are London local time. Times are compared to the whole second, as
    deadlines are set: work met at 23:59:59.5 on the last day is met on time. A deadline
    ``stopped`` (its work closed or is no longer needed) was never met: stopped by the
    deadline it is "Stopped"; stopped after it, the work was missed first.
    """
    due, now = _to_second(due), _to_second(now)
    if met is not None:
        met = _to_second(met)
        return Status.MET_ON_TIME if met <= due else Status.MET_LATE
    if stopped is not None:
        return Status.STOPPED if _to_second(stopped) <= due else Status.STOPPED_OVERDUE
    if now > due:
        return Status.OVERDUE
    if _local(due).date() <= add_working_days(_local(now).date(), due_soon_days):
        return Status.DUE_SOON
    return Status.DUE


@dataclass(frozen=True)
class Rule:
    """A named timescale: 'Child and Family Assessment: 45 working days from the referral'."""

    code: str
    name: str
    amount: int
    unit: str

    def due_at(self, start: datetime) -> datetime:
        return due_at(start, self.amount, self.unit)

    def describe(self) -> str:
        return f"{self.name}: {self.amount} {Unit(self.unit).label}"
