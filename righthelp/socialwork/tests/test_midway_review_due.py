"""The chairs' view flags a midway review due between conferences: half the time from the
last conference to the next review gone, with no midway review since that conference."""

from datetime import UTC, date, datetime, timedelta
from unittest import mock

import pytest
from django.urls import reverse

from righthelp.socialwork.rules.plans import (
    MIDWAY_REVIEW_DUE,
    REVIEW_OVERDUE,
    DriftFacts,
    drift,
    midway_point,
    midway_review_due,
)
from righthelp.socialwork.selectors_plans import drifting_plans
from righthelp.socialwork.services.reviews import midway_review_record

from .test_chairs import cp_plan
from .test_conferences import review


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


ICPC = date(2026, 1, 10)
REVIEW_DUE = noon(date(2026, 4, 10))  # 3 months on: the midway point is 24 February


def test_the_midway_point_is_halfway_to_the_review():
    assert midway_point(ICPC, REVIEW_DUE.date()) == date(2026, 2, 24)
    assert midway_point(date(2026, 4, 10), date(2026, 10, 10)) == date(2026, 7, 10)


@pytest.mark.parametrize(("today", "last_midway", "due"), [
    (date(2026, 2, 24), None, False),  # on the midway point: not yet passed
    (date(2026, 2, 25), None, True),  # passed, no midway review
    (date(2026, 3, 20), date(2026, 2, 20), False),  # a midway review since the conference
    (date(2026, 3, 20), date(2026, 1, 10), False),  # held on the day of the conference
    (date(2026, 3, 20), date(2025, 12, 1), True),  # only one before the last conference
    (date(2026, 4, 11), None, False),  # the review itself is overdue: that flag instead
])
def test_midway_review_due(today, last_midway, due):
    facts = DriftFacts(review_due_at=REVIEW_DUE, visit_due_at=None,
                       last_conference_on=ICPC, last_midway_on=last_midway)
    assert midway_review_due(facts, noon(today)) is due
    assert (MIDWAY_REVIEW_DUE in drift(facts, noon(today))) is due


def test_no_midway_flag_without_a_running_review_or_a_conference():
    now = noon(date(2026, 3, 20))
    assert not midway_review_due(DriftFacts(None, None, last_conference_on=ICPC), now)
    assert not midway_review_due(DriftFacts(REVIEW_DUE, None), now)
    overdue = DriftFacts(REVIEW_DUE, None, last_conference_on=ICPC)
    assert drift(overdue, noon(date(2026, 4, 11)))[0] == REVIEW_OVERDUE


@pytest.mark.django_db
def test_the_chairs_view_flags_a_midway_review_due_until_one_is_recorded(client, world):
    plan = cp_plan(world)  # ICPC 10 September 2026, first review due 10 December 2026
    chair = world.users["cp_chair"]
    midway = midway_point(date(2026, 9, 10), date(2026, 12, 10))
    assert midway == date(2026, 10, 25)

    def flags(day: date) -> list[str]:
        return [r.flags for g in drifting_plans(chair, now=noon(day), include_on_track=True)
                for r in g.rows if r.plan.pk == plan.pk][0]

    assert MIDWAY_REVIEW_DUE not in flags(midway)
    assert MIDWAY_REVIEW_DUE in flags(midway + timedelta(days=1))
    client.force_login(chair)
    with mock.patch("django.utils.timezone.now", return_value=noon(date(2026, 11, 23))):
        page = client.get(reverse("sw-chairs")).content.decode()
    assert "Midway review due" in page
    midway_review_record(plan=plan, actor=chair, held_on=date(2026, 10, 28),
                         progress="Going well.", childs_words="Calmer at home.",
                         decision="continue", reasons="On track.")
    assert MIDWAY_REVIEW_DUE not in flags(date(2026, 11, 1))
    # The review conference sets the next review (6 months on): a new midway point, and the
    # midway review before that conference no longer counts.
    review(world, plan, date(2026, 12, 1))
    assert MIDWAY_REVIEW_DUE not in flags(date(2027, 2, 28))
    assert MIDWAY_REVIEW_DUE in flags(date(2027, 3, 3))
