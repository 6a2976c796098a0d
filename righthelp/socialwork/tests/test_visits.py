"""Visits: a visit where the child is seen meets the running visit clock and starts the next."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from righthelp.core import clocks
from righthelp.socialwork.models import Visit
from righthelp.socialwork.services.plans import child_in_need_plan_start
from righthelp.socialwork.services.visits import (
    NEED_CHILDS_WORDS,
    NO_OPEN_PLAN,
    SEEN_ALONE_NEEDS_SEEN,
    visit_record,
)

from .plans_support import enquiry_needing_conference, open_episode
from .test_conferences import icpc

pytestmark = pytest.mark.django_db


def due(deadline):
    return clocks._local(deadline.due_at).date()


def visit(world, episode, on, seen=True, alone=True, words="I had pizza."):
    return visit_record(episode=episode, actor=world.users["social_worker"], visited_on=on,
                        seen=seen, seen_alone=alone, childs_words=words)


def test_child_protection_visits_every_10_working_days_across_bank_holidays(world):
    episode = open_episode(world, referral_date=date(2025, 12, 1))
    plan = icpc(world, enquiry_needing_conference(world, episode, date(2025, 12, 2)),
                date(2025, 12, 10)).cp_plan
    assert due(plan.visit_deadline) == date(2025, 12, 24)
    first = plan.visit_deadline
    visit(world, episode, date(2025, 12, 23))
    plan.refresh_from_db()
    first.refresh_from_db()
    assert clocks.status(first.due_at, first.met_at, first.due_at) == "met_on_time"
    # From 23 December: 24, 29, 30, 31 Dec, 2, 5, 6, 7, 8, 9 Jan (Christmas, Boxing Day and
    # New Year's Day are bank holidays).
    assert plan.visit_deadline.rule == "child-protection-visit"
    assert due(plan.visit_deadline) == date(2026, 1, 9)


def test_a_visit_without_seeing_the_child_leaves_the_clock_running(world):
    episode = open_episode(world)
    plan = child_in_need_plan_start(episode=episode, actor=world.users["social_worker"],
                                    start=date(2025, 10, 1))
    clock = plan.visit_deadline
    visit(world, episode, date(2025, 10, 10), seen=False, alone=False, words="")
    plan.refresh_from_db()
    assert plan.visit_deadline == clock and plan.visit_deadline.met_at is None
    visit(world, episode, date(2025, 10, 20))
    plan.refresh_from_db()
    assert plan.visit_deadline.rule == "child-in-need-visit"
    assert due(plan.visit_deadline) == date(2025, 11, 17)  # 20 working days
    # A visit recorded late, older than the running clock, changes no clock.
    current = plan.visit_deadline
    visit(world, episode, date(2025, 10, 15))
    plan.refresh_from_db()
    assert plan.visit_deadline == current
    assert Visit.objects.filter(cin_plan=plan).count() == 3


def test_visit_refusals(world):
    episode = open_episode(world)
    with pytest.raises(ValidationError) as error:
        visit(world, episode, date(2025, 10, 10))
    assert error.value.messages == [NO_OPEN_PLAN]
    child_in_need_plan_start(episode=episode, actor=world.users["social_worker"],
                             start=date(2025, 10, 1))
    with pytest.raises(ValidationError) as error:
        visit(world, episode, date(2025, 10, 10), seen=False, alone=True, words="")
    assert error.value.message_dict == {"seen_alone": [SEEN_ALONE_NEEDS_SEEN]}
    with pytest.raises(ValidationError) as error:
        visit(world, episode, date(2025, 10, 10), words=" ")
    assert error.value.message_dict == {"childs_words": [NEED_CHILDS_WORDS]}
    with pytest.raises(ValidationError) as error:
        visit(world, episode, date(2025, 9, 30))
    assert "visited_on" in error.value.message_dict
