"""The period every early help figure is for: a first and a last day (local time, both
included), the months it spans, and checking what was asked for; and the database's own
month arithmetic."""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db.models import DateTimeField, Func

from righthelp.core.clocks import LONDON

DEFAULT_MONTHS = 12
MAX_MONTHS = 36
BAD_DATE = "Enter a real date, for example 2026-05-31."
START_AFTER_END = "The first day must be on or before the last day."
TOO_LONG = f"Choose a period of at most {MAX_MONTHS} months."
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def code(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        return date(self.year, self.month, 1).strftime("%b %Y")


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    @property
    def begins(self) -> datetime:
        """The start of the first day, local time."""
        return datetime(self.first.year, self.first.month, self.first.day, tzinfo=LONDON)

    @property
    def ends(self) -> datetime:
        """The start of the day after the last, local time (the period runs up to it)."""
        after = self.last + timedelta(days=1)
        return datetime(after.year, after.month, after.day, tzinfo=LONDON)

    @property
    def months(self) -> list[Month]:
        months, day = [], self.first.replace(day=1)
        while day <= self.last:
            months.append(Month(day.year, day.month))
            day += relativedelta(months=1)
        return months

    @property
    def label(self) -> str:
        return f"{self.first:%-d %B %Y} to {self.last:%-d %B %Y}"


def default_period(today: date) -> Period:
    """The last 12 months in whole months: from the first of the month 11 months ago."""
    first = today.replace(day=1) - relativedelta(months=DEFAULT_MONTHS - 1)
    return Period(first, today)


def _parse(value, name: str, errors: dict) -> date | None:
    if isinstance(value, date):
        return value
    text = (value or "").strip()
    if not text:
        return None
    try:
        if not _DATE.match(text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        errors[name] = [BAD_DATE]
        return None


def period_from(first, last, today: date) -> Period:
    """The period asked for ("YYYY-MM-DD" strings or dates; either may be left out), with a
    message per field when it is not a real period."""
    errors: dict[str, list[str]] = {}
    default = default_period(today)
    first_day = _parse(first, "first", errors)
    last_day = _parse(last, "last", errors)
    if errors:
        raise ValidationError(errors)
    period = Period(first_day or default.first, last_day or default.last)
    if period.first > period.last:
        raise ValidationError({"first": [START_AFTER_END]})
    if len(period.months) > MAX_MONTHS:
        raise ValidationError({"first": [TOO_LONG]})
    return period


def share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def month_key(moment: datetime | date) -> Month:
    if isinstance(moment, datetime):
        moment = moment.astimezone(LONDON)
    return Month(moment.year, moment.month)


class MonthsAfter(Func):
    """A moment moved on by whole calendar months, in the database's own date arithmetic."""

    output_field = DateTimeField()

    def __init__(self, expression, months: int):
        self.months = int(months)
        super().__init__(expression)

    def as_sql(self, compiler, connection, **extra):  # PostgreSQL
        return super().as_sql(compiler, connection,
                              template=f"(%(expressions)s + interval '{self.months} months')",
                              **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection,
                              template=f"datetime(%(expressions)s, '+{self.months} months')",
                              **extra)

    def as_mysql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection,
                              template=f"DATE_ADD(%(expressions)s, INTERVAL {self.months} MONTH)",
                              **extra)
