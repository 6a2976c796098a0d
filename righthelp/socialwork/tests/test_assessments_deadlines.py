"""The Child and Family Assessment clock: 45 working days from the referral, across bank
holidays, met when the team manager authorises the outcome."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from righthelp.core import clocks
from righthelp.core.clocks import LONDON
from righthelp.socialwork.services import assessments

from .assessments_support import PRACTICE, at, on, referred

pytestmark = pytest.mark.django_db


def assess(world, referral: datetime, sent_on: date, authorised_on: date):
    with at(referral):
        episode = referred(world, received_at=referral)
    assessment = episode.assessments.get()
    worker, manager = world.users["social_worker"], world.users["team_manager"]
    with at(on(sent_on, 11)):
        assessment = assessments.assessment_save(assessment=assessment, actor=worker,
                                                 version=assessment.version, changes=PRACTICE)
        assessment = assessments.assessment_send(assessment=assessment, actor=worker)
    with at(on(authorised_on, 16)):
        return assessments.assessment_authorise(
            assessment=assessment, actor=manager, outcome="child_in_need",
            reasons="Support needed.", primary_need="N1")


def test_cafa_due_45_working_days_from_an_april_referral_across_easter_and_may(world):
    """Referral Monday 14 April 2025. Good Friday (18 April), Easter Monday (21 April) and the
    May bank holidays (5 and 26 May) are not working days: due Friday 20 June 2025, not 16."""
    assessment = assess(world, on(date(2025, 4, 14)), date(2025, 6, 19), date(2025, 6, 20))
    deadline = assessment.deadline
    assert timezone.localtime(deadline.due_at) == datetime(2025, 6, 20, 23, 59, 59,
                                                           tzinfo=LONDON)
    assert assessment.authorised_on == date(2025, 6, 20)
    assert clocks.status(deadline.due_at, deadline.met_at, deadline.met_at) == \
        clocks.Status.MET_ON_TIME


def test_cafa_authorised_the_next_working_day_is_late(world):
    assessment = assess(world, on(date(2025, 4, 14)), date(2025, 6, 20), date(2025, 6, 23))
    deadline = assessment.deadline
    assert clocks.status(deadline.due_at, deadline.met_at, deadline.met_at) == \
        clocks.Status.MET_LATE


def test_cafa_from_a_december_referral_skips_christmas_and_new_year(world):
    """Referral Monday 1 December 2025: Christmas Day, Boxing Day and New Year's Day fall
    inside the 45 working days, so it is due Thursday 5 February 2026 (not Monday 2)."""
    with at(on(date(2025, 12, 1))):
        episode = referred(world, received_at=on(date(2025, 12, 1)))
    due = timezone.localtime(episode.assessments.get().deadline.due_at).date()
    assert due == date(2026, 2, 5)
