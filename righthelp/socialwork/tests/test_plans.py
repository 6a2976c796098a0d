"""Child in need plans: starting (with their clocks), co-producing, actions, ending."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from righthelp.core.models import AuditEvent, Deadline
from righthelp.people.models import Involvement
from righthelp.people.services import EditConflict
from righthelp.socialwork.models import ChildInNeedPlan, PlanAction
from righthelp.socialwork.services import plans as services
from righthelp.socialwork.services.plans import (
    CIN_PLAN_OPEN,
    EPISODE_CLOSED,
    NEED_END_SUMMARY,
    NEED_HOW_WE_WILL_KNOW,
    NEED_OUTCOME,
    PLAN_ENDED,
)

from .plans_support import open_episode

pytestmark = pytest.mark.django_db


def test_starting_a_child_in_need_plan_starts_its_review_and_visit_clocks(world):
    episode = open_episode(world)
    worker = world.users["team_manager"]
    plan = services.child_in_need_plan_start(episode=episode, actor=worker,
                                             start=date(2025, 10, 31))
    assert plan.status == "open" and plan.team == episode.team
    # The council's cadence: review in 3 months (31 October -> 31 January); a visit in 20
    # working days (no bank holidays in November 2025).
    assert plan.review_deadline.rule == "child-in-need-plan-review"
    assert plan.review_deadline.due_at.date() == date(2026, 1, 31)
    assert plan.visit_deadline.rule == "child-in-need-visit"
    assert plan.visit_deadline.due_at.date() == date(2025, 11, 28)
    # Owned by the allocated social worker, not the manager who authorised it.
    assert plan.visit_deadline.owner == world.users["social_worker"]
    assert Involvement.objects.filter(person=world.child, kind="child_in_need",
                                      end__isnull=True).exists()
    assert AuditEvent.objects.filter(object_type="socialwork.ChildInNeedPlan",
                                     object_id=str(plan.pk), action="create").exists()


def test_one_open_child_in_need_plan_and_only_on_an_open_episode(world):
    episode = open_episode(world)
    actor = world.users["social_worker"]
    services.child_in_need_plan_start(episode=episode, actor=actor, start=date(2025, 10, 1))
    with pytest.raises(ValidationError) as error:
        services.child_in_need_plan_start(episode=episode, actor=actor, start=date(2025, 10, 2))
    assert error.value.messages == [CIN_PLAN_OPEN]
    episode.closure_date, episode.closure_reason = date(2025, 10, 3), "RC7"
    episode.save()
    with pytest.raises(ValidationError) as error:
        services.child_in_need_plan_start(episode=episode, actor=actor, start=date(2025, 10, 4))
    assert error.value.messages == [EPISODE_CLOSED]


def test_a_plan_cannot_start_before_the_referral(world):
    episode = open_episode(world, referral_date=date(2025, 9, 1))
    with pytest.raises(ValidationError) as error:
        services.child_in_need_plan_start(episode=episode, actor=world.users["social_worker"],
                                          start=date(2025, 8, 1))
    assert "start" in error.value.message_dict


def _plan(world, start=date(2025, 10, 1)):
    return services.child_in_need_plan_start(episode=open_episode(world),
                                             actor=world.users["social_worker"], start=start)


def test_plan_is_co_produced_and_a_stale_save_is_refused(world):
    plan = _plan(world)
    worker = world.users["social_worker"]
    saved = services.plan_update(plan=plan, actor=worker, version=plan.version, changes={
        "strengths": "Mum walks Jonathan to school every day.",
        "worries": "The house is cold.", "safety_plan": "Nan visits each evening.",
        "childs_words": "I like it when Nan comes.", "familys_words": "We want the heating fixed.",
    })
    assert saved.version == plan.version + 1 and saved.childs_words == "I like it when Nan comes."
    with pytest.raises(EditConflict):
        services.plan_update(plan=plan, actor=worker, version=plan.version,
                             changes={"worries": "Something else"})
    assert ChildInNeedPlan.objects.get(pk=plan.pk).worries == "The house is cold."


def test_actions_say_who_what_by_when_and_how_we_will_know(world):
    plan = _plan(world)
    worker = world.users["social_worker"]
    with pytest.raises(ValidationError) as error:
        services.plan_action_add(plan=plan, actor=worker, who="Mum", what="Call the landlord",
                                 by_when=date(2025, 11, 1), how_we_will_know=" ")
    assert error.value.message_dict == {"how_we_will_know": [NEED_HOW_WE_WILL_KNOW]}
    action = services.plan_action_add(plan=plan, actor=worker, who="Mum",
                                      what="Call the landlord", by_when=date(2025, 11, 1),
                                      how_we_will_know="The heating works.")
    with pytest.raises(ValidationError) as error:
        services.plan_action_update(action=action, actor=worker, version=action.version,
                                    status="done")
    assert error.value.message_dict == {"outcome": [NEED_OUTCOME]}
    done = services.plan_action_update(action=action, actor=worker, version=action.version,
                                       status="done", outcome="Fixed on 20 October.")
    assert done.status == "done" and done.version == 2
    with pytest.raises(EditConflict):
        services.plan_action_update(action=action, actor=worker, version=1, status="under_way")


def test_ending_when_outcomes_are_met_stops_the_clocks_and_the_plan(world):
    plan = _plan(world)
    worker = world.users["social_worker"]
    with pytest.raises(ValidationError) as error:
        services.child_in_need_plan_end(plan=plan, actor=worker, on=date(2025, 10, 20),
                                        reason="outcomes_met", summary="")
    assert error.value.message_dict == {"summary": [NEED_END_SUMMARY]}
    with pytest.raises(ValidationError) as error:
        services.child_in_need_plan_end(plan=plan, actor=worker, on=date(2025, 10, 20),
                                        reason="to_cp", summary="x")
    assert "reason" in error.value.message_dict
    ended = services.child_in_need_plan_end(plan=plan, actor=worker, on=date(2025, 10, 20),
                                            reason="outcomes_met", summary="Warm and settled.")
    assert ended.status == "ended" and ended.get_end_reason_display().endswith(
        "celebrate positive changes")
    clocks = Deadline.objects.filter(pk__in=[plan.review_deadline_id, plan.visit_deadline_id])
    # The plan's clocks stop with it (never shown as met: no review or visit happened).
    assert all(d.met_at is None and d.stopped_at is not None for d in clocks)
    assert {d.stopped_reason for d in clocks} == {"The plan ended."}
    assert not Involvement.objects.filter(person=world.child, kind="child_in_need",
                                          end__isnull=True).exists()
    with pytest.raises(ValidationError) as error:
        services.plan_action_add(plan=ended, actor=worker, who="Mum", what="x",
                                 by_when=date(2025, 11, 1), how_we_will_know="y")
    assert error.value.messages == [PLAN_ENDED]
    assert not PlanAction.objects.exists()
