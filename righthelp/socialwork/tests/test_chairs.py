"""The chairs' view between conferences: plans drifting, in flat queries."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from righthelp.core.testing import make_user
from righthelp.people.models import Person
from righthelp.socialwork.rules.plans import ACTIONS_OVERDUE, OUTCOMES_MET, VISIT_MISSED
from righthelp.socialwork.selectors_plans import drifting_plans
from righthelp.socialwork.services.plans import plan_action_add, plan_action_update
from righthelp.staff.models import Role

from .plans_support import enquiry_needing_conference, open_episode
from .test_conferences import icpc

pytestmark = pytest.mark.django_db


def cp_plan(world, person=None, chair=None):
    episode = open_episode(world, referral_date=date(2026, 9, 1), person=person)
    conference = icpc(world, enquiry_needing_conference(world, episode, date(2026, 9, 2)),
                      date(2026, 9, 10))
    if chair is not None:
        conference.cp_plan.chair = chair
        conference.cp_plan.save()
    return conference.cp_plan


def test_drift_flags_for_each_plan(world):
    worker = world.users["social_worker"]
    missed = cp_plan(world)  # visits due 24 September 2026
    other = Person.objects.create(given_names="Amy", family_name="Lee",
                                  date_of_birth=date(2016, 1, 1))
    done = cp_plan(world, person=other)
    action = plan_action_add(plan=done, actor=worker, who="Mum", what="Parenting course",
                             by_when=date(2026, 10, 1), how_we_will_know="Certificate")
    plan_action_update(action=action, actor=worker, version=1, status="done",
                       outcome="Finished it.")
    late = plan_action_add(plan=missed, actor=worker, who="Dad", what="Alcohol service",
                           by_when=date(2026, 9, 20), how_we_will_know="Attends")
    now = datetime(2026, 9, 23, 12, tzinfo=UTC)  # visits not yet due, review not yet due
    rows = {r.plan: r for g in drifting_plans(world.users["cp_chair"], now=now) for r in g.rows}
    assert rows[missed].flags == [ACTIONS_OVERDUE]
    assert rows[missed].overdue_actions == [late]
    assert rows[done].flags == [OUTCOMES_MET]
    later = datetime(2026, 9, 25, 12, tzinfo=UTC)
    rows = {r.plan: r for g in drifting_plans(world.users["cp_chair"], now=later) for r in g.rows}
    assert rows[missed].flags == [VISIT_MISSED, ACTIONS_OVERDUE]


def test_a_chair_sees_only_their_own_plans_in_flat_queries(world, django_assert_max_num_queries):
    other_chair = make_user(Role.CP_CHAIR, username="second-chair")
    cp_plan(world)
    for number in range(3):
        child = Person.objects.create(given_names=f"Child{number}", family_name="Lee",
                                      date_of_birth=date(2016, 1, 1))
        cp_plan(world, person=child, chair=other_chair)
    now = datetime(2027, 1, 1, tzinfo=UTC)
    with django_assert_max_num_queries(4):
        mine = drifting_plans(world.users["cp_chair"], now=now)
    assert [len(g.rows) for g in mine] == [1]
    with django_assert_max_num_queries(4):
        theirs = drifting_plans(other_chair, now=now)
    assert [len(g.rows) for g in theirs] == [3]


def test_chairs_page_and_midway_link(client, world):
    plan = cp_plan(world)
    client.force_login(world.users["cp_chair"])
    page = client.get(reverse("sw-chairs"), {"show": "all"})
    body = page.content.decode()
    assert page.status_code == 200 and "Jonathan Smith" in body
    assert reverse("sw-cp-plan-midway-new", args=[plan.pk]) in body
