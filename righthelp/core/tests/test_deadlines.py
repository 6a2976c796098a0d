"""Deadlines started from the council's timescales, and their status when met."""

from datetime import datetime

import pytest

from righthelp.core import clocks
from righthelp.core.deadlines import deadline_meet, deadline_start
from righthelp.core.models import Timescale

pytestmark = pytest.mark.django_db
LONDON = clocks.LONDON


def test_assessment_deadline_counts_working_days_over_christmas(world):
    start = datetime(2026, 12, 1, 11, 0, tzinfo=LONDON)
    deadline = deadline_start(person=world.child, rule_code="child-and-family-assessment",
                              started_at=start, subject="Complete the assessment",
                              owner=world.users["social_worker"])
    # 45 working days from 1 Dec 2026 skip 25, 28 Dec (Boxing Day substitute) and 1 Jan 2027.
    assert deadline.due_at.date().isoformat() == "2027-02-05"
    assert deadline.rule_name == "Child and Family Assessment: 45 working days"
    met = deadline_meet(deadline=deadline, met_at=datetime(2027, 2, 5, 16, 0, tzinfo=LONDON))
    assert clocks.status(met.due_at, met.met_at, met.met_at) == clocks.Status.MET_ON_TIME


def test_a_council_setting_changes_the_clock(world):
    Timescale.objects.filter(code="child-and-family-assessment").update(amount=40)
    start = datetime(2026, 12, 1, 11, 0, tzinfo=LONDON)
    deadline = deadline_start(person=world.child, rule_code="child-and-family-assessment",
                              started_at=start, subject="Complete the assessment")
    assert deadline.due_at.date().isoformat() == "2027-01-29"


def test_hours_rule_for_return_home_interview(world):
    back = datetime(2026, 10, 23, 20, 0, tzinfo=LONDON)  # Friday night before the clocks go back
    deadline = deadline_start(person=world.child, rule_code="return-home-interview",
                              started_at=back, subject="Offer a return home interview")
    assert deadline.due_at.astimezone(LONDON).isoformat() == "2026-10-26T19:00:00+00:00"
