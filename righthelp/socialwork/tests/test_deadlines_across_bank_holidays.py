"""Issue 6's deadline acceptance, end to end through the services: the Child and Family
Assessment (45 working days), the Initial Child Protection Conference (15 working days) and
child protection reviews (3 months, then at most 6 months apart), each across bank holidays or
month ends, met on the due day on time and the next day late."""

from datetime import date

import pytest

from righthelp.core import clocks
from righthelp.core.council_settings import timescale
from righthelp.core.models import Deadline

from .assessments_support import at, on
from .plans_support import enquiry_needing_conference, open_episode
from .test_assessments_deadlines import assess
from .test_conferences import due, icpc, review

pytestmark = pytest.mark.django_db


def standing(deadline: Deadline) -> clocks.Status:
    deadline.refresh_from_db()
    return clocks.status(deadline.due_at, deadline.met_at, deadline.met_at)


# --- Child and Family Assessment: 45 working days over Christmas and New Year ---------------

@pytest.mark.parametrize(("authorised_on", "expected"), [
    (date(2026, 2, 5), clocks.Status.MET_ON_TIME),  # the 45th working day
    (date(2026, 2, 6), clocks.Status.MET_LATE),
])
def test_cafa_over_christmas_and_new_year_met_on_the_due_day(world, authorised_on, expected):
    """Referral Monday 1 December 2025: 25 and 26 December and 1 January are bank holidays,
    so the assessment is due Thursday 5 February 2026."""
    assessment = assess(world, on(date(2025, 12, 1)), date(2026, 2, 4), authorised_on)
    assert due(assessment.deadline) == date(2026, 2, 5)
    assert standing(assessment.deadline) == expected


# --- Initial Child Protection Conference: 15 working days over the spring bank holiday ------

@pytest.mark.parametrize(("held_on", "expected"), [
    (date(2026, 6, 8), clocks.Status.MET_ON_TIME),
    (date(2026, 6, 9), clocks.Status.MET_LATE),
])
def test_icpc_over_the_spring_bank_holiday(world, held_on, expected):
    """Strategy discussion Friday 15 May 2026: Monday 25 May is the spring bank holiday, so the
    conference is due Monday 8 June 2026 (not Friday 5 June)."""
    episode = open_episode(world, referral_date=date(2026, 5, 14))
    enquiry = enquiry_needing_conference(world, episode, date(2026, 5, 15))
    assert enquiry.icpc_target == date(2026, 6, 8) == due(enquiry.deadline)
    icpc(world, enquiry, held_on)
    assert standing(enquiry.deadline) == expected


def test_icpc_over_christmas_held_late(world):
    """Strategy discussion Friday 19 December 2025, due Wednesday 14 January 2026."""
    episode = open_episode(world, referral_date=date(2025, 12, 1))
    enquiry = enquiry_needing_conference(world, episode, date(2025, 12, 19))
    icpc(world, enquiry, date(2026, 1, 15))
    assert standing(enquiry.deadline) == clocks.Status.MET_LATE


# --- Child protection reviews: 3 months from the ICPC, then at most 6 months apart ---------

@pytest.mark.parametrize(("rule", "held", "expected"), [
    ("first-child-protection-review", date(2025, 8, 31), date(2025, 11, 30)),
    ("first-child-protection-review", date(2027, 8, 31), date(2027, 11, 30)),
    ("first-child-protection-review", date(2026, 3, 31), date(2026, 6, 30)),
    ("first-child-protection-review", date(2026, 12, 31), date(2027, 3, 31)),
    ("child-protection-review", date(2027, 11, 30), date(2028, 5, 30)),
    ("child-protection-review", date(2026, 3, 31), date(2026, 9, 30)),
    ("child-protection-review", date(2027, 8, 31), date(2028, 2, 29)),  # leap year
])
def test_review_due_dates_at_month_ends(council, rule, held, expected):
    assert clocks._local(timescale(rule).due_at(clocks.end_of_day(held))).date() == expected


def test_cp_reviews_from_an_icpc_on_31_august_through_the_services(world):
    """ICPC Tuesday 31 August 2027: the first review is due 30 November 2027; held that day,
    on time, the next is due 30 May 2028; held a day late (31 May), the one after runs from
    the day it was held: 30 November 2028."""
    with at(on(date(2028, 6, 1))):
        episode = open_episode(world, referral_date=date(2027, 8, 2))
        plan = icpc(world, enquiry_needing_conference(world, episode, date(2027, 8, 10)),
                    date(2027, 8, 31)).cp_plan
        first = plan.review_deadline
        assert first.rule == "first-child-protection-review"
        assert due(first) == date(2027, 11, 30)
        review(world, plan, date(2027, 11, 30))
        assert standing(first) == clocks.Status.MET_ON_TIME
        plan.refresh_from_db()
        second = plan.review_deadline
        assert second.rule == "child-protection-review" and due(second) == date(2028, 5, 30)
        review(world, plan, date(2028, 5, 31))
        assert standing(second) == clocks.Status.MET_LATE
        plan.refresh_from_db()
        assert due(plan.review_deadline) == date(2028, 11, 30)
        assert plan.review_deadline.met_at is None
