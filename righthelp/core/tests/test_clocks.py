"""Statutory clocks: working days, bank holidays, months, hours across clock changes, office
time and deadline status. Expected dates are worked out by hand from the gov.uk bank holiday
lists for England and Wales, not computed by the code under test."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from righthelp.core import clocks
from righthelp.core.clocks import (
    LONDON,
    Rule,
    Status,
    Unit,
    add_working_days,
    due_at,
    end_of_day,
    is_bank_holiday,
    is_working_day,
    next_working_day,
    office_due_at,
    office_start,
    status,
    working_days_between,
)

OPENS, CLOSES = time(9, 0), time(17, 0)


def london(*args) -> datetime:
    return datetime(*args, tzinfo=LONDON)


# --- which days are working days -------------------------------------------------------------

WORKING_DAY_CASES = [
    # (day, is it a working day?)
    pytest.param(date(2025, 3, 7), True, id="ordinary-friday"),
    pytest.param(date(2025, 3, 8), False, id="saturday"),
    pytest.param(date(2025, 3, 9), False, id="sunday"),
    pytest.param(date(2025, 4, 18), False, id="good-friday-2025"),
    pytest.param(date(2025, 4, 21), False, id="easter-monday-2025"),
    pytest.param(date(2025, 4, 22), True, id="tuesday-after-easter-2025"),
    pytest.param(date(2024, 3, 29), False, id="good-friday-2024"),
    pytest.param(date(2024, 4, 1), False, id="easter-monday-2024"),
    pytest.param(date(2026, 5, 4), False, id="early-may-2026"),
    pytest.param(date(2020, 5, 8), False, id="early-may-moved-to-ve-day-friday-2020"),
    pytest.param(date(2020, 5, 4), True, id="first-monday-may-2020-not-a-holiday"),
    pytest.param(date(2021, 12, 27), False, id="christmas-2021-substitute-monday"),
    pytest.param(date(2021, 12, 28), False, id="boxing-day-2021-substitute-tuesday"),
    pytest.param(date(2021, 12, 29), True, id="wednesday-after-christmas-2021"),
    pytest.param(date(2022, 1, 3), False, id="new-year-2022-substitute-monday"),
    pytest.param(date(2022, 12, 26), False, id="boxing-day-2022-monday"),
    pytest.param(date(2022, 12, 27), False, id="christmas-2022-substitute-tuesday"),
    pytest.param(date(2022, 12, 28), True, id="wednesday-after-christmas-2022"),
    pytest.param(date(2027, 12, 27), False, id="christmas-2027-substitute-monday"),
    pytest.param(date(2027, 12, 28), False, id="boxing-day-2027-substitute-tuesday"),
    pytest.param(date(2026, 12, 28), False, id="boxing-day-2026-saturday-substitute-monday"),
    pytest.param(date(2022, 6, 2), False, id="spring-bank-holiday-moved-2022"),
    pytest.param(date(2022, 6, 3), False, id="platinum-jubilee-2022"),
    pytest.param(date(2022, 5, 30), True, id="last-monday-may-2022-not-a-holiday"),
    pytest.param(date(2022, 9, 19), False, id="queens-state-funeral-2022"),
    pytest.param(date(2023, 5, 8), False, id="coronation-2023"),
    pytest.param(date(2024, 2, 29), True, id="leap-day-2024-thursday"),
    pytest.param(date(2028, 2, 29), True, id="leap-day-2028-tuesday"),
]


@pytest.mark.parametrize(("day", "expected"), WORKING_DAY_CASES)
def test_is_working_day(day, expected):
    assert is_working_day(day) is expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        pytest.param(date(2021, 12, 25), True, id="christmas-on-a-saturday-is-still-listed"),
        pytest.param(date(2021, 12, 27), True, id="its-substitute-day"),
        pytest.param(date(2023, 5, 8), True, id="coronation"),
        pytest.param(date(2025, 3, 8), False, id="plain-saturday"),
        pytest.param(date(2025, 3, 10), False, id="plain-monday"),
    ],
)
def test_is_bank_holiday(day, expected):
    assert is_bank_holiday(day) is expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        pytest.param(date(2025, 3, 5), date(2025, 3, 6), id="midweek"),
        pytest.param(date(2025, 3, 7), date(2025, 3, 10), id="friday-to-monday"),
        pytest.param(date(2025, 3, 8), date(2025, 3, 10), id="saturday-to-monday"),
        pytest.param(date(2025, 4, 17), date(2025, 4, 22), id="over-easter"),
        pytest.param(date(2021, 12, 24), date(2021, 12, 29), id="over-christmas-2021"),
        pytest.param(date(2021, 12, 31), date(2022, 1, 4), id="over-new-year-2022-substitute"),
    ],
)
def test_next_working_day_is_strictly_after(day, expected):
    assert next_working_day(day) == expected


# --- counting working days -------------------------------------------------------------------

ADD_WORKING_DAYS_CASES = [
    # (start, working days, expected)
    pytest.param(date(2025, 3, 5), 0, date(2025, 3, 5), id="zero-is-the-start-day"),
    pytest.param(date(2025, 3, 8), 0, date(2025, 3, 8), id="zero-from-a-saturday-stays"),
    pytest.param(date(2025, 3, 5), 1, date(2025, 3, 6), id="one-midweek"),
    pytest.param(date(2025, 3, 7), 1, date(2025, 3, 10), id="friday-plus-one-skips-weekend"),
    pytest.param(date(2025, 3, 8), 1, date(2025, 3, 10), id="saturday-plus-one-is-monday"),
    pytest.param(date(2025, 3, 9), 5, date(2025, 3, 14), id="sunday-plus-five-is-friday"),
    pytest.param(date(2025, 3, 7), 5, date(2025, 3, 14), id="a-working-week"),
    pytest.param(date(2025, 4, 17), 1, date(2025, 4, 22), id="easter-2025"),
    pytest.param(date(2021, 12, 24), 1, date(2021, 12, 29), id="christmas-2021-two-substitutes"),
    pytest.param(date(2022, 12, 23), 1, date(2022, 12, 28), id="christmas-2022-one-substitute"),
    pytest.param(date(2027, 12, 24), 1, date(2027, 12, 29), id="christmas-2027-two-substitutes"),
    pytest.param(date(2022, 6, 1), 1, date(2022, 6, 6), id="jubilee-2022-thursday-and-friday"),
    pytest.param(date(2022, 9, 16), 1, date(2022, 9, 20), id="queens-funeral-2022"),
    pytest.param(date(2023, 5, 5), 1, date(2023, 5, 9), id="coronation-2023"),
    pytest.param(date(2026, 5, 1), 1, date(2026, 5, 5), id="early-may-2026"),
    # 15 working days (Initial Child Protection Conference).
    pytest.param(date(2025, 3, 3), 15, date(2025, 3, 24), id="icpc-15-no-holidays"),
    pytest.param(date(2024, 12, 18), 15, date(2025, 1, 13), id="icpc-15-across-christmas-2024"),
    # 45 working days (Child and Family Assessment) across Christmas and New Year:
    # December 2024 has 19 working days after the 2nd (25th, 26th out), January 2025 has 22
    # (1st out), then 4 in February.
    pytest.param(date(2024, 12, 2), 45, date(2025, 2, 6), id="cafa-45-across-christmas-2024"),
    # 2021: 25/26 Dec at the weekend, substitutes 27 and 28 Dec, New Year substitute 3 Jan.
    pytest.param(date(2021, 12, 1), 45, date(2022, 2, 7), id="cafa-45-across-christmas-2021"),
    # 20 working days (first looked-after review) over the 2022 jubilee weekend.
    pytest.param(date(2022, 5, 25), 20, date(2022, 6, 24), id="lac-20-across-jubilee-2022"),
]


@pytest.mark.parametrize(("start", "days", "expected"), ADD_WORKING_DAYS_CASES)
def test_add_working_days(start, days, expected):
    result = add_working_days(start, days)
    assert result == expected
    if days:
        assert is_working_day(result)
        assert working_days_between(start, result) == days


def test_add_working_days_refuses_negative_counts():
    with pytest.raises(ValueError, match="forwards"):
        add_working_days(date(2025, 3, 5), -1)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        pytest.param(date(2025, 3, 5), date(2025, 3, 5), 0, id="same-day"),
        pytest.param(date(2025, 3, 5), date(2025, 3, 4), 0, id="end-before-start"),
        pytest.param(date(2025, 3, 7), date(2025, 3, 9), 0, id="friday-to-sunday"),
        pytest.param(date(2025, 3, 7), date(2025, 3, 10), 1, id="friday-to-monday"),
        pytest.param(date(2025, 3, 8), date(2025, 3, 8), 0, id="saturday-to-itself"),
        pytest.param(date(2025, 3, 3), date(2025, 3, 31), 20, id="four-weeks"),
        pytest.param(date(2021, 12, 24), date(2021, 12, 31), 3, id="christmas-week-2021"),
        pytest.param(date(2023, 5, 1), date(2023, 5, 12), 8, id="coronation-fortnight"),
    ],
)
def test_working_days_between(start, end, expected):
    assert working_days_between(start, end) == expected


@settings(max_examples=300, deadline=None)
@given(
    start=st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)),
    days=st.integers(min_value=1, max_value=130),
)
def test_add_working_days_round_trips(start, days):
    end = add_working_days(start, days)
    assert end > start
    assert is_working_day(end)
    assert working_days_between(start, end) == days
    # The day before the deadline is one working day short: the deadline is the earliest date.
    assert working_days_between(start, end - timedelta(days=1)) == days - 1


# --- deadlines in days, weeks and months -----------------------------------------------------

DUE_AT_CASES = [
    # (start, amount, unit, expected last day)
    pytest.param(london(2024, 12, 2, 11, 30), 45, Unit.WORKING_DAYS, date(2025, 2, 6),
                 id="cafa-45-working-days"),
    pytest.param(london(2024, 12, 18, 16, 0), 15, Unit.WORKING_DAYS, date(2025, 1, 13),
                 id="icpc-15-working-days"),
    pytest.param(london(2026, 5, 1, 23, 0), 1, Unit.WORKING_DAYS, date(2026, 5, 5),
                 id="hub-decision-over-bank-holiday-weekend"),
    pytest.param(london(2024, 2, 28, 9, 0), 1, Unit.CALENDAR_DAYS, date(2024, 2, 29),
                 id="calendar-day-into-leap-day"),
    pytest.param(london(2023, 2, 28, 9, 0), 1, Unit.CALENDAR_DAYS, date(2023, 3, 1),
                 id="calendar-day-no-leap-day"),
    pytest.param(london(2024, 12, 31, 9, 0), 1, Unit.CALENDAR_DAYS, date(2025, 1, 1),
                 id="calendar-day-over-new-year"),
    pytest.param(london(2024, 12, 24, 9, 0), 3, Unit.CALENDAR_DAYS, date(2024, 12, 27),
                 id="calendar-days-count-bank-holidays"),
    pytest.param(london(2024, 9, 2, 10, 0), 16, Unit.WEEKS, date(2024, 12, 23),
                 id="therapeutic-programme-16-weeks"),
    pytest.param(london(2024, 9, 2, 10, 0), 6, Unit.WEEKS, date(2024, 10, 14),
                 id="therapeutic-mid-point-6-weeks"),
    pytest.param(london(2024, 12, 23, 10, 0), 12, Unit.WEEKS, date(2025, 3, 17),
                 id="therapeutic-outreach-12-weeks"),
    pytest.param(london(2028, 2, 22, 10, 0), 1, Unit.WEEKS, date(2028, 2, 29),
                 id="week-onto-leap-day-2028"),
    pytest.param(london(2025, 1, 31, 10, 0), 1, Unit.MONTHS, date(2025, 2, 28),
                 id="31-jan-plus-1-month-2025"),
    pytest.param(london(2024, 1, 31, 10, 0), 1, Unit.MONTHS, date(2024, 2, 29),
                 id="31-jan-plus-1-month-leap-2024"),
    pytest.param(london(2028, 1, 31, 10, 0), 1, Unit.MONTHS, date(2028, 2, 29),
                 id="31-jan-plus-1-month-leap-2028"),
    pytest.param(london(2024, 8, 31, 10, 0), 6, Unit.MONTHS, date(2025, 2, 28),
                 id="31-aug-plus-6-months"),
    pytest.param(london(2023, 8, 31, 10, 0), 6, Unit.MONTHS, date(2024, 2, 29),
                 id="31-aug-plus-6-months-into-leap-year"),
    pytest.param(london(2024, 2, 29, 10, 0), 12, Unit.MONTHS, date(2025, 2, 28),
                 id="leap-day-plus-a-year"),
    pytest.param(london(2024, 2, 29, 10, 0), 3, Unit.MONTHS, date(2024, 5, 29),
                 id="leap-day-plus-3-months"),
    pytest.param(london(2024, 11, 30, 10, 0), 3, Unit.MONTHS, date(2025, 2, 28),
                 id="30-nov-plus-3-months"),
    pytest.param(london(2024, 3, 31, 10, 0), 3, Unit.MONTHS, date(2024, 6, 30),
                 id="31-mar-plus-3-months"),
    pytest.param(london(2010, 1, 1, 0, 0), 189, Unit.MONTHS, date(2025, 10, 1),
                 id="personal-adviser-at-15-years-9-months"),
    pytest.param(london(2025, 6, 30, 23, 30), 1, Unit.MONTHS, date(2025, 7, 30),
                 id="late-evening-start-counts-from-the-local-date"),
]


@pytest.mark.parametrize(("start", "amount", "unit", "last_day"), DUE_AT_CASES)
def test_due_at_day_based_units_end_at_the_end_of_the_last_day(start, amount, unit, last_day):
    due = due_at(start, amount, unit)
    assert due == datetime.combine(last_day, time(23, 59, 59), tzinfo=LONDON)
    assert due == end_of_day(last_day)


def test_due_at_uses_the_london_date_of_a_utc_start():
    # 23:30 UTC on 30 June is 00:30 BST on 1 July: the clock starts on 1 July in London.
    start = datetime(2025, 6, 30, 23, 30, tzinfo=UTC)
    assert due_at(start, 1, Unit.CALENDAR_DAYS).date() == date(2025, 7, 2)


def test_due_at_treats_a_naive_start_as_london_time():
    assert due_at(datetime(2025, 3, 5, 10, 0), 1, Unit.WORKING_DAYS) == end_of_day(
        date(2025, 3, 6)
    )


def test_due_at_rejects_an_unknown_unit():
    with pytest.raises(ValueError, match="fortnights"):
        due_at(london(2025, 3, 5, 10), 2, "fortnights")


# --- deadlines in hours are elapsed time -----------------------------------------------------

HOURS_CASES = [
    # (start, hours, expected local due)
    pytest.param(london(2025, 3, 4, 10, 0), 72, london(2025, 3, 7, 10, 0), id="72h-no-change"),
    pytest.param(london(2025, 3, 4, 14, 37), 1, london(2025, 3, 4, 15, 37), id="to-the-minute"),
    # Clocks go back at 02:00 BST on 27 Oct 2024: 72 real hours from noon BST is 11:00 GMT.
    pytest.param(london(2024, 10, 25, 12, 0), 72, london(2024, 10, 28, 11, 0),
                 id="72h-across-october-clock-change"),
    # Clocks go forward at 01:00 GMT on 30 Mar 2025: 72 real hours from noon GMT is 13:00 BST.
    pytest.param(london(2025, 3, 28, 12, 0), 72, london(2025, 3, 31, 13, 0),
                 id="72h-across-march-clock-change"),
    pytest.param(london(2024, 10, 26, 23, 0), 4, london(2024, 10, 27, 2, 0),
                 id="4h-through-the-repeated-hour"),
    pytest.param(london(2024, 12, 24, 18, 0), 72, london(2024, 12, 27, 18, 0),
                 id="72h-ignores-bank-holidays"),
]


@pytest.mark.parametrize(("start", "hours", "expected"), HOURS_CASES)
def test_due_at_hours(start, hours, expected):
    due = due_at(start, hours, Unit.HOURS)
    assert due == expected
    assert due.replace(tzinfo=None) == expected.replace(tzinfo=None)  # same local wall time
    assert due.utcoffset() == expected.utcoffset()
    assert due.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=hours)


def test_due_at_hours_from_a_utc_start_is_shown_in_london_time():
    start = datetime(2024, 10, 25, 11, 0, tzinfo=UTC)  # 12:00 BST
    due = due_at(start, 72, Unit.HOURS)
    assert (due.date(), due.time(), due.utcoffset()) == (date(2024, 10, 28), time(11), timedelta(0))


@settings(max_examples=200, deadline=None)
@given(
    start=st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2035, 12, 31)),
    hours=st.integers(min_value=1, max_value=24 * 30),
)
def test_hours_deadline_is_always_elapsed_time(start, hours):
    start = start.replace(tzinfo=LONDON)
    due = due_at(start, hours, Unit.HOURS)
    assert due.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=hours)


# --- office time -----------------------------------------------------------------------------

OFFICE_START_CASES = [
    # (received, expected start)
    pytest.param(london(2026, 3, 2, 10, 0), london(2026, 3, 2, 10, 0), id="in-hours-is-now"),
    pytest.param(london(2026, 3, 3, 7, 0), london(2026, 3, 3, 9, 0), id="early-waits-to-open"),
    pytest.param(london(2026, 3, 3, 9, 0), london(2026, 3, 3, 9, 0), id="exactly-at-opening"),
    pytest.param(london(2026, 3, 3, 17, 0), london(2026, 3, 4, 9, 0), id="exactly-at-closing"),
    pytest.param(london(2026, 3, 3, 17, 30), london(2026, 3, 4, 9, 0), id="after-closing"),
    pytest.param(london(2026, 3, 7, 12, 0), london(2026, 3, 9, 9, 0), id="saturday"),
    pytest.param(london(2026, 5, 1, 23, 0), london(2026, 5, 5, 9, 0),
                 id="friday-night-before-early-may-bank-holiday"),
    pytest.param(london(2026, 5, 4, 10, 0), london(2026, 5, 5, 9, 0), id="on-a-bank-holiday"),
    pytest.param(london(2021, 12, 24, 18, 0), london(2021, 12, 29, 9, 0),
                 id="christmas-eve-evening-2021"),
]


@pytest.mark.parametrize(("received", "expected"), OFFICE_START_CASES)
def test_office_start(received, expected):
    assert office_start(received, OPENS, CLOSES) == expected


OFFICE_DUE_CASES = [
    # (received, working days, expected due)
    pytest.param(london(2026, 3, 2, 10, 0), 1, london(2026, 3, 3, 10, 0),
                 id="monday-10am-to-tuesday-10am"),
    pytest.param(london(2026, 5, 1, 23, 0), 1, london(2026, 5, 5, 17, 0),
                 id="friday-23h-bank-holiday-monday-to-tuesday-close"),
    pytest.param(london(2026, 3, 3, 7, 0), 1, london(2026, 3, 3, 17, 0),
                 id="7am-on-a-working-day-to-that-close"),
    pytest.param(london(2026, 3, 3, 17, 30), 1, london(2026, 3, 4, 17, 0),
                 id="after-close-to-next-day-close"),
    pytest.param(london(2026, 3, 3, 9, 0), 1, london(2026, 3, 3, 17, 0),
                 id="exactly-at-opening-to-close"),
    pytest.param(london(2026, 3, 6, 16, 0), 1, london(2026, 3, 9, 16, 0),
                 id="friday-afternoon-to-monday"),
    pytest.param(london(2026, 3, 7, 12, 0), 1, london(2026, 3, 9, 17, 0),
                 id="saturday-to-monday-close"),
    pytest.param(london(2026, 3, 2, 10, 0), 2, london(2026, 3, 4, 10, 0), id="two-days"),
    pytest.param(london(2026, 4, 2, 15, 0), 1, london(2026, 4, 7, 15, 0), id="over-easter-2026"),
    pytest.param(london(2026, 3, 2, 10, 0), 0, london(2026, 3, 2, 10, 0), id="zero-days"),
    pytest.param(london(2026, 3, 27, 10, 0), 1, london(2026, 3, 30, 10, 0),
                 id="over-march-clock-change-office-wall-time"),
]


@pytest.mark.parametrize(("received", "days", "expected"), OFFICE_DUE_CASES)
def test_office_due_at(received, days, expected):
    due = office_due_at(received, days, OPENS, CLOSES)
    assert due == expected
    assert due.replace(tzinfo=None) == expected.replace(tzinfo=None)


def test_office_due_at_with_other_office_hours():
    # 08:30 to 16:30: received 15:30 on Monday, one office day is 8 hours, so 15:30 Tuesday.
    due = office_due_at(london(2026, 3, 2, 15, 30), 1, time(8, 30), time(16, 30))
    assert due == london(2026, 3, 3, 15, 30)


def test_office_due_at_accepts_utc_and_naive_times():
    received_utc = datetime(2026, 5, 1, 22, 0, tzinfo=UTC)  # 23:00 BST, Friday 1 May
    assert office_due_at(received_utc, 1, OPENS, CLOSES) == london(2026, 5, 5, 17, 0)
    received_naive = datetime(2026, 3, 2, 10, 0)
    assert office_due_at(received_naive, 1, OPENS, CLOSES) == london(2026, 3, 3, 10, 0)


def test_office_due_at_refuses_nonsense():
    with pytest.raises(ValueError, match="forwards"):
        office_due_at(london(2026, 3, 2, 10, 0), -1, OPENS, CLOSES)
    with pytest.raises(ValueError, match="close after"):
        office_due_at(london(2026, 3, 2, 10, 0), 1, CLOSES, OPENS)


# --- deadline status -------------------------------------------------------------------------

# A deadline at the end of Tuesday 10 March 2026 (the default: due soon 2 working days ahead).
DUE = end_of_day(date(2026, 3, 10))

STATUS_CASES = [
    # (met, now, due soon days, expected)
    pytest.param(None, london(2026, 3, 2, 9, 0), 2, Status.DUE, id="well-ahead-is-due"),
    pytest.param(None, london(2026, 3, 5, 9, 0), 2, Status.DUE,
                 id="thursday-three-working-days-ahead-is-due"),
    pytest.param(None, london(2026, 3, 6, 9, 0), 2, Status.DUE_SOON,
                 id="friday-two-working-days-ahead-over-weekend-is-due-soon"),
    pytest.param(None, london(2026, 3, 10, 23, 0), 2, Status.DUE_SOON, id="on-the-day"),
    pytest.param(None, DUE, 2, Status.DUE_SOON, id="exactly-at-due-is-not-overdue"),
    pytest.param(None, DUE + timedelta(seconds=1), 2, Status.OVERDUE, id="a-second-late"),
    pytest.param(None, london(2026, 3, 20, 9, 0), 2, Status.OVERDUE, id="days-late"),
    pytest.param(None, london(2026, 3, 9, 9, 0), 0, Status.DUE, id="no-warning-day-before"),
    pytest.param(None, london(2026, 3, 10, 9, 0), 0, Status.DUE_SOON, id="no-warning-on-day"),
    pytest.param(None, london(2026, 3, 4, 9, 0), 5, Status.DUE_SOON, id="council-warns-5-days"),
    pytest.param(london(2026, 3, 4, 12), london(2026, 3, 5, 9), 2, Status.MET_ON_TIME,
                 id="met-early"),
    pytest.param(DUE, london(2026, 3, 20, 9, 0), 2, Status.MET_ON_TIME,
                 id="met-exactly-at-due-is-on-time"),
    pytest.param(DUE + timedelta(seconds=1), london(2026, 3, 20, 9), 2, Status.MET_LATE,
                 id="met-a-second-late"),
    pytest.param(london(2026, 3, 11, 0, 0), london(2026, 3, 11, 0, 1), 2, Status.MET_LATE,
                 id="met-at-midnight-next-day-is-late"),
    pytest.param(london(2026, 3, 4, 12), london(2026, 4, 1, 9), 2, Status.MET_ON_TIME,
                 id="met-on-time-stays-on-time-once-the-date-passes"),
]


@pytest.mark.parametrize(("met", "now", "soon", "expected"), STATUS_CASES)
def test_status(met, now, soon, expected):
    assert status(DUE, met, now, soon) is expected


STOPPED_CASES = [
    # (stopped, now, expected): a stopped deadline was never met, whatever the date now.
    pytest.param(london(2026, 3, 4, 12), london(2026, 3, 5, 9), Status.STOPPED,
                 id="stopped-before-due"),
    pytest.param(london(2026, 3, 4, 12), london(2026, 4, 1, 9), Status.STOPPED,
                 id="stopped-before-due-stays-stopped-once-the-date-passes"),
    pytest.param(DUE, london(2026, 3, 20, 9), Status.STOPPED, id="stopped-exactly-at-due"),
    pytest.param(london(2026, 3, 10, 23, 59, 59, 500_000), london(2026, 3, 20, 9),
                 Status.STOPPED, id="stopped-within-the-last-second"),
    pytest.param(DUE + timedelta(seconds=1), london(2026, 3, 20, 9), Status.STOPPED_OVERDUE,
                 id="stopped-a-second-late-was-missed"),
    pytest.param(london(2026, 3, 20, 9), london(2026, 3, 20, 9), Status.STOPPED_OVERDUE,
                 id="stopped-days-late-was-missed"),
]


@pytest.mark.parametrize(("stopped", "now", "expected"), STOPPED_CASES)
def test_status_stopped(stopped, now, expected):
    assert status(DUE, None, now, 2, stopped) is expected


def test_stopped_status_words():
    assert Status.STOPPED.label == "Stopped"
    assert Status.STOPPED_OVERDUE.label == "Missed, then stopped"


def test_status_met_within_the_last_second_of_the_day_is_on_time():
    met = london(2026, 3, 10, 23, 59, 59, 500_000)
    assert status(DUE, met, london(2026, 3, 11, 9)) is Status.MET_ON_TIME
    assert status(DUE, None, met) is Status.DUE_SOON


def test_status_hours_deadline_to_the_minute():
    due = due_at(london(2024, 10, 25, 12, 0), 72, Unit.HOURS)  # 11:00 GMT Monday 28 Oct
    assert status(due, london(2024, 10, 28, 11, 0), london(2024, 10, 29)) is Status.MET_ON_TIME
    assert status(due, london(2024, 10, 28, 11, 1), london(2024, 10, 29)) is Status.MET_LATE
    assert status(due, None, london(2024, 10, 28, 11, 1)) is Status.OVERDUE


def test_status_compares_instants_not_wall_clocks():
    # 22:30 UTC on 10 March is 22:30 GMT: before the 23:59:59 deadline.
    assert status(DUE, datetime(2026, 3, 10, 22, 30, tzinfo=UTC), DUE) is Status.MET_ON_TIME
    # In summer 23:30 UTC is 00:30 BST the next day: late for a deadline at the end of 1 July.
    summer_due = end_of_day(date(2026, 7, 1))
    late = datetime(2026, 7, 1, 23, 30, tzinfo=UTC)
    assert status(summer_due, late, late) is Status.MET_LATE


def test_status_accepts_naive_times_as_london_time():
    assert status(DUE, datetime(2026, 3, 10, 12, 0), datetime(2026, 3, 10, 12)) is (
        Status.MET_ON_TIME
    )
    assert status(DUE, None, datetime(2026, 3, 11, 0, 0)) is Status.OVERDUE


# --- rules ------------------------------------------------------------------------------------


def test_rule_sets_its_deadline_and_describes_itself():
    rule = Rule(code="child-and-family-assessment", name="Child and Family Assessment",
                amount=45, unit=Unit.WORKING_DAYS)
    assert rule.due_at(london(2024, 12, 2, 10)) == end_of_day(date(2025, 2, 6))
    assert rule.describe() == "Child and Family Assessment: 45 working days"
    rhi = Rule(code="return-home-interview", name="Return home interview", amount=72,
               unit="hours")
    assert rhi.describe() == "Return home interview: 72 hours"
    assert rhi.due_at(london(2024, 10, 25, 12)) == london(2024, 10, 28, 11)


def test_bank_holidays_are_cached_per_year():
    clocks._bank_holidays.cache_clear()
    assert is_bank_holiday(date(2023, 5, 8))
    assert not is_bank_holiday(date(2023, 5, 9))
    assert clocks._bank_holidays.cache_info().misses == 1
