"""The collection year: 1 April to 31 March, named by the year it ends (DfE's ``Year``)."""

from dataclasses import dataclass
from datetime import date, timedelta

from righthelp.core.clocks import is_working_day


@dataclass(frozen=True, slots=True)
class CensusPeriod:
    year: int

    @property
    def start(self) -> date:
        return date(self.year - 1, 4, 1)

    @property
    def end(self) -> date:  # the reference date
        return date(self.year, 3, 31)

    def __contains__(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def working_day_before_start(self) -> date:
        day = self.start - timedelta(days=1)
        while not is_working_day(day):
            day -= timedelta(days=1)
        return day

    def working_days_before_end(self, n: int) -> date:
        """The day ``n`` working days before the reference date."""
        day = self.end
        while n > 0:
            day -= timedelta(days=1)
            n -= is_working_day(day)
        return day

    @property
    def label(self) -> str:
        return f"1 April {self.year - 1} to 31 March {self.year}"


def last_complete_year(today: date) -> int:
    """The latest collection year that has ended by ``today``."""
    return today.year if today >= date(today.year, 4, 1) else today.year - 1
