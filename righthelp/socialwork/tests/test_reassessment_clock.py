"""Strengthening and Supporting Families' regular reassessment of protective factors, assets
and threats: a clock (the council's cadence, 3 months at Blackpool) started with a plan held
by the team, met by each reassessment, which starts the next, stopped when the plan ends;
none for a plan held by Assessment and Support until the work transfers. Shown with the plan's
clocks, on the plan page and over the API, and on the chairs' view when overdue."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from righthelp.core import clocks
from righthelp.core.models import Deadline
from righthelp.socialwork.models import ChildInNeedPlan
from righthelp.socialwork.rules.plans import REASSESSMENT_OVERDUE
from righthelp.socialwork.selectors_plans import drifting_plans, plans_summary
from righthelp.socialwork.services.plans import (
    REASSESSMENT_RULE,
    child_in_need_plan_end,
    child_in_need_plan_start,
)
from righthelp.socialwork.services.reviews import reassessment_record

from .plans_support import open_episode
from .test_api_plans import SW, bearer
from .test_chairs import cp_plan
from .test_conferences import review
from .test_transfers import child_in_need, families_worker, transfer

pytestmark = pytest.mark.django_db


def due(deadline: Deadline) -> date:
    return clocks._local(deadline.due_at).date()


def reassess(world, episode, held_on: date):
    return reassessment_record(
        episode=episode, actor=world.users["social_worker"], held_on=held_on,
        protective_factors="Gran lives nearby and visits daily.",
        assets="Mum takes the children to school every day.",
        threats="Dad's drinking at weekends.", childs_words="Gran makes tea.")


def cin_plan(world, start=date(2025, 11, 3)) -> ChildInNeedPlan:
    episode = open_episode(world, referral_date=date(2025, 10, 1))
    return child_in_need_plan_start(episode=episode, actor=world.users["social_worker"],
                                    start=start)


def test_a_plan_with_strengthening_and_supporting_families_starts_the_clock(world):
    plan = cin_plan(world, start=date(2025, 11, 30))
    clock = plan.reassessment_deadline
    assert clock.rule == REASSESSMENT_RULE and clock.is_open
    assert due(clock) == date(2026, 2, 28)  # 3 months, to the end of February
    assert clock.team == plan.team and clock.owner == world.users["social_worker"]


def test_each_reassessment_meets_the_clock_and_starts_the_next(world):
    plan = cin_plan(world)
    first = plan.reassessment_deadline
    reassess(world, plan.episode, date(2026, 1, 20))
    first.refresh_from_db()
    plan.refresh_from_db()
    assert first.met_at is not None
    assert clocks.status(first.due_at, first.met_at, first.due_at) == clocks.Status.MET_ON_TIME
    second = plan.reassessment_deadline
    assert second.pk != first.pk and second.is_open and due(second) == date(2026, 4, 20)
    # A reassessment recorded late, dated before the running clock started, leaves it running.
    reassess(world, plan.episode, date(2026, 1, 10))
    plan.refresh_from_db()
    assert plan.reassessment_deadline == second and second.is_open


def test_a_late_reassessment_is_met_late(world):
    plan = cin_plan(world)
    reassess(world, plan.episode, date(2026, 3, 10))  # due 3 February 2026
    clock = Deadline.objects.get(pk=plan.reassessment_deadline_id)
    assert clocks.status(clock.due_at, clock.met_at, clock.met_at) == clocks.Status.MET_LATE


def test_the_clock_stops_when_the_plan_ends_never_met(world):
    plan = cin_plan(world)
    child_in_need_plan_end(plan=plan, actor=world.users["social_worker"], on=date(2026, 1, 5),
                           reason="outcomes_met", summary="Things are calm at home.")
    clock = Deadline.objects.get(pk=plan.reassessment_deadline_id)
    assert clock.met_at is None and clock.stopped_at is not None
    assert clock.stopped_reason == "The plan ended."
    assert clocks.status(clock.due_at, None, clock.stopped_at,
                         stopped=clock.stopped_at) == clocks.Status.STOPPED


def test_a_conference_ending_the_cp_plan_stops_its_clock_and_the_cin_plan_starts_one(world):
    plan = cp_plan(world)  # initial conference 10 September 2026
    assert due(plan.reassessment_deadline) == date(2026, 12, 10)
    review(world, plan, date(2026, 12, 1), decision="end", step_to="cin")
    stopped = Deadline.objects.get(pk=plan.reassessment_deadline_id)
    assert stopped.stopped_at is not None and stopped.met_at is None
    cin = ChildInNeedPlan.objects.get(episode=plan.episode, status="open")
    assert cin.reassessment_deadline.is_open and due(cin.reassessment_deadline) == date(2027, 3, 1)


def test_assessment_and_support_has_no_clock_until_the_work_transfers(world):
    episode = child_in_need(world)
    plan = ChildInNeedPlan.objects.get(episode=episode, status="open")
    assert plan.reassessment_deadline is None
    assert not Deadline.objects.filter(person=world.child, rule=REASSESSMENT_RULE).exists()
    record = transfer(world, episode, families_worker())
    plan.refresh_from_db()
    clock = plan.reassessment_deadline
    assert clock.is_open and clock.team == record.to_team
    assert clock.started_at.date() == record.transferred_on
    assert clock.owner == record.to_worker


def test_the_clock_is_in_the_plans_clocks_on_the_plan_page_and_over_the_api(client, world):
    plan = cin_plan(world)
    shown = plans_summary(plan.episode).clocks
    assert [c.deadline.rule for c in shown].count(REASSESSMENT_RULE) == 1
    client.force_login(world.users["social_worker"])
    page = client.get(reverse("sw-cin-plan", args=[plan.pk])).content.decode()
    assert 'id="reassessment-clock"' in page and "Next reassessment" in page
    assert "3 February 2026" in page
    assert reverse("sw-reassessment-new", args=[plan.episode_id]) in page
    overview = client.get(reverse("sw-episode-plans", args=[plan.episode_id])).content.decode()
    assert "Reassess protective factors, assets and threats" in overview
    data = client.get(f"{SW}/cin-plans/{plan.pk}", **bearer(world.users["social_worker"])).json()
    assert data["reassessment"]["rule"] == REASSESSMENT_RULE
    assert data["reassessment"]["status"] == "overdue"


def test_the_chairs_see_a_reassessment_overdue(world):
    plan = cp_plan(world)  # reassessment due 10 December 2026, review 10 December too
    chair = world.users["cp_chair"]
    before = datetime(2026, 12, 9, 12, tzinfo=UTC)
    assert REASSESSMENT_OVERDUE not in _flags(chair, plan, before)
    after = datetime(2026, 12, 11, 12, tzinfo=UTC)
    assert REASSESSMENT_OVERDUE in _flags(chair, plan, after)
    reassess(world, plan.episode, date(2026, 12, 11))
    assert REASSESSMENT_OVERDUE not in _flags(chair, plan, after)


def _flags(chair, plan, now) -> list[str]:
    rows = {r.plan.pk: r for g in drifting_plans(chair, now=now, include_on_track=True)
            for r in g.rows}
    return rows[plan.pk].flags
